/*
 * diagnose.c — why a selection is infeasible. A deletion filter over the
 * case's resource limits and constraints gives a minimal conflicting set
 * (dropping any one member makes the rest feasible); a second model with a
 * slack per resource gives how far each limit would have to rise.
 */
#include "why.h"
#include "../optimise/core_search.h"

#include <math.h>
#include <string.h>

/* 1 feasible, 0 infeasible (or unknown: treated as infeasible, which keeps
 * the group in the set and so can only make the set larger, never wrong). */
static int feasible(pv_mip *m, double tl, unsigned char *val, pv_error *err)
{
    pv_mip_sol sol;
    memset(&sol, 0, sizeof sol);
    sol.val = val;
    pv_error e2;
    pv_error_clear(&e2);
    /* Most answers need no search: the rows' bounds alone show the conflict,
     * or the greedy finds a portfolio (all_constraints at 30 projects,
     * infeasible, seeds 1-3: 9.2, 17.7, 9.3 -> 4.3, 8.2, 4.9 M instructions
     * for the whole run with the main solve's own check, the same reports). */
    int pc = pv_mip_propagate_infeasible(m);
    if (pc) {
        if (pc < 0)
            pv_err_nomem(err);
        return 0;
    }
    if (pv_mip_greedy(m, val) && pv_mip_feasible(m, val))
        return 1;
    /* Our own branch and bound first when the problem fits its tableau:
     * the same yes or no (it is exact), without GLPK's set-up per call
     * (all_constraints at 30 projects, infeasible, a deletion filter of 12
     * solves: 14.6 -> 9.1 M instructions, the same report). */
    double t0 = pv_mip_clock_ms();
    signed char *fix = m->tune.small_bb ? pv_malloc(m->ncols + 1) : NULL;
    if (fix) {
        memset(fix, -1, m->ncols + 1);
        int found = 0;
        int k = pv_small_bb(m, fix, -HUGE_VAL, tl * 1000, 0, PV_SBB_COUNT, val, &found, NULL);
        pv_free(fix);
        if (k == PV_SBB_PROVEN || found)
            return found;
        /* too large, or the time ran out: GLPK with what is left */
        tl -= (pv_mip_clock_ms() - t0) / 1000;
        if (tl <= 0)
            return 0; /* unknown: kept in the set, as below */
    }
    /* any portfolio will do: a wide gap stops GLPK at its first one */
    if (pv_mip_solve(m, tl, 0.9, NULL, &sol, &e2)) {
        if (err && e2.code == PV_EINTERNAL &&
            (strstr(e2.text, "out of memory") || pv_mip_solver_failed()))
            *err = e2;
        return 0;
    }
    return sol.status == PV_STATUS_OPTIMAL || sol.status == PV_STATUS_FEASIBLE;
}

int pv_diagnose(pv_mip *m, pv_selection *s, double time_limit_s, pv_error *err)
{
    const pv_case *c = m->c;
    s->diagnosed = 1;
    s->conflict = pv_malloc((m->ngroups + 1) * sizeof(size_t));
    unsigned char *val = pv_calloc(m->ncols + 1, 1);
    if (!s->conflict || !val) {
        pv_free(val);
        pv_err_nomem(err);
        return -1;
    }
    double each = time_limit_s / 4 > 10 ? 10 : time_limit_s / 4;
    if (each < 1)
        each = time_limit_s < 1 ? time_limit_s : 1;
    for (size_t g = 0; g < m->ngroups; g++) {
        pv_mip_group(m, g, 0);
        int ok = feasible(m, each, val, err);
        if (pv_failed(err))
            break;
        if (ok)
            pv_mip_group(m, g, 1); /* needed for the conflict */
    }
    for (size_t g = 0; g < m->ngroups; g++) {
        if (m->group_on[g])
            s->conflict[s->nconflict++] = g;
        else
            pv_mip_group(m, g, 1);
    }
    pv_free(val);
    if (pv_failed(err))
        return -1;
    int rc = pv_mip_min_excess(m, time_limit_s, s->res_raise, err);
    if (rc < 0)
        return -1;
    s->raise_helps = rc;
    if (rc && c->nres > 1 && pv_mip_min_excess_alone(m, time_limit_s, s->res_raise_alone, err))
        return -1;
    return 0;
}
