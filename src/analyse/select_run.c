/*
 * select_run.c — pv_select: the solve (optimise/select.c), then the
 * explanations of an optimal or feasible selection, or the diagnosis of an
 * infeasible one. Kept here so that optimise/ never calls up into analyse/.
 */
#include "why.h"

pv_selection *pv_select(const pv_case *c, const pv_ranking *r, const pv_select_opts *o,
                        pv_error *err)
{
    if (!c || !r) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "pv_select: no case or ranking");
        return NULL;
    }
    pv_select_opts def;
    if (!o) {
        pv_select_opts_init(&def);
        o = &def;
    }
    double tl, gap;
    if (pv_select_limits(c, o, &tl, &gap, err))
        return NULL;
    pv_mip *m;
    pv_selection *s = pv_select_solve(c, r, NULL, tl, gap, &m, err);
    if (!s)
        return NULL;
    int rc = 0;
    if (s->status == PV_STATUS_INFEASIBLE)
        rc = o->no_diagnose ? 0 : pv_diagnose(m, s, tl, err);
    else if (!o->no_why) {
        pv_progress_fn pf;
        void *pc;
        pv_get_progress(&pf, &pc);
        if (o->progress)
            pv_set_progress(o->progress, o->progress_ctx);
        rc = pv_explain(m, s, tl, err);
        if (o->progress)
            pv_set_progress(pf, pc);
    }
    pv_mip_free(m);
    if (rc) {
        pv_selection_free(s);
        return NULL;
    }
    return s;
}

pv_selection *pv_select_infeasible(const pv_case *c, const pv_ranking *r, double time_limit_s,
                                   pv_error *err)
{
    pv_select_opts so;
    pv_select_opts_init(&so);
    so.time_limit_s = time_limit_s;
    so.no_why = 1;
    pv_selection *s = pv_select(c, r, &so, err);
    if (s && s->status != PV_STATUS_INFEASIBLE) {
        pv_selection_free(s);
        return NULL;
    }
    return s;
}
