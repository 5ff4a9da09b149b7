/* select_html.c — the portfolio report as a decision basis, as an HTML page. */
#include "followup.h"
#include "report.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

/* Projects by index, escaped, comma-separated. */
static void id_list(pv_buf *b, const pv_case *c, const size_t *idx, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        pv_buf_puts(b, k ? ", " : "");
        pv_html_name_id(b, pv_project_name(c, idx[k]), pv_project_id(c, idx[k]));
    }
}

/* A constraint in words, escaped. */
static void cons_text(pv_buf *b, const pv_case *c, const pv_constraint *q, int sv)
{
    switch (q->type) {
    case PV_C_COUNT: pv_buf_puts(b, pv_tr(sv, "Number of projects", "Antal projekt")); break;
    case PV_C_SHARE:
        pv_buf_puts(b, pv_tr(sv, "Share of ", "Andel av "));
        pv_html_esc(b, pv_res_name(c, (size_t)q->resource, sv));
        break;
    case PV_C_REQUIRES:
        pv_html_name_id(b, pv_project_name(c, q->project), pv_project_id(c, q->project));
        pv_buf_puts(b, pv_tr(sv, " requires ", " kräver "));
        id_list(b, c, q->projects, q->nprojects);
        break;
    case PV_C_EXCLUSIVE:
        pv_buf_puts(b, pv_tr(sv, "Projects of the set ", "Projekt bland "));
        id_list(b, c, q->projects, q->nprojects);
        break;
    case PV_C_FORCE:
        pv_buf_puts(b, pv_tr(sv, "Decided", "Beslutat"));
        if (q->nprojects) {
            pv_buf_puts(b, pv_tr(sv, " included: ", " med: "));
            id_list(b, c, q->projects, q->nprojects);
        }
        if (q->nout) {
            pv_buf_puts(b, pv_tr(sv, " left out: ", " inte med: "));
            id_list(b, c, q->out, q->nout);
        }
        break;
    case PV_C_MAX_PARTNERS:
    case PV_C_MIN_PARTNERS:
        pv_buf_puts(b, pv_tr(sv, "Number of engaged partners", "Antal engagerade partner"));
        break;
    }
    if (q->column) {
        pv_buf_puts(b, pv_tr(sv, " where ", " där "));
        pv_buf_puts(b, "<code>");
        pv_html_esc(b, q->column);
        pv_buf_puts(b, "</code> = ");
        pv_html_esc(b, q->value ? pv_case_value_label(c, q->column, q->value, sv) : "");
    }
    pv_cons_bounds(b, q, sv, pv_html_num);
}

/* "LK01 ”Name”, LK02 ”Name” och LK03 ”Name”" for the projects with want(j). */
static void named_list(pv_buf *b, const pv_case *c, const pv_ranking *r, const unsigned char *x,
                       int sel, size_t n, int sv)
{
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        if ((x[j] != 0) != sel || (!sel && !r->p[j].eligible))
            continue;
        pv_buf_puts(b, !k ? "" : k + 1 == n ? pv_tr(sv, " and ", " och ") : ", ");
        pv_buf_puts(b, "<strong>");
        pv_html_esc(b, pv_project_name(c, j));
        pv_buf_puts(b, "</strong> <small class=\"id\">");
        pv_html_esc(b, pv_project_id(c, j));
        pv_buf_puts(b, "</small>");
        k++;
    }
}

/* Amounts of every resource in prose ("695 000 kr och 2 030 h"), escaped. */
static void amounts(pv_buf *b, const pv_case *c, const double *x, int sv)
{
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, !k ? "" : k + 1 == c->nres ? pv_tr(sv, " and ", " och ") : ", ");
        pv_html_amount(b, c, k, x[k], sv);
    }
}

/* What stopped the portfolio: limits and constraints that bind. */
static void stoppers(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                     int sv)
{
    size_t nb = 0;
    for (size_t k = 0; k < c->nres; k++)
        if (pv_res_binding(c, r, s, k)) {
            pv_buf_puts(b, nb++ ? ", " : pv_tr(sv, " Limits that stopped it: ", " Gränser som "
                                                   "satte stopp: "));
            pv_html_esc(b, pv_res_name(c, k, sv));
            pv_buf_puts(b, " (");
            pv_html_amount(b, c, k, s->res_used[k], sv);
            pv_buf_printf(b, " %s ", pv_tr(sv, "of", "av"));
            pv_html_amount(b, c, k, c->res[k].limit, sv);
            pv_buf_puts(b, ")");
        }
    for (size_t i = 0; i < c->ncons; i++)
        if (s->cons_binding[i]) {
            pv_buf_puts(b, nb++ ? ", " : pv_tr(sv, " Limits that stopped it: ", " Gränser som "
                                                   "satte stopp: "));
            pv_buf_puts(b, "”");
            pv_html_esc(b, pv_cons_name(&c->cons[i], sv));
            pv_buf_puts(b, "”");
        }
    pv_buf_puts(b, nb ? "." : pv_tr(sv, " No limit was binding.", " Ingen gräns var bindande."));
}

/* The decision in three to five sentences: what is proposed, what it costs,
 * what it leaves out and why. */
static void summary(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                    char *const *why, int sv)
{
    size_t nexcl = 0, nsel = 0, nout = 0;
    long first_out = -1;
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        nexcl += !r->p[j].eligible;
        nsel += s->x[j] != 0;
        if (r->p[j].eligible && !s->x[j] && !nout++)
            first_out = (long)i;
    }
    /* Three to five sentences (issue 13): what is proposed and what was
     * maximised (issue 12: the first paragraph says it), what it costs,
     * what is left out and why, what stopped more. */
    pv_buf_puts(b, "<p class=\"summary\" id=\"summary\">");
    if (!pv_status_has_portfolio(s->status)) {
        pv_buf_printf(b, sv ? "Det fanns %zu förslag. " : "There were %zu proposals. ", r->n);
        pv_buf_puts(b, pv_tr(sv,
                             "No portfolio satisfies every limit and constraint; the diagnosis "
                             "below names the ones in conflict.",
                             "Ingen portfölj uppfyller alla ramar och villkor; diagnosen nedan "
                             "visar vilka som står i konflikt."));
        pv_buf_puts(b, "</p>\n");
        return;
    }
    pv_buf_printf(b,
                  sv ? "Förslaget är att genomföra %zu projekt, valda så att "
                     : "The proposal is to carry out %zu projects, chosen to make ",
                  nsel);
    pv_objective_put(b, c, sv, pv_html_esc);
    pv_buf_puts(b, pv_tr(sv, " as large as possible: ", " blir så stor som möjligt: "));
    named_list(b, c, r, s->x, 1, nsel, sv);
    pv_buf_puts(b, ". ");
    if (c->nres) {
        pv_buf_puts(b, pv_tr(sv, "Together they cost ", "Tillsammans kostar de "));
        amounts(b, c, s->res_used, sv);
        int over = c->cofin && pv_over_limits(c, s);
        if (over)
            pv_buf_puts(b, pv_tr(sv,
                                 " with partner fees if every application is granted, "
                                 "against limits of ",
                                 " med partneravgifter om alla ansökningar beviljas, mot "
                                 "ramarna "));
        else
            pv_buf_puts(b, pv_tr(sv, " with partner fees, within limits of ",
                                 " med partneravgifter, inom ramarna "));
        double lim[64];
        for (size_t k = 0; k < c->nres && k < 64; k++)
            lim[k] = c->res[k].limit;
        if (c->nres <= 64)
            amounts(b, c, lim, sv);
        pv_buf_puts(b, pv_tr(sv, ", and score ", ", och ger "));
    } else
        pv_buf_puts(b, pv_tr(sv, "They score ", "De ger "));
    double tot = 0;
    for (size_t j = 0; j < r->n; j++)
        tot += s->x[j] ? r->p[j].score : 0;
    pv_html_num(b, c->obj_column || c->cofin ? tot : s->objective, 2, sv);
    pv_buf_puts(b, pv_tr(sv, " points", " poäng"));
    if (c->obj_column || c->cofin) {
        pv_buf_puts(b, c->cofin ? pv_tr(sv, " and an expected objective of ",
                                        " och det förväntade målvärdet ")
                                : pv_tr(sv, " and an objective of ", " och målvärdet "));
        pv_html_num(b, s->objective, 2, sv);
        if (c->obj_column) {
            pv_buf_printf(b, " (%s × ", pv_tr(sv, "points", "poäng"));
            pv_html_esc(b, c->obj_column);
            pv_buf_putc(b, ')');
        }
    }
    if (s->status == PV_STATUS_FEASIBLE)
        pv_buf_puts(b, pv_tr(sv, " (not proven optimal)", " (ej bevisat optimal)"));
    if (c->has_min_score) {
        pv_buf_printf(b,
                      sv ? ". Av %zu förslag är %zu inte valbara (uteslutna enligt policyn "
                           "eller under kvalitetsgränsen "
                         : ". Of %zu proposals, %zu are not eligible (excluded by the policy "
                           "or below the quality threshold of ",
                      r->n, nexcl);
        pv_html_num(b, c->min_score, 2, sv);
        pv_buf_printf(b,
                      sv ? " poäng) och %zu valbara kommer inte med"
                         : " points) and %zu eligible ones are left out",
                      nout);
    } else
        pv_buf_printf(b,
                      sv ? ". Av %zu förslag uteslöts %zu enligt policyn och %zu valbara "
                           "kommer inte med"
                         : ". Of %zu proposals, %zu were excluded by the policy and %zu "
                           "eligible ones are left out",
                      r->n, nexcl, nout);
    if (first_out >= 0 && why && why[first_out] && why[first_out][0]) {
        size_t j = r->order[first_out];
        pv_buf_puts(
            b, pv_tr(sv, "; the highest ranked of them is ", "; det högst rankade av dem är "));
        pv_buf_puts(b, "<strong>");
        pv_html_esc(b, pv_project_name(c, j));
        pv_buf_puts(b, "</strong> <small class=\"id\">");
        pv_html_esc(b, pv_project_id(c, j));
        pv_buf_printf(b, "</small> (%s %zu), ", pv_tr(sv, "rank", "rang"), r->rank[j]);
        /* the reason is a sentence of its own elsewhere: here it goes on */
        const char *w = why[first_out];
        if ((unsigned char)w[0] < 0x80) {
            char first[2] = {(char)tolower((unsigned char)w[0]), 0};
            pv_html_esc(b, first);
            w++;
        }
        pv_html_esc(b, w);
    } else
        pv_buf_putc(b, '.');
    if (c->cofin && pv_over_limits(c, s)) {
        pv_buf_putc(b, ' ');
        pv_html_esc(b, pv_cofin_over_text(sv));
    }
    stoppers(b, c, r, s, sv);
    pv_buf_puts(b, "</p>\n");
}

/* The short table of the decision: the chosen projects with their cost. */
static void decision_table(pv_buf *b, const pv_case *c, const pv_ranking *r,
                           const pv_selection *s, int sv)
{
    pv_buf_printf(b, "<table id=\"decision-table\"><thead><tr><th class=\"num\">%s</th>"
                     "<th>%s</th><th class=\"num\">%s</th>",
                  pv_tr(sv, "Rank", "Rang"), pv_tr(sv, "Selected project", "Valt projekt"),
                  pv_tr(sv, "Score", "Poäng"));
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, "<th class=\"num\">");
        pv_html_esc(b, pv_res_name(c, k, sv));
        pv_buf_puts(b, "</th>");
    }
    pv_buf_puts(b, "</tr></thead><tbody>\n");
    double fee[64] = {0};
    for (size_t k = 0; k < c->nres && k < 64; k++)
        fee[k] = s->res_used[k];
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        if (!s->x[j])
            continue;
        pv_buf_printf(b, "<tr class=\"decision-row\"><td class=\"num\">%zu</td><td>",
                      r->rank[j]);
        pv_html_name_id(b, pv_project_name(c, j), pv_project_id(c, j));
        for (size_t k = 0; k < r->p[j].nflags; k++) { /* the model's flags, next to it */
            pv_buf_puts(b, k ? "; " : "<br><small class=\"flag\">");
            if (!k)
                pv_buf_puts(b, pv_tr(sv, "flag: ", "villkor: "));
            pv_html_esc(b, pv_rule_name(&c->model->rules[r->p[j].flags[k]], sv));
            if (k + 1 == r->p[j].nflags)
                pv_buf_puts(b, "</small>");
        }
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_num(b, r->p[j].score, 2, sv);
        pv_buf_puts(b, "</td>");
        for (size_t k = 0; k < c->nres; k++) {
            pv_buf_puts(b, "<td class=\"num\">");
            pv_html_amount(b, c, k, pv_proj_use(c, j, k), sv);
            pv_buf_puts(b, "</td>");
            if (k < 64)
                fee[k] -= pv_proj_use(c, j, k);
        }
        pv_buf_puts(b, "</tr>\n");
    }
    for (int tot = 0; tot < 2 && c->nres <= 64; tot++) {
        pv_buf_printf(b, "<tr class=\"%s\"><td></td><td>%s</td><td class=\"num\">", tot ? "total" : "fees",
                      tot ? pv_tr(sv, "Total", "Summa")
                          : pv_tr(sv, "Partner fees", "Partneravgifter"));
        if (tot) { /* the column's own sum: the objective may be weighted or expected */
            double sum = 0;
            for (size_t j = 0; j < r->n; j++)
                sum += s->x[j] ? r->p[j].score : 0;
            pv_html_num(b, sum, 2, sv);
        }
        pv_buf_puts(b, "</td>");
        for (size_t k = 0; k < c->nres; k++) {
            pv_buf_puts(b, "<td class=\"num\">");
            double x = tot ? s->res_used[k] : fee[k];
            pv_html_amount(b, c, k, fabs(x) < 1e-6 ? 0 : x, sv);
            pv_buf_puts(b, "</td>");
        }
        pv_buf_puts(b, "</tr>\n");
    }
    pv_buf_puts(b, "</tbody></table>\n");
}

/* The constraints that hold with equality at the optimum. */
static void binding_table(pv_buf *b, const pv_case *c, const pv_selection *s, int sv)
{
    pv_buf_printf(b, "<h3>%s</h3>\n", pv_tr(sv, "Binding constraints", "Bindande villkor"));
    size_t nb = 0;
    for (size_t i = 0; i < c->ncons; i++)
        nb += s->cons_binding[i] != 0;
    if (!nb)
        pv_buf_printf(b, "<p id=\"binding\">%s</p>\n",
                      pv_tr(sv, "No constraint is binding.", "Inget villkor är bindande."));
    else {
        pv_buf_printf(b, "<table id=\"binding\"><thead><tr><th>%s</th><th>%s</th>"
                         "<th class=\"num\">%s</th></tr></thead><tbody>\n",
                      pv_tr(sv, "Constraint", "Villkor"), pv_tr(sv, "Meaning", "Innebörd"),
                      pv_tr(sv, "Now", "Nu"));
        for (size_t i = 0; i < c->ncons; i++) {
            if (!s->cons_binding[i])
                continue;
            const pv_constraint *q = &c->cons[i];
            pv_buf_puts(b, "<tr class=\"binding-row\"><td>");
            pv_html_esc(b, pv_cons_name(q, sv));
            pv_buf_puts(b, " <small class=\"id\"><code>");
            pv_html_esc(b, q->id);
            pv_buf_puts(b, "</code></small></td><td>");
            cons_text(b, c, q, sv);
            pv_buf_puts(b, "</td><td class=\"num\">");
            if (q->type != PV_C_FORCE && q->type != PV_C_REQUIRES)
                pv_html_num(b, s->cons_act[i], q->type == PV_C_SHARE ? 2 : 0, sv);
            pv_buf_puts(b, "</td></tr>\n");
        }
        pv_buf_puts(b, "</tbody></table>\n");
    }
}

/* Engaged partners by country, in the order of the countries table. */
static void partner_cards(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                          int sv)
{
    pv_buf_printf(b, "<h3>%s</h3>\n<div class=\"cards\" id=\"partners\">\n",
                  pv_tr(sv, "Engaged partners by country", "Engagerade partner per land"));
    size_t nctry = c->countries ? c->countries->nrows : 0, ne = 0;
    for (size_t g = 0; g <= nctry; g++) {
        long want = g < nctry ? (long)g : -1;
        int open = 0;
        for (size_t p = 0; p < s->npart; p++) {
            if (!s->y[p] || (c->partner_country ? c->partner_country[p] : -1) != want)
                continue;
            if (!open) {
                pv_buf_puts(b, "<div class=\"card country\"><h3>");
                if (want < 0)
                    pv_buf_puts(b, pv_tr(sv, "No single country (networks)",
                                         "Inget enskilt land (nätverk)"));
                else
                    pv_html_country(b, c, want, sv);
                pv_buf_puts(b, "</h3><ul>");
                open = 1;
            }
            ne++;
            pv_buf_puts(b, "<li class=\"partner\">");
            pv_html_esc(b, pv_partner_name(c, p));
            if (c->partner_active[p])
                pv_buf_printf(b, " <span class=\"small\">(%s)</span>",
                              pv_tr(sv, "existing agreement", "befintligt avtal"));
            pv_buf_puts(b, "<div class=\"small\">");
            int first = 1;
            for (size_t j = 0; j < r->n; j++) {
                if (!s->x[j])
                    continue;
                for (size_t k = 0; k < c->proj_npartners[j]; k++)
                    if (c->proj_partners[j][k] == p) {
                        pv_buf_puts(b, first ? "" : ", ");
                        pv_html_esc(b, pv_project_id(c, j));
                        first = 0;
                        break;
                    }
            }
            pv_buf_puts(b, "</div></li>");
        }
        if (open)
            pv_buf_puts(b, "</ul></div>\n");
    }
    if (!ne)
        pv_buf_printf(b, "<p>%s</p>\n", pv_tr(sv, "No partner is engaged.", "Ingen partner engageras."));
    pv_buf_puts(b, "</div>\n");
}

/* Every own agreement with its review action and reasons. */
static void review_list(pv_buf *b, const pv_case *c, const pv_selection *s, int sv)
{
    pv_buf_printf(b, "<h3>%s</h3>\n", pv_tr(sv, "Review of existing agreements",
                                            "Översyn av befintliga avtal"));
    size_t nr = 0;
    for (size_t p = 0; p < s->npart; p++)
        nr += pv_review_listed(c, s, p) != PV_REV_NONE;
    if (pv_html_list_open(b, "review", nr,
                          pv_tr(sv, "The case has no existing agreements of its own.",
                                "Fallet har inga egna befintliga avtal."))) {
        for (size_t p = 0; p < s->npart; p++) {
            pv_review_action a = pv_review_listed(c, s, p);
            if (a == PV_REV_NONE)
                continue;
            pv_buf_printf(b, "<li class=\"review %s\"><span class=\"%sname\">",
                          pv_review_key(a), a == PV_REV_KEEP ? "" : "flag ");
            pv_html_esc(b, pv_partner_name(c, p));
            pv_buf_puts(b, "</span>");
            long crow = c->partner_country ? c->partner_country[p] : -1;
            if (crow >= 0) {
                pv_buf_puts(b, " (");
                pv_html_country(b, c, crow, sv);
                pv_buf_puts(b, ")");
            }
            pv_buf_puts(b, ": <strong>");
            pv_html_esc(b, pv_review_word(a, sv));
            pv_buf_puts(b, "</strong> — ");
            pv_buf t;
            pv_buf_init(&t);
            pv_review_reasons(&t, c, s, p, sv);
            pv_html_esc(b, t.data ? t.data : "");
            pv_buf_free(&t);
            pv_buf_init(&t);
            if (pv_fu_select_text(&t, c, p, sv)) {
                pv_buf_puts(b, "<br><span class=\"followup small\">");
                pv_html_esc(b, t.data ? t.data : "");
                pv_buf_puts(b, "</span>");
            }
            pv_buf_free(&t);
            pv_buf_puts(b, "</li>\n");
        }
        pv_buf_puts(b, "</ul>\n");
    }
}

static void portfolio(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                      int sv)
{
    pv_html_section(b, "portfolio", 0, "Limits and partners", "Ramar och partner", sv);
    pv_buf_printf(b, "<h3>%s</h3>\n<div class=\"resources\" id=\"resources\">\n",
                  pv_tr(sv, "Resources used against the limits", "Resurser mot ramarna"));
    for (size_t k = 0; k < c->nres; k++)
        pv_html_resource_row(b, c, k, s->res_used[k], c->res[k].limit, sv);
    pv_buf_puts(b, "</div>\n");
    binding_table(b, c, s, sv);
    partner_cards(b, c, r, s, sv);
    review_list(b, c, s, sv);
    pv_html_section_end(b);
}

static void diagnosis(pv_buf *b, const pv_case *c, const pv_selection *s, int sv)
{
    pv_html_section(b, "diagnosis", 0, pv_why_infeasible_heading(0),
                    pv_why_infeasible_heading(1), sv);
    if (s->message && s->message[0]) {
        pv_buf_puts(b, "<p>");
        pv_html_esc(b, s->message);
        pv_buf_puts(b, "</p>\n");
    }
    if (s->diagnosed && s->nconflict) {
        pv_buf_printf(b, "<p>%s</p>\n<ul>\n",
                      pv_tr(sv, "These limits and constraints cannot all hold together (dropping "
                                "any one of them removes the conflict):",
                            "Dessa ramar och villkor kan inte gälla samtidigt (tas något av dem "
                            "bort försvinner konflikten):"));
        for (size_t i = 0; i < s->nconflict; i++) {
            size_t g = s->conflict[i];
            pv_buf_puts(b, "<li class=\"conflict\">");
            if (g < c->nres) {
                pv_html_res_name(b, c, g, sv);
                pv_buf_printf(b, ": %s ", pv_tr(sv, "limit", "ram"));
                pv_html_amount(b, c, g, c->res[g].limit, sv);
            } else if (g < c->nres + c->ncons) {
                pv_html_esc(b, pv_cons_name(&c->cons[g - c->nres], sv));
                pv_buf_puts(b, " <small class=\"id\"><code>");
                pv_html_esc(b, c->cons[g - c->nres].id);
                pv_buf_puts(b, "</code></small>: ");
                cons_text(b, c, &c->cons[g - c->nres], sv);
            } else
                pv_buf_puts(b, pv_tr(sv, "every existing agreement is kept (keep_existing)",
                                     "alla befintliga avtal behålls (keep_existing)"));
            pv_buf_puts(b, "</li>\n");
        }
        pv_buf_puts(b, "</ul>\n");
        if (s->raise_helps) {
            pv_buf_printf(b, "<p>%s</p>\n<ul>\n",
                          pv_tr(sv, "Raising the resource limits by this much would make it "
                                    "feasible:",
                                "Så mycket skulle resursramarna behöva höjas:"));
            for (size_t k = 0; k < c->nres; k++) {
                if (!(s->res_raise[k] > 0))
                    continue;
                pv_buf_puts(b, "<li>");
                pv_html_res_name(b, c, k, sv);
                pv_buf_puts(b, ": +");
                pv_html_amount(b, c, k, s->res_raise[k], sv);
                pv_buf_puts(b, "</li>\n");
            }
            pv_buf_puts(b, "</ul>\n");
            if (c->nres > 1) {
                pv_buf_printf(b, "<p>%s</p>\n<ul id=\"raise-alone\">\n",
                              pv_tr(sv, "Or one limit alone, the others as they are:",
                                    "Eller en ram ensam, med de andra som de är:"));
                for (size_t k = 0; k < c->nres; k++) {
                    pv_buf_puts(b, "<li>");
                    pv_html_res_name(b, c, k, sv);
                    pv_buf_puts(b, ": ");
                    if (isnan(s->res_raise_alone[k]))
                        pv_buf_puts(b, pv_tr(sv, "raising it alone does not help",
                                             "att bara höja den räcker inte"));
                    else {
                        pv_buf_putc(b, '+');
                        pv_html_amount(b, c, k, s->res_raise_alone[k], sv);
                    }
                    pv_buf_puts(b, "</li>\n");
                }
                pv_buf_puts(b, "</ul>\n");
            }
        } else
            pv_buf_printf(b, "<p>%s</p>\n", pv_tr(sv, "Raising the resource limits alone does "
                                                      "not help.",
                                                  "Att höja resursramarna räcker inte."));
    }
    pv_html_section_end(b);
}

char *pv_html_select(const pv_case *c, const pv_ranking *r, const pv_selection *s, int sv,
                     size_t *len, pv_error *err)
{
    char **why = pv_calloc(r->n + 1, sizeof *why);
    if (!why) {
        pv_err_nomem(err);
        return NULL;
    }
    int oom = 0;
    for (size_t i = 0; i < r->n && !oom; i++)
        oom = !(why[i] = pv_why_text(c, r, s, r->order[i], sv, 1, 0));
    pv_buf b;
    pv_buf_init(&b);
    char *out = NULL;
    if (oom)
        pv_err_nomem(err);
    else if (!pv_html_begin(&b, c, sv, "Decision basis: portfolio of international projects",
                            "Beslutsunderlag: portfölj av internationella projekt", "select",
                            err)) {
        pv_html_section(&b, "decision", 0, "Proposed decision", "Förslag till beslut", sv);
        summary(&b, c, r, s, why, sv);
        if (pv_status_has_portfolio(s->status) && c->nres <= 64)
            decision_table(&b, c, r, s, sv);
        pv_html_section_end(&b);
        if (pv_status_has_portfolio(s->status)) {
            portfolio(&b, c, r, s, sv);
            pv_cofin_html(&b, c, r, s, sv);
        } else
            diagnosis(&b, c, s, sv);
        pv_html_section(&b, "ranking", 1, "All proposals, ranked", "Alla förslag i rangordning",
                        sv);
        pv_html_rank_table(&b, c, r, s, why, sv);
        pv_html_section_end(&b);
        pv_html_policy_sections(&b, c, r, sv);
        pv_html_model_section(&b, c, sv);
        if (!pv_html_end(&b, c, sv, err))
            out = pv_buf_finish(&b, len, err);
    }
    if (!out)
        pv_buf_free(&b);
    for (size_t i = 0; i < r->n; i++)
        pv_free(why[i]);
    pv_free(why);
    return out;
}
