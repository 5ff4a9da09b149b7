/* weighting.c — weights from a ranking (ROC, rank sum, reciprocal), from swing
 * points, or from an AHP pairwise comparison matrix (principal eigenvector). */
#include "../internal.h"

#include <math.h>
#include <string.h>

double pv_ahp_ri(pv_ri_table t, size_t n)
{
    /* Saaty's classic table, as the issue lists it, n = 3..10 (extended to 15
     * with the commonly cited 1.51 1.48 1.56 1.57 1.59 would mix sources, so
     * larger n uses the last value). Alonso & Lamata (2006), n = 3..15. */
    static const double saaty[] = {0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
    static const double al[] = {0,      0,      0,      0.5245, 0.8815, 1.1086, 1.2479, 1.3417,
                                1.4056, 1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713, 1.5838};
    if (n < 3)
        return 0;
    if (t == PV_RI_ALONSO_LAMATA)
        return al[n < 15 ? n : 15];
    return saaty[n < 10 ? n : 10];
}

static long find_kid(pv_criterion **kids, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(kids[i]->id, id))
            return (long)i;
    return -1;
}

/* Each kid must be named exactly once. */
static int cover(pv_criterion **kids, size_t n, const pv_wspec *w, size_t *map, const char *file,
                 const char *kp, pv_error *err)
{
    int *seen = pv_calloc(n, sizeof(int));
    if (!seen) {
        pv_err_nomem(err);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < w->n && !rc; i++) {
        long k = find_kid(kids, n, w->ids[i]);
        if (k < 0) {
            pv_err(err, PV_EINPUT, file, 0, 0, "%s: '%s' is not a criterion at this level", kp,
                   w->ids[i]);
            rc = -1;
        } else if (seen[k]++) {
            pv_err(err, PV_EINPUT, file, 0, 0, "%s: '%s' is named twice", kp, w->ids[i]);
            rc = -1;
        } else
            map[i] = (size_t)k;
    }
    for (size_t k = 0; k < n && !rc; k++)
        if (!seen[k]) {
            pv_err(err, PV_EINPUT, file, 0, 0, "%s: criterion '%s' is missing", kp, kids[k]->id);
            rc = -1;
        }
    pv_free(seen);
    return rc;
}

static double positional(pv_rank_formula f, size_t i /* 1-based */, size_t n)
{
    double s = 0;
    switch (f) {
    case PV_RANK_ROC:
        for (size_t k = i; k <= n; k++)
            s += 1.0 / (double)k;
        return s / (double)n;
    case PV_RANK_SUM:
        return 2.0 * (double)(n + 1 - i) / ((double)n * (double)(n + 1));
    case PV_RANK_RECIPROCAL:
        for (size_t k = 1; k <= n; k++)
            s += 1.0 / (double)k;
        return (1.0 / (double)i) / s;
    }
    return 0;
}

int pv_weighting_apply(pv_criterion **kids, size_t n, const pv_wspec *w, double *lambda,
                       double *ci, double *cr, const char *file, const char *kp, pv_error *err)
{
    *lambda = *ci = *cr = 0;
    if (!w || w->method == PV_W_DIRECT)
        return 0;
    size_t *map = pv_calloc(n, sizeof(size_t));
    if (!map) {
        pv_err_nomem(err);
        return -1;
    }
    int rc = cover(kids, n, w, map, file, kp, err);
    if (rc) {
        pv_free(map);
        return rc;
    }
    if (w->method == PV_W_RANK) {
        for (size_t i = 0; i < n; i++) {
            /* ties share the average of their positions' weights */
            double s = 0;
            for (size_t p = w->group[i]; p < w->group[i] + w->gsize[i]; p++)
                s += positional(w->formula, p + 1, n);
            kids[map[i]]->weight = s / (double)w->gsize[i];
        }
    } else if (w->method == PV_W_SWING) {
        double sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += w->points[i];
        if (!(sum > 0)) {
            pv_err(err, PV_EINPUT, file, 0, 0, "%s: swing points sum to 0", kp);
            rc = -1;
        } else
            for (size_t i = 0; i < n; i++)
                kids[map[i]]->weight = w->points[i] / sum;
    } else if (w->method == PV_W_AHP) {
        const double *A = w->matrix;
        double *v = pv_calloc(n, sizeof(double)), *nv = pv_calloc(n, sizeof(double));
        if (!v || !nv) {
            pv_free(v);
            pv_free(nv);
            pv_free(map);
            pv_err_nomem(err);
            return -1;
        }
        /* Power iteration: A is positive, so it converges to the Perron vector. */
        for (size_t i = 0; i < n; i++)
            v[i] = 1.0 / (double)n;
        for (int it = 0; it < 10000; it++) {
            double s = 0, diff = 0;
            for (size_t i = 0; i < n; i++) {
                nv[i] = 0;
                for (size_t j = 0; j < n; j++)
                    nv[i] += A[i * n + j] * v[j];
                s += nv[i];
            }
            for (size_t i = 0; i < n; i++) {
                nv[i] /= s;
                diff += fabs(nv[i] - v[i]);
                v[i] = nv[i];
            }
            if (diff < 1e-15)
                break;
        }
        double lam = 0;
        for (size_t i = 0; i < n; i++) {
            double av = 0;
            for (size_t j = 0; j < n; j++)
                av += A[i * n + j] * v[j];
            lam += av / v[i];
        }
        lam /= (double)n;
        *lambda = lam;
        *ci = n > 1 ? (lam - (double)n) / ((double)n - 1) : 0;
        if (fabs(*ci) < 1e-12)
            *ci = 0;
        double ri = pv_ahp_ri(w->ri, n);
        *cr = ri > 0 ? *ci / ri : 0;
        for (size_t i = 0; i < n; i++)
            kids[map[i]]->weight = v[i];
        pv_free(v);
        pv_free(nv);
    }
    pv_free(map);
    return rc;
}
