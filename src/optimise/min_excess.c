/*
 * min_excess.c — support for the infeasibility diagnosis: by how much the
 * resource limits would have to grow for any portfolio to exist.
 */
#include "glpk_driver.h"

#include <math.h>

/* GLPK's time limit for these solves: the case's, or 60 s when it has none. */
static double limit_s(double time_limit_s)
{
    return time_limit_s > 0 && time_limit_s < 86400 ? time_limit_s : 60;
}

int pv_mip_min_excess(pv_mip *m, double time_limit_s, double *excess, pv_error *err)
{
    const pv_case *c = m->c;
    for (size_t k = 0; k < c->nres; k++)
        excess[k] = 0;
    if (pv_mip_bounds_conflict(m))
        return 0;
    int rc = pv_lp_min_excess(m, limit_s(time_limit_s), -1, excess);
    if (rc < 0) {
        pv_lp_error(err);
        return -1;
    }
    /* GLPK works in floating point: round away dust */
    for (size_t k = 0; rc && k < c->nres; k++)
        if (!(excess[k] > pv_mip_tol(c->res[k].limit)))
            excess[k] = 0;
    return rc;
}

int pv_mip_min_excess_alone(pv_mip *m, double time_limit_s, double *alone, pv_error *err)
{
    const pv_case *c = m->c;
    double *sl = pv_calloc(c->nres + 1, sizeof *sl);
    if (!sl) {
        pv_err_nomem(err);
        return -1;
    }
    for (size_t k = 0; k < c->nres; k++)
        alone[k] = NAN;
    int stuck = pv_mip_bounds_conflict(m); /* no portfolio at any limits */
    for (size_t k = 0; k < c->nres && !stuck; k++) {
        int rc = pv_lp_min_excess(m, limit_s(time_limit_s), (long)k, sl);
        if (rc < 0) {
            pv_free(sl);
            pv_lp_error(err);
            return -1;
        }
        if (rc)
            alone[k] = sl[k] > pv_mip_tol(c->res[k].limit) ? sl[k] : 0;
    }
    pv_free(sl);
    return 0;
}
