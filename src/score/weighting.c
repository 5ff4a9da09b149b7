/* weighting.c — weights from a ranking (ROC, rank sum, reciprocal), from swing
 * points, or from an AHP pairwise comparison matrix (principal eigenvector). */
#include "../internal.h"

#include <math.h>

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

/* Rank: ties share the average of their positions' weights. */
static void rank_weights(pv_criterion **kids, size_t n, const pv_wspec *w)
{
    for (size_t i = 0; i < n; i++) {
        double s = 0;
        for (size_t p = w->group[i]; p < w->group[i] + w->gsize[i]; p++)
            s += positional(w->formula, p + 1, n);
        kids[w->kid[i]]->weight = s / (double)w->gsize[i];
    }
}

/* Swing: points over their sum (the reader has checked that it is > 0). */
static void swing_weights(pv_criterion **kids, size_t n, const pv_wspec *w)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += w->points[i];
    for (size_t i = 0; i < n; i++)
        kids[w->kid[i]]->weight = w->points[i] / sum;
}

/* AHP: the principal eigenvector of the matrix, with its eigenvalue, CI and CR. */
static int ahp_weights(pv_criterion **kids, size_t n, const pv_wspec *w, double *lambda, double *ci,
                       double *cr, pv_error *err)
{
    const double *A = w->matrix;
    double *v = pv_calloc(n, sizeof(double)), *nv = pv_calloc(n, sizeof(double));
    if (!v || !nv) {
        pv_free(v);
        pv_free(nv);
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
        kids[w->kid[i]]->weight = v[i];
    pv_free(v);
    pv_free(nv);
    return 0;
}

int pv_weighting_apply(pv_criterion **kids, size_t n, const pv_wspec *w, double *lambda, double *ci,
                       double *cr, pv_error *err)
{
    *lambda = *ci = *cr = 0;
    if (!w || w->method == PV_W_DIRECT)
        return 0;
    /* The reader resolved w against this level: w->kid names each kid once. */
    if (w->method == PV_W_RANK)
        rank_weights(kids, n, w);
    else if (w->method == PV_W_SWING)
        swing_weights(kids, n, w);
    else if (w->method == PV_W_AHP)
        return ahp_weights(kids, n, w, lambda, ci, cr, err);
    return 0;
}
