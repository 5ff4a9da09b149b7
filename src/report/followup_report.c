/* followup_report.c — the annual follow-up in text, Markdown, CSV and JSON
 * (HTML in followup_html.c): the three items Tranås's policy asks for
 * (activities carried out; resources used: working time, money and other
 * resources; how the work contributed to the goals), the review of the own
 * agreements, and with --from each year's figures. */
#include "followup.h"
#include "xlsx.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------ shared pieces */

const char *pv_fu_to(const pv_case *c, int sv)
{
    const pv_model *m = c->model;
    const char *t = sv ? m->fu_to_sv : m->fu_to_en;
    return t ? t : pv_tr(sv, "the municipal executive board", "kommunstyrelsen");
}

const char *pv_fu_id(const pv_case *c, const pv_fu_proj *q)
{
    const pv_outcomes *o = c->outcomes;
    return q->j >= 0 ? pv_project_id(c, (size_t)q->j) : pv_cell(o->t, q->first, (size_t)o->col_id);
}

const char *pv_fu_name(const pv_case *c, const pv_fu_proj *q)
{
    const pv_outcomes *o = c->outcomes;
    if (q->j >= 0)
        return pv_project_name(c, (size_t)q->j);
    return o->col_name >= 0 ? pv_cell(o->t, q->first, (size_t)o->col_name) : "";
}

const char *pv_fu_dept(const pv_case *c, const char *code, int sv)
{
    return code ? pv_case_value_label(c, "department", code, sv)
                : pv_tr(sv, "(no department)", "(ingen förvaltning)");
}

void pv_fu_activities(pv_buf *b, const pv_case *c, const pv_fu_proj *q, int plain)
{
    const pv_outcomes *o = c->outcomes;
    size_t shown = 0;
    for (size_t i = 0; o->col_act >= 0 && i < q->nrows; i++) {
        const char *a = pv_cell(o->t, q->rows[i], (size_t)o->col_act);
        if (pv_is_blank(a))
            continue;
        pv_buf_puts(b, shown++ ? "; " : "");
        if (q->nrows > 1 || !plain)
            pv_buf_printf(b, "%d: ", o->rows[q->rows[i]].year);
        pv_buf_plain(b, a);
    }
}

double pv_fu_pct(double actual, double planned)
{
    return planned > 0 ? (actual - planned) / planned * 100.0 : NAN;
}

/* "+4 500 kr (+15,0 %)" */
void pv_fu_dev_text(pv_buf *b, const pv_case *c, size_t k, double actual, double planned,
                    int sv)
{
    double d = actual - planned;
    pv_buf_puts(b, d > 0 ? "+" : d < 0 ? "−" : "±");
    pv_res_amount(b, c, k, fabs(d), sv);
    double p = pv_fu_pct(actual, planned);
    if (isnan(p))
        return;
    pv_buf_puts(b, p > 0.05 ? " (+" : p < -0.05 ? " (−" : " (±");
    pv_fmt_num(b, fabs(p), 1, sv);
    pv_buf_puts(b, sv ? " %)" : "%)");
}

void pv_fu_money(pv_buf *b, double x, int sv)
{
    pv_html_num(b, x, 0, sv); /* grouped in both languages, as the other amounts */
    pv_buf_puts(b, sv ? " kr" : " SEK");
}

size_t pv_fu_goal_projects(pv_buf *b, const pv_followup *f, size_t g,
                           void (*put)(pv_buf *, const char *), const char *sep,
                           void (*num)(pv_buf *, double, int, int), int sv)
{
    size_t n = 0;
    for (size_t i = 0; i < f->nproj; i++) {
        if (isnan(f->proj[i].goal[g]))
            continue;
        pv_buf_puts(b, n++ ? ", " : "");
        put(b, pv_fu_id(f->c, &f->proj[i]));
        if (num) {
            pv_buf_puts(b, sep);
            num(b, f->proj[i].goal[g], 1, sv);
        }
    }
    return n;
}

/* ------------------------------------------------------------ text and md */

/* Text from the inputs (names, activities, reasons): Markdown-escaped in
 * Markdown, so that no name or activity renders as markup there. */
static void put_text(pv_buf *b, int md, const char *s)
{
    if (md)
        pv_buf_md(b, s);
    else
        pv_buf_plain(b, s);
}

/* A list item's start: the bullet, then its subject (a project, a
 * department, a goal, a partner). */
static void item(pv_buf *b, int md, const char *subject)
{
    pv_buf_puts(b, md ? "- " : "  - ");
    put_text(b, md, subject);
}

/* A note under a section, in brackets: its own paragraph in Markdown,
 * indented in text. */
static void note(pv_buf *b, int md, const char *text)
{
    pv_buf_printf(b, "%s(%s)\n", md ? "\n" : "  ", text);
}

static void heading(pv_buf *b, int md, int level, const char *text)
{
    if (md)
        pv_buf_printf(b, "\n%s %s\n\n", level == 1 ? "#" : "##", text);
    else if (level == 1)
        pv_buf_printf(b, "%s\n", text);
    else
        pv_buf_printf(b, "\n%s\n", text);
}

static void head(pv_buf *b, const pv_followup *f, int sv, int md)
{
    const pv_case *c = f->c;
    pv_buf t;
    pv_buf_init(&t);
    pv_buf_puts(&t, pv_tr(sv, "Follow-up ", "Uppföljning "));
    pv_fu_period(&t, f->from, f->year);
    pv_buf_puts(&t, ": ");
    put_text(&t, md, c->name);
    if (md)
        pv_buf_puts(b, "# ");
    pv_buf_printf(b, "%s\n\n", t.data ? t.data : "");
    pv_buf_free(&t);
    pv_buf_printf(b, "%s ", pv_tr(sv, "To", "Till"));
    put_text(b, md, pv_fu_to(c, sv));
    pv_buf_printf(b, ". %s: ", pv_tr(sv, "Model", "Modell"));
    put_text(b, md, c->model->name);
    pv_buf_puts(b, ".\n");
    pv_buf_printf(b, "%s (%s). %s: ",
                  pv_tr(sv, "The decision: the portfolio the case selects",
                        "Beslutet: portföljen som fallet väljer"),
                  pv_status_word(f->status, sv), pv_tr(sv, "Register", "Register"));
    put_text(b, md, c->outcomes->path);
    pv_buf_puts(b, ".\n");
    if (c->model->fu_source) {
        pv_buf_printf(b, "%s: ", pv_tr(sv, "Policy", "Policy"));
        put_text(b, md, c->model->fu_source);
        pv_buf_putc(b, '\n');
    }
}

/* Opens project i's item in the activities and resources sections: its id,
 * then sep. */
static const pv_fu_proj *proj_item(pv_buf *b, const pv_followup *f, size_t i, int md,
                                   const char *sep)
{
    const pv_fu_proj *q = &f->proj[i];
    item(b, md, pv_fu_id(f->c, q));
    pv_buf_puts(b, sep);
    return q;
}

static void activities_section(pv_buf *b, const pv_followup *f, int sv, int md)
{
    const pv_case *c = f->c;
    heading(b, md, 2, pv_fu_heading(0, sv));
    for (size_t i = 0; i < f->nproj; i++) {
        const pv_fu_proj *q = proj_item(b, f, i, md, " ");
        put_text(b, md, pv_fu_name(c, q));
        pv_buf_printf(b, " (%s; %s; ",
                      q->j < 0    ? pv_tr(sv, "not a project of this case",
                                          "inte ett förslag i detta fall")
                      : q->decided ? pv_tr(sv, "decided", "beslutad")
                                   : pv_tr(sv, "not decided", "inte beslutad"),
                      pv_ostatus_word(q->status, sv));
        put_text(b, md, pv_fu_dept(c, q->dept, sv));
        pv_buf_puts(b, ")");
        pv_buf act;
        pv_buf_init(&act);
        pv_fu_activities(&act, c, q, 0);
        if (act.len) {
            pv_buf_puts(b, md ? ": " : "\n      ");
            put_text(b, md, act.data);
        } else if (q->status < 0)
            pv_buf_printf(b, md ? ": %s" : "\n      %s",
                          pv_tr(sv, "decided, but the register has no row for it",
                                "beslutat, men registret har ingen rad för det"));
        pv_buf_free(&act);
        pv_buf_putc(b, '\n');
    }
    if (!f->nproj)
        pv_buf_printf(b, "%s%s\n", md ? "" : "  ", pv_tr(sv, "none", "inga"));
    if (f->nothers) {
        pv_buf_puts(b, md ? "\n" : "\n  ");
        pv_buf_puts(b, pv_fu_others_lead(sv));
        for (size_t i = 0; i < f->nothers; i++) {
            pv_buf_puts(b, i ? ", " : "");
            pv_proj_ref_as(b, c, f->others[i].j, md);
        }
        pv_buf_puts(b, ".\n");
    }
}

/* The lead of the list of the case's proposals that are neither decided
 * nor reported. */
const char *pv_fu_others_lead(int sv)
{
    return pv_tr(sv,
                 "Other proposals of the case, not decided and with no row in the register "
                 "(not in the sums): ",
                 "Övriga förslag i fallet, inte beslutade och utan rad i registret "
                 "(ingår inte i summorna): ");
}

/* "Budget: 30 000 kr planned, 34 500 kr used, +4 500 kr (+15,0 %)" per resource. */
void pv_fu_use_text(pv_buf *b, const pv_case *c, const double *planned, const double *actual,
                    double ext_p, double ext_r, int sv)
{
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, k ? "; " : "");
        pv_buf_plain(b, pv_res_name(c, k, sv));
        pv_buf_puts(b, ": ");
        pv_res_amount(b, c, k, planned[k], sv);
        pv_buf_printf(b, " %s, ", pv_tr(sv, "planned", "planerat"));
        pv_res_amount(b, c, k, actual[k], sv);
        pv_buf_printf(b, " %s, ", pv_tr(sv, "used", "utfall"));
        pv_fu_dev_text(b, c, k, actual[k], planned[k], sv);
    }
    pv_buf_printf(b, "; %s: ", pv_tr(sv, "external funding", "extern finansiering"));
    pv_fu_money(b, ext_p, sv);
    pv_buf_printf(b, " %s, ", pv_tr(sv, "planned", "planerad"));
    pv_fu_money(b, ext_r, sv);
    pv_buf_printf(b, " %s", pv_tr(sv, "received", "erhållen"));
}

void pv_fu_counts_text(pv_buf *b, const size_t *count, int sv)
{
    int first = 1;
    for (int s = 0; s <= PV_OS_N; s++)
        if (count[s]) {
            pv_buf_printf(b, "%s%zu %s", first ? "" : ", ", count[s],
                          pv_ostatus_count_word(s < PV_OS_N ? s : -1, count[s], sv));
            first = 0;
        }
    if (first)
        pv_buf_puts(b, pv_tr(sv, "no projects", "inga projekt"));
}

static void resources_section(pv_buf *b, const pv_followup *f, int sv, int md)
{
    const pv_case *c = f->c;
    heading(b, md, 2, pv_fu_heading(1, sv));
    for (size_t i = 0; i < f->nproj; i++) {
        const pv_fu_proj *q = proj_item(b, f, i, md, " ");
        put_text(b, md, pv_fu_name(c, q));
        pv_buf_puts(b, ": ");
        pv_fu_use_text(b, c, q->planned, q->actual, q->ext_planned, q->ext_received, sv);
        pv_buf_putc(b, '\n');
    }
    pv_buf_printf(b, "\n%s%s\n", md ? "" : "  ", pv_tr(sv, "Per department:", "Per förvaltning:"));
    if (md)
        pv_buf_putc(b, '\n');
    for (size_t d = 0; d < f->ndept; d++) {
        const pv_fu_group *g = &f->dept[d];
        item(b, md, pv_fu_dept(c, g->id, sv));
        pv_buf_puts(b, " (");
        pv_fu_counts_text(b, g->count, sv);
        pv_buf_puts(b, "): ");
        pv_fu_use_text(b, c, g->planned, g->actual, g->ext_planned, g->ext_received, sv);
        pv_buf_putc(b, '\n');
    }
    pv_buf_printf(b, "\n%s%s (", md ? "**" : "  ", pv_tr(sv, "Total", "Totalt"));
    pv_fu_counts_text(b, f->total.count, sv);
    pv_buf_puts(b, "): ");
    pv_fu_use_text(b, c, f->total.planned, f->total.actual, f->total.ext_planned,
                   f->total.ext_received, sv);
    pv_buf_printf(b, "%s\n", md ? "**" : "");
    note(b, md, pv_fu_note(0, sv));
}

static void goals_section(pv_buf *b, const pv_followup *f, int sv, int md)
{
    const pv_case *c = f->c;
    const pv_model *m = c->model;
    heading(b, md, 2, pv_fu_heading(2, sv));
    for (size_t g = 0; g < m->ntop; g++) {
        item(b, md, pv_crit_label(m->top[g], sv));
        if (!f->goal_n[g]) {
            pv_buf_printf(b, ": %s\n", pv_tr(sv, "no contribution reported",
                                              "inget bidrag rapporterat"));
            continue;
        }
        pv_buf_printf(b, ": %s ", pv_tr(sv, "sum", "summa"));
        pv_fmt_num(b, f->goal_sum[g], 1, sv);
        pv_buf_printf(b, " %s ", pv_tr(sv, "against an expected", "mot förväntat"));
        pv_fmt_num(b, f->goal_expected[g], 1, sv);
        pv_buf_printf(b, " (0–5 %s; ", pv_tr(sv, "per project", "per projekt"));
        pv_fu_goal_projects(b, f, g, md ? pv_buf_md : pv_buf_plain, " ", pv_fmt_num, sv);
        pv_buf_puts(b, ")\n");
    }
    note(b, md, pv_fu_note(1, sv));
}

static void agreements_section(pv_buf *b, const pv_followup *f, int sv, int md)
{
    const pv_case *c = f->c;
    heading(b, md, 2, pv_fu_heading(3, sv));
    for (size_t i = 0; i < f->nagree; i++) {
        const pv_fu_agree *a = &f->agree[i];
        item(b, md, pv_partner_name(c, a->p));
        pv_buf_puts(b, " (");
        pv_fu_facts(b, a, sv);
        pv_buf_printf(b, "): %s — ", pv_review_word(pv_fu_as_review(a->action), sv));
        pv_buf r;
        pv_buf_init(&r);
        pv_fu_reasons_text(&r, c, a, f->year, f->from, sv);
        if (r.oom)
            b->oom = 1;
        put_text(b, md, r.data ? r.data : "");
        pv_buf_free(&r);
        pv_buf_putc(b, '\n');
    }
    if (!f->nagree)
        pv_buf_printf(b, "%s%s\n", md ? "" : "  ",
                      pv_tr(sv, "The case has no agreements of its own.",
                            "Fallet har inga egna avtal."));
}

static void years_section(pv_buf *b, const pv_followup *f, int sv, int md)
{
    const pv_case *c = f->c;
    if (f->nyears < 2)
        return;
    heading(b, md, 2, pv_tr(sv, "Year by year", "År för år"));
    for (size_t i = 0; i < f->nyears; i++) {
        const pv_fu_year *y = &f->years[i];
        pv_buf_printf(b, "%s%d: ", md ? "- " : "  - ", y->year);
        for (size_t k = 0; k < c->nres; k++) {
            put_text(b, md, pv_res_name(c, k, sv));
            pv_buf_puts(b, " ");
            pv_res_amount(b, c, k, y->actual[k], sv);
            if (i) {
                pv_buf_puts(b, " (");
                pv_fu_dev_text(b, c, k, y->actual[k], f->years[i - 1].actual[k], sv);
                pv_buf_puts(b, ")");
            }
            pv_buf_puts(b, "; ");
        }
        pv_buf_printf(b, "%s ", pv_tr(sv, "external funding received", "extern finansiering erhållen"));
        pv_fu_money(b, y->external, sv);
        pv_buf_puts(b, "; ");
        pv_fu_counts_text(b, y->count, sv);
        pv_buf_putc(b, '\n');
    }
    note(b, md, pv_tr(sv, "In brackets: the change from the year before.",
                      "Inom parentes: förändringen från året före."));
}

static void render_text(pv_buf *b, const pv_followup *f, int sv, int md)
{
    head(b, f, sv, md);
    activities_section(b, f, sv, md);
    resources_section(b, f, sv, md);
    goals_section(b, f, sv, md);
    agreements_section(b, f, sv, md);
    years_section(b, f, sv, md);
}

/* ------------------------------------------------------------------ render */

char *pv_render_followup(const pv_case *c, const pv_ranking *r, const pv_followup *f,
                         pv_format fmt, pv_lang lang, size_t *len, pv_error *err)
{
    (void)r;
    if (!c || !f) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "pv_render_followup: missing argument");
        return NULL;
    }
    int sv = pv_lang_is_sv(c, lang);
    if (fmt == PV_FMT_HTML)
        return pv_html_followup(f, sv, len, err);
    if (fmt == PV_FMT_XLSX)
        return pv_xlsx_followup(f, sv, len, err);
    pv_buf b;
    pv_buf_init(&b);
    switch (fmt) {
    case PV_FMT_JSON: pv_fu_render_json(&b, f, sv); break;
    case PV_FMT_CSV: pv_fu_render_csv(&b, f, sv); break;
    case PV_FMT_MD: render_text(&b, f, sv, 1); break;
    default: render_text(&b, f, sv, 0); break;
    }
    return pv_buf_finish(&b, len, err);
}
