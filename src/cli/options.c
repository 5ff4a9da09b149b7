/* options.c — the one option parser of every command (getopt_long), and the
 * usage-error message. A command names the options it accepts; any other
 * known option is refused with the command's name, so that an option never
 * passes silently where it has no effect. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Long options return 256 + pv_cli_opt; the four with a short form return it. */
#define LONG_ONLY(o) (256 + (o))

static const struct option LONGOPTS[] = {
    {"format", required_argument, 0, 'f'},
    {"output", required_argument, 0, 'o'},
    {"lang", required_argument, 0, 'l'},
    {"help", no_argument, 0, 'h'},
    {"date", required_argument, 0, LONG_ONLY(PV_OPT_DATE)},
    {"time-limit", required_argument, 0, LONG_ONLY(PV_OPT_TIME_LIMIT)},
    {"gap", required_argument, 0, LONG_ONLY(PV_OPT_GAP)},
    {"no-why", no_argument, 0, LONG_ONLY(PV_OPT_NO_WHY)},
    {"lp", required_argument, 0, LONG_ONLY(PV_OPT_LP)},
    {"mps", required_argument, 0, LONG_ONLY(PV_OPT_MPS)},
    {"set", required_argument, 0, LONG_ONLY(PV_OPT_SET)},
    {"why", no_argument, 0, LONG_ONLY(PV_OPT_WHY)},
    {"resource", required_argument, 0, LONG_ONLY(PV_OPT_RESOURCE)},
    {"from", required_argument, 0, LONG_ONLY(PV_OPT_FROM)},
    {"to", required_argument, 0, LONG_ONLY(PV_OPT_TO)},
    {"steps", required_argument, 0, LONG_ONLY(PV_OPT_STEPS)},
    {"samples", required_argument, 0, LONG_ONLY(PV_OPT_SAMPLES)},
    {"seed", required_argument, 0, LONG_ONLY(PV_OPT_SEED)},
    {"threads", required_argument, 0, LONG_ONLY(PV_OPT_THREADS)},
    {"weights", required_argument, 0, LONG_ONLY(PV_OPT_WEIGHTS)},
    {"port", required_argument, 0, LONG_ONLY(PV_OPT_PORT)},
    {"bind", required_argument, 0, LONG_ONLY(PV_OPT_BIND)},
    {"scenarios", required_argument, 0, LONG_ONLY(PV_OPT_SCENARIOS)},
    {"sets", required_argument, 0, LONG_ONLY(PV_OPT_SETS_FILE)},
    {"model", required_argument, 0, LONG_ONLY(PV_OPT_MODEL)},
    {"quiet", no_argument, 0, LONG_ONLY(PV_OPT_QUIET)},
    {"year", required_argument, 0, LONG_ONLY(PV_OPT_YEAR)},
    {0, 0, 0, 0}};

int pv_cli_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "partnerval: error: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(see 'partnerval --help')\n");
    return PV_EUSAGE;
}

static int opt_of(int ch)
{
    switch (ch) {
    case 'f': return PV_OPT_FORMAT;
    case 'o': return PV_OPT_OUTPUT;
    case 'l': return PV_OPT_LANG;
    case 'h': return PV_OPT_HELP;
    default: return ch >= LONG_ONLY(0) ? ch - LONG_ONLY(0) : -1;
    }
}

/* The largest resource limit the solver takes (as the case's limits). */
#define MAX_LIMIT 1e15

/* strtod of a plain decimal ("12", "0.5", "1e3"): NAN for anything else
 * strtod would take (hex "0x10", "inf", "nan", a leading space); end set. */
static double plain_strtod(const char *s, char **end)
{
    *end = (char *)s;
    if (!((s[0] >= '0' && s[0] <= '9') || s[0] == '.') || s[strspn(s, "0123456789.eE+-")])
        return NAN;
    return strtod(s, end);
}

/* A limit of the frontier: a plain decimal number in [0, 1e15] (no inf, nan,
 * hex or leading space), blamed on the option that gave it. */
static int limit_arg(const char *opt, const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = plain_strtod(s, &end);
    if (!(v == v) || errno || *end || end == s || !(v >= 0) || v > MAX_LIMIT)
        return pv_cli_usage("%s takes a number in [0, 1e15], not '%s'", opt, s);
    *out = v;
    return 0;
}

/* A whole number in lo..hi, digits only (no sign, no space), blamed on opt. */
static int count_arg(const char *opt, const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = s[0] >= '0' && s[0] <= '9' ? strtol(s, &end, 10) : -1;
    if (v < 0 || errno || *end || v < lo || v > hi)
        return pv_cli_usage("%s takes a whole number from %ld to %ld, not '%s'", opt, lo, hi, s);
    *out = v;
    return 0;
}

static int seed_arg(const char *s, unsigned long long *out)
{
    char *end;
    errno = 0;
    /* strtoull skips spaces and takes a sign: " -1" would wrap around */
    if (!(s[0] >= '0' && s[0] <= '9') || (*out = strtoull(s, &end, 10), errno) || *end)
        return pv_cli_usage("--seed takes a whole number from 0 to %llu, not '%s'",
                            (unsigned long long)-1, s);
    return 0;
}

static int weights_arg(const char *s, int *dist)
{
    if (!strcmp(s, "uniform"))
        *dist = PV_DIST_UNIFORM;
    else if (!strcmp(s, "ranked"))
        *dist = PV_DIST_RANKED;
    else if (!strcmp(s, "intervals"))
        *dist = PV_DIST_INTERVALS;
    else
        return pv_cli_usage("--weights takes uniform, ranked or intervals, not '%s'", s);
    return 0;
}

/* Options of the report commands and of select. */
static int report_opt(int opt, const char *v, pv_cli_opts *o)
{
    char *end;
    switch (opt) {
    case PV_OPT_FORMAT:
        if ((o->fmt = pv_format_parse(v)) < 0)
            return pv_cli_usage("unknown format '%s' (text, md, csv, json, html, xlsx)", v);
        return 0;
    case PV_OPT_OUTPUT: /* -: standard output */
        o->out_dash = !strcmp(v, "-");
        o->out = o->out_dash ? NULL : v;
        return 0;
    case PV_OPT_LANG:
        if ((o->lang = pv_lang_parse(v)) < 0)
            return pv_cli_usage("unknown language '%s' (sv, en)", v);
        return 0;
    case PV_OPT_DATE:
        if (pv_set_report_date(v))
            return pv_cli_usage("--date takes YYYY-MM-DD, not '%s'", v);
        return 0;
    case PV_OPT_TIME_LIMIT:
        o->time_limit = plain_strtod(v, &end);
        if (*end || !(o->time_limit > 0) || o->time_limit > 86400)
            return pv_cli_usage("--time-limit takes seconds in (0, 86400], not '%s'", v);
        return 0;
    case PV_OPT_GAP:
        o->gap = plain_strtod(v, &end);
        if (*end || !(o->gap >= 0) || o->gap >= 1)
            return pv_cli_usage("--gap takes a relative gap in [0, 1), not '%s'", v);
        return 0;
    case PV_OPT_NO_WHY: o->no_why = 1; return 0;
    case PV_OPT_LP:
    case PV_OPT_MPS:
        if (!strcmp(v, "-")) /* not a file named "-" that nobody meant */
            return pv_cli_usage("%s writes a file: give its name (e.g. %s), not '-'",
                                opt == PV_OPT_LP ? "--lp" : "--mps",
                                opt == PV_OPT_LP ? "model.lp" : "model.mps");
        *(opt == PV_OPT_LP ? &o->lp : &o->mps) = v;
        return 0;
    default: return -1;
    }
}

/* Options of the what-if analyses (compare, frontier, robust). */
static int whatif_opt(int opt, const char *v, pv_cli_opts *o)
{
    switch (opt) {
    case PV_OPT_SET: o->sets[o->nsets++] = v; return 0;
    case PV_OPT_WHY: o->why = 1; return 0;
    case PV_OPT_RESOURCE: o->resource = v; return 0;
    case PV_OPT_FROM: return limit_arg("--from", v, &o->from);
    case PV_OPT_TO: return limit_arg("--to", v, &o->to);
    case PV_OPT_STEPS: return count_arg("--steps", v, 1, 10000, &o->steps);
    case PV_OPT_SAMPLES: return count_arg("--samples", v, 1, 10000000, &o->samples);
    case PV_OPT_SEED: return seed_arg(v, &o->seed);
    case PV_OPT_THREADS: return count_arg("--threads", v, 1, 64, &o->threads);
    case PV_OPT_WEIGHTS: return weights_arg(v, &o->dist);
    case PV_OPT_PORT: return count_arg("--port", v, 0, 65535, &o->port);
    case PV_OPT_BIND: o->bind = v; return 0;
    case PV_OPT_SCENARIOS: o->scenarios = v; return 0;
    case PV_OPT_SETS_FILE: o->sets_file = v; return 0;
    case PV_OPT_MODEL: o->model = v; return 0;
    case PV_OPT_QUIET: o->quiet = 1; return 0;
    case PV_OPT_YEAR: {
        char *end;
        errno = 0;
        o->year = strtol(v, &end, 10);
        if (errno || *end || end == v || o->year < 2000 || o->year > 2100)
            return pv_cli_usage("--year takes a year from 2000 to 2100, not '%s'", v);
        return 0;
    }
    default: return -1;
    }
}

/* The option as the user wrote it: "--name" (idx >= 0) or "-c". */
static const char *opt_name(int ch, int idx, char *buf, size_t size)
{
    if (idx >= 0)
        snprintf(buf, size, "--%s", LONGOPTS[idx].name);
    else
        snprintf(buf, size, "-%c", ch);
    return buf;
}

static void opts_init(pv_cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->fmt = PV_FMT_TEXT;
    o->lang = PV_LANG_DEFAULT;
    o->time_limit = o->gap = -1;
    o->from = o->to = -1;
    o->steps = 10;
    o->threads = 1;
    o->seed = 1;
    o->dist = PV_DIST_UNIFORM;
    o->port = 8080;
}

/* "unknown option '--fromat'; did you mean '--format'?" (long options). */
static int unknown_option(const char *arg)
{
    const char *names[sizeof LONGOPTS / sizeof *LONGOPTS];
    size_t n = 0;
    for (size_t i = 0; i < sizeof LONGOPTS / sizeof *LONGOPTS && LONGOPTS[i].name; i++)
        names[n++] = LONGOPTS[i].name;
    const char *best = NULL;
    if (arg[0] == '-' && arg[1] == '-') {
        char word[64];
        snprintf(word, sizeof word, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
        best = pv_suggest_among(word, names, n);
    }
    if (best)
        return pv_cli_usage("unknown option '%s'; did you mean '--%s'?", arg, best);
    return pv_cli_usage("unknown option '%s'", arg);
}

static int check_args(const pv_cli_cmd *cmd, const pv_cli_opts *o)
{
    int too_few = o->nargs < cmd->min_args;
    int too_many = cmd->max_args && o->nargs > cmd->max_args;
    if (!too_few && !too_many)
        return 0;
    if (cmd->args_error)
        return pv_cli_usage("%s", cmd->args_error);
    return pv_cli_usage(too_few ? "no case file given" : "too many arguments");
}

int pv_cli_parse(const pv_cli_cmd *cmd, int argc, char **argv, pv_cli_opts *o)
{
    opts_init(o);
    o->sets = calloc((size_t)argc + 1, sizeof *o->sets);
    o->args = calloc((size_t)argc + 1, sizeof *o->args);
    if (!o->sets || !o->args)
        return pv_cli_nomem();
    optind = 1;
    opterr = 0;
    int ch, idx = -1;
    /* "-": positional arguments come back in order as 1, also under POSIXLY_CORRECT. */
    while ((ch = getopt_long(argc, argv, "-:f:o:l:h", LONGOPTS, &idx)) != -1) {
        int opt = opt_of(ch), rc = 0;
        char name[32];
        if (ch == 1)
            o->args[o->nargs++] = optarg;
        else if (ch == ':')
            return pv_cli_usage("option '%s' needs a value", argv[optind - 1]);
        else if (opt < 0)
            return unknown_option(argv[optind - 1]);
        else if (opt == PV_OPT_HELP) {
            fputs(cmd->help, stdout);
            return -1;
        } else if (!(cmd->opts & PV_OPT_BIT(opt)))
            return pv_cli_usage("option '%s' does not belong to this command ('partnerval %s'): "
                                "'partnerval %s --help' lists its options",
                                opt_name(ch, idx, name, sizeof name), cmd->name, cmd->name);
        else if ((rc = report_opt(opt, optarg, o)) < 0)
            rc = whatif_opt(opt, optarg, o);
        if (rc > 0)
            return rc;
        idx = -1;
    }
    while (optind < argc) /* after "--" */
        o->args[o->nargs++] = argv[optind++];
    if (o->fmt == PV_FMT_XLSX) {
        if (strcmp(cmd->name, "rank") && strcmp(cmd->name, "select") &&
            strcmp(cmd->name, "compare") && strcmp(cmd->name, "followup") &&
            strcmp(cmd->name, "parties"))
            return pv_cli_usage("--format xlsx is for rank, select, compare, followup and "
                                "parties, not '%s'",
                                cmd->name);
        if (!o->out) /* a binary file: never to a terminal or a pipe by accident */
            return pv_cli_usage("--format xlsx writes a workbook: give its name with -o FILE.xlsx");
    }
    return check_args(cmd, o);
}

void pv_cli_opts_free(pv_cli_opts *o)
{
    free(o->sets);
    free(o->args);
    o->sets = NULL;
    o->args = NULL;
}
