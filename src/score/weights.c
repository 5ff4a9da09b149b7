/* weights.c — local and global weights of the criteria tree. A leaf's global
 * weight is the product, along its path, of weight / sum of sibling weights. */
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
