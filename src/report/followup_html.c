/* followup_html.c — the follow-up as a self-contained, print-ready page in
 * the decision report's style, addressed to the body the model names, with
 * the input files' checksums in its appendix. */
#include "followup.h"

#include <math.h>
#include <stdio.h>

static void summary(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    pv_buf_printf(b, "<div class=\"summary\" id=\"summary\">\n<p id=\"addressee\">%s <strong>",
                  pv_tr(sv, "To", "Till"));
    pv_html_esc(b, pv_fu_to(c, sv));
    pv_buf_puts(b, "</strong>. ");
    pv_buf_puts(b, pv_tr(sv, "Follow-up of ", "Uppföljning av "));
    pv_fu_period(b, f->from, f->year);
    pv_buf_printf(b, ": %s (%s), %zu %s, %zu %s.</p>\n",
                  pv_tr(sv, "the decided portfolio", "den beslutade portföljen"),
                  pv_status_word(f->status, sv), f->nproj,
                  pv_tr(sv, "projects followed up", "projekt följs upp"), f->nagree,
                  pv_tr(sv, "own agreements reviewed", "egna avtal prövas"));
    if (c->model->fu_source) {
        pv_buf_printf(b, "<p class=\"source\" id=\"followup-source\">%s: ",
                      pv_tr(sv, "Policy", "Policy"));
        pv_html_esc(b, c->model->fu_source);
        pv_buf_puts(b, "</p>\n");
    }
    pv_buf_puts(b, "<div class=\"resources\">\n");
    for (size_t k = 0; k < c->nres; k++)
        pv_html_resource_row(b, c, k, f->total.actual[k], f->total.planned[k], sv);
    pv_buf_puts(b, "</div>\n<p class=\"small\">");
    pv_buf_puts(b, pv_tr(sv, "Bars: used against planned, over the period's every row.",
                         "Staplar: utfall mot planerat, över periodens alla rader."));
    pv_buf_puts(b, "</p>\n</div>\n");
}

static void activities(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    pv_html_section(b, "activities", 0, pv_fu_heading(0, 0), pv_fu_heading(0, 1), sv);
    pv_buf_printf(b, "<table id=\"activities-table\"><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
                     "<th>%s</th><th>%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "Project", "Projekt"), pv_tr(sv, "Decided", "Beslutat"),
                  pv_tr(sv, "Status", "Status"), pv_tr(sv, "Department", "Förvaltning"),
                  pv_tr(sv, "Activities", "Aktiviteter"));
    for (size_t i = 0; i < f->nproj; i++) {
        const pv_fu_proj *q = &f->proj[i];
        pv_buf_printf(b, "<tr class=\"%s\"><td><code class=\"id\">", q->decided ? "selected" : "");
        pv_html_esc(b, pv_fu_id(c, q));
        pv_buf_puts(b, "</code> <span class=\"name\">");
        pv_html_esc(b, pv_fu_name(c, q));
        pv_buf_printf(b, "</span></td><td>%s</td><td class=\"status%s\">",
                      q->j < 0     ? pv_tr(sv, "not in this case", "inte i detta fall")
                      : q->decided ? pv_tr(sv, "yes", "ja")
                                   : pv_tr(sv, "no", "nej"),
                      q->status < 0 ? " flag" : "");
        pv_html_esc(b, pv_ostatus_word(q->status, sv));
        pv_buf_puts(b, "</td><td>");
        pv_html_esc(b, pv_fu_dept(c, q->dept, sv));
        pv_buf_puts(b, "</td><td class=\"why\">");
        pv_buf act;
        pv_buf_init(&act);
        pv_fu_activities(&act, c, q, 0);
        pv_html_esc(b, act.len ? act.data
                               : q->status < 0 ? pv_tr(sv, "decided, but not reported",
                                                       "beslutat, men inte rapporterat")
                                               : "–");
        pv_buf_free(&act);
        pv_buf_puts(b, "</td></tr>\n");
    }
    pv_buf_puts(b, "</tbody></table>\n");
    if (f->nothers) {
        pv_buf_puts(b, "<p id=\"other-projects\" class=\"small\">");
        pv_html_esc(b, pv_fu_others_lead(sv));
        for (size_t i = 0; i < f->nothers; i++) {
            size_t j = f->others[i].j;
            const char *id = pv_project_id(c, j), *name = pv_project_name(c, j);
            pv_buf_puts(b, i ? ", " : "");
            pv_html_esc(b, name);
            pv_buf_puts(b, " <code class=\"id\">");
            pv_html_esc(b, id);
            pv_buf_puts(b, "</code>");
        }
        pv_buf_puts(b, ".</p>\n");
    }
    pv_html_section_end(b);
}

static void num_cell(pv_buf *b, const pv_case *c, size_t k, double x, int sv)
{
    pv_buf_puts(b, "<td class=\"num\">");
    pv_html_amount(b, c, k, x, sv);
    pv_buf_puts(b, "</td>");
}

/* A change in per cent, signed ("–" when there is none), with the % sign
 * when per_cent. */
static void pct_cell(pv_buf *b, double pct, int per_cent, int sv)
{
    pv_buf_puts(b, "<td class=\"num\">");
    if (isnan(pct))
        pv_buf_puts(b, "–");
    else {
        pv_buf_puts(b, pct > 0.05 ? "+" : pct < -0.05 ? "−" : "");
        pv_html_num(b, fabs(pct), 1, sv);
        if (per_cent)
            pv_buf_puts(b, sv ? "&nbsp;%" : "%");
    }
    pv_buf_puts(b, "</td>");
}

static void dev_cells(pv_buf *b, const pv_case *c, size_t k, double a, double p, int sv)
{
    double d = a - p, pct = pv_fu_pct(a, p);
    pv_buf_printf(b, "<td class=\"num%s\">%s", d > 0 ? " flag" : "", d > 0 ? "+" : d < 0 ? "−" : "");
    pv_html_amount(b, c, k, fabs(d), sv);
    pv_buf_puts(b, "</td>");
    pct_cell(b, pct, 1, sv);
}

static void money_cell(pv_buf *b, double x, int sv)
{
    pv_buf_puts(b, "<td class=\"num\">");
    pv_html_num(b, x, 0, sv);
    pv_buf_puts(b, sv ? "&nbsp;kr</td>" : "&nbsp;SEK</td>");
}

/* A row of the resources table: label cells already written. */
static void use_cells(pv_buf *b, const pv_case *c, const double *p, const double *a, double ep,
                      double er, int sv)
{
    for (size_t k = 0; k < c->nres; k++) {
        num_cell(b, c, k, p[k], sv);
        num_cell(b, c, k, a[k], sv);
        dev_cells(b, c, k, a[k], p[k], sv);
    }
    money_cell(b, ep, sv);
    money_cell(b, er, sv);
    pv_buf_puts(b, "</tr>\n");
}

static void use_head(pv_buf *b, const pv_case *c, const char *id, const char *first, int sv)
{
    pv_buf_printf(b, "<table id=\"%s\"><thead><tr><th rowspan=\"2\">%s</th>", id, first);
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, "<th colspan=\"4\" class=\"num\">");
        pv_html_esc(b, pv_res_name(c, k, sv));
        pv_buf_puts(b, "</th>");
    }
    pv_buf_printf(b, "<th colspan=\"2\" class=\"num\">%s</th></tr>\n<tr>",
                  pv_tr(sv, "External funding", "Extern finansiering"));
    for (size_t k = 0; k < c->nres; k++)
        pv_buf_printf(b, "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s"
                         "</th><th class=\"num\">%%</th>",
                      pv_tr(sv, "planned", "planerat"), pv_tr(sv, "used", "utfall"),
                      pv_tr(sv, "deviation", "avvikelse"));
    pv_buf_printf(b, "<th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "planned", "planerad"), pv_tr(sv, "received", "erhållen"));
}

static void counts_html(pv_buf *b, const size_t *count, int sv)
{
    int first = 1;
    for (int s = 0; s <= PV_OS_N; s++)
        if (count[s]) {
            pv_buf_printf(b, "%s%zu&nbsp;", first ? "" : ", ", count[s]);
            pv_html_esc(b, pv_ostatus_count_word(s < PV_OS_N ? s : -1, count[s], sv));
            first = 0;
        }
}

static void resources(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    pv_html_section(b, "resources-used", 1, pv_fu_heading(1, 0), pv_fu_heading(1, 1), sv);
    use_head(b, c, "use-table", pv_tr(sv, "Project", "Projekt"), sv);
    for (size_t i = 0; i < f->nproj; i++) {
        const pv_fu_proj *q = &f->proj[i];
        pv_buf_puts(b, "<tr><td><code class=\"id\">");
        pv_html_esc(b, pv_fu_id(c, q));
        pv_buf_puts(b, "</code> <span class=\"small\">");
        pv_html_esc(b, pv_fu_name(c, q));
        pv_buf_puts(b, "</span></td>");
        use_cells(b, c, q->planned, q->actual, q->ext_planned, q->ext_received, sv);
    }
    pv_buf_printf(b, "<tr class=\"total\"><td><strong>%s</strong></td>", pv_tr(sv, "Total", "Totalt"));
    use_cells(b, c, f->total.planned, f->total.actual, f->total.ext_planned,
              f->total.ext_received, sv);
    pv_buf_puts(b, "</tbody></table>\n<p class=\"small\">");
    pv_buf_puts(b, pv_tr(sv, "Planned: the project's own use in the proposals. ",
                         "Planerat: projektets egen användning enligt förslagen. "));
    pv_buf_puts(b, pv_fu_note(0, sv));
    pv_buf_printf(b, "</p>\n<h3>%s</h3>\n", pv_tr(sv, "Per department", "Per förvaltning"));
    use_head(b, c, "department-table", pv_tr(sv, "Department", "Förvaltning"), sv);
    for (size_t d = 0; d < f->ndept; d++) {
        const pv_fu_group *g = &f->dept[d];
        pv_buf_puts(b, "<tr><td>");
        pv_html_esc(b, pv_fu_dept(c, g->id, sv));
        pv_buf_puts(b, "<br><span class=\"small\">");
        counts_html(b, g->count, sv);
        pv_buf_puts(b, "</span></td>");
        use_cells(b, c, g->planned, g->actual, g->ext_planned, g->ext_received, sv);
    }
    pv_buf_puts(b, "</tbody></table>\n");
    pv_html_section_end(b);
}

static void goals(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    const pv_model *m = c->model;
    pv_html_section(b, "goals", 0, pv_fu_heading(2, 0), pv_fu_heading(2, 1), sv);
    pv_buf_printf(b, "<table id=\"goal-table\"><thead><tr><th>%s</th><th>%s</th>"
                     "<th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "Goal", "Mål"), pv_tr(sv, "Projects (0–5)", "Projekt (0–5)"),
                  pv_tr(sv, "Sum", "Summa"), pv_tr(sv, "Expected", "Förväntat"));
    for (size_t g = 0; g < m->ntop; g++) {
        pv_buf_puts(b, "<tr><td>");
        pv_html_esc(b, pv_crit_label(m->top[g], sv));
        pv_buf_puts(b, "</td><td>");
        if (!pv_fu_goal_projects(b, f, g, pv_html_esc, "&nbsp;", pv_html_num, sv))
            pv_buf_puts(b, "–");
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_num(b, f->goal_sum[g], 1, sv);
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_num(b, f->goal_expected[g], 1, sv);
        pv_buf_puts(b, "</td></tr>\n");
    }
    pv_buf_printf(b, "</tbody></table>\n<p class=\"small\">%s</p>\n", pv_fu_note(1, sv));
    pv_html_section_end(b);
}

static void agreements(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    pv_html_section(b, "agreements", 0, pv_fu_heading(3, 0), pv_fu_heading(3, 1), sv);
    if (!f->nagree)
        pv_buf_printf(b, "<p>%s</p>\n", pv_tr(sv, "The case has no agreements of its own.",
                                              "Fallet har inga egna avtal."));
    else
        pv_buf_puts(b, "<ul id=\"followup-review\">\n");
    for (size_t i = 0; i < f->nagree; i++) {
        const pv_fu_agree *a = &f->agree[i];
        pv_review_action ra = pv_fu_as_review(a->action);
        pv_buf_printf(b, "<li class=\"review %s\"><span class=\"%sname\">", pv_review_key(ra),
                      ra == PV_REV_KEEP ? "" : "flag ");
        pv_html_esc(b, pv_partner_name(c, a->p));
        pv_buf_puts(b, "</span> (");
        pv_fu_facts(b, a, sv);
        pv_buf_puts(b, "): <strong>");
        pv_html_esc(b, pv_review_word(ra, sv));
        pv_buf_puts(b, "</strong> — ");
        pv_buf t;
        pv_buf_init(&t);
        pv_fu_reasons_text(&t, c, a, f->year, f->from, sv);
        pv_html_esc(b, t.data ? t.data : "");
        pv_buf_free(&t);
        pv_buf_puts(b, "</li>\n");
    }
    if (f->nagree)
        pv_buf_puts(b, "</ul>\n");
    pv_html_section_end(b);
}

static void years(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    if (f->nyears < 2)
        return;
    pv_html_section(b, "years", 0, "Year by year", "År för år", sv);
    pv_buf_printf(b, "<table id=\"year-table\"><thead><tr><th>%s</th>", pv_tr(sv, "Year", "År"));
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, "<th class=\"num\">");
        pv_html_esc(b, pv_res_name(c, k, sv));
        pv_buf_puts(b, "</th><th class=\"num\">%</th>");
    }
    pv_buf_printf(b, "<th class=\"num\">%s</th><th>%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "External funding received", "Extern finansiering erhållen"),
                  pv_tr(sv, "Projects by status", "Projekt per status"));
    for (size_t i = 0; i < f->nyears; i++) {
        const pv_fu_year *y = &f->years[i];
        pv_buf_printf(b, "<tr><td>%d</td>", y->year);
        for (size_t k = 0; k < c->nres; k++) {
            num_cell(b, c, k, y->actual[k], sv);
            double p = i ? pv_fu_pct(y->actual[k], f->years[i - 1].actual[k]) : NAN;
            pct_cell(b, p, 0, sv);
        }
        money_cell(b, y->external, sv);
        pv_buf_puts(b, "<td>");
        counts_html(b, y->count, sv);
        pv_buf_puts(b, "</td></tr>\n");
    }
    pv_buf_printf(b, "</tbody></table>\n<p class=\"small\">%s</p>\n",
                  pv_tr(sv, "%: the change from the year before.",
                        "%: förändringen från året före."));
    pv_html_section_end(b);
}

char *pv_html_followup(const pv_followup *f, int sv, size_t *len, pv_error *err)
{
    const pv_case *c = f->c;
    pv_buf b;
    pv_buf_init(&b);
    char title_en[64], title_sv[64];
    snprintf(title_en, sizeof title_en, "Follow-up %d", f->year);
    snprintf(title_sv, sizeof title_sv, "Uppföljning %d", f->year);
    if (f->from != f->year) {
        snprintf(title_en, sizeof title_en, "Follow-up %d–%d", f->from, f->year);
        snprintf(title_sv, sizeof title_sv, "Uppföljning %d–%d", f->from, f->year);
    }
    pv_html_begin(&b, c, sv, title_en, title_sv, "followup", err);
    summary(&b, f, sv);
    activities(&b, f, sv);
    resources(&b, f, sv);
    goals(&b, f, sv);
    agreements(&b, f, sv);
    years(&b, f, sv);
    if (pv_html_end(&b, c, sv, err)) {
        pv_buf_free(&b);
        return NULL;
    }
    return pv_buf_finish(&b, len, err);
}
