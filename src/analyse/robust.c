/* robust.c — Monte Carlo robustness: the selection re-solved for random
 * leaf weights, each sample from its own stream so that the result is the
 * same for any number of worker processes. */
#include "../util/pool.h"
#include "resolve.h"

#include <math.h>
#include <string.h>

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

typedef struct xoshiro {
    uint64_t s[4];
} xoshiro;

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/* xoshiro256** 1.0 (Blackman & Vigna). */
static uint64_t xnext(xoshiro *g)
{
    uint64_t *s = g->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Sample i's own stream: splitmix64 seeded with seed, mixed with i. */
static void xseed(xoshiro *g, uint64_t seed, uint64_t i)
{
    uint64_t x = seed;
    uint64_t a = splitmix64(&x);
    x = a ^ (i * 0xD1B54A32D192ED03ULL);
    for (int k = 0; k < 4; k++)
        g->s[k] = splitmix64(&x);
}

/* uniform in (0, 1] */
static double xunit(xoshiro *g) { return ((double)(xnext(g) >> 11) + 1.0) * 0x1.0p-53; }

typedef struct rb_ctx {
    const pv_case *c;
    const pv_ranking *r;
    pv_weights_dist dist;
    size_t *rank_order; /* ranked: leaves by base global weight, descending */
    uint64_t seed;
    size_t samples;
    const unsigned char *base; /* the base portfolio */
    unsigned char *out; /* per sample: nproj bytes, feasible?, base optimal? */
} rb_ctx;

/* standard normal (Box-Muller) */
static double xgauss(xoshiro *g)
{
    double u = xunit(g), v = xunit(g);
    return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

/* Whether w (on the simplex) is a normalised weight vector of the group:
 * some t > 0 has lo_i <= t w_i <= hi_i for every i, which holds exactly when
 * lo_i w_j <= hi_j w_i for every pair. */
static int in_ranges(size_t n, const double *lo, const double *hi, const double *w)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (i != j && lo[i] * w[j] > hi[j] * w[i] * (1 + 1e-12))
                return 0;
    return 1;
}

/* Narrows [*a, *b] to the steps s with c + s e >= 0. */
static void clip(double c, double e, double *a, double *b)
{
    if (e > 1e-15 && -c / e > *a)
        *a = -c / e;
    else if (e < -1e-15 && -c / e < *b)
        *b = -c / e;
}

/* One sibling group's normalised weights, uniform over the ones its ranges
 * allow (issue 4: "uniform among normalised weights within each criterion's
 * weight_range"): rejection on the simplex, exact, while it accepts within
 * 200 draws; else hit-and-run from the ranges' centre (200 + 50 n^2 steps),
 * for ranges too narrow for rejection. d: n of scratch. */
static void group_uniform(xoshiro *g, size_t n, const double *lo, const double *hi, double *w,
                          double *d)
{
    for (int tries = 0; tries < 200; tries++) {
        double sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += w[i] = -log(xunit(g));
        for (size_t i = 0; i < n; i++)
            w[i] /= sum;
        if (in_ranges(n, lo, hi, w))
            return;
    }
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += w[i] = (lo[i] + hi[i]) / 2;
    for (size_t i = 0; i < n; i++)
        w[i] = sum > 0 ? w[i] / sum : 0;
    if (!(sum > 0))
        return;
    for (size_t step = 0, steps = 200 + 50 * n * n; step < steps; step++) {
        double mean = 0;
        for (size_t i = 0; i < n; i++)
            mean += d[i] = xgauss(g);
        mean /= (double)n;
        for (size_t i = 0; i < n; i++)
            d[i] -= mean;
        double a = -INFINITY, b = INFINITY;
        for (size_t i = 0; i < n; i++) {
            clip(w[i], d[i], &a, &b);
            for (size_t j = 0; j < n; j++)
                if (i != j)
                    clip(hi[j] * w[i] - lo[i] * w[j], hi[j] * d[i] - lo[i] * d[j], &a, &b);
        }
        if (!(a <= b) || !isfinite(a) || !isfinite(b))
            continue;
        double t = a + (b - a) * (xunit(g) - 0x1.0p-53);
        for (size_t i = 0; i < n; i++)
            w[i] += t * d[i];
    }
    sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += w[i] = w[i] > 0 ? w[i] : 0;
    for (size_t i = 0; i < n; i++)
        w[i] /= sum;
}

static size_t crit_index(const pv_model *m, const pv_criterion *cr)
{
    size_t a = 0;
    while (a < m->nall && m->all[a] != cr)
        a++;
    return a;
}

/* intervals: every sibling group with a weight_range is drawn by
 * group_uniform (a criterion without one keeps its weight: lo = hi), every
 * other group keeps its normalised weights; a leaf's global weight is then
 * the product along its path. tmp: 5 nall + 1 doubles. */
static void interval_weights(const pv_model *m, xoshiro *g, double *w, double *tmp)
{
    size_t N = m->nall;
    double *loc = tmp, *lo = tmp + N, *hi = tmp + 2 * N, *gw = tmp + 3 * N, *d = tmp + 4 * N;
    for (size_t p = 0; p <= N; p++) {
        pv_criterion *const *sib = p < N ? m->all[p]->children : m->top;
        size_t ns = p < N ? m->all[p]->nchildren : m->ntop, k = 0;
        int any = 0;
        for (size_t q = 0; q < ns; q++) /* a range [0, 0] pins its weight at 0 */
            if (!(sib[q]->has_range && sib[q]->range_hi == 0)) {
                lo[k] = sib[q]->has_range ? sib[q]->range_lo : sib[q]->weight;
                hi[k] = sib[q]->has_range ? sib[q]->range_hi : sib[q]->weight;
                any |= sib[q]->has_range;
                k++;
            }
        if (any)
            group_uniform(g, k, lo, hi, gw, d);
        double sum = 0;
        for (size_t q = 0; q < k; q++)
            sum += lo[q];
        for (size_t q = 0, i = 0; q < ns; q++) {
            size_t a = crit_index(m, sib[q]);
            if (sib[q]->has_range && sib[q]->range_hi == 0)
                loc[a] = 0;
            else {
                loc[a] = any ? gw[i] : sum > 0 ? lo[i] / sum : 0;
                i++;
            }
        }
    }
    for (size_t l = 0; l < m->nleaves; l++) {
        double prod = 1;
        for (const pv_criterion *cr = m->leaves[l]; cr; cr = cr->parent)
            prod *= loc[crit_index(m, cr)];
        w[l] = prod;
    }
}

static void sample_weights(const rb_ctx *x, size_t i, double *w, double *tmp)
{
    const pv_model *m = x->c->model;
    size_t L = m->nleaves;
    xoshiro g;
    xseed(&g, x->seed, i);
    if (x->dist == PV_DIST_INTERVALS) {
        interval_weights(m, &g, w, tmp);
        return;
    }
    double sum = 0;
    for (size_t l = 0; l < L; l++) {
        tmp[l] = -log(xunit(&g));
        sum += tmp[l];
    }
    for (size_t l = 0; l < L; l++)
        tmp[l] /= sum;
    if (x->dist == PV_DIST_UNIFORM) {
        memcpy(w, tmp, L * sizeof *w);
        return;
    }
    /* ranked: sort the draw descending and hand it out in the model's order */
    for (size_t a = 1; a < L; a++) {
        double v = tmp[a];
        size_t b = a;
        while (b > 0 && tmp[b - 1] < v) {
            tmp[b] = tmp[b - 1];
            b--;
        }
        tmp[b] = v;
    }
    /* Leaves of equal base weight are not ordered by the model: each sample
     * orders them at random (Fisher-Yates within the tie), so that the
     * draw is uniform over every order the model allows, whatever order
     * the file lists them in. */
    for (size_t q = 0, e; q < L; q = e) {
        double gq = m->leaves[x->rank_order[q]]->global;
        for (e = q + 1; e < L && fabs(m->leaves[x->rank_order[e]]->global - gq) <=
                                     1e-12 * (fabs(gq) > 1 ? fabs(gq) : 1);
             e++)
            ;
        for (size_t k = e - q; k > 1; k--) {
            size_t z = q + (size_t)(xunit(&g) * (double)k);
            if (z >= q + k)
                z = q + k - 1;
            double t = tmp[q + k - 1];
            tmp[q + k - 1] = tmp[z];
            tmp[z] = t;
        }
    }
    for (size_t q = 0; q < L; q++)
        w[x->rank_order[q]] = tmp[q];
}

/* Solves samples [lo, hi) into their records of x->out (see rb_ctx). */
static int solve_range(const rb_ctx *x, size_t lo, size_t hi, pv_error *err)
{
    const pv_case *c = x->c;
    const pv_ranking *r = x->r;
    size_t L = c->model->nleaves, n = r->n, stride = n + 2;
    double *w = pv_calloc(L + c->model->nall + 1, sizeof(double));
    double *tmp = pv_calloc(L + 5 * c->model->nall + 1, sizeof(double));
    double *score = pv_calloc(n ? n : 1, sizeof(double));
    pv_resolver f;
    int rc = -1;
    if (!w || !tmp || !score)
        pv_err_nomem(err);
    else if (!pv_resolver_init(&f, c, r, err)) {
        rc = 0;
        for (size_t i = lo; i < hi && !rc; i++) {
            /* share 0's pace stands for the whole (fixed, even shares) */
            if (lo == 0 && hi > 0)
                pv_progress(PV_PROGRESS_ROBUST, i * x->samples / hi, x->samples);
            unsigned char *rec = x->out + i * stride;
            sample_weights(x, i, w, tmp);
            pv_scores_for_weights(c, r, w, score);
            double opt;
            pv_error e2;
            pv_error_clear(&e2);
            int st = pv_resolver_solve(&f, score, rec, &opt, &e2);
            if (st < 0) {
                pv_err(err, e2.code, NULL, 0, 0, "the solver failed on sample %zu: %s", i, e2.text);
                rc = -1;
            }
            rec[n] = st > 0 ? (unsigned char)st : 0; /* 0 infeasible, 1 optimal, 2 unproven */
            rec[n + 1] = st > 0 && pv_base_optimal(c, r, x->base, score, opt);
        }
        pv_resolver_free(&f);
    }
    pv_free(w);
    pv_free(tmp);
    pv_free(score);
    return rc;
}

/* One worker's share: a fixed range of samples, so that the records do not
 * depend on the number of workers. */
static int solve_share(void *ctx, size_t wi, size_t nw, pv_error *err)
{
    const rb_ctx *x = ctx;
    return solve_range(x, x->samples * wi / nw, x->samples * (wi + 1) / nw, err);
}

void pv_robust_free(pv_robust *rb)
{
    if (!rb)
        return;
    pv_free(rb->selected);
    for (size_t i = 0; i < rb->nport; i++)
        pv_free(rb->port[i].x);
    pv_free(rb->port);
    pv_free(rb->base);
    pv_free(rb);
}

/* Portfolios of the pv_robust at v by frequency, ties by selected ids. */
static int port_cmp(size_t a, size_t b, const void *v)
{
    const pv_robust *rb = v;
    const pv_portfolio_count *pa = &rb->port[a], *pb = &rb->port[b];
    if (pa->count != pb->count)
        return pa->count > pb->count ? -1 : 1;
    /* ties: by the ids of the selected projects, lexicographically */
    for (size_t j = 0; j < rb->nproj; j++)
        if (pa->x[j] != pb->x[j])
            return pa->x[j] ? -1 : 1;
    return 0;
}

static int check_args(const pv_model *m, size_t samples, pv_weights_dist dist, int threads,
                      pv_error *err)
{
    if (samples < 1 || samples > 10000000) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "the number of samples must be in 1..10000000");
        return -1;
    }
    if (threads < 1 || threads > 64) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "the number of threads must be in 1..64");
        return -1;
    }
    if (dist == PV_DIST_INTERVALS) {
        int any = 0;
        for (size_t a = 0; a < m->nall; a++)
            any |= m->all[a]->has_range;
        if (!any) {
            pv_err(err, PV_EINPUT, m->path, 0, 0,
                   "the \"intervals\" weight distribution needs \"weight_range\": [lo, hi] on "
                   "some criterion");
            return -1;
        }
        /* a range is in the units of the weights written; a rank, swing or
         * ahp level derives its own (normalised), and drawing the one against
         * the others would mean nothing */
        static const char *const METHOD[] = {"direct", "rank", "swing", "ahp"};
        for (size_t a = 0; a < m->nall; a++) {
            const pv_criterion *cr = m->all[a];
            pv_wmethod lm = cr->parent ? cr->parent->child_method : m->top_method;
            if (cr->has_range && lm != PV_W_DIRECT) {
                pv_err(err, PV_EINPUT, m->path, 0, 0,
                       "%s.weight_range: the \"intervals\" weight distribution needs direct "
                       "weights on its level, where %s weighting derives them",
                       cr->path, METHOD[lm]);
                return -1;
            }
        }
    }
    return 0;
}

/* Leaves by base global weight, descending (ties in model order). */
static size_t *rank_leaves(const pv_model *m)
{
    size_t L = m->nleaves;
    size_t *order = pv_calloc(L ? L : 1, sizeof(size_t));
    if (!order)
        return NULL;
    for (size_t l = 0; l < L; l++)
        order[l] = l;
    for (size_t a = 1; a < L; a++) {
        size_t v = order[a], b = a;
        while (b > 0 && m->leaves[order[b - 1]]->global < m->leaves[v]->global) {
            order[b] = order[b - 1];
            b--;
        }
        order[b] = v;
    }
    return order;
}

/* Counts the records of out: selection shares, base optimal, infeasible,
 * unproven (the time limit ended the search), and each distinct portfolio. */
static int tally(pv_robust *rb, const unsigned char *out, pv_error *err)
{
    size_t n = rb->nproj, stride = n + 2, cap = 0;
    for (size_t i = 0; i < rb->samples; i++) {
        const unsigned char *rec = out + i * stride;
        if (rec[n] == 0) {
            rb->infeasible++;
            continue;
        }
        rb->unproven += rec[n] == 2;
        rb->base_count += rec[n + 1];
        for (size_t j = 0; j < n; j++)
            rb->selected[j] += rec[j];
        size_t p;
        for (p = 0; p < rb->nport; p++)
            if (!memcmp(rb->port[p].x, rec, n))
                break;
        if (p == rb->nport) {
            if (pv_grow((void **)&rb->port, &cap, rb->nport + 1, sizeof *rb->port)) {
                pv_err_nomem(err);
                return -1;
            }
            rb->port[p].count = 0;
            rb->port[p].x = pv_malloc(n ? n : 1);
            if (!rb->port[p].x) {
                pv_err_nomem(err);
                return -1;
            }
            memcpy(rb->port[p].x, rec, n);
            rb->nport++;
        }
        rb->port[p].count++;
    }
    return 0;
}

/* Portfolios by frequency, ties by their selected ids. */
static int sort_portfolios(pv_robust *rb, pv_error *err)
{
    size_t *idx = pv_calloc(rb->nport ? rb->nport : 1, sizeof(size_t));
    pv_portfolio_count *sorted = pv_calloc(rb->nport ? rb->nport : 1, sizeof *sorted);
    int rc = -1;
    if (idx && sorted) {
        for (size_t i = 0; i < rb->nport; i++)
            idx[i] = i;
        rc = pv_sort_idx(idx, rb->nport, port_cmp, rb);
    }
    if (rc) {
        pv_free(idx);
        pv_free(sorted);
        pv_err_nomem(err);
        return -1;
    }
    for (size_t i = 0; i < rb->nport; i++)
        sorted[i] = rb->port[idx[i]];
    pv_free(rb->port);
    rb->port = sorted;
    pv_free(idx);
    return 0;
}

pv_robust *pv_robust_run(const pv_case *c, const pv_ranking *r, size_t samples,
                         unsigned long long seed, pv_weights_dist dist, int threads,
                         pv_error *err)
{
    const pv_model *m = c->model;
    size_t n = r->n, bytes = samples * (n + 2);
    if (check_args(m, samples, dist, threads, err))
        return NULL;
    pv_robust *rb = pv_calloc(1, sizeof *rb);
    size_t *selected = pv_calloc(n ? n : 1, sizeof(size_t));
    rb_ctx x = {c, r, dist, rank_leaves(m), seed, samples, NULL, NULL};
    if (rb)
        *rb = (pv_robust){.samples = samples, .nproj = n, .nleaves = m->nleaves, .seed = seed,
                          .method = (int)dist, .threads = threads, .selected = selected};
    else
        pv_free(selected);
    if (!rb || !selected || !x.rank_order) {
        pv_err_nomem(err);
        goto fail;
    }
    pv_selection *b0 = pv_solve_scores(c, r, NULL, err);
    if (!b0)
        goto fail;
    if (b0->status == PV_STATUS_INFEASIBLE) { /* no weights can help: as select, exit 3 */
        pv_selection_free(b0);
        pv_err(err, PV_EINFEASIBLE, c->path, 0, 0, "no portfolio satisfies every constraint");
        goto fail;
    }
    rb->base = pv_portfolio_dup(b0, n);
    pv_selection_free(b0);
    x.base = rb->base;
    if (!rb->base || !(x.out = pv_pool_shared(bytes))) {
        pv_err_nomem(err);
        goto fail;
    }
    if (pv_pool_run((size_t)threads, solve_share, &x, err) || tally(rb, x.out, err) ||
        sort_portfolios(rb, err))
        goto fail;
    pv_pool_unshare(x.out, bytes);
    pv_free(x.rank_order);
    return rb;
fail:
    pv_pool_unshare(x.out, bytes);
    pv_free(x.rank_order);
    pv_robust_free(rb);
    return NULL;
}

void pv_wilson95(size_t k, size_t n, double *lo, double *hi)
{
    if (n == 0) {
        *lo = 0;
        *hi = 1;
        return;
    }
    const double z = 1.959963984540054;
    double p = (double)k / (double)n, nn = (double)n;
    double den = 1 + z * z / nn, mid = (p + z * z / (2 * nn)) / den;
    double hw = z * sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / den;
    *lo = mid - hw < 0 ? 0 : mid - hw;
    *hi = mid + hw > 1 ? 1 : mid + hw;
}

int pv_core_group(double lo, double hi) { return lo >= 0.9 ? 0 : hi <= 0.1 ? 2 : 1; }
