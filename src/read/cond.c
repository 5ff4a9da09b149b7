/* cond.c — the column references that criteria and rules read ("col",
 * "partner.col", "country.col"), and the rules' conditions (comparisons
 * combined with all/any/not). Columns are resolved against the tables later,
 * when the case has loaded them. */
#include "json.h"

#include <math.h>
#include <string.h>

int pvj_field_parse(pvj_ctx *x, const char *text, const char *kp, pv_field *f)
{
    if (!text[0] || pv_has_ctrl(text)) {
        pvj_err(x, kp, "must name a column");
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
        pvj_err(x, kp, "'%s' names no column", text);
        return -1;
    }
    f->text = pvj_dup(x, text);
    f->name = pvj_dup(x, name);
    f->col = -1;
    return f->text && f->name ? 0 : -1;
}

void pvj_field_free(pv_field *f)
{
    pv_free(f->text);
    pv_free(f->name);
}

void pvj_cond_free(pv_cond *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nkids; i++)
        pvj_cond_free(c->kids[i]);
    pv_free(c->kids);
    pvj_field_free(&c->field);
    pv_free(c->str);
    pv_free_list(c->list_str, c->nlist);
    pv_free(c->list_num);
    pv_free(c->list_is_num);
    pv_free(c);
}

static const struct {
    const char *name;
    pv_op op;
} OPS[] = {{"<", PV_OP_LT},           {"<=", PV_OP_LE},         {">", PV_OP_GT},
           {">=", PV_OP_GE},          {"==", PV_OP_EQ},         {"!=", PV_OP_NE},
           {"in", PV_OP_IN},          {"not_in", PV_OP_NOT_IN}, {"missing", PV_OP_MISSING},
           {"present", PV_OP_PRESENT}};

/* {"all": [...]} or {"any": [...]} */
static int cond_group(pvj_ctx *x, pv_cond *c, json_t *arr, const char *k, int depth,
                      int *per_partner)
{
    if (!json_is_array(arr) || json_array_size(arr) == 0) {
        pvj_err(x, k, "must be a non-empty array of conditions");
        return -1;
    }
    if (!(c->kids = pvj_alloc(x, json_array_size(arr), sizeof *c->kids)))
        return -1;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        char ki[KP];
        pvj_idx(ki, k, i);
        if (!(c->kids[i] = pvj_cond_parse(x, json_array_get(arr, i), ki, depth + 1, per_partner)))
            return -1;
        c->nkids++;
    }
    return 0;
}

/* The value list of "in" / "not_in": strings and numbers, kept apart. */
static int cond_list(pvj_ctx *x, pv_cond *c, json_t *val, const char *k, const char *op)
{
    if (!json_is_array(val) || json_array_size(val) == 0) {
        pvj_err(x, k, "must be a non-empty array with '%s'", op);
        return -1;
    }
    size_t n = json_array_size(val);
    c->list_str = pv_calloc(n, sizeof(char *));
    c->list_num = pv_calloc(n, sizeof(double));
    c->list_is_num = pv_calloc(n, sizeof(int));
    if (!c->list_str || !c->list_num || !c->list_is_num) {
        pv_err_nomem(x->err);
        return -1;
    }
    for (size_t j = 0; j < n; j++) {
        json_t *e = json_array_get(val, j);
        char kj[KP];
        pvj_idx(kj, k, j);
        if (json_is_string(e)) {
            if (!(c->list_str[j] = pvj_dup(x, json_string_value(e))))
                return -1;
        } else if (json_is_number(e) && isfinite(json_number_value(e))) {
            c->list_is_num[j] = 1;
            c->list_num[j] = json_number_value(e);
        } else {
            pvj_err(x, kj, "must be a string or a number");
            return -1;
        }
        c->nlist++;
    }
    return 0;
}

/* The "value" a comparison is made against; its shape depends on the operator. */
static int cond_value(pvj_ctx *x, pv_cond *c, json_t *v, const char *kp, const char *op)
{
    char k[KP];
    json_t *val = json_object_get(v, "value");
    pvj_key(k, kp, "value");
    if (c->op == PV_OP_MISSING || c->op == PV_OP_PRESENT) {
        if (val) {
            pvj_err(x, k, "is not used with '%s'; remove it", op);
            return -1;
        }
        return 0;
    }
    if (!val) {
        pvj_err(x, k, "is required with '%s'", op);
        return -1;
    }
    if (c->op == PV_OP_IN || c->op == PV_OP_NOT_IN)
        return cond_list(x, c, val, k, op);
    if (json_is_number(val)) {
        if (!isfinite(json_number_value(val))) {
            pvj_err(x, k, "must be finite");
            return -1;
        }
        c->val_is_num = 1;
        c->num = json_number_value(val);
    } else if (json_is_string(val)) {
        if (c->op != PV_OP_EQ && c->op != PV_OP_NE) {
            pvj_err(x, k, "must be a number with '%s'", op);
            return -1;
        }
        if (!(c->str = pvj_dup(x, json_string_value(val))))
            return -1;
    } else {
        pvj_err(x, k, "must be a number or a string, not %s", pvj_type(val));
        return -1;
    }
    return 0;
}

/* {"field": …, "op": …, "value": …} */
static int cond_cmp(pvj_ctx *x, pv_cond *c, json_t *v, json_t *field, const char *kp,
                    int *per_partner)
{
    char k[KP];
    c->kind = PV_COND_CMP;
    pvj_key(k, kp, "field");
    if (!json_is_string(field)) {
        pvj_err(x, k, "must be a string");
        return -1;
    }
    if (pvj_field_parse(x, json_string_value(field), k, &c->field))
        return -1;
    if (c->field.scope != PV_SCOPE_PROJECT)
        *per_partner = 1;
    const char *op = pvj_str(x, v, "op", kp, 1);
    if (!op)
        return -1;
    size_t i;
    for (i = 0; i < sizeof OPS / sizeof OPS[0]; i++)
        if (!strcmp(OPS[i].name, op))
            break;
    pvj_key(k, kp, "op");
    if (i == sizeof OPS / sizeof OPS[0]) {
        pvj_err(x, k, "unknown operator '%s' (use < <= > >= == != in not_in missing present)", op);
        return -1;
    }
    c->op = OPS[i].op;
    return cond_value(x, c, v, kp, op);
}

pv_cond *pvj_cond_parse(pvj_ctx *x, json_t *v, const char *kp, int depth, int *per_partner)
{
    if (!json_is_object(v)) {
        pvj_err(x, kp,
                "must be a condition object ({\"field\", \"op\", \"value\"} or all/any/not)");
        return NULL;
    }
    if (depth >= 64) { /* depth 0 is the first level: 64 levels in all */
        pvj_err(x, kp, "conditions are nested deeper than 64 levels");
        return NULL;
    }
    pv_cond *c = pvj_alloc(x, 1, sizeof *c);
    if (!c)
        return NULL;
    c->field.col = -1;
    char k[KP];
    json_t *all = json_object_get(v, "all"), *any = json_object_get(v, "any"),
           *not = json_object_get(v, "not"), *field = json_object_get(v, "field");
    int kinds = !!all + !!any + !!not +!!field, rc = -1;
    static const char *const CMP[] = {"field", "op", "value", NULL};
    const char *const group[] = {all ? "all" : any ? "any" : "not", NULL};
    if (kinds != 1) {
        pvj_err(x, kp, "must have exactly one of field, all, any, not");
    } else if (pvj_only(x, v, kp, PVJ_KEYS_COND,
                        field ? "a comparison" : "a condition with all, any or not",
                        field ? CMP : group, NULL)) {
        rc = -1;
    } else if (all || any) {
        c->kind = all ? PV_COND_ALL : PV_COND_ANY;
        pvj_key(k, kp, all ? "all" : "any");
        rc = cond_group(x, c, all ? all : any, k, depth, per_partner);
    } else if (not ) {
        c->kind = PV_COND_NOT;
        pvj_key(k, kp, "not");
        c->kids = pv_calloc(1, sizeof *c->kids);
        if (!c->kids)
            pv_err_nomem(x->err);
        else if ((c->kids[0] = pvj_cond_parse(x, not, k, depth + 1, per_partner))) {
            c->nkids = 1;
            rc = 0;
        }
    } else
        rc = cond_cmp(x, c, v, field, kp, per_partner);
    if (rc == 0)
        return c;
    pvj_cond_free(c);
    return NULL;
}
