/*
 * cofin_report.c — the co-financing part of the portfolio report, every
 * format: the expected score (and that it is what was optimised), all and
 * none granted, the 10/50/90 % quantiles of score and use, the probability
 * of overrunning each limit, the expected unused budget, and per project its
 * award probability and expected contribution.
 */
#include "report.h"

#include <string.h>

static const char *commit_key(pv_commit c)
{
    static const char *K[] = {"worst_case", "expected", "chance"};
    return K[c];
}

/* ------------------------------------------------------------ JSON */

static void json_q(pv_buf *b, const double *q)
{
    pv_buf_puts(b, "{\"p10\": ");
    pv_buf_num(b, q[0], 6);
    pv_buf_puts(b, ", \"p50\": ");
    pv_buf_num(b, q[1], 6);
    pv_buf_puts(b, ", \"p90\": ");
    pv_buf_num(b, q[2], 6);
    pv_buf_putc(b, '}');
}

void pv_cofin_json(pv_buf *b, const pv_case *c, const pv_selection *s)
{
    const pv_cofin_stats *st = s->cofin;
    if (!c->cofin || !st)
        return;
    pv_buf_printf(
        b, ",\n  \"cofinancing\": {\"commit\": \"%s\", \"alpha\": ", commit_key(c->cofin->commit));
    pv_buf_num(b, c->cofin->alpha, 6);
    pv_json_keyed_num(b, ", \"expected_score\": ", st->expected);
    pv_json_keyed_num(b, ", \"all_granted_score\": ", st->all_granted);
    pv_json_keyed_num(b, ", \"none_granted_score\": ", st->none_granted);
    pv_buf_puts(b, ",\n    \"overrun_probability\": ");
    pv_json_res_map(b, c, st->overrun, NULL);
    pv_json_keyed_num(b, ", \"overrun_any\": ", st->overrun_any);
    pv_buf_puts(b, ",\n    \"quantiles\": {\"score\": ");
    json_q(b, st->q);
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, ", ");
        pv_buf_json_str(b, c->res[k].id);
        pv_buf_puts(b, ": ");
        json_q(b, st->q + 3 + 3 * k);
    }
    pv_buf_puts(b, "},\n    \"expected_unused\": ");
    pv_json_res_map(b, c, st->unused, NULL);
    pv_buf_printf(b, ",\n    \"method\": \"%s\", \"samples\": %zu", st->exact ? "exact" : "sampled",
                  st->samples);
    pv_buf_puts(b, ", \"overrun_interval\": {");
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, k ? ", " : "");
        pv_buf_json_str(b, c->res[k].id);
        pv_buf_puts(b, ": [");
        pv_buf_num(b, st->overrun_lo[k], 6);
        pv_buf_puts(b, ", ");
        pv_buf_num(b, st->overrun_hi[k], 6);
        pv_buf_putc(b, ']');
    }
    pv_buf_putc(b, '}');
    if (c->cofin->commit == PV_COMMIT_CHANCE)
        pv_buf_printf(b, ", \"alpha_met\": %s", st->alpha_met ? "true" : "false");
    pv_buf_putc(b, '}');
}

void pv_cofin_json_project(pv_buf *b, const pv_case *c, const pv_ranking *r, size_t j)
{
    if (!c->cofin)
        return;
    pv_json_keyed_num(b, ", \"award_probability\": ", pv_cofin_p(c, j));
    pv_json_keyed_num(b, ", \"expected_contribution\": ", pv_cofin_p(c, j) * pv_obj_coef(c, r, j));
}

/* ------------------------------------------------------------ text, md */

static void pct(pv_buf *b, double p, int sv)
{
    pv_fmt_num(b, p * 100, 1, sv);
    pv_buf_puts(b, " %");
}

/* Three quantiles, grouped in both languages as the amounts beside them
 * (230,000 / 265,000 of 300,000 SEK). */
static void q3(pv_buf *b, const double *q, int dec, int sv)
{
    for (int i = 0; i < 3; i++) {
        pv_buf_puts(b, i ? " / " : "");
        pv_html_num(b, q[i], dec, sv);
    }
}

/* The method line: exact over every combination, or fresh draws. */
static void method_line(pv_buf *b, const pv_cofin_stats *st, const char *li, int sv)
{
    if (st->exact)
        pv_buf_printf(b, "%s%s %zu %s\n", li,
                      pv_tr(sv, "Probabilities and quantiles are exact: computed over all",
                            "Sannolikheter och kvantiler är exakta: beräknade över alla"),
                      (size_t)1 << st->ncontingent,
                      pv_tr(sv, "combinations of granted and refused applications.",
                            "kombinationer av beviljade och avslagna ansökningar."));
    else
        pv_buf_printf(b, "%s%s %zu %s\n", li,
                      pv_tr(sv, "Probabilities and quantiles are estimated from",
                            "Sannolikheter och kvantiler är uppskattade från"),
                      st->samples,
                      pv_tr(sv, "fresh random draws (95 % intervals in the JSON report).",
                            "nya slumpdragningar (95 %-intervall i JSON-rapporten)."));
}

void pv_cofin_text(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s, int sv,
                   int md)
{
    const pv_cofin_stats *st = s->cofin;
    if (!c->cofin || !st)
        return;
    const char *li = md ? "- " : "  ";
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s:\n", pv_tr(sv, "Co-financing", "Medfinansiering"));
    pv_buf_printf(b, "%s%s\n", li, pv_cofin_commit_text(c->cofin->commit, sv));
    pv_buf_printf(b, "%s%s\n", li, pv_cofin_objective_text(sv));
    pv_buf_printf(b, "%s%s\n", li,
                  pv_tr(sv, "The resources above show the use if every application is granted.",
                        "Resurserna ovan visar användningen om alla ansökningar beviljas."));
    pv_buf_printf(b, "%s%s: ", li, pv_tr(sv, "Expected score", "Förväntad poäng"));
    pv_fmt_num(b, st->expected, 2, sv);
    pv_buf_printf(
        b, "\n%s%s: ", li,
        pv_tr(sv, "What if all applications are granted", "Om alla ansökningar beviljas"));
    pv_fmt_num(b, st->all_granted, 2, sv);
    pv_buf_printf(b, "\n%s%s: ", li,
                  pv_tr(sv, "What if no application is granted", "Om ingen ansökan beviljas"));
    pv_fmt_num(b, st->none_granted, 2, sv);
    pv_buf_printf(b, "\n%s%s: ", li,
                  pv_tr(sv, "Score, 10/50/90 % quantiles", "Poäng, kvantiler 10/50/90 %"));
    q3(b, st->q, 2, sv);
    pv_buf_putc(b, '\n');
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf tmp;
        pv_buf_init(&tmp);
        pv_buf_plain(&tmp, pv_res_name(c, k, sv));
        pv_buf_printf(b, "%s%s: %s ", li, tmp.data ? tmp.data : c->res[k].id,
                      pv_tr(sv, "use 10/50/90 %", "användning 10/50/90 %"));
        pv_buf_free(&tmp);
        q3(b, st->q + 3 + 3 * k, 0, sv);
        pv_buf_printf(b, " %s ", pv_tr(sv, "of", "av"));
        pv_res_amount(b, c, k, c->res[k].limit, sv);
        pv_buf_printf(b, "; %s ",
                      pv_tr(sv, "probability of overrunning the limit",
                            "sannolikhet att gränsen överskrids"));
        pct(b, st->overrun[k], sv);
        pv_buf_printf(b, "; %s ", pv_tr(sv, "expected unused", "förväntat outnyttjat"));
        pv_res_amount(b, c, k, st->unused[k], sv);
        pv_buf_putc(b, '\n');
    }
    if (c->cofin->commit == PV_COMMIT_CHANCE) {
        pv_buf_printf(b, "%s%s ", li,
                      pv_tr(sv, "Probability that any limit is overrun:",
                            "Sannolikhet att någon gräns överskrids:"));
        pct(b, st->overrun_any, sv);
        pv_buf_printf(b, " (%s ", pv_tr(sv, "at most", "högst"));
        pct(b, c->cofin->alpha, sv);
        pv_buf_printf(b, " %s)\n",
                      st->alpha_met ? pv_tr(sv, "allowed: met", "tillåtet: uppfyllt")
                                    : pv_tr(sv, "allowed: NOT met", "tillåtet: INTE uppfyllt"));
    }
    method_line(b, st, li, sv);
    pv_buf_printf(b, "%s%s:\n", li,
                  pv_tr(sv,
                        "Selected applications (award probability, "
                        "expected score contribution)",
                        "Valda ansökningar (sannolikhet att beviljas, "
                        "förväntat poängbidrag)"));
    /* the selected applications, then the eligible ones left out: how likely
     * a grant was is often why (names beside ids, for the reader) */
    for (int pass = 0; pass < 2; pass++) {
        size_t k = 0;
        for (size_t i = 0; i < r->n; i++) {
            size_t j = r->order[i];
            if (!c->cofin->contingent[j] || (pass == 0) != (s->x[j] != 0) ||
                (pass && !r->p[j].eligible))
                continue;
            if (pass && !k++)
                pv_buf_printf(b, "%s%s:\n", li,
                              pv_tr(sv,
                                    "Applications not selected (award probability, "
                                    "expected score contribution if selected)",
                                    "Ansökningar som inte valdes (sannolikhet att beviljas, "
                                    "förväntat poängbidrag om de valts)"));
            void (*put)(pv_buf *, const char *) = md ? pv_buf_md : pv_buf_plain;
            pv_buf_puts(b, md ? "  " : "    ");
            put(b, pv_project_id(c, j));
            if (strcmp(pv_project_name(c, j), pv_project_id(c, j))) {
                pv_buf_putc(b, ' ');
                put(b, pv_project_name(c, j));
            }
            pv_buf_puts(b, ": ");
            pct(b, c->cofin->prob[j], sv);
            if (c->cofin->from_table[j])
                pv_buf_printf(
                    b, " (%s)",
                    pv_tr(sv, "programme's published rate", "programmets publicerade andel"));
            pv_buf_puts(b, ", ");
            pv_fmt_num(b, c->cofin->prob[j] * pv_obj_coef(c, r, j), 2, sv);
            pv_buf_putc(b, '\n');
        }
    }
}

/* ------------------------------------------------------------ CSV */

/* One row of select's spreadsheet (pv_sel_csv_row); pad: its per-resource columns, empty here. */
static void csv_line(pv_buf *b, int sv, size_t pad, const char *id, const char *name, int has_v,
                     double v, int has_l, double l, const char *detail)
{
    pv_sel_csv_row(b, sv, pv_tr(sv, "cofinancing", "medfinansiering"), id, name, "", has_v, v,
                   has_l, l, detail);
    for (size_t i = 0; i < pad; i++)
        pv_csv_sep(b, sv);
    pv_csv_eol(b);
}

/* The CSV is a table to read: its name column in words, its id column the
 * JSON keys (as the analyses' CSV columns are). */
void pv_cofin_csv(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s, int sv)
{
    const pv_cofin_stats *st = s->cofin;
    if (!c->cofin || !st)
        return;
    size_t pad = 2 * c->nres;
    static const char *const CW[2][3] = {{"worst case", "expected value", "risk level"},
                                         {"värsta fall", "förväntat värde", "risknivå"}};
    csv_line(b, sv, pad, "expected_score", CW[sv != 0][c->cofin->commit], 1, st->expected, 0, 0,
             pv_cofin_objective_text(sv));
    csv_line(
        b, sv, pad, "all_granted_score",
        pv_tr(sv, "score if every application is granted", "poäng om alla ansökningar beviljas"), 1,
        st->all_granted, 0, 0, "");
    csv_line(b, sv, pad, "none_granted_score",
             pv_tr(sv, "score if no application is granted", "poäng om ingen ansökan beviljas"), 1,
             st->none_granted, 0, 0, "");
    static const char *const Q[2][3] = {{"10th percentile", "median", "90th percentile"},
                                        {"10 %-kvantil", "median", "90 %-kvantil"}};
    for (int i = 0; i < 3; i++)
        csv_line(b, sv, pad, "score", Q[sv != 0][i], 1, st->q[i], 0, 0, "");
    for (size_t k = 0; k < c->nres; k++) {
        for (int i = 0; i < 3; i++)
            csv_line(b, sv, pad, c->res[k].id, Q[sv != 0][i], 1, st->q[3 + 3 * k + i], 1,
                     c->res[k].limit, "");
        csv_line(
            b, sv, pad, c->res[k].id,
            pv_tr(sv, "probability of exceeding the limit", "sannolikhet att ramen överskrids"), 1,
            st->overrun[k], 1, c->res[k].limit, "");
        csv_line(b, sv, pad, c->res[k].id, pv_tr(sv, "expected unused", "förväntat outnyttjat"), 1,
                 st->unused[k], 1, c->res[k].limit, "");
    }
    csv_line(b, sv, pad, "overrun_any",
             c->cofin->commit == PV_COMMIT_CHANCE
                 ? (st->alpha_met ? pv_tr(sv, "any limit exceeded: within alpha",
                                          "någon ram överskrids: inom alfa")
                                  : pv_tr(sv, "any limit exceeded: above alpha",
                                          "någon ram överskrids: över alfa"))
                 : pv_tr(sv, "any limit exceeded", "någon ram överskrids"),
             1, st->overrun_any, 1, c->cofin->alpha, "");
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        if (c->cofin->contingent[j]) {
            const char *sel = s->x[j] ? pv_tr(sv, "selected", "vald") : "";
            csv_line(b, sv, pad, pv_project_id(c, j),
                     pv_tr(sv, "probability of a grant", "sannolikhet att beviljas"), 1,
                     c->cofin->prob[j], 0, 0, sel);
            csv_line(b, sv, pad, pv_project_id(c, j),
                     pv_tr(sv, "expected contribution", "förväntat poängbidrag"), 1,
                     c->cofin->prob[j] * pv_obj_coef(c, r, j), 0, 0, sel);
        }
    }
}

/* ------------------------------------------------------------ HTML */

void pv_cofin_html(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s, int sv)
{
    const pv_cofin_stats *st = s->cofin;
    if (!c->cofin || !st)
        return;
    pv_html_section(b, "cofinancing", 0, "Co-financing: applications that may be refused",
                    "Medfinansiering: ansökningar som kan avslås", sv);
    pv_buf_puts(b, "<p>");
    pv_html_esc(b, pv_cofin_commit_text(c->cofin->commit, sv));
    pv_buf_puts(b, " ");
    pv_html_esc(b, pv_cofin_objective_text(sv));
    pv_buf_puts(b, "</p>\n<table class=\"cofinancing\">\n<tbody>\n");
    static const char *const L[3][2] = {
        {"Expected score", "Förväntad poäng"},
        {"What if all applications are granted", "Om alla ansökningar beviljas"},
        {"What if no application is granted", "Om ingen ansökan beviljas"}};
    double v[3] = {st->expected, st->all_granted, st->none_granted};
    for (int i = 0; i < 3; i++) {
        pv_buf_printf(b, "<tr><th scope=\"row\">%s</th><td class=\"num\">",
                      pv_tr(sv, L[i][0], L[i][1]));
        pv_html_num(b, v[i], 2, sv);
        pv_buf_puts(b, "</td></tr>\n");
    }
    pv_buf_puts(b, "</tbody>\n</table>\n<table class=\"cofinancing-use\">\n<thead><tr><th></th>");
    pv_buf_printf(b,
                  "<th>10 %%</th><th>50 %%</th><th>90 %%</th><th>%s</th><th>%s</th><th>%s</th>"
                  "</tr></thead>\n<tbody>\n",
                  pv_tr(sv, "Limit", "Gräns"), pv_tr(sv, "Overrun", "Överskrids"),
                  pv_tr(sv, "Expected unused", "Förväntat outnyttjat"));
    for (size_t k = 0; k <= c->nres; k++) {
        pv_buf_puts(b, "<tr><th scope=\"row\">");
        if (k == 0)
            pv_buf_puts(b, pv_tr(sv, "Score", "Poäng"));
        else
            pv_html_res_name(b, c, k - 1, sv);
        pv_buf_puts(b, "</th>");
        for (int i = 0; i < 3; i++) {
            pv_buf_puts(b, "<td class=\"num\">");
            pv_html_num(b, st->q[3 * k + (size_t)i], k ? 0 : 2, sv);
            pv_buf_puts(b, "</td>");
        }
        if (k == 0)
            pv_buf_puts(b, "<td></td><td></td><td></td></tr>\n");
        else {
            pv_buf_puts(b, "<td class=\"num\">");
            pv_html_num(b, c->res[k - 1].limit, 0, sv);
            pv_buf_puts(b, "</td><td class=\"num\">");
            pv_html_pct(b, st->overrun[k - 1], 1, sv);
            pv_buf_puts(b, "</td><td class=\"num\">");
            pv_html_num(b, st->unused[k - 1], 0, sv);
            pv_buf_puts(b, "</td></tr>\n");
        }
    }
    pv_buf_puts(b, "</tbody>\n</table>\n");
    if (c->cofin->commit == PV_COMMIT_CHANCE) {
        pv_buf_printf(b, "<p class=\"%s\">%s ", st->alpha_met ? "ok" : "warning",
                      pv_tr(sv, "Probability that any limit is overrun:",
                            "Sannolikhet att någon gräns överskrids:"));
        pv_html_pct(b, st->overrun_any, 1, sv);
        pv_buf_printf(b, " (%s ", pv_tr(sv, "at most", "högst"));
        pv_html_pct(b, c->cofin->alpha, 1, sv);
        pv_buf_printf(b, " %s).</p>\n",
                      st->alpha_met ? pv_tr(sv, "allowed: met", "tillåtet: uppfyllt")
                                    : pv_tr(sv, "allowed: NOT met", "tillåtet: INTE uppfyllt"));
    }
    pv_buf_printf(b,
                  "<table class=\"cofinancing-projects\">\n<thead><tr><th>%s</th><th>%s</th>"
                  "<th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                  pv_tr(sv, "Application", "Ansökan"), pv_tr(sv, "Selected", "Vald"),
                  pv_tr(sv, "Award probability", "Sannolikhet att beviljas"),
                  pv_tr(sv, "Expected score contribution", "Förväntat poängbidrag"));
    /* the selected applications first, then the eligible ones left out */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < r->n; i++) {
            size_t j = r->order[i];
            if (!c->cofin->contingent[j] || (pass == 0) != (s->x[j] != 0) ||
                (pass && !r->p[j].eligible))
                continue;
            pv_buf_printf(b, "<tr class=\"%s\"><td>", pass ? "out" : "in");
            pv_html_name_id(b, pv_project_name(c, j), pv_project_id(c, j));
            pv_buf_printf(b, "</td><td>%s</td><td class=\"num\">",
                          pv_yes_no(!pass, sv));
            pv_html_pct(b, c->cofin->prob[j], 1, sv);
            pv_buf_puts(b, "</td><td class=\"num\">");
            pv_html_num(b, c->cofin->prob[j] * pv_obj_coef(c, r, j), 2, sv);
            pv_buf_puts(b, "</td></tr>\n");
        }
    pv_buf_puts(b, "</tbody>\n</table>\n");
    pv_html_section_end(b);
}
