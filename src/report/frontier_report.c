/* frontier_report.c — the best portfolio along a sweep of one limit, in text,
 * Markdown, CSV, JSON and HTML. */
#include "../analyse/compare.h"
#include "../analyse/whatif.h"
#include "report.h"

#include <math.h>
#include <string.h>

/* The sweep as JSON: points, breakpoints (with what changes) and order of entry. */
static void frontier_json(pv_buf *b, const pv_view *v)
{
    const pv_case *c = v->c;
    const pv_frontier *f = v->data;
    pv_buf_puts(b, ",\n  \"resource\": ");
    pv_buf_json_str(b, c->res[f->res].id);
    pv_json_keyed_num(b, ", \"from\": ", f->from);
    pv_json_keyed_num(b, ", \"to\": ", f->to);
    pv_json_keyed_num(b, ", \"current_limit\": ", f->current);
    pv_buf_printf(b, ", \"exact\": %s,\n  \"points\": [", f->exact ? "true" : "false");
    for (size_t i = 0; i < f->npoints; i++) {
        size_t g = f->point_seg[i];
        int ok = g != (size_t)-1 && f->seg[g].feasible;
        pv_buf_puts(b, i ? ",\n    {\"limit\": " : "\n    {\"limit\": ");
        pv_buf_num(b, f->limit[i], 6);
        pv_buf_printf(b, ", \"feasible\": %s, \"objective\": ", ok ? "true" : "false");
        if (ok)
            pv_buf_num(b, f->seg[g].objective, 6);
        else
            pv_buf_puts(b, "null");
        pv_buf_puts(b, ", \"selected_projects\": ");
        pv_ids_json(b, c, ok ? f->seg[g].x : NULL, v->n);
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, "\n  ],\n  \"breakpoints\": [");
    const unsigned char *prev = NULL;
    int first = 1;
    for (size_t g = f->nseg; g-- > 0;) {
        const pv_fseg *s = &f->seg[g];
        pv_buf_puts(b, first ? "\n    {\"limit\": " : ",\n    {\"limit\": ");
        first = 0;
        pv_buf_num(b, s->lo, 6);
        pv_buf_printf(b, ", \"feasible\": %s, \"objective\": ", s->feasible ? "true" : "false");
        if (s->feasible)
            pv_buf_num(b, s->objective, 6);
        else
            pv_buf_puts(b, "null");
        pv_buf_puts(b, ", \"selected_projects\": ");
        pv_ids_json(b, c, s->feasible ? s->x : NULL, v->n);
        pv_buf_puts(b, ", ");
        pv_json_diff(b, c, prev, s->feasible ? s->x : NULL, v->n, v->add, v->rem);
        pv_buf_putc(b, '}');
        prev = s->feasible ? s->x : NULL;
    }
    pv_buf_puts(b, "\n  ],\n  \"order\": [");
    for (size_t i = 0; i < f->norder; i++) {
        pv_buf_puts(b, i ? ", {\"id\": " : "{\"id\": ");
        pv_buf_json_str(b, pv_project_id(c, f->order[i]));
        pv_json_keyed_num(b, ", \"enters_at\": ", f->enter_at[i]);
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, "]\n}\n");
}

/* One row per point of the sweep. */
static void frontier_csv(pv_buf *b, const pv_view *v)
{
    const pv_case *c = v->c;
    const pv_frontier *f = v->data;
    int sv = v->sv;
    static const char *const h[] = {"limit", "feasible", "objective", "selected_projects"};
    static const char *const hsv[] = {"gräns", "genomförbar", "målvärde", "valda_projekt"};
    pv_csv_header(b, sv ? hsv : h, sizeof h / sizeof *h, sv);
    pv_csv_eol(b);
    for (size_t i = 0; i < f->npoints; i++) {
        size_t g = f->point_seg[i];
        int ok = g != (size_t)-1 && f->seg[g].feasible;
        pv_csv_num(b, f->limit[i], 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, pv_yes_no(ok, sv), sv);
        pv_csv_sep(b, sv);
        if (ok)
            pv_csv_num(b, f->seg[g].objective, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_ids(b, c, ok ? f->seg[g].x : NULL, v->n, sv);
        pv_csv_eol(b);
    }
}

/* "TN05 Name, TN06 Name": the projects with x[j], id and name, plain text. */
static void ids_names(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n, int md)
{
    int first = 1;
    for (size_t j = 0; j < n; j++) {
        if (!x[j])
            continue;
        pv_buf_puts(b, first ? "" : ", ");
        void (*put)(pv_buf *, const char *) = md ? pv_buf_md : pv_buf_plain;
        put(b, pv_project_id(c, j));
        if (strcmp(pv_project_name(c, j), pv_project_id(c, j))) {
            pv_buf_putc(b, ' ');
            put(b, pv_project_name(c, j));
        }
        first = 0;
    }
}

static int any_set(const unsigned char *x, size_t n)
{
    for (size_t j = 0; j < n; j++)
        if (x[j])
            return 1;
    return 0;
}

/* The lowest feasible segment of a range that starts above 0 (prev NULL):
 * what it adds was there where the range starts, not entering there. */
static int starts_range(const pv_frontier *f, const pv_fseg *s, const unsigned char *prev)
{
    return !prev && f->from > 0 && s->lo <= f->from;
}

/* A cell of the points table: the text right-aligned to w (display width). */
static void cell_r(pv_buf *b, pv_buf *t, size_t w)
{
    pv_buf_pad(b, t->data ? t->data : "", w, 1);
    pv_buf_free(t);
}

/* Text or Markdown (fmt): the points, the breakpoints, the order of entry. */
static void frontier_text(pv_buf *b, const pv_view *v)
{
    const pv_case *c = v->c;
    const pv_frontier *f = v->data;
    int sv = v->sv, md = v->fmt == PV_FMT_MD;
    pv_buf_printf(b, md ? "# %s: " : "%s: ", pv_tr(sv, "Budget frontier", "Budgetkurva"));
    pv_buf_plain(b, pv_res_name(c, f->res, sv));
    pv_buf_puts(b, "\n\n");
    pv_objective_line(b, c, sv, md);
    pv_buf_printf(b, "%s: ", pv_tr(sv, "Current limit", "Nuvarande gräns"));
    pv_res_amount(b, c, f->res, f->current, sv);
    pv_buf_puts(b, md ? "\n\n" : "\n\n");
    if (md)
        pv_buf_printf(b, "| %s | %s | %s |\n|---:|---:|---|\n",
                      pv_tr(sv, "Limit", "Gräns"), pv_tr(sv, "Value", "Värde"),
                      pv_tr(sv, "Portfolio", "Portfölj"));
    size_t wl = 0, wv = pv_text_width(pv_infeasible_word(sv));
    for (size_t i = 0; i < f->npoints; i++) {
        pv_buf t;
        pv_buf_init(&t);
        pv_res_amount(&t, c, f->res, f->limit[i], sv);
        if (t.data && pv_text_width(t.data) > wl)
            wl = pv_text_width(t.data);
        pv_buf_free(&t);
        size_t g = f->point_seg[i];
        if (g != (size_t)-1 && f->seg[g].feasible) {
            pv_buf_init(&t);
            pv_fmt_num(&t, f->seg[g].objective, 2, sv);
            if (t.data && pv_text_width(t.data) > wv)
                wv = pv_text_width(t.data);
            pv_buf_free(&t);
        }
    }
    for (size_t i = 0; i < f->npoints; i++) {
        size_t g = f->point_seg[i];
        int ok = g != (size_t)-1 && f->seg[g].feasible;
        pv_buf t;
        pv_buf_init(&t);
        pv_buf_puts(b, md ? "| " : "  ");
        pv_res_amount(&t, c, f->res, f->limit[i], sv);
        cell_r(b, &t, md ? 0 : wl);
        pv_buf_puts(b, md ? " | " : "  ");
        pv_buf_init(&t);
        if (ok)
            pv_fmt_num(&t, f->seg[g].objective, 2, sv);
        else
            pv_buf_puts(&t, pv_infeasible_word(sv));
        cell_r(b, &t, md ? 0 : ok ? wv : 0);
        if (md || ok)
            pv_buf_puts(b, md ? " | " : "  ");
        if (ok)
            pv_ids_text(b, c, f->seg[g].x, v->n, "–");
        pv_buf_puts(b, md ? " |\n" : "\n");
    }
    pv_buf_printf(b, "\n%s:\n", pv_tr(sv, "Limits where the portfolio changes",
                                       "Gränser där portföljen ändras"));
    const unsigned char *prev = NULL;
    for (size_t g = f->nseg; g-- > 0;) {
        const pv_fseg *s = &f->seg[g];
        pv_buf_puts(b, md ? "- " : "  ");
        pv_res_amount(b, c, f->res, s->lo, sv);
        pv_buf_puts(b, ": ");
        if (!s->feasible) {
            pv_buf_puts(b, pv_tr(sv, "infeasible below", "ogenomförbart under"));
            pv_buf_puts(b, " ");
            pv_res_amount(b, c, f->res, s->hi, sv);
            pv_buf_putc(b, '\n');
            continue;
        }
        pv_fmt_num(b, s->objective, 2, sv);
        pv_ids_diff(prev, s->x, v->n, v->add, v->rem);
        int a = any_set(v->add, v->n), r = any_set(v->rem, v->n);
        if (starts_range(f, s, prev) && a) {
            pv_buf_printf(b, " (%s ", pv_tr(sv, "the portfolio where the range starts:",
                                            "portföljen där intervallet börjar:"));
            ids_names(b, c, v->add, v->n, md);
            pv_buf_putc(b, ')');
        } else if (a || r) {
            pv_buf_puts(b, " (");
            if (a) {
                pv_buf_putc(b, '+');
                ids_names(b, c, v->add, v->n, md);
            }
            if (r) {
                pv_buf_puts(b, a ? "; −" : "−");
                ids_names(b, c, v->rem, v->n, md);
            }
            pv_buf_putc(b, ')');
        }
        pv_buf_putc(b, '\n');
        prev = s->x;
    }
    pv_buf_printf(b, "\n%s: ", pv_tr(sv, "Order of entry", "Ordning projekten tillkommer"));
    for (size_t i = 0; i < f->norder; i++)
        pv_buf_printf(b, "%s%s", i ? ", " : "", pv_project_id(c, f->order[i]));
    pv_buf_puts(b, "\n\n");
    memset(v->add, 0, v->n);
    for (size_t g = 0; g < f->nseg; g++)
        if (f->seg[g].feasible)
            pv_ids_mark(v->add, f->seg[g].x, v->n);
    for (size_t i = 0; i < f->norder; i++)
        v->add[f->order[i]] = 1;
    pv_ids_legend(b, c, v->add, v->n, sv, md, 1);
}

/* ------------------------------------------------------------------ HTML */


static double nice_step(double range, int n)
{
    if (!(range > 0))
        return 1;
    double raw = range / n, mag = pow(10, floor(log10(raw))), f = raw / mag;
    return mag * (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10);
}

#define FX0 80.0
#define FX1 700.0
#define FY0 290.0
#define FY1 24.0

/* The summary: the value at the current limit and how often the portfolio changes. */
static void frontier_summary(pv_buf *b, const pv_case *c, const pv_frontier *f, double cur_obj,
                             int sv)
{
    pv_buf_puts(b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_puts(b, pv_tr(sv, "The chart shows the best portfolio's value as the limit of ",
                          "Diagrammet visar den bästa portföljens värde när ramen för "));
    pv_html_res_name(b, c, f->res, sv);
    pv_buf_puts(b, pv_tr(sv, " goes from ", " går från "));
    pv_html_amount(b, c, f->res, f->from, sv);
    pv_buf_puts(b, pv_tr(sv, " to ", " till "));
    pv_html_amount(b, c, f->res, f->to, sv);
    pv_buf_puts(b, ". ");
    pv_buf_puts(b, pv_tr(sv, "At the current limit of ", "Vid den nuvarande ramen på "));
    pv_html_amount(b, c, f->res, f->current, sv);
    if (isfinite(cur_obj)) {
        pv_buf_puts(b, pv_tr(sv, " it is ", " är värdet "));
        pv_html_num(b, cur_obj, 2, sv);
        pv_buf_puts(b, pv_tr(sv, " points", " poäng"));
    } else
        pv_buf_puts(b, pv_tr(sv, " no portfolio is feasible",
                             " finns ingen genomförbar portfölj"));
    pv_buf_printf(b, sv ? "; portföljen ändras vid %zu gränser i intervallet."
                         : "; the portfolio changes at %zu limits in the range.",
                  f->nseg ? f->nseg - 1 : 0);
    if (!f->exact) {
        pv_buf_putc(b, ' ');
        pv_time_limit_note(b, 0, sv);
    }
    pv_buf_puts(b, "</p>\n");
}

/* The step chart of the best value against the limit, in SVG. */
static void frontier_chart(pv_buf *b, const pv_case *c, const pv_frontier *f, double ymax, int sv)
{
    const char *rid = c->res[f->res].id;
    double x0 = f->from, x1 = f->to > f->from ? f->to : f->from + 1;
    double ystep = nice_step(ymax > 0 ? ymax : 1, 5), ytop = ystep * ceil((ymax > 0 ? ymax : 1) / ystep);
#define PX(x) (FX0 + ((x) - x0) / (x1 - x0) * (FX1 - FX0))
#define PY(y) (FY0 - (y) / ytop * (FY0 - FY1))
    pv_buf_puts(b, "<div class=\"chart\"><svg class=\"chart chart-frontier\" viewBox=\"0 0 720 340\" "
                    "role=\"img\" font-size=\"11\" fill=\"#1d2530\">\n");
    /* grid and axes */
    for (double y = 0; y <= ytop + 1e-9; y += ystep) {
        pv_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#e1e6ec\"/>"
                          "<text x=\"%.1f\" y=\"%.2f\" text-anchor=\"end\">",
                      FX0, FX1, PY(y), PY(y), FX0 - 6, PY(y) + 4);
        pv_html_num(b, y, 0, sv);
        pv_buf_puts(b, "</text>\n");
    }
    double xstep = nice_step(x1 - x0, 6);
    for (double x = ceil(x0 / xstep) * xstep; x <= x1 + 1e-9; x += xstep) {
        pv_buf_printf(b, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e1e6ec\"/>"
                          "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\">",
                      PX(x), PX(x), FY1, FY0, PX(x), FY0 + 16);
        pv_html_num(b, x, 0, sv);
        pv_buf_puts(b, "</text>\n");
    }
    pv_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2530\"/>"
                      "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2530\"/>\n",
                  FX0, FX1, FY0, FY0, FX0, FX0, FY1, FY0);
    pv_buf_printf(b, "<text x=\"%.1f\" y=\"334\" text-anchor=\"middle\" font-size=\"12\">",
                  (FX0 + FX1) / 2);
    if (strstr(rid, "sek"))
        pv_buf_puts(b, pv_tr(sv, "Budget (SEK)", "Budget (kr)"));
    else if (strstr(rid, "hour"))
        pv_buf_puts(b, pv_tr(sv, "Staff hours", "Arbetstid (timmar)"));
    else
        pv_html_esc(b, rid);
    pv_buf_printf(b, "</text><text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" "
                      "transform=\"rotate(-90 14 %.1f)\">%s</text>\n",
                  (FY0 + FY1) / 2, (FY0 + FY1) / 2, pv_tr(sv, "Value (points)", "Värde (poäng)"));
    /* the step line, from the lowest limit up */
    pv_buf_puts(b, "<path class=\"frontier-line\" fill=\"none\" stroke=\"#1f5f8b\" "
                    "stroke-width=\"2.5\" d=\"");
    int started = 0;
    for (size_t g = f->nseg; g-- > 0;) {
        const pv_fseg *s = &f->seg[g];
        if (!s->feasible)
            continue;
        double lo = s->lo < x0 ? x0 : s->lo, hi = s->hi > x1 ? x1 : s->hi;
        if (hi < lo)
            continue;
        pv_buf_printf(b, "%s%.2f %.2f H%.2f ", started ? "L" : "M", PX(lo), PY(s->objective),
                      PX(hi));
        started = 1;
    }
    pv_buf_puts(b, "\"/>\n");
    for (size_t i = 0; i < f->npoints; i++) {
        size_t g = f->point_seg[i];
        if (g == (size_t)-1 || !f->seg[g].feasible) {
            /* an infeasible point: a red cross on the axis, named in its title */
            pv_buf_printf(b, "<path class=\"infeasible-point\" d=\"M%.2f %.2f l7 7 m0 -7 l-7 7\" "
                             "stroke=\"#a23b2c\" stroke-width=\"2\"><title>",
                          PX(f->limit[i]) - 3.5, PY(0) - 3.5);
            pv_html_amount(b, c, f->res, f->limit[i], sv);
            pv_buf_printf(b, ": %s</title></path>\n", pv_infeasible_word(sv));
            continue;
        }
        pv_buf_printf(b, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3.5\" fill=\"#fff\" "
                          "stroke=\"#1f5f8b\" stroke-width=\"1.5\"><title>",
                      PX(f->limit[i]), PY(f->seg[g].objective));
        pv_html_amount(b, c, f->res, f->limit[i], sv);
        pv_buf_puts(b, ": ");
        pv_html_num(b, f->seg[g].objective, 2, sv);
        pv_buf_puts(b, "</title></circle>\n");
    }
    if (f->current >= x0 && f->current <= x1) {
        double px = PX(f->current);
        pv_buf_printf(b, "<line class=\"current-limit\" x1=\"%.2f\" x2=\"%.2f\" y1=\"%.1f\" "
                          "y2=\"%.1f\" stroke=\"#a23b2c\" stroke-width=\"1.5\" "
                          "stroke-dasharray=\"5 4\"/><text x=\"%.2f\" y=\"%.1f\" "
                          "text-anchor=\"%s\" fill=\"#a23b2c\" font-weight=\"700\">%s ",
                      px, px, FY1, FY0, px + (px > 560 ? -6 : 6), FY1 + 12,
                      px > 560 ? "end" : "start",
                      pv_tr(sv, "current limit", "nuvarande ram"));
        pv_html_amount(b, c, f->res, f->current, sv);
        pv_buf_puts(b, "</text>\n");
    }
    pv_buf_puts(b, "</svg></div>\n");
#undef PX
#undef PY
}

/* The limits where the portfolio changes, and the order of entry. -1 when out
 * of memory. */
static void frontier_changes(pv_buf *b, const pv_view *v)
{
    const pv_case *c = v->c;
    const pv_frontier *f = v->data;
    size_t n = v->n;
    unsigned char *add = v->add, *rem = v->rem;
    int sv = v->sv;
    pv_buf_printf(b, "<h3>%s</h3>\n<table id=\"breakpoints\"><thead><tr><th class=\"num\">%s</th>"
                      "<th class=\"num\">%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "Limits where the portfolio changes", "Ramar där portföljen ändras"),
                  pv_tr(sv, "From limit", "Från ram"), pv_tr(sv, "Value", "Värde"),
                  pv_tr(sv, "Enters", "Tillkommer"), pv_tr(sv, "Leaves", "Faller bort"));
    const unsigned char *prev = NULL;
    for (size_t g = f->nseg; g-- > 0;) {
        const pv_fseg *s = &f->seg[g];
        pv_buf_puts(b, "<tr class=\"breakpoint\"><td class=\"num\">");
        pv_html_amount(b, c, f->res, s->lo, sv);
        pv_buf_puts(b, "</td><td class=\"num\">");
        if (!s->feasible) {
            pv_buf_printf(b, "%s</td><td></td><td></td></tr>\n",
                          pv_infeasible_word(sv));
            continue;
        }
        pv_html_num(b, s->objective, 2, sv);
        pv_ids_diff(prev, s->x, n, add, rem);
        pv_buf_puts(b, "</td><td class=\"diff-in\">");
        if (starts_range(f, s, prev) && any_set(add, n))
            pv_buf_printf(b, "<span class=\"small\">%s</span> ",
                          pv_tr(sv, "the portfolio where the range starts:",
                                "portföljen där intervallet börjar:"));
        pv_html_ids(b, c, add, n);
        pv_buf_puts(b, "</td><td class=\"diff-out\">");
        pv_html_ids(b, c, rem, n);
        pv_buf_puts(b, "</td></tr>\n");
        prev = s->x;
    }
    pv_buf_puts(b, "</tbody></table>\n");
    pv_buf_printf(b, "<p><strong>%s:</strong> ",
                  pv_tr(sv, "Order in which proposals enter", "Ordning i vilken förslagen tillkommer"));
    for (size_t i = 0; i < f->norder; i++) {
        pv_buf_puts(b, i ? ", " : "");
        pv_html_esc(b, pv_project_id(c, f->order[i]));
    }
    if (!f->norder)
        pv_buf_puts(b, "–");
    pv_buf_puts(b, "</p>\n");
}

/* The page: summary, chart, where the portfolio changes. */
static void frontier_html(pv_buf *b, const pv_view *v)
{
    double ymax = 0, cur_obj = NAN; /* the chart's top; the value at the current limit */
    const pv_frontier *f = v->data;
    const pv_case *c = v->c;
    int sv = v->sv;
    for (size_t g = 0; g < f->nseg; g++) {
        const pv_fseg *s = &f->seg[g];
        if (!s->feasible)
            continue;
        if (s->objective > ymax)
            ymax = s->objective;
        if (f->current >= s->lo - 1e-9 && f->current <= s->hi + 1e-9 && isnan(cur_obj))
            cur_obj = s->objective;
    }
    frontier_summary(b, c, f, cur_obj, sv);
    pv_html_section(b, "frontier", 0, "Value against the limit", "Värde mot ram", sv);
    frontier_chart(b, c, f, ymax, sv);
    frontier_changes(b, v);
    pv_html_section_end(b);
    memset(v->add, 0, v->n);
    for (size_t g = 0; g < f->nseg; g++)
        if (f->seg[g].feasible)
            pv_ids_mark(v->add, f->seg[g].x, v->n);
    pv_html_ids_legend(b, c, v->add, v->n, sv);
}

static const pv_view_ops frontier_view = {frontier_json, frontier_csv,      frontier_text,
                                          frontier_html, "Budget frontier", "Budgetkurva",
                                          "frontier"};

char *pv_render_frontier(const pv_case *c, const pv_ranking *r, const pv_frontier *f,
                         pv_format fmt, pv_lang lang, size_t *len, pv_error *err)
{
    return pv_render_view(&frontier_view, c, r, f, fmt, lang, len, err);
}
