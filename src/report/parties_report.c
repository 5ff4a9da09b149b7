/*
 * parties_report.c — party weight sets in text, Markdown, CSV, JSON and
 * HTML: each set's own optimum, the max-min compromise with every set's
 * satisfaction, the minimax-regret portfolio, per project the share of sets
 * that choose it, and the conflict between sets. HTML shows a matrix of
 * projects x sets with the compromise column highlighted.
 */
#include "../analyse/parties.h"
#include "report.h"
#include "xlsx.h"

#include <string.h>

/* ------------------------------------------------------------ JSON */

static void json_map(pv_buf *b, const pv_parties *p, const double *v)
{
    pv_buf_putc(b, '{');
    for (size_t k = 0; k < p->K; k++) {
        pv_buf_puts(b, k ? ", " : "");
        pv_buf_json_str(b, p->name[k]);
        pv_buf_puts(b, ": ");
        pv_buf_num(b, v[k], 6);
    }
    pv_buf_putc(b, '}');
}

/* {"selected_projects": […], "FIG": fig, "MAP": {set: value, …}} */
static void json_compromise(pv_buf *b, const pv_case *c, const pv_parties *p,
                            const unsigned char *x, const char *fig_key, double fig,
                            const char *map_key, const double *map)
{
    pv_buf_puts(b, "{\"selected_projects\": ");
    pv_ids_json(b, c, x, p->n);
    pv_buf_printf(b, ", \"%s\": ", fig_key);
    pv_buf_num(b, fig, 6);
    pv_buf_printf(b, ", \"%s\": ", map_key);
    json_map(b, p, map);
    pv_buf_putc(b, '}');
}

static void render_json(pv_buf *b, const pv_case *c, const pv_parties *p)
{
    size_t n = p->n;
    pv_buf_puts(b, "{\n  \"sets\": [");
    for (size_t k = 0; k < p->K; k++) {
        pv_buf_puts(b, k ? ",\n    {\"name\": " : "\n    {\"name\": ");
        pv_buf_json_str(b, p->name[k]);
        pv_json_keyed_num(b, ", \"objective\": ", p->vstar[k]);
        pv_buf_puts(b, ", \"selected_projects\": ");
        pv_ids_json(b, c, p->own + k * n, n);
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, "\n  ],\n  \"maxmin\": ");
    json_compromise(b, c, p, p->maxmin, "min_satisfaction", p->min_sat, "satisfaction", p->sat);
    pv_buf_puts(b, ",\n  \"minimax_regret\": ");
    json_compromise(b, c, p, p->mmr, "max_regret", p->max_regret, "regret", p->regret);
    pv_buf_puts(b, ",\n  \"projects\": [");
    for (size_t j = 0; j < n; j++) {
        pv_buf_puts(b, j ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, pv_project_id(c, j));
        pv_json_keyed_num(b, ", \"share\": ", p->share[j]);
        pv_buf_printf(b, ", \"in_maxmin\": %s}", p->maxmin[j] ? "true" : "false");
    }
    pv_buf_puts(b, "\n  ],\n  \"conflict\": [");
    int first = 1;
    for (size_t a = 0; a < p->K; a++)
        for (size_t bb = a + 1; bb < p->K; bb++) {
            pv_buf_puts(b, first ? "\n    {\"a\": " : ",\n    {\"a\": ");
            first = 0;
            pv_buf_json_str(b, p->name[a]);
            pv_buf_puts(b, ", \"b\": ");
            pv_buf_json_str(b, p->name[bb]);
            pv_json_keyed_num(b, ", \"index\": ", p->conflict[a * p->K + bb]);
            pv_buf_putc(b, '}');
        }
    pv_buf_puts(b, first ? "],\n  \"group_conflict\": " : "\n  ],\n  \"group_conflict\": ");
    pv_buf_num(b, p->group_conflict, 6);
    pv_buf_puts(b, "\n}\n");
}

/* ------------------------------------------------------------ text, md */

static void pct(pv_buf *b, double x, int sv)
{
    pv_fmt_num(b, x * 100, 1, sv);
    pv_buf_puts(b, " %");
}

/* A percentage (as_pct) or a value with two decimals. */
static void figure(pv_buf *b, double x, int sv, int as_pct)
{
    if (as_pct)
        pct(b, x, sv);
    else
        pv_fmt_num(b, x, 2, sv);
}

/* One compromise portfolio: heading, its rule, its projects, the headline
 * figure, then that figure for each set. */
static void compromise_text(pv_buf *b, const pv_case *c, const pv_parties *p, int sv, int md,
                            const char *head, const char *rule, const unsigned char *x,
                            const char *label, double fig, const double *per, int as_pct)
{
    const char *li = md ? "- " : "  ";
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s:\n", head);
    pv_buf_printf(b, "%s%s\n", li, rule);
    pv_buf_printf(b, "%s%s: ", li, pv_tr(sv, "Projects", "Projekt"));
    pv_ids_text(b, c, x, p->n, pv_tr(sv, "(none)", "(inga)"));
    pv_buf_printf(b, "\n%s%s: ", li, label);
    figure(b, fig, sv, as_pct);
    pv_buf_putc(b, '\n');
    for (size_t k = 0; k < p->K; k++) {
        pv_buf_printf(b, "%s  %s: ", md ? "" : "  ", p->name[k]);
        figure(b, per[k], sv, as_pct);
        pv_buf_putc(b, '\n');
    }
}

static void render_text(pv_buf *b, const pv_case *c, const pv_parties *p, int sv, int md)
{
    size_t n = p->n;
    const char *li = md ? "- " : "  ";
    const char *none = pv_tr(sv, "(none)", "(inga)");
    void (*put)(pv_buf *, const char *) = md ? pv_buf_md : pv_buf_plain;
    pv_buf_printf(b,
                  md ? "# %s: " : "%s: ", pv_tr(sv, "Party weight sets", "Partiernas viktningar"));
    put(b, c->name);
    pv_buf_puts(b, md ? "\n\n" : "\n");
    pv_buf_printf(b, "%s: ", pv_tr(sv, "Model", "Modell"));
    put(b, c->model->name);
    pv_buf_putc(b, '\n');
    /* each set's value is this objective under the set's own weights */
    pv_objective_head(b, c, sv, 0);
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s:\n",
                  pv_tr(sv, "Each set's own optimal portfolio", "Varje viktnings egen bästa portfölj"));
    for (size_t k = 0; k < p->K; k++) {
        pv_buf_printf(b, "%s%s: %s ", li, p->name[k], pv_tr(sv, "value", "värde"));
        pv_fmt_num(b, p->vstar[k], 2, sv);
        pv_buf_puts(b, "; ");
        pv_ids_text(b, c, p->own + k * n, n, none);
        pv_buf_putc(b, '\n');
    }
    compromise_text(b, c, p, sv, md, pv_tr(sv, "Max-min compromise", "Kompromiss (max-min)"),
                    pv_parties_maxmin_text(sv), p->maxmin,
                    pv_tr(sv, "Lowest satisfaction", "Lägsta tillfredsställelse"), p->min_sat,
                    p->sat, 1);
    compromise_text(b, c, p, sv, md,
                    pv_tr(sv, "Minimax-regret portfolio", "Portfölj med minsta största förlust"),
                    pv_parties_regret_text(sv), p->mmr,
                    pv_tr(sv, "Largest regret", "Största förlust"), p->max_regret, p->regret, 0);
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s:\n",
                  pv_tr(sv, "Projects: share of sets whose optimum holds it; in the compromise",
                        "Projekt: andel viktningar vars bästa portfölj har med det; i "
                        "kompromissen"));
    /* each project by id and name (names, not ids, for the reader), the
     * share right-aligned; in Markdown a table */
    size_t wn = 0;
    for (size_t j = 0; j < n && !md; j++) {
        pv_buf t;
        pv_buf_init(&t);
        pv_buf_printf(&t, "%s ", pv_project_id(c, j));
        pv_buf_plain(&t, pv_project_name(c, j));
        size_t w = t.data ? pv_text_width(t.data) : 0;
        wn = w > wn ? w : wn;
        pv_buf_free(&t);
    }
    if (md)
        pv_buf_printf(b, "| %s | %s | %s |\n|---|---:|---|\n", pv_tr(sv, "Project", "Projekt"),
                      pv_tr(sv, "Share of sets", "Andel viktningar"),
                      pv_tr(sv, "In the compromise", "I kompromissen"));
    for (size_t j = 0; j < n; j++) {
        pv_buf t, sh;
        pv_buf_init(&t);
        pv_buf_init(&sh);
        pv_buf_printf(&t, "%s ", pv_project_id(c, j));
        put(&t, pv_project_name(c, j));
        pct(&sh, p->share[j], sv);
        const char *in = p->maxmin[j] ? pv_tr(sv, "in", "med") : "-";
        if (md) {
            pv_buf_printf(b, "| %s | %s | %s |\n", t.data ? t.data : "", sh.data ? sh.data : "",
                          in);
        } else {
            pv_buf_puts(b, li);
            pv_buf_pad(b, t.data ? t.data : "", wn, 0);
            pv_buf_puts(b, "  ");
            pv_buf_pad(b, sh.data ? sh.data : "", 7, 1);
            pv_buf_printf(b, "  %s\n", in);
        }
        pv_buf_free(&t);
        pv_buf_free(&sh);
    }
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s:\n", pv_tr(sv, "Conflict", "Konflikt"));
    pv_buf_printf(b, "%s%s\n", li, pv_parties_conflict_text(sv));
    for (size_t a = 0; a < p->K; a++)
        for (size_t bb = a + 1; bb < p->K; bb++) {
            pv_buf_printf(b, "%s%s – %s: ", li, p->name[a], p->name[bb]);
            pv_fmt_num(b, p->conflict[a * p->K + bb], 3, sv);
            pv_buf_putc(b, '\n');
        }
    pv_buf_printf(b, "%s%s: ", li, pv_tr(sv, "Whole group", "Hela gruppen"));
    pv_fmt_num(b, p->group_conflict, 3, sv);
    pv_buf_putc(b, '\n');
    if (!p->proven)
        pv_buf_printf(b, "\n%s\n", pv_tr(sv, "Note: a solve stopped at its time limit; figures "
                                             "are the best found.",
                                         "Obs: en lösning stoppades av tidsgränsen; siffrorna "
                                         "är de bästa som hittades."));
}

/* ------------------------------------------------------------ CSV */

static void csv_row(pv_buf *b, int sv, const char *sec, const char *a, const char *bb, double v,
                    const char *detail)
{
    const char *const head[] = {sec, a, bb};
    pv_csv_cells(b, head, 3, sv);
    pv_csv_num(b, v, 6, sv);
    pv_csv_sep(b, sv);
    pv_csv_cell(b, detail, sv);
    pv_csv_eol(b);
}

static void ids(pv_buf *t, const pv_case *c, const unsigned char *x, size_t n)
{
    pv_buf_init(t);
    pv_ids_text(t, c, x, n, "");
}

static void render_csv(pv_buf *b, const pv_case *c, const pv_parties *p, int sv)
{
    static const char *const hdr[] = {"section", "a", "b", "value", "detail"};
    pv_csv_header(b, hdr, 5, sv);
    pv_csv_eol(b);
    size_t n = p->n;
    pv_buf t;
    for (size_t k = 0; k < p->K; k++) {
        ids(&t, c, p->own + k * n, n);
        csv_row(b, sv, "set", p->name[k], "", p->vstar[k], t.data ? t.data : "");
        pv_buf_free(&t);
    }
    ids(&t, c, p->maxmin, n);
    csv_row(b, sv, "maxmin", "", "", p->min_sat, t.data ? t.data : "");
    pv_buf_free(&t);
    for (size_t k = 0; k < p->K; k++)
        csv_row(b, sv, "satisfaction", p->name[k], "", p->sat[k], "");
    ids(&t, c, p->mmr, n);
    csv_row(b, sv, "minimax_regret", "", "", p->max_regret, t.data ? t.data : "");
    pv_buf_free(&t);
    for (size_t k = 0; k < p->K; k++)
        csv_row(b, sv, "regret", p->name[k], "", p->regret[k], "");
    for (size_t j = 0; j < n; j++)
        csv_row(b, sv, "project", pv_project_id(c, j), "", p->share[j],
                p->maxmin[j] ? "in_maxmin" : "");
    for (size_t a = 0; a < p->K; a++)
        for (size_t bb = a + 1; bb < p->K; bb++)
            csv_row(b, sv, "conflict", p->name[a], p->name[bb], p->conflict[a * p->K + bb], "");
    csv_row(b, sv, "group_conflict", "", "", p->group_conflict, "");
}

/* ------------------------------------------------------------ HTML */

static void html_matrix(pv_buf *b, const pv_case *c, const pv_parties *p, int sv)
{
    pv_buf_printf(b, "<table class=\"parties\">\n<thead><tr><th>%s</th>",
                  pv_tr(sv, "Project", "Projekt"));
    for (size_t k = 0; k < p->K; k++) {
        pv_buf_puts(b, "<th>");
        pv_html_esc(b, p->name[k]);
        pv_buf_puts(b, "</th>");
    }
    pv_buf_printf(b, "<th class=\"compromise\">%s</th><th>%s</th><th class=\"num\">%s</th>"
                     "</tr></thead>\n<tbody>\n",
                  pv_tr(sv, "Compromise (max-min)", "Kompromiss (max-min)"),
                  pv_tr(sv, "Minimax regret", "Minsta största förlust"),
                  pv_tr(sv, "Share of sets", "Andel viktningar"));
    for (size_t j = 0; j < p->n; j++) {
        pv_buf_puts(b, "<tr><td>");
        pv_html_esc(b, pv_project_id(c, j));
        pv_buf_puts(b, " ");
        pv_html_esc(b, pv_project_name(c, j));
        pv_buf_puts(b, "</td>");
        for (size_t k = 0; k < p->K; k++)
            pv_buf_puts(b, p->own[k * p->n + j] ? "<td class=\"in\">&#10003;</td>" : "<td></td>");
        pv_buf_puts(b, p->maxmin[j] ? "<td class=\"compromise in\">&#10003;</td>"
                                    : "<td class=\"compromise\"></td>");
        pv_buf_puts(b, p->mmr[j] ? "<td class=\"in\">&#10003;</td>" : "<td></td>");
        pv_buf_puts(b, "<td class=\"num\">");
        pv_html_pct(b, p->share[j], 0, sv);
        pv_buf_puts(b, "</td></tr>\n");
    }
    pv_buf_printf(b, "<tr><th scope=\"row\">%s</th>", pv_tr(sv, "Value", "Värde"));
    for (size_t k = 0; k < p->K; k++) {
        pv_buf_puts(b, "<td class=\"num\">");
        pv_html_num(b, p->vstar[k], 2, sv);
        pv_buf_puts(b, "</td>");
    }
    pv_buf_puts(b, "<td class=\"compromise num\">");
    pv_html_pct(b, p->min_sat, 1, sv);
    pv_buf_puts(b, "</td><td class=\"num\">");
    pv_html_num(b, p->max_regret, 2, sv);
    pv_buf_puts(b, "</td><td></td></tr>\n</tbody>\n</table>\n");
}

static void html_sets(pv_buf *b, const pv_parties *p, int sv)
{
    pv_buf_printf(b, "<table class=\"parties-sets\">\n<thead><tr><th>%s</th><th class=\"num\">%s"
                     "</th><th class=\"num compromise\">%s</th><th class=\"num\">%s</th></tr>"
                     "</thead>\n<tbody>\n",
                  pv_tr(sv, "Weight set", "Viktning"), pv_tr(sv, "Own optimum", "Eget optimum"),
                  pv_tr(sv, "Satisfaction in the compromise", "Tillfredsställelse i kompromissen"),
                  pv_tr(sv, "Regret (minimax regret)", "Förlust (minsta största förlust)"));
    for (size_t k = 0; k < p->K; k++) {
        pv_buf_puts(b, "<tr><td>");
        pv_html_esc(b, p->name[k]);
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_num(b, p->vstar[k], 2, sv);
        pv_buf_puts(b, "</td><td class=\"num compromise\">");
        pv_html_pct(b, p->sat[k], 1, sv);
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_num(b, p->regret[k], 2, sv);
        pv_buf_puts(b, "</td></tr>\n");
    }
    pv_buf_puts(b, "</tbody>\n</table>\n");
}

static char *render_html(const pv_case *c, const pv_parties *p, int sv, size_t *len,
                         pv_error *err)
{
    pv_buf b;
    pv_buf_init(&b);
    if (pv_html_begin(&b, c, sv, "Decision basis: a portfolio every party can accept",
                      "Beslutsunderlag: en portfölj som alla partier kan acceptera", "parties",
                      err)) {
        pv_buf_free(&b);
        return NULL;
    }
    pv_html_section(&b, "parties", 0, "Projects and weight sets", "Projekt och viktningar", sv);
    pv_buf_puts(&b, "<p>");
    pv_html_esc(&b, pv_parties_maxmin_text(sv));
    pv_buf_puts(&b, " ");
    pv_html_esc(&b, pv_parties_regret_text(sv));
    pv_buf_puts(&b, "</p>\n");
    html_matrix(&b, c, p, sv);
    html_sets(&b, p, sv);
    pv_buf_puts(&b, "<p>");
    pv_html_esc(&b, pv_parties_conflict_text(sv));
    pv_buf_printf(&b, " %s: ", pv_tr(sv, "Whole group", "Hela gruppen"));
    pv_html_num(&b, p->group_conflict, 3, sv);
    pv_buf_puts(&b, ".</p>\n<table class=\"parties-conflict\">\n<tbody>\n");
    for (size_t a = 0; a < p->K; a++)
        for (size_t bb = a + 1; bb < p->K; bb++) {
            pv_buf_puts(&b, "<tr><td>");
            pv_html_esc(&b, p->name[a]);
            pv_buf_puts(&b, " – ");
            pv_html_esc(&b, p->name[bb]);
            pv_buf_puts(&b, "</td><td class=\"num\">");
            pv_html_num(&b, p->conflict[a * p->K + bb], 3, sv);
            pv_buf_puts(&b, "</td></tr>\n");
        }
    pv_buf_puts(&b, "</tbody>\n</table>\n");
    pv_html_section_end(&b);
    return pv_html_close(&b, c, sv, len, err);
}

char *pv_render_parties(const pv_case *c, const pv_ranking *r, const pv_parties *p, pv_format fmt,
                        pv_lang lang, size_t *len, pv_error *err)
{
    if (!c || !p || (fmt == PV_FMT_XLSX && !r)) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "pv_render_parties: missing argument");
        return NULL;
    }
    int sv = pv_lang_is_sv(c, lang);
    if (fmt == PV_FMT_HTML)
        return render_html(c, p, sv, len, err);
    if (fmt == PV_FMT_XLSX)
        return pv_xlsx_parties(c, r, p, sv, len, err);
    pv_buf b;
    pv_buf_init(&b);
    switch (fmt) {
    case PV_FMT_JSON: render_json(&b, c, p); break;
    case PV_FMT_CSV: render_csv(&b, c, p, sv); break;
    case PV_FMT_MD: render_text(&b, c, p, sv, 1); break;
    default: render_text(&b, c, p, sv, 0); break;
    }
    return pv_buf_finish(&b, len, err);
}
