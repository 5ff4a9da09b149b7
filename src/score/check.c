/* check.c — what `check` (and every command that reads a case) warns about:
 * columns nothing reads, values clamped to a criterion's range, empty
 * resource cells, ids that differ only in case or normalisation, misspelt
 * constraint values and labels, weights a derived weighting replaces; and
 * projects forced in that cannot be. */
#include "../internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---------------------------------------------------------------- check */

struct pv_warnings {
    char **w;
    size_t n;
};

size_t pv_warnings_count(const pv_warnings *w) { return w ? w->n : 0; }
const char *pv_warnings_get(const pv_warnings *w, size_t i)
{
    return w && i < w->n ? w->w[i] : NULL;
}
void pv_warnings_free(pv_warnings *w)
{
    if (!w)
        return;
    pv_free_list(w->w, w->n);
    pv_free(w);
}

static int warn(pv_warnings *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int warn(pv_warnings *w, const char *fmt, ...)
{
    pv_buf b;
    pv_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    char tmp[1024];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    pv_unmark_sheets(tmp, sizeof tmp); /* a sheet named in the text: "BOOK, sheet S" */
    pv_utf8_trim_partial(tmp);
    pv_sanitize_ctrl(tmp); /* column names are input: no ESC to the terminal */
    pv_buf_puts(&b, tmp);
    char *s = pv_buf_take(&b, NULL);
    char **a = s ? pv_realloc(w->w, (w->n + 1) * sizeof *a) : NULL;
    if (!a) {
        pv_free(s);
        return -1;
    }
    a[w->n++] = s;
    w->w = a;
    return 0;
}

static void mark_cond(const pv_cond *k, int *used)
{
    if (k->kind == PV_COND_CMP) {
        if (k->field.scope == PV_SCOPE_PROJECT && k->field.col >= 0)
            used[k->field.col] = 1;
        return;
    }
    for (size_t i = 0; i < k->nkids; i++)
        mark_cond(k->kids[i], used);
}

/* Columns nothing reads: one warning for all of them. */
static int warn_unused(const pv_table *P, const int *used, pv_warnings *w)
{
    size_t n = 0, last = 0;
    for (size_t k = 0; k < P->ncols; k++)
        if (!used[k])
            n++, last = k;
    if (n == 0)
        return 0;
    char wh[600];
    pv_where(wh, sizeof wh, P->path, 0, 0);
    if (n == 1)
        return warn(w,
                    "%s: column '%s' is not used by any criterion, rule, resource or "
                    "constraint",
                    wh, P->header[last]);
    pv_buf b;
    pv_buf_init(&b);
    for (size_t k = 0, i = 0; k < P->ncols && i < 20; k++)
        if (!used[k])
            pv_buf_printf(&b, "%s'%s'", i++ ? ", " : "", P->header[k]);
    if (n > 20)
        pv_buf_printf(&b, " and %zu more", n - 20);
    size_t len;
    char *list = pv_buf_take(&b, &len);
    if (!list)
        return 1;
    int rc = warn(w,
                  "%s: %zu columns are not used by any criterion, rule, resource or "
                  "constraint: %s",
                  wh, n, list);
    pv_free(list);
    return rc;
}

/* "1,234,567": a count for a warning. */
static void thousands(char *out, size_t size, size_t n)
{
    char d[32];
    int len = snprintf(d, sizeof d, "%zu", n);
    size_t o = 0;
    for (int i = 0; i < len && o + 2 < size; i++) {
        if (i && (len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = d[i];
    }
    out[o] = '\0';
}

/* Values outside a leaf's worst..best: one warning per criterion, however
 * many rows (a 100,000-row file gives one line, not one per row). */
static int warn_clamped(const pv_case *c, const pv_ranking *r, size_t i, pv_warnings *w)
{
    const pv_table *P = c->projects;
    const pv_criterion *l = c->model->leaves[i];
    size_t count = 0, first = 0;
    for (size_t j = 0; j < r->n; j++)
        if (r->p[j].clamped[i] && count++ == 0)
            first = j;
    if (!count)
        return 0;
    double lo = l->vf.type == PV_VF_LINEAR ? l->vf.worst : l->vf.px[0];
    double hi = l->vf.type == PV_VF_LINEAR ? l->vf.best : l->vf.px[l->vf.npts - 1];
    char wh[600];
    if (count == 1) {
        pv_where(wh, sizeof wh, P->path, P->row_line[first],
                 l->field.scope == PV_SCOPE_PROJECT ? l->field.col + 1 : 0);
        return warn(w,
                    "%s: project '%s': %s = %g is outside %g..%g of criterion '%s'; "
                    "clamped to %.3f",
                    wh, pv_project_id(c, first), l->field.text, r->p[first].raw[i], lo, hi, l->id,
                    r->p[first].value[i]);
    }
    pv_where(wh, sizeof wh, P->path, 0, 0);
    char n[40];
    thousands(n, sizeof n, count);
    return warn(w,
                "%s: %s outside %g..%g of criterion '%s' in %s rows (clamped); first: row %d, "
                "project '%s', %g",
                wh, l->field.text, lo, hi, l->id, n, P->row_line[first], pv_project_id(c, first),
                r->p[first].raw[i]);
}

/* A resource's partner_column in a case without partners.csv: there are
 * no fees to read, which a case meant to have partners should hear. */
static int warn_partner_column(const pv_case *c, size_t k, pv_warnings *w)
{
    if (c->partners || !c->res[k].partner_column)
        return 0;
    return warn(w,
                "%s: resources.%s.partner_column: the case has no data.partners, so no partner "
                "fees are counted",
                c->path, c->res[k].id);
}

/* Empty cells of a resource's column count as 0 (models/README.md), which is
 * also what a forgotten cost looks like: one warning per resource. */
static int warn_empty_amounts(const pv_case *c, size_t k, pv_warnings *w)
{
    const pv_table *P = c->projects;
    size_t count = 0, first = 0;
    for (size_t j = 0; j < P->nrows; j++)
        if (pv_is_blank(pv_cell(P, j, (size_t)c->res[k].col)) && count++ == 0)
            first = j;
    if (!count)
        return 0;
    char n[40], wh[600];
    thousands(n, sizeof n, count);
    pv_where(wh, sizeof wh, P->path, 0, 0);
    return warn(w,
                "%s: column '%s' (resource '%s') is empty in %s row%s, counted as 0; first: row "
                "%d, project '%s' (write 0 where nothing is needed)",
                wh, P->header[c->res[k].col], c->res[k].id, n, count == 1 ? "" : "s",
                P->row_line[first], pv_project_id(c, first));
}

typedef struct nfd_ctx {
    const pv_table *t;
    size_t col;
} nfd_ctx;

static int nfd_row_cmp(size_t a, size_t b, const void *vctx)
{
    const nfd_ctx *x = vctx;
    return pv_nfd_cmp(pv_cell(x->t, a, x->col), pv_cell(x->t, b, x->col));
}

/* A case "municipality" that no partner's `municipality` names: then no
 * agreement is the case's own and the review of agreements is silently
 * empty, which is what a misspelt name looks like. */
static int warn_munis(const pv_case *c, pv_warnings *w)
{
    int pm = c->partners ? pv_table_col(c->partners, "municipality") : -1;
    if (pm < 0)
        return 0;
    for (size_t i = 0; i < c->nmunis; i++) {
        int found = 0;
        for (size_t p = 0; p < c->partners->nrows && !found; p++) {
            size_t ni = 0;
            char **it = pv_split_list(pv_cell(c->partners, p, (size_t)pm), &ni);
            for (size_t k = 0; k < ni && !found; k++)
                found = pv_str_eq_fold(it[k], c->munis[i]);
            if (it)
                pv_free_list(it, ni);
        }
        if (!found && warn(w,
                           "%s: municipality '%s' is not named in the 'municipality' column of "
                           "%s, so none of its agreements is reviewed (check the spelling)",
                           c->path, c->munis[i], c->partners->path))
            return -1;
    }
    return 0;
}

/* Up to ten distinct items of column col ("education, culture, …"), for a
 * warning that says what the column does hold. */
static char *column_items(const pv_table *t, int col)
{
    pv_buf b;
    pv_buf_init(&b);
    char *seen[10];
    size_t ns = 0, more = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        size_t ni = 0;
        char **it = pv_split_list(pv_cell(t, r, (size_t)col), &ni);
        for (size_t k = 0; k < ni; k++) {
            size_t i = 0;
            while (i < ns && strcmp(seen[i], it[k]))
                i++;
            if (i < ns)
                continue;
            if (ns < 10) {
                pv_buf_printf(&b, "%s'%s'", ns ? ", " : "", it[k]);
                seen[ns++] = pv_strdup(it[k]);
                if (!seen[ns - 1])
                    b.oom = 1, ns--;
            } else
                more = 1;
        }
        if (it)
            pv_free_list(it, ni);
    }
    for (size_t i = 0; i < ns; i++)
        pv_free(seen[i]);
    if (more)
        pv_buf_puts(&b, ", …");
    if (!ns)
        pv_buf_puts(&b, "nothing");
    return pv_buf_take(&b, NULL);
}

/* A count, share or partner-filter constraint whose value no row holds: a
 * misspelt value (or cell) that would otherwise show up only as an
 * infeasible selection, or as a constraint that never binds. */
static int warn_cons_values(const pv_case *c, pv_warnings *w)
{
    for (size_t i = 0; i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        int partner = q->type == PV_C_MAX_PARTNERS || q->type == PV_C_MIN_PARTNERS;
        const pv_table *t = partner ? c->partners : c->projects;
        if (q->col < 0 || !q->value || !t)
            continue;
        size_t hits = 0;
        for (size_t r = 0; r < t->nrows && !hits; r++)
            hits += pv_cell_has(pv_cell(t, r, (size_t)q->col), q->value) != 0;
        if (hits)
            continue;
        char *items = column_items(t, q->col);
        int rc = !items || warn(w,
                                "%s: constraint '%s': no row of %s has '%s' in column '%s' (it "
                                "holds %s); check the spelling",
                                c->path, q->id, t->path, q->value, q->column, items);
        pv_free(items);
        if (rc)
            return -1;
    }
    return 0;
}

/* A labelled column that no table has: its labels name nothing (a
 * misspelt column, whose codes then show untranslated). */
static int warn_label_column(const pv_case *c, const char *column, pv_warnings *w)
{
    const pv_table *tabs[] = {c->projects, c->partners, c->countries};
    pv_suggest s;
    pv_suggest_init(&s, column, 2);
    for (size_t k = 0; k < 3; k++) {
        if (!tabs[k])
            continue;
        if (pv_table_col(tabs[k], column) >= 0)
            return 0;
        for (size_t h = 0; h < tabs[k]->ncols; h++)
            pv_suggest_offer(&s, tabs[k]->header[h]);
    }
    char hint[300];
    pv_suggest_hint(&s, hint, sizeof hint);
    /* "partner.type": labels name the column as its table has it */
    const char *dot = strchr(column, '.');
    if (dot && !hint[0])
        for (size_t k = 0; k < 3; k++)
            if (tabs[k] && pv_table_col(tabs[k], dot + 1) >= 0) {
                snprintf(hint, sizeof hint,
                         "; write '%s' (labels name a column without its prefix)", dot + 1);
                break;
            }
    return warn(w, "%s: labels: no table has a column '%s', so its labels are not used%s", c->path,
                column, hint);
}

/* Cells of a column the case labels that are none of its codes (nor their
 * labels, which were read as the codes): a misspelt category that a count
 * constraint would silently not count. */
static int warn_label_codes(const pv_case *c, pv_warnings *w)
{
    const pv_table *t = c->projects;
    for (size_t i = 0; i < c->nlabels; i++) {
        if (i > 0 && !strcmp(c->labels[i].column, c->labels[i - 1].column))
            continue;
        int col = pv_table_col(t, c->labels[i].column);
        if (col < 0 && warn_label_column(c, c->labels[i].column, w))
            return -1;
        size_t count = 0, first = 0;
        const char *bad = NULL;
        for (size_t r = 0; col >= 0 && r < t->nrows; r++) {
            size_t ni = 0;
            char **it = pv_split_list(pv_cell(t, r, (size_t)col), &ni);
            for (size_t k = 0; k < ni; k++) {
                int known = 0;
                for (size_t l = i;
                     l < c->nlabels && !known && !strcmp(c->labels[l].column, c->labels[i].column);
                     l++)
                    known = !strcmp(it[k], c->labels[l].value);
                if (!known && !count++) {
                    first = r;
                    bad = pv_cell(t, r, (size_t)col);
                }
            }
            if (it)
                pv_free_list(it, ni);
        }
        char wh[600];
        if (count)
            pv_where(wh, sizeof wh, t->path, t->row_line[first], col + 1);
        if (count && warn(w,
                          "%s: column '%s': '%s' is none of the codes the case's labels give "
                          "for it (%zu cell%s in all; a count or share constraint does not "
                          "count them)",
                          wh, t->header[col], bad, count, count == 1 ? "" : "s"))
            return -1;
    }
    return 0;
}

static int case_twins(const char *a, const char *b) { return strcmp(a, b) && !strcasecmp(a, b); }

/* Two ids of t that a reader takes for one: by case (P1 / p1, riga / Riga;
 * nfd 0) or by Unicode normalisation (nfd 1: Malmö typed on a Mac and on
 * Windows). They are two ids to partnerval, and a list that names one of
 * them links to that one only: one warning per table, naming the first
 * pair. Rows sorted so that twins are neighbours. -1 on OOM. */
static int warn_twins(const pv_table *t, int col, const char *what, int nfd, pv_warnings *w)
{
    if (!t || col < 0 || t->nrows < 2)
        return 0;
    size_t n = t->nrows, *idx;
    if (nfd) {
        /* only ids beyond ASCII can have two spellings */
        if (!(idx = pv_calloc(t->nrows, sizeof *idx)))
            return -1;
        n = 0;
        for (size_t r = 0; r < t->nrows; r++) {
            const unsigned char *id = (const unsigned char *)pv_cell(t, r, (size_t)col);
            while (*id && *id < 0x80)
                id++;
            if (*id)
                idx[n++] = r;
        }
        nfd_ctx x = {t, (size_t)col};
        if (n > 1 && pv_sort_idx(idx, n, nfd_row_cmp, &x)) {
            pv_free(idx);
            return -1;
        }
    } else if (!(idx = pv_rows_by_cell(t, (size_t)col, 1)))
        return -1;
    int (*same)(const char *, const char *) = nfd ? pv_same_after_normalising : case_twins;
    size_t pairs = 0, fa = 0, fb = 0;
    for (size_t i = 1; i < n; i++) {
        const char *a = pv_cell(t, idx[i - 1], (size_t)col), *b = pv_cell(t, idx[i], (size_t)col);
        if (same(a, b) && pairs++ == 0) {
            fa = idx[i - 1] < idx[i] ? idx[i - 1] : idx[i];
            fb = idx[i - 1] < idx[i] ? idx[i] : idx[i - 1];
        }
    }
    pv_free(idx);
    if (!pairs)
        return 0;
    const char *whats = !strcmp(what, "project") ? "projects" : "partners";
    const char *s = pairs == 1 ? "" : "s";
    char wh[600];
    pv_where(wh, sizeof wh, t->path, 0, 0);
    int rc = nfd ? warn(w,
                        "%s: %zu pair%s of %s ids look the same but differ in Unicode "
                        "normalisation (NFC/NFD), first rows %d and %d ('%s'): they are "
                        "different %s; retype one of them",
                        wh, pairs, s, what, t->row_line[fa], t->row_line[fb],
                        pv_cell(t, fa, (size_t)col), whats)
                 : warn(w,
                        "%s: %zu pair%s of %s ids differ only in case, first '%s' (row %d) and "
                        "'%s' (row %d): they are different %s; give them one spelling if they "
                        "are one",
                        wh, pairs, s, what, pv_cell(t, fa, (size_t)col), t->row_line[fa],
                        pv_cell(t, fb, (size_t)col), t->row_line[fb], whats);
    return rc ? -1 : 0;
}

int pv_check_force(const pv_case *c, const pv_ranking *r, pv_error *err)
{
    for (size_t i = 0; i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        if (q->type != PV_C_FORCE)
            continue;
        for (size_t k = 0; k < q->nprojects; k++) {
            const pv_proj_result *p = &r->p[q->projects[k]];
            if (!p->eligible && !p->nexcluded) {
                pv_err(err, PV_EINPUT, c->path, 0, 0,
                       "constraints: %s: project '%s' is forced in but is below a quality "
                       "threshold (min_score or a criterion's min)",
                       q->id, pv_project_id(c, q->projects[k]));
                return -1;
            }
            if (!p->eligible) {
                const pv_rule *ru = &c->model->rules[p->excluded_by[0]];
                pv_err(err, PV_EINPUT, c->path, 0, 0,
                       "constraints: %s: project '%s' is forced in but excluded by rule '%s' (%s)",
                       q->id, pv_project_id(c, q->projects[k]), ru->id,
                       ru->because_en ? ru->because_en
                       : ru->because  ? ru->because
                                      : "");
                return -1;
            }
        }
    }
    return 0;
}

pv_warnings *pv_check_all(const pv_case *c, pv_errors **all, pv_error *err)
{
    pv_errors *list = all ? pv_errors_new() : NULL;
    if (all && !list) {
        pv_err_nomem(err);
        return NULL;
    }
    pv_errors *prev = pv_err_collect_begin(list);
    pv_warnings *w = pv_check(c, err);
    pv_err_collect_end(prev);
    if (all)
        *all = list;
    return w;
}

pv_warnings *pv_check(const pv_case *c, pv_error *err)
{
    pv_ranking *r = pv_rank(c, err);
    if (!r)
        return NULL;
    /* what select would refuse, refused here: a case check passes runs */
    if (pv_check_force(c, r, err)) {
        pv_ranking_free(r);
        return NULL;
    }
    pv_warnings *w = pv_calloc(1, sizeof *w);
    const pv_model *m = c->model;
    const pv_table *P = c->projects;
    int *used = pv_calloc(P->ncols, sizeof(int));
    int oom = !w || !used;
    if (oom)
        goto done;
    used[c->proj_id_col] = 1;
    if (c->proj_name_col >= 0)
        used[c->proj_name_col] = 1;
    if (c->proj_partners_col >= 0)
        used[c->proj_partners_col] = 1;
    for (size_t i = 0; i < m->nleaves; i++)
        if (m->leaves[i]->field.scope == PV_SCOPE_PROJECT && m->leaves[i]->field.col >= 0)
            used[m->leaves[i]->field.col] = 1;
    for (size_t i = 0; i < m->nrules; i++)
        mark_cond(m->rules[i].cond, used);
    for (size_t i = 0; i < c->nres; i++)
        used[c->res[i].col] = 1;
    for (int i = 0; c->cofin && i < 4; i++)
        if (c->cofin->col[i] >= 0)
            used[c->cofin->col[i]] = 1;
    /* Columns the case's labels name (reports show them), and municipality
     * (which agreements are the case's own) are used too. */
    for (size_t i = 0; i < c->nlabels; i++) {
        int col = pv_table_col(P, c->labels[i].column);
        if (col >= 0)
            used[col] = 1;
    }
    if (c->obj_column && pv_table_col(P, c->obj_column) >= 0)
        used[pv_table_col(P, c->obj_column)] = 1; /* the weighted objective's column */
    if (pv_table_col(P, "municipality") >= 0 && c->partners &&
        pv_table_col(c->partners, "municipality") >= 0)
        used[pv_table_col(P, "municipality")] = 1;
    for (size_t i = 0; i < c->ncons; i++)
        if (c->cons[i].col >= 0 &&
            (c->cons[i].type == PV_C_COUNT || c->cons[i].type == PV_C_SHARE))
            used[c->cons[i].col] = 1;
    oom |= warn_unused(P, used, w);
    for (size_t i = 0; i < m->nall && !oom; i++)
        if (m->all[i]->weight == 0)
            oom |= warn(w, "%s: %s: weight is 0, so this criterion has no effect", m->path,
                        m->all[i]->path);
    /* weights a rank, swing or ahp level replaces: one line for all */
    pv_buf rb;
    pv_buf_init(&rb);
    size_t nrep = 0;
    for (size_t i = 0; i < m->nall; i++) {
        const pv_criterion *cr = m->all[i];
        pv_wmethod lm = cr->parent ? cr->parent->child_method : m->top_method;
        if (!cr->weight_written || lm == PV_W_DIRECT)
            continue;
        if (nrep < 5)
            pv_buf_printf(&rb, "%s%s.weight", nrep ? ", " : "", cr->path);
        else if (nrep == 5)
            pv_buf_puts(&rb, ", …");
        nrep++;
    }
    if (nrep && !oom)
        oom |= rb.oom || warn(w,
                              "%s: %zu weight%s written where the level's rank, swing or ahp "
                              "weighting replaces %s, so %s no effect: %s",
                              m->path, nrep, nrep == 1 ? "" : "s", nrep == 1 ? "it" : "them",
                              nrep == 1 ? "it has" : "they have", rb.data ? rb.data : "");
    pv_buf_free(&rb);
    if (m->top_method == PV_W_AHP && m->top_cr > 0.10 && !oom)
        oom |= warn(w, "%s: weighting: AHP consistency ratio CR = %.3f > 0.10; revise the "
                       "pairwise comparisons",
                    m->path, m->top_cr);
    for (size_t i = 0; i < m->nall && !oom; i++)
        if (m->all[i]->child_method == PV_W_AHP && m->all[i]->cr > 0.10)
            oom |= warn(w, "%s: %s.weighting: AHP consistency ratio CR = %.3f > 0.10; revise "
                           "the pairwise comparisons",
                        m->path, m->all[i]->path, m->all[i]->cr);
    for (size_t i = 0; i < m->nleaves && !oom; i++) {
        const pv_criterion *l = m->leaves[i];
        int constant = r->n > 1;
        for (size_t j = 1; j < r->n && constant; j++)
            if (r->p[j].value[i] != r->p[0].value[i])
                constant = 0;
        if (constant)
            oom |= warn(w,
                        "%s: %s: every project gets the same value (%.3f), so this criterion "
                        "does not separate them",
                        m->path, l->path, r->p[0].value[i]);
    }
    for (size_t i = 0; i < m->nleaves && !oom; i++)
        oom |= warn_clamped(c, r, i, w);
    for (size_t k = 0; k < c->nres && !oom; k++)
        oom |= (c->res[k].col >= 0 && warn_empty_amounts(c, k, w)) || warn_partner_column(c, k, w);
    if (!oom)
        oom |= warn_twins(P, c->proj_id_col, "project", 0, w) != 0 ||
               warn_twins(P, c->proj_id_col, "project", 1, w) != 0;
    if (!oom)
        oom |= warn_twins(c->partners, c->part_id_col, "partner", 0, w) != 0 ||
               warn_twins(c->partners, c->part_id_col, "partner", 1, w) != 0;
    if (!oom)
        oom |= warn_munis(c, w) != 0 || warn_cons_values(c, w) != 0 || warn_label_codes(c, w) != 0;
done:
    pv_free(used);
    pv_ranking_free(r);
    if (oom) {
        pv_warnings_free(w);
        pv_err_nomem(err);
        return NULL;
    }
    return w;
}
