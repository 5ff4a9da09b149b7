/* json_reader.c — the only user of Jansson. Reads and validates the case file
 * and the model (a file or inline), then loads the CSV tables and resolves
 * every reference, so that later stages never meet an invalid value. Errors
 * are "FILE: key.path: message" (or FILE:LINE:COL for JSON syntax). */
#include "../internal.h"

#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KP 512 /* key path buffer */

typedef struct ctx {
    const char *file; /* file for messages */
    pv_error *err;
} ctx;

static void kerr(ctx *x, const char *kp, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void kerr(ctx *x, const char *kp, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pv_err(x->err, PV_EINPUT, x->file, 0, 0, "%s: %s", kp, msg);
}

/* Key paths are for messages; a path longer than KP is cut, never overflowed. */
static void kjoin(char *out, const char *kp, const char *key)
{
    if (snprintf(out, KP, "%s%s%s", kp, kp[0] ? "." : "", key) >= KP)
        out[KP - 1] = '\0';
}

static void kidx(char *out, const char *kp, size_t i)
{
    if (snprintf(out, KP, "%s[%zu]", kp, i) >= KP)
        out[KP - 1] = '\0';
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

static int has_ctrl(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 1;
    return 0;
}

/* Gets a string member; required => error when absent. Returns NULL when absent or on error. */
static const char *get_str(ctx *x, json_t *obj, const char *key, const char *kp, int required)
{
    char k[KP];
    kjoin(k, kp, key);
    json_t *v = json_object_get(obj, key);
    if (!v) {
        if (required)
            kerr(x, k, "is required");
        return NULL;
    }
    if (!json_is_string(v)) {
        kerr(x, k, "must be a string, not %s", type_name(v));
        return NULL;
    }
    return json_string_value(v);
}

/* Gets a finite number; returns 1 found, 0 absent, -1 error. */
static int get_num(ctx *x, json_t *obj, const char *key, const char *kp, double *out)
{
    char k[KP];
    kjoin(k, kp, key);
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    if (!json_is_number(v)) {
        kerr(x, k, "must be a number, not %s", type_name(v));
        return -1;
    }
    double d = json_number_value(v);
    if (!isfinite(d)) {
        kerr(x, k, "must be a finite number");
        return -1;
    }
    *out = d;
    return 1;
}

static char *dup_or_nomem(ctx *x, const char *s)
{
    if (!s)
        return NULL;
    char *d = pv_strdup(s);
    if (!d)
        pv_err_nomem(x->err);
    return d;
}

static json_t *load_json(const char *path, pv_error *err)
{
    size_t len;
    char *data = pv_read_file(path, &len, err);
    if (!data)
        return NULL;
    json_error_t je;
    unsigned long fails = pv_alloc_failures();
    pv_alloc_json_parsing(1);
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
    pv_alloc_json_parsing(0);
    pv_free(data);
    if (!root) {
        if (pv_alloc_failures() != fails)
            pv_err_nomem(err);
        else
            pv_err(err, PV_EINPUT, path, je.line > 0 ? je.line : 0, je.column > 0 ? je.column : 0,
                   "invalid JSON: %s", je.text);
        return NULL;
    }
    return root;
}

/* ------------------------------------------------------------------ model */

static int parse_field(ctx *x, const char *text, const char *kp, pv_field *f)
{
    if (!text[0] || has_ctrl(text)) {
        kerr(x, kp, "must name a column");
        return -1;
    }
    const char *name = text;
    f->scope = PV_SCOPE_PROJECT;
    if (!strncmp(text, "partner.", 8)) {
        f->scope = PV_SCOPE_PARTNER;
        name = text + 8;
    } else if (!strncmp(text, "country.", 8)) {
        f->scope = PV_SCOPE_COUNTRY;
        name = text + 8;
    }
    if (!name[0]) {
        kerr(x, kp, "'%s' names no column", text);
        return -1;
    }
    f->text = dup_or_nomem(x, text);
    f->name = dup_or_nomem(x, name);
    f->col = -1;
    return f->text && f->name ? 0 : -1;
}

static void field_free(pv_field *f)
{
    pv_free(f->text);
    pv_free(f->name);
}

static int parse_value(ctx *x, json_t *v, const char *kp, pv_valuefn *vf)
{
    char k[KP];
    if (!json_is_object(v)) {
        kerr(x, kp, "must be an object like {\"type\": \"linear\", \"worst\": 1, \"best\": 5}");
        return -1;
    }
    const char *type = get_str(x, v, "type", kp, 1);
    if (!type)
        return -1;
    if (!strcmp(type, "linear")) {
        vf->type = PV_VF_LINEAR;
        int a = get_num(x, v, "worst", kp, &vf->worst), b = get_num(x, v, "best", kp, &vf->best);
        if (a < 0 || b < 0)
            return -1;
        if (!a || !b) {
            kjoin(k, kp, !a ? "worst" : "best");
            kerr(x, k, "is required for a linear value function");
            return -1;
        }
        if (vf->worst == vf->best) {
            kerr(x, kp, "best and worst are equal (%g); the value function would divide by zero",
                 vf->best);
            return -1;
        }
        return 0;
    }
    if (!strcmp(type, "piecewise")) {
        vf->type = PV_VF_PIECEWISE;
        kjoin(k, kp, "points");
        json_t *pts = json_object_get(v, "points");
        if (!json_is_array(pts) || json_array_size(pts) < 2) {
            kerr(x, k, "must be an array of at least two [x, value] points");
            return -1;
        }
        size_t n = json_array_size(pts);
        vf->px = pv_calloc(n, sizeof(double));
        vf->py = pv_calloc(n, sizeof(double));
        if (!vf->px || !vf->py) {
            pv_err_nomem(x->err);
            return -1;
        }
        vf->npts = n;
        for (size_t i = 0; i < n; i++) {
            char ki[KP];
            kidx(ki, k, i);
            json_t *pt = json_array_get(pts, i);
            if (!json_is_array(pt) || json_array_size(pt) != 2 ||
                !json_is_number(json_array_get(pt, 0)) || !json_is_number(json_array_get(pt, 1))) {
                kerr(x, ki, "must be a pair of numbers [x, value]");
                return -1;
            }
            vf->px[i] = json_number_value(json_array_get(pt, 0));
            vf->py[i] = json_number_value(json_array_get(pt, 1));
            if (!isfinite(vf->px[i]) || !isfinite(vf->py[i])) {
                kerr(x, ki, "must be finite numbers");
                return -1;
            }
            if (vf->py[i] < 0 || vf->py[i] > 1) {
                kerr(x, ki, "value %g is outside [0, 1]", vf->py[i]);
                return -1;
            }
            if (i > 0 && !(vf->px[i] > vf->px[i - 1])) {
                kerr(x, ki, "points must be in strictly ascending x (%g follows %g)", vf->px[i],
                     vf->px[i - 1]);
                return -1;
            }
        }
        return 0;
    }
    if (!strcmp(type, "categorical")) {
        vf->type = PV_VF_CATEGORICAL;
        kjoin(k, kp, "map");
        json_t *map = json_object_get(v, "map");
        if (!json_is_object(map) || json_object_size(map) == 0) {
            kerr(x, k, "must be a non-empty object from category to a value in [0, 1]");
            return -1;
        }
        size_t n = json_object_size(map);
        vf->cat_key = pv_calloc(n, sizeof(char *));
        vf->cat_val = pv_calloc(n, sizeof(double));
        if (!vf->cat_key || !vf->cat_val) {
            pv_err_nomem(x->err);
            return -1;
        }
        const char *key;
        json_t *val;
        json_object_foreach(map, key, val)
        {
            char kk[KP];
            kjoin(kk, k, key);
            if (!json_is_number(val) || !isfinite(json_number_value(val)) ||
                json_number_value(val) < 0 || json_number_value(val) > 1) {
                kerr(x, kk, "must be a number in [0, 1]");
                return -1;
            }
            if (!(vf->cat_key[vf->ncat] = dup_or_nomem(x, key)))
                return -1;
            vf->cat_val[vf->ncat++] = json_number_value(val);
        }
        return 0;
    }
    kjoin(k, kp, "type");
    kerr(x, k, "unknown value function '%s' (use linear, piecewise or categorical)", type);
    return -1;
}

static void vf_free(pv_valuefn *vf)
{
    pv_free(vf->px);
    pv_free(vf->py);
    for (size_t i = 0; i < vf->ncat; i++)
        pv_free(vf->cat_key[i]);
    pv_free(vf->cat_key);
    pv_free(vf->cat_val);
}

/* Frees one criterion; the model's `all` list owns every criterion. */
static void crit_free(pv_criterion *c)
{
    if (!c)
        return;
    pv_free(c->children);
    pv_wspec_free(c->child_wspec);
    pv_free(c->id);
    pv_free(c->path);
    pv_free(c->label_sv);
    pv_free(c->label_en);
    pv_free(c->source);
    field_free(&c->field);
    vf_free(&c->vf);
    pv_free(c);
}

static int push_ptr(void ***arr, size_t *n, void *p)
{
    void **a = pv_realloc(*arr, (*n + 1) * sizeof *a);
    if (!a)
        return -1;
    a[(*n)++] = p;
    *arr = a;
    return 0;
}

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

static int push_id(ctx *x, pv_wspec *w, const char *id, size_t group, size_t gsize)
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

/* Parses a level's "weighting"; *out stays NULL for direct. */
static int parse_weighting(ctx *x, json_t *obj, const char *kp, pv_wmethod *m, pv_wspec **out)
{
    *m = PV_W_DIRECT;
    *out = NULL;
    json_t *w = json_object_get(obj, "weighting");
    if (!w)
        return 0;
    char k[KP], kk[KP];
    kjoin(k, kp, "weighting");
    if (!json_is_object(w)) {
        kerr(x, k, "must be an object like {\"method\": \"direct\"}");
        return -1;
    }
    const char *method = get_str(x, w, "method", k, 1);
    if (!method)
        return -1;
    if (!strcmp(method, "direct"))
        return 0;
    pv_wspec *ws = pv_calloc(1, sizeof *ws);
    if (!ws) {
        pv_err_nomem(x->err);
        return -1;
    }
    if (!strcmp(method, "rank")) {
        ws->method = PV_W_RANK;
        const char *f = get_str(x, w, "formula", k, 0);
        if (pv_failed(x->err))
            goto fail;
        kjoin(kk, k, "formula");
        if (!f || !strcmp(f, "roc"))
            ws->formula = PV_RANK_ROC;
        else if (!strcmp(f, "rank_sum"))
            ws->formula = PV_RANK_SUM;
        else if (!strcmp(f, "reciprocal"))
            ws->formula = PV_RANK_RECIPROCAL;
        else {
            kerr(x, kk, "must be roc, rank_sum or reciprocal, not '%s'", f);
            goto fail;
        }
        kjoin(kk, k, "order");
        json_t *order = json_object_get(w, "order");
        if (!json_is_array(order) || json_array_size(order) == 0) {
            kerr(x, kk, "must be a non-empty array of criterion ids (ties as nested arrays)");
            goto fail;
        }
        size_t pos = 0;
        for (size_t i = 0; i < json_array_size(order); i++) {
            json_t *e = json_array_get(order, i);
            char ki[KP];
            kidx(ki, kk, i);
            if (json_is_string(e)) {
                if (push_id(x, ws, json_string_value(e), pos, 1))
                    goto fail;
                pos++;
            } else if (json_is_array(e) && json_array_size(e) > 0) {
                size_t g = json_array_size(e);
                for (size_t t = 0; t < g; t++) {
                    if (!json_is_string(json_array_get(e, t))) {
                        kerr(x, ki, "a tie must be an array of criterion ids");
                        goto fail;
                    }
                    if (push_id(x, ws, json_string_value(json_array_get(e, t)), pos, g))
                        goto fail;
                }
                pos += g;
            } else {
                kerr(x, ki, "must be a criterion id or an array of tied ids");
                goto fail;
            }
        }
    } else if (!strcmp(method, "swing")) {
        ws->method = PV_W_SWING;
        kjoin(kk, k, "points");
        json_t *pts = json_object_get(w, "points");
        if (!json_is_object(pts) || json_object_size(pts) == 0) {
            kerr(x, kk, "must be an object from criterion id to points");
            goto fail;
        }
        ws->points = pv_calloc(json_object_size(pts), sizeof(double));
        if (!ws->points) {
            pv_err_nomem(x->err);
            goto fail;
        }
        const char *key;
        json_t *val;
        json_object_foreach(pts, key, val)
        {
            char ki[KP];
            kjoin(ki, kk, key);
            if (!json_is_number(val) || !isfinite(json_number_value(val)) ||
                json_number_value(val) < 0) {
                kerr(x, ki, "must be a number >= 0");
                goto fail;
            }
            ws->points[ws->n] = json_number_value(val);
            if (push_id(x, ws, key, 0, 1))
                goto fail;
        }
    } else if (!strcmp(method, "ahp")) {
        ws->method = PV_W_AHP;
        const char *ri = get_str(x, w, "ri", k, 0);
        if (pv_failed(x->err))
            goto fail;
        if (!ri || !strcmp(ri, "saaty"))
            ws->ri = PV_RI_SAATY;
        else if (!strcmp(ri, "alonso_lamata"))
            ws->ri = PV_RI_ALONSO_LAMATA;
        else {
            kjoin(kk, k, "ri");
            kerr(x, kk, "must be saaty or alonso_lamata, not '%s'", ri);
            goto fail;
        }
        kjoin(kk, k, "order");
        json_t *order = json_object_get(w, "order");
        if (!json_is_array(order) || json_array_size(order) == 0) {
            kerr(x, kk, "must be a non-empty array of criterion ids");
            goto fail;
        }
        for (size_t i = 0; i < json_array_size(order); i++) {
            char ki[KP];
            kidx(ki, kk, i);
            if (!json_is_string(json_array_get(order, i))) {
                kerr(x, ki, "must be a criterion id");
                goto fail;
            }
            if (push_id(x, ws, json_string_value(json_array_get(order, i)), i, 1))
                goto fail;
        }
        size_t n = ws->n;
        kjoin(kk, k, "matrix");
        json_t *mat = json_object_get(w, "matrix");
        if (!json_is_array(mat) || json_array_size(mat) != n) {
            kerr(x, kk, "must be a square array of %zu rows, one per id in order", n);
            goto fail;
        }
        ws->matrix = pv_calloc(n * n, sizeof(double));
        if (!ws->matrix) {
            pv_err_nomem(x->err);
            goto fail;
        }
        for (size_t i = 0; i < n; i++) {
            json_t *row = json_array_get(mat, i);
            char ki[KP];
            kidx(ki, kk, i);
            if (!json_is_array(row) || json_array_size(row) != n) {
                kerr(x, ki, "must have %zu entries (the matrix must be square)", n);
                goto fail;
            }
            for (size_t j = 0; j < n; j++) {
                char kj[KP];
                kidx(kj, ki, j);
                if (ahp_entry(json_array_get(row, j), &ws->matrix[i * n + j])) {
                    kerr(x, kj, "must be a positive number or a fraction such as \"1/3\"");
                    goto fail;
                }
            }
        }
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++) {
                double a = ws->matrix[i * n + j], b = ws->matrix[j * n + i];
                if ((i == j && fabs(a - 1) > 1e-3) || fabs(a * b - 1) > 1e-3 * (1 + fabs(a))) {
                    char ki[KP], kj[KP];
                    kidx(ki, kk, i);
                    kidx(kj, ki, j);
                    kerr(x, kj,
                         i == j ? "the diagonal must be 1"
                                : "is not reciprocal: a[i][j] × a[j][i] must be 1 (within 1e-3)");
                    goto fail;
                }
            }
    } else {
        kjoin(kk, k, "method");
        kerr(x, kk, "unknown weighting method '%s' (direct, rank, swing, ahp)", method);
        goto fail;
    }
    *m = ws->method;
    *out = ws;
    return 0;
fail:
    pv_wspec_free(ws);
    return -1;
}

static pv_criterion *parse_criterion(ctx *x, const char *id, json_t *v, const char *kp,
                                     pv_criterion *parent, pv_model *m, int depth);

static int parse_criteria_obj(ctx *x, json_t *obj, const char *kp, pv_criterion *parent,
                              pv_model *m, pv_criterion ***out, size_t *nout, int depth)
{
    if (!json_is_object(obj) || json_object_size(obj) == 0) {
        kerr(x, kp, "must be a non-empty object of criteria keyed by id");
        return -1;
    }
    if (depth > 32) {
        kerr(x, kp, "criteria are nested deeper than 32 levels");
        return -1;
    }
    const char *key;
    json_t *val;
    json_object_foreach(obj, key, val)
    {
        char k[KP];
        kjoin(k, kp, key);
        pv_criterion *c = parse_criterion(x, key, val, k, parent, m, depth + 1);
        if (!c)
            return -1;
        if (push_ptr((void ***)out, nout, c)) {
            pv_err_nomem(x->err);
            return -1;
        }
    }
    return 0;
}

static int valid_id(const char *s)
{
    if (!s[0])
        return 0;
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '.')
            return 0;
    return 1;
}

static pv_criterion *parse_criterion(ctx *x, const char *id, json_t *v, const char *kp,
                                     pv_criterion *parent, pv_model *m, int depth)
{
    if (!json_is_object(v)) {
        kerr(x, kp, "must be an object, not %s", type_name(v));
        return NULL;
    }
    if (!valid_id(id)) {
        kerr(x, kp, "criterion id must be non-empty, without '.' or control characters");
        return NULL;
    }
    pv_criterion *c = pv_calloc(1, sizeof *c);
    if (!c) {
        pv_err_nomem(x->err);
        return NULL;
    }
    c->parent = parent;
    c->field.col = -1;
    if (!(c->id = dup_or_nomem(x, id)) || !(c->path = dup_or_nomem(x, kp)))
        goto fail;
    if (push_ptr((void ***)&m->all, &m->nall, c)) {
        pv_err_nomem(x->err);
        goto fail_nolist;
    }
    char k[KP];
    json_t *label = json_object_get(v, "label");
    if (label) {
        kjoin(k, kp, "label");
        if (json_is_string(label)) {
            c->label_sv = dup_or_nomem(x, json_string_value(label));
            c->label_en = dup_or_nomem(x, json_string_value(label));
        } else if (json_is_object(label)) {
            const char *sv = get_str(x, label, "sv", k, 0);
            const char *en = get_str(x, label, "en", k, 0);
            if (pv_failed(x->err))
                return NULL;
            c->label_sv = dup_or_nomem(x, sv ? sv : en ? en : id);
            c->label_en = dup_or_nomem(x, en ? en : sv ? sv : id);
        } else {
            kerr(x, k, "must be a string or {\"sv\": …, \"en\": …}");
            return NULL;
        }
    } else {
        c->label_sv = dup_or_nomem(x, id);
        c->label_en = dup_or_nomem(x, id);
    }
    const char *src = get_str(x, v, "source", kp, 0);
    c->source = dup_or_nomem(x, src ? src : "");
    if (pv_failed(x->err))
        return NULL;
    pv_wmethod pm = parent ? parent->child_method : m->top_method;
    int rc = get_num(x, v, "weight", kp, &c->weight);
    if (rc < 0)
        return NULL;
    if (rc == 0 && pm == PV_W_DIRECT) {
        kjoin(k, kp, "weight");
        kerr(x, k, "is required");
        return NULL;
    }
    if (c->weight < 0) {
        kjoin(k, kp, "weight");
        kerr(x, k, "must be >= 0, not %g", c->weight);
        return NULL;
    }
    json_t *wr = json_object_get(v, "weight_range");
    if (wr) {
        kjoin(k, kp, "weight_range");
        if (!json_is_array(wr) || json_array_size(wr) != 2 ||
            !json_is_number(json_array_get(wr, 0)) || !json_is_number(json_array_get(wr, 1))) {
            kerr(x, k, "must be [lo, hi]");
            return NULL;
        }
        c->range_lo = json_number_value(json_array_get(wr, 0));
        c->range_hi = json_number_value(json_array_get(wr, 1));
        if (!(c->range_lo >= 0) || !(c->range_hi >= c->range_lo) || !isfinite(c->range_hi)) {
            kerr(x, k, "must satisfy 0 <= lo <= hi");
            return NULL;
        }
        c->has_range = 1;
    }
    json_t *children = json_object_get(v, "children");
    json_t *column = json_object_get(v, "column");
    if (children && column) {
        kerr(x, kp, "has both children and column; a criterion is either a parent or a leaf");
        return NULL;
    }
    if (children) {
        if (parse_weighting(x, v, kp, &c->child_method, &c->child_wspec))
            return NULL;
        kjoin(k, kp, "children");
        if (parse_criteria_obj(x, children, k, c, m, &c->children, &c->nchildren, depth))
            return NULL;
        kjoin(k, kp, "weighting");
        if (pv_weighting_apply(c->children, c->nchildren, c->child_wspec, &c->lambda_max, &c->ci,
                               &c->cr, x->file, k, x->err))
            return NULL;
        return c;
    }
    if (json_object_get(v, "weighting")) {
        kjoin(k, kp, "weighting");
        kerr(x, k, "belongs to a criterion with children");
        return NULL;
    }
    /* leaf */
    c->is_leaf = 1;
    const char *col = get_str(x, v, "column", kp, 1);
    if (!col)
        return NULL;
    kjoin(k, kp, "column");
    if (parse_field(x, col, k, &c->field))
        return NULL;
    kjoin(k, kp, "value");
    json_t *val = json_object_get(v, "value");
    if (!val) {
        kerr(x, k, "is required for a leaf criterion");
        return NULL;
    }
    if (parse_value(x, val, k, &c->vf))
        return NULL;
    const char *agg = get_str(x, v, "aggregate", kp, 0);
    if (pv_failed(x->err))
        return NULL;
    c->agg = PV_AGG_MIN;
    if (agg) {
        if (!strcmp(agg, "min"))
            c->agg = PV_AGG_MIN;
        else if (!strcmp(agg, "max"))
            c->agg = PV_AGG_MAX;
        else if (!strcmp(agg, "mean"))
            c->agg = PV_AGG_MEAN;
        else {
            kjoin(k, kp, "aggregate");
            kerr(x, k, "must be min, max or mean, not '%s'", agg);
            return NULL;
        }
    }
    rc = get_num(x, v, "missing", kp, &c->missing);
    if (rc < 0)
        return NULL;
    if (rc == 1) {
        if (c->missing < 0 || c->missing > 1) {
            kjoin(k, kp, "missing");
            kerr(x, k, "must be a value in [0, 1], not %g", c->missing);
            return NULL;
        }
        c->has_missing = 1;
    }
    c->leaf_index = m->nleaves;
    if (push_ptr((void ***)&m->leaves, &m->nleaves, c)) {
        pv_err_nomem(x->err);
        return NULL;
    }
    return c;
fail:
    pv_err_nomem(x->err);
fail_nolist:
    crit_free(c);
    return NULL;
}

static void cond_free(pv_cond *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nkids; i++)
        cond_free(c->kids[i]);
    pv_free(c->kids);
    field_free(&c->field);
    pv_free(c->str);
    for (size_t i = 0; i < c->nlist; i++)
        pv_free(c->list_str[i]);
    pv_free(c->list_str);
    pv_free(c->list_num);
    pv_free(c->list_is_num);
    pv_free(c);
}

static const struct {
    const char *name;
    pv_op op;
} OPS[] = {{"<", PV_OP_LT},       {"<=", PV_OP_LE},          {">", PV_OP_GT},
           {">=", PV_OP_GE},      {"==", PV_OP_EQ},          {"!=", PV_OP_NE},
           {"in", PV_OP_IN},      {"not_in", PV_OP_NOT_IN},  {"missing", PV_OP_MISSING},
           {"present", PV_OP_PRESENT}};

static pv_cond *parse_cond(ctx *x, json_t *v, const char *kp, int depth, int *per_partner)
{
    if (!json_is_object(v)) {
        kerr(x, kp, "must be a condition object ({\"field\", \"op\", \"value\"} or all/any/not)");
        return NULL;
    }
    if (depth > 64) {
        kerr(x, kp, "conditions are nested deeper than 64 levels");
        return NULL;
    }
    pv_cond *c = pv_calloc(1, sizeof *c);
    if (!c) {
        pv_err_nomem(x->err);
        return NULL;
    }
    c->field.col = -1;
    char k[KP];
    json_t *all = json_object_get(v, "all"), *any = json_object_get(v, "any"),
           *not = json_object_get(v, "not"), *field = json_object_get(v, "field");
    int kinds = !!all + !!any + !!not + !!field;
    if (kinds != 1) {
        kerr(x, kp, "must have exactly one of field, all, any, not");
        goto fail;
    }
    if (all || any) {
        c->kind = all ? PV_COND_ALL : PV_COND_ANY;
        json_t *arr = all ? all : any;
        kjoin(k, kp, all ? "all" : "any");
        if (!json_is_array(arr) || json_array_size(arr) == 0) {
            kerr(x, k, "must be a non-empty array of conditions");
            goto fail;
        }
        c->kids = pv_calloc(json_array_size(arr), sizeof *c->kids);
        if (!c->kids) {
            pv_err_nomem(x->err);
            goto fail;
        }
        for (size_t i = 0; i < json_array_size(arr); i++) {
            char ki[KP];
            kidx(ki, k, i);
            if (!(c->kids[i] = parse_cond(x, json_array_get(arr, i), ki, depth + 1, per_partner)))
                goto fail;
            c->nkids++;
        }
        return c;
    }
    if (not) {
        c->kind = PV_COND_NOT;
        kjoin(k, kp, "not");
        c->kids = pv_calloc(1, sizeof *c->kids);
        if (!c->kids) {
            pv_err_nomem(x->err);
            goto fail;
        }
        if (!(c->kids[0] = parse_cond(x, not, k, depth + 1, per_partner)))
            goto fail;
        c->nkids = 1;
        return c;
    }
    c->kind = PV_COND_CMP;
    kjoin(k, kp, "field");
    if (!json_is_string(field)) {
        kerr(x, k, "must be a string");
        goto fail;
    }
    if (parse_field(x, json_string_value(field), k, &c->field))
        goto fail;
    if (c->field.scope != PV_SCOPE_PROJECT)
        *per_partner = 1;
    const char *op = get_str(x, v, "op", kp, 1);
    if (!op)
        goto fail;
    size_t i;
    for (i = 0; i < sizeof OPS / sizeof OPS[0]; i++)
        if (!strcmp(OPS[i].name, op))
            break;
    kjoin(k, kp, "op");
    if (i == sizeof OPS / sizeof OPS[0]) {
        kerr(x, k, "unknown operator '%s' (use < <= > >= == != in not_in missing present)", op);
        goto fail;
    }
    c->op = OPS[i].op;
    json_t *val = json_object_get(v, "value");
    kjoin(k, kp, "value");
    if (c->op == PV_OP_MISSING || c->op == PV_OP_PRESENT) {
        if (val) {
            kerr(x, k, "is not used with '%s'; remove it", op);
            goto fail;
        }
        return c;
    }
    if (!val) {
        kerr(x, k, "is required with '%s'", op);
        goto fail;
    }
    if (c->op == PV_OP_IN || c->op == PV_OP_NOT_IN) {
        if (!json_is_array(val) || json_array_size(val) == 0) {
            kerr(x, k, "must be a non-empty array with '%s'", op);
            goto fail;
        }
        size_t n = json_array_size(val);
        c->list_str = pv_calloc(n, sizeof(char *));
        c->list_num = pv_calloc(n, sizeof(double));
        c->list_is_num = pv_calloc(n, sizeof(int));
        if (!c->list_str || !c->list_num || !c->list_is_num) {
            pv_err_nomem(x->err);
            goto fail;
        }
        for (size_t j = 0; j < n; j++) {
            json_t *e = json_array_get(val, j);
            char kj[KP];
            kidx(kj, k, j);
            if (json_is_string(e)) {
                if (!(c->list_str[j] = dup_or_nomem(x, json_string_value(e))))
                    goto fail;
            } else if (json_is_number(e) && isfinite(json_number_value(e))) {
                c->list_is_num[j] = 1;
                c->list_num[j] = json_number_value(e);
            } else {
                kerr(x, kj, "must be a string or a number");
                goto fail;
            }
            c->nlist++;
        }
        return c;
    }
    if (json_is_number(val)) {
        if (!isfinite(json_number_value(val))) {
            kerr(x, k, "must be finite");
            goto fail;
        }
        c->val_is_num = 1;
        c->num = json_number_value(val);
    } else if (json_is_string(val)) {
        if (c->op != PV_OP_EQ && c->op != PV_OP_NE) {
            kerr(x, k, "must be a number with '%s'", op);
            goto fail;
        }
        if (!(c->str = dup_or_nomem(x, json_string_value(val))))
            goto fail;
    } else {
        kerr(x, k, "must be a number or a string, not %s", type_name(val));
        goto fail;
    }
    return c;
fail:
    cond_free(c);
    return NULL;
}

void pv_model_free(pv_model *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->nall; i++)
        crit_free(m->all[i]);
    pv_free(m->top);
    pv_free(m->leaves);
    pv_free(m->all);
    pv_wspec_free(m->top_wspec);
    for (size_t i = 0; i < m->nrules; i++) {
        pv_free(m->rules[i].id);
        pv_free(m->rules[i].because);
        pv_free(m->rules[i].source);
        cond_free(m->rules[i].cond);
    }
    pv_free(m->rules);
    pv_free(m->path);
    pv_free(m->name);
    pv_free(m->source);
    pv_free(m->language);
    pv_free(m);
}

static pv_model *parse_model(ctx *x, json_t *root, const char *kp, const char *path)
{
    if (!json_is_object(root)) {
        kerr(x, kp[0] ? kp : "(root)", "the model must be a JSON object");
        return NULL;
    }
    pv_model *m = pv_calloc(1, sizeof *m);
    if (!m) {
        pv_err_nomem(x->err);
        return NULL;
    }
    if (!(m->path = dup_or_nomem(x, path)))
        goto fail;
    const char *name = get_str(x, root, "name", kp, 1);
    const char *source = get_str(x, root, "source", kp, 0);
    const char *lang = get_str(x, root, "language", kp, 0);
    if (pv_failed(x->err))
        goto fail;
    char k[KP];
    if (lang && strcmp(lang, "sv") && strcmp(lang, "en")) {
        kjoin(k, kp, "language");
        kerr(x, k, "must be \"sv\" or \"en\"");
        goto fail;
    }
    m->name = dup_or_nomem(x, name);
    m->source = dup_or_nomem(x, source ? source : "");
    m->language = dup_or_nomem(x, lang ? lang : "sv");
    if (pv_failed(x->err))
        goto fail;
    if (parse_weighting(x, root, kp, &m->top_method, &m->top_wspec))
        goto fail;
    kjoin(k, kp, "criteria");
    json_t *crit = json_object_get(root, "criteria");
    if (!crit) {
        kerr(x, k, "is required");
        goto fail;
    }
    if (parse_criteria_obj(x, crit, k, NULL, m, &m->top, &m->ntop, 0))
        goto fail;
    kjoin(k, kp, "weighting");
    if (pv_weighting_apply(m->top, m->ntop, m->top_wspec, &m->top_lambda_max, &m->top_ci,
                           &m->top_cr, x->file, k, x->err))
        goto fail;
    for (size_t i = 0; i < m->nall; i++)
        for (size_t j = 0; j < i; j++)
            if (!strcmp(m->all[i]->id, m->all[j]->id)) {
                kerr(x, m->all[i]->path, "criterion id '%s' is used twice (also %s)",
                     m->all[i]->id, m->all[j]->path);
                goto fail;
            }
    json_t *rules = json_object_get(root, "rules");
    if (rules) {
        kjoin(k, kp, "rules");
        if (!json_is_object(rules)) {
            kerr(x, k, "must be an object of rules keyed by id");
            goto fail;
        }
        m->rules = pv_calloc(json_object_size(rules) + 1, sizeof *m->rules);
        if (!m->rules) {
            pv_err_nomem(x->err);
            goto fail;
        }
        const char *key;
        json_t *val;
        json_object_foreach(rules, key, val)
        {
            char kr[KP], ki[KP];
            kjoin(kr, k, key);
            pv_rule *r = &m->rules[m->nrules++];
            if (!valid_id(key)) {
                kerr(x, kr, "rule id must be non-empty, without '.' or control characters");
                goto fail;
            }
            if (!json_is_object(val)) {
                kerr(x, kr, "must be an object with if, then, because");
                goto fail;
            }
            r->id = dup_or_nomem(x, key);
            const char *then = get_str(x, val, "then", kr, 1);
            const char *because = get_str(x, val, "because", kr, 1);
            const char *rsrc = get_str(x, val, "source", kr, 0);
            if (pv_failed(x->err))
                goto fail;
            if (!strcmp(then, "exclude"))
                r->action = PV_ACT_EXCLUDE;
            else if (!strcmp(then, "flag"))
                r->action = PV_ACT_FLAG;
            else {
                kjoin(ki, kr, "then");
                kerr(x, ki, "must be \"exclude\" or \"flag\", not '%s'", then);
                goto fail;
            }
            r->because = dup_or_nomem(x, because);
            r->source = dup_or_nomem(x, rsrc ? rsrc : "");
            kjoin(ki, kr, "if");
            json_t *cond = json_object_get(val, "if");
            if (!cond) {
                kerr(x, ki, "is required");
                goto fail;
            }
            if (!(r->cond = parse_cond(x, cond, ki, 0, &r->per_partner)))
                goto fail;
        }
    }
    return m;
fail:
    pv_model_free(m);
    return NULL;
}

/* ------------------------------------------------------------------- case */

static char *dirname_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return pv_strdup(".");
    if (slash == path)
        return pv_strdup("/");
    return pv_strndup(path, (size_t)(slash - path));
}

static char *join_path(const char *dir, const char *rel)
{
    if (rel[0] == '/' || !strcmp(dir, "."))
        return pv_strdup(rel);
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = pv_malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

static int add_input(pv_case *c, const char *path)
{
    char *d = pv_strdup(path);
    if (!d || push_ptr((void ***)&c->inputs, &c->ninputs, d)) {
        pv_free(d);
        return -1;
    }
    return 0;
}

static void constraint_free(pv_constraint *k)
{
    pv_free(k->id);
    pv_free(k->label);
    pv_free(k->column);
    pv_free(k->value);
    pv_free(k->projects);
    pv_free(k->out);
}

void pv_case_free(pv_case *c)
{
    if (!c)
        return;
    /* proj_partners is sized by the projects table: free it first. */
    if (c->proj_partners && c->projects)
        for (size_t j = 0; j < c->projects->nrows; j++)
            pv_free(c->proj_partners[j]);
    pv_model_free(c->model);
    pv_table_free(c->projects);
    pv_table_free(c->partners);
    pv_table_free(c->countries);
    for (size_t i = 0; i < c->ninputs; i++)
        pv_free(c->inputs[i]);
    pv_free(c->inputs);
    for (size_t i = 0; i < c->nres; i++) {
        pv_free(c->res[i].id);
        pv_free(c->res[i].column);
        pv_free(c->res[i].partner_column);
        pv_free(c->res[i].a);
        pv_free(c->res[i].f);
    }
    pv_free(c->res);
    for (size_t i = 0; i < c->ncons; i++)
        constraint_free(&c->cons[i]);
    pv_free(c->cons);
    pv_free(c->proj_partners);
    pv_free(c->proj_npartners);
    pv_free(c->partner_country);
    pv_free(c->partner_dist);
    pv_free(c->partner_active);
    pv_free(c->part_sorted);
    pv_free(c->ctry_sorted);
    for (size_t i = 0; i < c->nlabels; i++) {
        pv_free(c->labels[i].column);
        pv_free(c->labels[i].value);
        pv_free(c->labels[i].sv);
        pv_free(c->labels[i].en);
    }
    pv_free(c->labels);
    pv_free(c->path);
    pv_free(c->dir);
    pv_free(c->name);
    pv_free(c);
}

static pv_table *load_table(ctx *x, pv_case *c, json_t *data, const char *key, int required)
{
    char k[KP];
    kjoin(k, "data", key);
    json_t *v = json_object_get(data, key);
    if (!v) {
        if (required)
            kerr(x, k, "is required");
        return NULL;
    }
    if (!json_is_string(v) || !json_string_value(v)[0]) {
        kerr(x, k, "must be a path (string), relative to the case file's folder");
        return NULL;
    }
    char *p = join_path(c->dir, json_string_value(v));
    if (!p || add_input(c, p)) {
        pv_free(p);
        pv_err_nomem(x->err);
        return NULL;
    }
    pv_table *t = pv_table_load(p, x->err);
    pv_free(p);
    return t;
}

typedef struct id_ctx {
    const pv_table *t;
    size_t col;
} id_ctx;

static int id_cmp(size_t a, size_t b, const void *vctx)
{
    const id_ctx *x = vctx;
    return strcmp(pv_cell(x->t, a, x->col), pv_cell(x->t, b, x->col));
}

/* Ids are references in reports and in the MILP: non-empty, unique, printable. */
static int check_ids(pv_error *err, const pv_table *t, int col, const char *what,
                     size_t **sorted_out)
{
    for (size_t r = 0; r < t->nrows; r++) {
        const char *id = pv_cell(t, r, (size_t)col);
        if (!id[0]) {
            pv_err(err, PV_EINPUT, t->path, t->row_line[r], col + 1, "%s id is empty", what);
            return -1;
        }
        if (has_ctrl(id)) {
            pv_err(err, PV_EINPUT, t->path, t->row_line[r], col + 1,
                   "%s id contains a control character", what);
            return -1;
        }
        if (strlen(id) > 200) {
            pv_err(err, PV_EINPUT, t->path, t->row_line[r], col + 1,
                   "%s id is longer than 200 bytes", what);
            return -1;
        }
    }
    /* Sort row indices by id to find duplicates in n log n. */
    size_t n = t->nrows;
    size_t *idx = pv_calloc(n ? n : 1, sizeof *idx);
    id_ctx ic = {t, (size_t)col};
    if (idx)
        for (size_t i = 0; i < n; i++)
            idx[i] = i;
    if (!idx || pv_sort_idx(idx, n, id_cmp, &ic)) {
        pv_free(idx);
        pv_err_nomem(err);
        return -1;
    }
    int rc = 0;
    for (size_t i = 1; i < n; i++)
        if (!strcmp(pv_cell(t, idx[i], (size_t)col), pv_cell(t, idx[i - 1], (size_t)col))) {
            size_t first = idx[i] < idx[i - 1] ? idx[i] : idx[i - 1];
            size_t second = idx[i] < idx[i - 1] ? idx[i - 1] : idx[i];
            pv_err(err, PV_EINPUT, t->path, t->row_line[second], col + 1,
                   "duplicate %s id '%s' (first on line %d)", what, pv_cell(t, second, (size_t)col),
                   t->row_line[first]);
            rc = -1;
            break;
        }
    if (rc == 0 && sorted_out) {
        *sorted_out = idx;
        idx = NULL;
    }
    pv_free(idx);
    return rc;
}

static int yes(const char *s)
{
    return pv_str_eq_trim(s, "yes") || pv_str_eq_trim(s, "Yes") || pv_str_eq_trim(s, "YES") ||
           pv_str_eq_trim(s, "ja") || pv_str_eq_trim(s, "Ja") || pv_str_eq_trim(s, "true") ||
           pv_str_eq_trim(s, "1");
}

static double haversine(double lat1, double lon1, double lat2, double lon2)
{
    const double R = 6371.0, d2r = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * d2r, dlon = (lon2 - lon1) * d2r;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * d2r) * cos(lat2 * d2r) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * R * asin(sqrt(a < 1 ? a : 1));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A shared partners.csv may list several municipalities' agreements. When
 * both files have a `municipality` column, an agreement is this case's own
 * (to keep or to review) only if it names a municipality of its projects.
 * The projects' municipalities are collected and sorted once, so the check
 * stays n log n whatever the files hold. */
static int own_agreements(ctx *x, pv_case *c)
{
    int pm = pv_table_col(c->partners, "municipality");
    int jm = pv_table_col(c->projects, "municipality");
    if (pm < 0 || jm < 0)
        return 0;
    char **all = NULL;
    size_t nall = 0, cap = 0;
    int oom = 0;
    for (size_t j = 0; j < c->projects->nrows && !oom; j++) {
        size_t ni;
        const char *cell = pv_cell(c->projects, j, (size_t)jm);
        char **it = pv_split_list(cell, &ni);
        if (!it) {
            oom = !pv_is_blank(cell);
            continue;
        }
        if (pv_grow((void **)&all, &cap, nall + ni + 1, sizeof(char *))) {
            pv_free_list(it, ni);
            oom = 1;
            break;
        }
        for (size_t i = 0; i < ni; i++)
            all[nall++] = it[i];
        pv_free(it); /* the items now belong to all[] */
    }
    if (!oom && nall)
        qsort(all, nall, sizeof *all, cmp_str);
    for (size_t p = 0; p < c->partners->nrows && !oom; p++) {
        if (!c->partner_active[p])
            continue;
        size_t ni;
        const char *cell = pv_cell(c->partners, p, (size_t)pm);
        char **it = pv_split_list(cell, &ni);
        if (!it && !pv_is_blank(cell)) {
            oom = 1;
            break;
        }
        int own = 0;
        for (size_t i = 0; i < ni && !own; i++)
            own = nall && bsearch(&it[i], all, nall, sizeof *all, cmp_str) != NULL;
        pv_free_list(it, ni);
        c->partner_active[p] = own;
    }
    pv_free_list(all, nall);
    if (oom) {
        pv_err_nomem(x->err);
        return -1;
    }
    return 0;
}

static int link_partners(ctx *x, pv_case *c, size_t *seen);


/* Hash-free id lookup: partners are few (hundreds), projects' partner lists short. */
static int resolve_partners(ctx *x, pv_case *c)
{
    pv_table *P = c->projects, *Q = c->partners;
    size_t n = P->nrows;
    c->proj_partners = pv_calloc(n ? n : 1, sizeof *c->proj_partners);
    c->proj_npartners = pv_calloc(n ? n : 1, sizeof *c->proj_npartners);
    if (!c->proj_partners || !c->proj_npartners) {
        pv_err_nomem(x->err);
        return -1;
    }
    if (Q) {
        size_t np = Q->nrows;
        c->partner_country = pv_calloc(np ? np : 1, sizeof(long));
        c->partner_dist = pv_calloc(np ? np : 1, sizeof(double));
        c->partner_active = pv_calloc(np ? np : 1, sizeof(int));
        if (!c->partner_country || !c->partner_dist || !c->partner_active) {
            pv_err_nomem(x->err);
            return -1;
        }
        for (size_t p = 0; p < np; p++) {
            c->partner_country[p] = -1;
            c->partner_dist[p] = NAN;
            if (c->part_active_col >= 0)
                c->partner_active[p] = yes(pv_cell(Q, p, (size_t)c->part_active_col));
            if (c->part_country_col >= 0 && c->countries) {
                const char *code = pv_cell(Q, p, (size_t)c->part_country_col);
                if (code[0]) {
                    long r = pv_table_find_sorted(c->countries, c->ctry_code_col, c->ctry_sorted, code);
                    if (r < 0) {
                        pv_err(x->err, PV_EINPUT, Q->path, Q->row_line[p], c->part_country_col + 1,
                               "partner '%s' has country '%s', which is not in %s",
                               pv_cell(Q, p, (size_t)c->part_id_col), code, c->countries->path);
                        return -1;
                    }
                    c->partner_country[p] = r;
                }
            }
            if (c->has_home && c->part_lat_col >= 0 && c->part_lon_col >= 0) {
                const char *la = pv_cell(Q, p, (size_t)c->part_lat_col);
                const char *lo = pv_cell(Q, p, (size_t)c->part_lon_col);
                if (!pv_is_blank(la) || !pv_is_blank(lo)) {
                    double lat, lon;
                    if (pv_table_number(Q, p, (size_t)c->part_lat_col, &lat, x->err) ||
                        pv_table_number(Q, p, (size_t)c->part_lon_col, &lon, x->err))
                        return -1;
                    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                        pv_err(x->err, PV_EINPUT, Q->path, Q->row_line[p], c->part_lat_col + 1,
                               "lat/lon (%g, %g) is not a position on Earth", lat, lon);
                        return -1;
                    }
                    c->partner_dist[p] = haversine(c->home_lat, c->home_lon, lat, lon);
                }
            }
        }
    }
    if (Q && own_agreements(x, c))
        return -1;
    if (c->proj_partners_col < 0)
        return 0;
    size_t *seen = Q ? pv_malloc((Q->nrows + 1) * sizeof(size_t)) : NULL;
    if (Q && !seen) {
        pv_err_nomem(x->err);
        return -1;
    }
    for (size_t p = 0; Q && p < Q->nrows; p++)
        seen[p] = (size_t)-1;
    int rc = link_partners(x, c, seen);
    pv_free(seen);
    return rc;
}

static int link_partners(ctx *x, pv_case *c, size_t *seen)
{
    pv_table *P = c->projects, *Q = c->partners;
    size_t n = P->nrows;
    for (size_t j = 0; j < n; j++) {
        const char *cell = pv_cell(P, j, (size_t)c->proj_partners_col);
        if (pv_is_blank(cell))
            continue;
        if (!Q) {
            pv_err(x->err, PV_EINPUT, P->path, P->row_line[j], c->proj_partners_col + 1,
                   "project names partners but the case has no data.partners file");
            return -1;
        }
        size_t ni;
        char **items = pv_split_list(cell, &ni);
        if (!items) {
            pv_err_nomem(x->err);
            return -1;
        }
        c->proj_partners[j] = pv_calloc(ni ? ni : 1, sizeof(size_t));
        if (!c->proj_partners[j]) {
            pv_free_list(items, ni);
            pv_err_nomem(x->err);
            return -1;
        }
        for (size_t i = 0; i < ni; i++) {
            long r = pv_case_partner_index(c, items[i]);
            if (r < 0) {
                pv_err(x->err, PV_EINPUT, P->path, P->row_line[j], c->proj_partners_col + 1,
                       "project '%s' names unknown partner '%s' (not in %s)",
                       pv_cell(P, j, (size_t)c->proj_id_col), items[i], Q->path);
                pv_free_list(items, ni);
                return -1;
            }
            /* seen[] makes a long hostile list linear, not quadratic */
            if (seen[r] != j) {
                seen[r] = j;
                c->proj_partners[j][c->proj_npartners[j]++] = (size_t)r;
            }
        }
        pv_free_list(items, ni);
    }
    return 0;
}

static int resolve_field(ctx *x, pv_case *c, pv_field *f, const char *kp)
{
    const pv_table *t = f->scope == PV_SCOPE_PROJECT   ? c->projects
                        : f->scope == PV_SCOPE_PARTNER ? c->partners
                                                       : c->countries;
    const char *what = f->scope == PV_SCOPE_PROJECT   ? "projects"
                       : f->scope == PV_SCOPE_PARTNER ? "partners"
                                                      : "countries";
    if (!t) {
        kerr(x, kp, "'%s' needs data.%s in the case", f->text, what);
        return -1;
    }
    f->col = pv_table_col(t, f->name);
    if (f->col >= 0)
        return 0;
    if (f->scope == PV_SCOPE_PARTNER && !strcmp(f->name, "distance_km")) {
        if (!c->has_home || c->part_lat_col < 0 || c->part_lon_col < 0) {
            kerr(x, kp,
                 "partner.distance_km needs \"home\": {\"lat\", \"lon\"} in the case and lat/lon "
                 "columns in %s",
                 t->path);
            return -1;
        }
        f->col = PV_COL_DISTANCE;
        return 0;
    }
    kerr(x, kp, "no column '%s' in %s", f->name, t->path);
    return -1;
}

static int resolve_cond(ctx *x, pv_case *c, pv_cond *k, const char *kp)
{
    if (k->kind == PV_COND_CMP)
        return resolve_field(x, c, &k->field, kp);
    for (size_t i = 0; i < k->nkids; i++)
        if (resolve_cond(x, c, k->kids[i], kp))
            return -1;
    return 0;
}

static int parse_resources(ctx *x, pv_case *c, json_t *res)
{
    if (!res)
        return 0;
    if (!json_is_object(res)) {
        kerr(x, "resources", "must be an object of resources keyed by id");
        return -1;
    }
    c->res = pv_calloc(json_object_size(res) + 1, sizeof *c->res);
    if (!c->res) {
        pv_err_nomem(x->err);
        return -1;
    }
    const char *key;
    json_t *val;
    json_object_foreach(res, key, val)
    {
        char k[KP], kk[KP];
        kjoin(k, "resources", key);
        pv_resource *r = &c->res[c->nres++];
        r->col = r->pcol = -1;
        if (!valid_id(key)) {
            kerr(x, k, "resource id must be non-empty, without '.' or control characters");
            return -1;
        }
        if (!json_is_object(val)) {
            kerr(x, k, "must be an object with column and limit");
            return -1;
        }
        r->id = dup_or_nomem(x, key);
        const char *col = get_str(x, val, "column", k, 1);
        const char *pcol = get_str(x, val, "partner_column", k, 0);
        if (pv_failed(x->err))
            return -1;
        r->column = dup_or_nomem(x, col);
        r->partner_column = dup_or_nomem(x, pcol);
        if (pv_failed(x->err)) /* out of memory: a NULL column would read as "none" */
            return -1;
        int rc = get_num(x, val, "limit", k, &r->limit);
        if (rc < 0)
            return -1;
        kjoin(kk, k, "limit");
        if (rc == 0) {
            kerr(x, kk, "is required");
            return -1;
        }
        if (r->limit < 0) {
            kerr(x, kk, "must be >= 0, not %g", r->limit);
            return -1;
        }
        r->col = pv_table_col(c->projects, col);
        if (r->col < 0) {
            kjoin(kk, k, "column");
            kerr(x, kk, "no column '%s' in %s", col, c->projects->path);
            return -1;
        }
        size_t n = c->projects->nrows;
        r->a = pv_calloc(n ? n : 1, sizeof(double));
        size_t np = c->partners ? c->partners->nrows : 0;
        r->f = pv_calloc(np ? np : 1, sizeof(double));
        if (!r->a || !r->f) {
            pv_err_nomem(x->err);
            return -1;
        }
        for (size_t j = 0; j < n; j++) {
            if (pv_is_blank(pv_cell(c->projects, j, (size_t)r->col)))
                continue; /* documented: an empty resource cell uses none */
            if (pv_table_number(c->projects, j, (size_t)r->col, &r->a[j], x->err))
                return -1;
            if (r->a[j] < 0) {
                pv_err(x->err, PV_EINPUT, c->projects->path, c->projects->row_line[j], r->col + 1,
                       "column '%s': resource values must be >= 0, not %s", col,
                       pv_cell(c->projects, j, (size_t)r->col));
                return -1;
            }
        }
        if (pcol && c->partners) {
            r->pcol = pv_table_col(c->partners, pcol);
            if (r->pcol < 0) {
                kjoin(kk, k, "partner_column");
                kerr(x, kk, "no column '%s' in %s", pcol, c->partners->path);
                return -1;
            }
            for (size_t p = 0; p < np; p++) {
                if (pv_is_blank(pv_cell(c->partners, p, (size_t)r->pcol)))
                    continue;
                if (pv_table_number(c->partners, p, (size_t)r->pcol, &r->f[p], x->err))
                    return -1;
                if (r->f[p] < 0) {
                    pv_err(x->err, PV_EINPUT, c->partners->path, c->partners->row_line[p],
                           r->pcol + 1, "column '%s': resource values must be >= 0, not %s", pcol,
                           pv_cell(c->partners, p, (size_t)r->pcol));
                    return -1;
                }
            }
        }
    }
    return 0;
}

static int project_ref(ctx *x, pv_case *c, json_t *v, const char *kp, size_t *out)
{
    if (!json_is_string(v)) {
        kerr(x, kp, "must be a project id (string)");
        return -1;
    }
    long j = pv_case_project_index(c, json_string_value(v));
    if (j < 0) {
        kerr(x, kp, "unknown project '%s'", json_string_value(v));
        return -1;
    }
    *out = (size_t)j;
    return 0;
}

static int project_list(ctx *x, pv_case *c, json_t *obj, const char *key, const char *kp,
                        size_t **out, size_t *n, int required)
{
    char k[KP];
    kjoin(k, kp, key);
    json_t *arr = json_object_get(obj, key);
    if (!arr) {
        if (required)
            kerr(x, k, "is required");
        return required ? -1 : 0;
    }
    if (!json_is_array(arr)) {
        kerr(x, k, "must be an array of project ids");
        return -1;
    }
    *out = pv_calloc(json_array_size(arr) + 1, sizeof(size_t));
    if (!*out) {
        pv_err_nomem(x->err);
        return -1;
    }
    for (size_t i = 0; i < json_array_size(arr); i++) {
        char ki[KP];
        kidx(ki, k, i);
        if (project_ref(x, c, json_array_get(arr, i), ki, &(*out)[*n]))
            return -1;
        (*n)++;
    }
    return 0;
}

static const char *CTYPES[] = {"count",        "share",        "requires",    "exclusive",
                               "force",        "max_partners", "min_partners"};

static int parse_constraints(ctx *x, pv_case *c, json_t *arr)
{
    if (!arr)
        return 0;
    if (!json_is_array(arr)) {
        kerr(x, "constraints", "must be an array");
        return -1;
    }
    c->cons = pv_calloc(json_array_size(arr) + 1, sizeof *c->cons);
    if (!c->cons) {
        pv_err_nomem(x->err);
        return -1;
    }
    for (size_t i = 0; i < json_array_size(arr); i++) {
        char k[KP], kk[KP];
        kidx(k, "constraints", i);
        json_t *v = json_array_get(arr, i);
        pv_constraint *q = &c->cons[c->ncons++];
        q->col = -1;
        q->resource = -1;
        if (!json_is_object(v)) {
            kerr(x, k, "must be an object with a type");
            return -1;
        }
        const char *type = get_str(x, v, "type", k, 1);
        const char *id = get_str(x, v, "id", k, 0);
        const char *label = get_str(x, v, "label", k, 0);
        if (pv_failed(x->err))
            return -1;
        size_t t;
        for (t = 0; t < sizeof CTYPES / sizeof CTYPES[0]; t++)
            if (!strcmp(type, CTYPES[t]))
                break;
        if (t == sizeof CTYPES / sizeof CTYPES[0]) {
            kjoin(kk, k, "type");
            kerr(x, kk,
                 "unknown constraint type '%s' (count, share, requires, exclusive, force, "
                 "max_partners, min_partners)",
                 type);
            return -1;
        }
        q->type = (pv_ctype)t;
        char gen[64];
        snprintf(gen, sizeof gen, "%s_%zu", type, i + 1);
        if (id && (!valid_id(id) || strlen(id) > 100)) {
            kjoin(kk, k, "id");
            kerr(x, kk, "must be non-empty, at most 100 bytes, without '.' or control characters");
            return -1;
        }
        for (size_t o = 0; id && o + 1 < c->ncons; o++)
            if (!strcmp(c->cons[o].id, id)) {
                kjoin(kk, k, "id");
                kerr(x, kk, "duplicate constraint id '%s'", id);
                return -1;
            }
        q->id = dup_or_nomem(x, id ? id : gen);
        q->label = dup_or_nomem(x, label);
        if (pv_failed(x->err))
            return -1;
        int a = get_num(x, v, "min", k, &q->min), b = get_num(x, v, "max", k, &q->max);
        if (a < 0 || b < 0)
            return -1;
        q->has_min = a == 1;
        q->has_max = b == 1;
        switch (q->type) {
        case PV_C_COUNT:
        case PV_C_SHARE:
        case PV_C_MAX_PARTNERS:
        case PV_C_MIN_PARTNERS: {
            int partner = q->type == PV_C_MAX_PARTNERS || q->type == PV_C_MIN_PARTNERS;
            const char *col = get_str(x, v, "column", k, !partner);
            const char *val = NULL;
            json_t *jv = json_object_get(v, "value");
            kjoin(kk, k, "value");
            if (jv && json_is_string(jv))
                val = json_string_value(jv);
            else if (jv) {
                kerr(x, kk, "must be a string");
                return -1;
            }
            if (pv_failed(x->err))
                return -1;
            if (col && !val) {
                kerr(x, kk, "is required with column");
                return -1;
            }
            if (val && !col) {
                kjoin(kk, k, "column");
                kerr(x, kk, "is required with value");
                return -1;
            }
            const pv_table *tab = partner ? c->partners : c->projects;
            if (col) {
                kjoin(kk, k, "column");
                if (!tab) {
                    kerr(x, kk, "needs data.partners in the case");
                    return -1;
                }
                q->col = pv_table_col(tab, col);
                if (q->col < 0) {
                    kerr(x, kk, "no column '%s' in %s", col, tab->path);
                    return -1;
                }
                q->column = dup_or_nomem(x, col);
                q->value = dup_or_nomem(x, val);
            }
            if (q->type == PV_C_MAX_PARTNERS) {
                if (!q->has_max) {
                    kjoin(kk, k, "max");
                    kerr(x, kk, "is required");
                    return -1;
                }
                q->has_min = 0;
            } else if (q->type == PV_C_MIN_PARTNERS) {
                if (!q->has_min) {
                    kjoin(kk, k, "min");
                    kerr(x, kk, "is required");
                    return -1;
                }
                q->has_max = 0;
            } else if (!q->has_min && !q->has_max) {
                kerr(x, k, "needs min, max or both");
                return -1;
            }
            if (q->type == PV_C_SHARE) {
                const char *res = get_str(x, v, "resource", k, 1);
                if (!res)
                    return -1;
                for (size_t r = 0; r < c->nres; r++)
                    if (!strcmp(c->res[r].id, res))
                        q->resource = (int)r;
                if (q->resource < 0) {
                    kjoin(kk, k, "resource");
                    kerr(x, kk, "unknown resource '%s'", res);
                    return -1;
                }
                if ((q->has_min && (q->min < 0 || q->min > 1)) ||
                    (q->has_max && (q->max < 0 || q->max > 1))) {
                    kerr(x, k, "share min and max must be in [0, 1]");
                    return -1;
                }
            } else if ((q->has_min && q->min < 0) || (q->has_max && q->max < 0)) {
                kerr(x, k, "min and max must be >= 0");
                return -1;
            }
            if (q->has_min && q->has_max && q->min > q->max) {
                kerr(x, k, "min (%g) is greater than max (%g)", q->min, q->max);
                return -1;
            }
            break;
        }
        case PV_C_REQUIRES:
            kjoin(kk, k, "project");
            if (!json_object_get(v, "project")) {
                kerr(x, kk, "is required");
                return -1;
            }
            if (project_ref(x, c, json_object_get(v, "project"), kk, &q->project))
                return -1;
            if (project_list(x, c, v, "needs", k, &q->projects, &q->nprojects, 1))
                return -1;
            break;
        case PV_C_EXCLUSIVE:
            if (project_list(x, c, v, "projects", k, &q->projects, &q->nprojects, 1))
                return -1;
            if (!q->has_max) {
                q->has_max = 1;
                q->max = 1;
            }
            if (q->max < 0) {
                kerr(x, k, "max must be >= 0");
                return -1;
            }
            break;
        case PV_C_FORCE:
            if (project_list(x, c, v, "in", k, &q->projects, &q->nprojects, 0) ||
                project_list(x, c, v, "out", k, &q->out, &q->nout, 0))
                return -1;
            for (size_t a1 = 0; a1 < q->nprojects; a1++)
                for (size_t b1 = 0; b1 < q->nout; b1++)
                    if (q->projects[a1] == q->out[b1]) {
                        kerr(x, k, "project '%s' is forced both in and out",
                             pv_project_id(c, q->out[b1]));
                        return -1;
                    }
            break;
        }
    }
    return 0;
}

/* RFC 7386 JSON merge patch; returns the new target (a new reference). */
static json_t *merge_patch(json_t *target, json_t *patch)
{
    if (!json_is_object(patch))
        return json_incref(patch);
    json_t *t = json_is_object(target) ? json_deep_copy(target) : json_object();
    if (!t)
        return NULL;
    const char *key;
    json_t *val;
    json_object_foreach(patch, key, val)
    {
        if (json_is_null(val)) {
            json_object_del(t, key);
            continue;
        }
        json_t *nv = merge_patch(json_object_get(t, key), val);
        if (!nv || json_object_set_new(t, key, nv)) {
            json_decref(t);
            return NULL;
        }
    }
    return t;
}

struct pv_scenario {
    char *name;
    char *path; /* NULL for --set */
    json_t *patch;
};

void pv_scenario_free(pv_scenario *s)
{
    if (!s)
        return;
    pv_free(s->name);
    pv_free(s->path);
    json_decref(s->patch);
    pv_free(s);
}

const char *pv_scenario_name(const pv_scenario *s) { return s->name; }

pv_scenario *pv_scenario_load(const char *path, pv_error *err)
{
    ctx x = {.file = path, .err = err};
    json_t *root = load_json(path, err);
    if (!root)
        return NULL;
    pv_scenario *s = NULL;
    if (!json_is_object(root)) {
        pv_err(err, PV_EINPUT, path, 0, 0,
               "a scenario must be an object {\"name\": …, \"patch\": {…}}");
        goto done;
    }
    const char *name = get_str(&x, root, "name", "", 1);
    if (!name)
        goto done;
    json_t *patch = json_object_get(root, "patch");
    if (!json_is_object(patch)) {
        kerr(&x, "patch", patch ? "must be an object (an RFC 7386 merge patch)" : "is required");
        goto done;
    }
    s = pv_calloc(1, sizeof *s);
    if (!s || !(s->name = pv_strdup(name)) || !(s->path = pv_strdup(path))) {
        pv_scenario_free(s);
        s = NULL;
        pv_err_nomem(err);
        goto done;
    }
    s->patch = json_incref(patch);
done:
    json_decref(root);
    return s;
}

/* "a.b.c=value": value is JSON when it parses as JSON, else a string. */
pv_scenario *pv_scenario_from_sets(const char *name, const char *const *sets, size_t n,
                                   pv_error *err)
{
    pv_scenario *s = pv_calloc(1, sizeof *s);
    if (!s || !(s->name = pv_strdup(name)) || !(s->patch = json_object())) {
        pv_scenario_free(s);
        pv_err_nomem(err);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const char *eq = strchr(sets[i], '=');
        if (!eq || eq == sets[i]) {
            pv_err(err, PV_EUSAGE, NULL, 0, 0, "--set takes path=value, not '%s'", sets[i]);
            pv_scenario_free(s);
            return NULL;
        }
        unsigned long fails = pv_alloc_failures();
        pv_alloc_json_parsing(1);
        json_t *val = json_loads(eq + 1, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, NULL);
        pv_alloc_json_parsing(0);
        if (!val && pv_alloc_failures() == fails)
            val = json_string(eq + 1);
        if (!val) {
            pv_err_nomem(err);
            pv_scenario_free(s);
            return NULL;
        }
        json_t *obj = s->patch;
        const char *p = sets[i];
        int ok = val != NULL;
        unsigned long fails0 = pv_alloc_failures();
        while (ok) {
            const char *dot = memchr(p, '.', (size_t)(eq - p));
            size_t klen = (size_t)((dot ? dot : eq) - p);
            char *key = pv_strndup(p, klen);
            if (!key || !klen) {
                pv_free(key);
                ok = 0;
                break;
            }
            if (!dot) {
                ok = json_object_set(obj, key, val) == 0;
                pv_free(key);
                break;
            }
            json_t *next = json_object_get(obj, key);
            if (!json_is_object(next)) {
                next = json_object();
                if (!next || json_object_set_new(obj, key, next))
                    ok = 0;
            }
            pv_free(key);
            obj = next;
            p = dot + 1;
        }
        json_decref(val);
        if (!ok && pv_alloc_failures() != fails0) {
            pv_err_nomem(err);
            pv_scenario_free(s);
            return NULL;
        }
        if (!ok) {
            pv_err(err, PV_EUSAGE, NULL, 0, 0, "--set '%s': not a valid path=value", sets[i]);
            pv_scenario_free(s);
            return NULL;
        }
    }
    return s;
}

char *pv_merge_patch_text(const char *target, const char *patch, pv_error *err)
{
    json_error_t je;
    unsigned long fails = pv_alloc_failures();
    pv_alloc_json_parsing(1);
    json_t *t = json_loads(target, JSON_DECODE_ANY, &je);
    pv_alloc_json_parsing(0);
    if (!t && pv_alloc_failures() != fails) {
        pv_err_nomem(err);
        return NULL;
    }
    if (!t) {
        pv_err(err, PV_EINPUT, "target", je.line, je.column, "invalid JSON: %s", je.text);
        return NULL;
    }
    pv_alloc_json_parsing(1);
    json_t *p = json_loads(patch, JSON_DECODE_ANY, &je);
    pv_alloc_json_parsing(0);
    if (!p && pv_alloc_failures() != fails) {
        json_decref(t);
        pv_err_nomem(err);
        return NULL;
    }
    if (!p) {
        json_decref(t);
        pv_err(err, PV_EINPUT, "patch", je.line, je.column, "invalid JSON: %s", je.text);
        return NULL;
    }
    json_t *r = merge_patch(t, p);
    char *out = r ? json_dumps(r, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
    json_decref(t);
    json_decref(p);
    json_decref(r);
    if (!out) {
        pv_err_nomem(err);
        return NULL;
    }
    /* json_dumps allocates with Jansson's allocator, which is ours. */
    return out;
}

/* "labels": {"department": {"education": {"sv": "Utbildning", "en": "Education"}}} */
static int parse_labels(ctx *x, pv_case *c, json_t *lab)
{
    if (!lab)
        return 0;
    if (!json_is_object(lab)) {
        kerr(x, "labels", "must be an object: column -> code -> {\"sv\", \"en\"}");
        return -1;
    }
    size_t total = 0;
    const char *col;
    json_t *codes;
    json_object_foreach(lab, col, codes)
    {
        char k[KP];
        kjoin(k, "labels", col);
        if (!json_is_object(codes)) {
            kerr(x, k, "must be an object from code to {\"sv\": …, \"en\": …}");
            return -1;
        }
        total += json_object_size(codes);
    }
    c->labels = pv_calloc(total + 1, sizeof *c->labels);
    if (!c->labels) {
        pv_err_nomem(x->err);
        return -1;
    }
    json_object_foreach(lab, col, codes)
    {
        const char *code;
        json_t *v;
        json_object_foreach(codes, code, v)
        {
            char k[KP], kk[KP];
            kjoin(k, "labels", col);
            kjoin(kk, k, code);
            const char *sv = NULL, *en = NULL;
            if (json_is_string(v))
                sv = en = json_string_value(v);
            else if (json_is_object(v)) {
                sv = get_str(x, v, "sv", kk, 0);
                en = get_str(x, v, "en", kk, 0);
                if (pv_failed(x->err))
                    return -1;
            } else {
                kerr(x, kk, "must be a string or {\"sv\": …, \"en\": …}");
                return -1;
            }
            pv_label *l = &c->labels[c->nlabels++];
            l->column = dup_or_nomem(x, col);
            l->value = dup_or_nomem(x, code);
            l->sv = dup_or_nomem(x, sv ? sv : en ? en : code);
            l->en = dup_or_nomem(x, en ? en : sv ? sv : code);
            if (pv_failed(x->err))
                return -1;
        }
    }
    return 0;
}

const char *pv_case_value_label(const pv_case *c, const char *column, const char *value, int sv)
{
    for (size_t i = 0; i < c->nlabels; i++)
        if (!strcmp(c->labels[i].column, column) && !strcmp(c->labels[i].value, value))
            return sv ? c->labels[i].sv : c->labels[i].en;
    return value;
}

/* Reads the model file named in the case (relative to its folder) and
 * records it as an input; *path_out (when asked) receives its path. */
static json_t *load_model_file(pv_case *c, const char *rel, char **path_out, pv_error *err)
{
    char *mp = join_path(c->dir, rel);
    if (!mp || add_input(c, mp)) {
        pv_free(mp);
        pv_err_nomem(err);
        return NULL;
    }
    json_t *root = load_json(mp, err);
    if (root && path_out)
        *path_out = mp;
    else
        pv_free(mp);
    return root;
}

pv_case *pv_case_load_impl(const char *path, const pv_scenario *scen, pv_error *err)
{
    ctx x = {.file = path, .err = err};
    pv_case *c = pv_calloc(1, sizeof *c);
    if (!c) {
        pv_err_nomem(err);
        return NULL;
    }
    c->proj_id_col = c->proj_name_col = c->proj_partners_col = -1;
    c->part_id_col = c->part_name_col = c->part_country_col = c->part_active_col = -1;
    c->part_lat_col = c->part_lon_col = c->ctry_code_col = -1;
    c->time_limit_s = 60;
    c->mip_gap = 0;
    json_t *root = NULL, *mroot = NULL;
    if (!(c->path = pv_strdup(path)) || !(c->dir = dirname_of(path)) || add_input(c, path)) {
        pv_err_nomem(err);
        goto fail;
    }
    root = load_json(path, err);
    if (!root)
        goto fail;
    if (!json_is_object(root)) {
        pv_err(err, PV_EINPUT, path, 0, 0, "the case must be a JSON object");
        goto fail;
    }
    const char *name = get_str(&x, root, "name", "", 0);
    if (pv_failed(err))
        goto fail;
    c->name = pv_strdup(name ? name : path);
    if (!c->name) {
        pv_err_nomem(err);
        goto fail;
    }
    /* model: a path or an inline object */
    json_t *mv = json_object_get(root, "model");
    if (!mv) {
        kerr(&x, "model", "is required (a path to a model file, or the model object)");
        goto fail;
    }
    if (scen) {
        /* The scenario is an input like any other: hashed in reports, never overwritten. */
        if (scen->path && add_input(c, scen->path)) {
            pv_err_nomem(err);
            goto fail;
        }
        /* A scenario patches the case with its model inlined under "model". */
        if (json_is_string(mv)) {
            mroot = load_model_file(c, json_string_value(mv), NULL, err);
            if (!mroot)
                goto fail;
            if (json_object_set(root, "model", mroot)) {
                pv_err_nomem(err);
                goto fail;
            }
        }
        json_t *patched = merge_patch(root, scen->patch);
        if (!patched) {
            pv_err_nomem(err);
            goto fail;
        }
        json_decref(root);
        root = patched;
        if (!json_is_object(root)) {
            pv_err(err, PV_EINPUT, scen->path ? scen->path : path, 0, 0,
                   "the patched case is not an object");
            goto fail;
        }
        x.file = scen->path ? scen->path : path;
        mv = json_object_get(root, "model");
        if (!json_is_object(mv)) {
            kerr(&x, "model", "the scenario removed or replaced the model");
            goto fail;
        }
    }
    if (json_is_string(mv)) {
        char *mp = NULL;
        mroot = load_model_file(c, json_string_value(mv), &mp, err);
        if (!mroot)
            goto fail;
        ctx mx = {.file = mp, .err = err};
        c->model = parse_model(&mx, mroot, "", mp);
        pv_free(mp);
    } else if (json_is_object(mv)) {
        c->model = parse_model(&x, mv, "model", path);
    } else {
        kerr(&x, "model", "must be a path (string) or an object, not %s", type_name(mv));
        goto fail;
    }
    if (!c->model)
        goto fail;
    /* home */
    json_t *home = json_object_get(root, "home");
    if (home) {
        if (!json_is_object(home)) {
            kerr(&x, "home", "must be {\"lat\": …, \"lon\": …}");
            goto fail;
        }
        int a = get_num(&x, home, "lat", "home", &c->home_lat);
        int b = get_num(&x, home, "lon", "home", &c->home_lon);
        if (a < 0 || b < 0)
            goto fail;
        if (!a || !b || c->home_lat < -90 || c->home_lat > 90 || c->home_lon < -180 ||
            c->home_lon > 180) {
            kerr(&x, "home", "needs lat in [-90, 90] and lon in [-180, 180]");
            goto fail;
        }
        c->has_home = 1;
    }
    /* data */
    json_t *data = json_object_get(root, "data");
    if (!json_is_object(data)) {
        kerr(&x, "data", data ? "must be an object" : "is required");
        goto fail;
    }
    if (!(c->projects = load_table(&x, c, data, "projects", 1)))
        goto fail;
    c->partners = load_table(&x, c, data, "partners", 0);
    if (pv_failed(err))
        goto fail;
    c->countries = load_table(&x, c, data, "countries", 0);
    if (pv_failed(err))
        goto fail;
    /* tables' key columns */
    pv_table *P = c->projects;
    if ((c->proj_id_col = pv_table_col(P, "id")) < 0) {
        pv_err(err, PV_EINPUT, P->path, 1, 0, "no 'id' column in the header");
        goto fail;
    }
    if (P->nrows == 0) {
        pv_err(err, PV_EINPUT, P->path, 2, 0, "no projects: the file has a header but no rows");
        goto fail;
    }
    if (check_ids(err, P, c->proj_id_col, "project", NULL))
        goto fail;
    c->proj_name_col = pv_table_col(P, "name");
    c->proj_partners_col = pv_table_col(P, "partners");
    if (c->partners) {
        pv_table *Q = c->partners;
        if ((c->part_id_col = pv_table_col(Q, "id")) < 0) {
            pv_err(err, PV_EINPUT, Q->path, 1, 0, "no 'id' column in the header");
            goto fail;
        }
        if (check_ids(err, Q, c->part_id_col, "partner", &c->part_sorted))
            goto fail;
        c->part_name_col = pv_table_col(Q, "name");
        c->part_country_col = pv_table_col(Q, "country");
        c->part_active_col = pv_table_col(Q, "active");
        c->part_lat_col = pv_table_col(Q, "lat");
        c->part_lon_col = pv_table_col(Q, "lon");
    }
    if (c->countries) {
        pv_table *C = c->countries;
        if ((c->ctry_code_col = pv_table_col(C, "code")) < 0) {
            pv_err(err, PV_EINPUT, C->path, 1, 0, "no 'code' column in the header");
            goto fail;
        }
        if (check_ids(err, C, c->ctry_code_col, "country", &c->ctry_sorted))
            goto fail;
    }
    if (resolve_partners(&x, c))
        goto fail;
    /* model fields against the tables */
    {
        ctx mx = {.file = c->model->path, .err = err};
        const char *pre = json_is_object(mv) ? "model." : "";
        for (size_t i = 0; i < c->model->nleaves; i++) {
            pv_criterion *l = c->model->leaves[i];
            char k[KP];
            if (snprintf(k, sizeof k, "%s%s.column", pre, l->path) >= (int)sizeof k)
                k[sizeof k - 1] = '\0';
            if (resolve_field(&mx, c, &l->field, k))
                goto fail;
        }
        for (size_t i = 0; i < c->model->nrules; i++) {
            char k[KP];
            if (snprintf(k, sizeof k, "%srules.%s.if", pre, c->model->rules[i].id) >= (int)sizeof k)
                k[sizeof k - 1] = '\0';
            if (resolve_cond(&mx, c, c->model->rules[i].cond, k))
                goto fail;
        }
        if (pv_model_weights(c->model, err)) {
            /* weights errors name the model file */
            goto fail;
        }
    }
    if (parse_resources(&x, c, json_object_get(root, "resources")))
        goto fail;
    if (parse_constraints(&x, c, json_object_get(root, "constraints")))
        goto fail;
    if (parse_labels(&x, c, json_object_get(root, "labels")))
        goto fail;
    json_t *ke = json_object_get(root, "keep_existing");
    if (ke) {
        if (!json_is_boolean(ke)) {
            kerr(&x, "keep_existing", "must be true or false");
            goto fail;
        }
        c->keep_existing = json_is_true(ke);
    }
    json_t *solver = json_object_get(root, "solver");
    if (solver) {
        if (!json_is_object(solver)) {
            kerr(&x, "solver", "must be an object");
            goto fail;
        }
        int a = get_num(&x, solver, "time_limit_s", "solver", &c->time_limit_s);
        int b = get_num(&x, solver, "mip_gap", "solver", &c->mip_gap);
        if (a < 0 || b < 0)
            goto fail;
        if (c->time_limit_s <= 0 || c->time_limit_s > 86400) {
            kerr(&x, "solver.time_limit_s", "must be in (0, 86400]");
            goto fail;
        }
        if (c->mip_gap < 0 || c->mip_gap >= 1) {
            kerr(&x, "solver.mip_gap", "must be in [0, 1)");
            goto fail;
        }
    }
    json_decref(root);
    json_decref(mroot);
    return c;
fail:
    json_decref(root);
    json_decref(mroot);
    pv_case_free(c);
    return NULL;
}
