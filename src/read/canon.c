/* canon.c — values as users type them, read as the model means them. Once
 * the model's columns are resolved and the case's labels read, cells are
 * rewritten to their canonical spelling, so that every later stage compares
 * canonical text and the results are byte for byte those of the canonical
 * spelling:
 *  - a yes/no column (one that a categorical value function over yes/no, or
 *    a rule comparing with yes or no, reads): every spelling of the one
 *    yes/no reader becomes "yes" or "no"; an empty cell stays empty
 *    (missing); anything else is an error naming file, row and column;
 *  - a category cell may hold the code, or its label from the case's
 *    "labels" in either language, case-insensitive and trimmed. */
#include "json.h"

#include <stdio.h>
#include <string.h>

static pv_table *field_table(pv_case *c, const pv_field *f)
{
    if (f->col < 0)
        return NULL;
    return f->scope == PV_SCOPE_PROJECT   ? c->projects
           : f->scope == PV_SCOPE_PARTNER ? c->partners
                                          : c->countries;
}

/* Every cell of t's column col as yes/no. */
static int yesno_column(pv_table *t, int col, const char *why, pv_error *err)
{
    int bad = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const char *cell = pv_cell(t, r, (size_t)col);
        int v = pv_yesno(cell);
        if (v == PV_YN_EMPTY)
            continue;
        if (v == PV_YN_BAD) {
            pv_err(err, PV_EINPUT, t->path, t->row_line[r], col + 1,
                   "column '%s': '%s' is neither yes nor no (%s reads it as yes/no: %s)",
                   t->header[col], cell, why, pv_yesno_spellings());
            bad = 1;
            if (!pv_err_collecting())
                return -1;
            continue;
        }
        if (pv_table_set_cell(t, r, (size_t)col, v == PV_YN_YES ? "yes" : "no")) {
            pv_err_nomem(err);
            return -1;
        }
    }
    return bad ? -1 : 0;
}

/* A value function's categories are yes/no: every key a yes/no spelling,
 * one at least a word (a map over 1 and 0 is numeric codes). */
static int yesno_map(const pv_valuefn *vf)
{
    int word = 0;
    for (size_t i = 0; i < vf->ncat; i++) {
        if (pv_yesno(vf->cat_key[i]) < 0)
            return 0;
        word |= pv_yesno_word(vf->cat_key[i]);
    }
    return word && vf->ncat > 0;
}

/* The code whose label (sv or en) or code the cell spells, or NULL. */
static const char *code_of(const pv_case *c, const char *column, const char *cell,
                           const pv_valuefn *vf)
{
    for (size_t i = 0; vf && i < vf->ncat; i++)
        if (pv_str_eq_fold(cell, vf->cat_key[i]))
            return vf->cat_key[i];
    /* a code first: "education" stays education even when a misspelt code
     * "educaton" is labelled "Education" */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < c->nlabels; i++) {
            const pv_label *l = &c->labels[i];
            if (strcmp(l->column, column))
                continue;
            if (pass == 0 ? pv_str_eq_fold(cell, l->value)
                          : pv_str_eq_fold(cell, l->sv) || pv_str_eq_fold(cell, l->en))
                return l->value;
        }
    return NULL;
}

/* A categorical leaf's cells as its codes. */
static int category_column(pv_case *c, const pv_criterion *l, pv_error *err)
{
    pv_table *t = field_table(c, &l->field);
    if (!t)
        return 0;
    int col = l->field.col;
    if (yesno_map(&l->vf)) {
        char why[300];
        snprintf(why, sizeof why, "criterion '%s'", l->id);
        return yesno_column(t, col, why, err);
    }
    for (size_t r = 0; r < t->nrows; r++) {
        const char *cell = pv_cell(t, r, (size_t)col);
        if (pv_is_blank(cell))
            continue;
        const char *code = code_of(c, t->header[col], cell, &l->vf);
        if (code && pv_table_set_cell(t, r, (size_t)col, code)) {
            pv_err_nomem(err);
            return -1;
        }
    }
    return 0;
}

/* Replaces *s by its canonical "yes" or "no"; -1 when out of memory. */
static int canon_str(char **s)
{
    char *d = pv_strdup(pv_yesno(*s) == PV_YN_YES ? "yes" : "no");
    if (!d)
        return -1;
    pv_free(*s);
    *s = d;
    return 0;
}

static int yesno_values(pv_cond *k)
{
    if (k->str && !k->val_is_num && canon_str(&k->str))
        return -1;
    for (size_t i = 0; i < k->nlist; i++)
        if (!k->list_is_num[i] && canon_str(&k->list_str[i]))
            return -1;
    return 0;
}

/* A comparison with yes or no (only): its column is yes/no. */
static int cond_canon(pv_case *c, pv_cond *k, const char *rule, pv_error *err)
{
    int bad = 0;
    for (size_t i = 0; i < k->nkids; i++)
        if (cond_canon(c, k->kids[i], rule, err)) {
            bad = 1;
            if (!pv_err_reads_on(err))
                return -1;
        }
    if (k->kind != PV_COND_CMP ||
        (k->op != PV_OP_EQ && k->op != PV_OP_NE && k->op != PV_OP_IN && k->op != PV_OP_NOT_IN))
        return bad ? -1 : 0;
    int n = 0, all = 1;
    if (k->op == PV_OP_EQ || k->op == PV_OP_NE) {
        n = k->str && !k->val_is_num;
        all = n && pv_yesno_word(k->str);
    }
    for (size_t i = 0; i < k->nlist; i++, n++)
        all = all && !k->list_is_num[i] && pv_yesno_word(k->list_str[i]);
    pv_table *t = field_table(c, &k->field);
    if (!n || !all || !t)
        return bad ? -1 : 0;
    if (yesno_values(k)) {
        pv_err_nomem(err);
        return -1;
    }
    char why[300];
    snprintf(why, sizeof why, "rule '%s'", rule);
    return yesno_column(t, k->field.col, why, err) || bad ? -1 : 0;
}

int pv_canon_filter(pv_table *t, int col, char **value, const char *why, pv_error *err)
{
    if (!*value || !pv_yesno_word(*value))
        return 0;
    if (canon_str(value)) {
        pv_err_nomem(err);
        return -1;
    }
    return yesno_column(t, col, why, err);
}

/* Cells of columns that have labels (projects table): a label becomes its code. */
static int label_cells(pv_case *c, pv_error *err)
{
    pv_table *t = c->projects;
    for (size_t i = 0; i < c->nlabels; i++) {
        if (i > 0 && !strcmp(c->labels[i].column, c->labels[i - 1].column))
            continue;
        int col = pv_table_col(t, c->labels[i].column);
        for (size_t r = 0; col >= 0 && r < t->nrows; r++) {
            const char *cell = pv_cell(t, r, (size_t)col);
            if (pv_is_blank(cell))
                continue;
            const char *code = code_of(c, t->header[col], cell, NULL);
            if (code && pv_table_set_cell(t, r, (size_t)col, code)) {
                pv_err_nomem(err);
                return -1;
            }
        }
    }
    return 0;
}

int pv_canon_cells(pv_case *c, pv_error *err)
{
    int bad = 0;
    if (label_cells(c, err))
        return -1;
    for (size_t i = 0; i < c->model->nleaves; i++) {
        pv_criterion *l = c->model->leaves[i];
        if (l->vf.type != PV_VF_CATEGORICAL)
            continue;
        if (yesno_map(&l->vf))
            for (size_t k = 0; k < l->vf.ncat; k++)
                if (canon_str(&l->vf.cat_key[k])) {
                    pv_err_nomem(err);
                    return -1;
                }
        if (category_column(c, l, err)) {
            bad = 1;
            if (!pv_err_reads_on(err))
                return -1;
        }
    }
    for (size_t i = 0; i < c->model->nrules; i++)
        if (cond_canon(c, c->model->rules[i].cond, c->model->rules[i].id, err)) {
            bad = 1;
            if (!pv_err_reads_on(err))
                return -1;
        }
    return bad ? -1 : 0;
}
