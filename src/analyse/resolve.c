/* resolve.c — the re-solves that frontier, sensitivity and robust are made
 * of; pv_solve_scores and pv_resolver are the only ways they solve. */
#include "resolve.h"

#include "../optimise/mip.h"

#include <math.h>
#include <string.h>

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
        /* the quality thresholds under these weights (NaN: below one) */
        if (!pv_meets_thresholds(c, w, r->p[j].value, score[j], NULL))
            score[j] = NAN;
    }
}

double pv_portfolio_value(const pv_case *c, const pv_ranking *r, const unsigned char *x,
                          const double *score)
{
    double v = 0;
    for (size_t j = 0; j < r->n; j++)
        if (x[j])
            v += pv_cofin_p(c, j) * pv_objective_coef(c, j, score[j]);
    return v;
}

int pv_base_optimal(const pv_case *c, const pv_ranking *r, const unsigned char *base,
                    const double *score, double opt)
{
    double v = pv_portfolio_value(c, r, base, score);
    if (isnan(v))
        return 0; /* the base portfolio breaks a threshold here */
    return v >= opt - 1e-9 * (fabs(opt) > 1 ? fabs(opt) : 1);
}

/* Distinct optima kept as first incumbents; then the oldest is replaced. */
#define RESOLVE_CACHE 32

void pv_resolver_free(pv_resolver *f)
{
    pv_mip_free(f->m);
    pv_free(f->val);
    pv_free(f->greedy);
    for (size_t i = 0; i < f->ncache; i++)
        pv_free(f->cache[i]);
    pv_free(f->cache);
}

int pv_resolver_init(pv_resolver *f, const pv_case *c, const pv_ranking *r, pv_error *err)
{
    memset(f, 0, sizeof *f);
    f->c = c;
    f->r = r;
    f->tl = c->time_limit_s;
    if (!(f->m = pv_mip_build(c, r, err)))
        return -1;
    f->val = pv_calloc(f->m->ncols + 1, 1);
    f->greedy = pv_calloc(f->m->ncols + 1, 1);
    f->cache = pv_calloc(RESOLVE_CACHE, sizeof *f->cache);
    if (!f->val || !f->greedy || !f->cache) {
        pv_resolver_free(f);
        pv_err_nomem(err);
        return -1;
    }
    return 0;
}

int pv_resolver_solve(pv_resolver *f, const double *score, unsigned char *x, double *obj,
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
    /* The main solve from the best known portfolio: measured against proving
     * the start by reduced-cost fixing and GLPK on the fixed copy (README,
     * "Robustness"), 3-11x faster per sample on the family. */
    if (pv_mip_solve_main(m, f->tl, 0, start, &sol, err))
        return -1;
    if (sol.status == PV_STATUS_INFEASIBLE)
        return 0;
    if (sol.status != PV_STATUS_OPTIMAL && sol.status != PV_STATUS_FEASIBLE) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "the solver failed");
        return -1;
    }
    int proven = sol.status == PV_STATUS_OPTIMAL;
    for (size_t j = 0; j < f->r->n; j++)
        x[j] = f->val[m->xcol[j]];
    *obj = pv_portfolio_value(f->c, f->r, x, score);
    size_t i;
    for (i = 0; i < f->ncache; i++)
        if (!memcmp(f->cache[i], f->val, m->ncols))
            break;
    if (i == f->ncache) {
        size_t slot = f->ncache < RESOLVE_CACHE ? f->ncache++ : (f->next++ % RESOLVE_CACHE);
        if (!f->cache[slot])
            f->cache[slot] = pv_malloc(m->ncols + 1);
        if (f->cache[slot])
            memcpy(f->cache[slot], f->val, m->ncols);
        else if (slot == f->ncache - 1)
            f->ncache--;
    }
    f->unproven += !proven;
    return proven ? 1 : 2;
}

unsigned char *pv_portfolio_dup(const pv_selection *s, size_t n)
{
    unsigned char *x = pv_malloc(n ? n : 1);
    if (x)
        memcpy(x, s->x, n);
    return x;
}

int pv_sel_usable(const pv_selection *s)
{
    return s->status == PV_STATUS_OPTIMAL || s->status == PV_STATUS_FEASIBLE;
}
