/* whatif.c — budget frontier, weight sensitivity and Monte Carlo robustness.
 * Each is a sequence of re-solves of the selection MILP with changed scores
 * or limits; pv_solve_scores is the one way they solve. */
#include "whatif.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/wait.h>
#include <unistd.h>

pv_selection *pv_solve_scores(const pv_case *c, const pv_ranking *r, const double *score,
                              pv_error *err)
{
    pv_select_opts o;
    pv_select_opts_init(&o);
    o.no_why = 1;
    o.no_diagnose = 1;
    if (!score)
        return pv_select(c, r, &o, err);
    pv_ranking tmp = *r;
    tmp.p = pv_calloc(r->n ? r->n : 1, sizeof *tmp.p);
    if (!tmp.p) {
        pv_err_nomem(err);
        return NULL;
    }
    memcpy(tmp.p, r->p, r->n * sizeof *tmp.p);
    for (size_t j = 0; j < r->n; j++)
        tmp.p[j].score = score[j];
    pv_selection *s = pv_select(c, &tmp, &o, err);
    pv_free(tmp.p);
    return s;
}

void pv_scores_for_weights(const pv_case *c, const pv_ranking *r, const double *w, double *score)
{
    size_t L = c->model->nleaves;
    for (size_t j = 0; j < r->n; j++) {
        double s = 0;
        for (size_t l = 0; l < L; l++)
            s += w[l] * r->p[j].value[l];
        score[j] = 100.0 * s;
    }
}

static double portfolio_value(const pv_ranking *r, const unsigned char *x, const double *score)
{
    double v = 0;
    for (size_t j = 0; j < r->n; j++)
        if (x[j])
            v += score ? score[j] : r->p[j].score;
    return v;
}

/* One MILP reused across re-solves that change only the objective: GLPK
 * keeps its basis, and the best of the portfolios found so far is offered
 * as the first incumbent, so most re-solves only have to prove it. */
typedef struct fast {
    const pv_case *c;
    const pv_ranking *r;
    pv_mip *m;
    unsigned char *val, *greedy;
    unsigned char **cache; /* column values of distinct optima */
    size_t ncache, next;
    double tl;
} fast;

#define FAST_CACHE 32

static void fast_free(fast *f)
{
    pv_mip_free(f->m);
    pv_free(f->val);
    pv_free(f->greedy);
    for (size_t i = 0; i < f->ncache; i++)
        pv_free(f->cache[i]);
    pv_free(f->cache);
}

static int fast_init(fast *f, const pv_case *c, const pv_ranking *r, pv_error *err)
{
    memset(f, 0, sizeof *f);
    f->c = c;
    f->r = r;
    f->tl = c->time_limit_s;
    if (!(f->m = pv_mip_build(c, r, err)))
        return -1;
    f->val = pv_calloc(f->m->ncols + 1, 1);
    f->greedy = pv_calloc(f->m->ncols + 1, 1);
    f->cache = pv_calloc(FAST_CACHE, sizeof *f->cache);
    if (!f->val || !f->greedy || !f->cache) {
        fast_free(f);
        pv_err_nomem(err);
        return -1;
    }
    return 0;
}

/* Solves with the given scores; x (per project) and *obj receive the
 * optimum. Returns 1 solved, 0 infeasible, -1 error. */
static int fast_solve(fast *f, const double *score, unsigned char *x, double *obj, int *proven,
                      pv_error *err)
{
    pv_mip *m = f->m;
    pv_mip_set_scores(m, score);
    const unsigned char *start = NULL;
    double best = -HUGE_VAL;
    for (size_t i = 0; i < f->ncache; i++) {
        double v = pv_mip_value(m, f->cache[i]);
        if (v > best) {
            best = v;
            start = f->cache[i];
        }
    }
    /* The greedy heuristic's portfolio for these scores, when better. */
    if (f->greedy && pv_mip_greedy(m, f->greedy) && pv_mip_value(m, f->greedy) > best) {
        best = pv_mip_value(m, f->greedy);
        start = f->greedy;
    }
    pv_mip_sol sol;
    memset(&sol, 0, sizeof sol);
    sol.val = f->val;
    if (pv_mip_solve(m, f->tl, 0, start, &sol, err))
        return -1;
    if (sol.status == PV_STATUS_INFEASIBLE)
        return 0;
    if (sol.status != PV_STATUS_OPTIMAL && sol.status != PV_STATUS_FEASIBLE) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "the solver failed");
        return -1;
    }
    *proven = sol.status == PV_STATUS_OPTIMAL;
    size_t n = f->r->n;
    double v = 0;
    for (size_t j = 0; j < n; j++) {
        x[j] = f->val[m->xcol[j]];
        if (x[j])
            v += score[j];
    }
    *obj = v;
    size_t i;
    for (i = 0; i < f->ncache; i++)
        if (!memcmp(f->cache[i], f->val, m->ncols))
            break;
    if (i == f->ncache) {
        size_t slot = f->ncache < FAST_CACHE ? f->ncache++ : (f->next++ % FAST_CACHE);
        if (!f->cache[slot])
            f->cache[slot] = pv_malloc(m->ncols + 1);
        if (f->cache[slot])
            memcpy(f->cache[slot], f->val, m->ncols);
        else if (slot == f->ncache - 1)
            f->ncache--;
    }
    return 1;
}

static unsigned char *dup_x(const pv_selection *s, size_t n)
{
    unsigned char *x = pv_malloc(n ? n : 1);
    if (x)
        memcpy(x, s->x, n);
    return x;
}

static int usable(const pv_selection *s)
{
    return s->status == PV_STATUS_OPTIMAL || s->status == PV_STATUS_FEASIBLE;
}

/* -------------------------------------------------------------- frontier */

void pv_frontier_free(pv_frontier *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nseg; i++)
        pv_free(f->seg[i].x);
    pv_free(f->seg);
    pv_free(f->limit);
    pv_free(f->point_seg);
    pv_free(f->order);
    pv_free(f->enter_at);
    pv_free(f);
}

static double usage(const pv_case *c, size_t k, const pv_selection *s)
{
    double u = 0;
    for (size_t j = 0; j < s->nproj; j++)
        if (s->x[j])
            u += c->res[k].a[j];
    for (size_t p = 0; p < s->npart; p++)
        if (s->y[p])
            u += c->res[k].f[p];
    return u;
}

pv_frontier *pv_frontier_run(pv_case *c, const pv_ranking *r, const char *resource,
                             double from, double to, int steps, pv_error *err)
{
    int k = -1;
    for (size_t i = 0; i < c->nres; i++)
        if (!strcmp(c->res[i].id, resource))
            k = (int)i;
    if (k < 0) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "unknown resource '%s'", resource);
        return NULL;
    }
    if (steps < 1 || steps > 10000) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "--steps must be in 1..10000");
        return NULL;
    }
    pv_resource *R = &c->res[k];
    if (to < 0) {
        /* total demand: every eligible project and every partner they name */
        to = 0;
        unsigned char *need = pv_calloc(c->partners ? c->partners->nrows + 1 : 1, 1);
        if (!need) {
            pv_err_nomem(err);
            return NULL;
        }
        for (size_t j = 0; j < r->n; j++)
            if (r->p[j].eligible) {
                to += R->a[j];
                for (size_t q = 0; q < c->proj_npartners[j]; q++)
                    need[c->proj_partners[j][q]] = 1;
            }
        for (size_t p = 0; c->partners && p < c->partners->nrows; p++)
            if (need[p])
                to += R->f[p];
        pv_free(need);
    }
    if (from < 0)
        from = 0;
    if (!(to >= from) || !isfinite(to)) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "--from must not exceed --to");
        return NULL;
    }
    pv_frontier *f = pv_calloc(1, sizeof *f);
    if (!f) {
        pv_err_nomem(err);
        return NULL;
    }
    f->res = k;
    f->from = from;
    f->to = to;
    f->current = R->limit;
    f->exact = 1;
    double saved = R->limit;
    double L = to, prev_u = HUGE_VAL, eps_rel = 1e-6;
    size_t cap = 0;
    for (int guard = 0; guard < 20000; guard++) {
        R->limit = L;
        pv_selection *s = pv_solve_scores(c, r, NULL, err);
        if (!s)
            goto fail;
        double u = usable(s) ? usage(c, (size_t)k, s) : 0;
        if (usable(s) && u >= prev_u) {
            /* Within the solver's feasibility tolerance the old portfolio
             * still fits: step further down instead of recording it again. */
            pv_selection_free(s);
            eps_rel *= 10;
            if (eps_rel > 1e-2)
                break;
            L = prev_u - eps_rel * (fabs(prev_u) > 1 ? fabs(prev_u) : 1);
            if (L < from)
                break;
            continue;
        }
        if (pv_grow((void **)&f->seg, &cap, f->nseg + 1, sizeof *f->seg)) {
            pv_selection_free(s);
            pv_err_nomem(err);
            goto fail;
        }
        pv_fseg *g = &f->seg[f->nseg++];
        memset(g, 0, sizeof *g);
        g->hi = f->nseg > 1 ? prev_u : L;
        if (!usable(s)) {
            /* Below this limit nothing is feasible either: limits only tighten. */
            g->lo = from;
            g->feasible = 0;
            pv_selection_free(s);
            break;
        }
        if (s->status != PV_STATUS_OPTIMAL)
            f->exact = 0;
        g->feasible = 1;
        g->objective = s->objective;
        g->x = dup_x(s, r->n);
        g->lo = u > from ? u : from;
        pv_selection_free(s);
        if (!g->x) {
            pv_err_nomem(err);
            goto fail;
        }
        if (u <= from)
            break;
        /* The next portfolio is optimal just below this one's usage. */
        prev_u = u;
        eps_rel = 1e-6;
        L = u - eps_rel * (fabs(u) > 1 ? fabs(u) : 1);
        if (L < from)
            L = from;
    }
    R->limit = saved;
    f->npoints = (size_t)steps + 1;
    f->limit = pv_calloc(f->npoints, sizeof(double));
    f->point_seg = pv_calloc(f->npoints, sizeof(size_t));
    f->order = pv_calloc(r->n ? r->n : 1, sizeof(size_t));
    f->enter_at = pv_calloc(r->n ? r->n : 1, sizeof(double));
    if (!f->limit || !f->point_seg || !f->order || !f->enter_at) {
        pv_err_nomem(err);
        goto fail;
    }
    for (size_t i = 0; i < f->npoints; i++) {
        double lim = from + (to - from) * (double)i / (double)steps;
        if (i == f->npoints - 1)
            lim = to;
        f->limit[i] = lim;
        f->point_seg[i] = (size_t)-1;
        for (size_t g = 0; g < f->nseg; g++)
            if (lim >= f->seg[g].lo - 1e-9 * (fabs(lim) > 1 ? fabs(lim) : 1) &&
                lim <= f->seg[g].hi) {
                f->point_seg[i] = g;
                break;
            }
    }
    /* Order of entry: walk the segments upwards (they are stored descending). */
    unsigned char *seen = pv_calloc(r->n ? r->n : 1, 1);
    if (!seen) {
        pv_err_nomem(err);
        goto fail;
    }
    for (size_t g = f->nseg; g-- > 0;) {
        if (!f->seg[g].feasible)
            continue;
        for (size_t j = 0; j < r->n; j++)
            if (f->seg[g].x[j] && !seen[j]) {
                seen[j] = 1;
                f->enter_at[f->norder] = f->seg[g].lo;
                f->order[f->norder++] = j;
            }
    }
    pv_free(seen);
    return f;
fail:
    R->limit = saved;
    pv_frontier_free(f);
    return NULL;
}

/* ----------------------------------------------------------- sensitivity */

void pv_sensitivity_free(pv_sensitivity *s)
{
    if (!s)
        return;
    for (size_t i = 0; s->crit && i < s->nleaves; i++) {
        pv_free(s->crit[i].below);
        pv_free(s->crit[i].above);
    }
    pv_free(s->crit);
    pv_free(s->base);
    pv_free(s);
}

/* Leaf weights with leaf i at t and the others rescaled in proportion. */
static void tilt(const pv_model *m, size_t i, double t, double *w)
{
    double wi = m->leaves[i]->global, rest = 1 - wi;
    for (size_t l = 0; l < m->nleaves; l++) {
        if (l == i)
            w[l] = t;
        else if (rest > 1e-15)
            w[l] = m->leaves[l]->global * (1 - t) / rest;
        else
            w[l] = (1 - t) / (double)(m->nleaves - 1);
    }
}

/* 1 when base stays optimal at t, 0 when not; *other receives the optimum. */
static int base_optimal(fast *f, size_t i, double t, const unsigned char *base, double *w,
                        double *score, unsigned char *x, unsigned char **other, pv_error *err)
{
    const pv_case *c = f->c;
    const pv_ranking *r = f->r;
    tilt(c->model, i, t, w);
    pv_scores_for_weights(c, r, w, score);
    double opt;
    int proven;
    int rc = fast_solve(f, score, x, &opt, &proven, err);
    if (rc < 0)
        return -1;
    if (rc == 0)
        return 0;
    double vb = portfolio_value(r, base, score);
    int ok = vb >= opt - 1e-9 * (fabs(opt) > 1 ? fabs(opt) : 1);
    if (other) {
        pv_free(*other);
        *other = pv_malloc(r->n ? r->n : 1);
        if (!*other) {
            pv_err_nomem(err);
            return -1;
        }
        memcpy(*other, x, r->n);
    }
    return ok;
}

/* Between good (base optimal) and bad (not), to 0.0005: *edge receives the
 * last good weight and *other the portfolio that takes over just beyond. */
static int bisect(fast *f, size_t i, double good, double bad, const unsigned char *base, double *w,
                  double *score, unsigned char *x, unsigned char **other, double *edge,
                  pv_error *err)
{
    while (fabs(good - bad) > 0.0005) {
        double mid = (good + bad) / 2;
        int rc = base_optimal(f, i, mid, base, w, score, x, NULL, err);
        if (rc < 0)
            return -1;
        if (rc)
            good = mid;
        else
            bad = mid;
    }
    *edge = good;
    return base_optimal(f, i, bad, base, w, score, x, other, err) < 0 ? -1 : 0;
}

pv_sensitivity *pv_sensitivity_run(const pv_case *c, const pv_ranking *r, pv_error *err)
{
    const pv_model *m = c->model;
    size_t L = m->nleaves;
    pv_sensitivity *s = pv_calloc(1, sizeof *s);
    double *w = pv_calloc(L, sizeof(double)), *score = pv_calloc(r->n ? r->n : 1, sizeof(double));
    if (!s || !w || !score) {
        pv_free(w);
        pv_free(score);
        pv_free(s);
        pv_err_nomem(err);
        return NULL;
    }
    s->nleaves = L;
    s->nproj = r->n;
    fast f;
    int have_fast = 0;
    unsigned char *x = NULL;
    s->crit = pv_calloc(L, sizeof *s->crit);
    pv_selection *b = s->crit ? pv_solve_scores(c, r, NULL, err) : NULL;
    if (!s->crit)
        pv_err_nomem(err);
    if (!b)
        goto fail;
    s->base_feasible = usable(b);
    s->base_objective = b->objective;
    s->base = dup_x(b, r->n);
    pv_selection_free(b);
    if (!s->base || !(x = pv_calloc(r->n + 1, 1))) {
        pv_err_nomem(err);
        goto fail;
    }
    if (fast_init(&f, c, r, err))
        goto fail;
    have_fast = 1;
    for (size_t i = 0; i < L; i++) {
        pv_sens_crit *sc = &s->crit[i];
        sc->leaf = i;
        sc->weight = m->leaves[i]->global;
        sc->low = 0;
        sc->high = 1;
        if (!s->base_feasible || L < 2)
            continue;
        /* the base is optimal at its own weight; test the ends, then bisect */
        for (int side = 1; side >= 0; side--) {
            double end = side ? 1.0 : 0.0;
            int rc = base_optimal(&f, i, end, s->base, w, score, x, NULL, err);
            if (rc < 0)
                goto fail;
            if (rc)
                continue; /* stable all the way to this end */
            double edge;
            if (bisect(&f, i, sc->weight, end, s->base, w, score, x, side ? &sc->above : &sc->below,
                       &edge, err))
                goto fail;
            if (side)
                sc->high = edge;
            else
                sc->low = edge;
        }
    }
    fast_free(&f);
    pv_free(x);
    pv_free(w);
    pv_free(score);
    return s;
fail:
    if (have_fast)
        fast_free(&f);
    pv_free(x);
    pv_free(w);
    pv_free(score);
    pv_sensitivity_free(s);
    return NULL;
}

/* ------------------------------------------------------------ robustness */

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
} rb_ctx;

static void sample_weights(const rb_ctx *x, size_t i, double *w, double *tmp)
{
    const pv_model *m = x->c->model;
    size_t L = m->nleaves;
    xoshiro g;
    xseed(&g, x->seed, i);
    if (x->dist == PV_DIST_INTERVALS) {
        /* Each criterion with a weight_range draws its weight uniformly in it;
         * the tree then normalises as usual. tmp: per criterion of m->all. */
        double *gl = tmp;
        for (size_t a = 0; a < m->nall; a++) {
            const pv_criterion *cr = m->all[a];
            double v = cr->weight;
            if (cr->has_range)
                v = cr->range_lo + (cr->range_hi - cr->range_lo) * (xunit(&g) - 0x1.0p-53);
            gl[a] = v;
        }
        /* global = product of weight / sum of siblings' weights along the path */
        for (size_t l = 0; l < L; l++) {
            double prod = 1;
            for (const pv_criterion *cr = m->leaves[l]; cr; cr = cr->parent) {
                pv_criterion *const *sib = cr->parent ? cr->parent->children : m->top;
                size_t ns = cr->parent ? cr->parent->nchildren : m->ntop;
                double sum = 0, mine = 0;
                for (size_t q = 0; q < ns; q++)
                    for (size_t a = 0; a < m->nall; a++)
                        if (m->all[a] == sib[q]) {
                            sum += gl[a];
                            if (sib[q] == cr)
                                mine = gl[a];
                        }
                prod *= sum > 0 ? mine / sum : 0;
            }
            w[l] = prod;
        }
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
    for (size_t q = 0; q < L; q++)
        w[x->rank_order[q]] = tmp[q];
}

/* Solves samples [lo, hi) into out (nproj bytes per sample + 1 status byte:
 * 1 feasible, 0 infeasible, 2 error) and base-optimal flags. */
static void solve_range(const rb_ctx *x, size_t lo, size_t hi, unsigned char *out,
                        const unsigned char *base)
{
    const pv_case *c = x->c;
    const pv_ranking *r = x->r;
    size_t L = c->model->nleaves, n = r->n, stride = n + 2;
    double *w = pv_calloc(L + c->model->nall + 1, sizeof(double));
    double *tmp = pv_calloc(L + c->model->nall + 1, sizeof(double));
    double *score = pv_calloc(n ? n : 1, sizeof(double));
    fast f;
    pv_error err;
    pv_error_clear(&err);
    int ok = w && tmp && score && fast_init(&f, c, r, &err) == 0;
    for (size_t i = lo; i < hi; i++) {
        unsigned char *rec = out + (i - lo) * stride;
        if (!ok) {
            rec[n] = 2;
            continue;
        }
        sample_weights(x, i, w, tmp);
        pv_scores_for_weights(c, r, w, score);
        double opt;
        int proven;
        int rc = fast_solve(&f, score, rec, &opt, &proven, &err);
        if (rc < 0) {
            rec[n] = 2;
            continue;
        }
        if (rc == 0) {
            rec[n] = 0;
            continue;
        }
        rec[n] = 1;
        double vb = portfolio_value(r, base, score);
        rec[n + 1] = vb >= opt - 1e-9 * (fabs(opt) > 1 ? fabs(opt) : 1);
    }
    if (ok)
        fast_free(&f);
    pv_free(w);
    pv_free(tmp);
    pv_free(score);
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

typedef struct port_ctx {
    const pv_robust *rb;
    const pv_case *c;
} port_ctx;

static int port_cmp(size_t a, size_t b, const void *v)
{
    const port_ctx *pc = v;
    const pv_portfolio_count *pa = &pc->rb->port[a], *pb = &pc->rb->port[b];
    if (pa->count != pb->count)
        return pa->count > pb->count ? -1 : 1;
    /* ties: by the ids of the selected projects, lexicographically */
    for (size_t j = 0; j < pc->rb->nproj; j++)
        if (pa->x[j] != pb->x[j])
            return pa->x[j] ? -1 : 1;
    return 0;
}

pv_robust *pv_robust_run(const pv_case *c, const pv_ranking *r, size_t samples,
                         unsigned long long seed, pv_weights_dist dist, int threads,
                         pv_error *err)
{
    const pv_model *m = c->model;
    size_t n = r->n, L = m->nleaves, stride = n + 2;
    if (samples < 1 || samples > 10000000) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "--samples must be in 1..10000000");
        return NULL;
    }
    if (threads < 1 || threads > 64) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "--threads must be in 1..64");
        return NULL;
    }
    if (dist == PV_DIST_INTERVALS) {
        int any = 0;
        for (size_t a = 0; a < m->nall; a++)
            any |= m->all[a]->has_range;
        if (!any) {
            pv_err(err, PV_EINPUT, m->path, 0, 0,
                   "--weights intervals needs \"weight_range\": [lo, hi] on some criterion");
            return NULL;
        }
    }
    pv_robust *rb = pv_calloc(1, sizeof *rb);
    rb_ctx x = {c, r, dist, NULL, seed};
    unsigned char *out = MAP_FAILED;
    size_t bytes = samples * stride;
    if (!rb) {
        pv_err_nomem(err);
        return NULL;
    }
    rb->samples = samples;
    rb->nproj = n;
    rb->nleaves = L;
    rb->seed = seed;
    rb->method = (int)dist;
    rb->threads = threads;
    rb->selected = pv_calloc(n ? n : 1, sizeof(size_t));
    x.rank_order = pv_calloc(L ? L : 1, sizeof(size_t));
    if (!rb->selected || !x.rank_order) {
        pv_err_nomem(err);
        goto fail;
    }
    for (size_t l = 0; l < L; l++)
        x.rank_order[l] = l;
    for (size_t a = 1; a < L; a++) {
        size_t v = x.rank_order[a], b = a;
        while (b > 0 && m->leaves[x.rank_order[b - 1]]->global < m->leaves[v]->global) {
            x.rank_order[b] = x.rank_order[b - 1];
            b--;
        }
        x.rank_order[b] = v;
    }
    pv_selection *b0 = pv_solve_scores(c, r, NULL, err);
    if (!b0)
        goto fail;
    rb->base = dup_x(b0, n);
    pv_selection_free(b0);
    if (!rb->base) {
        pv_err_nomem(err);
        goto fail;
    }
    out = mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (out == MAP_FAILED) {
        pv_err_nomem(err);
        goto fail;
    }
    if (threads == 1) {
        solve_range(&x, 0, samples, out, rb->base);
    } else {
        /* Worker processes over fixed ranges: GLPK's state stays per process,
         * and the result does not depend on the number of workers. */
        pid_t pid[64];
        int started = 0;
        for (int t = 0; t < threads; t++) {
            size_t lo = samples * (size_t)t / (size_t)threads;
            size_t hi = samples * (size_t)(t + 1) / (size_t)threads;
            pid_t parent = getpid();
            pid[t] = fork();
            if (pid[t] == 0) {
#ifdef __linux__
                /* A worker dies with its parent (killed, interrupted). */
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                if (getppid() != parent)
                    _exit(1);
#endif
                solve_range(&x, lo, hi, out + lo * stride, rb->base);
                _exit(0);
            }
            if (pid[t] < 0) {
                /* no process: do this range here */
                solve_range(&x, lo, hi, out + lo * stride, rb->base);
            } else
                started++;
        }
        for (int t = 0; t < threads; t++) {
            if (pid[t] <= 0)
                continue;
            int st;
            pid_t w;
            while ((w = waitpid(pid[t], &st, 0)) < 0 && errno == EINTR)
                ;
            if (w < 0)
                st = 1; /* reaped elsewhere (SIGCHLD ignored): a failure, not a hang */
            if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
                pv_err(err, PV_EINTERNAL, NULL, 0, 0, "a robustness worker failed");
                goto fail;
            }
        }
        (void)started;
    }
    size_t cap = 0;
    for (size_t i = 0; i < samples; i++) {
        unsigned char *rec = out + i * stride;
        if (rec[n] == 2) {
            pv_err(err, PV_EINTERNAL, NULL, 0, 0, "the solver failed on sample %zu", i);
            goto fail;
        }
        if (rec[n] == 0) {
            rb->infeasible++;
            continue;
        }
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
                goto fail;
            }
            rb->port[p].count = 0;
            rb->port[p].x = pv_malloc(n ? n : 1);
            if (!rb->port[p].x) {
                pv_err_nomem(err);
                goto fail;
            }
            memcpy(rb->port[p].x, rec, n);
            rb->nport++;
        }
        rb->port[p].count++;
    }
    /* portfolios by frequency, ties by their selected ids */
    size_t *idx = pv_calloc(rb->nport ? rb->nport : 1, sizeof(size_t));
    pv_portfolio_count *sorted = pv_calloc(rb->nport ? rb->nport : 1, sizeof *sorted);
    port_ctx pc = {rb, c};
    if (!idx || !sorted) {
        pv_free(idx);
        pv_free(sorted);
        pv_err_nomem(err);
        goto fail;
    }
    for (size_t i = 0; i < rb->nport; i++)
        idx[i] = i;
    if (pv_sort_idx(idx, rb->nport, port_cmp, &pc)) {
        pv_free(idx);
        pv_free(sorted);
        pv_err_nomem(err);
        goto fail;
    }
    for (size_t i = 0; i < rb->nport; i++)
        sorted[i] = rb->port[idx[i]];
    pv_free(rb->port);
    rb->port = sorted;
    pv_free(idx);
    munmap(out, bytes ? bytes : 1);
    pv_free(x.rank_order);
    return rb;
fail:
    if (out != MAP_FAILED)
        munmap(out, bytes ? bytes : 1);
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
