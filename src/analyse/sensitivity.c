/* sensitivity.c — for each leaf criterion, how far its global weight may
 * move (the others scaled to fill the rest) before the selected portfolio
 * stops being optimal, and which portfolio takes over beyond each edge. */
#include "resolve.h"

#include <math.h>
#include <string.h>

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
static int stays_optimal(pv_resolver *f, size_t i, double t, const unsigned char *base, double *w,
                        double *score, unsigned char *x, unsigned char **other, pv_error *err)
{
    const pv_case *c = f->c;
    const pv_ranking *r = f->r;
    tilt(c->model, i, t, w);
    pv_scores_for_weights(c, r, w, score);
    double opt;
    int rc = pv_resolver_solve(f, score, x, &opt, err);
    if (rc < 0)
        return -1;
    if (rc == 0)
        return 0;
    int ok = pv_base_optimal(c, r, base, score, opt);
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

/* 1 when every portfolio's value is linear in a tilted weight t and the
 * eligible projects do not depend on it: no threshold moves with the
 * weights (min_score, or a minimum on a criterion with children). Then the
 * weights at which the base stays optimal form one interval (each other
 * portfolio beats it on a half-line), which the edge search relies on. */
static int linear_in_weight(const pv_case *c)
{
    const pv_model *m = c->model;
    if (c->has_min_score)
        return 0;
    for (size_t i = 0; i < m->nall; i++)
        if (m->all[i]->has_min && !m->all[i]->is_leaf)
            return 0;
    return 1;
}

/* How much portfolio x is worth more than base at tilted weight t. */
static double lead(pv_resolver *f, size_t i, double t, const unsigned char *x,
                   const unsigned char *base, double *w, double *score, double *scale)
{
    const pv_case *c = f->c;
    const pv_ranking *r = f->r;
    tilt(c->model, i, t, w);
    pv_scores_for_weights(c, r, w, score);
    double vx = pv_portfolio_value(c, r, x, score), vb = pv_portfolio_value(c, r, base, score);
    *scale = fabs(vb) > 1 ? fabs(vb) : 1;
    return vx - vb;
}

/* The exact edge, when the values are linear in t (linear_in_weight): the
 * optimum at bad beats the base beyond the point where their lines cross;
 * re-solve there, and either the base is still optimal (that point is the
 * edge) or a third portfolio beats it, whose line gives the next crossing
 * nearer good. Each step is one re-solve, against about ten for bisecting
 * to 0.0005. Returns 0 when found: over (the last portfolio met) beats
 * the base on exactly the far side of its crossing, which is the edge; 1
 * not found (a re-solve the time limit cut, or too many steps); -1 error. */
static int crossing(pv_resolver *f, size_t i, double good, double bad, const unsigned char *base,
                    double *w, double *score, unsigned char *x, unsigned char *over, pv_error *err)
{
    size_t n = f->r->n, unproven = f->unproven;
    memcpy(over, x, n); /* x holds the optimum at bad */
    for (int step = 0; step < 12; step++) {
        double sc;
        double dg = lead(f, i, good, over, base, w, score, &sc);
        double db = lead(f, i, bad, over, base, w, score, &sc);
        if (!(db > dg) || dg > 0)
            return 1;
        double t = good + (bad - good) * (-dg / (db - dg));
        if (!(fabs(t - good) > 1e-12 && fabs(bad - t) > 1e-12))
            return 1;
        int rc = stays_optimal(f, i, t, base, w, score, x, NULL, err);
        if (rc < 0)
            return -1;
        if (f->unproven != unproven)
            return 1;
        if (rc)
            return 0;
        bad = t;
        memcpy(over, x, n);
    }
    return 1;
}

/* One side's search: the bisection runs between good (base optimal) and
 * bad (not); with exact, the crossings start from the nearest known points,
 * known_bad's optimum in x. */
typedef struct span {
    double good, bad, known_good, known_bad;
    int exact; /* exact edges (linear_in_weight) */
} span;

/* Between sp->good and sp->bad, to 0.0005: *edge receives the last good
 * weight and *other the portfolio that takes over just beyond. When the
 * exact edge is known (crossing), the bisection's steps are answered from
 * it without re-solving, except within rounding of it; the result is the
 * same bisection's. */
static int bisect(pv_resolver *f, size_t i, const span *sp, const unsigned char *base, double *w,
                  double *score, unsigned char *x, unsigned char **other, double *edge,
                  pv_error *err)
{
    size_t n = f->r->n;
    double good = sp->good, bad = sp->bad;
    unsigned char *over = NULL;
    int known = 1;
    if (sp->exact) {
        if (!(over = pv_malloc(n ? n : 1))) {
            pv_err_nomem(err);
            return -1;
        }
        known = crossing(f, i, sp->known_good, sp->known_bad, base, w, score, x, over, err);
        if (known < 0) {
            pv_free(over);
            return -1;
        }
    }
    while (fabs(good - bad) > 0.0005) {
        double mid = (good + bad) / 2, sc = 1, d = 0;
        if (known == 0)
            d = lead(f, i, mid, over, base, w, score, &sc);
        int rc = known == 0 && fabs(d) > 1e-7 * sc
                     ? d < 0
                     : stays_optimal(f, i, mid, base, w, score, x, NULL, err);
        if (rc < 0) {
            pv_free(over);
            return -1;
        }
        if (rc)
            good = mid;
        else
            bad = mid;
    }
    pv_free(over);
    *edge = good;
    return stays_optimal(f, i, bad, base, w, score, x, other, err) < 0 ? -1 : 0;
}

pv_sensitivity *pv_sensitivity_run(const pv_case *c, const pv_ranking *r, pv_error *err)
{
    return pv_sensitivity_edges(c, r, 1, err);
}

pv_sensitivity *pv_sensitivity_edges(const pv_case *c, const pv_ranking *r, int exact_edges,
                                     pv_error *err)
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
    pv_resolver f;
    int have_resolver = 0;
    unsigned char *x = NULL;
    s->crit = pv_calloc(L, sizeof *s->crit);
    pv_selection *b = s->crit ? pv_solve_scores(c, r, NULL, err) : NULL;
    if (!s->crit)
        pv_err_nomem(err);
    if (!b)
        goto fail;
    if (b->status == PV_STATUS_INFEASIBLE) { /* nothing to vary: as select, exit 3 */
        pv_selection_free(b);
        pv_err(err, PV_EINFEASIBLE, c->path, 0, 0, "no portfolio satisfies every constraint");
        goto fail;
    }
    s->base_feasible = pv_sel_usable(b);
    int base_proven = b->status == PV_STATUS_OPTIMAL;
    s->base_objective = b->objective;
    s->base = pv_portfolio_dup(b, r->n);
    pv_selection_free(b);
    if (!s->base || !(x = pv_calloc(r->n + 1, 1))) {
        pv_err_nomem(err);
        goto fail;
    }
    if (pv_resolver_init(&f, c, r, err))
        goto fail;
    have_resolver = 1;
    int exact = exact_edges && linear_in_weight(c);
    for (size_t i = 0; i < L; i++) {
        pv_progress(PV_PROGRESS_SENSITIVITY, i, L);
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
            span sp = {sc->weight, end, sc->weight, end, exact};
            int rc = 1;
            if (exact) {
                /* the bisection's first step first: beaten there, the base
                 * is beaten at the end too (one interval), and the end's
                 * re-solve, where one criterion alone ties many portfolios
                 * and the proof is often the slowest, is saved */
                double mid = (sc->weight + end) / 2;
                rc = stays_optimal(&f, i, mid, s->base, w, score, x, NULL, err);
                if (rc < 0)
                    goto fail;
                if (rc)
                    sp.known_good = mid;
                else
                    sp.known_bad = mid;
            }
            if (rc) {
                rc = stays_optimal(&f, i, end, s->base, w, score, x, NULL, err);
                if (rc < 0)
                    goto fail;
                if (rc)
                    continue; /* stable all the way to this end */
            }
            double edge;
            if (bisect(&f, i, &sp, s->base, w, score, x, side ? &sc->above : &sc->below, &edge,
                       err))
                goto fail;
            if (side)
                sc->high = edge;
            else
                sc->low = edge;
        }
    }
    s->exact = base_proven && f.unproven == 0;
    pv_resolver_free(&f);
    pv_free(x);
    pv_free(w);
    pv_free(score);
    return s;
fail:
    if (have_resolver)
        pv_resolver_free(&f);
    pv_free(x);
    pv_free(w);
    pv_free(score);
    pv_sensitivity_free(s);
    return NULL;
}
