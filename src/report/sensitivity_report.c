/* sensitivity_report.c — how far each weight may move before the portfolio
 * changes, in text, Markdown, CSV, JSON and HTML. */
#include "../analyse/compare.h"
#include "../analyse/whatif.h"
#include "report.h"

#include <math.h>
#include <string.h>

/* Each weight's range, with what enters and leaves just outside it, as JSON. */
static void sensitivity_json(pv_buf *b, const pv_view *v)
{
    const pv_case *c = v->c;
    const pv_model *m = c->model;
    const pv_sensitivity *s = v->data;
    pv_json_keyed_num(b, ",\n  \"base_objective\": ", s->base_objective);
    pv_buf_printf(b, ", \"exact\": %s", s->exact ? "true" : "false");
    pv_buf_puts(b, ", \"selected_projects\": ");
    pv_ids_json(b, c, s->base, v->n);
    pv_buf_puts(b, ",\n  \"criteria\": [");
    for (size_t i = 0; i < s->nleaves; i++) {
        const pv_sens_crit *k = &s->crit[i];
        pv_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, m->leaves[i]->id);
        pv_json_keyed_num(b, ", \"weight\": ", k->weight);
        pv_json_keyed_num(b, ", \"low\": ", k->low);
        pv_json_keyed_num(b, ", \"high\": ", k->high);
        for (int side = 0; side < 2; side++) {
            const unsigned char *o = side ? k->above : k->below;
            pv_buf_puts(b, side ? ", \"above\": " : ", \"below\": ");
            if (!o) {
                pv_buf_puts(b, "null");
                continue;
            }
            pv_buf_putc(b, '{');
            pv_json_diff(b, c, s->base, o, v->n, v->add, v->rem);
            pv_buf_putc(b, '}');
        }
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, "\n  ]\n}\n");
}

/* One row per scored criterion. */
static void sensitivity_csv(pv_buf *b, const pv_view *v)
{
    static const char *const h[] = {"id",          "weight",        "low",        "high",
                                    "below_added", "below_removed", "above_added", "above_removed"};
    static const char *const hsv[] = {"id",
                                      "vikt",
                                      "lägst",
                                      "högst",
                                      "under_tillkommer",
                                      "under_utgår",
                                      "över_tillkommer",
                                      "över_utgår"};
    const pv_sensitivity *s = v->data;
    const pv_model *m = v->c->model;
    const pv_case *c = v->c;
    int sv = v->sv;
    pv_csv_header(b, sv ? hsv : h, sizeof h / sizeof *h, sv);
    pv_csv_eol(b);
    for (size_t i = 0; i < s->nleaves; i++) {
        const pv_sens_crit *k = &s->crit[i];
        pv_csv_cell(b, m->leaves[i]->id, sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, k->weight, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, k->low, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, k->high, 6, sv);
        for (int side = 0; side < 2; side++) {
            const unsigned char *o = side ? k->above : k->below;
            pv_ids_diff(s->base, o ? o : s->base, v->n, v->add, v->rem);
            pv_csv_sep(b, sv);
            pv_csv_ids(b, c, v->add, v->n, sv);
            pv_csv_sep(b, sv);
            pv_csv_ids(b, c, v->rem, v->n, sv);
        }
        pv_csv_eol(b);
    }
}

/* Text or Markdown (fmt): one line or row per scored criterion. */
static void sensitivity_text(pv_buf *b, const pv_view *v)
{
    const pv_case *c = v->c;
    const pv_model *m = c->model;
    const pv_sensitivity *s = v->data;
    int sv = v->sv, md = v->fmt == PV_FMT_MD;
    pv_title(b, pv_tr(sv, "Weight sensitivity", "Känslighet för vikter"), c->name, md);
    pv_objective_line(b, c, sv, md);
    pv_buf_printf(b, "%s: ", pv_tr(sv, "Portfolio", "Portfölj"));
    pv_ids_text(b, c, s->base, v->n, "–");
    pv_buf_puts(b, "\n\n");
    if (!s->exact) {
        pv_time_limit_note(b, 0, sv);
        pv_buf_puts(b, "\n\n");
    }
    if (md)
        pv_buf_printf(b, "| %s | %s | %s | %s | %s |\n|---|---:|---|---|---|\n",
                      pv_tr(sv, "Criterion", "Kriterium"), pv_tr(sv, "Weight", "Vikt"),
                      pv_tr(sv, "Stable within", "Stabil inom"),
                      pv_tr(sv, "Below", "Under"), pv_tr(sv, "Above", "Över"));
    size_t wl = 0;
    for (size_t i = 0; i < s->nleaves; i++)
        if (pv_text_width(pv_crit_label(m->leaves[i], sv)) > wl)
            wl = pv_text_width(pv_crit_label(m->leaves[i], sv));
    for (size_t i = 0; i < s->nleaves; i++) {
        const pv_sens_crit *k = &s->crit[i];
        if (md) {
            pv_buf_puts(b, "| ");
            pv_buf_plain(b, pv_crit_label(m->leaves[i], sv));
            pv_buf_puts(b, " | ");
        } else {
            pv_buf_pad(b, pv_crit_label(m->leaves[i], sv), wl, 0);
            pv_buf_putc(b, ' ');
        }
        pv_fmt_num(b, k->weight, 3, sv);
        pv_buf_puts(b, md ? " | [" : "  [");
        pv_fmt_num(b, k->low, 3, sv);
        pv_buf_puts(b, sv ? "; " : ", ");
        pv_fmt_num(b, k->high, 3, sv);
        pv_buf_puts(b, "]");
        for (int side = 0; side < 2; side++) {
            const unsigned char *o = side ? k->above : k->below;
            pv_buf_puts(b, md ? " | " : side ? pv_tr(sv, "  above: ", "  över: ")
                                              : pv_tr(sv, "  below: ", "  under: "));
            if (!o) {
                pv_buf_puts(b, "–");
                continue;
            }
            pv_ids_diff(s->base, o, v->n, v->add, v->rem);
            pv_diff_text(b, c, v->add, v->rem, v->n);
        }
        pv_buf_puts(b, md ? " |\n" : "\n");
    }
    /* names for the ids: the portfolio and every project a change brings in */
    memset(v->add, 0, v->n);
    pv_ids_mark(v->add, s->base, v->n);
    for (size_t i = 0; i < s->nleaves; i++) {
        pv_ids_mark(v->add, s->crit[i].below, v->n);
        pv_ids_mark(v->add, s->crit[i].above, v->n);
    }
    pv_buf_putc(b, '\n');
    pv_ids_legend(b, c, v->add, v->n, sv, md, 1);
}

/* ------------------------------------------------------------------ HTML */


/* The page: the tightest weight, then each weight's band and what changes outside it. */
static void sensitivity_html(pv_buf *b, const pv_view *v)
{
    const pv_sensitivity *s = v->data;
    const pv_case *c = v->c;
    const pv_model *m = c->model;
    int sv = v->sv;
    size_t tight = (size_t)-1;
    double tightd = INFINITY;
    for (size_t i = 0; i < s->nleaves; i++) {
        const pv_sens_crit *k = &s->crit[i];
        double d = fmin(k->below ? k->weight - k->low : INFINITY,
                        k->above ? k->high - k->weight : INFINITY);
        if (d < tightd) {
            tightd = d;
            tight = i;
        }
    }
    pv_buf_puts(b, "<p class=\"summary\" id=\"summary\">");
    if (!s->base_feasible)
        pv_buf_puts(b, pv_tr(sv, "No portfolio is feasible, so there is nothing to vary.",
                              "Ingen portfölj är genomförbar, så det finns inget att "
                              "variera."));
    else {
        pv_buf_puts(b, pv_tr(sv, "The selected portfolio (", "Den valda portföljen ("));
        pv_html_ids(b, c, s->base, v->n);
        pv_buf_puts(b, pv_tr(sv, ") stays the best as long as each criterion's weight stays "
                                  "within its interval below, the others rescaled in proportion. ",
                              ") förblir bäst så länge varje kriteriums vikt håller sig inom "
                              "intervallet nedan, med de övriga omskalade i proportion. "));
        if (tight != (size_t)-1) {
            pv_buf_puts(b, pv_tr(sv, "The most sensitive is ", "Känsligast är "));
            pv_html_esc(b, pv_crit_label(m->leaves[tight], sv));
            pv_buf_puts(b, pv_tr(sv, ": a change of ", ": en ändring med "));
            pv_html_num(b, 100 * tightd, 1, sv);
            pv_buf_puts(b, pv_tr(sv, " percentage points changes the portfolio.",
                                  " procentenheter ändrar portföljen."));
        } else
            pv_buf_puts(b, pv_tr(sv, "No single weight change alters it.",
                                  "Ingen enskild viktändring ändrar den."));
    }
    if (!s->exact) {
        pv_buf_putc(b, ' ');
        pv_time_limit_note(b, 0, sv);
    }
    pv_buf_puts(b, "</p>\n");
    pv_html_section(b, "sensitivity", 0, "Stability interval per criterion",
                    "Stabilitetsintervall per kriterium", sv);
    pv_html_legend(b, m, sv);
    pv_buf_printf(b, "<p class=\"small\">%s</p>\n",
                  pv_tr(sv, "Each bar is the global weight from 0 to 100 %: the shaded part is "
                            "the interval within which the portfolio stays the same, the black "
                            "mark the current weight.",
                        "Varje stapel är den globala vikten från 0 till 100 %: den skuggade "
                        "delen är intervallet där portföljen är densamma, det svarta strecket "
                        "är den nuvarande vikten."));
    pv_buf_printf(b, "<table id=\"sensitivity-table\"><thead><tr><th>%s</th><th class=\"num\">%s"
                      "</th><th class=\"num\">%s</th><th style=\"width:28%%\"></th><th>%s</th>"
                      "<th>%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "Criterion", "Kriterium"), pv_tr(sv, "Weight", "Vikt"),
                  pv_tr(sv, "Stable within", "Stabil inom"),
                  pv_tr(sv, "Below the interval", "Under intervallet"),
                  pv_tr(sv, "Above the interval", "Över intervallet"));
    for (size_t i = 0; i < s->nleaves; i++) {
        const pv_sens_crit *k = &s->crit[i];
        const char *col = pv_html_colour(pv_html_top_of(m, m->leaves[i]));
        pv_buf_puts(b, "<tr class=\"criterion-row\"><td>");
        pv_html_esc(b, pv_crit_label(m->leaves[i], sv));
        pv_buf_puts(b, " <small class=\"id\">");
        pv_html_esc(b, m->leaves[i]->id);
        pv_buf_puts(b, "</small></td><td class=\"num\">");
        pv_html_pct(b, k->weight, 1, sv);
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_pct_range(b, k->low, k->high, sv);
        pv_buf_printf(b, "</td><td><svg class=\"band sens-band\" viewBox=\"0 0 100 10\" "
                          "preserveAspectRatio=\"none\" role=\"img\"><rect x=\"0\" y=\"2\" "
                          "width=\"100\" height=\"6\" fill=\"#eef1f5\"/><rect x=\"%.3f\" y=\"1\" "
                          "width=\"%.3f\" height=\"8\" fill=\"%s\" fill-opacity=\"0.55\"/>"
                          "<line x1=\"%.3f\" x2=\"%.3f\" y1=\"0\" y2=\"10\" stroke=\"#1d2530\" "
                          "stroke-width=\"2.5\" vector-effect=\"non-scaling-stroke\"/></svg></td>",
                      100 * k->low, 100 * (k->high - k->low), col, 100 * k->weight,
                      100 * k->weight);
        for (int side = 0; side < 2; side++) {
            const unsigned char *o = side ? k->above : k->below;
            pv_buf_puts(b, "<td class=\"small\">");
            if (!o) {
                pv_buf_puts(b, pv_tr(sv, "no change", "ingen ändring"));
            } else {
                pv_ids_diff(s->base, o, v->n, v->add, v->rem);
                pv_buf_puts(b, "<span class=\"diff-in\">+</span>");
                pv_html_ids(b, c, v->add, v->n);
                pv_buf_puts(b, " <span class=\"diff-out\">−</span>");
                pv_html_ids(b, c, v->rem, v->n);
            }
            pv_buf_puts(b, "</td>");
        }
        pv_buf_puts(b, "</tr>\n");
    }
    pv_buf_puts(b, "</tbody></table>\n");
    pv_html_section_end(b);
    memset(v->add, 0, v->n);
    pv_ids_mark(v->add, s->base, v->n);
    for (size_t i = 0; i < s->nleaves; i++) {
        pv_ids_mark(v->add, s->crit[i].below, v->n);
        pv_ids_mark(v->add, s->crit[i].above, v->n);
    }
    pv_html_ids_legend(b, c, v->add, v->n, sv);
}

static const pv_view_ops sensitivity_view = {
    sensitivity_json, sensitivity_csv, sensitivity_text, sensitivity_html,
    "Sensitivity to the weights", "Känslighet för vikterna", "sensitivity"};

char *pv_render_sensitivity(const pv_case *c, const pv_ranking *r, const pv_sensitivity *s,
                            pv_format fmt, pv_lang lang, size_t *len, pv_error *err)
{
    return pv_render_view(&sensitivity_view, c, r, s, fmt, lang, len, err);
}
