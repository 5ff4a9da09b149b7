/* weights.c — local and global weights of the criteria tree. A leaf's global
 * weight is the product, along its path, of weight / sum of sibling weights.
 * Loading a case is reading it (read/) and then weighing its model here, so
 * that the reader never calls up into score/. */
#include "../internal.h"

#include <math.h>
#include <stdio.h>

static int level(pv_model *m, pv_criterion **kids, size_t n, double parent_global,
                 const char *where, pv_error *err)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += kids[i]->weight;
    if (!(sum > 0)) {
        pv_err(err, PV_EINPUT, m->path, 0, 0,
               "%s: the weights at this level sum to 0; at least one must be > 0", where);
        return -1;
    }
    if (isinf(sum)) {
        pv_err(err, PV_EINPUT, m->path, 0, 0,
               "%s: the weights at this level are too large (their sum overflows)", where);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        pv_criterion *c = kids[i];
        c->local = c->weight / sum;
        c->global = parent_global * c->local;
        if (c->nchildren) {
            char k[600];
            if (snprintf(k, sizeof k, "%s.children", c->path) >= (int)sizeof k)
                k[sizeof k - 1] = '\0';
            if (level(m, c->children, c->nchildren, c->global, k, err))
                return -1;
        }
    }
    return 0;
}

int pv_model_weights(pv_model *m, pv_error *err)
{
    return level(m, m->top, m->ntop, 1.0, "criteria", err);
}

/* Derives each level's weights from its weighting, a level's children before
 * the level itself (the order in which the reader meets them). */
static int weigh_level(pv_criterion **kids, size_t n, const pv_wspec *w, double *lambda, double *ci,
                       double *cr, pv_error *err)
{
    for (size_t i = 0; i < n; i++) {
        pv_criterion *c = kids[i];
        if (c->nchildren && weigh_level(c->children, c->nchildren, c->child_wspec, &c->lambda_max,
                                        &c->ci, &c->cr, err))
            return -1;
    }
    return pv_weighting_apply(kids, n, w, lambda, ci, cr, err);
}

static pv_case *load_into(const char *path, const pv_scenario *s, pv_errors *list,
                          pv_error *err)
{
    if (!path) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "no case file given");
        return NULL;
    }
    pv_case *c = list ? pv_case_read_all(path, s, list, err) : pv_case_read(path, s, err);
    pv_model *m = c ? c->model : NULL;
    if (m && (weigh_level(m->top, m->ntop, m->top_wspec, &m->top_lambda_max, &m->top_ci, &m->top_cr,
                          err) ||
              pv_model_weights(m, err))) {
        pv_case_free(c);
        return NULL;
    }
    return c;
}

static pv_case *load(const char *path, const pv_scenario *s, pv_error *err)
{
    return load_into(path, s, NULL, err);
}

pv_case *pv_case_load(const char *path, pv_error *err) { return load(path, NULL, err); }

pv_case *pv_case_load_all(const char *path, pv_errors **all, pv_error *err)
{
    pv_errors *list = all ? pv_errors_new() : NULL;
    if (all && !list) {
        pv_err_nomem(err);
        return NULL;
    }
    pv_case *c = load_into(path, NULL, list, err);
    if (all)
        *all = list;
    return c;
}

pv_case *pv_case_load_scenario(const char *path, const pv_scenario *s, pv_error *err)
{
    return load(path, s, err);
}
