/* html_whatif.c — compare, frontier, sensitivity and robust as HTML pages. */
#include "html.h"
#include "wording.h"

#include <math.h>
#include <string.h>

/* Selected in run (by id: scenarios may change the data). */
static int in_run(const pv_run *run, const char *id)
{
    long j = pv_case_project_index(run->c, id);
    return j >= 0 && run->s->x && run->s->x[j] && pv_status_has_portfolio(run->s->status);
}

/* Ids selected in `from` and not in `other`, escaped; "–" when none. */
static size_t run_diff(pv_buf *b, const pv_run *from, const pv_run *other, const char *cls)
{
    size_t n = 0;
    for (size_t j = 0; j < from->r->n; j++) {
        const char *id = pv_project_id(from->c, j);
        if (!in_run(from, id) || in_run(other, id))
            continue;
        pv_buf_printf(b, "%s<span class=\"%s\">", n ? ", " : "", cls);
        pv_html_esc(b, id);
        pv_buf_puts(b, "</span>");
        n++;
    }
    if (!n)
        pv_buf_puts(b, "–");
    return n;
}

static void run_name(pv_buf *b, const pv_comparison *cmp, size_t i, int sv)
{
    if (i == 0)
        pv_buf_puts(b, pv_tr(sv, "Base case", "Basfall"));
    else
        pv_html_esc(b, cmp->run[i].name);
}

/* ---------------------------------------------------------------- compare */

char *pv_html_compare(const pv_comparison *cmp, int sv, size_t *len, pv_error *err)
{
    const pv_run *base = &cmp->run[0];
    const pv_case *c = base->c;
    pv_buf b;
    pv_buf_init(&b);
    if (pv_html_begin(&b, c, sv, "Scenarios compared", "Jämförelse av scenarier", "compare",
                      err)) {
        pv_buf_free(&b);
        return NULL;
    }
    pv_buf_puts(&b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_printf(&b, sv ? "Basfallet och %zu scenarier löstes var för sig. "
                         : "The base case and %zu scenarios were solved one by one. ",
                  cmp->n - 1);
    if (pv_status_has_portfolio(base->s->status)) {
        pv_buf_puts(&b, pv_tr(sv, "The base portfolio reaches ", "Basportföljen når "));
        pv_html_num(&b, base->s->objective, 2, sv);
        pv_buf_puts(&b, pv_tr(sv, " points. ", " poäng. "));
    }
    for (size_t i = 1; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        pv_buf_puts(&b, pv_tr(sv, "With ", "Med "));
        pv_buf_puts(&b, "”");
        pv_html_esc(&b, run->name);
        pv_buf_puts(&b, "” ");
        if (!pv_status_has_portfolio(run->s->status)) {
            pv_buf_puts(&b, pv_tr(sv, "no portfolio is feasible. ", "finns ingen genomförbar portfölj. "));
            continue;
        }
        size_t nin = 0, nout = 0;
        for (size_t j = 0; j < run->r->n; j++) {
            const char *id = pv_project_id(run->c, j);
            nin += in_run(run, id) && !in_run(base, id);
        }
        for (size_t j = 0; j < base->r->n; j++) {
            const char *id = pv_project_id(base->c, j);
            nout += in_run(base, id) && !in_run(run, id);
        }
        pv_buf_puts(&b, pv_tr(sv, "the value is ", "blir värdet "));
        pv_html_num(&b, run->s->objective, 2, sv);
        pv_buf_printf(&b, sv ? " poäng; %zu projekt tillkommer och %zu faller bort. "
                             : " points; projects entering: %zu, leaving: %zu. ",
                      nin, nout);
    }
    pv_buf_puts(&b, "</p>\n");

    pv_html_section(&b, "compare", 0, "Side by side", "Sida vid sida", sv);
    pv_buf_printf(&b, "<table id=\"compare-table\">\n<thead><tr><th></th>");
    for (size_t i = 0; i < cmp->n; i++) {
        pv_buf_puts(&b, "<th class=\"scenario\">");
        run_name(&b, cmp, i, sv);
        pv_buf_puts(&b, "</th>");
    }
    pv_buf_puts(&b, "</tr></thead>\n<tbody>\n");
    pv_buf_printf(&b, "<tr><th>%s</th>", pv_tr(sv, "Status", "Status"));
    for (size_t i = 0; i < cmp->n; i++)
        pv_buf_printf(&b, "<td>%s</td>", pv_status_word(cmp->run[i].s->status, sv));
    pv_buf_printf(&b, "</tr>\n<tr><th>%s</th>", pv_tr(sv, "Value (points)", "Värde (poäng)"));
    for (size_t i = 0; i < cmp->n; i++) {
        pv_buf_puts(&b, "<td class=\"num\">");
        if (pv_status_has_portfolio(cmp->run[i].s->status)) {
            pv_html_num(&b, cmp->run[i].s->objective, 2, sv);
            if (i && pv_status_has_portfolio(base->s->status)) {
                double d = cmp->run[i].s->objective - base->s->objective;
                pv_buf_puts(&b, " <span class=\"small\">(");
                pv_buf_puts(&b, d >= 0 ? "+" : "");
                pv_html_num(&b, d, 2, sv);
                pv_buf_puts(&b, ")</span>");
            }
        } else
            pv_buf_puts(&b, "–");
        pv_buf_puts(&b, "</td>");
    }
    pv_buf_printf(&b, "</tr>\n<tr><th>%s</th>", pv_tr(sv, "Selected projects", "Valda projekt"));
    for (size_t i = 0; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        pv_buf_puts(&b, "<td>");
        pv_html_ids(&b, run->c, pv_status_has_portfolio(run->s->status) ? run->s->x : NULL, run->r->n);
        pv_buf_puts(&b, "</td>");
    }
    pv_buf_printf(&b, "</tr>\n<tr><th>%s</th><td>–</td>", pv_tr(sv, "Entered", "Tillkom"));
    for (size_t i = 1; i < cmp->n; i++) {
        pv_buf_puts(&b, "<td>");
        run_diff(&b, &cmp->run[i], base, "diff-in");
        pv_buf_puts(&b, "</td>");
    }
    pv_buf_printf(&b, "</tr>\n<tr><th>%s</th><td>–</td>", pv_tr(sv, "Left", "Föll bort"));
    for (size_t i = 1; i < cmp->n; i++) {
        pv_buf_puts(&b, "<td>");
        run_diff(&b, base, &cmp->run[i], "diff-out");
        pv_buf_puts(&b, "</td>");
    }
    pv_buf_puts(&b, "</tr>\n");
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(&b, "<tr><th>");
        pv_html_res_name(&b, c->res[k].id, sv);
        pv_buf_puts(&b, "</th>");
        for (size_t i = 0; i < cmp->n; i++) {
            const pv_run *run = &cmp->run[i];
            pv_buf_puts(&b, "<td>");
            if (k < run->c->nres && pv_status_has_portfolio(run->s->status)) {
                pv_html_resource_bar(&b, run->c->res[k].id, run->s->res_used[k],
                                     run->c->res[k].limit, sv);
                pv_buf_puts(&b, "<div class=\"small\">");
                pv_html_amount(&b, c->res[k].id, run->s->res_used[k], sv);
                pv_buf_printf(&b, " %s ", pv_tr(sv, "of", "av"));
                pv_html_amount(&b, c->res[k].id, run->c->res[k].limit, sv);
                pv_buf_puts(&b, "</div>");
            } else
                pv_buf_puts(&b, "–");
            pv_buf_puts(&b, "</td>");
        }
        pv_buf_puts(&b, "</tr>\n");
    }
    pv_buf_puts(&b, "</tbody>\n</table>\n");
    pv_html_section_end(&b);

    /* Every proposal: selected in which run. */
    pv_html_section(&b, "compare-projects", 0, "Proposals in each scenario",
                    "Förslagen i varje scenario", sv);
    pv_buf_printf(&b, "<table id=\"compare-projects\">\n<thead><tr><th>%s</th>",
                  pv_tr(sv, "Proposal", "Förslag"));
    for (size_t i = 0; i < cmp->n; i++) {
        pv_buf_puts(&b, "<th class=\"num\">");
        run_name(&b, cmp, i, sv);
        pv_buf_puts(&b, "</th>");
    }
    pv_buf_puts(&b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        for (size_t t = 0; t < run->r->n; t++) {
            size_t j = run->r->order[t];
            const char *id = pv_project_id(run->c, j);
            int seen = 0;
            for (size_t q = 0; q < i && !seen; q++)
                seen = pv_case_project_index(cmp->run[q].c, id) >= 0;
            if (seen)
                continue;
            pv_buf_puts(&b, "<tr class=\"project-row\" data-id=\"");
            pv_html_esc(&b, id);
            pv_buf_puts(&b, "\"><td><span class=\"name\">");
            pv_html_esc(&b, pv_project_name(run->c, j));
            pv_buf_puts(&b, "</span> <span class=\"id\">");
            pv_html_esc(&b, id);
            pv_buf_puts(&b, "</span></td>");
            for (size_t q = 0; q < cmp->n; q++)
                pv_buf_printf(&b, "<td class=\"mark\">%s</td>",
                              in_run(&cmp->run[q], id) ? "✓" : "");
            pv_buf_puts(&b, "</tr>\n");
        }
    }
    pv_buf_puts(&b, "</tbody>\n</table>\n");
    pv_html_section_end(&b);
    pv_html_model_section(&b, c, sv);
    pv_html_end(&b, sv);
    return pv_buf_finish(&b, len, err);
}

/* --------------------------------------------------------------- frontier */

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

char *pv_html_frontier(const pv_case *c, const pv_ranking *r, const pv_frontier *f, int sv,
                       size_t *len, pv_error *err)
{
    size_t n = r->n;
    const char *rid = c->res[f->res].id;
    pv_buf b;
    pv_buf_init(&b);
    if (pv_html_begin(&b, c, sv, "Budget frontier", "Budgetfront", "frontier", err)) {
        pv_buf_free(&b);
        return NULL;
    }
    double ymax = 0, cur_obj = NAN;
    for (size_t g = 0; g < f->nseg; g++) {
        const pv_fseg *s = &f->seg[g];
        if (!s->feasible)
            continue;
        if (s->objective > ymax)
            ymax = s->objective;
        if (f->current >= s->lo - 1e-9 && f->current <= s->hi + 1e-9 && isnan(cur_obj))
            cur_obj = s->objective;
    }
    pv_buf_puts(&b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_puts(&b, pv_tr(sv, "The chart shows the best portfolio's value as the limit of ",
                          "Diagrammet visar den bästa portföljens värde när ramen för "));
    pv_html_res_name(&b, rid, sv);
    pv_buf_puts(&b, pv_tr(sv, " goes from ", " går från "));
    pv_html_amount(&b, rid, f->from, sv);
    pv_buf_puts(&b, pv_tr(sv, " to ", " till "));
    pv_html_amount(&b, rid, f->to, sv);
    pv_buf_puts(&b, ". ");
    pv_buf_puts(&b, pv_tr(sv, "At the current limit of ", "Vid den nuvarande ramen på "));
    pv_html_amount(&b, rid, f->current, sv);
    if (isfinite(cur_obj)) {
        pv_buf_puts(&b, pv_tr(sv, " it is ", " är värdet "));
        pv_html_num(&b, cur_obj, 2, sv);
        pv_buf_puts(&b, pv_tr(sv, " points", " poäng"));
    } else
        pv_buf_puts(&b, pv_tr(sv, " no portfolio is feasible", " finns ingen genomförbar portfölj"));
    pv_buf_printf(&b, sv ? "; portföljen ändras vid %zu gränser i intervallet."
                         : "; the portfolio changes at %zu limits in the range.",
                  f->nseg ? f->nseg - 1 : 0);
    if (!f->exact)
        pv_buf_puts(&b, pv_tr(sv, " Not every solve was proven optimal.",
                              " Alla lösningar är inte bevisat optimala."));
    pv_buf_puts(&b, "</p>\n");

    pv_html_section(&b, "frontier", 0, "Value against the limit", "Värde mot ram", sv);
    double x0 = f->from, x1 = f->to > f->from ? f->to : f->from + 1;
    double ystep = nice_step(ymax > 0 ? ymax : 1, 5), ytop = ystep * ceil((ymax > 0 ? ymax : 1) / ystep);
#define PX(x) (FX0 + ((x) - x0) / (x1 - x0) * (FX1 - FX0))
#define PY(y) (FY0 - (y) / ytop * (FY0 - FY1))
    pv_buf_puts(&b, "<div class=\"chart\"><svg class=\"chart chart-frontier\" viewBox=\"0 0 720 340\" "
                    "role=\"img\" font-size=\"11\" fill=\"#1d2530\">\n");
    /* grid and axes */
    for (double y = 0; y <= ytop + 1e-9; y += ystep) {
        pv_buf_printf(&b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"#e1e6ec\"/>"
                          "<text x=\"%.1f\" y=\"%.2f\" text-anchor=\"end\">",
                      FX0, FX1, PY(y), PY(y), FX0 - 6, PY(y) + 4);
        pv_html_num(&b, y, 0, sv);
        pv_buf_puts(&b, "</text>\n");
    }
    double xstep = nice_step(x1 - x0, 6);
    for (double x = ceil(x0 / xstep) * xstep; x <= x1 + 1e-9; x += xstep) {
        pv_buf_printf(&b, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e1e6ec\"/>"
                          "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\">",
                      PX(x), PX(x), FY1, FY0, PX(x), FY0 + 16);
        pv_html_num(&b, x, 0, sv);
        pv_buf_puts(&b, "</text>\n");
    }
    pv_buf_printf(&b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2530\"/>"
                      "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1d2530\"/>\n",
                  FX0, FX1, FY0, FY0, FX0, FX0, FY1, FY0);
    pv_buf_printf(&b, "<text x=\"%.1f\" y=\"334\" text-anchor=\"middle\" font-size=\"12\">",
                  (FX0 + FX1) / 2);
    if (strstr(rid, "sek"))
        pv_buf_puts(&b, pv_tr(sv, "Budget (SEK)", "Budget (kr)"));
    else if (strstr(rid, "hour"))
        pv_buf_puts(&b, pv_tr(sv, "Staff hours", "Arbetstid (timmar)"));
    else
        pv_html_esc(&b, rid);
    pv_buf_printf(&b, "</text><text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" "
                      "transform=\"rotate(-90 14 %.1f)\">%s</text>\n",
                  (FY0 + FY1) / 2, (FY0 + FY1) / 2, pv_tr(sv, "Value (points)", "Värde (poäng)"));
    /* the step line, from the lowest limit up */
    pv_buf_puts(&b, "<path class=\"frontier-line\" fill=\"none\" stroke=\"#1f5f8b\" "
                    "stroke-width=\"2.5\" d=\"");
    int started = 0;
    for (size_t g = f->nseg; g-- > 0;) {
        const pv_fseg *s = &f->seg[g];
        if (!s->feasible)
            continue;
        double lo = s->lo < x0 ? x0 : s->lo, hi = s->hi > x1 ? x1 : s->hi;
        if (hi < lo)
            continue;
        pv_buf_printf(&b, "%s%.2f %.2f H%.2f ", started ? "L" : "M", PX(lo), PY(s->objective),
                      PX(hi));
        started = 1;
    }
    pv_buf_puts(&b, "\"/>\n");
    for (size_t i = 0; i < f->npoints; i++) {
        size_t g = f->point_seg[i];
        if (g == (size_t)-1 || !f->seg[g].feasible)
            continue;
        pv_buf_printf(&b, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3.5\" fill=\"#fff\" "
                          "stroke=\"#1f5f8b\" stroke-width=\"1.5\"><title>",
                      PX(f->limit[i]), PY(f->seg[g].objective));
        pv_html_amount(&b, rid, f->limit[i], sv);
        pv_buf_puts(&b, ": ");
        pv_html_num(&b, f->seg[g].objective, 2, sv);
        pv_buf_puts(&b, "</title></circle>\n");
    }
    if (f->current >= x0 && f->current <= x1) {
        double px = PX(f->current);
        pv_buf_printf(&b, "<line class=\"current-limit\" x1=\"%.2f\" x2=\"%.2f\" y1=\"%.1f\" "
                          "y2=\"%.1f\" stroke=\"#a23b2c\" stroke-width=\"1.5\" "
                          "stroke-dasharray=\"5 4\"/><text x=\"%.2f\" y=\"%.1f\" "
                          "text-anchor=\"%s\" fill=\"#a23b2c\" font-weight=\"700\">%s ",
                      px, px, FY1, FY0, px + (px > 560 ? -6 : 6), FY1 + 12,
                      px > 560 ? "end" : "start",
                      pv_tr(sv, "current limit", "nuvarande ram"));
        pv_html_amount(&b, rid, f->current, sv);
        pv_buf_puts(&b, "</text>\n");
    }
    pv_buf_puts(&b, "</svg></div>\n");
#undef PX
#undef PY

    unsigned char *add = pv_calloc(n + 1, 1), *rem = pv_calloc(n + 1, 1);
    if (!add || !rem) {
        pv_free(add);
        pv_free(rem);
        pv_buf_free(&b);
        pv_err_nomem(err);
        return NULL;
    }
    pv_buf_printf(&b, "<h3>%s</h3>\n<table id=\"breakpoints\"><thead><tr><th class=\"num\">%s</th>"
                      "<th class=\"num\">%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "Limits where the portfolio changes", "Ramar där portföljen ändras"),
                  pv_tr(sv, "From limit", "Från ram"), pv_tr(sv, "Value", "Värde"),
                  pv_tr(sv, "Enters", "Tillkommer"), pv_tr(sv, "Leaves", "Faller bort"));
    const unsigned char *prev = NULL;
    for (size_t g = f->nseg; g-- > 0;) {
        const pv_fseg *s = &f->seg[g];
        pv_buf_puts(&b, "<tr class=\"breakpoint\"><td class=\"num\">");
        pv_html_amount(&b, rid, s->lo, sv);
        pv_buf_puts(&b, "</td><td class=\"num\">");
        if (!s->feasible) {
            pv_buf_printf(&b, "%s</td><td></td><td></td></tr>\n",
                          pv_infeasible_word(sv));
            continue;
        }
        pv_html_num(&b, s->objective, 2, sv);
        for (size_t j = 0; j < n; j++) {
            add[j] = s->x[j] && !(prev && prev[j]);
            rem[j] = prev && prev[j] && !s->x[j];
        }
        pv_buf_puts(&b, "</td><td class=\"diff-in\">");
        pv_html_ids(&b, c, add, n);
        pv_buf_puts(&b, "</td><td class=\"diff-out\">");
        pv_html_ids(&b, c, rem, n);
        pv_buf_puts(&b, "</td></tr>\n");
        prev = s->x;
    }
    pv_buf_puts(&b, "</tbody></table>\n");
    pv_free(add);
    pv_free(rem);
    pv_buf_printf(&b, "<p><strong>%s:</strong> ",
                  pv_tr(sv, "Order in which proposals enter", "Ordning i vilken förslagen tillkommer"));
    for (size_t i = 0; i < f->norder; i++) {
        pv_buf_puts(&b, i ? ", " : "");
        pv_html_esc(&b, pv_project_id(c, f->order[i]));
    }
    if (!f->norder)
        pv_buf_puts(&b, "–");
    pv_buf_puts(&b, "</p>\n");
    pv_html_section_end(&b);
    pv_html_model_section(&b, c, sv);
    pv_html_end(&b, sv);
    return pv_buf_finish(&b, len, err);
}

/* ------------------------------------------------------------ sensitivity */

char *pv_html_sensitivity(const pv_case *c, const pv_ranking *r, const pv_sensitivity *s,
                          int sv, size_t *len, pv_error *err)
{
    const pv_model *m = c->model;
    size_t n = r->n;
    pv_buf b;
    pv_buf_init(&b);
    if (pv_html_begin(&b, c, sv, "Sensitivity to the weights", "Känslighet för vikterna",
                      "sensitivity", err)) {
        pv_buf_free(&b);
        return NULL;
    }
    unsigned char *add = pv_calloc(n + 1, 1), *rem = pv_calloc(n + 1, 1);
    if (!add || !rem) {
        pv_free(add);
        pv_free(rem);
        pv_buf_free(&b);
        pv_err_nomem(err);
        return NULL;
    }
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
    pv_buf_puts(&b, "<p class=\"summary\" id=\"summary\">");
    if (!s->base_feasible)
        pv_buf_puts(&b, pv_tr(sv, "No portfolio is feasible, so there is nothing to vary.",
                              "Ingen portfölj är genomförbar, så det finns inget att variera."));
    else {
        pv_buf_puts(&b, pv_tr(sv, "The selected portfolio (", "Den valda portföljen ("));
        pv_html_ids(&b, c, s->base, n);
        pv_buf_puts(&b, pv_tr(sv, ") stays the best as long as each criterion's weight stays "
                                  "within its interval below, the others rescaled in proportion. ",
                              ") förblir bäst så länge varje kriteriums vikt håller sig inom "
                              "intervallet nedan, med de övriga omskalade i proportion. "));
        if (tight != (size_t)-1) {
            pv_buf_puts(&b, pv_tr(sv, "The most sensitive is ", "Känsligast är "));
            pv_html_esc(&b, pv_crit_label(m->leaves[tight], sv));
            pv_buf_puts(&b, pv_tr(sv, ": a change of ", ": en ändring med "));
            pv_html_num(&b, 100 * tightd, 1, sv);
            pv_buf_puts(&b, pv_tr(sv, " percentage points changes the portfolio.",
                                  " procentenheter ändrar portföljen."));
        } else
            pv_buf_puts(&b, pv_tr(sv, "No single weight change alters it.",
                                  "Ingen enskild viktändring ändrar den."));
    }
    pv_buf_puts(&b, "</p>\n");
    pv_html_section(&b, "sensitivity", 0, "Stability interval per criterion",
                    "Stabilitetsintervall per kriterium", sv);
    pv_html_legend(&b, m, sv);
    pv_buf_printf(&b, "<p class=\"small\">%s</p>\n",
                  pv_tr(sv, "Each bar is the global weight from 0 to 100 %: the shaded part is "
                            "the interval within which the portfolio stays the same, the black "
                            "mark the current weight.",
                        "Varje stapel är den globala vikten från 0 till 100 %: den skuggade "
                        "delen är intervallet där portföljen är densamma, det svarta strecket "
                        "är den nuvarande vikten."));
    pv_buf_printf(&b, "<table id=\"sensitivity-table\"><thead><tr><th>%s</th><th class=\"num\">%s"
                      "</th><th class=\"num\">%s</th><th style=\"width:28%%\"></th><th>%s</th>"
                      "<th>%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "Criterion", "Kriterium"), pv_tr(sv, "Weight", "Vikt"),
                  pv_tr(sv, "Stable within", "Stabil inom"),
                  pv_tr(sv, "Below the interval", "Under intervallet"),
                  pv_tr(sv, "Above the interval", "Över intervallet"));
    for (size_t i = 0; i < s->nleaves; i++) {
        const pv_sens_crit *k = &s->crit[i];
        const char *col = pv_html_colour(pv_html_top_of(m, m->leaves[i]));
        pv_buf_puts(&b, "<tr class=\"criterion-row\"><td>");
        pv_html_esc(&b, pv_crit_label(m->leaves[i], sv));
        pv_buf_puts(&b, " <span class=\"id\">");
        pv_html_esc(&b, m->leaves[i]->id);
        pv_buf_puts(&b, "</span></td><td class=\"num\">");
        pv_html_pct(&b, k->weight, 1, sv);
        pv_buf_puts(&b, "</td><td class=\"num\">");
        pv_html_pct(&b, k->low, 1, sv);
        pv_buf_puts(&b, "–");
        pv_html_pct(&b, k->high, 1, sv);
        pv_buf_printf(&b, "</td><td><svg class=\"band sens-band\" viewBox=\"0 0 100 10\" "
                          "preserveAspectRatio=\"none\" role=\"img\"><rect x=\"0\" y=\"2\" "
                          "width=\"100\" height=\"6\" fill=\"#eef1f5\"/><rect x=\"%.3f\" y=\"1\" "
                          "width=\"%.3f\" height=\"8\" fill=\"%s\" fill-opacity=\"0.55\"/>"
                          "<line x1=\"%.3f\" x2=\"%.3f\" y1=\"0\" y2=\"10\" stroke=\"#1d2530\" "
                          "stroke-width=\"2.5\" vector-effect=\"non-scaling-stroke\"/></svg></td>",
                      100 * k->low, 100 * (k->high - k->low), col, 100 * k->weight,
                      100 * k->weight);
        for (int side = 0; side < 2; side++) {
            const unsigned char *o = side ? k->above : k->below;
            pv_buf_puts(&b, "<td class=\"small\">");
            if (!o) {
                pv_buf_puts(&b, pv_tr(sv, "no change", "ingen ändring"));
            } else {
                for (size_t j = 0; j < n; j++) {
                    add[j] = o[j] && !s->base[j];
                    rem[j] = s->base[j] && !o[j];
                }
                pv_buf_puts(&b, "<span class=\"diff-in\">+</span>");
                pv_html_ids(&b, c, add, n);
                pv_buf_puts(&b, " <span class=\"diff-out\">−</span>");
                pv_html_ids(&b, c, rem, n);
            }
            pv_buf_puts(&b, "</td>");
        }
        pv_buf_puts(&b, "</tr>\n");
    }
    pv_buf_puts(&b, "</tbody></table>\n");
    pv_free(add);
    pv_free(rem);
    pv_html_section_end(&b);
    pv_html_model_section(&b, c, sv);
    pv_html_end(&b, sv);
    return pv_buf_finish(&b, len, err);
}

/* ----------------------------------------------------------------- robust */



char *pv_html_robust(const pv_case *c, const pv_ranking *r, const pv_robust *rb, int sv,
                     size_t *len, pv_error *err)
{
    size_t n = r->n, N = rb->samples - rb->infeasible;
    pv_buf b;
    pv_buf_init(&b);
    if (pv_html_begin(&b, c, sv, "Robustness over uncertain weights",
                      "Robusthet vid osäkra vikter", "robust", err)) {
        pv_buf_free(&b);
        return NULL;
    }
    size_t cnt[3] = {0, 0, 0};
    for (size_t j = 0; j < n; j++) {
        if (!r->p[j].eligible)
            continue;
        double lo, hi;
        pv_wilson95(rb->selected[j], N, &lo, &hi);
        cnt[pv_core_group(lo, hi)]++;
    }
    static const char *dist_en[] = {"uniform on all weights", "keeping the model's order",
                                    "within each criterion's weight range"};
    static const char *dist_sv[] = {"jämnt fördelade över alla vikter", "med modellens ordning "
                                    "bevarad", "inom varje kriteriums viktintervall"};
    int meth = rb->method >= 0 && rb->method <= 2 ? rb->method : 0;
    pv_buf_puts(&b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_printf(&b, sv ? "Portföljen löstes om för %zu slumpade viktuppsättningar (%s, frö %llu). "
                         : "The portfolio was re-solved for %zu random sets of weights (%s, seed "
                           "%llu). ",
                  rb->samples, sv ? dist_sv[meth] : dist_en[meth], rb->seed);
    pv_buf_puts(&b, pv_tr(sv, "The selected portfolio was the best in ",
                          "Den valda portföljen var bäst i "));
    pv_html_pct(&b, rb->samples ? (double)rb->base_count / (double)rb->samples : 0, 1, sv);
    pv_buf_puts(&b, pv_tr(sv, " of them. ", " av dem. "));
    pv_buf_printf(&b, sv ? "%zu projekt hör till kärnan (valda i minst 90 %%), %zu är gränsfall "
                           "och %zu hamnar utanför (valda i högst 10 %%)."
                         : "%zu projects are core (selected in at least 90%%), %zu borderline "
                           "and %zu exterior (selected in at most 10%%).",
                  cnt[0], cnt[1], cnt[2]);
    pv_buf_puts(&b, "</p>\n");
    pv_html_section(&b, "robust", 0, "Selection share per proposal", "Andel urval per förslag",
                    sv);
    pv_buf_printf(&b, "<p class=\"small\">%s</p>\n",
                  pv_tr(sv, "Each bar is the share of samples in which the proposal was "
                            "selected, with its 95 % confidence interval (Wilson) as whiskers.",
                        "Varje stapel är andelen urval där förslaget valdes, med "
                        "95 %-konfidensintervallet (Wilson) som morrhår."));
    static const char *gid[] = {"core", "borderline", "exterior"};
    static const char *gen[] = {"Core: selected in nearly every sample",
                                "Borderline: depends on the weights",
                                "Exterior: almost never selected"};
    static const char *gsv[] = {"Kärna: valt i nästan varje urval",
                                "Gränsfall: beror på vikterna", "Utanför: nästan aldrig valt"};
    for (int g = 0; g < 3; g++) {
        pv_buf_printf(&b, "<h3 id=\"group-%s\">%s (%zu)</h3>\n", gid[g], sv ? gsv[g] : gen[g],
                      cnt[g]);
        if (!cnt[g])
            continue;
        pv_buf_printf(&b, "<table class=\"robust-group\" data-group=\"%s\"><thead><tr><th>%s</th>"
                          "<th class=\"num\">%s</th><th class=\"num\">95 %%</th>"
                          "<th style=\"width:36%%\"></th></tr></thead><tbody>\n",
                      gid[g], pv_tr(sv, "Proposal", "Förslag"), pv_tr(sv, "Share", "Andel"));
        for (size_t i = 0; i < n; i++) {
            size_t j = r->order[i];
            if (!r->p[j].eligible)
                continue;
            double lo, hi, sh = N ? (double)rb->selected[j] / (double)N : 0;
            pv_wilson95(rb->selected[j], N, &lo, &hi);
            if (pv_core_group(lo, hi) != g)
                continue;
            pv_buf_puts(&b, "<tr class=\"project-row\" data-id=\"");
            pv_html_esc(&b, pv_project_id(c, j));
            pv_buf_puts(&b, "\"><td><span class=\"name\">");
            pv_html_esc(&b, pv_project_name(c, j));
            pv_buf_puts(&b, "</span> <span class=\"id\">");
            pv_html_esc(&b, pv_project_id(c, j));
            pv_buf_puts(&b, "</span></td><td class=\"num\">");
            pv_html_pct(&b, sh, 1, sv);
            pv_buf_puts(&b, "</td><td class=\"num\">");
            pv_html_pct(&b, lo, 1, sv);
            pv_buf_puts(&b, "–");
            pv_html_pct(&b, hi, 1, sv);
            const char *col = g == 0 ? "#2e7d4f" : g == 1 ? "#d99a1e" : "#9aa6b5";
            pv_buf_printf(&b, "</td><td><svg class=\"band robust-bar\" viewBox=\"0 0 100 10\" "
                              "preserveAspectRatio=\"none\" role=\"img\"><rect x=\"0\" y=\"2\" "
                              "width=\"100\" height=\"6\" fill=\"#eef1f5\"/><rect x=\"0\" y=\"2\" "
                              "width=\"%.3f\" height=\"6\" fill=\"%s\"/>"
                              "<g stroke=\"#1d2530\" stroke-width=\"1.5\" "
                              "vector-effect=\"non-scaling-stroke\"><line x1=\"%.3f\" x2=\"%.3f\" "
                              "y1=\"5\" y2=\"5\" vector-effect=\"non-scaling-stroke\"/>"
                              "<line x1=\"%.3f\" x2=\"%.3f\" y1=\"1\" y2=\"9\" "
                              "vector-effect=\"non-scaling-stroke\"/><line x1=\"%.3f\" "
                              "x2=\"%.3f\" y1=\"1\" y2=\"9\" vector-effect=\"non-scaling-stroke\"/>"
                              "</g></svg></td></tr>\n",
                          100 * sh, col, 100 * lo, 100 * hi, 100 * lo, 100 * lo, 100 * hi,
                          100 * hi);
        }
        pv_buf_puts(&b, "</tbody></table>\n");
    }
    size_t np = rb->nport < 10 ? rb->nport : 10;
    pv_buf_printf(&b, "<h3>%s</h3>\n<table id=\"portfolios\"><thead><tr><th class=\"num\">%s</th>"
                      "<th>%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "Most frequent best portfolios", "Vanligaste bästa portföljerna"),
                  pv_tr(sv, "Share", "Andel"), pv_tr(sv, "Projects", "Projekt"));
    for (size_t p = 0; p < np; p++) {
        pv_buf_puts(&b, "<tr><td class=\"num\">");
        pv_html_pct(&b, rb->samples ? (double)rb->port[p].count / (double)rb->samples : 0, 1, sv);
        pv_buf_puts(&b, "</td><td>");
        pv_html_ids(&b, c, rb->port[p].x, n);
        pv_buf_puts(&b, "</td></tr>\n");
    }
    pv_buf_puts(&b, "</tbody></table>\n");
    pv_html_section_end(&b);
    pv_html_model_section(&b, c, sv);
    pv_html_end(&b, sv);
    return pv_buf_finish(&b, len, err);
}
