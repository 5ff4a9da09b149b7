/* whatif_cmd.c — compare, sensitivity, frontier, robust and merge-patch. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *COMPARE_HELP =
    "usage: partnerval compare CASE [SCENARIO.json ...] [--set path=value ...]\n"
    "                          [--format text|md|csv|json|html] [-o FILE] [--lang sv|en] [--why]\n"
    "\n"
    "Solves the base case and each scenario, and shows them side by side: value,\n"
    "resources used, selected projects, and what entered and left compared with\n"
    "the base. A scenario file is {\"name\": …, \"patch\": {…}}, an RFC 7386 merge\n"
    "patch applied to the case with its model inlined under \"model\", e.g.\n"
    "{\"model\": {\"criteria\": {\"safety\": {\"weight\": 4}}}}. Each --set makes\n"
    "one more scenario from the command line, e.g.\n"
    "--set model.criteria.safety.weight=4 (all --set together form one scenario).\n";

static const char *SENS_HELP =
    "usage: partnerval sensitivity CASE [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "       [--date YYYY-MM-DD]\n"
    "\n"
    "For every leaf criterion, varies its global weight from 0 to 1 (the other\n"
    "leaves rescaled in proportion) and reports the interval [low, high] around\n"
    "the current weight within which the selected portfolio stays the same (to\n"
    "0.001, by bisection on re-solves), and what enters and leaves beyond it.\n";

static const char *FRONTIER_HELP =
    "usage: partnerval frontier CASE --resource R [--from A] [--to B] [--steps N]\n"
    "                           [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "       [--date YYYY-MM-DD]\n"
    "\n"
    "The optimal value as the limit of resource R goes from A (default 0) to B\n"
    "(default: the total demand of R), at N+1 evenly spaced limits (default\n"
    "N = 10), with the exact limits where the portfolio changes and the order in\n"
    "which projects enter.\n";

static const char *ROBUST_HELP =
    "usage: partnerval robust CASE --samples N [--seed S] [--threads T]\n"
    "                         [--weights uniform|ranked|intervals]\n"
    "                         [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "       [--date YYYY-MM-DD]\n"
    "\n"
    "Monte Carlo over the leaf criteria's weights: each sample is normalised and\n"
    "the portfolio re-solved. Reports each project's selection share with a 95 %\n"
    "Wilson interval (core >= 0.9, exterior <= 0.1, else borderline), the most\n"
    "frequent portfolios, and the share of samples in which the base portfolio\n"
    "is optimal. Sample i uses its own xoshiro256** stream seeded by\n"
    "splitmix64 from (S, i), so the output is the same for any --threads.\n"
    "  uniform    uniform on the simplex (no preference information)\n"
    "  ranked     uniform among weights that keep the model's order\n"
    "  intervals  each criterion's \"weight_range\": [lo, hi] drawn uniformly\n";

enum { O_FORMAT = 'f', O_OUT = 'o', O_LANG = 'l', O_HELP = 'h', O_SET = 256, O_WHY, O_RES,
       O_FROM, O_TO, O_STEPS, O_SAMPLES, O_SEED, O_THREADS, O_WEIGHTS, O_DATE = 512 };

static const struct option LONGOPTS[] = {
    {"format", required_argument, 0, O_FORMAT}, {"output", required_argument, 0, O_OUT},
    {"lang", required_argument, 0, O_LANG},     {"help", no_argument, 0, O_HELP},
    {"set", required_argument, 0, O_SET},       {"why", no_argument, 0, O_WHY},
    {"resource", required_argument, 0, O_RES},  {"from", required_argument, 0, O_FROM},
    {"to", required_argument, 0, O_TO},         {"steps", required_argument, 0, O_STEPS},
    {"samples", required_argument, 0, O_SAMPLES}, {"seed", required_argument, 0, O_SEED},
    {"threads", required_argument, 0, O_THREADS}, {"weights", required_argument, 0, O_WEIGHTS},
    {"date", required_argument, 0, O_DATE},
    {0, 0, 0, 0}};

typedef struct wopts {
    int fmt, lang, why;
    const char *out, *resource, *weights;
    double from, to;
    long steps, samples, threads;
    int dist; /* robust: pv_weights_dist */
    unsigned long long seed;
    const char **sets;
    size_t nsets;
    char **pos;
    size_t npos;
} wopts;

static int num_arg(const char *name, const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    if (errno || *end || end == s || *out != *out)
        return pv_cli_usage("bad number '%s'", s) + 0 * (name != NULL);
    return 0;
}

static int long_arg(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < lo || v > hi)
        return pv_cli_usage("bad count '%s'", s);
    *out = v;
    return 0;
}

/* Returns 0 ok, -1 help printed, >0 usage exit code. */
static int parse(int argc, char **argv, const char *help, const char *allowed, wopts *o)
{
    memset(o, 0, sizeof *o);
    o->fmt = PV_FMT_TEXT;
    o->lang = PV_LANG_DEFAULT;
    o->from = o->to = -1;
    o->steps = 10;
    o->threads = 1;
    o->seed = 1;
    o->sets = calloc((size_t)argc + 1, sizeof *o->sets);
    o->pos = calloc((size_t)argc + 1, sizeof *o->pos);
    if (!o->sets || !o->pos)
        return PV_EINTERNAL;
    optind = 1;
    opterr = 0;
    int ch, idx;
    while ((ch = getopt_long(argc, argv, "-:f:o:l:h", LONGOPTS, &idx)) != -1) {
        if (ch >= O_SET && ch < O_DATE && !strchr(allowed, (char)('a' + (ch - O_SET))))
            return pv_cli_usage("option '%s' does not belong to this command", argv[optind - 1]);
        switch (ch) {
        case 1: o->pos[o->npos++] = optarg; break;
        case O_FORMAT:
            if ((o->fmt = pv_format_parse(optarg)) < 0)
                return pv_cli_usage("unknown format '%s' (text, md, csv, json, html)", optarg);
            break;
        case O_OUT: o->out = optarg; break;
        case O_LANG:
            if ((o->lang = pv_lang_parse(optarg)) < 0)
                return pv_cli_usage("unknown language '%s' (sv, en)", optarg);
            break;
        case O_HELP: fputs(help, stdout); return -1;
        case O_SET: o->sets[o->nsets++] = optarg; break;
        case O_WHY: o->why = 1; break;
        case O_RES: o->resource = optarg; break;
        case O_FROM:
            if (num_arg("from", optarg, &o->from) || o->from < 0)
                return pv_cli_usage("--from must be a number >= 0%s", "");
            break;
        case O_TO:
            if (num_arg("to", optarg, &o->to) || o->to < 0)
                return pv_cli_usage("--to must be a number >= 0%s", "");
            break;
        case O_STEPS:
            if (long_arg(optarg, 1, 10000, &o->steps))
                return PV_EUSAGE;
            break;
        case O_SAMPLES:
            if (long_arg(optarg, 1, 10000000, &o->samples))
                return PV_EUSAGE;
            break;
        case O_SEED: {
            char *end;
            errno = 0;
            o->seed = strtoull(optarg, &end, 10);
            if (errno || *end || end == optarg || optarg[0] == '-')
                return pv_cli_usage("--seed takes a whole number >= 0, not '%s'", optarg);
            break;
        }
        case O_THREADS:
            if (long_arg(optarg, 1, 64, &o->threads))
                return PV_EUSAGE;
            break;
        case O_WEIGHTS: o->weights = optarg; break;
        case O_DATE:
            if (pv_set_report_date(optarg))
                return pv_cli_usage("--date takes YYYY-MM-DD, not '%s'", optarg);
            break;
        case ':': return pv_cli_usage("option '%s' needs a value", argv[optind - 1]);
        default: return pv_cli_usage("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (o->npos == 0)
        return pv_cli_usage("no case file given%s", "");
    return 0;
}

static void wfree(wopts *o)
{
    free(o->sets);
    free(o->pos);
}

/* allowed option letters: a=set b=why c=resource d=from e=to f=steps g=samples h=seed
 * i=threads j=weights */

int pv_cli_compare(int argc, char **argv)
{
    wopts o;
    int rc = parse(argc, argv, COMPARE_HELP, "ab", &o);
    if (rc) {
        wfree(&o);
        return rc < 0 ? 0 : rc;
    }
    pv_error err;
    pv_error_clear(&err);
    size_t n = o.npos - 1 + (o.nsets ? 1 : 0);
    pv_scenario **sc = calloc(n + 1, sizeof *sc);
    pv_comparison *cmp = NULL;
    pv_case *base = NULL;
    if (!sc) {
        wfree(&o);
        return PV_EINTERNAL;
    }
    /* -o must not overwrite a scenario file, nor any input of the case. */
    for (size_t i = 0; o.out && i < o.npos; i++)
        if (pv_cli_same_file(o.out, o.pos[i])) {
            fprintf(stderr, "partnerval: error: %s: refusing to overwrite an input file\n", o.out);
            rc = PV_EUSAGE;
            goto out;
        }
    if (o.out && !(base = pv_case_load(o.pos[0], &err)))
        goto done;
    size_t k = 0;
    for (size_t i = 1; i < o.npos; i++)
        if (!(sc[k++] = pv_scenario_load(o.pos[i], &err)))
            goto done;
    if (o.nsets && !(sc[k++] = pv_scenario_from_sets("--set", o.sets, o.nsets, &err)))
        goto done;
    pv_select_opts so;
    pv_select_opts_init(&so);
    so.no_why = !o.why;
    cmp = pv_compare(o.pos[0], sc, n, &so, &err);
    if (cmp) {
        size_t len;
        char *text = pv_render_compare(cmp, (pv_format)o.fmt, (pv_lang)o.lang, &len, &err);
        if (text) {
            rc = pv_cli_emit(base, o.out, text, len, &err);
            goto out;
        }
    }
done:
    rc = pv_cli_error(&err);
out:
    pv_case_free(base);
    pv_comparison_free(cmp);
    for (size_t i = 0; i < n; i++)
        pv_scenario_free(sc[i]);
    free(sc);
    wfree(&o);
    return rc;
}

/* Loads the case and ranking the analyses need; exit code or 0. */
static int load(const wopts *o, pv_case **c, pv_ranking **r, pv_error *err)
{
    if (o->npos != 1)
        return pv_cli_usage("too many arguments%s", "");
    *c = pv_case_load(o->pos[0], err);
    *r = *c ? pv_rank(*c, err) : NULL;
    return *r ? 0 : pv_cli_error(err);
}

/* One analysis: computes its result and renders it (NULL + err on failure). */
typedef char *(*analysis_fn)(pv_case *c, const pv_ranking *r, const wopts *o, size_t *len,
                             pv_error *err);

/* What sensitivity, frontier and robust share: load, analyse, emit, free. rc
 * is the option parsing's result (-1 after --help). */
static int run_analysis(wopts *o, int rc, analysis_fn fn)
{
    pv_case *c = NULL;
    pv_ranking *r = NULL;
    pv_error err;
    pv_error_clear(&err);
    if (!rc && !(rc = load(o, &c, &r, &err))) {
        size_t len;
        char *text = fn(c, r, o, &len, &err);
        rc = text ? pv_cli_emit(c, o->out, text, len, &err) : pv_cli_error(&err);
    }
    pv_ranking_free(r);
    pv_case_free(c);
    wfree(o);
    return rc < 0 ? 0 : rc;
}

static char *sensitivity(pv_case *c, const pv_ranking *r, const wopts *o, size_t *len,
                         pv_error *err)
{
    pv_sensitivity *s = pv_sensitivity_run(c, r, err);
    char *text = s ? pv_render_sensitivity(c, r, s, (pv_format)o->fmt, (pv_lang)o->lang, len, err)
                   : NULL;
    pv_sensitivity_free(s);
    return text;
}

int pv_cli_sensitivity(int argc, char **argv)
{
    wopts o;
    int rc = parse(argc, argv, SENS_HELP, "", &o);
    return run_analysis(&o, rc, sensitivity);
}

static char *frontier(pv_case *c, const pv_ranking *r, const wopts *o, size_t *len, pv_error *err)
{
    pv_frontier *f = pv_frontier_run(c, r, o->resource, o->from, o->to, (int)o->steps, err);
    char *text =
        f ? pv_render_frontier(c, r, f, (pv_format)o->fmt, (pv_lang)o->lang, len, err) : NULL;
    pv_frontier_free(f);
    return text;
}

int pv_cli_frontier(int argc, char **argv)
{
    wopts o;
    int rc = parse(argc, argv, FRONTIER_HELP, "cdef", &o);
    if (!rc && !o.resource)
        rc = pv_cli_usage("frontier needs --resource R%s", "");
    return run_analysis(&o, rc, frontier);
}

static char *robust(pv_case *c, const pv_ranking *r, const wopts *o, size_t *len, pv_error *err)
{
    pv_robust *rb = pv_robust_run(c, r, (size_t)o->samples, o->seed, (pv_weights_dist)o->dist,
                                  (int)o->threads, err);
    char *text =
        rb ? pv_render_robust(c, r, rb, (pv_format)o->fmt, (pv_lang)o->lang, len, err) : NULL;
    pv_robust_free(rb);
    return text;
}

int pv_cli_robust(int argc, char **argv)
{
    wopts o;
    int rc = parse(argc, argv, ROBUST_HELP, "ghij", &o);
    o.dist = PV_DIST_UNIFORM;
    if (!rc && !o.samples)
        rc = pv_cli_usage("robust needs --samples N%s", "");
    if (!rc && o.weights) {
        if (!strcmp(o.weights, "uniform"))
            o.dist = PV_DIST_UNIFORM;
        else if (!strcmp(o.weights, "ranked"))
            o.dist = PV_DIST_RANKED;
        else if (!strcmp(o.weights, "intervals"))
            o.dist = PV_DIST_INTERVALS;
        else
            rc = pv_cli_usage("--weights takes uniform, ranked or intervals, not '%s'", o.weights);
    }
    return run_analysis(&o, rc, robust);
}

/* Reads a whole (small) file for merge-patch. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *d = malloc(cap);
    while (d) {
        size_t r = fread(d + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
        if (n + 1 >= cap) {
            char *p = cap < (64u << 20) ? realloc(d, cap * 2) : NULL;
            if (!p) {
                free(d);
                d = NULL;
                break;
            }
            d = p;
            cap *= 2;
        }
    }
    fclose(f);
    if (d)
        d[n] = '\0';
    return d;
}

int pv_cli_merge_patch(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        puts("usage: partnerval merge-patch TARGET.json PATCH.json\n\n"
             "Prints TARGET with PATCH applied as an RFC 7386 JSON merge patch (compact).");
        return 0;
    }
    if (argc != 3)
        return pv_cli_usage("merge-patch takes TARGET.json PATCH.json%s", "");
    char *t = slurp(argv[1]), *p = slurp(argv[2]);
    pv_error err;
    pv_error_clear(&err);
    int rc = 0;
    if (!t || !p) {
        fprintf(stderr, "partnerval: error: %s: cannot read\n", !t ? argv[1] : argv[2]);
        rc = PV_EINPUT;
    } else {
        char *out = pv_merge_patch_text(t, p, &err);
        if (!out)
            rc = pv_cli_error(&err);
        else {
            printf("%s\n", out);
            pv_free(out);
        }
    }
    free(t);
    free(p);
    return rc;
}
