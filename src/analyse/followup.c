/* followup.c — pv_followup_run: the decided portfolio (the case's selection)
 * against the outcomes register over the years from..year; and the follow-up
 * review of each own agreement (see followup.h). */
#include "followup.h"

#include <math.h>
#include <string.h>

/* ---------------------------------------------------------------- agreements */

/* A row shows activity when it says what was done and did not stay a plan
 * or get cancelled. */
static int is_activity(const pv_outcomes *o, size_t r)
{
    const pv_outcome *w = &o->rows[r];
    return o->col_act >= 0 && !pv_is_blank(pv_cell(o->t, r, (size_t)o->col_act)) &&
           w->status != PV_OS_PLANNED && w->status != PV_OS_CANCELLED;
}

/* Does register row r concern partner p: its own row, or a case project
 * that works with it? */
static int concerns(const pv_case *c, const pv_outcome *w, size_t p)
{
    if (w->part >= 0)
        return (size_t)w->part == p;
    if (w->proj < 0)
        return 0;
    for (size_t k = 0; k < c->proj_npartners[w->proj]; k++)
        if (c->proj_partners[w->proj][k] == p)
            return 1;
    return 0;
}

/* date + months (same day, clamped to 28 so that it stays a date). */
static int add_months(int ymd, int months)
{
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    int t = y * 12 + (m - 1) + months;
    return (t / 12) * 10000 + (t % 12 + 1) * 100 + (d > 28 ? 28 : d);
}

void pv_fu_agree_free(pv_fu_agree *a)
{
    if (a) {
        pv_free(a->acts);
        a->acts = NULL;
        a->nacts = 0;
    }
}

int pv_fu_agree_of(const pv_case *c, size_t p, int year, int from, pv_fu_agree *a)
{
    memset(a, 0, sizeof *a);
    a->p = p;
    const pv_outcomes *o = c->outcomes;
    if (!o || !c->partner_agreement || !c->partner_agreement[p])
        return 0;
    a->active = c->partner_active[p];
    a->acts = pv_calloc(o->n ? o->n : 1, sizeof *a->acts);
    if (!a->acts)
        return -1;
    for (size_t r = 0; r < o->n; r++) {
        const pv_outcome *w = &o->rows[r];
        if (w->year > year || !concerns(c, w, p))
            continue;
        if (w->part >= 0 && w->evaluated > a->evaluated)
            a->evaluated = w->evaluated;
        if (!is_activity(o, r))
            continue;
        if (w->year > a->last_activity)
            a->last_activity = w->year;
        if (w->year >= from)
            a->acts[a->nacts++] = r;
    }
    a->eval_old = a->evaluated && add_months(a->evaluated, o->review_months) < year * 10000 + 1231;
    if (a->active)
        a->action = !a->nacts || a->eval_old ? PV_FU_REVIEW : PV_FU_KEEP;
    else if (a->nacts)
        a->action = PV_FU_REVIEW;
    else
        a->action = !a->last_activity || a->last_activity < year - 1 ? PV_FU_END : PV_FU_REVIEW;
    return 0;
}

/* ------------------------------------------------------------------ projects */

static void fu_proj_free(pv_fu_proj *q)
{
    void *own[] = {q->planned, q->actual, q->goal, q->expected, q->rows};
    pv_free_each(own, sizeof own / sizeof *own);
}

static void group_free(pv_fu_group *g)
{
    void *own[] = {g->planned, g->actual};
    pv_free_each(own, sizeof own / sizeof *own);
}

void pv_followup_free(pv_followup *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nproj; i++)
        fu_proj_free(&f->proj[i]);
    pv_free(f->proj);
    pv_free(f->others);
    for (size_t i = 0; i < f->ndept; i++)
        group_free(&f->dept[i]);
    pv_free(f->dept);
    group_free(&f->total);
    pv_free(f->goal_sum);
    pv_free(f->goal_expected);
    pv_free(f->goal_n);
    for (size_t i = 0; i < f->nagree; i++)
        pv_fu_agree_free(&f->agree[i]);
    pv_free(f->agree);
    for (size_t i = 0; i < f->nyears; i++)
        pv_free(f->years[i].actual);
    pv_free(f->years);
    pv_free(f);
}

/* The model's score of project j on top-level criterion g, on 0..5. */
static double expected_of(const pv_case *c, const pv_ranking *r, size_t j, size_t g)
{
    const pv_model *m = c->model;
    const pv_criterion *top = m->top[g];
    if (!(top->global > 0))
        return NAN;
    double s = 0;
    for (size_t l = 0; l < m->nleaves; l++) {
        const pv_criterion *t = m->leaves[l];
        while (t->parent)
            t = t->parent;
        if (t == top)
            s += r->p[j].value[l] * m->leaves[l]->global;
    }
    return 5.0 * s / top->global;
}

/* Project row j's department code (projects.csv), NULL when it has none. */
static const char *proj_dept(const pv_case *c, size_t j)
{
    int col = c->outcomes->dept_col;
    return col >= 0 && !pv_is_blank(pv_cell(c->projects, j, (size_t)col))
               ? pv_cell(c->projects, j, (size_t)col)
               : NULL;
}

/* The listed project for register row r (projects of an earlier case are
 * matched by id), or a new one. NULL when out of memory. */
static pv_fu_proj *proj_slot(pv_followup *f, long j, size_t r)
{
    const pv_case *c = f->c;
    const pv_outcomes *o = c->outcomes;
    for (size_t i = 0; i < f->nproj; i++) {
        pv_fu_proj *q = &f->proj[i];
        if (j >= 0 ? q->j == j
                   : q->j < 0 && !strcmp(pv_cell(o->t, q->first, (size_t)o->col_id),
                                         pv_cell(o->t, r, (size_t)o->col_id)))
            return q;
    }
    pv_fu_proj *q = &f->proj[f->nproj++];
    size_t ng = c->model->ntop;
    q->j = j;
    q->first = r;
    q->status = -1;
    q->planned = pv_calloc(c->nres + 1, sizeof(double));
    q->actual = pv_calloc(c->nres + 1, sizeof(double));
    q->goal = pv_calloc(ng + 1, sizeof(double));
    q->expected = pv_calloc(ng + 1, sizeof(double));
    q->rows = pv_calloc(o->n + 1, sizeof(size_t));
    if (!q->planned || !q->actual || !q->goal || !q->expected || !q->rows)
        return NULL;
    for (size_t g = 0; g < ng; g++)
        q->goal[g] = q->expected[g] = NAN;
    if (j >= 0) {
        for (size_t k = 0; k < c->nres; k++)
            q->planned[k] = c->res[k].a[j];
        if (o->planned_ext_col >= 0)
            pv_parse_number(pv_cell(c->projects, (size_t)j, (size_t)o->planned_ext_col),
                            c->projects->delim == ';', &q->ext_planned);
        if (!(q->ext_planned >= 0))
            q->ext_planned = 0;
        q->dept = proj_dept(c, (size_t)j);
    }
    if (!q->dept && o->col_dept >= 0 && !pv_is_blank(pv_cell(o->t, r, (size_t)o->col_dept)))
        q->dept = pv_cell(o->t, r, (size_t)o->col_dept);
    return q;
}

static int by_year(size_t a, size_t b, const void *v)
{
    const pv_outcomes *o = v;
    return o->rows[a].year < o->rows[b].year ? -1 : o->rows[a].year > o->rows[b].year;
}

/* Every decided project, then every project with a row in the period; the
 * case's other proposals apart, so that none is silently dropped. */
static int list_projects(pv_followup *f, const pv_ranking *r, const unsigned char *x)
{
    const pv_case *c = f->c;
    const pv_outcomes *o = c->outcomes;
    size_t n = c->projects->nrows, ng = c->model->ntop;
    f->proj = pv_calloc(n + o->n + 1, sizeof *f->proj);
    if (!f->proj)
        return -1;
    unsigned char *has = pv_calloc(n + 1, 1);
    if (!has)
        return -1;
    for (size_t i = 0; i < o->n; i++)
        if (o->rows[i].proj >= 0 && o->rows[i].year >= f->from && o->rows[i].year <= f->year)
            has[o->rows[i].proj] = 1;
    int rc = 0;
    f->others = pv_calloc(n + 1, sizeof *f->others);
    if (!f->others)
        rc = -1;
    for (size_t j = 0; j < n && !rc; j++)
        if (!(x && x[j]) && !has[j]) {
            pv_fu_other *e = &f->others[f->nothers++];
            e->j = j;
            e->dept = proj_dept(c, j);
        } else {
            pv_fu_proj *q = proj_slot(f, (long)j, 0);
            if (!q)
                rc = -1;
            else
                q->decided = x && x[j];
        }
    pv_free(has);
    for (size_t i = 0; i < o->n && !rc; i++) {
        const pv_outcome *w = &o->rows[i];
        if (w->part >= 0 || w->year < f->from || w->year > f->year)
            continue;
        pv_fu_proj *q = proj_slot(f, w->proj, i);
        if (!q)
            return -1;
        q->rows[q->nrows++] = i;
    }
    for (size_t i = 0; i < f->nproj && !rc; i++) {
        pv_fu_proj *q = &f->proj[i];
        if (pv_sort_idx(q->rows, q->nrows, by_year, o))
            return -1;
        for (size_t k = 0; k < q->nrows; k++) {
            const pv_outcome *w = &o->rows[q->rows[k]];
            q->status = (int)w->status;
            for (size_t t = 0; t < c->nres; t++)
                q->actual[t] += w->actual[t];
            q->ext_received += w->external;
            for (size_t g = 0; g < ng; g++)
                if (!isnan(w->goal[g]))
                    q->goal[g] = w->goal[g];
        }
        for (size_t g = 0; g < ng && q->j >= 0; g++)
            if (!isnan(q->goal[g]))
                q->expected[g] = expected_of(c, r, (size_t)q->j, g);
    }
    return rc;
}

static int group_init(pv_fu_group *g, size_t nres, const char *id)
{
    g->id = id;
    g->planned = pv_calloc(nres + 1, sizeof(double));
    g->actual = pv_calloc(nres + 1, sizeof(double));
    return g->planned && g->actual ? 0 : -1;
}

static void group_add(pv_fu_group *g, const pv_fu_proj *q, size_t nres)
{
    for (size_t k = 0; k < nres; k++) {
        g->planned[k] += q->planned[k];
        g->actual[k] += q->actual[k];
    }
    g->ext_planned += q->ext_planned;
    g->ext_received += q->ext_received;
    g->count[q->status < 0 ? PV_OS_N : (size_t)q->status]++;
}

static int dept_cmp(size_t a, size_t b, const void *v)
{
    const pv_fu_group *d = v;
    if (!d[a].id || !d[b].id)
        return !d[a].id - !d[b].id;
    return strcmp(d[a].id, d[b].id);
}

/* Departments (sorted by code, none last), totals and goals. */
static int sums(pv_followup *f)
{
    const pv_case *c = f->c;
    const pv_outcomes *o = c->outcomes;
    size_t nres = c->nres, ng = c->model->ntop;
    f->dept = pv_calloc(f->nproj + 1, sizeof *f->dept);
    f->goal_sum = pv_calloc(ng + 1, sizeof(double));
    f->goal_expected = pv_calloc(ng + 1, sizeof(double));
    f->goal_n = pv_calloc(ng + 1, sizeof(size_t));
    if (!f->dept || !f->goal_sum || !f->goal_expected || !f->goal_n ||
        group_init(&f->total, nres, NULL))
        return -1;
    for (size_t i = 0; i < f->nproj; i++) {
        const pv_fu_proj *q = &f->proj[i];
        size_t d = 0;
        while (d < f->ndept && !(q->dept ? f->dept[d].id && !strcmp(f->dept[d].id, q->dept)
                                         : !f->dept[d].id))
            d++;
        if (d == f->ndept && group_init(&f->dept[f->ndept++], nres, q->dept))
            return -1;
        group_add(&f->dept[d], q, nres);
        group_add(&f->total, q, nres);
        for (size_t g = 0; g < ng; g++)
            if (!isnan(q->goal[g])) {
                f->goal_n[g]++;
                f->goal_sum[g] += q->goal[g];
                if (!isnan(q->expected[g]))
                    f->goal_expected[g] += q->expected[g];
            }
    }
    /* the totals' actual use: every row of the period, agreements' too */
    memset(f->total.actual, 0, nres * sizeof(double));
    f->total.ext_received = 0;
    for (size_t r = 0; r < o->n; r++) {
        const pv_outcome *w = &o->rows[r];
        if (w->year < f->from || w->year > f->year)
            continue;
        for (size_t k = 0; k < nres; k++)
            f->total.actual[k] += w->actual[k];
        f->total.ext_received += w->external;
    }
    size_t *idx = pv_calloc(f->ndept + 1, sizeof *idx);
    pv_fu_group *sorted = pv_calloc(f->ndept + 1, sizeof *sorted);
    int rc = idx && sorted ? 0 : -1;
    for (size_t i = 0; !rc && i < f->ndept; i++)
        idx[i] = i;
    if (!rc && !(rc = pv_sort_idx(idx, f->ndept, dept_cmp, f->dept))) {
        for (size_t i = 0; i < f->ndept; i++)
            sorted[i] = f->dept[idx[i]];
        memcpy(f->dept, sorted, f->ndept * sizeof *sorted);
    }
    pv_free(idx);
    pv_free(sorted);
    return rc;
}

/* Each year's figures, for --from: the register's amounts that year, and
 * each listed project once by its status at the end of that year (its last
 * row up to then in the period), as unreported while it has none: the
 * counts of a year add up to the projects listed, and the last year's are
 * the departments' (a project done the year before stays done). */
static int per_year(pv_followup *f)
{
    const pv_case *c = f->c;
    const pv_outcomes *o = c->outcomes;
    size_t n = (size_t)(f->year - f->from + 1);
    f->years = pv_calloc(n, sizeof *f->years);
    if (!f->years)
        return -1;
    f->nyears = n;
    for (size_t i = 0; i < f->nyears; i++) {
        f->years[i].year = f->from + (int)i;
        if (!(f->years[i].actual = pv_calloc(c->nres + 1, sizeof(double))))
            return -1;
    }
    for (size_t r = 0; r < o->n; r++) {
        const pv_outcome *w = &o->rows[r];
        if (w->year < f->from || w->year > f->year)
            continue;
        pv_fu_year *y = &f->years[w->year - f->from];
        for (size_t k = 0; k < c->nres; k++)
            y->actual[k] += w->actual[k];
        y->external += w->external;
    }
    for (size_t i = 0; i < f->nproj; i++) {
        const pv_fu_proj *q = &f->proj[i];
        for (size_t t = 0; t < f->nyears; t++) {
            int st = -1;
            for (size_t k = 0; k < q->nrows; k++) /* sorted by year */
                if (o->rows[q->rows[k]].year <= f->years[t].year)
                    st = (int)o->rows[q->rows[k]].status;
            f->years[t].count[st < 0 ? PV_OS_N : (size_t)st]++;
        }
    }
    return 0;
}

pv_followup *pv_followup_run(const pv_case *c, const pv_ranking *r, int year, int from,
                             pv_error *err)
{
    if (!c->outcomes) {
        pv_err(err, PV_EINPUT, c->path, 0, 0,
               "the case has no \"followup\": name its outcomes register, e.g. \"followup\": "
               "{\"outcomes\": \"outcomes.csv\"} (see data/README.md)");
        return NULL;
    }
    if (year < PV_OUT_YEAR_MIN || year > PV_OUT_YEAR_MAX || from > year || from < PV_OUT_YEAR_MIN) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "the years must satisfy %d <= from <= year <= %d",
               PV_OUT_YEAR_MIN, PV_OUT_YEAR_MAX);
        return NULL;
    }
    pv_select_opts so;
    pv_select_opts_init(&so);
    so.no_why = 1;
    so.no_diagnose = 1;
    pv_selection *s = pv_select(c, r, &so, err);
    if (!s)
        return NULL;
    pv_followup *f = pv_calloc_err(1, sizeof *f, err);
    if (!f) {
        pv_selection_free(s);
        return NULL;
    }
    f->c = c;
    f->year = year;
    f->from = from;
    f->status = s->status;
    int ok = !list_projects(f, r, (s->status == PV_STATUS_OPTIMAL || s->status == PV_STATUS_FEASIBLE) ? s->x : NULL) &&
             !sums(f) && !per_year(f);
    pv_selection_free(s);
    size_t np = c->partners ? c->partners->nrows : 0;
    if (ok && !(f->agree = pv_calloc(np + 1, sizeof *f->agree)))
        ok = 0;
    for (size_t p = 0; ok && p < np; p++) {
        pv_fu_agree a;
        if (pv_fu_agree_of(c, p, year, from, &a))
            ok = 0;
        else if (a.action == PV_FU_NONE)
            pv_fu_agree_free(&a);
        else
            f->agree[f->nagree++] = a;
    }
    if (!ok) {
        pv_followup_free(f);
        pv_err_nomem(err);
        return NULL;
    }
    return f;
}
