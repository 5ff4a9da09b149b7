/*
 * small_bb.c — our own depth-first branch and bound for the proof on the
 * fixed problem (core_search.c, step 4).
 *
 * After reduced-cost fixing and probing the proof covers a few dozen free
 * columns, and GLPK spends 50–150 µs per subproblem on it (tree management,
 * its presolver at every node). Here the LP of each subproblem is a dense
 * bounded dual simplex on a full tableau that the child inherits from its
 * parent, a few µs per pivot at that size.
 *
 * The tableau's rounding never decides the answer:
 *  - a subproblem is pruned only by a Lagrangian bound computed from the
 *    model's own rows with the tableau's duals (any duals give a valid
 *    bound), so a drifted tableau prunes less, never wrongly;
 *  - a subproblem is infeasible only when a row combination taken from the
 *    tableau, recomputed from the model's rows, cannot be met;
 *  - a portfolio counts only when pv_mip_feasible accepts it.
 * Anything else the tableau cannot settle ends the search with
 * PV_SBB_GIVE_UP, and the caller runs GLPK's proof as before.
 */
#include "core_search.h"

#include <float.h>
#include <math.h>
#include <string.h>

enum { AT_LO = 0, AT_UP = 1, BASIC = 2 };

typedef struct level {
    double *T;           /* mr x nv tableau B^-1 [A -I] */
    double *d;           /* nv reduced costs */
    double *lo, *up;     /* nv bounds */
    unsigned char *stat; /* nv: AT_LO, AT_UP or BASIC */
    size_t *head;        /* mr: the basic variable of each row */
} level;

typedef struct sbb {
    const pv_mip *m;
    size_t n, mr, nv;    /* free columns, rows kept, n + mr variables */
    size_t *col;         /* free column -> model column */
    double *A;           /* mr x n, each row scaled by its largest |a| */
    size_t *cst, *cix;   /* the same column-wise, sparse: column j's entries */
    double *cv;          /* cst[j] .. cst[j + 1] - 1 in cix (row) and cv */
    double *dl;          /* n: the Lagrangian reduced costs of safe_bound */
    size_t *nzv;         /* the nonbasic variables away from 0 */
    size_t *pnz;         /* the pivot row's nonzero entries */
    double *c;           /* nv costs (0 for the rows' variables) */
    double const0;       /* objective of the fixed columns */
    double *beta;        /* mr basic values */
    double *pi;          /* mr duals, clamped for the bound */
    unsigned char *val;  /* the portfolio being checked (fixed columns set) */
    unsigned char *best; /* the best portfolio found (when better than the start) */
    int found;
    double cutoff; /* prune at or below */
    double lastb;  /* safe_bound's last value */
    double incobj;
    double *pcs;       /* 2n: per column and direction, the summed bound loss per unit */
    int *pcn;          /* 2n: how many losses pcs sums */
    double *sbeta;     /* mr: the node's basic values, kept over strong branching */
    size_t pj;         /* the branch that led to the node being solved (SIZE_MAX: none): */
    int pdir;          /* its column, direction, fraction and parent's bound, */
    double pfrac, ppb; /* for the pseudocosts */
    level *lv;         /* n + 2 levels (the last: strong branching's scratch) */
    size_t ncard;      /* free project columns, summed by the last row when card */
    int card;          /* the last row is the count of projects (search_by_count) */
    level init;        /* with card: level 0 as built */
    double t0, tl_ms;
    long nodes, node_limit;
    int stop; /* PV_SBB_* when the search ends early */
} sbb;

#define FTOL 1e-9                              /* primal feasibility of a scaled row or a bound */
#define ITOL 1e-6                              /* integrality, before pv_mip_feasible checks */
#define PTOL 1e-9                              /* smallest pivot */
#define MAX_DOUBLES ((size_t)48 * 1024 * 1024) /* the levels' memory: 384 MB */
/* One level's tableau, in doubles (256 KB). A subproblem costs a few passes
 * over it, and beyond this size more than GLPK's 50-150 us: measured on the
 * benchmark family 10-50 us per subproblem at 3,000-19,000 doubles, 226 us
 * at 36,000, 511 at 79,000 and 1,388 at 170,000 (many coupling rows x <= y
 * left free, which GLPK's sparse LU handles better than a dense tableau). */
#define MAX_TABLEAU ((size_t)32 * 1024)
#define RELIABLE 4  /* strong branchings of a column before its pseudocosts count */
#define SB_ITERS 20 /* pivots per child in strong branching */

static size_t lv_doubles(const sbb *s) { return s->mr * s->nv + 3 * s->nv; }

static void sbb_free(sbb *s)
{
    if (s->lv)
        for (size_t h = 0; h <= s->n + 1; h++) {
            pv_free(s->lv[h].T);
            pv_free(s->lv[h].stat);
            pv_free(s->lv[h].head);
        }
    pv_free(s->init.T);
    pv_free(s->init.stat);
    pv_free(s->init.head);
    void *arrays[] = {s->lv, s->col,  s->A,  s->cst, s->cix,  s->cv,  s->dl,  s->nzv,  s->pnz,
                      s->c,  s->beta, s->pi, s->val, s->best, s->pcs, s->pcn, s->sbeta};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
        pv_free(arrays[i]);
}

/* Splits the columns into free and fixed, and keeps the enabled rows that
 * hold a free column, less the fixed columns' activity, those that cannot
 * bind left out (a relaxation). 1 when the fixed columns already break a
 * row (no portfolio with these fixings), else 0. */
static int sbb_select(sbb *s, signed char *fix, long *map, size_t *keep, double *rlb, double *rub,
                      int *changed)
{
    const pv_mip *m = s->m;
    s->const0 = 0;
    s->n = s->mr = 0;
    for (size_t j = 0; j < m->ncols; j++) {
        map[j] = -1;
        if (m->lb[j] < m->ub[j] && fix[j] < 0) {
            map[j] = (long)s->n;
            s->col[s->n++] = j;
        } else {
            s->val[j] = (unsigned char)(fix[j] >= 0 && m->lb[j] < m->ub[j] ? fix[j] : m->lb[j]);
            s->const0 += m->obj[j] * s->val[j];
        }
    }
    for (size_t i = 0; i < m->nrows; i++) {
        if (!pv_mip_row_on(m, i))
            continue;
        const pv_row *r = &m->rows[i];
        double fixed = 0, lo = 0, hi = 0;
        size_t nfree = 0;
        for (size_t k = 0; k < r->nz; k++) {
            if (map[r->col[k]] < 0)
                fixed += r->val[k] * s->val[r->col[k]];
            else {
                nfree++;
                if (r->val[k] > 0)
                    hi += r->val[k];
                else
                    lo += r->val[k];
            }
        }
        double l = r->lb - fixed, u = r->ub - fixed;
        if (!nfree) {
            if (fixed < r->lb - pv_mip_tol(r->lb) || fixed > r->ub + pv_mip_tol(r->ub))
                return 1;
            continue;
        }
        if (lo >= l && hi <= u)
            continue; /* cannot bind */
        if (nfree == 1) {
            /* a bound on one binary column: fixes it, or cannot bind */
            size_t k = 0;
            while (map[r->col[k]] < 0)
                k++;
            size_t j = r->col[k];
            int ok[2];
            for (int v = 0; v < 2; v++) {
                double a = r->val[k] * v;
                ok[v] = v >= m->lb[j] && v <= m->ub[j] && a >= l - pv_mip_tol(l) &&
                        a <= u + pv_mip_tol(u);
            }
            if (!ok[0] && !ok[1])
                return 1;
            if (!ok[0] || !ok[1]) {
                fix[j] = (signed char)ok[1];
                *changed = 1;
            }
            continue;
        }
        /* A side that cannot bind becomes the activity's own bound (widened
         * by the rounding of its sum): every variable then has a finite box,
         * which the infeasibility check and the bound need. */
        double slack = 1e-9 * (hi - lo + 1);
        rlb[s->mr] = lo >= l ? lo - slack : l;
        rub[s->mr] = hi <= u ? hi + slack : u;
        keep[s->mr++] = i;
    }
    return 0;
}

/* A level's arrays, when it has none yet: levels are allocated as the
 * search first reaches their depth, since most searches stay shallow and
 * allocating every depth up front cost small problems more than their
 * search. 0, or -1 when out of memory. */
static int level_alloc(const sbb *s, level *L)
{
    if (L->T && L->stat && L->head)
        return 0;
    if (!L->T)
        L->T = pv_malloc(lv_doubles(s) * sizeof *L->T);
    if (!L->stat)
        L->stat = pv_malloc(s->nv + 1);
    if (!L->head)
        L->head = pv_malloc((s->mr + 1) * sizeof *L->head);
    if (!L->T || !L->stat || !L->head)
        return -1;
    L->d = L->T + s->mr * s->nv;
    L->lo = L->d + s->nv;
    L->up = L->lo + s->nv;
    return 0;
}

/* The dense arrays, level 0 and strong branching's scratch level; 0, or -1
 * when out of memory. */
static int sbb_alloc(sbb *s)
{
    s->A = pv_calloc(s->mr * s->n + 1, sizeof *s->A);
    s->c = pv_calloc(s->nv + 1, sizeof *s->c);
    s->beta = pv_calloc(s->mr + 1, sizeof *s->beta);
    s->pi = pv_calloc(s->mr + 1, sizeof *s->pi);
    s->lv = pv_calloc(s->n + 2, sizeof *s->lv);
    s->pcs = pv_calloc(2 * s->n + 1, sizeof *s->pcs);
    s->pcn = pv_calloc(2 * s->n + 1, sizeof *s->pcn);
    s->sbeta = pv_calloc(s->mr + 1, sizeof *s->sbeta);
    s->cst = pv_calloc(s->n + 2, sizeof *s->cst);
    s->cix = pv_malloc((s->mr * s->n + 1) * sizeof *s->cix);
    s->cv = pv_malloc((s->mr * s->n + 1) * sizeof *s->cv);
    s->dl = pv_calloc(s->n + 1, sizeof *s->dl);
    s->nzv = pv_malloc((s->nv + 1) * sizeof *s->nzv);
    s->pnz = pv_malloc((s->nv + 1) * sizeof *s->pnz);
    if (!s->A || !s->c || !s->beta || !s->pi || !s->lv || !s->cst || !s->cix || !s->cv || !s->dl ||
        !s->nzv || !s->pnz || !s->pcs || !s->pcn || !s->sbeta)
        return -1;
    return level_alloc(s, &s->lv[0]) || level_alloc(s, &s->lv[s->n + 1]) ||
                   (s->card && level_alloc(s, &s->init))
               ? -1
               : 0;
}

/* Level 0: the kept rows, each scaled by its largest coefficient, with
 * their variables basic (T = [-A I]) and the columns at their better bound. */
static void sbb_level0(sbb *s, const long *map, const size_t *keep, const double *rlb,
                       const double *rub)
{
    const pv_mip *m = s->m;
    level *L = &s->lv[0];
    memset(L->T, 0, s->mr * s->nv * sizeof *L->T);
    for (size_t i = 0; i < s->mr; i++) {
        if (s->card && i == s->mr - 1) {
            /* the count of projects, not binding until search_by_count sets it */
            for (size_t j = 0; j < s->n; j++) {
                s->A[i * s->n + j] = m->cinfo[s->col[j]].is_project ? 1 : 0;
                L->T[i * s->nv + j] = -s->A[i * s->n + j];
            }
            L->T[i * s->nv + s->n + i] = 1;
            L->lo[s->n + i] = -0.5;
            L->up[s->n + i] = (double)s->ncard + 0.5;
            L->stat[s->n + i] = BASIC;
            L->head[i] = s->n + i;
            L->d[s->n + i] = 0;
            continue;
        }
        const pv_row *r = &m->rows[keep[i]];
        double big = 0;
        for (size_t k = 0; k < r->nz; k++)
            if (map[r->col[k]] >= 0 && fabs(r->val[k]) > big)
                big = fabs(r->val[k]);
        for (size_t k = 0; k < r->nz; k++)
            if (map[r->col[k]] >= 0)
                s->A[i * s->n + (size_t)map[r->col[k]]] += r->val[k] / big;
        for (size_t j = 0; j < s->n; j++)
            L->T[i * s->nv + j] = -s->A[i * s->n + j];
        L->T[i * s->nv + s->n + i] = 1;
        L->lo[s->n + i] = rlb[i] / big;
        L->up[s->n + i] = rub[i] / big;
        L->stat[s->n + i] = BASIC;
        L->head[i] = s->n + i;
        L->d[s->n + i] = 0;
    }
    size_t nz = 0;
    for (size_t j = 0; j < s->n; j++) {
        s->cst[j] = nz;
        for (size_t i = 0; i < s->mr; i++)
            if (s->A[i * s->n + j] != 0) {
                s->cix[nz] = i;
                s->cv[nz++] = s->A[i * s->n + j];
            }
    }
    s->cst[s->n] = nz;
    for (size_t j = 0; j < s->n; j++) {
        s->c[j] = m->obj[s->col[j]];
        L->d[j] = s->c[j];
        L->lo[j] = m->lb[s->col[j]];
        L->up[j] = m->ub[s->col[j]];
        L->stat[j] = s->c[j] > 0 ? AT_UP : AT_LO;
    }
}

/* Builds the dense problem over the free columns (a relaxation of the
 * rows). 1 when the fixed columns already break a row (no portfolio with
 * these fixings), 0 when built, -1 when out of memory or too large. */
static int sbb_build(sbb *s, const signed char *fix, int by_count)
{
    size_t nc = s->m->ncols, nr = s->m->nrows;
    s->col = pv_malloc((nc + 1) * sizeof *s->col);
    s->val = pv_calloc(nc + 1, 1);
    s->best = pv_calloc(nc + 1, 1);
    long *map = pv_malloc((nc + 1) * sizeof *map);
    size_t *keep = pv_malloc((nr + 1) * sizeof *keep);
    double *rlb = pv_malloc((nr + 1) * sizeof *rlb);
    double *rub = pv_malloc((nr + 1) * sizeof *rub);
    signed char *fix2 = pv_malloc(nc + 1);
    int rc = -1;
    if (!s->col || !s->val || !s->best || !map || !keep || !rlb || !rub || !fix2)
        goto out;
    /* singleton rows fix columns, which may leave more singleton rows */
    memcpy(fix2, fix, nc);
    int changed = 1;
    while (changed) {
        changed = 0;
        rc = sbb_select(s, fix2, map, keep, rlb, rub, &changed);
        if (rc)
            goto out;
    }
    rc = -1;
    s->ncard = 0;
    for (size_t j = 0; j < s->n; j++)
        s->ncard += s->m->cinfo[s->col[j]].is_project != 0;
    s->card = by_count && s->m->tune.card_split && s->ncard >= 2;
    s->mr += (size_t)s->card;
    s->nv = s->n + s->mr;
    if (s->n == 0 || s->mr * s->nv > MAX_TABLEAU || (s->n + 2) * lv_doubles(s) > MAX_DOUBLES ||
        sbb_alloc(s))
        goto out;
    sbb_level0(s, map, keep, rlb, rub);
    rc = 0;
out:
    pv_free(map);
    pv_free(keep);
    pv_free(rlb);
    pv_free(rub);
    pv_free(fix2);
    return rc;
}

static double nb_value(const level *L, size_t k)
{
    return L->stat[k] == AT_UP ? L->up[k] : L->lo[k];
}

/* The basic values from the nonbasic ones. */
static void basic_values(sbb *s, const level *L)
{
    size_t nn = 0;
    for (size_t k = 0; k < s->nv; k++)
        if (L->stat[k] != BASIC && nb_value(L, k) != 0)
            s->nzv[nn++] = k;
    for (size_t i = 0; i < s->mr; i++) {
        const double *t = L->T + i * s->nv;
        double b = 0;
        for (size_t q = 0; q < nn; q++)
            b -= t[s->nzv[q]] * nb_value(L, s->nzv[q]);
        s->beta[i] = b;
    }
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
        double dj = s->c[j];
        for (size_t q = s->cst[j]; q < s->cst[j + 1]; q++)
            dj -= s->pi[s->cix[q]] * s->cv[q];
        s->dl[j] = dj;
        b += dj > 0 ? dj * L->up[j] : dj * L->lo[j];
    }
    s->lastb = b;
    return b;
}

/* 1 when row r's combination of the model's rows, recomputed, shows that no
 * point within the bounds exists. */
static int proven_infeasible(sbb *s, const level *L, size_t r)
{
    const double *t = L->T + r * s->nv;
    /* Σ_i rho_i (A_i x - r_i) = 0 with rho_i = -t[n + i] */
    double lo = 0, hi = 0, mag = 0;
    for (size_t j = 0; j < s->n; j++) {
        double w = 0;
        for (size_t q = s->cst[j]; q < s->cst[j + 1]; q++)
            w -= t[s->n + s->cix[q]] * s->cv[q];
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

/* Dual simplex pivot on row r, column k. */
static void pivot(sbb *s, level *L, size_t r, size_t k, unsigned char leave_at)
{
    size_t nv = s->nv;
    double *tr = L->T + r * nv;
    double inv = 1 / tr[k];
    /* the pivot row's nonzeros only: its zeros change no other row */
    size_t nz = 0;
    for (size_t q = 0; q < nv; q++)
        if (tr[q] != 0) {
            tr[q] *= inv;
            s->pnz[nz++] = q;
        }
    tr[k] = 1;
    for (size_t i = 0; i < s->mr; i++) {
        if (i == r)
            continue;
        double *ti = L->T + i * nv;
        double f = ti[k];
        if (f == 0)
            continue;
        for (size_t p = 0; p < nz; p++)
            ti[s->pnz[p]] -= f * tr[s->pnz[p]];
        ti[k] = 0;
    }
    double dk = L->d[k];
    for (size_t p = 0; p < nz; p++)
        L->d[s->pnz[p]] -= dk * tr[s->pnz[p]];
    L->d[k] = 0;
    L->stat[L->head[r]] = leave_at;
    L->stat[k] = BASIC;
    L->head[r] = k;
}

/* The dual ratio test on basic row r (below: its value must rise, β_r =
 * -Σ a z): the entering column, the smallest |d| / |a| with ties within
 * 1e-12 to the largest |a| (SIZE_MAX when none). */
static size_t ratio_test(const sbb *s, const level *L, size_t r, int below)
{
    const double *tr = L->T + r * s->nv;
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

enum { LP_OPT, LP_PRUNED, LP_TROUBLE };

/* The subproblem's LP by the dual simplex from the inherited basis. */
/* The objective of the tableau's basic solution, from its own reduced
 * costs: for a dual feasible tableau the same figure as safe_bound's, in
 * O(variables) instead of O(nonzeros), but rounded as the tableau is. Only
 * a trigger for safe_bound, which alone prunes. */
static double tableau_bound(const sbb *s, const level *L)
{
    double b = s->const0;
    for (size_t k = 0; k < s->nv; k++)
        if (L->stat[k] != BASIC)
            b += L->d[k] * nb_value(L, k);
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

/* A subproblem's LP past this many pivots is in trouble (the search gives up). */
#define LP_ITERS(s) (100 + 20 * (s)->mr)

static int node_lp(sbb *s, level *L, size_t limit)
{
    basic_values(s, L);
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
            double tol = FTOL * (1 + fabs(s->beta[i]));
            double v = L->lo[b] - s->beta[i];
            if (v > tol && v > worst) {
                worst = v;
                r = i;
                below = 1;
            }
            v = s->beta[i] - L->up[b];
            if (v > tol && v > worst) {
                worst = v;
                r = i;
                below = 0;
            }
        }
        if (r == SIZE_MAX) /* optimal: lastb and dl for node_fix and branching */
            return safe_bound(s, L) <= s->cutoff ? LP_PRUNED : LP_OPT;
        size_t k = ratio_test(s, L, r, below);
        const double *tr = L->T + r * s->nv;
        if (k == SIZE_MAX) {
            if (proven_infeasible(s, L, r) || safe_bound(s, L) <= s->cutoff)
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
        double theta = (s->beta[r] - v) / tr[k];
        for (size_t i = 0; i < s->mr; i++)
            s->beta[i] -= L->T[i * s->nv + k] * theta;
        s->beta[r] = nb_value(L, k) + theta;
        pivot(s, L, r, k, below ? AT_LO : AT_UP);
    }
}

/* Reduced-cost fixing by the last safe bound: the bound is separable, so
 * moving column j off the side its Lagrangian reduced cost favours costs
 * at least |dl[j]|; when that reaches the cutoff no portfolio of this
 * subtree better than the incumbent has it there. 1 when a fixing moved the
 * LP point (the LP is then solved again). */
static int node_fix(sbb *s, level *L)
{
    double room = s->lastb - s->cutoff;
    int moved = 0;
    for (size_t j = 0; j < s->n; j++) {
        if (L->lo[j] == L->up[j] || fabs(s->dl[j]) < room)
            continue;
        double v = s->dl[j] > 0 ? L->up[j] : L->lo[j];
        if (L->stat[j] == BASIC)
            moved = 1;
        else {
            moved |= nb_value(L, j) != v;
            L->stat[j] = s->dl[j] > 0 ? AT_UP : AT_LO;
        }
        L->lo[j] = L->up[j] = v;
    }
    return moved;
}

static void copy_level(const sbb *s, level *to, const level *from)
{
    memcpy(to->T, from->T, lv_doubles(s) * sizeof *to->T);
    memcpy(to->stat, from->stat, s->nv);
    memcpy(to->head, from->head, s->mr * sizeof *to->head);
}

static void set_branch(level *C, size_t j, int v)
{
    C->lo[j] = C->up[j] = v;
    if (C->stat[j] != BASIC)
        C->stat[j] = (unsigned char)(v ? AT_UP : AT_LO);
}

/* Pseudocosts: the bound's loss per unit of change, per column and
 * direction, averaged over the children seen. */
static void pc_add(sbb *s, size_t j, int v, double loss, double frac)
{
    if (frac < ITOL)
        return;
    s->pcs[2 * j + (size_t)v] += (loss > 0 ? loss : 0) / frac;
    s->pcn[2 * j + (size_t)v]++;
}

/* Strong branching on column j: each child's LP bound, after at most
 * SB_ITERS pivots (any duals give a valid bound), in b[v]; -HUGE_VAL when
 * the child cannot beat the cutoff. */
static void strong(sbb *s, const level *L, size_t j, double b[2])
{
    level *C = &s->lv[s->n + 1];
    for (int v = 0; v < 2; v++) {
        copy_level(s, C, L);
        set_branch(C, j, v);
        b[v] = node_lp(s, C, SB_ITERS) == LP_PRUNED ? -HUGE_VAL : s->lastb;
    }
}

/* Checks the LP point as a portfolio: 1 when every column is integral and
 * the model accepts it (then taken when better than the incumbent). */
static int try_portfolio(sbb *s, const level *L)
{
    for (size_t j = 0; j < s->n; j++) {
        double v = L->stat[j] == BASIC ? 0 : nb_value(L, j);
        if (L->stat[j] == BASIC)
            for (size_t i = 0; i < s->mr; i++)
                if (L->head[i] == j)
                    v = s->beta[i];
        if (fabs(v - floor(v + 0.5)) > ITOL)
            return 0;
        s->val[s->col[j]] = (unsigned char)(v > 0.5);
    }
    if (!pv_mip_feasible(s->m, s->val))
        return 0;
    double obj = pv_mip_value(s->m, s->val);
    if (s->incobj == -HUGE_VAL || obj > s->incobj + pv_mip_tol(s->incobj)) {
        memcpy(s->best, s->val, s->m->ncols);
        s->found = 1;
        s->incobj = obj;
        s->cutoff = obj + pv_mip_tol(obj);
    }
    return 1;
}

/* The branching column at a node whose LP bound is pb: the fractional
 * basic column with the largest product of its children's bound losses,
 * from pseudocosts when reliable, else by strong branching. Strong
 * branching that shows a child cannot beat the cutoff fixes the column the
 * other way: returns SIZE_MAX - 1 (the node's LP is to be solved again) or
 * SIZE_MAX - 2 (both children pruned). SIZE_MAX: nothing fractional. */
static size_t choose_branch(sbb *s, level *L, double pb, int *first)
{
    size_t bj = SIZE_MAX;
    double bscore = -1;
    memcpy(s->sbeta, s->beta, s->mr * sizeof *s->beta);
    for (size_t i = 0; i < s->mr; i++) {
        size_t j = L->head[i];
        if (j >= s->n)
            continue;
        double f = s->sbeta[i] - floor(s->sbeta[i]);
        if (f < ITOL || f > 1 - ITOL)
            continue;
        double down, up;
        if (s->pcn[2 * j] >= RELIABLE && s->pcn[2 * j + 1] >= RELIABLE) {
            down = s->pcs[2 * j] / s->pcn[2 * j] * f;
            up = s->pcs[2 * j + 1] / s->pcn[2 * j + 1] * (1 - f);
        } else {
            double b[2];
            strong(s, L, j, b);
            memcpy(s->beta, s->sbeta, s->mr * sizeof *s->beta);
            if (b[0] == -HUGE_VAL && b[1] == -HUGE_VAL)
                return SIZE_MAX - 2;
            if (b[0] == -HUGE_VAL || b[1] == -HUGE_VAL) {
                set_branch(L, j, b[0] == -HUGE_VAL);
                return SIZE_MAX - 1;
            }
            down = pb - b[0];
            up = pb - b[1];
            pc_add(s, j, 0, down, f);
            pc_add(s, j, 1, up, 1 - f);
        }
        double sc = (down > 1e-9 ? down : 1e-9) * (up > 1e-9 ? up : 1e-9);
        if (sc > bscore || (sc == bscore && j < bj)) {
            bscore = sc;
            bj = j;
            *first = up <= down; /* the child that loses less first */
            s->pfrac = f;
        }
    }
    return bj;
}

static void search(sbb *s, size_t h)
{
    level *L = &s->lv[h];
    if (s->stop)
        return;
    if (++s->nodes % 64 == 0 && pv_mip_clock_ms() - s->t0 > s->tl_ms)
        s->stop = PV_SBB_LIMIT;
    if (s->node_limit > 0 && s->nodes > s->node_limit)
        s->stop = PV_SBB_LIMIT;
    if (s->stop)
        return;
    size_t pj = s->pj;
    int pdir = s->pdir;
    double pf = s->pfrac, ppb = s->ppb;
    s->pj = SIZE_MAX;
    size_t bj;
    int first = 1;
    double pb;
    do {
        int lp;
        while ((lp = node_lp(s, L, LP_ITERS(s))) == LP_OPT && node_fix(s, L))
            ;
        if (lp == LP_PRUNED)
            return;
        if (lp == LP_TROUBLE) {
            s->stop = PV_SBB_GIVE_UP;
            return;
        }
        pb = s->lastb;
        if (pj != SIZE_MAX) {
            pc_add(s, pj, pdir, ppb - pb, pdir ? 1 - pf : pf);
            pj = SIZE_MAX;
        }
        bj = choose_branch(s, L, pb, &first);
        if (bj == SIZE_MAX - 2)
            return;
    } while (bj == SIZE_MAX - 1);
    if (bj == SIZE_MAX) {
        if (try_portfolio(s, L))
            return;
        /* integral to the LP but not to the model's check: enumerate */
        for (size_t j = 0; j < s->n && bj == SIZE_MAX; j++)
            if (L->lo[j] < L->up[j])
                bj = j;
        if (bj == SIZE_MAX)
            return; /* every column fixed, and the model rejects it */
    }
    if (h + 1 > s->n) {
        s->stop = PV_SBB_GIVE_UP;
        return;
    }
    level *C = &s->lv[h + 1];
    if (level_alloc(s, C)) {
        s->stop = PV_SBB_GIVE_UP;
        return;
    }
    double f = s->pfrac;
    for (int t = 0; t < 2 && !s->stop; t++) {
        int v = t == 0 ? first : !first;
        /* The second child takes this level itself, which the first
         * child's subtree (deeper levels only) left as it was: one copy of
         * the tableau less per subproblem. */
        level *D = t == 0 ? C : L;
        if (t == 0)
            copy_level(s, C, L);
        set_branch(D, bj, v);
        s->pj = bj;
        s->pdir = v;
        s->pfrac = f;
        s->ppb = pb;
        search(s, t == 0 ? h + 1 : h);
    }
}

/* Level 0 as built, with the count row fixed at k. */
static level *set_count(sbb *s, size_t cv, long k)
{
    level *L = &s->lv[0];
    copy_level(s, L, &s->init);
    L->lo[cv] = L->up[cv] = (double)k;
    return L;
}

/* The root LP of level 0 as built with the count row fixed at k: 1 when it
 * cannot beat the cutoff (then no count further from the LP's own count
 * can either: the LP value is concave in k), -1 when the LP is in trouble. */
static int count_pruned(sbb *s, size_t cv, long k)
{
    level *L = set_count(s, cv, k);
    int lp = node_lp(s, L, LP_ITERS(s));
    return lp == LP_TROUBLE ? -1 : lp == LP_PRUNED;
}

/* The search split by the number of projects k (hyperplane branching, as
 * exact methods for multidimensional knapsacks do): with the count fixed
 * the LP bound is much tighter than the root's. Counts are searched from
 * the root LP's count outwards while their LP can beat the cutoff. */
static void search_by_count(sbb *s)
{
    level *L = &s->lv[0];
    size_t cv = s->n + s->mr - 1;
    copy_level(s, &s->init, L);
    int lp = node_lp(s, L, LP_ITERS(s));
    if (lp != LP_OPT) {
        if (lp == LP_TROUBLE)
            s->stop = PV_SBB_GIVE_UP;
        return;
    }
    double v = nb_value(L, cv);
    for (size_t i = 0; i < s->mr; i++)
        if (L->head[i] == cv)
            v = s->beta[i];
    long k0 = (long)floor(v + 1e-9);
    for (int up = 0; up < 2 && !s->stop; up++)
        for (long k = up ? k0 + 1 : k0; k >= 0 && k <= (long)s->ncard && !s->stop;
             k += up ? 1 : -1) {
            int pr = count_pruned(s, cv, k);
            if (pr < 0)
                s->stop = PV_SBB_GIVE_UP;
            if (pr)
                break;
            set_count(s, cv, k);
            s->pj = SIZE_MAX;
            search(s, 0);
        }
}

int pv_small_bb(const pv_mip *m, const signed char *fix, double incobj, double tl_ms,
                long node_limit, int by_count, unsigned char *better, int *found, long *nodes)
{
    sbb s;
    memset(&s, 0, sizeof s);
    s.m = m;
    s.incobj = incobj;
    s.cutoff = incobj == -HUGE_VAL ? -HUGE_VAL : incobj + pv_mip_tol(incobj);
    s.t0 = pv_mip_clock_ms();
    s.tl_ms = tl_ms;
    s.node_limit = node_limit;
    s.pj = SIZE_MAX;
    int rc = sbb_build(&s, fix, by_count);
    int ret = PV_SBB_PROVEN;
    if (rc < 0)
        ret = PV_SBB_GIVE_UP;
    else if (rc == 0) {
        if (s.card)
            search_by_count(&s);
        else
            search(&s, 0);
        ret = s.stop ? s.stop : PV_SBB_PROVEN;
    }
    *found = s.found && ret != PV_SBB_GIVE_UP;
    if (*found)
        memcpy(better, s.best, m->ncols);
    if (nodes)
        *nodes = s.nodes;
    sbb_free(&s);
    return ret;
}
