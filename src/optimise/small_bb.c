/*
 * small_bb.c — our own depth-first branch and bound for the proof on the
 * fixed problem (core_search.c, step 4).
 *
 * After reduced-cost fixing and probing the proof covers a few dozen free
 * columns, and GLPK spends 50–150 µs per subproblem on it (tree management,
 * its presolver at every node). Here the LP of each subproblem is a
 * bounded dual simplex with a dense basis inverse that the child inherits
 * from its parent, a few µs per pivot at that size. The tableau's pivot row
 * and entering column are computed from B^-1 and the sparse rows when
 * needed: the full tableau (rows x (columns + rows)) cost twice the
 * instructions, mostly in its updates and the children's copies.
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
#include "small_bb.h"

#include <float.h>
#include <math.h>
#include <string.h>

#define MAX_DOUBLES ((size_t)48 * 1024 * 1024) /* the levels' memory: 384 MB */
/* Rows x (columns + rows), the size of a full tableau, in doubles (256 KB).
 * With the full tableau a subproblem cost a few passes over it, and beyond
 * this size more than GLPK's 50-150 us: measured on the
 * benchmark family 10-50 us per subproblem at 3,000-19,000 doubles, 226 us
 * at 36,000, 511 at 79,000 and 1,388 at 170,000 (many coupling rows x <= y
 * left free, which GLPK's sparse LU handles better than a dense tableau). */
#define MAX_TABLEAU ((size_t)32 * 1024)
#define RELIABLE 4  /* strong branchings of a column before its pseudocosts count */
#define SB_ITERS 20 /* pivots per child in strong branching */

static size_t lv_doubles(const sbb *s) { return s->mr * s->mr + 3 * s->nv + s->mr; }

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
    void *arrays[] = {s->lv,  s->col,  s->A,   s->cst, s->cix,  s->cv,   s->dl,   s->c, s->pi,
                      s->val, s->best, s->pcs, s->pcn, s->trow, s->brow, s->tcol, s->w};
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
    L->d = L->T + s->mr * s->mr;
    L->lo = L->d + s->nv;
    L->up = L->lo + s->nv;
    L->beta = L->up + s->nv;
    return 0;
}

/* The dense arrays, level 0 and strong branching's scratch level; 0, or -1
 * when out of memory. */
static int sbb_alloc(sbb *s)
{
    s->A = pv_calloc(s->mr * s->n + 1, sizeof *s->A);
    s->c = pv_calloc(s->nv + 1, sizeof *s->c);
    s->pi = pv_calloc(s->mr + 1, sizeof *s->pi);
    s->lv = pv_calloc(s->n + 2, sizeof *s->lv);
    s->pcs = pv_calloc(2 * s->n + 1, sizeof *s->pcs);
    s->pcn = pv_calloc(2 * s->n + 1, sizeof *s->pcn);
    s->cst = pv_calloc(s->n + 2, sizeof *s->cst);
    s->cix = pv_malloc((s->mr * s->n + 1) * sizeof *s->cix);
    s->cv = pv_malloc((s->mr * s->n + 1) * sizeof *s->cv);
    s->dl = pv_calloc(s->n + 1, sizeof *s->dl);
    s->trow = pv_calloc(s->nv + 1, sizeof *s->trow);
    s->tcol = pv_calloc(s->mr + 1, sizeof *s->tcol);
    s->w = pv_calloc(s->mr + 1, sizeof *s->w);
    s->brow = pv_calloc(s->mr + 1, sizeof *s->brow);
    if (!s->A || !s->c || !s->pi || !s->lv || !s->cst || !s->cix || !s->cv || !s->dl || !s->pcs ||
        !s->pcn || !s->trow || !s->tcol || !s->w || !s->brow)
        return -1;
    return level_alloc(s, &s->lv[0]) || level_alloc(s, &s->lv[s->n + 1]) ||
                   (s->card && level_alloc(s, &s->init))
               ? -1
               : 0;
}

/* Level 0: the kept rows, each scaled by its largest coefficient, with
 * their variables basic (B^-1 = I) and the columns at their better bound. */
static void sbb_level0(sbb *s, const long *map, const size_t *keep, const double *rlb,
                       const double *rub)
{
    const pv_mip *m = s->m;
    level *L = &s->lv[0];
    memset(L->T, 0, s->mr * s->mr * sizeof *L->T);
    for (size_t i = 0; i < s->mr; i++) {
        if (s->card && i == s->mr - 1) {
            /* the count of projects, not binding until search_by_count sets it */
            for (size_t j = 0; j < s->n; j++)
                s->A[i * s->n + j] = m->cinfo[s->col[j]].is_project ? 1 : 0;
            L->T[i * s->mr + i] = 1;
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
        L->T[i * s->mr + i] = 1;
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
        else if (nb_value(L, j) != v) {
            moved = 1;
            L->bvalid = 0;
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
    to->bvalid = from->bvalid;
}

/* Fixes column j at v. A basic column keeps the basic values (the dual
 * simplex then moves it to v); a nonbasic one that moves changes them. */
static void set_branch(level *C, size_t j, int v)
{
    if (C->stat[j] != BASIC) {
        C->bvalid &= nb_value(C, j) == v;
        C->stat[j] = (unsigned char)(v ? AT_UP : AT_LO);
    }
    C->lo[j] = C->up[j] = v;
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
        b[v] = pv_sbb_lp(s, C, SB_ITERS) == LP_PRUNED ? -HUGE_VAL : s->lastb;
    }
}

/* Variable k's value in L's basic solution. */
static double col_value(const level *L, size_t k)
{
    if (L->stat[k] != BASIC)
        return nb_value(L, k);
    size_t i = 0;
    while (L->head[i] != k)
        i++;
    return L->beta[i];
}

/* Checks the LP point as a portfolio: 1 when every column is integral and
 * the model accepts it (then taken when better than the incumbent). */
static int try_portfolio(sbb *s, const level *L)
{
    for (size_t j = 0; j < s->n; j++) {
        double v = col_value(L, j);
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
    for (size_t i = 0; i < s->mr; i++) {
        size_t j = L->head[i];
        if (j >= s->n)
            continue;
        double f = L->beta[i] - floor(L->beta[i]);
        if (f < ITOL || f > 1 - ITOL)
            continue;
        double down, up;
        if (s->pcn[2 * j] >= RELIABLE && s->pcn[2 * j + 1] >= RELIABLE) {
            down = s->pcs[2 * j] / s->pcn[2 * j] * f;
            up = s->pcs[2 * j + 1] / s->pcn[2 * j + 1] * (1 - f);
        } else {
            double b[2];
            strong(s, L, j, b);
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
        while ((lp = pv_sbb_lp(s, L, LP_ITERS(s))) == LP_OPT && node_fix(s, L))
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
         * the level less per subproblem. */
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

/* Level 0 from the solved root without the count (s->init), with the
 * count row fixed at k. */
static level *set_count(sbb *s, size_t cv, long k)
{
    level *L = &s->lv[0];
    copy_level(s, L, &s->init);
    L->lo[cv] = L->up[cv] = (double)k;
    L->bvalid = 0;
    return L;
}

/* The root LP with the count row fixed at k (set_count): 1 when it
 * cannot beat the cutoff (then no count further from the LP's own count
 * can either: the LP value is concave in k), -1 when the LP is in trouble. */
static int count_pruned(sbb *s, size_t cv, long k)
{
    level *L = set_count(s, cv, k);
    int lp = pv_sbb_lp(s, L, LP_ITERS(s));
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
    int lp = pv_sbb_lp(s, L, LP_ITERS(s));
    if (lp != LP_OPT) {
        if (lp == LP_TROUBLE)
            s->stop = PV_SBB_GIVE_UP;
        return;
    }
    /* each count's LP starts from this root's basis: dual feasible when
     * only the count's bounds move, a few pivots instead of a solve from
     * the slack basis */
    copy_level(s, &s->init, L);
    double v = col_value(L, cv);
    long k0 = (long)floor(v + 1e-9);
    for (int up = 0; up < 2 && !s->stop; up++)
        for (long k = up ? k0 + 1 : k0; k >= 0 && k <= (long)s->ncard && !s->stop;
             k += up ? 1 : -1) {
            int pr = count_pruned(s, cv, k);
            if (pr < 0)
                s->stop = PV_SBB_GIVE_UP;
            if (pr)
                break;
            /* level 0 holds count k's root LP, solved: the search starts
             * there instead of solving it again */
            s->pj = SIZE_MAX;
            search(s, 0);
        }
}

static void sbb_init(sbb *s, const pv_mip *m, double incobj, double t0, double tl_ms,
                     long node_limit)
{
    memset(s, 0, sizeof *s);
    s->m = m;
    s->incobj = incobj;
    s->cutoff = incobj == -HUGE_VAL ? -HUGE_VAL : incobj + pv_mip_tol(incobj);
    s->t0 = t0;
    s->tl_ms = tl_ms;
    s->node_limit = node_limit;
    s->pj = SIZE_MAX;
}

/* Probing at the root on our LP: each free column moved away from its root
 * LP value, and fixed where it is (in L and in fix, the model's columns)
 * when that LP cannot beat the cutoff; fixings accumulate. The number
 * fixed, or -1 when the root LP itself cannot beat the cutoff. */
static long root_probe(sbb *s, signed char *fix)
{
    level *L = &s->lv[0], *C = &s->lv[s->n + 1];
    int lp = pv_sbb_lp(s, L, LP_ITERS(s));
    if (lp != LP_OPT)
        return lp == LP_PRUNED ? -1 : 0;
    long fixed = 0;
    for (size_t j = 0; j < s->n && pv_mip_clock_ms() - s->t0 <= s->tl_ms; j++) {
        double x = col_value(L, j);
        for (int v = 0; v < 2; v++) {
            if (fabs(x - v) < ITOL)
                continue; /* already there */
            copy_level(s, C, L);
            set_branch(C, j, v);
            if (pv_sbb_lp(s, C, LP_ITERS(s)) == LP_PRUNED) {
                set_branch(L, j, !v);
                fix[s->col[j]] = (signed char)!v;
                fixed++;
                break;
            }
        }
    }
    return fixed;
}

/* With PV_SBB_PROBE: probes, and builds the search again over the columns
 * left free (fewer rows can bind then, and rows left with one free column
 * fix more). Returns as sbb_build; *none when the root LP cannot beat the
 * cutoff. */
static int probe_rebuild(sbb *s, const signed char *fix, int by_count, int *none)
{
    size_t nc = s->m->ncols;
    signed char *fix2 = pv_malloc(nc + 1);
    if (!fix2)
        return -1;
    memcpy(fix2, fix, nc);
    long k = root_probe(s, fix2);
    int rc = 0;
    *none = k < 0;
    if (k > 0) {
        sbb t;
        sbb_init(&t, s->m, s->incobj, s->t0, s->tl_ms, s->node_limit);
        sbb_free(s);
        *s = t;
        rc = sbb_build(s, fix2, by_count);
    }
    pv_free(fix2);
    return rc;
}

int pv_small_bb(const pv_mip *m, const signed char *fix, double incobj, double tl_ms,
                long node_limit, int ways, unsigned char *better, int *found, long *nodes)
{
    sbb s;
    sbb_init(&s, m, incobj, pv_mip_clock_ms(), tl_ms, node_limit);
    int by_count = (ways & PV_SBB_COUNT) != 0, none = 0;
    int rc = sbb_build(&s, fix, by_count);
    if (rc == 0 && (ways & PV_SBB_PROBE) && incobj > -HUGE_VAL)
        rc = probe_rebuild(&s, fix, by_count, &none);
    int ret = PV_SBB_PROVEN; /* also when none: nothing here beats the incumbent */
    if (rc < 0)
        ret = PV_SBB_GIVE_UP;
    else if (rc == 0 && !none) {
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
