/*
 * chance.c — contingent co-financing around the MILP: the seeded award
 * scenarios of the chance commitment (sample average approximation), and
 * the figures of a chosen portfolio under uncertain awards: expected,
 * all-granted and none-granted score, quantiles of score and of each
 * resource's use, the probability of overrunning each limit and the
 * expected unused budget.
 *
 * Awards are independent draws (probability p_j each). With up to
 * PV_EXACT_MAX selected contingent projects the figures are exact: a
 * dynamic programme over the subsets of granted projects (each subset's use
 * is its subset without the highest project, plus that project's). Beyond
 * it they come from PV_FRESH_SAMPLES fresh draws, with a 95 % Wilson
 * interval for each probability.
 */
#include "select.h"

#include <math.h>
#include <string.h>

#define PV_EXACT_MAX 20
#define PV_FRESH_SAMPLES 200000

/* splitmix64: portable and seedable; the same draws on every machine. */
static unsigned long long mix(unsigned long long *s)
{
    unsigned long long z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static double unif(unsigned long long *s) { return (double)(mix(s) >> 11) * 0x1.0p-53; }

void pv_chance_free(pv_chance *ch)
{
    if (!ch)
        return;
    void *own[] = {ch->cj, ch->pat, ch->w, ch};
    pv_free_each(own, sizeof own / sizeof *own);
}

typedef struct patctx {
    const unsigned char *all;
    size_t nc;
} patctx;

static int cmp_pat(size_t a, size_t b, const void *ctx)
{
    const patctx *p = ctx;
    return p->nc ? memcmp(p->all + a * p->nc, p->all + b * p->nc, p->nc) : 0;
}

/* Draws the scenarios: scenario s, then contingent projects in file order. */
static int draw(const pv_case *c, pv_chance *ch, unsigned char *all, size_t S)
{
    unsigned long long st = c->cofin->seed;
    for (size_t s = 0; s < S; s++)
        for (size_t i = 0; i < ch->nc; i++)
            all[s * ch->nc + i] = unif(&st) < c->cofin->prob[ch->cj[i]];
    size_t *idx = pv_malloc((S + 1) * sizeof *idx);
    ch->pat = pv_malloc(S * (ch->nc ? ch->nc : 1) + 1);
    ch->w = pv_calloc(S + 1, sizeof *ch->w);
    if (!idx || !ch->pat || !ch->w) {
        pv_free(idx);
        return -1;
    }
    for (size_t s = 0; s < S; s++)
        idx[s] = s;
    patctx pc = {all, ch->nc};
    if (pv_sort_idx(idx, S, cmp_pat, &pc)) {
        pv_free(idx);
        return -1;
    }
    for (size_t t = 0; t < S; t++) {
        const unsigned char *p = all + idx[t] * ch->nc;
        int any = 0;
        for (size_t i = 0; i < ch->nc; i++)
            any |= p[i];
        if (!any)
            continue; /* nothing granted: never overruns more than the certain use */
        if (ch->npat && !memcmp(ch->pat + (ch->npat - 1) * ch->nc, p, ch->nc)) {
            ch->w[ch->npat - 1]++;
            continue;
        }
        memcpy(ch->pat + ch->npat * ch->nc, p, ch->nc);
        ch->w[ch->npat++] = 1;
    }
    pv_free(idx);
    return 0;
}

pv_chance *pv_chance_draw(const pv_case *c, int *none, pv_error *err)
{
    *none = !c->cofin || c->cofin->commit != PV_COMMIT_CHANCE;
    if (*none)
        return NULL;
    size_t n = c->projects->nrows, S = c->cofin->scenarios;
    pv_chance *ch = pv_calloc(1, sizeof *ch);
    if (!ch || !(ch->cj = pv_malloc((n + 1) * sizeof *ch->cj)))
        goto nomem;
    for (size_t j = 0; j < n; j++)
        if (c->cofin->contingent[j])
            ch->cj[ch->nc++] = j;
    ch->budget = (size_t)floor(c->cofin->alpha * (double)S + 1e-9);
    unsigned char *all = pv_malloc(S * (ch->nc ? ch->nc : 1) + 1);
    if (!all || draw(c, ch, all, S)) {
        pv_free(all);
        goto nomem;
    }
    pv_free(all);
    return ch;
nomem:
    pv_chance_free(ch);
    pv_err_nomem(err);
    return NULL;
}

/* ------------------------------------------------------------ figures */

double pv_obj_coef(const pv_case *c, const pv_ranking *r, size_t j)
{
    return pv_objective_coef(c, j, r->p[j].score);
}

void pv_cofin_stats_free(pv_cofin_stats *st)
{
    if (!st)
        return;
    void *own[] = {st->overrun, st->overrun_lo, st->overrun_hi, st->q, st->unused, st};
    pv_free_each(own, sizeof own / sizeof *own);
}

/* The outcomes: point i has probability w[i] and values v[i * D + d]
 * (d = 0 the score, 1 + k resource k's use). */
typedef struct outcomes {
    size_t n, D;
    double *v, *w;
} outcomes;

/* Every subset of the m contingent selected projects, exactly: a dynamic
 * programme adding one project at a time (the subsets of the first i + 1
 * are those of the first i, without and with project i). */
static int exact(outcomes *o, const double *base, const double *item, const double *p, size_t m)
{
    size_t N = (size_t)1 << m, D = o->D;
    o->v = pv_malloc(N * D * sizeof *o->v);
    o->w = pv_malloc(N * sizeof *o->w);
    if (!o->v || !o->w)
        return -1;
    o->n = N;
    memcpy(o->v, base, D * sizeof *base);
    o->w[0] = 1;
    for (size_t i = 0; i < m; i++) {
        size_t h = (size_t)1 << i;
        for (size_t s = 0; s < h; s++) {
            o->w[s + h] = o->w[s] * p[i];
            o->w[s] *= 1 - p[i];
            for (size_t d = 0; d < D; d++)
                o->v[(s + h) * D + d] = o->v[s * D + d] + item[i * D + d];
        }
    }
    return 0;
}

static int sampled(outcomes *o, const double *base, const double *item, const double *p, size_t m,
                   unsigned long long seed)
{
    size_t N = PV_FRESH_SAMPLES, D = o->D;
    o->v = pv_malloc(N * D * sizeof *o->v);
    o->w = pv_malloc(N * sizeof *o->w);
    if (!o->v || !o->w)
        return -1;
    o->n = N;
    unsigned long long st = seed ^ 0x5DEECE66DULL;
    for (size_t s = 0; s < N; s++) {
        memcpy(o->v + s * D, base, D * sizeof *base);
        for (size_t i = 0; i < m; i++)
            if (unif(&st) < p[i])
                for (size_t d = 0; d < D; d++)
                    o->v[s * D + d] += item[i * D + d];
        o->w[s] = 1.0 / (double)N;
    }
    return 0;
}

/* The 10, 50 and 90 % quantiles of dimension d: the smallest value whose
 * cumulative probability reaches q. */
static int quantiles(const outcomes *o, size_t d, size_t *idx, double *out)
{
    for (size_t i = 0; i < o->n; i++)
        idx[i] = i;
    if (pv_sort_idx_by_key(idx, o->n, o->v + d, o->D, 0))
        return -1;
    static const double Q[3] = {0.1, 0.5, 0.9};
    double cum = 0;
    size_t t = 0;
    for (int k = 0; k < 3; k++) {
        while (t < o->n && cum + o->w[idx[t]] < Q[k] - 1e-12)
            cum += o->w[idx[t++]];
        out[k] = o->v[(t < o->n ? idx[t] : idx[o->n - 1]) * o->D + d];
    }
    return 0;
}

static void wilson(double p, double n, double *lo, double *hi)
{
    double z = 1.959963984540054, z2 = z * z;
    double den = 1 + z2 / n, mid = (p + z2 / (2 * n)) / den;
    double half = z * sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / den;
    *lo = mid - half < 0 ? 0 : mid - half;
    *hi = mid + half > 1 ? 1 : mid + half;
}

/* Overrun, unused and quantiles from the outcomes. */
static int summarise(const pv_case *c, const outcomes *o, pv_cofin_stats *st)
{
    size_t *idx = pv_malloc((o->n + 1) * sizeof *idx);
    if (!idx)
        return -1;
    for (size_t d = 0; d < o->D; d++)
        if (quantiles(o, d, idx, st->q + 3 * d)) {
            pv_free(idx);
            return -1;
        }
    pv_free(idx);
    double any = 0;
    for (size_t i = 0; i < o->n; i++) {
        int over = 0;
        for (size_t k = 0; k < c->nres; k++) {
            double u = o->v[i * o->D + 1 + k], L = c->res[k].limit;
            if (u > L + pv_mip_tol(L)) {
                st->overrun[k] += o->w[i];
                over = 1;
            }
            st->unused[k] += o->w[i] * (L > u ? L - u : 0);
        }
        any += over ? o->w[i] : 0;
    }
    st->overrun_any = any;
    for (size_t k = 0; k <= c->nres; k++) {
        double p = k < c->nres ? st->overrun[k] : any;
        if (st->exact)
            st->overrun_lo[k] = st->overrun_hi[k] = p;
        else
            wilson(p, (double)st->samples, &st->overrun_lo[k], &st->overrun_hi[k]);
    }
    return 0;
}

pv_cofin_stats *pv_cofin_figures(const pv_case *c, const pv_ranking *r, const pv_selection *s,
                                 pv_error *err)
{
    if (!c->cofin)
        return NULL;
    size_t n = c->projects->nrows, D = c->nres + 1;
    pv_cofin_stats *st = pv_calloc(1, sizeof *st);
    double *base = pv_calloc(D, sizeof *base), *item = pv_calloc((n + 1) * D, sizeof *item),
           *p = pv_calloc(n + 1, sizeof *p);
    outcomes o = {0, D, NULL, NULL};
    if (!st || !base || !item || !p || !(st->overrun = pv_calloc(D, sizeof(double))) ||
        !(st->overrun_lo = pv_calloc(D, sizeof(double))) ||
        !(st->overrun_hi = pv_calloc(D, sizeof(double))) ||
        !(st->q = pv_calloc(3 * D, sizeof(double))) || !(st->unused = pv_calloc(D, sizeof(double))))
        goto nomem;
    size_t m = 0;
    for (size_t j = 0; j < n; j++) {
        if (!s->x[j])
            continue;
        double sc = pv_obj_coef(c, r, j);
        st->all_granted += sc;
        st->expected += pv_cofin_p(c, j) * sc;
        double *dst = c->cofin->contingent[j] ? item + m * D : base;
        dst[0] += sc;
        for (size_t k = 0; k < c->nres; k++)
            dst[1 + k] += c->res[k].a[j];
        if (c->cofin->contingent[j])
            p[m++] = c->cofin->prob[j];
        else
            st->none_granted += sc;
    }
    for (size_t q = 0; q < s->npart; q++)
        for (size_t k = 0; s->y[q] && k < c->nres; k++)
            base[1 + k] += c->res[k].f[q];
    st->ncontingent = m;
    st->exact = m <= PV_EXACT_MAX;
    st->samples = st->exact ? 0 : PV_FRESH_SAMPLES;
    if ((st->exact ? exact(&o, base, item, p, m)
                   : sampled(&o, base, item, p, m, c->cofin->seed)) ||
        summarise(c, &o, st))
        goto nomem;
    st->alpha_met = st->overrun_any <= c->cofin->alpha + 1e-12;
    pv_free(o.v);
    pv_free(o.w);
    pv_free(base);
    pv_free(item);
    pv_free(p);
    return st;
nomem:
    pv_err_nomem(err);
    pv_free(o.v);
    pv_free(o.w);
    pv_free(base);
    pv_free(item);
    pv_free(p);
    pv_cofin_stats_free(st);
    return NULL;
}

/* ------------------------------------------------------------ committed use */

/* The use of resource k in each scenario pattern, u[s]; certain is the use
 * with nothing contingent granted. */
static double pattern_use(const pv_case *c, const pv_chance *ch, size_t k, const unsigned char *x,
                          const unsigned char *y, double *u)
{
    const pv_resource *R = &c->res[k];
    size_t n = c->projects->nrows, np = c->partners ? c->partners->nrows : 0;
    double certain = 0;
    for (size_t j = 0; j < n; j++)
        if (x[j])
            certain += R->a[j] * pv_cofin_use(c, j);
    for (size_t p = 0; p < np; p++)
        if (y[p])
            certain += R->f[p];
    for (size_t s = 0; ch && s < ch->npat; s++) {
        u[s] = certain;
        for (size_t i = 0; i < ch->nc; i++)
            if (x[ch->cj[i]] && ch->pat[s * ch->nc + i])
                u[s] += R->a[ch->cj[i]];
    }
    return certain;
}

int pv_cofin_committed(const pv_case *c, size_t k, const unsigned char *x, const unsigned char *y,
                       double *out, pv_error *err)
{
    *out = pattern_use(c, NULL, k, x, y, NULL);
    if (!c->cofin || c->cofin->commit != PV_COMMIT_CHANCE)
        return 0;
    int none;
    pv_chance *ch = pv_chance_draw(c, &none, err);
    double *u = ch ? pv_malloc((ch->npat + 1) * sizeof *u) : NULL;
    size_t *idx = ch ? pv_malloc((ch->npat + 1) * sizeof *idx) : NULL;
    unsigned char *other = ch ? pv_calloc(ch->npat + 1, 1) : NULL;
    int rc = -1;
    if (!u || !idx || !other) {
        pv_err_nomem(err);
        goto done;
    }
    /* The overrun budget is shared by all resources (one z per scenario):
     * the scenarios in which another resource already overruns its own
     * limit spend it whatever the limit of k. */
    size_t spent = 0;
    for (size_t q = 0; q < c->nres; q++) {
        if (q == k)
            continue;
        double lim = c->res[q].limit, tol = 1e-9 * (fabs(lim) > 1 ? fabs(lim) : 1);
        pattern_use(c, ch, q, x, y, u);
        for (size_t s = 0; s < ch->npat; s++)
            if (!other[s] && u[s] > lim + tol) {
                other[s] = 1;
                spent += ch->w[s];
            }
    }
    double certain = pattern_use(c, ch, k, x, y, u);
    size_t n = 0;
    for (size_t s = 0; s < ch->npat; s++)
        if (!other[s])
            idx[n++] = s;
    if (pv_sort_idx_by_key(idx, n, u, 1, 1)) {
        pv_err_nomem(err);
        goto done;
    }
    /* The smallest limit L >= certain whose overrunning scenarios (use > L)
     * weigh at most what is left of the budget: walk the distinct uses from
     * the top. No limit of k helps when the others alone exceed it (not
     * for a portfolio solved at the other limits): then its largest use. */
    *out = certain;
    if (spent > ch->budget) {
        if (n && u[idx[0]] > certain)
            *out = u[idx[0]];
        rc = 0;
        goto done;
    }
    size_t budget = ch->budget - spent, before = 0, t = 0; /* weight above the current use */
    while (t < n && u[idx[t]] > certain) {
        double v = u[idx[t]];
        if (before > budget)
            break;
        *out = v;
        while (t < n && u[idx[t]] == v)
            before += ch->w[idx[t++]];
    }
    if (before <= budget)
        *out = certain;
    rc = 0;
done:
    pv_free(u);
    pv_free(idx);
    pv_free(other);
    pv_chance_free(ch);
    return rc;
}
