/* wspec.c — a level's "weighting" as written: direct (the default), a
 * ranking, swing points or an AHP matrix. Reading checks the shape and the
 * matrix's reciprocity; score/weighting.c derives the weights from it. */
#include "json.h"

#include <math.h>
#include <float.h>
#include <string.h>

/* An AHP entry: a positive number, or a string "a/b" or "a". */
static int ahp_entry(json_t *e, double *out)
{
    if (json_is_number(e)) {
        *out = json_number_value(e);
        return isfinite(*out) && *out > 0 ? 0 : -1;
    }
    if (!json_is_string(e))
        return -1;
    const char *s = json_string_value(e);
    const char *slash = strchr(s, '/');
    double a, b = 1;
    if (slash) {
        char num[64];
        size_t n = (size_t)(slash - s);
        if (n == 0 || n >= sizeof num)
            return -1;
        memcpy(num, s, n);
        num[n] = '\0';
        if (pv_parse_number(num, 0, &a) || pv_parse_number(slash + 1, 0, &b))
            return -1;
    } else if (pv_parse_number(s, 0, &a))
        return -1;
    if (!(a > 0) || !(b > 0))
        return -1;
    *out = a / b;
    return 0;
}

static int push_id(pvj_ctx *x, pv_wspec *w, const char *id, size_t group, size_t gsize)
{
    char **ids = pv_realloc(w->ids, (w->n + 1) * sizeof *ids);
    if (!ids)
        goto nomem;
    w->ids = ids;
    size_t *g = pv_realloc(w->group, (w->n + 1) * sizeof *g);
    if (!g)
        goto nomem;
    w->group = g;
    size_t *gs = pv_realloc(w->gsize, (w->n + 1) * sizeof *gs);
    if (!gs)
        goto nomem;
    w->gsize = gs;
    if (!(w->ids[w->n] = pv_strdup(id)))
        goto nomem;
    w->group[w->n] = group;
    w->gsize[w->n] = gsize;
    w->n++;
    return 0;
nomem:
    pv_err_nomem(x->err);
    return -1;
}

void pv_wspec_free(pv_wspec *w)
{
    if (!w)
        return;
    pv_free_list(w->ids, w->n);
    void *own[] = {w->group, w->gsize, w->points, w->matrix, w->kid, w};
    pv_free_each(own, sizeof own / sizeof *own);
}

/* {"method": "rank", "formula": …, "order": [id, [tied, ids], …]} */
static int parse_rank(pvj_ctx *x, json_t *w, const char *k, pv_wspec *ws)
{
    char kk[KP];
    ws->method = PV_W_RANK;
    /* In pv_rank_formula's order. */
    static const char *const FORMULA[] = {"roc", "rank_sum", "reciprocal", NULL};
    int f = pvj_choice(x, w, "formula", k, FORMULA, PV_RANK_ROC);
    if (f < 0)
        return -1;
    ws->formula = (pv_rank_formula)f;
    json_t *order =
        pvj_nonempty(x, w, "order", k, JSON_ARRAY, kk,
                     "must be a non-empty array of criterion ids (ties as nested arrays)");
    if (!order)
        return -1;
    size_t pos = 0;
    for (size_t i = 0; i < json_array_size(order); i++) {
        json_t *e = json_array_get(order, i);
        char ki[KP];
        pvj_idx(ki, kk, i);
        if (json_is_string(e)) {
            if (push_id(x, ws, json_string_value(e), pos, 1))
                return -1;
            pos++;
        } else if (json_is_array(e) && json_array_size(e) > 0) {
            size_t g = json_array_size(e);
            for (size_t t = 0; t < g; t++) {
                if (!json_is_string(json_array_get(e, t))) {
                    pvj_err(x, ki, "a tie must be an array of criterion ids");
                    return -1;
                }
                if (push_id(x, ws, json_string_value(json_array_get(e, t)), pos, g))
                    return -1;
            }
            pos += g;
        } else {
            pvj_err(x, ki, "must be a criterion id or an array of tied ids");
            return -1;
        }
    }
    return 0;
}

/* One criterion's swing points. */
static int swing_points(pvj_ctx *x, const char *key, json_t *val, const char *ki, void *ctx)
{
    pv_wspec *ws = ctx;
    if (!json_is_number(val) || !isfinite(json_number_value(val)) || json_number_value(val) < 0) {
        pvj_err(x, ki, "must be a number >= 0");
        return -1;
    }
    ws->points[ws->n] = json_number_value(val);
    return push_id(x, ws, key, 0, 1);
}

/* {"method": "swing", "points": {id: points, …}} */
static int parse_swing(pvj_ctx *x, json_t *w, const char *k, pv_wspec *ws)
{
    char kk[KP];
    ws->method = PV_W_SWING;
    json_t *pts = pvj_nonempty(x, w, "points", k, JSON_OBJECT, kk,
                               "must be an object from criterion id to points");
    if (!pts || !(ws->points = pvj_alloc(x, json_object_size(pts), sizeof(double))))
        return -1;
    return pvj_each(x, pts, kk, swing_points, ws);
}

/* The AHP matrix: n rows of n positive entries, reciprocal, 1 on the diagonal. */
static int ahp_matrix(pvj_ctx *x, json_t *mat, const char *kk, pv_wspec *ws)
{
    size_t n = ws->n;
    if (!json_is_array(mat) || json_array_size(mat) != n) {
        pvj_err(x, kk, "must be a square array of %zu rows, one per id in order", n);
        return -1;
    }
    if (!(ws->matrix = pvj_alloc(x, n * n, sizeof(double))))
        return -1;
    for (size_t i = 0; i < n; i++) {
        json_t *row = json_array_get(mat, i);
        char ki[KP];
        pvj_idx(ki, kk, i);
        if (!json_is_array(row) || json_array_size(row) != n) {
            pvj_err(x, ki, "must have %zu entries (the matrix must be square)", n);
            return -1;
        }
        for (size_t j = 0; j < n; j++) {
            char kj[KP];
            pvj_idx(kj, ki, j);
            if (ahp_entry(json_array_get(row, j), &ws->matrix[i * n + j])) {
                pvj_err(x, kj, "must be a positive number or a fraction such as \"1/3\"");
                return -1;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double a = ws->matrix[i * n + j], b = ws->matrix[j * n + i];
            if ((i == j && fabs(a - 1) > 1e-3) || fabs(a * b - 1) > 1e-3 * (1 + fabs(a))) {
                char ki[KP], kj[KP];
                pvj_idx(ki, kk, i);
                pvj_idx(kj, ki, j);
                pvj_err(x, kj,
                        i == j ? "the diagonal must be 1"
                               : "is not reciprocal: a[i][j] × a[j][i] must be 1 (within 1e-3)");
                return -1;
            }
        }
    return 0;
}

/* {"method": "ahp", "ri": …, "order": [ids], "matrix": [[…], …]} */
static int parse_ahp(pvj_ctx *x, json_t *w, const char *k, pv_wspec *ws)
{
    char kk[KP];
    ws->method = PV_W_AHP;
    static const char *const RI[] = {"saaty", "alonso_lamata", NULL}; /* pv_ri_table */
    int ri = pvj_choice(x, w, "ri", k, RI, PV_RI_SAATY);
    if (ri < 0)
        return -1;
    ws->ri = (pv_ri_table)ri;
    json_t *order = pvj_nonempty(x, w, "order", k, JSON_ARRAY, kk,
                                 "must be a non-empty array of criterion ids");
    if (!order)
        return -1;
    for (size_t i = 0; i < json_array_size(order); i++) {
        char ki[KP];
        pvj_idx(ki, kk, i);
        if (!json_is_string(json_array_get(order, i))) {
            pvj_err(x, ki, "must be a criterion id");
            return -1;
        }
        if (push_id(x, ws, json_string_value(json_array_get(order, i)), i, 1))
            return -1;
    }
    pvj_key(kk, k, "matrix");
    return ahp_matrix(x, json_object_get(w, "matrix"), kk, ws);
}

int pvj_wspec_parse(pvj_ctx *x, json_t *obj, const char *kp, pv_wmethod *m, pv_wspec **out)
{
    *m = PV_W_DIRECT;
    *out = NULL;
    char k[KP], kk[KP];
    json_t *w = pvj_member(x, obj, "weighting", kp, 0, k);
    int rc = pvj_opt(x, w, JSON_OBJECT, k, "must be an object like {\"method\": \"direct\"}");
    if (rc <= 0)
        return rc;
    const char *method = pvj_str(x, w, "method", k, 1);
    if (!method)
        return -1;
    static const char *const METHOD[] = {"method", NULL},
                             *const RANK[] = {"order", "formula", NULL},
                             *const SWING[] = {"points", NULL},
                             *const AHP[] = {"order", "matrix", "ri", NULL};
    static const struct {
        const char *name, *what;
        const char *const *keys;
    } USES[] = {{"direct", "direct weighting", METHOD},
                {"rank", "rank weighting", RANK},
                {"swing", "swing weighting", SWING},
                {"ahp", "ahp weighting", AHP}};
    for (size_t i = 0; i < sizeof USES / sizeof *USES; i++)
        if (!strcmp(method, USES[i].name) &&
            pvj_only(x, w, k, PVJ_KEYS_WEIGHTING, USES[i].what, USES[i].keys, METHOD))
            return -1;
    if (!strcmp(method, "direct"))
        return 0;
    pv_wspec *ws = pvj_alloc(x, 1, sizeof *ws);
    if (!ws)
        return -1;
    if (!strcmp(method, "rank"))
        rc = parse_rank(x, w, k, ws);
    else if (!strcmp(method, "swing"))
        rc = parse_swing(x, w, k, ws);
    else if (!strcmp(method, "ahp"))
        rc = parse_ahp(x, w, k, ws);
    else {
        pvj_key(kk, k, "method");
        pvj_err(x, kk, "unknown weighting method '%s' (direct, rank, swing, ahp)", method);
        rc = -1;
    }
    if (rc) {
        pv_wspec_free(ws);
        return -1;
    }
    *m = ws->method;
    *out = ws;
    return 0;
}

static long find_kid(pv_criterion **kids, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(kids[i]->id, id))
            return (long)i;
    return -1;
}

int pvj_wspec_resolve(pvj_ctx *x, pv_wspec *w, pv_criterion **kids, size_t n, const char *kp)
{
    if (!w)
        return 0;
    int *seen = pv_calloc(n, sizeof(int));
    w->kid = pv_calloc(w->n, sizeof(size_t));
    if (!seen || !w->kid) {
        pv_free(seen);
        pv_err_nomem(x->err);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < w->n && !rc; i++) {
        long k = find_kid(kids, n, w->ids[i]);
        if (k < 0) {
            pv_err(x->err, PV_EINPUT, x->file, 0, 0, "%s: '%s' is not a criterion at this level",
                   kp, w->ids[i]);
            rc = -1;
        } else if (seen[k]++) {
            pv_err(x->err, PV_EINPUT, x->file, 0, 0, "%s: '%s' is named twice", kp, w->ids[i]);
            rc = -1;
        } else
            w->kid[i] = (size_t)k;
    }
    for (size_t k = 0; k < n && !rc; k++)
        if (!seen[k]) {
            pv_err(x->err, PV_EINPUT, x->file, 0, 0, "%s: criterion '%s' is missing", kp,
                   kids[k]->id);
            rc = -1;
        }
    pv_free(seen);
    if (rc || w->method != PV_W_SWING)
        return rc;
    double sum = 0;
    for (size_t i = 0; i < w->n; i++)
        sum += w->points[i];
    if (!(sum > 0)) {
        pv_err(x->err, PV_EINPUT, x->file, 0, 0, "%s: swing points sum to 0", kp);
        return -1;
    }
    if (!(sum <= DBL_MAX)) { /* as direct weights (score/weights.c) */
        pv_err(x->err, PV_EINPUT, x->file, 0, 0,
               "%s: the swing points at this level are too large (their sum overflows)", kp);
        return -1;
    }
    return 0;
}
