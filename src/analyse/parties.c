/*
 * parties.c — many voices: a case's weight sets (one merge patch of the
 * model per party or department), each set's own optimal portfolio and value
 * V_k*, and two portfolios every set can be measured against:
 *
 * - max-min: maximises min_k V_k(x) / V_k*. Solved exactly without a
 *   continuous variable, as a sequence of MILPs over the case's own model
 *   with one extra row per set, V_k(x) >= (t + d) V_k*, where t is the best
 *   minimum found so far (d = 1e-7): each solve maximises the sum of the
 *   satisfactions, and the last feasible one is the max-min portfolio (and
 *   among those the one with the largest total satisfaction).
 * - minimax regret: minimises max_k (V_k* - V_k(x)) the same way, with rows
 *   V_k(x) >= V_k* - r + d.
 *
 * Per project the share of sets whose optimum holds it; per pair of sets a
 * conflict index, 1 - the score-weighted overlap (weighted Jaccard) of their
 * optimal portfolios, and their mean for the group. A set changes the model
 * (usually weights); the limits and constraints stay the case's, and a
 * project excluded under any set is left out of the two compromises.
 */
#include "parties.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define PV_PARTY_STEPS 200 /* improving solves at most (each raises the minimum) */

void pv_parties_free(pv_parties *p)
{
    if (!p)
        return;
    void *own[] = {p->name, p->score, p->coef,   p->vstar, p->own,      p->maxmin,
                   p->sat,  p->mmr,   p->regret, p->share, p->conflict, p};
    pv_free_each(own, sizeof own / sizeof *own);
}

double pv_parties_value(const pv_parties *p, size_t k, const unsigned char *x)
{
    double v = 0;
    for (size_t j = 0; j < p->n; j++)
        if (x[j])
            v += p->coef[k * p->n + j];
    return v;
}

/* "weight set 'S': " before the message err holds. */
static void prefix(pv_error *err, const char *set)
{
    char tmp[sizeof err->text];
    size_t n = (size_t)snprintf(tmp, sizeof tmp, "weight set '%.200s': ", set);
    if (n < sizeof tmp) {
        memcpy(tmp + n, err->text, sizeof tmp - n - 1);
        tmp[sizeof tmp - 1] = '\0';
    }
    memcpy(err->text, tmp, sizeof tmp);
}

/* Set k's solved selection s (of case ck, ranking rk): its scores and own
 * optimum into p; -1 + err when the set makes the case infeasible or the
 * solver failed. */
static int take_optimum(pv_parties *p, const pv_case *c, size_t k, const pv_case *ck,
                        const pv_ranking *rk, const pv_selection *s, unsigned char *excl,
                        pv_error *err)
{
    if (s->status == PV_STATUS_INFEASIBLE) {
        pv_err(err, PV_EINFEASIBLE, c->path, 0, 0,
               "weight set '%s' makes the case infeasible: no portfolio satisfies every "
               "constraint under it (try 'partnerval select' with the set's patch)",
               p->name[k]);
        return -1;
    }
    if (s->status == PV_STATUS_ERROR) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "weight set '%s': the solver failed", p->name[k]);
        return -1;
    }
    p->proven &= s->status == PV_STATUS_OPTIMAL;
    for (size_t j = 0; j < p->n; j++) {
        int el = rk->p[j].eligible;
        excl[j] |= !el;
        p->score[k * p->n + j] = el ? rk->p[j].score : 0;
        p->coef[k * p->n + j] = el ? pv_cofin_p(ck, j) * pv_obj_coef(ck, rk, j) : 0;
        p->own[k * p->n + j] = s->x[j];
    }
    p->vstar[k] = s->objective;
    return 0;
}

/* Set k: its case and ranking, scores, own optimum. */
static int own_optimum(pv_parties *p, const pv_case *c, size_t k, unsigned char *excl,
                       pv_error *err)
{
    pv_case *ck = pv_case_load_scenario(c->path, c->wsets[k], err);
    pv_ranking *rk = ck ? pv_rank(ck, err) : NULL;
    pv_selection *s = rk ? pv_select_solve(ck, rk, NULL, c->time_limit_s, c->mip_gap, NULL, err)
                         : NULL;
    int rc = s ? take_optimum(p, c, k, ck, rk, s, excl, err) : -1;
    if (!s && err->code == PV_EINPUT)
        prefix(err, p->name[k]);
    pv_selection_free(s);
    pv_ranking_free(rk);
    pv_case_free(ck);
    return rc;
}

/* The lower bounds of the set rows for the current t (max-min) or r
 * (regret); -inf before the first portfolio. */
static void set_bounds(pv_mip *m, size_t row0, const pv_parties *p, int regret, double cur,
                       int have)
{
    double big = 1;
    for (size_t k = 0; k < p->K; k++)
        big = fmax(big, p->vstar[k]);
    for (size_t k = 0; k < p->K; k++) {
        double lb = -HUGE_VAL;
        if (have && p->vstar[k] > 0)
            lb = regret ? p->vstar[k] - cur + 1e-7 * big : (cur + 1e-7) * p->vstar[k];
        pv_mip_set_row_lb(m, row0 + k, lb);
    }
}

static double measure(const pv_parties *p, const unsigned char *x, int regret)
{
    double v = regret ? -HUGE_VAL : HUGE_VAL;
    for (size_t k = 0; k < p->K; k++) {
        double vk = pv_parties_value(p, k, x);
        if (regret)
            v = fmax(v, p->vstar[k] - vk);
        else
            v = fmin(v, p->vstar[k] > 0 ? vk / p->vstar[k] : 1);
    }
    return v;
}

/* Improves the minimum satisfaction (or the maximum regret) until no
 * portfolio does better; best receives the last portfolio (projects). */
static int improve(pv_mip *m, size_t row0, pv_parties *p, int regret, unsigned char *best,
                   pv_error *err)
{
    unsigned char *val = pv_calloc(m->ncols + 1, 1), *start = pv_calloc(m->ncols + 1, 1);
    int rc = -1, have = 0;
    double cur = 0;
    if (!val || !start) {
        pv_err_nomem(err);
        goto done;
    }
    for (int step = 0; step < PV_PARTY_STEPS; step++) {
        set_bounds(m, row0, p, regret, cur, have);
        int g = pv_mip_greedy(m, start);
        pv_mip_sol sol;
        memset(&sol, 0, sizeof sol);
        sol.val = val;
        if (pv_mip_solve(m, m->c->time_limit_s, m->c->mip_gap, g ? start : NULL, &sol, err))
            goto done;
        if (sol.status == PV_STATUS_INFEASIBLE)
            break;
        if (sol.status == PV_STATUS_ERROR) {
            pv_err(err, PV_EINTERNAL, NULL, 0, 0, "parties: the solver failed");
            goto done;
        }
        p->proven &= sol.status == PV_STATUS_OPTIMAL;
        for (size_t j = 0; j < p->n; j++)
            best[j] = val[m->xcol[j]];
        cur = measure(p, best, regret);
        have = 1;
    }
    if (!have) {
        pv_err(err, PV_EINFEASIBLE, m->c->path, 0, 0,
               "no portfolio satisfies every constraint with the projects every weight set "
               "allows");
        goto done;
    }
    rc = 0;
done:
    pv_free(val);
    pv_free(start);
    return rc;
}

/* Both compromises on the case's own model with one row per set. */
static int compromises(pv_parties *p, const pv_case *c, const pv_ranking *r,
                       const unsigned char *excl, pv_error *err)
{
    pv_mip *m = pv_mip_build(c, r, err);
    if (!m)
        return -1;
    int rc = -1;
    double *lb = pv_malloc((p->K + 1) * sizeof *lb), *comb = pv_calloc(p->n + 1, sizeof *comb);
    if (!lb || !comb) {
        pv_err_nomem(err);
        goto done;
    }
    for (size_t k = 0; k < p->K; k++)
        lb[k] = -HUGE_VAL;
    long row0 = pv_mip_add_rows(m, "party_", p->K, p->coef, lb);
    if (row0 < 0) {
        pv_err_nomem(err);
        goto done;
    }
    for (size_t j = 0; j < p->n; j++) {
        if (excl[j])
            pv_mip_fix(m, (size_t)m->xcol[j], 0);
        for (size_t k = 0; k < p->K; k++)
            if (p->vstar[k] > 0)
                comb[j] += p->score[k * p->n + j] / p->vstar[k];
    }
    pv_mip_set_scores(m, comb); /* the sum of the satisfactions (x award probability) */
    if (improve(m, (size_t)row0, p, 0, p->maxmin, err) ||
        improve(m, (size_t)row0, p, 1, p->mmr, err))
        goto done;
    rc = 0;
done:
    pv_free(lb);
    pv_free(comb);
    pv_mip_free(m);
    return rc;
}

/* Shares, satisfactions, regrets and conflict indices. */
static void figures(pv_parties *p)
{
    size_t K = p->K, n = p->n;
    p->min_sat = HUGE_VAL;
    p->max_regret = -HUGE_VAL;
    for (size_t k = 0; k < K; k++) {
        double vm = pv_parties_value(p, k, p->maxmin), vr = pv_parties_value(p, k, p->mmr);
        p->sat[k] = p->vstar[k] > 0 ? vm / p->vstar[k] : 1;
        p->regret[k] = p->vstar[k] - vr;
        p->min_sat = fmin(p->min_sat, p->sat[k]);
        p->max_regret = fmax(p->max_regret, p->regret[k]);
    }
    for (size_t j = 0; j < n; j++) {
        size_t in = 0;
        for (size_t k = 0; k < K; k++)
            in += p->own[k * n + j];
        p->share[j] = (double)in / (double)K;
    }
    double sum = 0;
    size_t pairs = 0;
    for (size_t a = 0; a < K; a++)
        for (size_t b = a + 1; b < K; b++) {
            double inter = 0, uni = 0;
            for (size_t j = 0; j < n; j++) {
                double w = (p->score[a * n + j] + p->score[b * n + j]) / 2;
                int ia = p->own[a * n + j], ib = p->own[b * n + j];
                inter += ia && ib ? w : 0;
                uni += ia || ib ? w : 0;
            }
            double ix = uni > 0 ? 1 - inter / uni : 0;
            p->conflict[a * K + b] = p->conflict[b * K + a] = ix;
            sum += ix;
            pairs++;
        }
    p->group_conflict = pairs ? sum / (double)pairs : 0;
}

int pv_case_load_weight_sets(pv_case *c, const char *path, pv_errors **all, pv_error *err)
{
    pv_errors *list = all ? pv_errors_new() : NULL;
    if (all && !list) {
        pv_err_nomem(err);
        return -1;
    }
    int rc = pv_wsets_load(c, path, list, err);
    if (all)
        *all = list;
    return rc;
}

pv_parties *pv_parties_run(pv_case *c, const pv_ranking *r, const char *sets_path, pv_error *err)
{
    if (sets_path && pv_wsets_load(c, sets_path, NULL, err))
        return NULL;
    if (!c->nwsets) {
        pv_err(err, PV_EINPUT, c->path, 0, 0,
               "weight_sets: the case names no weight sets (add \"weight_sets\": {\"S\": "
               "{\"criteria\": …}, …} or name a file of weight sets)");
        return NULL;
    }
    size_t K = c->nwsets, n = c->projects->nrows;
    pv_parties *p = pv_calloc(1, sizeof *p);
    unsigned char *excl = pv_calloc(n + 1, 1);
    if (!p || !excl)
        goto nomem;
    p->K = K;
    p->n = n;
    p->proven = 1;
    p->name = pv_calloc(K + 1, sizeof *p->name);
    p->score = pv_calloc(K * n + 1, sizeof *p->score);
    p->coef = pv_calloc(K * n + 1, sizeof *p->coef);
    p->vstar = pv_calloc(K + 1, sizeof *p->vstar);
    p->own = pv_calloc(K * n + 1, 1);
    p->maxmin = pv_calloc(n + 1, 1);
    p->mmr = pv_calloc(n + 1, 1);
    p->sat = pv_calloc(K + 1, sizeof *p->sat);
    p->regret = pv_calloc(K + 1, sizeof *p->regret);
    p->share = pv_calloc(n + 1, sizeof *p->share);
    p->conflict = pv_calloc(K * K + 1, sizeof *p->conflict);
    if (!p->name || !p->score || !p->coef || !p->vstar || !p->own || !p->maxmin || !p->mmr ||
        !p->sat || !p->regret || !p->share || !p->conflict)
        goto nomem;
    for (size_t k = 0; k < K; k++)
        p->name[k] = pv_wset_name(c, k);
    for (size_t j = 0; j < n; j++)
        excl[j] = !r->p[j].eligible;
    for (size_t k = 0; k < K; k++)
        if (own_optimum(p, c, k, excl, err))
            goto fail;
    if (compromises(p, c, r, excl, err))
        goto fail;
    figures(p);
    pv_free(excl);
    return p;
nomem:
    pv_err_nomem(err);
fail:
    pv_free(excl);
    pv_parties_free(p);
    return NULL;
}
