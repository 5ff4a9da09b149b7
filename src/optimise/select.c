/*
 * select.c — the selection result and the optimise half of pv_select (the
 * solve; analyse/select_run.c adds explanations or the diagnosis).
 * The figures a report shows are recomputed here from the case's own arrays,
 * not read back from the solver, so that a solver tolerance never shows up
 * as "used 900000.0000001 of 900000".
 */
#include "select.h"

#include <math.h>
#include <string.h>

void pv_select_opts_init(pv_select_opts *o)
{
    o->time_limit_s = -1;
    o->mip_gap = -1;
    o->no_why = 0;
    o->no_diagnose = 0;
    o->progress = NULL;
    o->progress_ctx = NULL;
}

pv_status pv_selection_status(const pv_selection *s) { return s ? s->status : PV_STATUS_ERROR; }

void pv_selection_free(pv_selection *s)
{
    if (!s)
        return;
    for (size_t j = 0; s->why && j < s->nproj; j++)
        pv_free(s->why[j].displaced), pv_free(s->why[j].entering), pv_free(s->why[j].blocking);
    void *arrays[] = {
        s->why,          s->x,        s->y,         s->listed,          s->res_used, s->cons_act,
        s->cons_binding, s->conflict, s->res_raise, s->res_raise_alone, s->message};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
        pv_free(arrays[i]);
    pv_cofin_stats_free(s->cofin);
    pv_free(s);
}

static int near(double a, double b) { return fabs(a - b) <= 1e-9 * (fabs(b) > 1 ? fabs(b) : 1); }

void pv_selection_figures(const pv_case *c, pv_selection *s)
{
    size_t n = s->nproj, np = s->npart;
    for (size_t k = 0; k < c->nres; k++) {
        double u = 0;
        for (size_t j = 0; j < n; j++)
            if (s->x[j])
                u += c->res[k].a[j];
        for (size_t p = 0; p < np; p++)
            if (s->y[p])
                u += c->res[k].f[p];
        s->res_used[k] = u;
    }
    for (size_t i = 0; i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        double act = 0;
        int bind = 0;
        switch (q->type) {
        case PV_C_COUNT:
            for (size_t j = 0; j < n; j++)
                if (s->x[j] && pv_cell_has(pv_cell(c->projects, j, (size_t)q->col), q->value))
                    act += 1;
            break;
        case PV_C_SHARE: {
            double tot = 0, cat = 0;
            for (size_t j = 0; j < n; j++) {
                if (!s->x[j])
                    continue;
                tot += c->res[q->resource].a[j];
                if (pv_cell_has(pv_cell(c->projects, j, (size_t)q->col), q->value))
                    cat += c->res[q->resource].a[j];
            }
            act = tot > 0 ? cat / tot : 0;
            break;
        }
        case PV_C_REQUIRES:
            act = s->x[q->project];
            bind = s->x[q->project] != 0;
            break;
        case PV_C_EXCLUSIVE:
            for (size_t k = 0; k < q->nprojects; k++) {
                int dup = 0;
                for (size_t l = 0; l < k; l++)
                    dup |= q->projects[l] == q->projects[k];
                if (!dup && s->x[q->projects[k]])
                    act += 1;
            }
            break;
        case PV_C_FORCE:
            act = (double)q->nprojects;
            bind = q->nprojects + q->nout > 0;
            break;
        case PV_C_MAX_PARTNERS:
        case PV_C_MIN_PARTNERS:
            for (size_t p = 0; p < np; p++)
                if (s->y[p] &&
                    (q->col < 0 || pv_cell_has(pv_cell(c->partners, p, (size_t)q->col), q->value)))
                    act += 1;
            break;
        }
        if (q->type != PV_C_REQUIRES && q->type != PV_C_FORCE)
            bind = (q->has_min && near(act, q->min)) || (q->has_max && near(act, q->max));
        s->cons_act[i] = act;
        s->cons_binding[i] = bind;
    }
}

/* A partner the solver engaged but no selected project needs is dropped
 * when the portfolio stays feasible without it: y has no objective value, so
 * GLPK may leave it at 1, and a report must not claim an engagement nobody
 * uses. */
static void settle_partners(const pv_mip *m, unsigned char *val)
{
    const pv_case *c = m->c;
    size_t np = c->partners ? c->partners->nrows : 0;
    for (size_t p = 0; p < np; p++) {
        if (m->ycol[p] < 0)
            continue;
        size_t col = (size_t)m->ycol[p];
        if (!val[col] || m->lb[col] > 0)
            continue;
        val[col] = 0;
        if (!pv_mip_feasible(m, val))
            val[col] = 1;
    }
}

static int alloc_sel(const pv_case *c, pv_selection *s)
{
    s->nproj = c->projects->nrows;
    s->npart = c->partners ? c->partners->nrows : 0;
    s->x = pv_calloc(s->nproj + 1, 1);
    s->y = pv_calloc(s->npart + 1, 1);
    s->listed = pv_calloc(s->npart + 1, 1);
    s->res_used = pv_calloc(c->nres + 1, sizeof(double));
    s->res_raise = pv_calloc(c->nres + 1, sizeof(double));
    s->res_raise_alone = pv_calloc(c->nres + 1, sizeof(double));
    s->cons_act = pv_calloc(c->ncons + 1, sizeof(double));
    s->cons_binding = pv_calloc(c->ncons + 1, sizeof(int));
    s->why = pv_calloc(s->nproj + 1, sizeof *s->why);
    return s->x && s->y && s->listed && s->res_used && s->res_raise && s->res_raise_alone &&
                   s->cons_act && s->cons_binding && s->why
               ? 0
               : -1;
}

/* A report lists the partners the model can engage and every agreement that
 * is the case's own, active or not (read/link.c decides which are: by the
 * case's "municipality", item by item in the partners' lists). */
static void mark_listed(const pv_case *c, const pv_mip *m, pv_selection *s)
{
    for (size_t p = 0; p < s->npart; p++)
        s->listed[p] = m->ycol[p] >= 0 || c->partner_agreement[p];
}

int pv_select_limits(const pv_case *c, const pv_select_opts *o, double *time_limit_s,
                     double *mip_gap, pv_error *err)
{
    double tl = o->time_limit_s >= 0 ? o->time_limit_s : c->time_limit_s;
    double gap = o->mip_gap >= 0 ? o->mip_gap : c->mip_gap;
    if (!(tl > 0 && tl <= 86400)) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "time limit must be in (0, 86400] seconds");
        return -1;
    }
    if (!(gap >= 0 && gap < 1)) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "MIP gap must be in [0, 1)");
        return -1;
    }
    *time_limit_s = tl;
    *mip_gap = gap;
    return 0;
}

/* The solved portfolio in s: x, y, objective, bound, gap and figures. */
static void take_portfolio(const pv_mip *m, const pv_mip_sol *sol, pv_selection *s)
{
    for (size_t j = 0; j < s->nproj; j++)
        s->x[j] = sol->val[m->xcol[j]];
    for (size_t p = 0; p < s->npart; p++)
        s->y[p] = m->ycol[p] >= 0 && sol->val[m->ycol[p]];
    s->objective = pv_mip_value(m, sol->val);
    s->bound = sol->status == PV_STATUS_OPTIMAL ? s->objective : sol->bound;
    s->gap = sol->status == PV_STATUS_OPTIMAL ? 0 : sol->gap;
    pv_selection_figures(m->c, s);
}

pv_selection *pv_select_solve(const pv_case *c, const pv_ranking *r, const pv_tuning *tune,
                              double time_limit_s, double mip_gap, pv_mip **mp, pv_error *err)
{
    if (mp)
        *mp = NULL;
    pv_mip *m = pv_mip_build(c, r, err);
    if (!m)
        return NULL;
    if (tune)
        m->tune = *tune;
    pv_selection *s = pv_calloc(1, sizeof *s);
    unsigned char *val = pv_calloc(m->ncols + 1, 1), *start = pv_calloc(m->ncols + 1, 1);
    if (!s || !val || !start || alloc_sel(c, s)) {
        pv_err_nomem(err);
        goto fail;
    }
    mark_listed(c, m, s);
    /* Rows whose bounds alone cannot hold (the solve's first test, a
     * fraction of the greedy's cost) leave nothing for the greedy to find;
     * its local search would run to its budget (all_constraints 30 x 10 x 4,
     * infeasible: a sixth of the run) */
    int have_start =
        m->tune.greedy && pv_mip_propagate_infeasible(m) == 0 && pv_mip_greedy(m, start);
    pv_mip_sol sol;
    memset(&sol, 0, sizeof sol);
    sol.val = val;
    if (pv_mip_solve_main(m, time_limit_s, mip_gap, have_start ? start : NULL, &sol, err))
        goto fail;
    s->status = sol.status;
    s->solve_ms = sol.ms;
    if (sol.status != PV_STATUS_INFEASIBLE) {
        settle_partners(m, val);
        take_portfolio(m, &sol, s);
        if (c->cofin && !(s->cofin = pv_cofin_figures(c, r, s, err)))
            goto fail;
    }
    pv_free(val);
    pv_free(start);
    if (mp)
        *mp = m;
    else
        pv_mip_free(m);
    return s;
fail:
    pv_free(val);
    pv_free(start);
    pv_mip_free(m);
    pv_selection_free(s);
    return NULL;
}
