/* select_cmd.c — `partnerval select` and `partnerval export`. */
#include <stdio.h>

#include "cli.h"

static const char SELECT_HELP[] =
    "usage: partnerval select CASE [--format text|md|csv|json|html|xlsx] [-o FILE] [--lang sv|en]\n"
    "                              [--time-limit S] [--gap G] [--no-why] [--date YYYY-MM-DD]\n"
    "\n"
    "Chooses the portfolio of projects and partners with the highest total score\n"
    "within the case's resource limits and constraints (a MILP solved by GLPK),\n"
    "and explains why each proposal is in or out.\n"
    "\n"
    "  -f, --format F     text (default), md, csv, json, html (a self-contained report)\n"
    "                     or xlsx (an Excel workbook; needs -o)\n"
    "  -o, --output F     write to F (atomically) instead of standard output\n"
    "  -l, --lang L       sv or en (default: the model's language)\n"
    "      --time-limit S solver time limit in seconds (default: case, else 60)\n"
    "      --gap G        relative MIP gap at which to stop (default: case, else 0)\n"
    "      --no-why       skip the why-in/why-out re-solves\n"
    "      --quiet        no progress on standard error (shown on a terminal after 1 s)\n"
    "      --date D       the date an HTML report shows (default: today, UTC)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit 0 with a portfolio (status optimal or feasible), 3 when infeasible (the\n"
    "report then names a minimal conflicting set of constraints), 2 on invalid\n"
    "input, 4 on a solver failure.\n";

static const char EXPORT_HELP[] =
    "usage: partnerval export CASE (--lp FILE | --mps FILE)\n"
    "\n"
    "Writes the exact selection MILP in CPLEX LP or free MPS format, with the\n"
    "project and partner ids as column names, so the answer can be checked with\n"
    "glpsol or CBC.\n";

static const char INFEASIBLE_MSG[] =
    "partnerval: infeasible: no portfolio satisfies every constraint "
    "(see the diagnosis in the report)\n";

static int run_select(const pv_cli_opts *o)
{
    pv_select_opts so;
    pv_select_opts_init(&so);
    so.time_limit_s = o->time_limit;
    so.mip_gap = o->gap;
    so.no_why = o->no_why;
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    pv_selection *s = rc ? NULL : pv_select(run.c, run.r, &so, &run.err);
    size_t len = 0;
    char *text = s ? pv_render_select(run.c, run.r, s, run.fmt, run.lang, &len, &run.err) : NULL;
    pv_status status = s ? pv_selection_status(s) : PV_STATUS_ERROR;
    pv_selection_free(s);
    rc = pv_cli_finish(&run, rc, text, len);
    if (!rc && status == PV_STATUS_INFEASIBLE) {
        fputs(INFEASIBLE_MSG, stderr);
        rc = PV_EINFEASIBLE;
    } else if (!rc && status == PV_STATUS_ERROR) {
        fprintf(stderr, "partnerval: error: the solver failed\n");
        rc = PV_EINTERNAL;
    }
    return rc;
}

int pv_cli_infeasible(pv_case *c, const pv_ranking *r, const pv_cli_opts *o, const pv_error *why)
{
    pv_error err;
    pv_error_clear(&err);
    pv_select_opts so;
    pv_select_opts_init(&so);
    so.time_limit_s = o->time_limit;
    so.no_why = 1;
    pv_selection *s = pv_select(c, r, &so, &err);
    int rc;
    if (!s)
        rc = pv_cli_error(&err);
    else if (pv_selection_status(s) != PV_STATUS_INFEASIBLE) {
        /* the case itself is feasible (a frontier range below its needs) */
        rc = pv_cli_error(why);
    } else {
        size_t len = 0;
        char *text = pv_render_select(c, r, s, (pv_format)o->fmt, (pv_lang)o->lang, &len, &err);
        rc = text ? pv_cli_emit(c, o->out, text, len, &err) : pv_cli_error(&err);
        if (!rc) {
            fputs(INFEASIBLE_MSG, stderr);
            rc = PV_EINFEASIBLE;
        }
    }
    pv_selection_free(s);
    return rc;
}

static int run_export(const pv_cli_opts *o)
{
    if (!o->lp == !o->mps)
        return pv_cli_usage("export needs exactly one of --lp FILE or --mps FILE");
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    if (!rc && pv_export(run.c, run.r, o->lp ? PV_EXPORT_LP : PV_EXPORT_MPS, o->lp ? o->lp : o->mps,
                         &run.err))
        rc = pv_cli_error(&run.err);
    return pv_cli_done(&run, rc);
}

const pv_cli_cmd pv_cli_select = {
    .name = "select", .synopsis = "CASE",
    .summary = "choose the best portfolio within the resource limits (GLPK)",
    .help = SELECT_HELP,
    .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_TIME_LIMIT) | PV_OPT_BIT(PV_OPT_GAP) |
            PV_OPT_BIT(PV_OPT_NO_WHY) | PV_OPT_BIT(PV_OPT_QUIET),
    .min_args = 1, .max_args = 1, .run = run_select,
};

const pv_cli_cmd pv_cli_export = {
    .name = "export", .synopsis = "CASE",
    .summary = "write the selection MILP (--lp FILE or --mps FILE)",
    .help = EXPORT_HELP,
    .opts = PV_OPT_BIT(PV_OPT_LP) | PV_OPT_BIT(PV_OPT_MPS),
    .min_args = 1, .max_args = 1, .run = run_export,
};
