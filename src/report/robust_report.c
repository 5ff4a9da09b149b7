/* robust_report.c — how often each project is chosen when the weights vary,
 * in text, Markdown, CSV, JSON and HTML. */
#include "../analyse/compare.h"
#include "../analyse/whatif.h"
#include "report.h"

#include <math.h>
#include <string.h>


static const char *const dist[] = {"uniform", "ranked", "intervals"};
static const char *const dist_sv_short[] = {"jämnt fördelade", "rangordnade", "inom intervall"};

/* The samples that had a portfolio: the denominator of every share. */
static size_t solved(const pv_robust *rb) { return rb->samples - rb->infeasible; }

/* How many of the most frequent portfolios a report shows: ten at most. */
static size_t shown_ports(const pv_robust *rb) { return rb->nport < 10 ? rb->nport : 10; }

/* The widest half width of the projects' 95 % intervals over N samples. */
static double max_half_width(const pv_robust *rb, size_t n, size_t N)
{
    double maxhw = 0;
    for (size_t j = 0; j < n; j++) {
        double lo, hi;
        pv_wilson95(rb->selected[j], N, &lo, &hi);
        if ((hi - lo) / 2 > maxhw)
            maxhw = (hi - lo) / 2;
    }
    return maxhw;
}

static const char *group_of(double lo, double hi, int sv)
{
    switch (pv_core_group(lo, hi)) {
    case 0: return pv_tr(sv, "core", "kärna");
    case 2: return pv_tr(sv, "exterior", "utanför");
    default: return pv_tr(sv, "borderline", "gränsfall");
    }
}

/* Shares, intervals and the most frequent portfolios as JSON. */
static void robust_json(pv_buf *b, const pv_view *v)
{
    const pv_case *c = v->c;
    const pv_robust *rb = v->data;
    size_t N = solved(rb), nport = shown_ports(rb);
    double maxhw = max_half_width(rb, v->n, N);
    pv_buf_printf(b, ",\n  \"samples\": %zu, \"seed\": %llu, \"weights\": \"%s\", "
                      "\"infeasible\": %zu, \"unproven\": %zu, \"base_share\": ",
                  rb->samples, rb->seed, dist[rb->method], rb->infeasible, rb->unproven);
    pv_buf_num(b, rb->samples ? (double)rb->base_count / (double)rb->samples : 0, 6);
    pv_json_keyed_num(b, ", \"half_width\": ", maxhw);
    pv_buf_puts(b, ",\n  \"base_portfolio\": ");
    pv_ids_json(b, c, rb->base, v->n);
    pv_buf_puts(b, ",\n  \"projects\": [");
    for (size_t i = 0; i < v->n; i++) {
        size_t j = v->r->order[i];
        double lo, hi;
        pv_wilson95(rb->selected[j], N, &lo, &hi);
        pv_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, pv_project_id(c, j));
        pv_json_keyed_num(b, ", \"share\": ", N ? (double)rb->selected[j] / (double)N : 0);
        pv_json_keyed_num(b, ", \"ci_low\": ", lo);
        pv_json_keyed_num(b, ", \"ci_high\": ", hi);
        pv_buf_printf(b, ", \"group\": \"%s\"}", group_of(lo, hi, 0));
    }
    pv_buf_puts(b, "\n  ],\n  \"portfolios\": [");
    for (size_t p = 0; p < nport; p++) {
        pv_buf_puts(b, p ? ",\n    {\"projects\": " : "\n    {\"projects\": ");
        pv_ids_json(b, c, rb->port[p].x, v->n);
        pv_json_keyed_num(b, ", \"share\": ", (double)rb->port[p].count / (double)rb->samples);
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, nport ? "\n  ]\n}\n" : "]\n}\n");
}

/* One row per project: how often selected, with its 95 % interval. */
static void robust_csv(pv_buf *b, const pv_view *v)
{
    const pv_case *c = v->c;
    const pv_robust *rb = v->data;
    int sv = v->sv;
    size_t N = solved(rb);
    static const char *const h[] = {"id", "share", "ci_low", "ci_high", "group"};
    static const char *const hsv[] = {"id", "andel", "ki_låg", "ki_hög", "grupp"};
    pv_csv_header(b, sv ? hsv : h, sizeof h / sizeof *h, sv);
    pv_csv_eol(b);
    for (size_t i = 0; i < v->n; i++) {
        size_t j = v->r->order[i];
        double lo, hi;
        pv_wilson95(rb->selected[j], N, &lo, &hi);
        pv_csv_cell(b, pv_project_id(c, j), sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, N ? (double)rb->selected[j] / (double)N : 0, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, lo, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, hi, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, group_of(lo, hi, sv), sv);
        pv_csv_eol(b);
    }
}

/* Text or Markdown (fmt): shares by group, then the most frequent portfolios. */
static void robust_text(pv_buf *b, const pv_view *v)
{
    const pv_case *c = v->c;
    const pv_robust *rb = v->data;
    int sv = v->sv, md = v->fmt == PV_FMT_MD;
    size_t N = solved(rb), nport = shown_ports(rb);
    double maxhw = max_half_width(rb, v->n, N);
    pv_title(b, pv_tr(sv, "Robustness", "Robusthet"), c->name, md);
    pv_objective_line(b, c, sv, md);
    int meth = rb->method >= 0 && rb->method <= 2 ? rb->method : 0;
    pv_buf_printf(b, "%s: %zu (%s %s, %s %llu)%s\n", pv_tr(sv, "Samples", "Urval"), rb->samples,
                  pv_tr(sv, "weights", "vikter"), sv ? dist_sv_short[meth] : dist[meth],
                  pv_tr(sv, "seed", "frö"), rb->seed, md ? "  " : "");
    pv_buf_printf(b, "%s: ", pv_tr(sv, "Base portfolio optimal in", "Basportföljen optimal i"));
    pv_fmt_num(b, rb->samples ? 100.0 * (double)rb->base_count / (double)rb->samples : 0, 1,
               sv);
    pv_buf_printf(b, " %%%s\n%s: ±", md ? "  " : "",
                  pv_tr(sv, "Largest 95 % half width", "Största halvbredd (95 %)"));
    pv_fmt_num(b, 100 * maxhw, 1, sv);
    pv_buf_puts(b, pv_tr(sv, " percentage points\n\n", " procentenheter\n\n"));
    if (rb->unproven) {
        pv_time_limit_note(b, rb->unproven, sv);
        pv_buf_puts(b, "\n\n");
    }
    if (md)
        pv_buf_printf(b, "| Id | %s | 95 %% | %s | %s |\n|---|---:|---|---|---|\n",
                      pv_tr(sv, "Share", "Andel"), pv_tr(sv, "Group", "Grupp"),
                      pv_tr(sv, "Name", "Namn"));
    size_t wid = 2, wg = 0;
    for (size_t j = 0; j < v->n; j++) {
        if (pv_text_width(pv_project_id(c, j)) > wid)
            wid = pv_text_width(pv_project_id(c, j));
    }
    const char *gw[] = {pv_tr(sv, "core", "kärna"), pv_tr(sv, "exterior", "utanför"),
                        pv_tr(sv, "borderline", "gränsfall")};
    for (int g = 0; g < 3; g++)
        if (pv_text_width(gw[g]) > wg)
            wg = pv_text_width(gw[g]);
    for (size_t i = 0; i < v->n; i++) {
        size_t j = v->r->order[i];
        if (!v->r->p[j].eligible)
            continue;
        double lo, hi;
        pv_wilson95(rb->selected[j], N, &lo, &hi);
        pv_buf t;
        pv_buf_init(&t);
        if (md) {
            pv_buf_puts(b, "| ");
            pv_buf_plain(b, pv_project_id(c, j));
            pv_buf_puts(b, " | ");
        } else {
            pv_buf_puts(b, "  ");
            pv_buf_pad(b, pv_project_id(c, j), wid, 0);
        }
        pv_fmt_num(&t, N ? 100.0 * (double)rb->selected[j] / (double)N : 0, 1, sv);
        pv_buf_pad(b, t.data ? t.data : "", md ? 0 : 7, 1);
        pv_buf_free(&t);
        pv_buf_puts(b, md ? " % | " : " %  ");
        pv_buf_init(&t);
        pv_buf_puts(&t, md ? "" : "[");
        pv_fmt_num(&t, 100 * lo, 1, sv);
        pv_buf_puts(&t, "–");
        pv_fmt_num(&t, 100 * hi, 1, sv);
        pv_buf_puts(&t, md ? " %" : "]");
        pv_buf_pad(b, t.data ? t.data : "", md ? 0 : 13, 0);
        pv_buf_free(&t);
        pv_buf_puts(b, md ? " | " : "  ");
        if (md)
            pv_buf_puts(b, group_of(lo, hi, sv));
        else
            pv_buf_pad(b, group_of(lo, hi, sv), wg, 0);
        pv_buf_puts(b, md ? " | " : "  ");
        (md ? pv_buf_md : pv_buf_plain)(b, pv_project_name(c, j));
        pv_buf_puts(b, md ? " |\n" : "\n");
    }
    pv_buf_printf(b, "\n%s:\n", pv_tr(sv, "Most frequent portfolios", "Vanligaste portföljerna"));
    for (size_t p = 0; p < nport; p++) {
        pv_buf_puts(b, md ? "- " : "  ");
        pv_fmt_num(b, 100.0 * (double)rb->port[p].count / (double)rb->samples, 1, sv);
        pv_buf_puts(b, " %: ");
        pv_ids_text(b, c, rb->port[p].x, v->n, "–");
        pv_buf_putc(b, '\n');
    }
}

/* ------------------------------------------------------------------ HTML */




/* The page: the groups, each project's share with its interval, the portfolios. */
static void robust_html(pv_buf *b, const pv_view *v)
{
    const pv_robust *rb = v->data;
    const pv_case *c = v->c;
    int sv = v->sv;
    size_t N = solved(rb);
    size_t cnt[3] = {0, 0, 0};
    for (size_t j = 0; j < v->n; j++) {
        if (!v->r->p[j].eligible)
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
    pv_buf_puts(b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_printf(b, sv ? "Portföljen löstes om för %zu slumpade viktuppsättningar (%s, frö %llu). "
                         : "The portfolio was re-solved for %zu random sets of weights (%s, seed "
                           "%llu). ",
                  rb->samples, sv ? dist_sv[meth] : dist_en[meth], rb->seed);
    pv_buf_puts(b, pv_tr(sv, "The selected portfolio was the best in ",
                          "Den valda portföljen var bäst i "));
    pv_html_pct(b, rb->samples ? (double)rb->base_count / (double)rb->samples : 0, 1, sv);
    pv_buf_puts(b, pv_tr(sv, " of them. ", " av dem. "));
    pv_buf_printf(b, sv ? "%zu projekt hör till kärnan (valda i minst 90 %%), %zu är gränsfall "
                           "och %zu hamnar utanför (valda i högst 10 %%)."
                         : "%zu projects are core (selected in at least 90%%), %zu borderline "
                           "and %zu exterior (selected in at most 10%%).",
                  cnt[0], cnt[1], cnt[2]);
    if (rb->unproven) {
        pv_buf_putc(b, ' ');
        pv_time_limit_note(b, rb->unproven, sv);
    }
    pv_buf_puts(b, "</p>\n");
    pv_html_section(b, "robust", 0, "Selection share per proposal", "Andel urval per förslag",
                    sv);
    pv_buf_printf(b, "<p class=\"small\">%s</p>\n",
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
        pv_buf_printf(b, "<h3 id=\"group-%s\">%s (%zu)</h3>\n", gid[g], sv ? gsv[g] : gen[g],
                      cnt[g]);
        if (!cnt[g])
            continue;
        pv_buf_printf(b, "<table class=\"robust-group\" data-group=\"%s\"><thead><tr><th>%s</th>"
                          "<th class=\"num\">%s</th><th class=\"num\">95 %%</th>"
                          "<th style=\"width:36%%\"></th></tr></thead><tbody>\n",
                      gid[g], pv_tr(sv, "Proposal", "Förslag"), pv_tr(sv, "Share", "Andel"));
        for (size_t i = 0; i < v->n; i++) {
            size_t j = v->r->order[i];
            if (!v->r->p[j].eligible)
                continue;
            double lo, hi, sh = N ? (double)rb->selected[j] / (double)N : 0;
            pv_wilson95(rb->selected[j], N, &lo, &hi);
            if (pv_core_group(lo, hi) != g)
                continue;
            pv_buf_puts(b, "<tr class=\"project-row\" data-id=\"");
            pv_html_esc(b, pv_project_id(c, j));
            pv_buf_puts(b, "\"><td>");
            pv_html_name_id(b, pv_project_name(c, j), pv_project_id(c, j));
            pv_buf_puts(b, "</td><td class=\"num\">");
            pv_html_pct(b, sh, 1, sv);
            pv_buf_puts(b, "</td><td class=\"num\">");
            pv_html_pct_range(b, lo, hi, sv);
            const char *col = g == 0 ? "#2e7d4f" : g == 1 ? "#d99a1e" : "#9aa6b5";
            pv_buf_printf(b, "</td><td><svg class=\"band robust-bar\" viewBox=\"0 0 100 10\" "
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
        pv_buf_puts(b, "</tbody></table>\n");
    }
    size_t np = shown_ports(rb);
    pv_buf_printf(b, "<h3>%s</h3>\n<table id=\"portfolios\"><thead><tr><th class=\"num\">%s</th>"
                      "<th>%s</th></tr></thead><tbody>\n",
                  pv_tr(sv, "Most frequent best portfolios", "Vanligaste bästa portföljerna"),
                  pv_tr(sv, "Share", "Andel"), pv_tr(sv, "Projects", "Projekt"));
    for (size_t p = 0; p < np; p++) {
        pv_buf_puts(b, "<tr><td class=\"num\">");
        pv_html_pct(b, rb->samples ? (double)rb->port[p].count / (double)rb->samples : 0, 1, sv);
        pv_buf_puts(b, "</td><td>");
        pv_html_ids(b, c, rb->port[p].x, v->n);
        pv_buf_puts(b, "</td></tr>\n");
    }
    pv_buf_puts(b, "</tbody></table>\n");
    pv_html_section_end(b);
}

static const pv_view_ops robust_view = {robust_json,
                                        robust_csv,
                                        robust_text,
                                        robust_html,
                                        "Robustness over uncertain weights",
                                        "Robusthet vid osäkra vikter",
                                        "robust"};

char *pv_render_robust(const pv_case *c, const pv_ranking *r, const pv_robust *rb,
                       pv_format fmt, pv_lang lang, size_t *len, pv_error *err)
{
    return pv_render_view(&robust_view, c, r, rb, fmt, lang, len, err);
}
