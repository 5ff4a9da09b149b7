/* outcomes.c — the case's "followup": the outcomes register, one row per
 * project or agreement per year (what was done, what it used, what came in
 * from outside, how it served the model's goals, when it was last
 * evaluated). The register is a table like every other (CSV in either
 * dialect, or a workbook's sheet). Every bad cell is found in one pass: the errors are reported
 * together, each with its row (the spreadsheet's row number) and column. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void pv_outcomes_free(pv_outcomes *o, size_t nres)
{
    (void)nres;
    if (!o)
        return;
    for (size_t i = 0; i < o->n; i++) {
        pv_free(o->rows[i].actual);
        pv_free(o->rows[i].goal);
    }
    pv_table_free(o->t);
    void *own[] = {o->rows, o->actual_col, o->goal_col, o->path, o};
    pv_free_each(own, sizeof own / sizeof *own);
}

/* ---- errors, all at once: each is raised on its own (the load collects
 * every input error, see pv_err_collect_begin), the caller's err gets the
 * first (the collector keeps it once). */
typedef struct errs {
    pv_error first;
    size_t n;
} errs;

static void add_err(errs *e, const pv_table *t, size_t r, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void add_err(errs *e, const pv_table *t, size_t r, int col, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pv_error one;
    pv_error_clear(&one);
    if (col >= 0)
        pv_err(&one, PV_EINPUT, t->path, t->row_line[r], col + 1, "column '%s': %s",
               t->header[col], msg);
    else
        pv_err(&one, PV_EINPUT, t->path, t->row_line[r], 0, "%s", msg);
    if (!e->n++)
        e->first = one;
}

static int flush_errs(errs *e, pv_error *err)
{
    if (!e->n)
        return 0;
    const pv_error *f = &e->first;
    pv_err(err, f->code, f->source, f->line, f->column, "%s", f->text);
    return -1;
}

/* ---- status words */
/* ASCII and Latin-1 (Å Ä Ö É …) to lower case, trimmed, into out. */
static void fold(const char *s, char *out, size_t size)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = 0;
    for (; *s && n + 2 < size; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == 0xC3 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9E &&
            (unsigned char)s[1] != 0x97) {
            out[n++] = (char)0xC3;
            out[n++] = (char)((unsigned char)s[1] + 0x20);
            s++;
        } else
            out[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    while (n && (out[n - 1] == ' ' || out[n - 1] == '\t'))
        n--;
    out[n] = '\0';
}

int pv_ostatus_parse(const char *s)
{
    /* Each status's spellings (English, Swedish, Swedish without å ä ö), in
     * the order of pv_ostatus; '|' ends a status. */
    static const char W[] = "planned planerad planerat|applied ansökt ansokt|granted beviljad "
                            "beviljat|rejected avslagen avslaget|running pågående pagaende|done "
                            "klar klart avslutad avslutat|cancelled canceled inställd inställt "
                            "installd avbruten avbrutet|";
    char f[64];
    fold(s, f, sizeof f);
    size_t n = strlen(f);
    int st = 0;
    for (const char *w = W; *w; st += *w == '|', w++) {
        size_t len = strcspn(w, " |");
        if (n && len == n && !memcmp(w, f, n))
            return st;
        w += len;
    }
    return -1;
}

/* "YYYY-MM-DD", a real date: YYYYMMDD, or 0. */
static int parse_date(const char *s)
{
    int y, m, d;
    char tail;
    while (*s == ' ')
        s++;
    if (strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s[4] != '-' ||
        s[7] != '-')
        return 0;
    static const int DAYS[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return y * 10000 + m * 100 + d;
}

/* ---- the case key */
typedef struct fu_spec {
    const char *external;
    json_t *actual;
    int months;
} fu_spec;

/* One member of "actual": a resource of the case -> a column of the register. */
static int actual_column(pvj_ctx *x, const char *key, json_t *val, const char *k, void *ctx)
{
    const pv_case *c = ctx;
    int found = 0;
    for (size_t i = 0; i < c->nres; i++)
        found |= !strcmp(c->res[i].id, key);
    if (!found) {
        pvj_err(x, k, "is not a resource of the case");
        return -1;
    }
    if (!json_is_string(val) || !json_string_value(val)[0]) {
        pvj_err(x, k, "must be a column name of the register");
        return -1;
    }
    return 0;
}

static int read_spec(pvj_ctx *x, const pv_case *c, json_t *v, fu_spec *sp)
{
    if (pvj_expect(x, v, JSON_OBJECT, "followup",
                   "must be an object: {\"outcomes\": \"outcomes.csv\", \"actual\": "
                   "{resource: column}, \"external\": column}"))
        return -1;
    sp->external = pvj_str(x, v, "external", "followup", 0);
    double months = 24;
    if (pvj_num(x, v, "review_months", "followup", &months) < 0 || pv_failed(x->err))
        return -1;
    if (months < 1 || months > 240 || months != floor(months)) {
        pvj_err(x, "followup.review_months", "must be a whole number of months, 1 to 240");
        return -1;
    }
    sp->months = (int)months;
    sp->actual = json_object_get(v, "actual");
    int rc = pvj_opt(x, sp->actual, JSON_OBJECT, "followup.actual",
                     "must be an object: resource id -> column of the register");
    if (rc <= 0)
        return rc;
    return pvj_each(x, sp->actual, "followup.actual", actual_column, (void *)c);
}

/* The register's columns: required, mapped and goal columns. */
static int columns(pvj_ctx *x, const pv_case *c, pv_outcomes *o, const fu_spec *sp)
{
    pv_table *t = o->t;
    static const char *const REQ[] = {"year", "id", "status"};
    int *dst[] = {&o->col_year, &o->col_id, &o->col_status};
    for (int i = 0; i < 3; i++)
        if ((*dst[i] = pv_table_col(t, REQ[i])) < 0) {
            pv_err(x->err, PV_EINPUT, t->path, 1, 0,
                   "no '%s' column in the header (the register needs year, id and status)",
                   REQ[i]);
            return -1;
        }
    static const char *const OPT[] = {"activities", "evaluated", "evaluation", "name",
                                      "department"};
    int *const opt[] = {&o->col_act, &o->col_eval, &o->col_evtext, &o->col_name, &o->col_dept};
    pv_table_cols(t, OPT, opt, 5);
    for (size_t k = 0; k < c->nres; k++) {
        json_t *m = json_object_get(sp->actual, c->res[k].id);
        const char *col = m ? json_string_value(m) : c->res[k].column;
        o->actual_col[k] = pv_table_col(t, col);
        if (m && o->actual_col[k] < 0) {
            char k2[KP];
            pvj_key(k2, "followup.actual", c->res[k].id);
            pvj_unknown_column(x, t, col, k2);
            return -1;
        }
    }
    const char *ext = sp->external ? sp->external : "external_sek";
    o->external_col = pv_table_col(t, ext);
    if (sp->external && o->external_col < 0) {
        pvj_unknown_column(x, t, ext, "followup.external");
        return -1;
    }
    const pv_model *md = c->model;
    for (size_t i = 0; i < t->ncols; i++) {
        const char *h = t->header[i];
        if (strncmp(h, "goal_", 5))
            continue;
        size_t g = 0;
        while (g < md->ntop && strcmp(md->top[g]->id, h + 5))
            g++;
        if (g == md->ntop && c->base_goals && strlen(h + 5) < 200) {
            char key[208];
            snprintf(key, sizeof key, "\n%s\n", h + 5);
            if (strstr(c->base_goals, key))
                continue; /* the scenario removed that goal: nothing to report on it */
        }
        if (g == md->ntop) {
            pv_buf b;
            pv_buf_init(&b);
            for (size_t j = 0; j < md->ntop; j++)
                pv_buf_printf(&b, "%sgoal_%s", j ? ", " : "", md->top[j]->id);
            pv_err(x->err, PV_EINPUT, t->path, 1, (int)i + 1,
                   "column '%s' names no goal of the model (its goals are its top-level "
                   "criteria: %s)",
                   h, b.data ? b.data : "");
            pv_buf_free(&b);
            return -1;
        }
        o->goal_col[g] = (int)i;
    }
    o->planned_ext_col = pv_table_col(c->projects, "external_funding_sek");
    o->dept_col = pv_table_col(c->projects, "department");
    /* the planned external funding the follow-up compares with: a cell that
     * is not a number is an error here, never a silent 0 there */
    for (size_t j = 0; o->planned_ext_col >= 0 && j < c->projects->nrows; j++) {
        double v;
        if (!pv_is_blank(pv_cell(c->projects, j, (size_t)o->planned_ext_col)) &&
            pv_table_number(c->projects, j, (size_t)o->planned_ext_col, &v, x->err))
            return -1;
    }
    return 0;
}

/* An amount cell: empty is 0; a number >= 0 otherwise. */
static void amount(errs *e, const pv_table *t, size_t r, int col, double *out)
{
    *out = 0;
    if (col < 0 || pv_is_blank(pv_cell(t, r, (size_t)col)))
        return;
    int rc = pv_parse_number(pv_cell(t, r, (size_t)col), t->delim == ';', out);
    if (rc) {
        char why[256];
        add_err(e, t, r, col, "'%s' %s", pv_cell(t, r, (size_t)col),
                pv_number_why(pv_cell(t, r, (size_t)col), rc, t->delim == ',', why, sizeof why));
        *out = 0;
    } else if (*out < 0) {
        add_err(e, t, r, col, "amounts must be >= 0, not %s", pv_cell(t, r, (size_t)col));
        *out = 0;
    }
}

static void read_goals(errs *e, const pv_case *c, const pv_outcomes *o, size_t r, pv_outcome *w)
{
    for (size_t g = 0; g < c->model->ntop; g++) {
        int col = o->goal_col[g];
        w->goal[g] = NAN;
        if (col < 0 || pv_is_blank(pv_cell(o->t, r, (size_t)col)))
            continue;
        double v;
        if (pv_parse_number(pv_cell(o->t, r, (size_t)col), o->t->delim == ';', &v) || v < 0 ||
            v > 5)
            add_err(e, o->t, r, col, "goal contribution must be 0 to 5 or empty, not '%s'",
                    pv_cell(o->t, r, (size_t)col));
        else
            w->goal[g] = v;
    }
}

/* One row: year, id, status, amounts, goals, evaluation date. */
static void read_row(errs *e, const pv_case *c, pv_outcomes *o, size_t r, pv_outcome *w)
{
    const pv_table *t = o->t;
    w->row = r;
    w->proj = w->part = -1;
    const char *ys = pv_cell(t, r, (size_t)o->col_year);
    double y;
    if (pv_parse_number(ys, 0, &y) || y != floor(y) || y < PV_OUT_YEAR_MIN || y > PV_OUT_YEAR_MAX)
        add_err(e, t, r, o->col_year, "year must be a whole year from %d to %d, not '%s'",
                PV_OUT_YEAR_MIN, PV_OUT_YEAR_MAX, ys);
    else
        w->year = (int)y;
    const char *id = pv_cell(t, r, (size_t)o->col_id);
    if (pv_is_blank(id))
        add_err(e, t, r, o->col_id, "id is empty");
    else {
        w->proj = pv_case_project_index(c, id);
        w->part = w->proj < 0 ? pv_case_partner_index(c, id) : -1;
        int named = o->col_name >= 0 && !pv_is_blank(pv_cell(t, r, (size_t)o->col_name));
        if (w->proj < 0 && w->part < 0 && !named)
            add_err(e, t, r, o->col_id,
                    "unknown id '%s': not a project of %s nor a partner%s; a project of an "
                    "earlier case needs its name in a 'name' column",
                    id, c->projects->path, c->partners ? " of the partners file" : "");
    }
    const char *st = pv_cell(t, r, (size_t)o->col_status);
    int s = pv_ostatus_parse(st);
    if (s < 0)
        add_err(e, t, r, o->col_status,
                "unknown status '%s' (planned, applied, granted, rejected, running, done, "
                "cancelled; or planerad, ansökt, beviljad, avslagen, pågående, klar, avslutad, "
                "inställd, avbruten)",
                st);
    else
        w->status = (pv_ostatus)s;
    for (size_t k = 0; k < c->nres; k++)
        amount(e, t, r, o->actual_col[k], &w->actual[k]);
    amount(e, t, r, o->external_col, &w->external);
    read_goals(e, c, o, r, w);
    if (o->col_eval >= 0) {
        const char *ev = pv_cell(t, r, (size_t)o->col_eval);
        if (!pv_is_blank(ev) && !(w->evaluated = parse_date(ev)))
            add_err(e, t, r, o->col_eval, "'%s' is not a date YYYY-MM-DD", ev);
    }
}

typedef struct dup_ctx {
    const pv_outcomes *o;
} dup_ctx;

static int dup_cmp(size_t a, size_t b, const void *v)
{
    const pv_outcomes *o = ((const dup_ctx *)v)->o;
    if (o->rows[a].year != o->rows[b].year)
        return o->rows[a].year < o->rows[b].year ? -1 : 1;
    int d = strcmp(pv_cell(o->t, a, (size_t)o->col_id), pv_cell(o->t, b, (size_t)o->col_id));
    return d ? d : (a < b ? -1 : a > b);
}

/* One row per (year, id): a second one is an error naming the first. */
static int duplicates(errs *e, pv_outcomes *o)
{
    size_t *idx = pv_calloc(o->n ? o->n : 1, sizeof *idx);
    if (!idx)
        return -1;
    for (size_t i = 0; i < o->n; i++)
        idx[i] = i;
    dup_ctx dc = {o};
    if (pv_sort_idx(idx, o->n, dup_cmp, &dc)) {
        pv_free(idx);
        return -1;
    }
    for (size_t i = 1; i < o->n; i++) {
        size_t a = idx[i - 1], b = idx[i];
        const char *id = pv_cell(o->t, b, (size_t)o->col_id);
        if (o->rows[a].year && o->rows[a].year == o->rows[b].year && id[0] &&
            !strcmp(pv_cell(o->t, a, (size_t)o->col_id), id))
            add_err(e, o->t, b, o->col_id, "a second row for '%s' in %d (the first is row %d)",
                    id, o->rows[b].year, o->t->row_line[a]);
    }
    pv_free(idx);
    return 0;
}

static int read_rows(pv_case *c, pv_outcomes *o, pv_error *err)
{
    errs e;
    memset(&e, 0, sizeof e);
    pv_error_clear(&e.first);
    size_t n = o->t->nrows, ng = c->model->ntop;
    o->rows = pv_calloc(n ? n : 1, sizeof *o->rows);
    if (!o->rows)
        goto oom;
    o->min_year = PV_OUT_YEAR_MAX + 1;
    for (size_t r = 0; r < n; r++) {
        pv_outcome *w = &o->rows[r];
        w->actual = pv_calloc(c->nres ? c->nres : 1, sizeof(double));
        w->goal = pv_calloc(ng ? ng : 1, sizeof(double));
        o->n = r + 1;
        if (!w->actual || !w->goal)
            goto oom;
        read_row(&e, c, o, r, w);
        if (w->year && w->year < o->min_year)
            o->min_year = w->year;
        if (w->year > o->max_year)
            o->max_year = w->year;
    }
    if (duplicates(&e, o))
        goto oom;
    return flush_errs(&e, err);
oom:
    pv_err_nomem(err);
    return -1;
}

int pvj_outcomes_read(pvj_ctx *x, pv_case *c, json_t *v)
{
    if (!v)
        return 0;
    fu_spec sp;
    memset(&sp, 0, sizeof sp);
    if (read_spec(x, c, v, &sp))
        return -1;
    pv_outcomes *o = pvj_alloc(x, 1, sizeof *o);
    if (!o)
        return -1;
    c->outcomes = o;
    o->review_months = sp.months;
    o->actual_col = pvj_alloc(x, c->nres + 1, sizeof(int));
    o->goal_col = pvj_alloc(x, c->model->ntop + 1, sizeof(int));
    if (!o->actual_col || !o->goal_col)
        return -1;
    for (size_t g = 0; g < c->model->ntop; g++)
        o->goal_col[g] = -1;
    if (!(o->t = pvj_table_at(x, c, v, "followup", "outcomes", 1)))
        return -1;
    if (!(o->path = pvj_dup(x, o->t->path)))
        return -1;
    if (columns(x, c, o, &sp))
        return -1;
    return read_rows(c, o, x->err);
}
