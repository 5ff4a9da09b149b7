/* rank_cmd.c — `partnerval check`, `rank` and `weights`: load, report, no solver. */
#include <stdio.h>

#include "cli.h"

static int run_check(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_ALL_ERRORS);
    pv_warnings *w = rc ? NULL : pv_check(run.c, &run.err);
    if (!rc && !w)
        rc = pv_cli_error(&run.err);
    /* --quiet: the summary line still counts them, so nothing is hidden silently */
    for (size_t i = 0; !o->quiet && i < pv_warnings_count(w); i++)
        fprintf(stderr, "partnerval: warning: %s\n", pv_warnings_get(w, i));
    if (w)
        printf("%s: ok: %zu projects, %zu warning%s\n", o->args[0], pv_case_project_count(run.c),
               pv_warnings_count(w), pv_warnings_count(w) == 1 ? "" : "s");
    pv_warnings_free(w);
    return pv_cli_done(&run, rc);
}

const pv_cli_cmd pv_cli_check = {
    .name = "check", .synopsis = "CASE",
    .summary = "validate the case, model and data; print warnings",
    .help = "usage: partnerval check CASE [--quiet]\n"
            "\n"
            "Validates the case, its model and its CSV files, scores every proposal, and\n"
            "prints warnings: columns no criterion uses, criteria whose values are\n"
            "constant, zero weights, values outside worst..best (clamped).\n"
            "\n"
            "      --quiet   no warning lines; the summary line still counts them\n"
            "\n"
            "Exit 0 when valid (even with warnings), 2 on invalid input.\n",
    .opts = PV_OPT_BIT(PV_OPT_QUIET),
    .min_args = 1, .max_args = 1, .run = run_check,
};

static int run_rank(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    if (!rc && o->out) /* streamed into the file */
        return pv_cli_done(&run, pv_write_rank(run.c, run.r, run.fmt, run.lang, o->out, &run.err)
                                     ? pv_cli_error(&run.err)
                                     : 0);
    size_t len = 0;
    char *text = rc ? NULL : pv_render_rank(run.c, run.r, run.fmt, run.lang, &len, &run.err);
    return pv_cli_finish(&run, rc, text, len);
}

const pv_cli_cmd pv_cli_rank = {
    .name = "rank", .synopsis = "CASE",
    .summary = "screen and score every proposal; print the ranking",
    .help = "usage: partnerval rank CASE [--format text|md|csv|json|html|xlsx] [-o FILE]\n"
            "                           [--lang sv|en]\n"
            "                           [--date YYYY-MM-DD]\n"
            "\n"
            "Screens every proposal against the model's rules, scores it, and prints the\n"
            "ranking: eligible proposals by score (descending), then excluded ones; ties\n"
            "are broken by id.\n"
            "\n"
            "  -f, --format F   text (default), md, csv, json, html (a self-contained report)\n"
            "                   or xlsx (an Excel workbook; needs -o)\n"
            "  -o, --output F   write to F (atomically) instead of standard output\n"
            "  -l, --lang L     sv or en (default: the model's language)\n"
            "      --date D     the date an HTML report shows (default: today, UTC)\n"
            "  -h, --help       this help\n",
    .opts = PV_OPTS_REPORT,
    .min_args = 1, .max_args = 1, .run = run_rank,
};

static int run_weights(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, 0);
    size_t len = 0;
    char *text = rc ? NULL : pv_render_weights(run.c, run.fmt, run.lang, &len, &run.err);
    return pv_cli_finish(&run, rc, text, len);
}

const pv_cli_cmd pv_cli_weights = {
    .name = "weights", .synopsis = "CASE",
    .summary = "print local and global weights, AHP consistency",
    .help = "usage: partnerval weights CASE [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
            "                              [--date YYYY-MM-DD]\n"
            "\n"
            "Prints every criterion's local weight (among its siblings) and global weight\n"
            "(product along its path), and for each level the weighting method (direct,\n"
            "rank, swing, ahp) with AHP's lambda_max, CI = (lambda_max - n)/(n - 1) and\n"
            "CR = CI/RI.\n",
    .opts = PV_OPTS_REPORT,
    .min_args = 1, .max_args = 1, .run = run_weights,
};
