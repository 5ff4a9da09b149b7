/*
 * small_lp.c — small_bb's LP: a bounded dual simplex on a dense basis
 * inverse, with the bound and the infeasibility it reports checked
 * against the model's own rows (see small_bb.c).
 */
#include "small_bb.h"

#include <math.h>
#include <string.h>

#define FTOL 1e-9 /* primal feasibility of a scaled row or a bound */
#define PTOL 1e-9 /* smallest pivot */

/* v less column j of the scaled rows times y (y_i for row i), summed in
 * the column's order: the pivot row, the safe bound's reduced costs and
 * the infeasibility check all take a row combination of one column. */
static double col_less(const sbb *s, size_t j, const double *y, double v)
{
    for (size_t q = s->cst[j]; q < s->cst[j + 1]; q++)
        v -= y[s->cix[q]] * s->cv[q];
    return v;
}

/* The basic values from the nonbasic ones: with w = [-A I] z_N, the
 * basic values are -B^-1 w. */
static void basic_values(sbb *s, const level *L)
{
    size_t mr = s->mr;
    memset(s->w, 0, mr * sizeof *s->w);
    for (size_t k = 0; k < s->nv; k++) {
        double v = L->stat[k] == BASIC ? 0 : nb_value(L, k);
        if (v == 0)
            continue;
        if (k >= s->n)
            s->w[k - s->n] += v;
        else
            for (size_t q = s->cst[k]; q < s->cst[k + 1]; q++)
                s->w[s->cix[q]] -= s->cv[q] * v;
    }
    double *restrict beta = L->beta;
    memset(beta, 0, mr * sizeof *beta);
    for (size_t l = 0; l < mr; l++) {
        double f = s->w[l];
        if (f == 0)
            continue;
        const double *restrict col = L->T + l * mr;
        for (size_t i = 0; i < mr; i++)
            beta[i] -= f * col[i];
    }
}

/* Row r of the tableau B^-1 [-A I] into trow: computed from B^-1's row
 * over the columns of A. The basic columns are set to their exact unit
 * entries (1 for row r's own, 0 for the others), as the full tableau kept
 * them. */
static void tableau_row(sbb *s, const level *L, size_t r)
{
    double *br = s->brow, *tr = s->trow;
    for (size_t l = 0; l < s->mr; l++)
        br[l] = L->T[l * s->mr + r];
    for (size_t j = 0; j < s->n; j++) {
        if (L->stat[j] == BASIC || L->lo[j] == L->up[j]) {
            /* a fixed nonbasic column's entry: 0, its reduced cost is
             * no longer kept (neither the ratio test nor node_fix nor
             * tableau_bound reads it; the rows' variables' are, as duals) */
            tr[j] = L->stat[j] == BASIC && L->head[r] == j;
            continue;
        }
        tr[j] = col_less(s, j, br, 0);
    }
    for (size_t i = 0; i < s->mr; i++)
        tr[s->n + i] = L->stat[s->n + i] == BASIC ? L->head[r] == s->n + i : br[i];
}

/* Column k of the tableau into tcol, its entry in row r taken from trow
 * (the same pivot element on both sides). */
static void tableau_col(sbb *s, const level *L, size_t r, size_t k)
{
    size_t mr = s->mr;
    double *restrict tc = s->tcol;
    if (k >= s->n)
        memcpy(tc, L->T + (k - s->n) * mr, mr * sizeof *tc);
    else {
        memset(tc, 0, mr * sizeof *tc);
        for (size_t q = s->cst[k]; q < s->cst[k + 1]; q++) {
            const double *restrict col = L->T + s->cix[q] * mr;
            double f = s->cv[q];
            for (size_t i = 0; i < mr; i++)
                tc[i] -= f * col[i];
        }
    }
    tc[r] = s->trow[k];
}

/* The Lagrangian bound of the subproblem from the tableau's duals (the rows'
 * reduced costs), computed from the model's rows: valid for any duals. A
 * dual whose row side is infinite is taken as 0. */
static double safe_bound(sbb *s, const level *L)
{
    double b = s->const0;
    for (size_t i = 0; i < s->mr; i++) {
        double p = L->d[s->n + i], lo = L->lo[s->n + i], up = L->up[s->n + i];
        if ((p > 0 && up == HUGE_VAL) || (p < 0 && lo == -HUGE_VAL))
            p = 0;
        s->pi[i] = p;
        if (p > 0)
            b += p * up;
        else if (p < 0)
            b += p * lo;
    }
    for (size_t j = 0; j < s->n; j++) {
        double dj = col_less(s, j, s->pi, s->c[j]);
        s->dl[j] = dj;
        b += dj > 0 ? dj * L->up[j] : dj * L->lo[j];
    }
    s->lastb = b;
    return b;
}

/* 1 when trow's (row r's) combination of the model's rows, recomputed, shows that no
 * point within the bounds exists. */
static int proven_infeasible(sbb *s, const level *L)
{
    const double *t = s->trow; /* tableau_row(r) */
    /* Σ_i rho_i (A_i x - r_i) = 0 with rho_i = -t[n + i] */
    double lo = 0, hi = 0, mag = 0;
    for (size_t j = 0; j < s->n; j++) {
        double w = col_less(s, j, t + s->n, 0);
        lo += w > 0 ? w * L->lo[j] : w * L->up[j];
        hi += w > 0 ? w * L->up[j] : w * L->lo[j];
        mag += fabs(w);
    }
    for (size_t i = 0; i < s->mr; i++) {
        /* the coefficient of r_i is -rho_i; exactly 0 for the other rows'
         * basic variables (the pivots keep unit columns exact) */
        double w = t[s->n + i];
        if (w == 0)
            continue;
        double a = w > 0 ? L->lo[s->n + i] : L->up[s->n + i];
        double b = w > 0 ? L->up[s->n + i] : L->lo[s->n + i];
        lo += w * a; /* may be -inf: that side then cannot be excluded */
        hi += w * b;
        if (isfinite(a))
            mag += fabs(w * a);
        if (isfinite(b))
            mag += fabs(w * b);
    }
    double eps = 1e-9 * (mag + 1);
    return lo > eps || hi < -eps;
}

/* Dual simplex pivot on row r, column k, with trow and tcol computed:
 * updates B^-1 and the reduced costs. */
static void pivot(sbb *s, level *L, size_t r, size_t k, unsigned char leave_at)
{
    size_t mr = s->mr;
    const double *br = s->brow, *tr = s->trow; /* tableau_row(r) */
    const double *restrict tc = s->tcol;
    double inv = 1 / tr[k];
    /* B^-1's columns with a nonzero in the pivot row only (the others do
     * not change): each less a multiple of the entering column */
    for (size_t l = 0; l < mr; l++) {
        if (br[l] == 0)
            continue;
        double f = br[l] * inv;
        double *restrict col = L->T + l * mr;
        for (size_t i = 0; i < mr; i++)
            col[i] -= f * tc[i];
        col[r] = f;
    }
    if (k >= s->n) { /* a row's variable enters: its column of B^-1 is e_r, exactly */
        double *col = L->T + (k - s->n) * mr;
        memset(col, 0, mr * sizeof *col);
        col[r] = 1;
    }
    double dk = L->d[k] * inv;
    if (dk != 0)
        for (size_t q = 0; q < s->nv; q++)
            if (tr[q] != 0)
                L->d[q] -= dk * tr[q];
    L->d[k] = 0;
    L->stat[L->head[r]] = leave_at;
    L->stat[k] = BASIC;
    L->head[r] = k;
}

/* The dual ratio test on basic row r (below: its value must rise, β_r =
 * -Σ a z): the entering column, the smallest |d| / |a| with ties within
 * 1e-12 to the largest |a| (SIZE_MAX when none). */
static size_t ratio_test(const sbb *s, const level *L, int below)
{
    const double *tr = s->trow;
    size_t k = SIZE_MAX;
    double best = HUGE_VAL, bestp = 0;
    for (size_t q = 0; q < s->nv; q++) {
        unsigned char st = L->stat[q];
        double a = tr[q];
        if (st == BASIC || L->lo[q] == L->up[q] || fabs(a) < PTOL)
            continue;
        int ok = below ? (st == AT_LO ? a < 0 : a > 0) : (st == AT_LO ? a > 0 : a < 0);
        if (!ok)
            continue;
        double ratio = fabs(L->d[q]) / fabs(a);
        if (ratio < best - 1e-12 || (ratio <= best + 1e-12 && fabs(a) > bestp)) {
            best = ratio;
            bestp = fabs(a);
            k = q;
        }
    }
    return k;
}

/* The objective of the basis's solution (nonbasic values and beta; equal
 * to its reduced costs times the nonbasic values, as [-A I] z = 0): for a
 * dual feasible basis the same figure as safe_bound's, in O(variables)
 * instead of O(nonzeros), but rounded as the basis is. Only a trigger for
 * safe_bound, which alone prunes. */
static double tableau_bound(const sbb *s, const level *L)
{
    double b = s->const0;
    for (size_t j = 0; j < s->n; j++)
        if (L->stat[j] != BASIC)
            b += s->c[j] * nb_value(L, j);
    for (size_t i = 0; i < s->mr; i++)
        if (L->head[i] < s->n)
            b += s->c[L->head[i]] * L->beta[i];
    return b;
}

/* 1 when safe_bound shows the subproblem cannot beat the cutoff; called
 * every iteration it was 15 % of the search (eight_resources seed 1); now
 * 8 % fewer instructions there. */
static int bound_prunes(sbb *s, const level *L)
{
    double t = tableau_bound(s, L);
    return t <= s->cutoff + 1e-6 * (fabs(t) + 1) && safe_bound(s, L) <= s->cutoff;
}

int pv_sbb_lp(sbb *s, level *L, size_t limit)
{
    if (!L->bvalid)
        basic_values(s, L);
    L->bvalid = 1;
    for (size_t it = 0;; it++) {
        if (bound_prunes(s, L))
            return LP_PRUNED;
        if (it >= limit)
            return safe_bound(s, L) <= s->cutoff ? LP_PRUNED : LP_TROUBLE;
        size_t r = SIZE_MAX;
        double worst = 0;
        int below = 0;
        for (size_t i = 0; i < s->mr; i++) {
            size_t b = L->head[i];
            double tol = FTOL * (1 + fabs(L->beta[i]));
            double v = L->lo[b] - L->beta[i];
            if (v > tol && v > worst) {
                worst = v;
                r = i;
                below = 1;
            }
            v = L->beta[i] - L->up[b];
            if (v > tol && v > worst) {
                worst = v;
                r = i;
                below = 0;
            }
        }
        if (r == SIZE_MAX) /* optimal: lastb and dl for node_fix and branching */
            return safe_bound(s, L) <= s->cutoff ? LP_PRUNED : LP_OPT;
        tableau_row(s, L, r);
        size_t k = ratio_test(s, L, below);
        const double *tr = s->trow;
        if (k == SIZE_MAX) {
            if (proven_infeasible(s, L) || safe_bound(s, L) <= s->cutoff)
                return LP_PRUNED;
            return LP_TROUBLE;
        }
        /* The basic values after the pivot, from the old tableau's column
         * k (O(rows) instead of basic_values' rows x nonbasics): the leaving
         * variable goes to its bound v, the entering one moves by theta.
         * Only the choice of rows and branches rests on them; pruning and
         * portfolios are checked against the model's rows. */
        size_t b = L->head[r];
        double v = below ? L->lo[b] : L->up[b];
        double theta = (L->beta[r] - v) / tr[k];
        tableau_col(s, L, r, k);
        for (size_t i = 0; i < s->mr; i++)
            L->beta[i] -= s->tcol[i] * theta;
        L->beta[r] = nb_value(L, k) + theta;
        pivot(s, L, r, k, below ? AT_LO : AT_UP);
    }
}
