/* lp_bound.c — proving a known portfolio optimal, or beating it, on a
 * problem shrunk by reduced-cost fixing (see lp_bound.h). */
#include "lp_bound.h"

#include "core_search.h"

#include <math.h>
#include <string.h>

/* Fixes in fix[] every free column that no portfolio worth cutoff or more
 * can move from its bound in the optimal root LP (objective lpobj). Returns
 * the number fixed; *nfree receives the number of free columns. */
static size_t rc_fix(const pv_mip *m, double lpobj, double cutoff, signed char *fix, size_t *nfree)
{
    size_t nfixed = 0;
    *nfree = 0;
    for (size_t j = 0; j < m->ncols; j++) {
        fix[j] = -1;
        if (m->lb[j] >= m->ub[j])
            continue;
        ++*nfree;
        double d = 0;
        pv_lp_col st = pv_lp_col_state(m->lp, j, &d);
        if ((st == PV_LP_AT_LB || st == PV_LP_AT_UB) && lpobj - d < cutoff) {
            fix[j] = st == PV_LP_AT_UB ? (signed char)m->ub[j] : (signed char)m->lb[j];
            nfixed++;
        }
    }
    return nfixed;
}

/* The search on the fixed copy. 1 with the optimum in sol->val, or, when the
 * time limit ended it, the best portfolio as feasible with a bound that holds
 * for the whole problem (what it excluded is worth less than start); 0 no
 * verdict. */
static int fixed_proof(pv_mip *m, const signed char *fix, const unsigned char *start,
                       double incobj, double lpobj, double tl_ms, pv_mip_sol *sol)
{
    double cutoff = incobj - 1e-7 * (fabs(incobj) > 1 ? fabs(incobj) : 1);
    unsigned char *cand = pv_calloc(m->ncols + 1, 1);
    pv_lp *q = cand ? pv_lp_fixed_copy(m, m->lp, fix, cutoff) : NULL;
    if (!q) {
        pv_free(cand);
        return 0;
    }
    /* presolved (columns renumbered): no start; the cutoff row prunes */
    pv_bb o = {1, PV_BR_PCH, PV_BT_BPH, m->tune.cuts, m->tune.fp, 0, tl_ms, m->node_limit, 0,
               NULL};
    pv_bb_out r;
    memset(&r, 0, sizeof r);
    int ran = pv_lp_branch(m, q, &o, cand, &r) == 0;
    pv_lp_free(q);
    int found = ran && r.found && pv_mip_feasible(m, cand);
    int ok = ran && ((r.proven && found) || r.timeout);
    if (ok) {
        int better = found && pv_mip_value(m, cand) > incobj + pv_mip_tol(incobj);
        memcpy(sol->val, better ? cand : start, m->ncols);
        pv_mip_outcome(m, sol, r.proven, r.have_bound ? r.bound : lpobj);
    }
    pv_free(cand);
    return ok;
}

int pv_mip_reprove(pv_mip *m, const unsigned char *start, double time_limit_s, pv_mip_sol *sol,
                   pv_error *err)
{
    double t0 = pv_mip_clock_ms();
    if (!start || !m->ncols || pv_mip_bounds_conflict(m) || !pv_mip_feasible(m, start))
        return 0;
    double tl = time_limit_s > 0 ? time_limit_s : 60, lpobj = 0;
    pv_error e;
    pv_error_clear(&e);
    if (pv_lp_root(m, tl, &lpobj, &e)) {
        if (pv_lp_failed()) {
            pv_lp_error(err);
            return -1;
        }
        return 0;
    }
    double incobj = pv_mip_value(m, start);
    double margin = 1e-7 * (fabs(incobj) > 1 ? fabs(incobj) : 1);
    if (lpobj <= incobj + pv_mip_tol(incobj)) { /* the LP bound: nothing is better */
        memcpy(sol->val, start, m->ncols);
        pv_mip_outcome(m, sol, 1, 0);
        return 1;
    }
    signed char *fix = pv_malloc(m->ncols + 1);
    if (!fix) {
        pv_err_nomem(err);
        return -1;
    }
    size_t nfree, nfixed = rc_fix(m, lpobj, incobj - margin, fix, &nfree);
    int rc = 0;
    if (nfixed * 3 >= nfree) /* else the presolved search does not pay */
        rc = fixed_proof(m, fix, start, incobj, lpobj,
                         tl * 1000 - (pv_mip_clock_ms() - t0), sol);
    pv_free(fix);
    if (pv_lp_failed()) {
        pv_lp_error(err);
        return -1;
    }
    return rc;
}
