/* whatif_cmd.c — `partnerval compare`, `sensitivity`, `frontier`, `robust` and
 * `merge-patch`: the what-if analyses around a selection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char COMPARE_HELP[] =
    "usage: partnerval compare CASE [SCENARIO.json ...] [--set path=value ...]\n"
    "                          [--format text|md|csv|json|html|xlsx] [-o FILE] [--lang sv|en]\n"
    "                          [--why]\n"
    "\n"
    "Solves the base case and each scenario, and shows them side by side: value,\n"
    "resources used, selected projects, and what entered and left compared with\n"
    "the base. A scenario file is {\"name\": …, \"patch\": {…}}, an RFC 7386 merge\n"
    "patch applied to the case with its model inlined under \"model\", e.g.\n"
    "{\"model\": {\"criteria\": {\"safety\": {\"weight\": 4}}}}. Each --set makes\n"
    "one more scenario from the command line, e.g.\n"
    "--set model.criteria.safety.weight=4 (all --set together form one scenario).\n";

static const char SENS_HELP[] =
    "usage: partnerval sensitivity CASE [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "       [--date YYYY-MM-DD]\n"
    "\n"
    "For every leaf criterion, varies its global weight from 0 to 1 (the other\n"
    "leaves rescaled in proportion) and reports the interval [low, high] around\n"
    "the current weight within which the selected portfolio stays the same (to\n"
    "0.001, by bisection on re-solves), and what enters and leaves beyond it.\n";

static const char FRONTIER_HELP[] =
    "usage: partnerval frontier CASE --resource R [--from A] [--to B] [--steps N]\n"
    "                           [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "       [--date YYYY-MM-DD]\n"
    "\n"
    "The optimal value as the limit of resource R goes from A (default 0) to B\n"
    "(default: the total demand of R), at N+1 evenly spaced limits (default\n"
    "N = 10), with the exact limits where the portfolio changes and the order in\n"
    "which projects enter.\n";

static const char ROBUST_HELP[] =
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
    "  intervals  each criterion's \"weight_range\": [lo, hi] drawn uniformly\n"
    "\n"
    "Progress goes to standard error when it is a terminal and the work takes more\n"
    "than a second; --quiet turns it off (also for sensitivity, frontier, select).\n";

/* The --set scenario applied on its own, before any solving, so that a bad
 * setting is blamed on the setting ("--set resources.x.limit=abc: …"), not on
 * the case file it was merged into. 0, or the exit code (message printed). */
static int check_sets(const pv_cli_opts *o, const pv_scenario *sets)
{
    pv_error err;
    pv_error_clear(&err);
    pv_case *t = pv_case_load_scenario(o->args[0], sets, &err);
    if (t) {
        pv_case_free(t);
        return 0;
    }
    if (err.code != PV_EINPUT)
        return pv_cli_error(&err);
    for (size_t i = 0; i < o->nsets; i++) {
        size_t n = strcspn(o->sets[i], "=");
        if (!strncmp(err.text, o->sets[i], n) && err.text[n] == ':') {
            fprintf(stderr, "partnerval: error: --set %s: %s\n", o->sets[i],
                    err.text + n + (err.text[n + 1] == ' ' ? 2 : 1));
            return err.code;
        }
    }
    /* a setting that breaks something else (a reference, a constraint) */
    char msg[2048];
    fprintf(stderr, "partnerval: error: with --set %s", o->sets[0]);
    for (size_t i = 1; i < o->nsets; i++)
        fprintf(stderr, " --set %s", o->sets[i]);
    fprintf(stderr, ": %s\n", pv_error_format(&err, msg, sizeof msg));
    return err.code;
}

static int run_compare(const pv_cli_opts *o)
{
    int rc;
    pv_error err;
    pv_error_clear(&err);
    size_t n = o->nargs - 1 + (o->nsets ? 1 : 0);
    pv_scenario **sc = calloc(n + 1, sizeof *sc);
    pv_comparison *cmp = NULL;
    pv_case *base = NULL;
    if (!sc)
        return pv_cli_nomem();
    /* -o must not overwrite a scenario file, nor any input of the case. */
    for (size_t i = 0; o->out && i < o->nargs; i++)
        if (pv_cli_same_file(o->out, o->args[i])) {
            fprintf(stderr, "partnerval: error: %s: refusing to overwrite an input file\n", o->out);
            rc = PV_EUSAGE;
            goto out;
        }
    if (o->out && !(base = pv_case_load(o->args[0], &err)))
        goto done;
    size_t k = 0;
    for (size_t i = 1; i < o->nargs; i++)
        if (!(sc[k++] = pv_scenario_load(o->args[i], &err)))
            goto done;
    if (o->nsets && !(sc[k++] = pv_scenario_from_sets("--set", o->sets, o->nsets, &err)))
        goto done;
    if (o->nsets && (rc = check_sets(o, sc[k - 1])))
        goto out;
    pv_select_opts so;
    pv_select_opts_init(&so);
    so.no_why = !o->why;
    cmp = pv_compare(o->args[0], sc, n, &so, &err);
    if (cmp) {
        size_t len;
        char *text = pv_render_compare(cmp, (pv_format)o->fmt, (pv_lang)o->lang, &len, &err);
        if (text) {
            rc = pv_cli_emit(base, o->out, text, len, &err);
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
    return rc;
}


const pv_cli_cmd pv_cli_compare = {
    .name = "compare", .synopsis = "CASE SCENARIO...",
    .summary = "solve scenarios side by side (also --set path=value)",
    .help = COMPARE_HELP,
    .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_SET) | PV_OPT_BIT(PV_OPT_WHY) |
            PV_OPT_BIT(PV_OPT_QUIET),
    .min_args = 1, .run = run_compare,
};

typedef enum analysis { SENSITIVITY, FRONTIER, ROBUST } analysis;

/* Runs one analysis on the loaded case and renders it (NULL + run->err on failure). */
static char *analyse(analysis a, pv_cli_run *run, const pv_cli_opts *o, size_t *len)
{
    pv_case *c = run->c;
    const pv_ranking *r = run->r;
    pv_error *err = &run->err;
    char *text = NULL;
    if (a == SENSITIVITY) {
        pv_sensitivity *s = pv_sensitivity_run(c, r, err);
        text = s ? pv_render_sensitivity(c, r, s, run->fmt, run->lang, len, err) : NULL;
        pv_sensitivity_free(s);
    } else if (a == FRONTIER) {
        pv_frontier *fr = pv_frontier_run(c, r, o->resource, o->from, o->to, (int)o->steps, err);
        text = fr ? pv_render_frontier(c, r, fr, run->fmt, run->lang, len, err) : NULL;
        pv_frontier_free(fr);
    } else {
        pv_robust *rb = pv_robust_run(c, r, (size_t)o->samples, o->seed,
                                      (pv_weights_dist)o->dist, (int)o->threads, err);
        text = rb ? pv_render_robust(c, r, rb, run->fmt, run->lang, len, err) : NULL;
        pv_robust_free(rb);
    }
    return text;
}

/* What sensitivity, frontier and robust share: load, rank, analyse, emit, free;
 * an infeasible analysis shows select's diagnosis instead. */
static int run_analysis(const pv_cli_opts *o, analysis a)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    size_t len = 0;
    char *text = rc ? NULL : analyse(a, &run, o, &len);
    if (!rc && !text && run.err.code == PV_EINFEASIBLE)
        rc = pv_cli_infeasible(run.c, run.r, o, &run.err);
    return pv_cli_finish(&run, rc, text, len);
}

static int run_sensitivity(const pv_cli_opts *o)
{
    return run_analysis(o, SENSITIVITY);
}

const pv_cli_cmd pv_cli_sensitivity = {
    .name = "sensitivity", .synopsis = "CASE",
    .summary = "weight intervals within which the portfolio holds",
    .help = SENS_HELP,
    .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_QUIET),
    .min_args = 1, .max_args = 1, .run = run_sensitivity,
};

static int run_frontier(const pv_cli_opts *o)
{
    if (!o->resource)
        return pv_cli_usage("frontier needs --resource R");
    if (o->from >= 0 && o->to >= 0 && o->from > o->to)
        return pv_cli_usage("--from (%g) must not exceed --to (%g)", o->from, o->to);
    return run_analysis(o, FRONTIER);
}

const pv_cli_cmd pv_cli_frontier = {
    .name = "frontier", .synopsis = "CASE --resource R",
    .summary = "the optimal value as one limit varies",
    .help = FRONTIER_HELP,
    .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_RESOURCE) | PV_OPT_BIT(PV_OPT_FROM) |
            PV_OPT_BIT(PV_OPT_TO) | PV_OPT_BIT(PV_OPT_STEPS) | PV_OPT_BIT(PV_OPT_QUIET),
    .min_args = 1, .max_args = 1, .run = run_frontier,
};

static int run_robust(const pv_cli_opts *o)
{
    if (!o->samples)
        return pv_cli_usage("robust needs --samples N");
    return run_analysis(o, ROBUST);
}

const pv_cli_cmd pv_cli_robust = {
    .name = "robust", .synopsis = "CASE --samples N",
    .summary = "selection shares over random weights",
    .help = ROBUST_HELP,
    .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_SAMPLES) | PV_OPT_BIT(PV_OPT_SEED) |
            PV_OPT_BIT(PV_OPT_THREADS) | PV_OPT_BIT(PV_OPT_WEIGHTS) | PV_OPT_BIT(PV_OPT_QUIET),
    .min_args = 1, .max_args = 1, .run = run_robust,
};

static int run_merge_patch(const pv_cli_opts *o)
{
    pv_error err;
    pv_error_clear(&err);
    char *out = pv_merge_patch_files(o->args[0], o->args[1], &err);
    if (!out)
        return pv_cli_error(&err);
    int rc = 0;
    if (printf("%s\n", out) < 0 || fflush(stdout) != 0) {
        fprintf(stderr, "partnerval: error: cannot write to standard output\n");
        rc = PV_EINTERNAL;
    }
    pv_free(out);
    return rc;
}

const pv_cli_cmd pv_cli_merge_patch = {
    .name = "merge-patch", .synopsis = "TARGET PATCH",
    .summary = "apply an RFC 7386 merge patch (to check scenarios)",
    .help = "usage: partnerval merge-patch TARGET.json PATCH.json\n"
            "\n"
            "Prints TARGET with PATCH applied as an RFC 7386 JSON merge patch (compact).\n",
    .opts = 0,
    .min_args = 2, .max_args = 2,
    .args_error = "merge-patch takes TARGET.json PATCH.json",
    .run = run_merge_patch,
};
