/* html_parts.c — the pieces that several HTML reports put on their page: the
 * legend and SVG bars, the ranking table, the policy sections and the model. */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ bars */

int pv_html_list_open(pv_buf *b, const char *id, size_t n, const char *none)
{
    if (!n) {
        pv_buf_printf(b, "<p id=\"%s\">%s</p>\n", id, none);
        return 0;
    }
    pv_buf_printf(b, "<ul id=\"%s\">\n", id);
    return 1;
}

void pv_html_legend(pv_buf *b, const pv_model *m, int sv)
{
    pv_buf_puts(b, "<div class=\"legend\">");
    for (size_t i = 0; i < m->ntop; i++) {
        pv_buf_printf(b, "<span><span class=\"sw\" style=\"background:%s\"></span>",
                      pv_html_colour(i));
        pv_html_esc(b, pv_crit_label(m->top[i], sv));
        pv_buf_puts(b, "</span>");
    }
    pv_buf_puts(b, "</div>\n");
}

void pv_html_score_bar(pv_buf *b, const pv_case *c, const pv_proj_result *p, double scale,
                       int sv)
{
    const pv_model *m = c->model;
    pv_buf_puts(b, "<svg class=\"score-bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" "
                   "role=\"img\"><rect x=\"0\" y=\"0\" width=\"100\" height=\"10\" "
                   "fill=\"#eef1f5\"/>");
    double x = 0;
    for (size_t t = 0; t < m->ntop; t++) {
        double pts = 0;
        for (size_t k = 0; k < m->nleaves; k++)
            if (pv_html_top_of(m, m->leaves[k]) == t && isfinite(p->contrib[k]))
                pts += p->contrib[k];
        if (pts <= 0)
            continue;
        double w = 100 * pts / scale;
        pv_buf_puts(b, "<rect x=\"");
        pv_buf_num(b, x, 3);
        pv_buf_puts(b, "\" y=\"0\" width=\"");
        pv_buf_num(b, w, 3);
        pv_buf_printf(b, "\" height=\"10\" fill=\"%s\"><title>", pv_html_colour(t));
        pv_html_esc(b, pv_crit_label(m->top[t], sv));
        pv_buf_puts(b, ": ");
        pv_html_num(b, pts, 2, sv);
        pv_buf_puts(b, "</title></rect>");
        x += w;
    }
    pv_buf_puts(b, "</svg><div class=\"bar-nums\">");
    /* the numbers, so that a printed copy keeps them */
    for (size_t t = 0; t < m->ntop; t++) {
        double pts = 0;
        for (size_t k = 0; k < m->nleaves; k++)
            if (pv_html_top_of(m, m->leaves[k]) == t && isfinite(p->contrib[k]))
                pts += p->contrib[k];
        pv_buf_printf(b, "<span style=\"border-color:%s\">", pv_html_colour(t));
        pv_html_num(b, pts, 1, sv);
        pv_buf_puts(b, "</span>");
    }
    pv_buf_puts(b, "</div>");
}

void pv_html_resource_bar(pv_buf *b, const pv_case *c, size_t k, double used, double limit,
                          int sv)
{
    double scale = limit > used ? limit : used;
    if (!(scale > 0))
        scale = 1;
    double wu = 100 * used / scale, wl = 100 * limit / scale;
    const char *col = used > limit * (1 + 1e-9) ? "#a23b2c" : used >= 0.98 * limit ? "#d99a1e"
                                                                                   : "#1f5f8b";
    pv_buf_puts(b, "<svg class=\"resource-bar\" data-resource=\"");
    pv_html_esc(b, c->res[k].id);
    pv_buf_puts(b, "\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\">"
                   "<rect x=\"0\" y=\"1\" width=\"");
    pv_buf_num(b, wl, 3);
    pv_buf_puts(b, "\" height=\"8\" fill=\"#eef1f5\" stroke=\"#b8c2ce\" stroke-width=\"0.3\" "
                   "vector-effect=\"non-scaling-stroke\"/><rect x=\"0\" y=\"1\" width=\"");
    pv_buf_num(b, wu, 3);
    pv_buf_printf(b, "\" height=\"8\" fill=\"%s\"><title>", col);
    pv_html_amount(b, c, k, used, sv);
    pv_buf_puts(b, " / ");
    pv_html_amount(b, c, k, limit, sv);
    pv_buf_puts(b, "</title></rect><line x1=\"");
    pv_buf_num(b, wl, 3);
    pv_buf_puts(b, "\" x2=\"");
    pv_buf_num(b, wl, 3);
    pv_buf_puts(b, "\" y1=\"0\" y2=\"10\" stroke=\"#1d2530\" stroke-width=\"2\" "
                   "vector-effect=\"non-scaling-stroke\"/></svg>");
}

void pv_html_resource_row(pv_buf *b, const pv_case *c, size_t k, double used, double limit,
                          int sv)
{
    pv_buf_puts(b, "<div class=\"res-name\">");
    pv_html_res_name(b, c, k, sv);
    pv_buf_puts(b, "</div><div>");
    pv_html_resource_bar(b, c, k, used, limit, sv);
    pv_buf_puts(b, "</div><div class=\"fig\">");
    pv_html_amount(b, c, k, used, sv);
    pv_buf_printf(b, " %s ", pv_tr(sv, "of", "av"));
    pv_html_amount(b, c, k, limit, sv);
    pv_buf_puts(b, " (");
    pv_html_pct(b, limit > 0 ? used / limit : 0, 1, sv);
    pv_buf_puts(b, ")</div>\n");
}

void pv_html_ids(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n)
{
    pv_buf t;
    pv_buf_init(&t);
    pv_ids_text(&t, c, x, n, "–");
    if (t.oom)
        b->oom = 1;
    pv_html_esc(b, t.data);
    pv_buf_free(&t);
}

void pv_html_ids_legend(pv_buf *b, const pv_case *c, const unsigned char *mark, size_t n, int sv)
{
    size_t k = 0;
    for (size_t j = 0; j < n; j++)
        k += mark[j] != 0;
    if (!k)
        return;
    pv_html_section(b, "proposal-names", 0, "Proposals named above", "Förslagen ovan", sv);
    pv_buf_puts(b, "<ul id=\"proposal-names-list\" class=\"names\">\n");
    for (size_t j = 0; j < n; j++)
        if (mark[j]) {
            pv_buf_puts(b, "<li>");
            pv_html_name_id(b, pv_project_name(c, j), pv_project_id(c, j));
            pv_buf_puts(b, "</li>\n");
        }
    pv_buf_puts(b, "</ul>\n");
    pv_html_section_end(b);
}

/* ------------------------------------------------------------ rank table */

/* A list cell ("a|b") as "a, b". */
static void list_cell(pv_buf *b, const char *s)
{
    size_t n = 0;
    char **it = pv_split_list(s ? s : "", &n);
    if (!it) {
        pv_html_esc(b, s);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        pv_buf_puts(b, i ? ", " : "");
        pv_html_esc(b, it[i]);
    }
    if (!n)
        pv_buf_puts(b, "–");
    pv_free_list(it, n);
}

/* A code column (department, priority areas): each code by its label. */
static void proj_col(pv_buf *b, const pv_case *c, size_t j, const char *col, int sv)
{
    int k = pv_table_col(c->projects, col);
    if (k < 0)
        return;
    pv_buf_puts(b, "<td class=\"small\">");
    size_t n = 0;
    const char *cell = pv_cell(c->projects, j, (size_t)k);
    char **it = pv_split_list(cell, &n);
    if (!it)
        list_cell(b, cell);
    for (size_t i = 0; it && i < n; i++) {
        pv_buf_puts(b, i ? ", " : "");
        pv_html_esc(b, pv_case_value_label(c, col, it[i], sv));
    }
    if (it && !n)
        pv_buf_puts(b, "–");
    pv_free_list(it, n);
    pv_buf_puts(b, "</td>");
}

static void partners_cell(pv_buf *b, const pv_case *c, size_t j, int sv)
{
    pv_buf_puts(b, "<td class=\"small partners\">");
    size_t np = c->proj_npartners ? c->proj_npartners[j] : 0;
    for (size_t k = 0; k < np; k++) {
        size_t p = c->proj_partners[j][k];
        pv_buf_puts(b, k ? "; " : "");
        pv_html_esc(b, pv_partner_name(c, p));
        long crow = c->partner_country ? c->partner_country[p] : -1;
        if (crow >= 0) {
            pv_buf_puts(b, " (");
            pv_html_country(b, c, crow, sv);
            pv_buf_puts(b, ")");
        }
    }
    if (!np)
        pv_buf_puts(b, "–");
    pv_buf_puts(b, "</td>");
}

/* The notes under a project in the ranking: what it uses, why it is in or
 * out, its conditions. Written into b; a full-width row of their own, so that
 * a reason is one or two lines on paper, not ten in a narrow column. */
static void row_notes(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                      char *const *why, size_t i, int sv)
{
    const pv_model *m = c->model;
    size_t j = r->order[i];
    const pv_proj_result *p = &r->p[j];
    if (s && c->nres) {
        pv_buf t;
        pv_buf_init(&t);
        pv_use_text(&t, c, s, j, sv);
        if (t.oom)
            b->oom = 1;
        pv_buf_puts(b, "<div class=\"use small\">");
        pv_html_esc(b, t.data ? t.data : "");
        pv_buf_puts(b, "</div>");
        pv_buf_free(&t);
    }
    if (why && why[i] && why[i][0]) {
        pv_buf_puts(b, "<div class=\"why\">");
        pv_html_esc(b, why[i]);
        pv_buf_puts(b, "</div>");
    } else if (!p->eligible) {
        for (size_t k = 0; k < p->nexcluded; k++) {
            pv_buf_printf(b, "<div class=\"why\">%s (", pv_tr(sv, "Excluded", "Utesluten"));
            pv_html_esc(b, pv_rule_name(&m->rules[p->excluded_by[k]], sv));
            pv_buf_puts(b, "): ");
            pv_html_esc(b, pv_rule_because(&m->rules[p->excluded_by[k]], sv));
            pv_buf_puts(b, "</div>");
        }
        pv_buf t;
        pv_buf_init(&t);
        if (pv_threshold_text(&t, c, p, sv)) {
            pv_buf_puts(b, "<div class=\"why\">");
            pv_html_esc(b, t.data ? t.data : "");
            pv_buf_puts(b, "</div>");
        }
        pv_buf_free(&t);
    }
    for (size_t k = 0; k < p->nflags; k++) {
        const char *bc = pv_rule_because(&m->rules[p->flags[k]], sv), *w = pv_tr(sv, "Condition", "Villkor");
        pv_buf_puts(b, "<div class=\"why\"><span class=\"flag\">");
        if (strncmp(bc, w, strlen(w)) != 0)
            pv_buf_printf(b, "%s:</span> ", w);
        else {
            pv_buf_puts(b, w);
            pv_buf_puts(b, "</span>");
            bc += strlen(w);
        }
        pv_html_esc(b, bc);
        pv_buf_puts(b, "</div>");
    }
}

void pv_html_rank_table(pv_buf *b, const pv_case *c, const pv_ranking *r,
                        const pv_selection *s, char *const *why, int sv)
{
    const pv_model *m = c->model;
    int has_dep = pv_table_col(c->projects, "department") >= 0;
    int has_prio = pv_table_col(c->projects, "priority_area") >= 0;
    double scale = 100;
    for (size_t j = 0; j < r->n; j++)
        if (r->p[j].score > scale)
            scale = r->p[j].score;
    pv_html_legend(b, m, sv);
    pv_buf_printf(b, "<table id=\"ranking-table\">\n<thead><tr><th class=\"num\">%s</th>"
                     "<th>%s</th><th class=\"num\">%s</th><th style=\"width:20%%\">%s</th>"
                     "<th>%s</th>",
                  pv_tr(sv, "Rank", "Rang"), pv_tr(sv, "Proposal", "Förslag"),
                  pv_tr(sv, "Score", "Poäng"),
                  pv_tr(sv, "Score by criterion (of 100)", "Poäng per kriterium (av 100)"),
                  pv_tr(sv, "Partners (country)", "Partner (land)"));
    if (has_dep)
        pv_buf_printf(b, "<th>%s</th>", pv_tr(sv, "Department", "Förvaltning"));
    if (has_prio)
        pv_buf_printf(b, "<th>%s</th>", pv_tr(sv, "Priority areas", "Prioriterade områden"));
    pv_buf_printf(b, "<th>%s</th></tr></thead>\n<tbody>\n", pv_tr(sv, "Status", "Status"));
    int ncols = 6 + has_dep + has_prio;
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        const pv_proj_result *p = &r->p[j];
        if (!p->eligible && (i == 0 || r->p[r->order[i - 1]].eligible))
            pv_buf_printf(b, "<tr class=\"group-head\"><th colspan=\"%d\">%s</th></tr>\n", ncols,
                          pv_tr(sv, "Excluded by the policy (not eligible, whatever their score)",
                                "Uteslutna enligt policyn (inte valbara, oavsett poäng)"));
        static const char *const CLS[] = {"excluded", "eligible", "selected", "not-selected"};
        pv_standing st = !p->eligible ? PV_STAND_EXCLUDED
                         : !s         ? PV_STAND_ELIGIBLE
                         : s->x && s->x[j] && s->status != PV_STATUS_INFEASIBLE
                             ? PV_STAND_SELECTED
                             : PV_STAND_NOT_SELECTED;
        const char *cls = CLS[st], *word = pv_standing_word(st, sv);
        pv_buf_printf(b, "<tr class=\"project-row %s\" data-id=\"", cls);
        pv_html_esc(b, pv_project_id(c, j));
        pv_buf_printf(b, "\"><td class=\"num\">%zu</td><td>", r->rank[j]);
        pv_html_name_id(b, pv_project_name(c, j), pv_project_id(c, j));
        pv_buf notes;
        pv_buf_init(&notes);
        row_notes(&notes, c, r, s, why, i, sv);
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_num(b, p->score, 2, sv);
        pv_buf_puts(b, "</td><td>");
        pv_html_score_bar(b, c, p, scale, sv);
        pv_buf_puts(b, "</td>");
        partners_cell(b, c, j, sv);
        if (has_dep)
            proj_col(b, c, j, "department", sv);
        if (has_prio)
            proj_col(b, c, j, "priority_area", sv);
        pv_buf_printf(b, "<td><span class=\"status st-%s\">%s</span></td></tr>\n", cls, word);
        if (notes.oom)
            b->oom = 1;
        if (notes.len) {
            pv_buf_printf(b, "<tr class=\"project-notes %s\"><td></td><td colspan=\"%d\">", cls,
                          ncols - 1);
            pv_buf_puts(b, notes.data);
            pv_buf_puts(b, "</td></tr>\n");
        }
        pv_buf_free(&notes);
    }
    pv_buf_puts(b, "</tbody>\n</table>\n");
}

/* ------------------------------------------------------ policy sections */

/* A rule's reason, then its policy source in small print. */
static void because_and_source(pv_buf *b, const pv_rule *ru, int sv)
{
    pv_html_esc(b, pv_rule_because(ru, sv));
    if (ru->source && ru->source[0]) {
        pv_buf_puts(b, "<div class=\"source\">");
        pv_html_esc(b, ru->source);
        pv_buf_puts(b, "</div>");
    }
}

void pv_html_policy_sections(pv_buf *b, const pv_case *c, const pv_ranking *r, int sv)
{
    const pv_model *m = c->model;
    pv_html_section(b, "excluded", 1, "Excluded by the policy", "Uteslutna enligt policyn", sv);
    size_t shown = 0;
    for (size_t q = 0; q < m->nrules; q++) {
        const pv_rule *ru = &m->rules[q];
        if (ru->action != PV_ACT_EXCLUDE)
            continue;
        size_t hits = 0;
        for (size_t j = 0; j < r->n; j++)
            for (size_t k = 0; k < r->p[j].nexcluded; k++)
                hits += r->p[j].excluded_by[k] == q;
        if (!hits)
            continue;
        shown++;
        pv_buf_puts(b, "<div class=\"rule excluded-rule\"><h3>");
        pv_html_esc(b, pv_rule_name(ru, sv));
        pv_buf_puts(b, " <small class=\"id\"><code>");
        pv_html_esc(b, ru->id);
        pv_buf_printf(b, "</code></small></h3><p><strong>%s</strong> ", pv_tr(sv, "Because:", "Skäl:"));
        pv_html_esc(b, pv_rule_because(ru, sv));
        pv_buf_puts(b, "</p>");
        if (ru->source && ru->source[0]) {
            pv_buf_printf(b, "<p class=\"source\"><strong>%s</strong> ",
                          pv_tr(sv, "Policy:", "Policy:"));
            pv_html_esc(b, ru->source);
            pv_buf_puts(b, "</p>");
        }
        pv_buf_printf(b, "<p><strong>%s</strong> ",
                      pv_tr(sv, "Proposals excluded:", "Uteslutna förslag:"));
        int first = 1;
        for (size_t i = 0; i < r->n; i++) {
            size_t j = r->order[i];
            for (size_t k = 0; k < r->p[j].nexcluded; k++)
                if (r->p[j].excluded_by[k] == q) {
                    pv_buf_puts(b, first ? "" : "; ");
                    pv_html_esc(b, pv_project_name(c, j));
                    pv_buf_puts(b, " <small class=\"id\">");
                    pv_html_esc(b, pv_project_id(c, j));
                    pv_buf_puts(b, "</small>");
                    first = 0;
                }
        }
        pv_buf_puts(b, "</p></div>\n");
    }
    if (!shown)
        pv_buf_printf(b, "<p>%s</p>\n",
                      pv_tr(sv, "No proposal was excluded by the policy's rules.",
                            "Inget förslag uteslöts av policyns regler."));
    pv_html_section_end(b);

    pv_html_section(b, "conditions", 0, "Conditions per proposal", "Villkor per förslag", sv);
    size_t nf = 0;
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        const pv_proj_result *p = &r->p[j];
        if (!p->nflags || !p->eligible)
            continue;
        nf++;
        pv_buf_puts(b, "<div class=\"rule cond\"><h3>");
        pv_html_esc(b, pv_project_name(c, j));
        pv_buf_puts(b, " <small class=\"id\">");
        pv_html_esc(b, pv_project_id(c, j));
        pv_buf_puts(b, "</small></h3><ul>");
        for (size_t k = 0; k < p->nflags; k++) {
            const pv_rule *ru = &m->rules[p->flags[k]];
            pv_buf_puts(b, "<li><span class=\"flag\">");
            pv_html_esc(b, pv_rule_name(ru, sv));
            pv_buf_puts(b, "</span> <small class=\"id\"><code>");
            pv_html_esc(b, ru->id);
            pv_buf_puts(b, "</code></small>: ");
            because_and_source(b, ru, sv);
            pv_buf_puts(b, "</li>");
        }
        pv_buf_puts(b, "</ul></div>\n");
    }
    if (!nf)
        pv_buf_printf(b, "<p>%s</p>\n", pv_tr(sv, "No eligible proposal carries a condition.",
                                             "Inget valbart förslag har något villkor."));
    pv_html_section_end(b);
}

/* ------------------------------------------------------------ model */

static void field_unit(pv_buf *b, const pv_field *f, int sv)
{
    const char *n = f->name ? f->name : "";
    if (strstr(n, "_km") || !strcmp(n, "distance_km"))
        pv_buf_puts(b, "\xC2\xA0km");
    else if (strstr(n, "sek"))
        pv_buf_puts(b, sv ? "\xC2\xA0kr" : "\xC2\xA0SEK");
}

static void vf_words(pv_buf *b, const pv_case *c, const pv_criterion *cr, int sv)
{
    const pv_valuefn *vf = &cr->vf;
    pv_buf_puts(b, "<code>");
    pv_html_esc(b, cr->field.text);
    pv_buf_puts(b, "</code>");
    if (cr->field.scope != PV_SCOPE_PROJECT) {
        const char *a = cr->agg == PV_AGG_MIN ? pv_tr(sv, "lowest", "lägsta")
                        : cr->agg == PV_AGG_MAX ? pv_tr(sv, "highest", "högsta")
                                                : pv_tr(sv, "mean", "medelvärdet");
        pv_buf_printf(b, " (%s %s)", a, pv_tr(sv, "among the partners", "bland partnerna"));
    }
    pv_buf_puts(b, ": ");
    switch (vf->type) {
    case PV_VF_LINEAR:
        pv_buf_printf(b, "%s ", pv_tr(sv, "0 points at", "0 poäng vid"));
        pv_html_numt(b, vf->worst, sv);
        field_unit(b, &cr->field, sv);
        pv_buf_printf(b, ", %s ", pv_tr(sv, "full points at", "full poäng vid"));
        pv_html_numt(b, vf->best, sv);
        field_unit(b, &cr->field, sv);
        pv_buf_printf(b, ", %s", pv_tr(sv, "linear in between", "linjärt däremellan"));
        break;
    case PV_VF_PIECEWISE:
        pv_buf_printf(b, "%s ",
                      pv_tr(sv, "share of full points, linear between the points:",
                            "andel av full poäng, linjärt mellan punkterna:"));
        for (size_t i = 0; i < vf->npts; i++) {
            pv_buf_puts(b, i ? "; " : "");
            pv_html_numt(b, vf->px[i], sv);
            field_unit(b, &cr->field, sv);
            pv_buf_puts(b, " → ");
            pv_html_pct(b, vf->py[i], 0, sv);
        }
        break;
    case PV_VF_CATEGORICAL:
        pv_buf_printf(
            b, "%s ",
            pv_tr(sv, "share of full points by category:", "andel av full poäng efter kategori:"));
        for (size_t i = 0; i < vf->ncat; i++) {
            pv_buf_puts(b, i ? "; " : "");
            const char *lab = pv_case_value_label(c, cr->field.name, vf->cat_key[i], sv);
            pv_buf_puts(b, "”");
            pv_html_esc(b, lab);
            pv_buf_puts(b, "”");
            if (strcmp(lab, vf->cat_key[i]) && !pv_yesno_word(vf->cat_key[i])) {
                pv_buf_puts(b, " <code>");
                pv_html_esc(b, vf->cat_key[i]);
                pv_buf_puts(b, "</code>");
            }
            pv_buf_puts(b, " → ");
            pv_html_pct(b, vf->cat_val[i], 0, sv);
        }
        break;
    }
    if (cr->has_missing) {
        pv_buf_printf(b, "; %s ", pv_tr(sv, "when the value is missing", "när värde saknas"));
        pv_html_pct(b, cr->missing, 0, sv);
    }
    pv_buf_putc(b, '.');
}

static const char *method_words(pv_wmethod mth, int sv)
{
    switch (mth) {
    case PV_W_RANK: return pv_tr(sv, "rank order", "rangordning");
    case PV_W_SWING: return pv_tr(sv, "swing weighting", "swingviktning");
    case PV_W_AHP: return pv_tr(sv, "AHP pairwise comparison", "AHP parvisa jämförelser");
    default: return pv_tr(sv, "direct weights", "direkta vikter");
    }
}

static void ahp_line(pv_buf *b, const char *who, double lambda, double ci, double cr, int sv)
{
    pv_buf_puts(b, "<li>");
    pv_buf_puts(b, who);
    pv_buf_puts(b, ": λ<sub>max</sub> ");
    pv_html_num(b, lambda, 3, sv);
    pv_buf_puts(b, ", CI ");
    pv_html_num(b, ci, 3, sv);
    pv_buf_puts(b, ", CR ");
    pv_html_num(b, cr, 3, sv);
    if (cr > 0.10)
        pv_buf_printf(b, " — <span class=\"flag\">%s</span>",
                      pv_tr(sv, "inconsistent (CR above 0.10)", "inkonsekvent (CR över 0,10)"));
    else
        pv_buf_printf(b, " — %s", pv_tr(sv, "acceptably consistent (CR at most 0.10)",
                                        "godtagbart konsekvent (CR högst 0,10)"));
    pv_buf_puts(b, "</li>\n");
}

void pv_html_model_section(pv_buf *b, const pv_case *c, int sv)
{
    const pv_model *m = c->model;
    pv_html_section(b, "model", 1, "The model", "Modellen", sv);
    pv_buf_printf(b, "<p>%s ",
                  pv_tr(sv,
                        "Each proposal gets 0–100 points: every criterion's value (0–100 % of "
                        "full points) times its global weight. A local weight is the share among "
                        "its siblings; the global weight is the product along the path.",
                        "Varje förslag får 0–100 poäng: varje kriteriums värde (0–100 % av full "
                        "poäng) gånger dess globala vikt. Den lokala vikten är andelen bland "
                        "syskonen; den globala vikten är produkten längs vägen."));
    pv_buf_printf(b, "%s: %s.</p>\n", pv_tr(sv, "Top-level weighting", "Viktning på översta nivån"),
                  method_words(m->top_method, sv));
    pv_buf_printf(b, "<table class=\"tree\" id=\"criteria-tree\">\n<thead><tr><th>%s</th>"
                     "<th class=\"num\">%s</th><th class=\"num\">%s</th><th>%s</th></tr>"
                     "</thead>\n<tbody>\n",
                  pv_tr(sv, "Criterion", "Kriterium"), pv_tr(sv, "Local", "Lokal"),
                  pv_tr(sv, "Global", "Global"),
                  pv_tr(sv, "How the value is set", "Hur värdet sätts"));
    for (size_t i = 0; i < m->nall; i++) {
        const pv_criterion *cr = m->all[i];
        int depth = pv_crit_depth(cr);
        pv_buf_printf(b, "<tr class=\"criterion%s\"><td class=\"crit lvl%d\">",
                      depth ? "" : " top", depth > 3 ? 3 : depth);
        if (!depth)
            pv_buf_printf(b, "<span class=\"sw\" style=\"display:inline-block;width:10px;"
                             "height:10px;margin-right:6px;background:%s\"></span>",
                          pv_html_colour(pv_html_top_of(m, cr)));
        pv_html_esc(b, pv_crit_label(cr, sv));
        pv_buf_puts(b, " <small class=\"id\">");
        pv_html_esc(b, cr->id);
        pv_buf_puts(b, "</small>");
        if (cr->source && cr->source[0]) {
            pv_buf_puts(b, "<div class=\"source\">");
            pv_html_esc(b, cr->source);
            pv_buf_puts(b, "</div>");
        }
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_pct(b, cr->local, 1, sv);
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_pct(b, cr->global, 1, sv);
        pv_buf_puts(b, "</td><td class=\"small\">");
        if (cr->is_leaf)
            vf_words(b, c, cr, sv);
        else
            pv_buf_printf(b, "%s: %s", pv_tr(sv, "Sub-criteria weighted by", "Delkriterier viktade med"),
                          method_words(cr->child_method, sv));
        pv_buf_puts(b, "</td></tr>\n");
    }
    pv_buf_puts(b, "</tbody>\n</table>\n");
    int any_ahp = m->top_method == PV_W_AHP;
    for (size_t i = 0; i < m->nall; i++)
        any_ahp |= m->all[i]->nchildren && m->all[i]->child_method == PV_W_AHP;
    pv_buf_printf(b, "<h3>%s</h3>\n", pv_tr(sv, "AHP consistency", "AHP-konsistens"));
    if (pv_html_list_open(b, "ahp", (size_t)any_ahp,
                          pv_tr(sv, "The model uses no pairwise comparisons (AHP).",
                                "Modellen använder inga parvisa jämförelser (AHP)."))) {
        if (m->top_method == PV_W_AHP)
            ahp_line(b, pv_tr(sv, "Top level", "Översta nivån"), m->top_lambda_max, m->top_ci,
                     m->top_cr, sv);
        for (size_t i = 0; i < m->nall; i++) {
            const pv_criterion *cr = m->all[i];
            if (!cr->nchildren || cr->child_method != PV_W_AHP)
                continue;
            pv_buf tmp;
            pv_buf_init(&tmp);
            pv_html_esc(&tmp, pv_crit_label(cr, sv));
            ahp_line(b, tmp.data ? tmp.data : "", cr->lambda_max, cr->ci, cr->cr, sv);
            pv_buf_free(&tmp);
        }
        pv_buf_puts(b, "</ul>\n");
    }
    pv_buf_printf(b, "<h3>%s</h3>\n", pv_tr(sv, "The policy's rules", "Policyns regler"));
    if (!m->nrules)
        pv_buf_printf(b, "<p>%s</p>\n", pv_tr(sv, "The model has no rules.", "Modellen har inga regler."));
    else {
        pv_buf_printf(b, "<table id=\"rules\">\n<thead><tr><th>%s</th><th>%s</th><th>%s</th>"
                         "</tr></thead>\n<tbody>\n",
                      pv_tr(sv, "Rule", "Regel"), pv_tr(sv, "Effect", "Verkan"),
                      pv_tr(sv, "Because, and the policy it rests on",
                            "Skäl, och policyn den vilar på"));
        for (size_t q = 0; q < m->nrules; q++) {
            const pv_rule *ru = &m->rules[q];
            pv_buf_puts(b, "<tr class=\"rule-row\"><td>");
            pv_html_esc(b, pv_rule_name(ru, sv));
            pv_buf_puts(b, " <small class=\"id\"><code>");
            pv_html_esc(b, ru->id);
            pv_buf_printf(b, "</code></small></td><td>%s</td><td>",
                          ru->action == PV_ACT_EXCLUDE ? pv_tr(sv, "excludes", "utesluter")
                                                       : pv_tr(sv, "sets a condition", "ger villkor"));
            because_and_source(b, ru, sv);
            pv_buf_puts(b, "</td></tr>\n");
        }
        pv_buf_puts(b, "</tbody>\n</table>\n");
    }
    pv_html_section_end(b);
}
