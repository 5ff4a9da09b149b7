/*
 * mip_solve.c — one solve of the MILP with its current bounds: the trivial
 * cases without GLPK, the root LP, the core search (main selection solve
 * only) and GLPK's plain branch and bound from the best start known.
 */
#include "core_search.h"

#include <float.h>
#include <math.h>
#include <string.h>
#include <time.h>

double pv_mip_clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void pv_mip_outcome(const pv_mip *m, pv_mip_sol *sol, int proven, double bound)
{
    sol->obj = pv_mip_value(m, sol->val);
    if (proven) {
        sol->status = PV_STATUS_OPTIMAL;
        sol->bound = sol->obj;
        sol->gap = 0;
    } else {
        sol->status = PV_STATUS_FEASIBLE;
        sol->bound = bound > sol->obj ? bound : sol->obj;
        sol->gap = fabs(sol->bound - sol->obj) / (fabs(sol->obj) + DBL_EPSILON);
    }
}

/* Problems GLPK need not see: no columns or no rows. */
static void solve_trivial(pv_mip *m, pv_mip_sol *sol)
{
    for (size_t j = 0; j < m->ncols; j++)
        sol->val[j] = m->obj[j] > 0 ? (unsigned char)m->ub[j] : (unsigned char)m->lb[j];
    if (pv_mip_feasible(m, sol->val)) {
        sol->status = PV_STATUS_OPTIMAL;
        sol->obj = sol->bound = pv_mip_value(m, sol->val);
    } else
        sol->status = PV_STATUS_INFEASIBLE;
}

/* 1 when every enabled row is empty or no column is free: the rows are then
 * constants. */
static int is_trivial(const pv_mip *m)
{
    size_t active_rows = 0;
    for (size_t i = 0; i < m->nrows; i++)
        active_rows += pv_mip_row_on(m, i) && m->rows[i].nz > 0;
    int free_cols = 0;
    for (size_t j = 0; j < m->ncols; j++)
        free_cols |= m->lb[j] < m->ub[j];
    return !active_rows || !free_cols;
}

/* GLPK's plain branch and bound on the model's own problem, from start when
 * it is feasible; fills sol. 0, or -1 + err. */
static int plain_search(pv_mip *m, double lpobj, const unsigned char *start, double mip_gap,
                        double left_ms, int after_core, pv_mip_sol *sol, pv_error *err)
{
    const pv_tuning *t = &m->tune;
    /* The start solution refers to our columns; the presolver renumbers them. */
    int offer = start && !t->presolve && pv_mip_feasible(m, start);
    pv_bb o = {t->presolve,
               after_core ? t->core_br : t->br,
               after_core ? t->core_bt : t->bt,
               t->cuts,
               t->fp,
               mip_gap > 0 ? mip_gap : 0,
               left_ms,
               m->node_limit,
               1,
               offer ? start : NULL,
               NULL};
    pv_bb_out r;
    if (pv_lp_branch(m, m->lp, &o, sol->val, &r)) {
        pv_lp_error(err);
        return -1;
    }
    if (r.found) {
        pv_mip_outcome(m, sol, r.proven, r.have_bound ? r.bound : lpobj);
    } else if (r.nofeas) {
        sol->status = PV_STATUS_INFEASIBLE;
    } else if (offer) {
        /* time ran out before GLPK took the start: it is still a portfolio */
        memcpy(sol->val, start, m->ncols);
        sol->obj = pv_mip_value(m, sol->val);
        sol->status = PV_STATUS_FEASIBLE;
        sol->bound = lpobj;
        sol->gap = fabs(sol->bound - sol->obj) / (fabs(sol->obj) + DBL_EPSILON);
    } else {
        sol->status = PV_STATUS_ERROR;
        pv_err(err, PV_EINTERNAL, NULL, 0, 0,
               r.timeout ? "GLPK found no portfolio within the time limit"
                         : "GLPK: branch and bound failed (code %d)",
               r.code);
        return -1;
    }
    return 0;
}

int pv_mip_solver_failed(void) { return pv_lp_failed(); }

static int solve(pv_mip *m, double time_limit_s, double mip_gap, const unsigned char *start,
                 pv_mip_sol *sol, pv_error *err);

/* A GLPK failure anywhere in the solve (the core search ignores its
 * sub-solves' failures) fails the solve: never a portfolio from half a search. */
int pv_mip_solve(pv_mip *m, double time_limit_s, double mip_gap, const unsigned char *start,
                 pv_mip_sol *sol, pv_error *err)
{
    int rc = solve(m, time_limit_s, mip_gap, start, sol, err);
    if (pv_lp_failed()) {
        pv_lp_error(err);
        sol->status = PV_STATUS_ERROR;
        return -1;
    }
    return rc;
}

int pv_mip_solve_main(pv_mip *m, double time_limit_s, double mip_gap, const unsigned char *start,
                      pv_mip_sol *sol, pv_error *err)
{
    /* The core search fixes columns by an LP's reduced costs, which the
     * big-M scenario rows of a chance commitment make weak: plain search. */
    m->core_search = !m->chance;
    int rc = pv_mip_solve(m, time_limit_s, mip_gap, start, sol, err);
    m->core_search = 0;
    return rc;
}

static int solve(pv_mip *m, double time_limit_s, double mip_gap, const unsigned char *start,
                 pv_mip_sol *sol, pv_error *err)
{
    double t0 = pv_mip_clock_ms();
    sol->status = PV_STATUS_ERROR;
    sol->obj = sol->bound = sol->gap = 0;
    /* rows that cannot hold together by their bounds alone: no LP needed
     * (GLPK's presolver would find the same before its first pivot) */
    int pc = pv_mip_propagate_infeasible(m);
    if (pc < 0) {
        pv_err_nomem(err);
        return -1;
    }
    if (pc) {
        sol->status = PV_STATUS_INFEASIBLE;
        sol->ms = pv_mip_clock_ms() - t0;
        return 0;
    }
    if (is_trivial(m)) {
        solve_trivial(m, sol);
        sol->ms = pv_mip_clock_ms() - t0;
        return 0;
    }
    double tl = time_limit_s > 0 ? time_limit_s : 60;
    if (tl > 86400)
        tl = 86400;
    double lpobj = 0;
    int rc = pv_lp_root(m, tl, &lpobj, err);
    if (rc) {
        if (rc > 0) {
            sol->status = PV_STATUS_INFEASIBLE;
            sol->ms = pv_mip_clock_ms() - t0;
            return 0;
        }
        return -1;
    }
    unsigned char *seed = NULL;
    int after_core = m->core_search && m->tune.core;
    if (after_core) {
        seed = pv_malloc(m->ncols + 1);
        int seeded = 0;
        int cr = seed ? pv_core_search(m, lpobj, start, t0, tl * 1000, mip_gap > 0 ? mip_gap : 0,
                                       sol, seed, &seeded)
                      : -1;
        if (cr != 1 || !seeded) {
            pv_free(seed);
            seed = NULL;
        }
        if (cr < 0) {
            pv_err_nomem(err);
            return -1;
        }
        if (cr == 0) {
            sol->ms = pv_mip_clock_ms() - t0;
            return 0;
        }
        if (seed)
            start = seed;
    }
    rc = plain_search(m, lpobj, start, mip_gap, tl * 1000 - (pv_mip_clock_ms() - t0), after_core,
                      sol, err);
    pv_free(seed);
    sol->ms = pv_mip_clock_ms() - t0;
    return rc;
}
