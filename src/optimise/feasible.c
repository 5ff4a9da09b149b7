/*
 * feasible.c — what the MILP's rows say about portfolios and bounds: the
 * check of a candidate portfolio against our own copy, bound propagation (a
 * conflict that the rows' bounds show by themselves, such as a count that
 * the fixings leave short forcing columns in that a cap then refuses, found
 * without an LP; the main solve and every test of the infeasibility
 * diagnosis ask it first), and the row bounds GLPK gets (on the activity's
 * grid, so that its tolerance cannot admit a use over a limit).
 */
#include "mip.h"

#include <math.h>

/* A margin wider than pv_mip_tol, and scaled by the row's coefficients,
 * so that rounding in the activity sums never proves a false conflict. */
static double prop_tol(double b, double mag)
{
    double s = fabs(b) > mag ? fabs(b) : mag;
    return 1e-7 * (s > 1 ? s : 1);
}

int pv_mip_propagate_infeasible(const pv_mip *m)
{
    size_t n = m->ncols;
    /* lo[j] <= x_j <= hi[j], tightened as rows force columns */
    unsigned char *lo = pv_malloc(2 * n + 1);
    if (!lo)
        return -1;
    unsigned char *hi = lo + n;
    for (size_t j = 0; j < n; j++) {
        if (m->lb[j] > m->ub[j] || m->ub[j] < 0 || m->lb[j] > 1) {
            pv_free(lo);
            return 1;
        }
        lo[j] = m->lb[j] > 0;
        hi[j] = m->ub[j] >= 1;
    }
    int conflict = 0, changed = 1;
    /* each pass fixes at least one column or stops; a few passes find what
     * matters here (chains of forced partners and counts) */
    for (int pass = 0; changed && !conflict && pass < 16; pass++) {
        changed = 0;
        for (size_t i = 0; i < m->nrows && !conflict; i++) {
            if (!pv_mip_row_on(m, i))
                continue;
            const pv_row *r = &m->rows[i];
            double mn = 0, mx = 0, mag = 0;
            for (size_t z = 0; z < r->nz; z++) {
                double a = r->val[z];
                size_t j = r->col[z];
                mn += a * (a > 0 ? lo[j] : hi[j]);
                mx += a * (a > 0 ? hi[j] : lo[j]);
                mag += fabs(a);
            }
            double tu = prop_tol(r->ub, mag), tl = prop_tol(r->lb, mag);
            if ((r->ub < HUGE_VAL && mn > r->ub + tu) || (r->lb > -HUGE_VAL && mx < r->lb - tl)) {
                conflict = 1;
                break;
            }
            for (size_t z = 0; z < r->nz; z++) {
                double a = r->val[z];
                size_t j = r->col[z];
                if (lo[j] == hi[j] || a == 0)
                    continue;
                /* x_j at the end of its range that the row's other columns
                 * cannot make room for */
                double up = fabs(a);
                int fix0 = a > 0 ? (r->ub < HUGE_VAL && mn + up > r->ub + tu)
                                 : (r->lb > -HUGE_VAL && mx - up < r->lb - tl);
                int fix1 = a > 0 ? (r->lb > -HUGE_VAL && mx - up < r->lb - tl)
                                 : (r->ub < HUGE_VAL && mn + up > r->ub + tu);
                if (fix0 && fix1) {
                    conflict = 1;
                    break;
                }
                if (fix0 || fix1) {
                    unsigned char v = (unsigned char)fix1;
                    /* keep mn and mx the row's range under the new bound */
                    if (a > 0) {
                        if (v)
                            mn += a;
                        else
                            mx -= a;
                    } else {
                        if (v)
                            mx += a;
                        else
                            mn -= a;
                    }
                    lo[j] = hi[j] = v;
                    changed = 1;
                }
            }
        }
    }
    pv_free(lo);
    return conflict;
}

/* ------------------------------------------------------------- checks */

double pv_mip_tol(double b) { return 1e-9 * (fabs(b) > 1 ? fabs(b) : 1); }

int pv_mip_row_on(const pv_mip *m, size_t i)
{
    return m->rows[i].group < 0 || m->group_on[m->rows[i].group];
}

int pv_mip_bounds_conflict(const pv_mip *m)
{
    for (size_t j = 0; j < m->ncols; j++)
        if (m->lb[j] > m->ub[j])
            return 1;
    return 0;
}

int pv_mip_feasible(const pv_mip *m, const unsigned char *val)
{
    for (size_t j = 0; j < m->ncols; j++)
        if (val[j] < m->lb[j] || val[j] > m->ub[j])
            return 0;
    for (size_t i = 0; i < m->nrows; i++) {
        if (!pv_mip_row_on(m, i))
            continue;
        const pv_row *r = &m->rows[i];
        double s = 0;
        for (size_t z = 0; z < r->nz; z++)
            s += r->val[z] * val[r->col[z]];
        if (s < r->lb - pv_mip_tol(r->lb) || s > r->ub + pv_mip_tol(r->ub))
            return 0;
    }
    return 1;
}

double pv_mip_value(const pv_mip *m, const unsigned char *val)
{
    double s = 0;
    for (size_t j = 0; j < m->ncols; j++)
        s += m->obj[j] * val[j];
    return s;
}

/* ------------------------------------------------- the solver's bounds */

void pv_row_solver_bounds(const pv_row *r, double *lb, double *ub)
{
    static const double scale[] = {1, 10, 100, 1000};
    for (size_t d = 0; d < sizeof scale / sizeof *scale; d++) {
        size_t z = 0;
        for (; z < r->nz; z++) {
            double a = r->val[z] * scale[d];
            if (fabs(a - nearbyint(a)) > 1e-9 * (fabs(a) > 1 ? fabs(a) : 1))
                break;
        }
        if (z < r->nz)
            continue;
        /* the activity is a whole number of 1/scale steps */
        if (*ub < HUGE_VAL && fabs(*ub) * scale[d] < 1e15)
            *ub = floor(*ub * scale[d] + 1e-6) / scale[d];
        if (*lb > -HUGE_VAL && fabs(*lb) * scale[d] < 1e15)
            *lb = ceil(*lb * scale[d] - 1e-6) / scale[d];
        return;
    }
}
