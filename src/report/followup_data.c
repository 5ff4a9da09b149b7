/* followup_data.c — the follow-up as JSON (the contract other tools read)
 * and as a spreadsheet (one table, a section column as in select's CSV). */
#include "followup.h"

#include <math.h>
#include <stdio.h>

/* ---------------------------------------------------------------- JSON */

/* `"planned": {…}, "actual": {…}` after lead: what a row planned and used
 * of every resource. */
static void plan_actual(pv_buf *b, const pv_case *c, const char *lead, const double *planned,
                        const double *actual)
{
    pv_buf_printf(b, "%s\"planned\": ", lead);
    pv_json_res_map(b, c, planned, NULL);
    pv_buf_puts(b, ", \"actual\": ");
    pv_json_res_map(b, c, actual, NULL);
}

static void counts_json(pv_buf *b, const size_t *count)
{
    pv_buf_putc(b, '{');
    for (int s = 0; s < PV_OS_N; s++)
        pv_buf_printf(b, "%s\"%s\": %zu", s ? ", " : "", pv_ostatus_key(s), count[s]);
    pv_buf_printf(b, ", \"unreported\": %zu}", count[PV_OS_N]);
}

static void json_project(pv_buf *b, const pv_followup *f, const pv_fu_proj *q)
{
    const pv_case *c = f->c;
    const pv_model *m = c->model;
    pv_buf_puts(b, "\n    {\"id\": ");
    pv_buf_json_str(b, pv_fu_id(c, q));
    pv_buf_puts(b, ", \"name\": ");
    pv_buf_json_str(b, pv_fu_name(c, q));
    pv_buf_printf(b, ", \"decided\": %s, \"status\": ", q->decided ? "true" : "false");
    pv_json_str_or_null(b, pv_ostatus_key(q->status));
    pv_buf_puts(b, ", \"department\": ");
    pv_json_str_or_null(b, q->dept);
    plan_actual(b, c, ",\n     ", q->planned, q->actual);
    pv_buf_puts(b, ", \"deviation\": ");
    pv_json_res_map(b, c, q->actual, q->planned);
    pv_json_keyed_num(b, ",\n     \"external_planned\": ", q->ext_planned);
    pv_json_keyed_num(b, ", \"external_received\": ", q->ext_received);
    pv_buf_puts(b, ", \"goals\": {");
    for (size_t g = 0; g < m->ntop; g++) {
        pv_buf_puts(b, g ? ", " : "");
        pv_buf_json_str(b, m->top[g]->id);
        pv_buf_puts(b, ": ");
        if (isnan(q->goal[g]))
            pv_buf_puts(b, "null");
        else
            pv_buf_num(b, q->goal[g], 6);
    }
    pv_buf_puts(b, "}, \"activities\": ");
    pv_buf act;
    pv_buf_init(&act);
    pv_fu_activities(&act, c, q, 1);
    if (act.len)
        pv_buf_json_str(b, act.data);
    else
        pv_buf_puts(b, "null");
    pv_buf_free(&act);
    pv_buf_putc(b, '}');
}

static void json_goals(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    const pv_model *m = c->model;
    pv_buf_puts(b, m->ntop ? "\n  \"goals\": [" : "\n  \"goals\": []");
    for (size_t g = 0; g < m->ntop; g++) {
        pv_buf_puts(b, g ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, m->top[g]->id);
        pv_buf_puts(b, ", \"name\": ");
        pv_buf_json_str(b, pv_crit_label(m->top[g], sv));
        pv_buf_puts(b, ", \"projects\": [");
        pv_fu_goal_projects(b, f, g, pv_buf_json_str, NULL, NULL, sv);
        pv_json_keyed_num(b, "], \"sum\": ", f->goal_sum[g]);
        pv_json_keyed_num(b, ", \"expected\": ", f->goal_expected[g]);
        pv_buf_putc(b, '}');
    }
    if (m->ntop)
        pv_buf_puts(b, "\n  ]");
}

static void json_agreements(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    pv_buf_puts(b, f->nagree ? ",\n  \"agreements\": [" : ",\n  \"agreements\": []");
    for (size_t i = 0; i < f->nagree; i++) {
        const pv_fu_agree *a = &f->agree[i];
        pv_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, pv_partner_id(c, a->p));
        pv_buf_puts(b, ", \"name\": ");
        pv_buf_json_str(b, pv_partner_name(c, a->p));
        pv_buf_printf(b, ", \"active\": %s, \"last_activity\": ", a->active ? "true" : "false");
        if (a->last_activity)
            pv_buf_printf(b, "%d", a->last_activity);
        else
            pv_buf_puts(b, "null");
        if (a->evaluated)
            pv_buf_printf(b, ", \"evaluated\": \"%04d-%02d-%02d\"", a->evaluated / 10000,
                          a->evaluated / 100 % 100, a->evaluated % 100);
        else
            pv_buf_puts(b, ", \"evaluated\": null");
        pv_buf_printf(b, ", \"action\": \"%s\", \"reasons\": ",
                      pv_review_key(pv_fu_as_review(a->action)));
        pv_fu_json_reasons(b, c, a, f->year, f->from, sv);
        pv_buf_putc(b, '}');
    }
    if (f->nagree)
        pv_buf_puts(b, "\n  ]");
}

static void json_years(pv_buf *b, const pv_followup *f)
{
    const pv_case *c = f->c;
    if (f->nyears < 2)
        return;
    pv_buf_puts(b, ",\n  \"years\": [");
    for (size_t i = 0; i < f->nyears; i++) {
        const pv_fu_year *y = &f->years[i];
        pv_buf_printf(b, "%s\n    {\"year\": %d, \"actual\": ", i ? "," : "", y->year);
        pv_json_res_map(b, c, y->actual, NULL);
        pv_json_keyed_num(b, ", \"external_received\": ", y->external);
        pv_buf_puts(b, ", \"count_by_status\": ");
        counts_json(b, y->count);
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, "\n  ]");
}

void pv_fu_render_json(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    pv_buf_printf(b, "{\n  \"year\": %d,\n  \"from\": %d,\n  \"case\": ", f->year, f->from);
    pv_buf_json_str(b, c->name);
    pv_buf_puts(b, f->nproj ? ",\n  \"projects\": [" : ",\n  \"projects\": [");
    for (size_t i = 0; i < f->nproj; i++) {
        json_project(b, f, &f->proj[i]);
        if (i + 1 < f->nproj)
            pv_buf_putc(b, ',');
    }
    pv_buf_puts(b, f->nproj ? "\n  ],\n  \"other_projects\": [" : "],\n  \"other_projects\": [");
    for (size_t i = 0; i < f->nothers; i++) {
        const pv_fu_other *e = &f->others[i];
        pv_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, pv_project_id(c, e->j));
        pv_buf_puts(b, ", \"name\": ");
        pv_buf_json_str(b, pv_project_name(c, e->j));
        pv_buf_puts(b, ", \"department\": ");
        pv_json_str_or_null(b, e->dept);
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, f->nothers ? "\n  ],\n  \"departments\": [" : "],\n  \"departments\": [");
    for (size_t d = 0; d < f->ndept; d++) {
        const pv_fu_group *g = &f->dept[d];
        pv_buf_puts(b, d ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_json_str_or_null(b, g->id);
        plan_actual(b, c, ", ", g->planned, g->actual);
        pv_buf_puts(b, ",\n     \"count_by_status\": ");
        counts_json(b, g->count);
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, f->ndept ? "\n  ],\n  \"totals\": {" : "],\n  \"totals\": {");
    plan_actual(b, c, "", f->total.planned, f->total.actual);
    pv_json_keyed_num(b, ",\n             \"external_planned\": ", f->total.ext_planned);
    pv_json_keyed_num(b, ", \"external_received\": ", f->total.ext_received);
    pv_buf_puts(b, "},");
    json_goals(b, f, sv);
    json_agreements(b, f, sv);
    json_years(b, f);
    pv_buf_puts(b, "\n}\n");
}

/* ----------------------------------------------------------------- CSV */

static void csv_head(pv_buf *b, const pv_case *c, int sv)
{
    static const char *const EN[] = {"section", "id", "name", "status", "decided", "department"};
    static const char *const SV[] = {"avsnitt", "id", "namn", "status", "beslutad", "förvaltning"};
    pv_csv_header(b, sv ? SV : EN, 6, sv);
    for (size_t k = 0; k < c->nres; k++) {
        static const char *const WHAT_EN[] = {"planned", "actual", "deviation", "deviation %"};
        static const char *const WHAT_SV[] = {"planerat", "utfall", "avvikelse", "avvikelse %"};
        for (int w = 0; w < 4; w++) {
            pv_buf h;
            pv_buf_init(&h);
            pv_buf_printf(&h, "%s %s", pv_res_name(c, k, sv), sv ? WHAT_SV[w] : WHAT_EN[w]);
            const char *u = pv_res_unit(c, k, sv);
            if (w < 3 && u[0])
                pv_buf_printf(&h, " (%s)", u);
            pv_csv_sep(b, sv);
            pv_csv_cell(b, h.data ? h.data : "", sv);
            pv_buf_free(&h);
        }
    }
    const char *tail[] = {pv_tr(sv, "external_planned", "extern planerad"),
                          pv_tr(sv, "external_received", "extern erhållen"),
                          pv_tr(sv, "value", "värde"), pv_tr(sv, "expected", "förväntat"),
                          pv_tr(sv, "detail", "detalj")};
    for (size_t i = 0; i < 5; i++) {
        pv_csv_sep(b, sv);
        pv_csv_cell(b, tail[i], sv);
    }
    pv_csv_eol(b);
}

static void csv_opt_num(pv_buf *b, double x, int sv)
{
    pv_csv_sep(b, sv);
    if (!isnan(x))
        pv_csv_num(b, x, 6, sv);
}

/* One row: the text cells, then resources (NULL: empty), money, value, detail. */
static void csv_row(pv_buf *b, const pv_case *c, int sv, const char *const *cells,
                    const double *planned, const double *actual, double ext_p, double ext_r,
                    double value, double expected, const char *detail)
{
    for (int i = 0; i < 6; i++) {
        if (i)
            pv_csv_sep(b, sv);
        pv_csv_cell(b, cells[i] ? cells[i] : "", sv);
    }
    for (size_t k = 0; k < c->nres; k++) {
        if (!actual) {
            for (int w = 0; w < 4; w++)
                pv_csv_sep(b, sv);
            continue;
        }
        csv_opt_num(b, planned ? planned[k] : NAN, sv);
        csv_opt_num(b, actual[k], sv);
        csv_opt_num(b, planned ? actual[k] - planned[k] : NAN, sv);
        csv_opt_num(b, planned ? pv_fu_pct(actual[k], planned[k]) : NAN, sv);
    }
    csv_opt_num(b, ext_p, sv);
    csv_opt_num(b, ext_r, sv);
    csv_opt_num(b, value, sv);
    csv_opt_num(b, expected, sv);
    pv_csv_sep(b, sv);
    pv_csv_cell(b, detail ? detail : "", sv);
    pv_csv_eol(b);
}

static const char *status_cell(int st, int sv)
{
    return st < 0 ? "" : sv ? pv_ostatus_word(st, 1) : pv_ostatus_key(st);
}

static void csv_projects(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    for (size_t i = 0; i < f->nproj; i++) {
        const pv_fu_proj *q = &f->proj[i];
        pv_buf act;
        pv_buf_init(&act);
        pv_fu_activities(&act, c, q, 1);
        const char *cells[] = {pv_tr(sv, "project", "projekt"), pv_fu_id(c, q), pv_fu_name(c, q),
                               status_cell(q->status, sv),
                               pv_yes_no(q->decided, sv),
                               q->dept};
        csv_row(b, c, sv, cells, q->planned, q->actual, q->ext_planned, q->ext_received, NAN,
                NAN, act.data);
        pv_buf_free(&act);
    }
    for (size_t i = 0; i < f->nothers; i++) {
        const pv_fu_other *e = &f->others[i];
        const char *cells[] = {pv_tr(sv, "other proposal", "övrigt förslag"),
                               pv_project_id(c, e->j),
                               pv_project_name(c, e->j),
                               "",
                               pv_tr(sv, "no", "nej"),
                               e->dept};
        csv_row(b, c, sv, cells, NULL, NULL, NAN, NAN, NAN, NAN,
                pv_tr(sv, "not decided, no row in the register; not in the sums",
                      "inte beslutat, ingen rad i registret; ingår inte i summorna"));
    }
    for (size_t d = 0; d < f->ndept; d++) {
        const pv_fu_group *g = &f->dept[d];
        const char *cells[] = {pv_tr(sv, "department", "förvaltning"), g->id,
                               pv_fu_dept(c, g->id, sv), NULL, NULL, g->id};
        csv_row(b, c, sv, cells, g->planned, g->actual, g->ext_planned, g->ext_received, NAN, NAN,
                NULL);
    }
    const char *cells[] = {pv_tr(sv, "total", "summa"), "", pv_tr(sv, "Total", "Totalt"),
                           NULL, NULL, NULL};
    csv_row(b, c, sv, cells, f->total.planned, f->total.actual, f->total.ext_planned,
            f->total.ext_received, NAN, NAN, NULL);
}

static void csv_rest(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    const pv_model *m = c->model;
    for (size_t g = 0; g < m->ntop; g++) {
        const char *cells[] = {pv_tr(sv, "goal", "mål"), m->top[g]->id,
                               pv_crit_label(m->top[g], sv), NULL, NULL, NULL};
        csv_row(b, c, sv, cells, NULL, NULL, NAN, NAN, f->goal_sum[g], f->goal_expected[g],
                NULL);
    }
    for (size_t i = 0; i < f->nagree; i++) {
        const pv_fu_agree *a = &f->agree[i];
        pv_buf t;
        pv_buf_init(&t);
        if (a->evaluated)
            pv_buf_printf(&t, "%s %04d-%02d-%02d; ", pv_tr(sv, "evaluated", "utvärderat"),
                          a->evaluated / 10000, a->evaluated / 100 % 100, a->evaluated % 100);
        pv_fu_reasons_text(&t, c, a, f->year, f->from, sv);
        pv_review_action ra = pv_fu_as_review(a->action);
        const char *cells[] = {pv_tr(sv, "agreement", "avtal"), pv_partner_id(c, a->p),
                               pv_partner_name(c, a->p),
                               sv ? pv_review_word(ra, 1) : pv_review_key(ra),
                               a->active ? pv_tr(sv, "active", "aktivt")
                                         : pv_tr(sv, "inactive", "inaktivt"),
                               NULL};
        csv_row(b, c, sv, cells, NULL, NULL, NAN, NAN, a->last_activity ? a->last_activity : NAN,
                NAN, t.data);
        pv_buf_free(&t);
    }
    for (size_t i = 0; f->nyears > 1 && i < f->nyears; i++) {
        const pv_fu_year *y = &f->years[i];
        char yr[16];
        snprintf(yr, sizeof yr, "%d", y->year);
        const char *cells[] = {pv_tr(sv, "year", "år"), yr, yr, NULL, NULL, NULL};
        csv_row(b, c, sv, cells, NULL, y->actual, NAN, y->external, NAN, NAN, NULL);
    }
}

void pv_fu_render_csv(pv_buf *b, const pv_followup *f, int sv)
{
    csv_head(b, f->c, sv);
    csv_projects(b, f, sv);
    csv_rest(b, f, sv);
}
