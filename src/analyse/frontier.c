/* frontier.c — the budget frontier: the portfolios that are optimal as the
 * limit of one resource falls from its upper end to its lower end. */
#include "resolve.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void pv_frontier_free(pv_frontier *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nseg; i++)
        pv_free(f->seg[i].x);
    void *own[] = {f->seg, f->limit, f->point_seg, f->order, f->enter_at, f};
    pv_free_each(own, sizeof own / sizeof *own);
}

static double usage(const pv_case *c, size_t k, const pv_selection *s)
{
    double u = 0;
    pv_error e;
    pv_error_clear(&e);
    if (c->cofin && !pv_cofin_committed(c, k, s->x, s->y, &u, &e))
        return u; /* the use the co-financing commitment counts */
    u = 0;
    for (size_t j = 0; j < s->nproj; j++)
        if (s->x[j])
            u += c->res[k].a[j];
    for (size_t p = 0; p < s->npart; p++)
        if (s->y[p])
            u += c->res[k].f[p];
    return u;
}

/* *to = total demand on resource R: every eligible project and every
 * partner they name. -1 when out of memory. */
static int total_demand(const pv_case *c, const pv_ranking *r, const pv_resource *R, double *to,
                        pv_error *err)
{
    unsigned char *need = pv_calloc_err(c->partners ? c->partners->nrows + 1 : 1, 1, err);
    if (!need)
        return -1;
    *to = 0;
    for (size_t j = 0; j < r->n; j++)
        if (r->p[j].eligible) {
            *to += R->a[j];
            for (size_t q = 0; q < c->proj_npartners[j]; q++)
                need[c->proj_partners[j][q]] = 1;
        }
    for (size_t p = 0; c->partners && p < c->partners->nrows; p++)
        if (need[p])
            *to += R->f[p];
    pv_free(need);
    return 0;
}

/* Appends the segment of selection s, which is optimal up to limit hi;
 * *u receives its usage. Returns 1 when the walk goes on, 0 when it ends
 * here, -1 on error. Takes s. */
static int add_segment(pv_frontier *f, size_t *cap, const pv_case *c, const pv_ranking *r,
                       pv_selection *s, double hi, double *u, pv_error *err)
{
    if (pv_grow((void **)&f->seg, cap, f->nseg + 1, sizeof *f->seg)) {
        pv_selection_free(s);
        pv_err_nomem(err);
        return -1;
    }
    pv_fseg *g = &f->seg[f->nseg++];
    memset(g, 0, sizeof *g);
    g->hi = hi;
    if (!pv_sel_usable(s)) {
        /* Below this limit nothing is feasible either: limits only tighten. */
        g->lo = f->from;
        pv_selection_free(s);
        return 0;
    }
    if (s->status != PV_STATUS_OPTIMAL)
        f->exact = 0;
    g->feasible = 1;
    g->objective = s->objective;
    g->x = pv_portfolio_dup(s, r->n);
    *u = usage(c, (size_t)f->res, s);
    g->lo = *u > f->from ? *u : f->from;
    pv_selection_free(s);
    if (!g->x) {
        pv_err_nomem(err);
        return -1;
    }
    return *u > f->from;
}

/* Walks the limit down from f->to: each solve gives the portfolio that is
 * optimal down to its own usage, and the next solve starts just below it. */
static int walk_segments(pv_frontier *f, pv_case *c, const pv_ranking *r, pv_error *err)
{
    pv_resource *R = &c->res[f->res];
    double L = f->to, prev_u = HUGE_VAL, eps_rel = 1e-6;
    size_t cap = 0;
    for (int guard = 0; guard < 20000; guard++) {
        if (f->to > f->from)
            pv_progress(PV_PROGRESS_FRONTIER, (size_t)(1000 * (f->to - L) / (f->to - f->from)), 1000);
        R->limit = L;
        pv_selection *s = pv_solve_scores(c, r, NULL, err);
        if (!s)
            return -1;
        if (pv_sel_usable(s) && usage(c, (size_t)f->res, s) >= prev_u) {
            /* Within the solver's feasibility tolerance the old portfolio
             * still fits: step further down instead of recording it again. */
            pv_selection_free(s);
            eps_rel *= 10;
            if (eps_rel > 1e-2)
                break;
            L = prev_u - eps_rel * (fabs(prev_u) > 1 ? fabs(prev_u) : 1);
            if (L < f->from)
                break;
            continue;
        }
        double u = 0;
        int rc = add_segment(f, &cap, c, r, s, f->nseg > 0 ? prev_u : L, &u, err);
        if (rc <= 0)
            return rc;
        /* The next portfolio is optimal just below this one's usage. */
        prev_u = u;
        eps_rel = 1e-6;
        L = u - eps_rel * (fabs(u) > 1 ? fabs(u) : 1);
        if (L < f->from)
            L = f->from;
    }
    return 0;
}

/* The evenly spaced points of the report and the segment each falls in. */
static void place_points(pv_frontier *f, int steps)
{
    for (size_t i = 0; i < f->npoints; i++) {
        double lim = f->from + (f->to - f->from) * (double)i / (double)steps;
        if (i == f->npoints - 1)
            lim = f->to;
        f->limit[i] = lim;
        f->point_seg[i] = (size_t)-1;
        for (size_t g = 0; g < f->nseg; g++)
            if (lim >= f->seg[g].lo - 1e-9 * (fabs(lim) > 1 ? fabs(lim) : 1) &&
                lim <= f->seg[g].hi) {
                f->point_seg[i] = g;
                break;
            }
    }
}

/* Order of entry: walk the segments upwards (they are stored descending). */
static int entry_order(pv_frontier *f, const pv_ranking *r, pv_error *err)
{
    unsigned char *seen = pv_calloc_err(r->n ? r->n : 1, 1, err);
    if (!seen)
        return -1;
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
    return 0;
}

pv_frontier *pv_frontier_run(pv_case *c, const pv_ranking *r, const char *resource,
                             double from, double to, int steps, pv_error *err)
{
    int k = -1;
    for (size_t i = 0; i < c->nres; i++)
        if (!strcmp(c->res[i].id, resource))
            k = (int)i;
    if (k < 0) {
        /* a near id (case, a typo) suggested, else the ones there are */
        pv_suggest sg;
        pv_suggest_init(&sg, resource, 2);
        char list[400] = "";
        size_t used = 0;
        for (size_t i = 0; i < c->nres; i++) {
            pv_suggest_offer(&sg, c->res[i].id);
            if (used < sizeof list - 80)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                         c->res[i].id);
        }
        if (sg.best)
            pv_err(err, PV_EUSAGE, NULL, 0, 0, "unknown resource '%s'; did you mean '%s'?",
                   resource, sg.best);
        else
            pv_err(err, PV_EUSAGE, NULL, 0, 0, "unknown resource '%s' (the case has %s)", resource,
                   list);
        return NULL;
    }
    if (steps < 1 || steps > 10000) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "the number of frontier steps must be in 1..10000");
        return NULL;
    }
    pv_resource *R = &c->res[k];
    if (to < 0 && total_demand(c, r, R, &to, err))
        return NULL;
    if (from < 0)
        from = 0;
    if (!(to <= 1e15) || !(from <= 1e15)) { /* the solver's largest limit */
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "the frontier's limits must be numbers in [0, 1e15]");
        return NULL;
    }
    if (!(to >= from) || !isfinite(to)) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0,
               "the frontier's lower limit must not exceed its upper limit");
        return NULL;
    }
    pv_frontier *f = pv_calloc_err(1, sizeof *f, err);
    if (!f)
        return NULL;
    f->res = k;
    f->from = from;
    f->to = to;
    f->current = R->limit;
    f->exact = 1;
    double saved = R->limit;
    int rc = walk_segments(f, c, r, err);
    R->limit = saved;
    if (rc)
        goto fail;
    int any = 0;
    for (size_t g = 0; g < f->nseg; g++)
        any |= f->seg[g].feasible;
    if (!any) {
        pv_err(err, PV_EINFEASIBLE, c->path, 0, 0,
               "no portfolio satisfies every constraint at any limit of '%s' from %.2f to %.2f",
               R->id, from, to);
        goto fail;
    }
    f->npoints = (size_t)steps + 1;
    f->limit = pv_calloc(f->npoints, sizeof(double));
    f->point_seg = pv_calloc(f->npoints, sizeof(size_t));
    f->order = pv_calloc(r->n ? r->n : 1, sizeof(size_t));
    f->enter_at = pv_calloc(r->n ? r->n : 1, sizeof(double));
    if (!f->limit || !f->point_seg || !f->order || !f->enter_at) {
        pv_err_nomem(err);
        goto fail;
    }
    place_points(f, steps);
    if (entry_order(f, r, err))
        goto fail;
    return f;
fail:
    pv_frontier_free(f);
    return NULL;
}
