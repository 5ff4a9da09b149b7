/*
 * starter.c — pv_init_case: a runnable starter case for one municipality,
 * made from a shipped example case. What it writes into a new or empty
 * folder:
 *   case.json            the example's name, home, resources and labels
 *                        (no constraints: they name the example's proposals)
 *   model.json           a copy of the example's model
 *   projects.csv         exactly the columns the model and the case read,
 *                        and two of the example's proposals
 *   projects-columns.csv what each column means and its allowed values
 *                        (or, for a projects file named *.xlsx, a workbook
 *                        with both: starter_xlsx.c)
 *   partners.csv         the municipality's own agreements and candidates
 *   countries.csv        the country indicators, every row
 * Every CSV file is in Swedish Excel's dialect (UTF-8 BOM, ';', decimal
 * comma, CRLF), as a coordinator's spreadsheet saves it.
 */
#include "starter.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define TR(sv, en, svtext) ((sv) ? (svtext) : (en))

/* ---------------------------------------------------------- CSV dialect */

/* A cell in Swedish Excel's form: a plain decimal number gets a comma. */
static void sv_cell(pv_buf *b, const char *s)
{
    double v;
    if (strchr(s, '.') && !strpbrk(s, "eE") && pv_parse_number(s, 0, &v) == 0) {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%s", s);
        char *dot = strchr(tmp, '.');
        if (dot)
            *dot = ',';
        pv_buf_csv_field(b, tmp, ';');
    } else
        pv_buf_csv_field(b, s, ';');
}

static void sv_start(pv_buf *b) { pv_buf_puts(b, "\xEF\xBB\xBF"); }
static void sv_sep(pv_buf *b) { pv_buf_putc(b, ';'); }
static void sv_eol(pv_buf *b) { pv_buf_puts(b, "\r\n"); }

/* Rows where keep[row], all columns where col_on is NULL or col_on[col]. */
static void sv_table(pv_buf *b, const pv_table *t, const unsigned char *col_on,
                     const unsigned char *keep)
{
    sv_start(b);
    int first = 1;
    for (size_t k = 0; k < t->ncols; k++)
        if (!col_on || col_on[k]) {
            if (!first)
                sv_sep(b);
            first = 0;
            pv_buf_csv_field(b, t->header[k], ';');
        }
    sv_eol(b);
    for (size_t i = 0; i < t->nrows; i++) {
        if (!keep[i])
            continue;
        first = 1;
        for (size_t k = 0; k < t->ncols; k++)
            if (!col_on || col_on[k]) {
                if (!first)
                    sv_sep(b);
                first = 0;
                sv_cell(b, pv_cell(t, i, k));
            }
        sv_eol(b);
    }
}

/* ---------------------------------------------------------- what is read */

int pv_starter_cond_walk(const pv_cond *k, int col, int (*fn)(const pv_cond *cmp, void *ctx),
                         void *ctx)
{
    if (k->kind != PV_COND_CMP) {
        int rc = 0;
        for (size_t i = 0; i < k->nkids && !rc; i++)
            rc = pv_starter_cond_walk(k->kids[i], col, fn, ctx);
        return rc;
    }
    if (k->field.scope != PV_SCOPE_PROJECT || k->field.col < 0 || (col >= 0 && k->field.col != col))
        return 0;
    return fn(k, ctx);
}

static int mark_col(const pv_cond *cmp, void *used)
{
    ((unsigned char *)used)[cmp->field.col] = 1;
    return 0;
}

/* The projects' columns that the model and the resources read, with the
 * structural ones (id, name, partners, municipality). */
static void used_columns(const pv_case *c, unsigned char *used)
{
    const pv_model *m = c->model;
    used[c->proj_id_col] = 1;
    int extra[] = {c->proj_name_col, c->proj_partners_col,
                   pv_table_col(c->projects, "municipality")};
    for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
        if (extra[i] >= 0)
            used[extra[i]] = 1;
    for (size_t i = 0; i < m->nleaves; i++)
        if (m->leaves[i]->field.scope == PV_SCOPE_PROJECT && m->leaves[i]->field.col >= 0)
            used[m->leaves[i]->field.col] = 1;
    for (size_t i = 0; i < m->nrules; i++)
        pv_starter_cond_walk(m->rules[i].cond, -1, mark_col, used);
    for (size_t i = 0; i < c->nres; i++)
        if (c->res[i].col >= 0)
            used[c->res[i].col] = 1;
}

/* Does list cell s (items split on '|') name an item of list cell set? */
static int lists_meet(const char *s, const char *set)
{
    size_t n = 0, m = 0;
    char **a = pv_split_list(s, &n), **b = pv_split_list(set, &m);
    int meet = 0;
    for (size_t i = 0; a && b && i < n && !meet; i++)
        for (size_t k = 0; k < m && !meet; k++)
            meet = !strcmp(a[i], b[k]);
    if (a)
        pv_free_list(a, n);
    if (b)
        pv_free_list(b, m);
    return meet;
}

/* The municipality's own partners: those whose municipality cell names one
 * of the example proposals' municipalities; without those columns, the
 * partners the proposals name. */
static void own_partners(const pv_case *c, unsigned char *keep)
{
    const pv_table *Q = c->partners;
    int pm = pv_table_col(Q, "municipality"), jm = pv_table_col(c->projects, "municipality");
    for (size_t j = 0; j < c->projects->nrows; j++) {
        if (pm < 0 || jm < 0) {
            for (size_t q = 0; q < c->proj_npartners[j]; q++)
                keep[c->proj_partners[j][q]] = 1;
            continue;
        }
        for (size_t p = 0; p < Q->nrows; p++)
            if (!keep[p] && lists_meet(pv_cell(Q, p, (size_t)pm), pv_cell(c->projects, j, (size_t)jm)))
                keep[p] = 1;
    }
}

/* Two example proposals whose partners are all in the partners file: the
 * pair whose values differ on the most criteria (ties to the first pair in
 * file order), so that the first check does not warn that a criterion
 * gives both the same value; the first two such rows when the ranking
 * cannot be made. -1 when out of memory. */
static int example_rows(const pv_case *c, const unsigned char *keep_part, unsigned char *keep,
                        pv_error *err)
{
    size_t n = c->projects->nrows, m = 0;
    size_t *ok = pv_malloc((n + 1) * sizeof *ok);
    if (!ok) {
        pv_err_nomem(err);
        return -1;
    }
    for (size_t j = 0; j < n; j++) {
        int all = 1;
        for (size_t q = 0; q < c->proj_npartners[j]; q++)
            all &= keep_part[c->proj_partners[j][q]];
        if (all)
            ok[m++] = j;
    }
    pv_error e;
    pv_error_clear(&e);
    pv_ranking *r = m > 2 ? pv_rank(c, &e) : NULL;
    size_t best_a = 0, best_b = 1, best = 0;
    for (size_t a = 0; r && a < m; a++)
        for (size_t b = a + 1; b < m; b++) {
            size_t d = 0;
            for (size_t k = 0; k < c->model->nleaves; k++)
                d += r->p[ok[a]].value[k] != r->p[ok[b]].value[k];
            if (d > best) {
                best = d;
                best_a = a;
                best_b = b;
            }
        }
    pv_ranking_free(r);
    if (m > best_a)
        keep[ok[best_a]] = 1;
    if (m > best_b)
        keep[ok[best_b]] = 1;
    pv_free(ok);
    return 0;
}

/* ---------------------------------------------------------- descriptions */

/* A category as the reader may type it: yes/no in the sheet's language
 * (the yes/no reader takes either), else its code with the case's label. */
static void describe_cat(pv_buf *b, const pv_case *c, const char *column, const char *key, int sv)
{
    if (pv_yesno_word(key)) {
        int yes = pv_yesno(key) == PV_YN_YES;
        pv_buf_puts(b, pv_yes_no(yes, sv));
        return;
    }
    const char *label = pv_case_value_label(c, column, key, sv);
    pv_buf_puts(b, key);
    if (label && strcmp(label, key))
        pv_buf_printf(b, " (%s)", label);
}

static void describe_vf(pv_buf *b, const pv_case *c, const char *column, const pv_valuefn *v,
                        int sv)
{
    if (v->type == PV_VF_CATEGORICAL) {
        pv_buf_puts(b, TR(sv, "one of: ", "en av: "));
        for (size_t i = 0; i < v->ncat; i++) {
            pv_buf_puts(b, i ? ", " : "");
            describe_cat(b, c, column, v->cat_key[i], sv);
        }
    } else if (v->type == PV_VF_LINEAR) {
        pv_buf_printf(b, TR(sv, "a number (worst %g, best %g)", "ett tal (sämst %g, bäst %g)"),
                      v->worst, v->best);
    } else if (v->npts) {
        pv_buf_printf(b, TR(sv, "a number (scored from %g to %g)", "ett tal (poängsätts från %g till %g)"),
                      v->px[0], v->px[v->npts - 1]);
    }
}

/* The values (strings) a rule compares a column with, listed in a buffer. */
typedef struct cond_list {
    pv_buf *b;
    int n;
} cond_list;

static int list_values(const pv_cond *k, void *ctx)
{
    cond_list *l = ctx;
    if (k->str && !k->val_is_num)
        pv_buf_printf(l->b, "%s%s", l->n++ ? ", " : "", k->str);
    for (size_t i = 0; i < k->nlist; i++)
        if (!k->list_is_num[i])
            pv_buf_printf(l->b, "%s%s", l->n++ ? ", " : "", k->list_str[i]);
    return 0;
}

static int reads(const pv_cond *k, void *ctx)
{
    (void)k;
    (void)ctx;
    return 1;
}

void pv_starter_describe(const pv_case *c, size_t k, int sv, pv_buf *mean, pv_buf *vals)
{
    const pv_model *m = c->model;
    const char *h = c->projects->header[k];
    int uses = 0;
    if ((int)k == c->proj_id_col) {
        pv_buf_puts(mean, TR(sv, "the proposal's unique id", "förslagets unika id"));
        pv_buf_puts(vals, TR(sv, "text, unique, at most 200 bytes", "text, unik, högst 200 byte"));
        return;
    }
    if ((int)k == c->proj_name_col) {
        pv_buf_puts(mean, TR(sv, "the proposal's name", "förslagets namn"));
        pv_buf_puts(vals, TR(sv, "text", "text"));
        return;
    }
    if ((int)k == c->proj_partners_col) {
        pv_buf_puts(mean, TR(sv, "the partners the proposal needs", "partner som förslaget kräver"));
        pv_buf_puts(vals, TR(sv, "ids from partners.csv, separated by |",
                             "id:n ur partners.csv, åtskilda med |"));
        return;
    }
    if (!strcmp(h, "municipality")) {
        pv_buf_puts(mean, TR(sv, "the proposing municipality (its agreements are its own)",
                             "kommunen som föreslår (dess avtal är dess egna)"));
        pv_buf_puts(vals, TR(sv, "municipality ids as in partners.csv, separated by |",
                             "kommun-id som i partners.csv, åtskilda med |"));
        return;
    }
    for (size_t i = 0; i < m->nleaves; i++) {
        const pv_criterion *l = m->leaves[i];
        if (l->field.scope != PV_SCOPE_PROJECT || l->field.col != (int)k)
            continue;
        const char *label = sv ? l->label_sv : l->label_en;
        char pct[32];
        snprintf(pct, sizeof pct, "%.1f", 100 * l->global);
        if (sv && strchr(pct, '.'))
            *strchr(pct, '.') = ','; /* decimal comma */
        pv_buf_printf(mean, "%s%s '%s' (%s %%)", uses++ ? "; " : "",
                      TR(sv, "criterion", "kriterium"), label ? label : l->id, pct);
        if (!vals->len)
            describe_vf(vals, c, h, &l->vf, sv);
    }
    for (size_t i = 0; i < m->nrules; i++) {
        if (!pv_starter_cond_walk(m->rules[i].cond, (int)k, reads, NULL))
            continue;
        pv_buf_printf(mean, "%s%s '%s': %s", uses++ ? "; " : "", TR(sv, "rule", "regel"),
                      pv_rule_name(&m->rules[i], sv),
                      pv_rule_because(&m->rules[i], sv));
        if (!vals->len) {
            cond_list l = {vals, 0};
            pv_starter_cond_walk(m->rules[i].cond, (int)k, list_values, &l);
            if (l.n)
                pv_buf_puts(vals, TR(sv, " (or other text)", " (eller annan text)"));
        }
    }
    for (size_t i = 0; i < c->nres; i++)
        if (c->res[i].col == (int)k) {
            pv_buf_printf(mean, "%s%s '%s'", uses++ ? "; " : "",
                          TR(sv, "use of resource", "åtgång av resursen"), pv_res_name(c, i, sv));
            if (!vals->len)
                pv_buf_puts(vals, TR(sv, "a number >= 0", "ett tal >= 0"));
        }
    if (!vals->len)
        pv_buf_puts(vals, TR(sv, "text or a number", "text eller ett tal"));
}

static void columns_sheet(pv_buf *b, const pv_case *c, const unsigned char *used, int sv)
{
    sv_start(b);
    pv_buf_printf(b, "%s;%s;%s", TR(sv, "column", "kolumn"), TR(sv, "meaning", "betydelse"),
                  TR(sv, "allowed values", "tillåtna värden"));
    sv_eol(b);
    for (size_t k = 0; k < c->projects->ncols; k++) {
        if (!used[k])
            continue;
        pv_buf mean, vals;
        pv_buf_init(&mean);
        pv_buf_init(&vals);
        pv_starter_describe(c, k, sv, &mean, &vals);
        pv_buf_csv_field(b, c->projects->header[k], ';');
        sv_sep(b);
        pv_buf_csv_field(b, mean.data ? mean.data : "", ';');
        sv_sep(b);
        pv_buf_csv_field(b, vals.data ? vals.data : "", ';');
        sv_eol(b);
        b->oom |= mean.oom | vals.oom;
        pv_buf_free(&mean);
        pv_buf_free(&vals);
    }
}

/* ---------------------------------------------------------- case.json */

/* projects: the projects file's name; sheet: its sheet in a workbook, or NULL. */
static void case_json(pv_buf *b, const pv_case *c, const unsigned char *used, int sv,
                      const char *projects, const char *sheet)
{
    const char *dash = c->name ? strstr(c->name, " – ") : NULL;
    pv_buf nm;
    pv_buf_init(&nm);
    pv_buf_put(&nm, c->name ? c->name : "", dash ? (size_t)(dash - c->name) : strlen(c->name ? c->name : ""));
    pv_buf_puts(&nm, TR(sv, " – new case", " – nytt ärende"));
    pv_buf_puts(b, "{\n  \"name\": ");
    pv_buf_json_str(b, nm.data ? nm.data : "");
    b->oom |= nm.oom;
    pv_buf_free(&nm);
    pv_buf_puts(b, ",\n  \"model\": \"model.json\",\n");
    /* whose agreements the partners file's are, as the example says */
    for (size_t i = 0; i < c->nmunis; i++) {
        pv_buf_puts(b, i ? ", " : c->nmunis > 1 ? "  \"municipality\": [" : "  \"municipality\": ");
        pv_buf_json_str(b, c->munis[i]);
    }
    if (c->nmunis)
        pv_buf_puts(b, c->nmunis > 1 ? "],\n" : ",\n");
    if (c->has_home)
        pv_buf_printf(b, "  \"home\": {\"lat\": %.6f, \"lon\": %.6f},\n", c->home_lat, c->home_lon);
    pv_buf_puts(b, "  \"data\": {\"projects\": ");
    if (sheet) {
        pv_buf_puts(b, "{\"file\": ");
        pv_buf_json_str(b, projects);
        pv_buf_puts(b, ", \"sheet\": ");
        pv_buf_json_str(b, sheet);
        pv_buf_putc(b, '}');
    } else
        pv_buf_json_str(b, projects);
    pv_buf_puts(b, ", \"partners\": \"partners.csv\"");
    if (c->countries)
        pv_buf_puts(b, ", \"countries\": \"countries.csv\"");
    pv_buf_puts(b, "},\n  \"resources\": {");
    for (size_t i = 0; i < c->nres; i++) {
        const pv_resource *r = &c->res[i];
        pv_buf_puts(b, i ? ",\n    " : "\n    ");
        pv_buf_json_str(b, r->id);
        pv_buf_puts(b, ": {\"column\": ");
        pv_buf_json_str(b, r->column);
        if (r->partner_column) {
            pv_buf_puts(b, ", \"partner_column\": ");
            pv_buf_json_str(b, r->partner_column);
        }
        pv_buf_puts(b, ", \"limit\": ");
        pv_buf_num(b, r->limit, 0);
        /* the example's display name and unit, so that the first reports
         * say Budget and kr, not budget_sek */
        const char *pairs[2][3] = {{"name", r->name_sv, r->name_en},
                                   {"unit", r->unit_sv, r->unit_en}};
        for (int k = 0; k < 2; k++) {
            if (!pairs[k][1] && !pairs[k][2])
                continue;
            pv_buf_printf(b, ",\n      \"%s\": {\"sv\": ", pairs[k][0]);
            pv_buf_json_str(b, pairs[k][1] ? pairs[k][1] : pairs[k][2]);
            pv_buf_puts(b, ", \"en\": ");
            pv_buf_json_str(b, pairs[k][2] ? pairs[k][2] : pairs[k][1]);
            pv_buf_putc(b, '}');
        }
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, "\n  },\n  \"keep_existing\": false,\n  \"labels\": {");
    int ncol = 0;
    for (size_t i = 0; i < c->nlabels; i++) {
        const char *col = c->labels[i].column;
        int k = pv_table_col(c->projects, col), seen = 0;
        for (size_t h = 0; h < i && !seen; h++)
            seen = !strcmp(c->labels[h].column, col);
        if (k < 0 || !used[k] || seen)
            continue; /* each column once, at its first label */
        pv_buf_puts(b, ncol++ ? ",\n    " : "\n    ");
        pv_buf_json_str(b, col);
        pv_buf_puts(b, ": {");
        int nv = 0;
        for (size_t h = i; h < c->nlabels; h++) {
            const pv_label *l = &c->labels[h];
            if (strcmp(l->column, col))
                continue;
            pv_buf_puts(b, nv++ ? ",\n      " : "\n      ");
            pv_buf_json_str(b, l->value);
            pv_buf_puts(b, ": {\"sv\": ");
            pv_buf_json_str(b, l->sv ? l->sv : l->value);
            pv_buf_puts(b, ", \"en\": ");
            pv_buf_json_str(b, l->en ? l->en : l->value);
            pv_buf_putc(b, '}');
        }
        pv_buf_puts(b, "\n    }");
    }
    pv_buf_puts(b, ncol ? "\n  }\n}\n" : "}\n}\n");
}

/* ---------------------------------------------------------- the folder */

/* dir must be new (it is made: *made set) or an empty folder. */
static int prepare_dir(const char *dir, int *made, pv_error *err)
{
    *made = 0;
    if (mkdir(dir, 0777) == 0) {
        *made = 1;
        return 0;
    }
    if (errno != EEXIST) {
        pv_err(err, PV_EUSAGE, dir, 0, 0, "cannot create the folder: %s", strerror(errno));
        return -1;
    }
    DIR *d = opendir(dir);
    if (!d) {
        pv_err(err, PV_EUSAGE, dir, 0, 0, "exists and is not a folder that can be read");
        return -1;
    }
    struct dirent *e;
    int empty = 1;
    while (empty && (e = readdir(d)))
        empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
    closedir(d);
    if (!empty) {
        pv_err(err, PV_EUSAGE, dir, 0, 0,
               "is not empty: init writes only into a new or empty folder, never over files");
        return -1;
    }
    return 0;
}

/* Writes len bytes of data (freed) as dir/name. */
static int put_bytes(const char *dir, const char *name, char *data, size_t len, pv_error *err)
{
    if (!data)
        return -1;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int rc = pv_write_file_atomic(NULL, path, data, len, err);
    pv_free(data);
    return rc;
}

static int put_file(const char *dir, const char *name, pv_buf *b, pv_error *err)
{
    size_t len = 0;
    char *text = pv_buf_finish(b, &len, err);
    return put_bytes(dir, name, text, len, err);
}

static int copy_file(const char *dir, const char *name, const char *from, pv_error *err)
{
    size_t len = 0;
    char *data = pv_read_file(from, &len, err);
    return put_bytes(dir, name, data, len, err);
}

/* A workbook (name ends in .xlsx, any case)? */
static int is_xlsx(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && !strcasecmp(name + n - 5, ".xlsx");
}

/* The projects file's name: a plain file name ending in .csv or .xlsx, not
 * one of the other files init writes. */
static int check_projects_name(const char *name, pv_error *err)
{
    static const char *const taken[] = {"case.json", "model.json", "partners.csv",
                                        "countries.csv", "projects-columns.csv"};
    size_t n = strlen(name);
    int ok = n > 4 && name[0] != '.' && !strchr(name, '/') && !strchr(name, '\\') &&
             (is_xlsx(name) || !strcasecmp(name + n - 4, ".csv"));
    for (size_t i = 0; ok && i < sizeof taken / sizeof *taken; i++)
        ok = strcasecmp(name, taken[i]) != 0;
    if (!ok)
        pv_err(err, PV_EUSAGE, name, 0, 0,
               "the projects file must be a plain file name ending in .csv or .xlsx (e.g. "
               "projekt.xlsx), other than case.json, model.json, partners.csv, countries.csv "
               "and projects-columns.csv");
    return ok ? 0 : -1;
}

static int write_all(const pv_case *c, const char *dir, const char *projects, int sv,
                     unsigned char *used, unsigned char *keep_part, unsigned char *keep_proj,
                     pv_error *err)
{
    int xlsx = is_xlsx(projects);
    pv_buf b;
    pv_buf_init(&b);
    case_json(&b, c, used, sv, projects, xlsx ? pv_starter_sheet(sv) : NULL);
    if (put_file(dir, "case.json", &b, err) || copy_file(dir, "model.json", c->model->path, err))
        return -1;
    if (xlsx) { /* the column descriptions are the workbook's second sheet */
        size_t len = 0;
        char *book = pv_starter_xlsx(c, used, keep_proj, sv, &len, err);
        if (put_bytes(dir, projects, book, len, err))
            return -1;
    } else {
        pv_buf_init(&b);
        sv_table(&b, c->projects, used, keep_proj);
        if (put_file(dir, projects, &b, err))
            return -1;
        pv_buf_init(&b);
        columns_sheet(&b, c, used, sv);
        if (put_file(dir, "projects-columns.csv", &b, err))
            return -1;
    }
    pv_buf_init(&b);
    sv_table(&b, c->partners, NULL, keep_part);
    if (put_file(dir, "partners.csv", &b, err))
        return -1;
    if (!c->countries)
        return 0;
    /* rewritten rather than copied, so that it opens in Swedish Excel too */
    unsigned char *all = pv_malloc(c->countries->nrows + 1);
    if (!all) {
        pv_err_nomem(err);
        return -1;
    }
    memset(all, 1, c->countries->nrows + 1);
    pv_buf_init(&b);
    sv_table(&b, c->countries, NULL, all);
    pv_free(all);
    return put_file(dir, "countries.csv", &b, err);
}

/* After a failed write_all: the files it may have written removed, and the
 * folder when init made it, so that the folder is as it was (new or empty)
 * and init can simply be run again. */
static void undo_all(const char *dir, const char *projects, int made)
{
    const char *const names[] = {"case.json",    "model.json",    projects,
                                 "partners.csv", "countries.csv", "projects-columns.csv"};
    char path[4096];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        (void)unlink(path);
    }
    if (made)
        (void)rmdir(dir);
}

int pv_init_case(const char *example_case, const char *dir, pv_lang lang, pv_error *err)
{
    return pv_init_case_file(example_case, dir, NULL, lang, err);
}

int pv_init_case_file(const char *example_case, const char *dir, const char *projects,
                      pv_lang lang, pv_error *err)
{
    if (!example_case || !dir || !*dir) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "pv_init_case: no example case or folder");
        return -1;
    }
    if (!projects)
        projects = "projects.csv";
    if (check_projects_name(projects, err))
        return -1;
    pv_case *c = pv_case_load(example_case, err);
    if (!c)
        return -1;
    if (!c->partners) {
        pv_err(err, PV_EINPUT, example_case, 0, 0, "the example case has no partners file");
        pv_case_free(c);
        return -1;
    }
    int sv = lang == PV_LANG_SV ||
             (lang == PV_LANG_DEFAULT && (!c->model->language || !strcmp(c->model->language, "sv")));
    unsigned char *used = pv_calloc(c->projects->ncols + 1, 1);
    unsigned char *keep_part = pv_calloc(c->partners->nrows + 1, 1);
    unsigned char *keep_proj = pv_calloc(c->projects->nrows + 1, 1);
    int rc = -1, made = 0;
    if (!used || !keep_part || !keep_proj)
        pv_err_nomem(err);
    else if (!prepare_dir(dir, &made, err)) {
        used_columns(c, used);
        own_partners(c, keep_part);
        if (!example_rows(c, keep_part, keep_proj, err))
            rc = write_all(c, dir, projects, sv, used, keep_part, keep_proj, err);
        if (rc)
            undo_all(dir, projects, made);
    }
    pv_free(used);
    pv_free(keep_part);
    pv_free(keep_proj);
    pv_case_free(c);
    return rc;
}
