/* select_cmd.c — `partnerval select` and `partnerval export`. */
#include <stdio.h>

#include "cli.h"

static const char INFEASIBLE_MSG[] =
    "partnerval: infeasible: no portfolio satisfies every constraint "
    "(see the diagnosis in the report)\n";

int pv_cli_run_select(const pv_cli_opts *o)
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
    pv_selection *s = pv_select_infeasible(c, r, o->time_limit, &err);
    int rc;
    if (!s) /* an error, or the case itself feasible (a frontier range below its needs) */
        rc = pv_cli_error(err.code != PV_OK ? &err : why);
    else {
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

int pv_cli_run_export(const pv_cli_opts *o)
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
