/* constraint.c — the case's "constraints": counts and shares over a column,
 * partner counts, and the project lists of requires, exclusive and force.
 * Read after the tables and resources they name. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int project_ref(pvj_ctx *x, pv_case *c, json_t *v, const char *kp, size_t *out)
{
    if (!json_is_string(v)) {
        pvj_err(x, kp, "must be a project id (string)");
        return -1;
    }
    long j = pv_case_project_index(c, json_string_value(v));
    if (j < 0) {
        pvj_err(x, kp, "unknown project '%s'", json_string_value(v));
        return -1;
    }
    *out = (size_t)j;
    return 0;
}

static int project_list(pvj_ctx *x, pv_case *c, json_t *obj, const char *key, const char *kp,
                        size_t **out, size_t *n, int required)
{
    char k[KP];
    json_t *arr = pvj_member(x, obj, key, kp, required, k);
    if (!arr)
        return required ? -1 : 0;
    if (pvj_expect(x, arr, JSON_ARRAY, k, "must be an array of project ids"))
        return -1;
    if (!(*out = pvj_alloc(x, json_array_size(arr) + 1, sizeof(size_t))))
        return -1;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        char ki[KP];
        pvj_idx(ki, k, i);
        if (project_ref(x, c, json_array_get(arr, i), ki, &(*out)[*n]))
            return -1;
        (*n)++;
    }
    return 0;
}

void pvj_constraint_free(pv_constraint *k)
{
    void *own[] = {k->id, k->label, k->label_en, k->column, k->value, k->projects, k->out};
    pv_free_each(own, sizeof own / sizeof *own);
}

static const char *CTYPES[] = {"count", "share",        "requires",    "exclusive",
                               "force", "max_partners", "min_partners"};

/* The keys each type reads, in CTYPES' order, besides type, id and the
 * display name (pvj_only). */
static const char *const CKEYS[][6] = {
    {"column", "value", "min", "max", NULL},
    {"column", "value", "resource", "min", "max", NULL},
    {"project", "needs", NULL},
    {"projects", "max", NULL},
    {"in", "out", NULL},
    {"max", "column", "value", NULL},
    {"min", "column", "value", NULL},
};

static int own_keys(pvj_ctx *x, json_t *v, const char *k, size_t t)
{
    static const char *const ALL[] = {"type", "id", "name", "label", "labels", NULL};
    char what[64];
    snprintf(what, sizeof what, "type %s", CTYPES[t]);
    return pvj_only(x, v, k, PVJ_KEYS_CONSTRAINT, what, CKEYS[t], ALL);
}

/* What every constraint has: type, id (given, or "<type>_<n>"), label, min, max. */
static int con_head(pvj_ctx *x, pv_case *c, pv_constraint *q, json_t *v, const char *k, size_t i)
{
    char kk[KP];
    if (pvj_expect(x, v, JSON_OBJECT, k, "must be an object with a type"))
        return -1;
    const char *type = pvj_str(x, v, "type", k, 1);
    const char *id = pvj_str(x, v, "id", k, 0);
    if (pv_failed(x->err))
        return -1;
    size_t t;
    for (t = 0; t < sizeof CTYPES / sizeof CTYPES[0]; t++)
        if (!strcmp(type, CTYPES[t]))
            break;
    if (t == sizeof CTYPES / sizeof CTYPES[0]) {
        pvj_key(kk, k, "type");
        pvj_err(x, kk,
                "unknown constraint type '%s' (count, share, requires, exclusive, force, "
                "max_partners, min_partners)",
                type);
        return -1;
    }
    q->type = (pv_ctype)t;
    if (own_keys(x, v, k, t))
        return -1;
    char gen[64];
    snprintf(gen, sizeof gen, "%s_%zu", type, i + 1);
    if (id && (!pvj_valid_id(id) || strlen(id) > PV_MAX_ID)) {
        pvj_key(kk, k, "id");
        pvj_err(x, kk, "must be non-empty, at most 200 bytes, without '.' or control characters");
        return -1;
    }
    /* An id is unique, given or generated ("<type>_<position>"). */
    for (size_t o = 0; o + 1 < c->ncons; o++)
        if (!strcmp(c->cons[o].id, id ? id : gen)) {
            pvj_key(kk, k, "id");
            if (id)
                pvj_err(x, kk,
                        "duplicate constraint id '%s': constraints[%zu] has it too (a constraint "
                        "without \"id\" gets '<type>_<position>')",
                        id, o);
            else
                pvj_err(x, k,
                        "has no \"id\", and the id it would get, '%s', is constraints[%zu]'s: "
                        "give it an \"id\"",
                        gen, o);
            return -1;
        }
    q->id = pvj_dup(x, id ? id : gen);
    if (pvj_display_name(x, v, k, "label", &q->label, &q->label_en))
        return -1;
    if (pv_failed(x->err))
        return -1;
    int a = pvj_num(x, v, "min", k, &q->min), b = pvj_num(x, v, "max", k, &q->max);
    if (a < 0 || b < 0)
        return -1;
    q->has_min = a == 1;
    q->has_max = b == 1;
    /* Every type but share bounds a number of projects or partners: 1.5
     * would silently act as 1 (max) or 2 (min). */
    for (int hi = 0; q->type != PV_C_SHARE && hi < 2; hi++) {
        double bound = hi ? q->max : q->min;
        if ((hi ? q->has_max : q->has_min) && bound != floor(bound)) {
            pvj_key(kk, k, hi ? "max" : "min");
            pvj_err(x, kk, "must be a whole number (it counts %s), not %g",
                    q->type == PV_C_MAX_PARTNERS || q->type == PV_C_MIN_PARTNERS ? "partners"
                                                                                 : "projects",
                    bound);
            return -1;
        }
    }
    return 0;
}

/* The optional filter "column" = "value" (projects, or partners for the
 * partner-count types). */
static int con_filter(pvj_ctx *x, pv_case *c, pv_constraint *q, json_t *v, const char *k)
{
    char kk[KP];
    int partner = q->type == PV_C_MAX_PARTNERS || q->type == PV_C_MIN_PARTNERS;
    const char *col = pvj_str(x, v, "column", k, !partner);
    const char *val = NULL;
    json_t *jv = json_object_get(v, "value");
    pvj_key(kk, k, "value");
    if (jv && json_is_string(jv))
        val = json_string_value(jv);
    else if (jv) {
        pvj_err(x, kk, "must be a string");
        return -1;
    }
    if (pv_failed(x->err))
        return -1;
    if (col && !val) {
        pvj_err(x, kk, "is required with column");
        return -1;
    }
    if (val && !col) {
        pvj_key(kk, k, "column");
        pvj_err(x, kk, "is required with value");
        return -1;
    }
    if (!col)
        return 0;
    const pv_table *tab = partner ? c->partners : c->projects;
    pvj_key(kk, k, "column");
    if (!tab) {
        pvj_err(x, kk, "needs data.partners in the case");
        return -1;
    }
    q->col = pv_table_col(tab, col);
    if (q->col < 0) {
        pvj_unknown_column(x, tab, col, kk);
        return -1;
    }
    q->column = pvj_dup(x, col);
    q->value = pvj_dup(x, val);
    if (!q->column || !q->value)
        return -1;
    /* "new": "yes" reads the column as the one yes/no reader does (JA, x, 1
     * count; a cell that is neither is an error, never a silent no) */
    char why[300];
    snprintf(why, sizeof why, "constraint '%s'", q->id);
    return pv_canon_filter(partner ? c->partners : c->projects, q->col, &q->value, why, x->err);
}

/* count, share, max_partners, min_partners: a filter and bounds. */
static int con_bounds(pvj_ctx *x, pv_case *c, pv_constraint *q, json_t *v, const char *k)
{
    char kk[KP];
    if (con_filter(x, c, q, v, k))
        return -1;
    if (q->type == PV_C_MAX_PARTNERS) {
        if (!q->has_max) {
            pvj_key(kk, k, "max");
            pvj_err(x, kk, "is required");
            return -1;
        }
        q->has_min = 0;
    } else if (q->type == PV_C_MIN_PARTNERS) {
        if (!q->has_min) {
            pvj_key(kk, k, "min");
            pvj_err(x, kk, "is required");
            return -1;
        }
        q->has_max = 0;
    } else if (!q->has_min && !q->has_max) {
        pvj_err(x, k, "needs min, max or both");
        return -1;
    }
    if (q->type == PV_C_SHARE) {
        const char *res = pvj_str(x, v, "resource", k, 1);
        if (!res)
            return -1;
        for (size_t r = 0; r < c->nres; r++)
            if (c->res[r].id && !strcmp(c->res[r].id, res))
                q->resource = (int)r;
        if (q->resource < 0) {
            pvj_key(kk, k, "resource");
            pvj_err(x, kk, "unknown resource '%s'", res);
            return -1;
        }
        if ((q->has_min && (q->min < 0 || q->min > 1)) ||
            (q->has_max && (q->max < 0 || q->max > 1))) {
            pvj_err(x, k, "share min and max must be in [0, 1]");
            return -1;
        }
    } else if ((q->has_min && q->min < 0) || (q->has_max && q->max < 0)) {
        pvj_err(x, k, "min and max must be >= 0");
        return -1;
    }
    if (q->has_min && q->has_max && q->min > q->max) {
        pvj_err(x, k, "min (%g) is greater than max (%g)", q->min, q->max);
        return -1;
    }
    return 0;
}

/* requires, exclusive, force: lists of projects. */
static int con_projects(pvj_ctx *x, pv_case *c, pv_constraint *q, json_t *v, const char *k)
{
    char kk[KP];
    switch (q->type) {
    case PV_C_REQUIRES:
        pvj_key(kk, k, "project");
        if (!json_object_get(v, "project")) {
            pvj_err(x, kk, "is required");
            return -1;
        }
        if (project_ref(x, c, json_object_get(v, "project"), kk, &q->project))
            return -1;
        return project_list(x, c, v, "needs", k, &q->projects, &q->nprojects, 1);
    case PV_C_EXCLUSIVE:
        if (project_list(x, c, v, "projects", k, &q->projects, &q->nprojects, 1))
            return -1;
        if (!q->has_max) {
            q->has_max = 1;
            q->max = 1;
        }
        if (q->max < 0) {
            pvj_err(x, k, "max must be >= 0");
            return -1;
        }
        return 0;
    default: /* PV_C_FORCE */
        if (project_list(x, c, v, "in", k, &q->projects, &q->nprojects, 0) ||
            project_list(x, c, v, "out", k, &q->out, &q->nout, 0))
            return -1;
        for (size_t a = 0; a < q->nprojects; a++)
            for (size_t b = 0; b < q->nout; b++)
                if (q->projects[a] == q->out[b]) {
                    pvj_err(x, k, "project '%s' is forced both in and out",
                            pv_project_id(c, q->out[b]));
                    return -1;
                }
        return 0;
    }
}

int pvj_constraints_parse(pvj_ctx *x, pv_case *c, json_t *arr)
{
    int rc = pvj_opt(x, arr, JSON_ARRAY, "constraints", "must be an array");
    if (rc <= 0)
        return rc;
    if (!(c->cons = pvj_alloc(x, json_array_size(arr) + 1, sizeof *c->cons)))
        return -1;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        char k[KP];
        pvj_idx(k, "constraints", i);
        json_t *v = json_array_get(arr, i);
        pv_constraint *q = &c->cons[c->ncons++];
        q->col = -1;
        q->resource = -1;
        if (con_head(x, c, q, v, k, i))
            return -1;
        int bounded = q->type == PV_C_COUNT || q->type == PV_C_SHARE ||
                      q->type == PV_C_MAX_PARTNERS || q->type == PV_C_MIN_PARTNERS;
        if (bounded ? con_bounds(x, c, q, v, k) : con_projects(x, c, q, v, k))
            return -1;
    }
    return 0;
}
