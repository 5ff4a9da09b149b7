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

/* Between good (base optimal) and bad (not), to 0.0005: *edge receives the
 * last good weight and *other the portfolio that takes over just beyond. */
static int bisect(pv_resolver *f, size_t i, double good, double bad, const unsigned char *base, double *w,
                  double *score, unsigned char *x, unsigned char **other, double *edge,
                  pv_error *err)
{
    while (fabs(good - bad) > 0.0005) {
        double mid = (good + bad) / 2;
        int rc = stays_optimal(f, i, mid, base, w, score, x, NULL, err);
        if (rc < 0)
            return -1;
        if (rc)
            good = mid;
        else
            bad = mid;
    }
    *edge = good;
    return stays_optimal(f, i, bad, base, w, score, x, other, err) < 0 ? -1 : 0;
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
            int rc = stays_optimal(&f, i, end, s->base, w, score, x, NULL, err);
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
