/* rules.c — the policy's hard rules. A condition that reads partner or
 * country fields is evaluated once per partner and the rule fires if it holds
 * for any; a comparison with a missing value is false. */
#include "../internal.h"

#include <math.h>
#include <string.h>

/* 1 true, 0 false, -1 error */
static int cell_number(const pv_case *c, const pv_cond *k, const char *cell, const pv_table *t,
                       size_t row, int is_num, double num, const char *rule, double *out,
                       pv_error *err)
{
    if (is_num) {
        *out = num;
        return 0;
    }
    int rc = pv_parse_number(cell, t->delim == ';', out);
    if (rc == 0)
        return 0;
    (void)c;
    char why[256];
    if (rc == -4)
        pv_err(err, PV_EINPUT, t->path, t->row_line[row], k->field.col + 1, "column '%s': '%s' %s",
               k->field.name, cell, pv_number_why(cell, rc, 0, why, sizeof why));
    else
        pv_err(err, PV_EINPUT, t->path, t->row_line[row], k->field.col + 1,
               "column '%s': '%s' is not a number, but rule '%s' compares it with a number",
               k->field.name, cell, rule);
    return -1;
}

static int item_matches(const pv_case *c, const pv_cond *k, const char *item, const pv_table *t,
                        size_t row, const char *s, int isnum, double num, const char *rule,
                        pv_error *err)
{
    if (!isnum)
        return pv_str_eq_trim(item, s);
    double x;
    if (cell_number(c, k, item, t, row, 0, 0, rule, &x, err))
        return -1;
    return x == num;
}

/* Does the (possibly list) cell contain value? */
static int contains(const pv_case *c, const pv_cond *k, const char *cell, const pv_table *t,
                    size_t row, const char *s, int isnum, double num, const char *rule,
                    pv_error *err)
{
    if (pv_str_eq_trim(cell, s ? s : "") && !isnum)
        return 1;
    /* A whole-cell number first: in the Swedish dialect "1,5" is 1.5, not a
     * list of 1 and 5. */
    double whole;
    if (isnum && pv_parse_number(cell, t && t->delim == ';', &whole) == 0)
        return whole == num;
    size_t n;
    char **items = pv_split_list(cell, &n);
    if (!items) {
        pv_err_nomem(err);
        return -1;
    }
    int hit = 0;
    for (size_t i = 0; i < n && !hit; i++) {
        int m = n == 1 ? item_matches(c, k, cell, t, row, s, isnum, num, rule, err)
                       : item_matches(c, k, items[i], t, row, s, isnum, num, rule, err);
        if (m < 0) {
            hit = -1;
            break;
        }
        hit = m;
    }
    pv_free_list(items, n);
    return hit;
}

static int eval(const pv_case *c, const pv_cond *k, size_t j, size_t slot, const char *rule,
                pv_error *err)
{
    switch (k->kind) {
    case PV_COND_ALL:
        for (size_t i = 0; i < k->nkids; i++) {
            int r = eval(c, k->kids[i], j, slot, rule, err);
            if (r <= 0)
                return r;
        }
        return 1;
    case PV_COND_ANY:
        for (size_t i = 0; i < k->nkids; i++) {
            int r = eval(c, k->kids[i], j, slot, rule, err);
            if (r != 0)
                return r;
        }
        return 0;
    case PV_COND_NOT: {
        int r = eval(c, k->kids[0], j, slot, rule, err);
        return r < 0 ? r : !r;
    }
    case PV_COND_CMP:
        break;
    }
    const pv_table *t;
    size_t row;
    int is_num;
    double num = 0;
    const char *cell = pv_field_cell(c, &k->field, j, slot, &t, &row, &is_num, &num);
    if (k->op == PV_OP_MISSING)
        return cell == NULL;
    if (k->op == PV_OP_PRESENT)
        return cell != NULL;
    if (!cell)
        return 0;
    double x;
    switch (k->op) {
    case PV_OP_LT:
    case PV_OP_LE:
    case PV_OP_GT:
    case PV_OP_GE:
        if (cell_number(c, k, cell, t, row, is_num, num, rule, &x, err))
            return -1;
        return k->op == PV_OP_LT   ? x < k->num
               : k->op == PV_OP_LE ? x <= k->num
               : k->op == PV_OP_GT ? x > k->num
                                   : x >= k->num;
    case PV_OP_EQ:
    case PV_OP_NE: {
        int r;
        if (is_num) {
            if (!k->val_is_num)
                r = 0;
            else
                r = num == k->num;
        } else
            r = contains(c, k, cell, t, row, k->str, k->val_is_num, k->num, rule, err);
        if (r < 0)
            return -1;
        return k->op == PV_OP_EQ ? r : !r;
    }
    case PV_OP_IN:
    case PV_OP_NOT_IN: {
        int r = 0;
        for (size_t i = 0; i < k->nlist && !r; i++) {
            if (is_num)
                r = k->list_is_num[i] && num == k->list_num[i];
            else
                r = contains(c, k, cell, t, row, k->list_str[i], k->list_is_num[i], k->list_num[i],
                             rule, err);
            if (r < 0)
                return -1;
        }
        return k->op == PV_OP_IN ? r : !r;
    }
    default:
        return 0;
    }
}

static int append(size_t **arr, size_t *n, size_t v)
{
    size_t *a = pv_realloc(*arr, (*n + 1) * sizeof *a);
    if (!a)
        return -1;
    a[(*n)++] = v;
    *arr = a;
    return 0;
}

int pv_screen_project(const pv_case *c, size_t j, pv_proj_result *res, pv_error *err)
{
    const pv_model *m = c->model;
    int bad = 0;
    for (size_t i = 0; i < m->nrules; i++) {
        const pv_rule *r = &m->rules[i];
        int fired = 0;
        if (r->per_partner && c->proj_npartners[j] > 0) {
            for (size_t k = 0; k < c->proj_npartners[j] && fired >= 0 && !fired; k++)
                fired = eval(c, r->cond, j, k, r->id, err);
        } else {
            fired = eval(c, r->cond, j, (size_t)-1, r->id, err);
        }
        if (fired < 0) {
            /* check collects every rule's bad cell, not the first */
            if (!pv_err_reads_on(err))
                return -1;
            bad = 1;
            continue;
        }
        if (!fired)
            continue;
        if (r->action == PV_ACT_EXCLUDE ? append(&res->excluded_by, &res->nexcluded, i)
                                        : append(&res->flags, &res->nflags, i)) {
            pv_err_nomem(err);
            return -1;
        }
    }
    res->eligible = res->nexcluded == 0;
    return bad ? -1 : 0;
}
