/* xlsx_report.c — rank, select and compare as Excel workbooks: a first sheet
 * that says the result in words with the input checksums, then one sheet per
 * table (Ranking, Portfölj, Resurser, Villkor, Avtal att se över, Modell),
 * headers in the report's language, numbers in cells with number formats,
 * frozen header rows and auto-filters. Written through xlsx_writer.c. */
#include "report.h"
#include "xlsx.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct xctx {
    const pv_case *c;
    const pv_ranking *r;
    const pv_selection *s; /* NULL for rank */
    const pv_comparison *cmp;
    int sv;
    pv_error *err;
} xctx;

/* The cell format of amounts of resource k, by its unit. */
pv_xf pv_xr_amount_fmt(const pv_case *c, size_t k)
{
    const char *u = pv_res_unit(c, k, 1);
    if (!strcmp(u, "kr") || !strcmp(u, "SEK"))
        return PV_XF_KR;
    if (!strcmp(u, "h") || !strcmp(u, "tim") || !strcmp(u, "timmar") || !strcmp(u, "hours"))
        return PV_XF_HOURS;
    return PV_XF_NUM;
}

/* "key: value" lines of the summary, from row *row on. */
void pv_xr_kv(pv_xw *w, size_t *row, const char *key, const char *value)
{
    pv_xw_str(w, *row, 0, key, PV_XF_BOLD);
    pv_xw_str(w, *row, 1, value, PV_XF_WRAP);
    pv_xw_tall(w, *row, value, 70);
    (*row)++;
}

/* The input files with their SHA-256 (as the HTML reports' header), a
 * table from row `row` on. */
int pv_xr_inputs(pv_xw *w, size_t row, const pv_case *c, int sv, pv_error *err)
{
    /* headed but not frozen: frozen this low on the summary, the rows above
     * (the decision among them) would fill the window and never scroll */
    pv_xw_str(w, row, 0, pv_tr(sv, "Input file", "Indatafil"), PV_XF_HEAD);
    pv_xw_str(w, row, 1, "SHA-256", PV_XF_HEAD);
    size_t n = pv_case_input_count(c);
    for (size_t i = 0; i < n; i++) {
        char hex[65];
        if (pv_sha256_file(pv_case_input_path(c, i), hex, err))
            return -1;
        pv_xw_str(w, row + 1 + i, 0, pv_case_input_path(c, i), PV_XF_TEXT);
        pv_xw_str(w, row + 1 + i, 1, hex, PV_XF_TEXT);
    }
    return 0;
}

/* Title, case, model, policy, date and program; returns the next free row. */
size_t pv_xr_head(pv_xw *w, const pv_case *c, int sv, const char *title)
{
    if (pv_xw_sheet(w, pv_tr(sv, "Summary", "Sammanfattning")))
        return 0;
    size_t row = 0;
    char date[11], ver[128];
    pv_xw_str(w, row, 0, title, PV_XF_TITLE);
    row += 2;
    pv_xr_kv(w, &row, pv_tr(sv, "Case", "Ärende"), c->name);
    pv_xr_kv(w, &row, pv_tr(sv, "Model", "Modell"), c->model->name);
    pv_xr_kv(w, &row, pv_tr(sv, "Policy", "Policy"), c->model->source);
    pv_xr_kv(w, &row, pv_tr(sv, "Date of the run", "Körningens datum"), pv_html_date(date));
    snprintf(ver, sizeof ver, "partnerval %s (GLPK %s)", PV_VERSION, pv_glpk_version());
    pv_xr_kv(w, &row, pv_tr(sv, "Program", "Program"), ver);
    return row;
}

/* One paragraph of words in column A, wrapped over the summary's width. */
int pv_xr_words(pv_xw *w, size_t row, const char *head, pv_buf *b, const pv_case *c, int sv,
                pv_error *err)
{
    pv_xw_str(w, row + 1, 0, head, PV_XF_BOLD);
    pv_xw_paragraph(w, row + 2, 1, b->data ? b->data : "", 100);
    pv_buf_free(b);
    return pv_xr_inputs(w, row + 4, c, sv, err);
}

/* ---------------------------------------------------------------- ranking */

static double top_points(const pv_case *c, const pv_proj_result *p, size_t t)
{
    double sum = 0;
    for (size_t i = 0; i < c->model->nleaves; i++)
        if (pv_html_top_of(c->model, c->model->leaves[i]) == t)
            sum += p->contrib[i];
    return sum;
}

static void rule_names(pv_buf *b, const pv_model *m, const size_t *ids, size_t n, int sv)
{
    for (size_t i = 0; i < n; i++)
        pv_buf_printf(b, "%s%s", i ? "; " : "", pv_rule_name(&m->rules[ids[i]], sv));
}

static int ranking_sheet(pv_xw *w, const xctx *x)
{
    const pv_case *c = x->c;
    const pv_ranking *r = x->r;
    const pv_selection *s = x->s;
    int sv = x->sv;
    const char *fixed[] = {pv_tr(sv, "Rank", "Placering"), "Id", pv_tr(sv, "Name", "Namn"),
                           pv_tr(sv, "Score", "Poäng"), "Status",
                           pv_tr(sv, "Excluded by", "Utesluten av"), pv_tr(sv, "Flags", "Flaggor")};
    size_t nf = sizeof fixed / sizeof *fixed, col = nf;
    if (pv_xw_table(w, "Ranking", fixed, nf))
        return -1;
    if (s) {
        pv_xw_str(w, 0, col++, pv_tr(sv, "Selected", "Vald"), PV_XF_HEAD);
        pv_xw_str(w, 0, col++, pv_tr(sv, "Why", "Varför"), PV_XF_HEAD);
    }
    size_t first_top = col;
    for (size_t t = 0; t < c->model->ntop; t++)
        pv_xw_str(w, 0, col++, pv_crit_label(c->model->top[t], sv), PV_XF_HEAD);
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i], row = i + 1;
        const pv_proj_result *p = &r->p[j];
        pv_xw_num(w, row, 0, (double)r->rank[j], PV_XF_INT);
        pv_xw_str(w, row, 1, pv_project_id(c, j), PV_XF_TEXT);
        pv_xw_str(w, row, 2, pv_project_name(c, j), PV_XF_TEXT);
        pv_xw_num(w, row, 3, p->score, PV_XF_SCORE);
        pv_xw_str(w, row, 4, pv_eligible_word(p->eligible, sv), PV_XF_TEXT);
        pv_buf b;
        pv_buf_init(&b);
        rule_names(&b, c->model, p->excluded_by, p->nexcluded, sv);
        pv_xw_str(w, row, 5, b.data, PV_XF_TEXT);
        pv_buf_free(&b);
        rule_names(&b, c->model, p->flags, p->nflags, sv);
        pv_xw_str(w, row, 6, b.data, PV_XF_TEXT);
        pv_buf_free(&b);
        if (s) {
            pv_xw_str(w, row, nf, pv_yes_no(s->x[j], sv), PV_XF_TEXT);
            char *why = pv_why_text(c, r, s, j, sv, 1, 1);
            if (!why)
                return -1;
            pv_xw_str(w, row, nf + 1, why, PV_XF_WRAP);
            /* the row as tall as the wrapped reason (80 wide at most): a
             * long one overlapped the rows below when printed */
            pv_xw_tall(w, row, why, 78);
            pv_free(why);
        }
        for (size_t t = 0; t < c->model->ntop; t++)
            pv_xw_num(w, row, first_top + t, top_points(c, p, t), PV_XF_SCORE);
    }
    pv_xw_filter(w, 0, r->n, col);
    return 0;
}

/* ------------------------------------------------------------------ model */

static void crit_level(pv_buf *b, const pv_criterion *cr)
{
    if (cr->parent) {
        crit_level(b, cr->parent);
        pv_buf_puts(b, " › ");
    }
    pv_buf_puts(b, cr->id);
}

int pv_xr_model(pv_xw *w, const pv_case *c, int sv)
{
    const pv_model *m = c->model;
    const char *hdr[] = {pv_tr(sv, "Criterion", "Kriterium"), pv_tr(sv, "Name", "Namn"),
                         pv_tr(sv, "Local weight", "Lokal vikt"),
                         pv_tr(sv, "Global weight", "Global vikt"),
                         pv_tr(sv, "Column", "Kolumn"), pv_tr(sv, "Source", "Källa")};
    if (pv_xw_table(w, pv_tr(sv, "Model", "Modell"), hdr, 6))
        return -1;
    for (size_t i = 0; i < m->nall; i++) {
        const pv_criterion *cr = m->all[i];
        pv_buf b;
        pv_buf_init(&b);
        crit_level(&b, cr);
        pv_xw_str(w, i + 1, 0, b.data, PV_XF_TEXT);
        pv_buf_free(&b);
        pv_xw_str(w, i + 1, 1, pv_crit_label(cr, sv), PV_XF_TEXT);
        pv_xw_num(w, i + 1, 2, cr->local, PV_XF_PCT);
        pv_xw_num(w, i + 1, 3, cr->global, PV_XF_PCT);
        if (cr->is_leaf)
            pv_xw_str(w, i + 1, 4, cr->field.text, PV_XF_TEXT);
        pv_xw_str(w, i + 1, 5, cr->source, PV_XF_WRAP);
        pv_xw_tall(w, i + 1, cr->source, 78);
    }
    pv_xw_filter(w, 0, m->nall, 6);
    size_t row = m->nall + 2;
    pv_xw_str(w, row++, 0, pv_tr(sv, "Conditions of the policy", "Policyns villkor"), PV_XF_BOLD);
    const char *rh[] = {pv_tr(sv, "Rule", "Regel"), pv_tr(sv, "Action", "Åtgärd"),
                        pv_tr(sv, "Because", "Skäl"), pv_tr(sv, "Source", "Källa")};
    for (size_t k = 0; k < 4; k++)
        pv_xw_str(w, row, k, rh[k], PV_XF_HEAD);
    for (size_t i = 0; i < m->nrules; i++) {
        const pv_rule *ru = &m->rules[i];
        row++;
        pv_xw_str(w, row, 0, ru->id, PV_XF_TEXT);
        pv_xw_str(w, row, 1,
                  ru->action == PV_ACT_EXCLUDE ? pv_tr(sv, "excludes", "utesluter")
                                               : pv_tr(sv, "flags", "flaggar"),
                  PV_XF_TEXT);
        const char *because = pv_rule_because(ru, sv);
        pv_xw_str(w, row, 2, because, PV_XF_WRAP);
        pv_xw_str(w, row, 3, ru->source, PV_XF_WRAP);
        /* as tall as the longer of the two wrapped texts */
        pv_xw_tall(w, row, strlen(because) > strlen(ru->source) ? because : ru->source, 78);
    }
    return 0;
}

/* ------------------------------------------------------------------- rank */

static int rank_build(pv_xw *w, void *ctx)
{
    const xctx *x = ctx;
    const pv_case *c = x->c;
    const pv_ranking *r = x->r;
    int sv = x->sv;
    size_t row = pv_xr_head(w, c, sv, pv_tr(sv, "Ranking of the proposals",
                                            "Rangordning av förslagen"));
    if (!row)
        return -1;
    size_t nexcl = 0;
    for (size_t j = 0; j < r->n; j++)
        nexcl += !r->p[j].eligible;
    pv_buf b;
    pv_buf_init(&b);
    pv_buf_printf(&b, sv ? "Det fanns %zu förslag; %zu uteslöts enligt policyn och %zu var valbara."
                         : "There were %zu proposals; %zu were excluded by the policy and %zu "
                           "were eligible.",
                  r->n, nexcl, r->n - nexcl);
    for (size_t i = 0; i < r->n && i < 3 && r->p[r->order[i]].eligible; i++) {
        size_t j = r->order[i];
        pv_buf_puts(&b, i ? pv_tr(sv, " Then ", " Därefter ")
                          : pv_tr(sv, " Ranked first: ", " Högst rankat: "));
        pv_buf_puts(&b, pv_project_name(c, j));
        pv_buf_puts(&b, " (");
        pv_fmt_num(&b, r->p[j].score, 2, sv);
        pv_buf_puts(&b, pv_tr(sv, " points).", " poäng)."));
    }
    if (pv_xr_words(w, row, pv_tr(sv, "The ranking", "Rangordningen"), &b, c, sv, x->err))
        return -1;
    return ranking_sheet(w, x) || pv_xr_model(w, x->c, x->sv);
}

/* ----------------------------------------------------------------- select */

/* The decision in words (as the HTML report's summary, as plain text). */
static void decision_words(pv_buf *b, const xctx *x)
{
    const pv_case *c = x->c;
    const pv_ranking *r = x->r;
    const pv_selection *s = x->s;
    int sv = x->sv;
    size_t nexcl = 0, nsel = 0;
    for (size_t j = 0; j < r->n; j++) {
        nexcl += !r->p[j].eligible;
        nsel += s->x[j] != 0;
    }
    pv_buf_printf(b, sv ? "Det fanns %zu förslag. " : "There were %zu proposals. ", r->n);
    if (nexcl)
        pv_buf_printf(b, sv ? "%zu av dem uteslöts enligt policyn, så %zu var valbara. "
                            : "%zu of them were excluded by the policy, so %zu were eligible. ",
                      nexcl, r->n - nexcl);
    else
        pv_buf_puts(b, pv_tr(sv, "None was excluded by the policy. ",
                             "Inget uteslöts enligt policyn. "));
    if (!pv_status_has_portfolio(s->status)) {
        pv_buf_puts(b, pv_tr(sv, "No portfolio satisfies every limit and constraint",
                             "Ingen portfölj uppfyller alla ramar och villkor"));
        for (size_t i = 0; i < s->nconflict; i++)
            pv_buf_printf(b, "%s%s", i ? ", " : pv_tr(sv, "; in conflict: ", "; i konflikt: "),
                          pv_group_name(c, s->conflict[i], sv));
        pv_buf_puts(b, ".");
        return;
    }
    pv_buf_puts(b, pv_tr(sv, "The portfolio is chosen to make ", "Portföljen väljs så att "));
    pv_objective_text(b, c, sv);
    pv_buf_puts(b, pv_tr(sv, " as large as possible. ", " blir så stor som möjligt. "));
    int over = c->cofin && pv_over_limits(c, s);
    pv_buf_printf(b,
                  sv ? "Den bästa portföljen%s består av %zu projekt med sammanlagt "
                     : "The best portfolio%s has %zu projects with a total of ",
                  over ? "" : pv_tr(sv, " within the limits", " inom ramarna"), nsel);
    double tot = 0;
    for (size_t j = 0; j < r->n; j++)
        tot += s->x[j] ? r->p[j].score : 0;
    pv_fmt_num(b, tot, 2, sv);
    pv_buf_puts(b, pv_tr(sv, " points", " poäng"));
    if (c->obj_column || c->cofin) { /* the objective is then another figure than the total */
        pv_buf_puts(b, c->cofin ? pv_tr(sv, " and an expected objective of ",
                                        " och det förväntade målvärdet ")
                                : pv_tr(sv, " and an objective of ", " och målvärdet "));
        pv_fmt_num(b, s->objective, 2, sv);
    }
    if (s->status == PV_STATUS_FEASIBLE)
        pv_buf_puts(b, pv_tr(sv, " (not proven optimal)", " (ej bevisat optimal)"));
    pv_buf_puts(b, ": ");
    pv_names_text(b, c, s->x, r->n);
    pv_buf_puts(b, ".");
    if (over)
        pv_buf_printf(b, " %s", pv_cofin_over_text(sv));
    size_t nb = 0;
    for (size_t k = 0; k < c->nres; k++)
        if (pv_res_binding(c, r, s, k)) {
            pv_buf_puts(b, nb++ ? ", " : pv_tr(sv, " Limits that stopped it: ",
                                               " Gränser som satte stopp: "));
            pv_buf_puts(b, pv_res_name(c, k, sv));
        }
    if (nb)
        pv_buf_puts(b, ".");
    size_t nrev = 0;
    for (size_t p = 0; p < s->npart; p++)
        nrev += pv_review_listed(c, s, p) > PV_REV_KEEP;
    if (nrev)
        pv_buf_printf(b, sv ? " %zu av kommunens egna avtal bör ses över; se fliken Avtal att se "
                              "över."
                            : " %zu of the municipality's own agreements should be looked at; "
                              "see the sheet Agreements to review.",
                      nrev);
}

static int portfolio_sheet(pv_xw *w, const xctx *x)
{
    const pv_case *c = x->c;
    const pv_ranking *r = x->r;
    const pv_selection *s = x->s;
    int sv = x->sv;
    const char *hdr[] = {"Id", pv_tr(sv, "Name", "Namn"), pv_tr(sv, "Score", "Poäng"),
                         pv_tr(sv, "Partners", "Partner")};
    if (pv_xw_table(w, pv_tr(sv, "Portfolio", "Portfölj"), hdr, 4))
        return -1;
    for (size_t k = 0; k < c->nres; k++)
        pv_xw_str(w, 0, 4 + k, pv_res_name(c, k, sv), PV_XF_HEAD);
    size_t row = 0;
    double total = 0;
    for (size_t i = 0; pv_status_has_portfolio(s->status) && i < r->n; i++) {
        size_t j = r->order[i];
        if (!s->x[j])
            continue;
        row++;
        pv_xw_str(w, row, 0, pv_project_id(c, j), PV_XF_TEXT);
        pv_xw_str(w, row, 1, pv_project_name(c, j), PV_XF_TEXT);
        pv_xw_num(w, row, 2, r->p[j].score, PV_XF_SCORE);
        total += r->p[j].score;
        if (c->proj_partners_col >= 0)
            pv_xw_str(w, row, 3, pv_cell(c->projects, j, (size_t)c->proj_partners_col),
                      PV_XF_TEXT);
        for (size_t k = 0; k < c->nres; k++)
            pv_xw_num(w, row, 4 + k, c->res[k].a[j], pv_xr_amount_fmt(c, k));
    }
    pv_xw_filter(w, 0, row, 4 + c->nres);
    if (row) {
        pv_xw_str(w, row + 1, 1, pv_tr(sv, "Total", "Summa"), PV_XF_BOLD);
        pv_xw_num(w, row + 1, 2, total, PV_XF_SCORE);
    }
    return 0;
}

static int resources_sheet(pv_xw *w, const xctx *x)
{
    const pv_case *c = x->c;
    const pv_selection *s = x->s;
    int sv = x->sv;
    const char *hdr[] = {pv_tr(sv, "Resource", "Resurs"), "Id", pv_tr(sv, "Used", "Använt"),
                         pv_tr(sv, "Limit", "Ram"), pv_tr(sv, "Share used", "Andel använd"),
                         pv_tr(sv, "Left", "Kvar"), pv_tr(sv, "Stopped the selection",
                                                          "Satte stopp")};
    if (pv_xw_table(w, pv_tr(sv, "Resources", "Resurser"), hdr, 7))
        return -1;
    int has = pv_status_has_portfolio(s->status);
    for (size_t k = 0; k < c->nres; k++) {
        const pv_resource *q = &c->res[k];
        pv_xf f = pv_xr_amount_fmt(c, k);
        pv_xw_str(w, k + 1, 0, pv_res_name(c, k, sv), PV_XF_TEXT);
        pv_xw_str(w, k + 1, 1, q->id, PV_XF_TEXT);
        pv_xw_num(w, k + 1, 3, q->limit, f);
        if (!has)
            continue;
        pv_xw_num(w, k + 1, 2, s->res_used[k], f);
        if (q->limit > 0)
            pv_xw_num(w, k + 1, 4, s->res_used[k] / q->limit, PV_XF_PCT);
        pv_xw_num(w, k + 1, 5, q->limit - s->res_used[k], f);
        pv_xw_str(w, k + 1, 6, pv_yes_no(pv_res_binding(c, x->r, s, k), sv), PV_XF_TEXT);
    }
    pv_xw_filter(w, 0, c->nres, 7);
    return 0;
}

/* The case's constraints and, with a portfolio (s), their outcome. */
static int constraints_sheet(pv_xw *w, const pv_case *c, const pv_selection *s, int sv)
{
    const char *hdr[] = {"Id", pv_tr(sv, "Description", "Beskrivning"), pv_tr(sv, "Type", "Typ"),
                         pv_tr(sv, "Column", "Kolumn"), pv_tr(sv, "Value", "Värde"),
                         pv_tr(sv, "Outcome", "Utfall"), "Min", "Max",
                         pv_tr(sv, "Binding", "Bindande")};
    if (pv_xw_table(w, pv_tr(sv, "Constraints", "Villkor"), hdr, 9))
        return -1;
    int has = pv_status_has_portfolio(s->status);
    for (size_t i = 0; i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        pv_xf f = q->type == PV_C_SHARE ? PV_XF_PCT : PV_XF_NUM;
        pv_xw_str(w, i + 1, 0, q->id, PV_XF_TEXT);
        pv_xw_str(w, i + 1, 1, pv_cons_name(q, sv), PV_XF_WRAP);
        pv_xw_tall(w, i + 1, pv_cons_name(q, sv), 78);
        pv_xw_str(w, i + 1, 2, pv_ctype_word(q->type, sv), PV_XF_TEXT);
        pv_xw_str(w, i + 1, 3, q->column, PV_XF_TEXT);
        /* the code's name, as the other reports show it (ja, not yes) */
        pv_xw_str(w, i + 1, 4,
                  q->value && q->column ? pv_case_value_label(c, q->column, q->value, sv)
                                        : q->value,
                  PV_XF_TEXT);
        if (has)
            pv_xw_num(w, i + 1, 5, s->cons_act[i], f);
        if (q->has_min)
            pv_xw_num(w, i + 1, 6, q->min, f);
        if (q->has_max)
            pv_xw_num(w, i + 1, 7, q->max, f);
        if (has)
            pv_xw_str(w, i + 1, 8, pv_yes_no(s->cons_binding[i], sv), PV_XF_TEXT);
    }
    pv_xw_filter(w, 0, c->ncons, 9);
    return 0;
}

static int review_sheet(pv_xw *w, const xctx *x)
{
    const pv_case *c = x->c;
    const pv_selection *s = x->s;
    int sv = x->sv;
    const char *hdr[] = {"Id", pv_tr(sv, "Partner", "Partner"),
                         pv_tr(sv, "In the portfolio", "I portföljen"),
                         pv_tr(sv, "Active agreement", "Aktivt avtal"),
                         pv_tr(sv, "Action", "Åtgärd"), pv_tr(sv, "Reasons", "Skäl")};
    if (pv_xw_table(w, pv_tr(sv, "Agreements to review", "Avtal att se över"), hdr, 6))
        return -1;
    size_t row = 0;
    for (size_t p = 0; p < s->npart; p++) {
        pv_review_action a = pv_review_listed(c, s, p);
        if (a == PV_REV_NONE)
            continue;
        row++;
        pv_xw_str(w, row, 0, pv_partner_id(c, p), PV_XF_TEXT);
        pv_xw_str(w, row, 1, pv_partner_name(c, p), PV_XF_TEXT);
        pv_xw_str(w, row, 2, pv_yes_no(s->y[p], sv), PV_XF_TEXT);
        pv_xw_str(w, row, 3, pv_yes_no(c->partner_active[p], sv), PV_XF_TEXT);
        pv_xw_str(w, row, 4, pv_review_word(a, sv), PV_XF_TEXT);
        pv_buf b;
        pv_buf_init(&b);
        pv_review_reasons(&b, c, s, p, sv);
        pv_xw_wrapped(w, row, 5, b.data);
        pv_buf_free(&b);
    }
    pv_xw_filter(w, 0, row, 6);
    if (!row)
        pv_xw_str(w, 2, 0, pv_tr(sv, "The case has no own agreements to look at.",
                                 "Ärendet har inga egna avtal att se över."),
                  PV_XF_TEXT);
    return 0;
}

/* One figure of the co-financing sheet: what, the resource (or ""), the
 * value in format f, and the limit (NAN: none). */
static void cofin_row(pv_xw *w, size_t row, const char *what, const char *res, double v, pv_xf f,
                      double limit, pv_xf lf)
{
    pv_xw_str(w, row, 0, what, PV_XF_TEXT);
    pv_xw_str(w, row, 1, res, PV_XF_TEXT);
    pv_xw_num(w, row, 2, v, f);
    if (!isnan(limit))
        pv_xw_num(w, row, 3, limit, lf);
}

/* With "cofinancing": the portfolio's figures under uncertain awards (what
 * was maximised, the scores if all or none are granted, quantiles, the
 * chance of overrunning each limit, the expected unused), and a sheet of
 * the applications, as the other formats give them. */
static int cofin_sheets(pv_xw *w, const xctx *x)
{
    const pv_case *c = x->c;
    const pv_ranking *r = x->r;
    const pv_cofin_stats *st = x->s->cofin;
    int sv = x->sv;
    if (!c->cofin || !st)
        return 0;
    const char *hdr[] = {pv_tr(sv, "Figure", "Uppgift"), pv_tr(sv, "Resource", "Resurs"),
                         pv_tr(sv, "Value", "Värde"), pv_tr(sv, "Limit", "Gräns")};
    if (pv_xw_table(w, pv_tr(sv, "Co-financing", "Medfinansiering"), hdr, 4))
        return -1;
    size_t row = 1;
    cofin_row(
        w, row++,
        pv_tr(sv, "Expected score (what was maximised)", "Förväntad poäng (det som maximerades)"),
        "", st->expected, PV_XF_SCORE, NAN, PV_XF_NUM);
    cofin_row(
        w, row++,
        pv_tr(sv, "Score if all applications are granted", "Poäng om alla ansökningar beviljas"),
        "", st->all_granted, PV_XF_SCORE, NAN, PV_XF_NUM);
    cofin_row(w, row++,
              pv_tr(sv, "Score if no application is granted", "Poäng om ingen ansökan beviljas"),
              "", st->none_granted, PV_XF_SCORE, NAN, PV_XF_NUM);
    static const char *const QEN[] = {"Score, 10 % quantile", "Score, 50 % quantile",
                                      "Score, 90 % quantile"};
    static const char *const QSV[] = {"Poäng, kvantil 10 %", "Poäng, kvantil 50 %",
                                      "Poäng, kvantil 90 %"};
    for (int i = 0; i < 3; i++)
        cofin_row(w, row++, pv_tr(sv, QEN[i], QSV[i]), "", st->q[i], PV_XF_SCORE, NAN, PV_XF_NUM);
    static const char *const UEN[] = {"Use, 10 % quantile", "Use, 50 % quantile",
                                      "Use, 90 % quantile"};
    static const char *const USV[] = {"Användning, kvantil 10 %", "Användning, kvantil 50 %",
                                      "Användning, kvantil 90 %"};
    for (size_t k = 0; k < c->nres; k++) {
        pv_xf f = pv_xr_amount_fmt(c, k);
        const char *rn = pv_res_name(c, k, sv);
        for (int i = 0; i < 3; i++)
            cofin_row(w, row++, pv_tr(sv, UEN[i], USV[i]), rn, st->q[3 + 3 * k + (size_t)i], f,
                      c->res[k].limit, f);
        cofin_row(
            w, row++,
            pv_tr(sv, "Probability of overrunning the limit", "Sannolikhet att gränsen överskrids"),
            rn, st->overrun[k], PV_XF_PCT, c->res[k].limit, f);
        cofin_row(w, row++, pv_tr(sv, "Expected unused", "Förväntat outnyttjat"), rn, st->unused[k],
                  f, c->res[k].limit, f);
    }
    cofin_row(w, row,
              pv_tr(sv, "Probability that any limit is overrun",
                    "Sannolikhet att någon gräns överskrids"),
              "", st->overrun_any, PV_XF_PCT,
              c->cofin->commit == PV_COMMIT_CHANCE ? c->cofin->alpha : NAN, PV_XF_PCT);
    if (c->cofin->commit == PV_COMMIT_CHANCE)
        pv_xw_str(w, row, 4,
                  st->alpha_met ? pv_tr(sv, "allowed: met", "tillåtet: uppfyllt")
                                : pv_tr(sv, "allowed: NOT met", "tillåtet: INTE uppfyllt"),
                  PV_XF_TEXT);
    pv_xw_filter(w, 0, row, 4);
    const char *ahdr[] = {"Id",
                          pv_tr(sv, "Name", "Namn"),
                          pv_tr(sv, "Grant applied for", "Sökt bidrag"),
                          pv_tr(sv, "Award probability", "Sannolikhet att beviljas"),
                          pv_tr(sv, "Expected score contribution", "Förväntat poängbidrag"),
                          pv_tr(sv, "Selected", "Vald")};
    if (pv_xw_table(w, pv_tr(sv, "Applications", "Ansökningar"), ahdr, 6))
        return -1;
    row = 0;
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        if (!c->cofin->contingent[j])
            continue;
        row++;
        pv_xw_str(w, row, 0, pv_project_id(c, j), PV_XF_TEXT);
        pv_xw_str(w, row, 1, pv_project_name(c, j), PV_XF_TEXT);
        pv_xw_num(w, row, 2, c->cofin->grant[j], PV_XF_KR);
        pv_xw_num(w, row, 3, c->cofin->prob[j], PV_XF_PCT);
        pv_xw_num(w, row, 4, c->cofin->prob[j] * pv_obj_coef(c, r, j), PV_XF_SCORE);
        pv_xw_str(w, row, 5, pv_yes_no(x->s->x[j] != 0, sv), PV_XF_TEXT);
    }
    pv_xw_filter(w, 0, row, 6);
    return 0;
}

static int select_build(pv_xw *w, void *ctx)
{
    const xctx *x = ctx;
    const pv_case *c = x->c;
    int sv = x->sv;
    size_t row = pv_xr_head(w, c, sv, pv_tr(sv, "Decision basis: the portfolio",
                                            "Beslutsunderlag: portföljen"));
    if (!row)
        return -1;
    pv_xr_kv(w, &row, "Status", pv_status_word(x->s->status, sv));
    const pv_cofin_stats *st = x->s->cofin;
    if (pv_status_has_portfolio(x->s->status)) {
        /* with co-financing the objective is the expected score, and the
         * other sheets count every application as granted: both said */
        pv_xw_str(w, row, 0,
                  st && c->cofin ? pv_tr(sv, "Expected total score", "Förväntad totalpoäng")
                                 : pv_tr(sv, "Total score", "Totalpoäng"),
                  PV_XF_BOLD);
        pv_xw_num(w, row++, 1, x->s->objective, PV_XF_SCORE);
        if (st && c->cofin) {
            pv_xw_str(w, row, 0,
                      pv_tr(sv, "Total score if all applications are granted",
                            "Totalpoäng om alla ansökningar beviljas"),
                      PV_XF_BOLD);
            pv_xw_num(w, row++, 1, st->all_granted, PV_XF_SCORE);
            pv_xr_kv(w, &row, pv_tr(sv, "Co-financing", "Medfinansiering"),
                     pv_cofin_commit_text(c->cofin->commit, sv));
            pv_xr_kv(w, &row, "",
                     pv_tr(sv,
                           "The sheets Portfolio and Resources count every application as "
                           "granted; the sheet Co-financing gives the spread.",
                           "Flikarna Portfölj och Resurser räknar med att alla ansökningar "
                           "beviljas; fliken Medfinansiering visar spridningen."));
        }
    }
    pv_buf b;
    pv_buf_init(&b);
    decision_words(&b, x);
    if (pv_xr_words(w, row, pv_tr(sv, "The decision", "Beslutet"), &b, c, sv, x->err))
        return -1;
    return ranking_sheet(w, x) || portfolio_sheet(w, x) || resources_sheet(w, x) ||
           cofin_sheets(w, x) || constraints_sheet(w, x->c, x->s, x->sv) || review_sheet(w, x) ||
           pv_xr_model(w, x->c, x->sv);
}

/* ---------------------------------------------------------------- compare */

static int in_run(const pv_run *run, const char *id)
{
    long j = pv_case_project_index(run->c, id);
    return j >= 0 && run->s->x && run->s->x[j] && pv_status_has_portfolio(run->s->status);
}

static const char *run_title(const pv_comparison *cmp, size_t i, int sv)
{
    return i ? cmp->run[i].name : pv_tr(sv, "Base case", "Basfall");
}

static void changes(pv_buf *b, const pv_run *from, const pv_run *other)
{
    size_t n = 0;
    /* a run without a portfolio changes nothing a reader could choose (as
     * compare's text, Markdown and HTML) */
    if (!pv_status_has_portfolio(from->s->status) || !pv_status_has_portfolio(other->s->status))
        return;
    for (size_t j = 0; j < from->r->n; j++) {
        const char *id = pv_project_id(from->c, j);
        if (in_run(from, id) && !in_run(other, id))
            pv_buf_printf(b, "%s%s", n++ ? ", " : "", id);
    }
}

static int compare_build(pv_xw *w, void *ctx)
{
    const xctx *x = ctx;
    const pv_comparison *cmp = x->cmp;
    const pv_run *base = &cmp->run[0];
    int sv = x->sv;
    size_t row = pv_xr_head(w, base->c, sv, pv_tr(sv, "Scenarios side by side",
                                                  "Scenarier sida vid sida"));
    if (!row)
        return -1;
    pv_buf b;
    pv_buf_init(&b);
    pv_buf_printf(&b, sv ? "Basfallet och %zu scenarier löstes var för sig."
                         : "The base case and %zu scenarios were solved one by one.",
                  cmp->n - 1);
    if (pv_status_has_portfolio(base->s->status)) {
        pv_buf_puts(&b, pv_tr(sv, " The base portfolio reaches ", " Basportföljen når "));
        pv_fmt_num(&b, base->s->objective, 2, sv);
        pv_buf_puts(&b, pv_tr(sv, " points.", " poäng."));
    }
    if (pv_xr_words(w, row, pv_tr(sv, "The comparison", "Jämförelsen"), &b, base->c, sv, x->err))
        return -1;
    /* six fixed columns, then each resource's use and limit in the base's units */
    size_t nres = base->c->nres, ncol = 6 + 2 * nres;
    const char **hdr = pv_calloc(ncol, sizeof *hdr);
    pv_buf *rh = pv_calloc(2 * nres + 1, sizeof *rh);
    if (!hdr || !rh) {
        pv_free(hdr);
        pv_free(rh);
        pv_err_nomem(x->err);
        return -1;
    }
    const char *fixed[] = {"Scenario", "Status", pv_tr(sv, "Total score", "Totalpoäng"),
                           pv_tr(sv, "Projects", "Projekt"), pv_tr(sv, "Added", "Tillkommer"),
                           pv_tr(sv, "Removed", "Faller bort")};
    memcpy(hdr, fixed, sizeof fixed);
    int oom = 0;
    for (size_t k = 0; k < 2 * nres; k++) {
        pv_buf_init(&rh[k]);
        pv_buf_printf(&rh[k], "%s: %s", pv_res_name(base->c, k / 2, sv),
                      k % 2 ? pv_tr(sv, "limit", "ram") : pv_tr(sv, "used", "använt"));
        oom |= rh[k].oom;
        hdr[6 + k] = rh[k].data ? rh[k].data : "";
    }
    int bad = oom || pv_xw_table(w, pv_tr(sv, "Comparison", "Jämförelse"), hdr, ncol);
    for (size_t k = 0; k < 2 * nres; k++)
        pv_buf_free(&rh[k]);
    pv_free(rh);
    pv_free(hdr);
    if (bad) {
        if (oom)
            pv_err_nomem(x->err);
        return -1;
    }
    for (size_t i = 0; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        int has = pv_status_has_portfolio(run->s->status);
        size_t nsel = 0;
        for (size_t j = 0; has && j < run->r->n; j++)
            nsel += run->s->x[j] != 0;
        pv_xw_str(w, i + 1, 0, run_title(cmp, i, sv), PV_XF_TEXT);
        pv_xw_str(w, i + 1, 1, pv_status_word(run->s->status, sv), PV_XF_TEXT);
        if (has) {
            pv_xw_num(w, i + 1, 2, run->s->objective, PV_XF_SCORE);
            pv_xw_num(w, i + 1, 3, (double)nsel, PV_XF_INT);
        }
        /* by id: a scenario may add or drop resources */
        for (size_t k = 0; k < nres; k++) {
            long q = -1;
            for (size_t t = 0; t < run->c->nres && q < 0; t++)
                if (!strcmp(run->c->res[t].id, base->c->res[k].id))
                    q = (long)t;
            if (q < 0)
                continue;
            pv_xf f = pv_xr_amount_fmt(base->c, k);
            if (has)
                pv_xw_num(w, i + 1, 6 + 2 * k, run->s->res_used[q], f);
            pv_xw_num(w, i + 1, 7 + 2 * k, run->c->res[q].limit, f);
        }
        if (i) {
            pv_buf_init(&b);
            changes(&b, run, base);
            pv_xw_str(w, i + 1, 4, b.data, PV_XF_TEXT);
            pv_buf_free(&b);
            changes(&b, base, run);
            pv_xw_str(w, i + 1, 5, b.data, PV_XF_TEXT);
            pv_buf_free(&b);
        }
    }
    pv_xw_filter(w, 0, cmp->n, ncol);
    const char *ph[] = {"Id", pv_tr(sv, "Name", "Namn")};
    if (pv_xw_table(w, pv_tr(sv, "Projects", "Projekt"), ph, 2))
        return -1;
    for (size_t i = 0; i < cmp->n; i++)
        pv_xw_str(w, 0, 2 + i, run_title(cmp, i, sv), PV_XF_HEAD);
    for (size_t j = 0; j < base->r->n; j++) {
        const char *id = pv_project_id(base->c, j);
        pv_xw_str(w, j + 1, 0, id, PV_XF_TEXT);
        pv_xw_str(w, j + 1, 1, pv_project_name(base->c, j), PV_XF_TEXT);
        for (size_t i = 0; i < cmp->n; i++)
            pv_xw_str(w, j + 1, 2 + i, pv_yes_no(in_run(&cmp->run[i], id), sv), PV_XF_TEXT);
    }
    pv_xw_filter(w, 0, base->r->n, 2 + cmp->n);
    return 0;
}

/* ---------------------------------------------------------------- entries */

char *pv_xlsx_rank(const pv_case *c, const pv_ranking *r, int sv, size_t *len, pv_error *err)
{
    xctx x = {.c = c, .r = r, .sv = sv, .err = err};
    return pv_xw_render(sv, pv_tr(sv, "Ranking", "Rangordning"), rank_build, &x, len, err);
}

char *pv_xlsx_select(const pv_case *c, const pv_ranking *r, const pv_selection *s, int sv,
                     size_t *len, pv_error *err)
{
    xctx x = {.c = c, .r = r, .s = s, .sv = sv, .err = err};
    return pv_xw_render(sv, pv_tr(sv, "Decision basis", "Beslutsunderlag"), select_build, &x, len,
                        err);
}

char *pv_xlsx_compare(const pv_comparison *cmp, int sv, size_t *len, pv_error *err)
{
    xctx x = {.cmp = cmp, .sv = sv, .err = err};
    return pv_xw_render(sv, pv_tr(sv, "Scenarios", "Scenarier"), compare_build, &x, len, err);
}
