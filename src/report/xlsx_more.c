/* xlsx_more.c — followup and parties as Excel workbooks, written as
 * xlsx_report.c writes rank, select and compare: a first sheet that says the
 * result in words with the input checksums, then one sheet per table, headers
 * in the report's language, numbers in cells with number formats (kr, hours,
 * per cent, two-decimal scores), frozen header rows and auto-filters.
 *   followup: Sammanfattning, Projekt, Förvaltningar, Mål, År, Avtal att se
 *             över, Modell (Summary, Projects, Departments, Goals, Years,
 *             Agreements to review, Model)
 *   parties:  Sammanfattning, Viktningar, Kompromiss, Projekt × viktningar,
 *             Konflikt, Modell (Summary, Weight sets, Compromise, Projects ×
 *             sets, Conflict, Model)
 * The figures are those of the JSON reports. */
#include "../analyse/parties.h"
#include "followup.h"
#include "xlsx.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct mctx {
    const pv_case *c;
    const pv_followup *f;
    const pv_ranking *r;
    const pv_parties *p;
    int sv;
    pv_error *err;
} mctx;

/* ------------------------------------------------------------- follow-up */

static const char *const USE_EN[] = {"planned", "actual", "deviation", "deviation %"};
static const char *const USE_SV[] = {"planerat", "utfall", "avvikelse", "avvikelse %"};
static const char *const YEAR_EN[] = {"the year before", "actual", "change", "change %"};
static const char *const YEAR_SV[] = {"året före", "utfall", "förändring", "förändring %"};

/* A header cell "NAME WHAT" in row 0. */
static void head2(pv_xw *w, size_t col, const char *name, const char *what)
{
    pv_buf h;
    pv_buf_init(&h);
    pv_buf_printf(&h, "%s %s", name, what);
    pv_xw_str(w, 0, col, h.data, PV_XF_HEAD);
    pv_buf_free(&h);
}

/* The headers of every resource's four columns (planned, actual, deviation,
 * deviation in per cent; for years: the year before, actual, change, change
 * in per cent) and of external funding (planned, not for years; received)
 * from column col on; returns the next column. */
static size_t use_head(pv_xw *w, size_t col, const pv_case *c, int sv, int years)
{
    const char *const *what = years ? (sv ? YEAR_SV : YEAR_EN) : (sv ? USE_SV : USE_EN);
    for (size_t k = 0; k < c->nres; k++)
        for (int i = 0; i < 4; i++)
            head2(w, col++, pv_res_name(c, k, sv), what[i]);
    if (!years)
        pv_xw_str(w, 0, col++,
                  pv_tr(sv, "External funding planned", "Extern finansiering planerad"),
                  PV_XF_HEAD);
    pv_xw_str(w, 0, col++, pv_tr(sv, "External funding received", "Extern finansiering erhållen"),
              PV_XF_HEAD);
    return col;
}

/* A new sheet holding a table whose header is names[0..n-1], use_head's
 * columns, then `last` (when not NULL); returns the number of columns, 0 on
 * failure. */
static size_t use_table(pv_xw *w, const char *sheet, const char *const *names, size_t n,
                        const pv_case *c, int sv, int years, const char *last)
{
    if (pv_xw_table(w, sheet, names, n))
        return 0;
    size_t ncol = use_head(w, n, c, sv, years);
    if (last)
        pv_xw_str(w, 0, ncol++, last, PV_XF_HEAD);
    return ncol;
}

/* The figures under use_head's columns in row `row` (planned NULL: the
 * actual use only); returns the next column. */
static size_t use_cells(pv_xw *w, size_t row, size_t col, const pv_case *c, const double *planned,
                        const double *actual, double ext_p, double ext_r, int years)
{
    for (size_t k = 0; k < c->nres; k++, col += 4) {
        pv_xf f = pv_xr_amount_fmt(c, k);
        pv_xw_num(w, row, col + 1, actual[k], f);
        if (!planned)
            continue;
        pv_xw_num(w, row, col, planned[k], f);
        pv_xw_num(w, row, col + 2, actual[k] - planned[k], f);
        if (planned[k] > 0)
            pv_xw_num(w, row, col + 3, (actual[k] - planned[k]) / planned[k], PV_XF_PCT);
    }
    if (!years)
        pv_xw_num(w, row, col++, ext_p, PV_XF_KR);
    pv_xw_num(w, row, col++, ext_r, PV_XF_KR);
    return col;
}

/* "1 granted, 3 done" in a cell. */
static void counts_cell(pv_xw *w, size_t row, size_t col, const size_t *count, int sv)
{
    pv_buf t;
    pv_buf_init(&t);
    pv_fu_counts_text(&t, count, sv);
    pv_xw_str(w, row, col, t.data, PV_XF_TEXT);
    pv_buf_free(&t);
}

static int fu_projects(pv_xw *w, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    const char *hdr[] = {"Id", pv_tr(sv, "Name", "Namn"), pv_tr(sv, "Decided", "Beslutad"),
                         "Status", pv_tr(sv, "Department", "Förvaltning")};
    size_t ncol = use_table(w, pv_tr(sv, "Projects", "Projekt"), hdr, 5, c, sv, 0,
                            pv_tr(sv, "Activities", "Aktiviteter"));
    if (!ncol)
        return -1;
    for (size_t i = 0; i < f->nproj; i++) {
        const pv_fu_proj *q = &f->proj[i];
        size_t row = i + 1;
        pv_xw_str(w, row, 0, pv_fu_id(c, q), PV_XF_TEXT);
        pv_xw_str(w, row, 1, pv_fu_name(c, q), PV_XF_TEXT);
        pv_xw_str(w, row, 2,
                  q->j < 0 ? pv_tr(sv, "not a project of this case",
                                   "inte ett förslag i detta fall")
                           : pv_yes_no(q->decided, sv),
                  PV_XF_TEXT);
        pv_xw_str(w, row, 3, pv_ostatus_word(q->status, sv), PV_XF_TEXT);
        pv_xw_str(w, row, 4, pv_fu_dept(c, q->dept, sv), PV_XF_TEXT);
        size_t col = use_cells(w, row, 5, c, q->planned, q->actual, q->ext_planned,
                               q->ext_received, 0);
        pv_buf act;
        pv_buf_init(&act);
        pv_fu_activities(&act, c, q, 1);
        pv_xw_wrapped(w, row, col, act.data);
        pv_buf_free(&act);
    }
    pv_xw_filter(w, 0, f->nproj, ncol);
    return 0;
}

static int fu_departments(pv_xw *w, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    const char *hdr[] = {pv_tr(sv, "Department", "Förvaltning"), pv_tr(sv, "Code", "Kod"),
                         pv_tr(sv, "Projects by status", "Projekt per status")};
    size_t ncol = use_table(w, pv_tr(sv, "Departments", "Förvaltningar"), hdr, 3, c, sv, 0, NULL);
    if (!ncol)
        return -1;
    for (size_t d = 0; d <= f->ndept; d++) {
        const pv_fu_group *g = d < f->ndept ? &f->dept[d] : &f->total;
        size_t row = d + 1;
        if (d < f->ndept) {
            pv_xw_str(w, row, 0, pv_fu_dept(c, g->id, sv), PV_XF_TEXT);
            pv_xw_str(w, row, 1, g->id, PV_XF_TEXT);
        } else
            pv_xw_str(w, ++row, 0, pv_tr(sv, "Total", "Totalt"), PV_XF_BOLD);
        counts_cell(w, row, 2, g->count, sv);
        use_cells(w, row, 3, c, g->planned, g->actual, g->ext_planned, g->ext_received, 0);
    }
    pv_xw_filter(w, 0, f->ndept, ncol);
    pv_xw_str(w, f->ndept + 3, 0, pv_fu_note(0, sv), PV_XF_TEXT);
    return 0;
}

static int fu_goals(pv_xw *w, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    const pv_model *m = c->model;
    const char *hdr[] = {"Id", pv_tr(sv, "Goal", "Mål"), pv_tr(sv, "Sum", "Summa"),
                         pv_tr(sv, "Expected", "Förväntat"),
                         pv_tr(sv, "Projects reporting", "Projekt som rapporterat")};
    if (pv_xw_table(w, pv_tr(sv, "Goals", "Mål"), hdr, 5))
        return -1;
    for (size_t i = 0; i < f->nproj; i++)
        pv_xw_str(w, 0, 5 + i, pv_fu_id(c, &f->proj[i]), PV_XF_HEAD);
    for (size_t g = 0; g < m->ntop; g++) {
        pv_xw_str(w, g + 1, 0, m->top[g]->id, PV_XF_TEXT);
        pv_xw_str(w, g + 1, 1, pv_crit_label(m->top[g], sv), PV_XF_TEXT);
        pv_xw_num(w, g + 1, 2, f->goal_sum[g], PV_XF_SCORE);
        pv_xw_num(w, g + 1, 3, f->goal_expected[g], PV_XF_SCORE);
        pv_xw_num(w, g + 1, 4, (double)f->goal_n[g], PV_XF_INT);
        for (size_t i = 0; i < f->nproj; i++)
            pv_xw_num(w, g + 1, 5 + i, f->proj[i].goal[g], PV_XF_SCORE); /* NaN: left empty */
    }
    pv_xw_filter(w, 0, m->ntop, 5 + f->nproj);
    pv_xw_str(w, m->ntop + 2, 0, pv_fu_note(1, sv), PV_XF_TEXT);
    return 0;
}

/* Each year of the period: its use, the change from the year before, its
 * external funding and its projects by status. */
static int fu_years(pv_xw *w, const pv_followup *f, int sv)
{
    const char *year = pv_tr(sv, "Year", "År");
    size_t ncol = use_table(w, pv_tr(sv, "Years", "År"), &year, 1, f->c, sv, 1,
                            pv_tr(sv, "Projects by status", "Projekt per status"));
    for (size_t i = 0; ncol && i < f->nyears; i++) {
        pv_xw_num(w, i + 1, 0, f->years[i].year, PV_XF_INT);
        counts_cell(w, i + 1, ncol - 1, f->years[i].count, sv);
        use_cells(w, i + 1, 1, f->c, i ? f->years[i - 1].actual : NULL, f->years[i].actual, NAN,
                  f->years[i].external, 1);
    }
    pv_xw_filter(w, 0, f->nyears, ncol);
    return ncol ? 0 : -1;
}

static int fu_agreements(pv_xw *w, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    const char *hdr[] = {"Id", pv_tr(sv, "Partner", "Partner"), pv_tr(sv, "Active", "Aktivt"),
                         pv_tr(sv, "Last activity", "Senaste aktivitet"),
                         pv_tr(sv, "Evaluated", "Utvärderat"), pv_tr(sv, "Action", "Åtgärd"),
                         pv_tr(sv, "Reasons", "Skäl")};
    if (pv_xw_table(w, pv_tr(sv, "Agreements to review", "Avtal att se över"), hdr, 7))
        return -1;
    for (size_t i = 0; i < f->nagree; i++) {
        const pv_fu_agree *a = &f->agree[i];
        size_t row = i + 1;
        pv_xw_str(w, row, 0, pv_partner_id(c, a->p), PV_XF_TEXT);
        pv_xw_str(w, row, 1, pv_partner_name(c, a->p), PV_XF_TEXT);
        pv_xw_str(w, row, 2, pv_yes_no(a->active, sv), PV_XF_TEXT);
        if (a->last_activity)
            pv_xw_num(w, row, 3, a->last_activity, PV_XF_INT);
        char date[16];
        snprintf(date, sizeof date, "%04d-%02d-%02d", a->evaluated / 10000 % 10000,
                 a->evaluated / 100 % 100, a->evaluated % 100);
        pv_xw_str(w, row, 4, a->evaluated ? date : NULL, PV_XF_TEXT);
        pv_xw_str(w, row, 5, pv_review_word(pv_fu_as_review(a->action), sv), PV_XF_TEXT);
        pv_buf t;
        pv_buf_init(&t);
        pv_fu_reasons_text(&t, c, a, f->year, f->from, sv);
        pv_xw_wrapped(w, row, 6, t.data);
        pv_buf_free(&t);
    }
    pv_xw_filter(w, 0, f->nagree, 7);
    if (!f->nagree)
        pv_xw_str(w, 2, 0, pv_tr(sv, "The case has no agreements of its own.",
                                 "Fallet har inga egna avtal."),
                  PV_XF_TEXT);
    return 0;
}

/* The follow-up in words: the projects, where they stand, plan against
 * outcome in total, the goals, the agreements. */
static void fu_words(pv_buf *b, const pv_followup *f, int sv)
{
    const pv_case *c = f->c;
    size_t ndec = 0, ngoals = 0, nact[PV_REV_END + 1] = {0};
    for (size_t i = 0; i < f->nproj; i++)
        ndec += f->proj[i].decided != 0;
    for (size_t g = 0; g < c->model->ntop; g++)
        ngoals += f->goal_n[g] > 0;
    for (size_t i = 0; i < f->nagree; i++)
        nact[pv_fu_as_review(f->agree[i].action)]++;
    pv_buf_puts(b, pv_tr(sv, "The follow-up of ", "Uppföljningen "));
    pv_fu_period(b, f->from, f->year);
    pv_buf_printf(b, sv ? " omfattar %zu projekt, varav %zu i den beslutade portföljen. Läget: "
                        : " covers %zu projects, %zu of them in the decided portfolio. Where "
                          "they stand: ",
                  f->nproj, ndec);
    pv_fu_counts_text(b, f->total.count, sv);
    pv_buf_puts(b, pv_tr(sv, ". Outcome against plan: ", ". Utfall mot plan: "));
    pv_fu_use_text(b, c, f->total.planned, f->total.actual, f->total.ext_planned,
                   f->total.ext_received, sv);
    pv_buf_printf(b, sv ? ". Bidrag till målen rapporterades för %zu av %zu mål. "
                        : ". Contributions were reported for %zu of the %zu goals. ",
                  ngoals, c->model->ntop);
    if (!f->nagree) {
        pv_buf_puts(b, pv_tr(sv, "The case has no agreements of its own.",
                             "Fallet har inga egna avtal."));
        return;
    }
    pv_buf_printf(b, sv ? "Av %zu egna avtal behålls %zu, %zu ses över och %zu är kandidater "
                          "för avslut; se fliken Avtal att se över."
                        : "Of %zu own agreements, %zu are kept, %zu should be reviewed and %zu "
                          "are candidates for ending; see the sheet Agreements to review.",
                  f->nagree, nact[PV_REV_KEEP], nact[PV_REV_REVIEW] + nact[PV_REV_REVIVE],
                  nact[PV_REV_END]);
}

static int fu_build(pv_xw *w, void *ctx)
{
    const mctx *x = ctx;
    const pv_followup *f = x->f;
    const pv_case *c = f->c;
    int sv = x->sv;
    pv_buf b;
    pv_buf_init(&b);
    pv_buf_puts(&b, pv_tr(sv, "Follow-up ", "Uppföljning "));
    pv_fu_period(&b, f->from, f->year);
    size_t row = pv_xr_head(w, c, sv, b.data);
    pv_buf_free(&b);
    if (!row)
        return -1;
    pv_xr_kv(w, &row, pv_tr(sv, "To", "Till"), pv_fu_to(c, sv));
    pv_buf_printf(&b, "%s (%s)", pv_tr(sv, "the portfolio the case selects",
                                       "portföljen som fallet väljer"),
                  pv_status_word(f->status, sv));
    pv_xr_kv(w, &row, pv_tr(sv, "The decision", "Beslutet"), b.data);
    pv_buf_free(&b);
    pv_xr_kv(w, &row, pv_tr(sv, "Register", "Register"), c->outcomes->path);
    pv_xr_kv(w, &row, pv_tr(sv, "Policy on the follow-up", "Policyn om uppföljning"),
             c->model->fu_source);
    fu_words(&b, f, sv);
    if (pv_xr_words(w, row, pv_tr(sv, "The follow-up", "Uppföljningen"), &b, c, sv, x->err))
        return -1;
    return fu_projects(w, f, sv) || fu_departments(w, f, sv) || fu_goals(w, f, sv) ||
           fu_years(w, f, sv) || fu_agreements(w, f, sv) || pv_xr_model(w, c, sv);
}

char *pv_xlsx_followup(const pv_followup *f, int sv, size_t *len, pv_error *err)
{
    mctx x = {.c = f->c, .f = f, .sv = sv, .err = err};
    return pv_xw_render(sv, pv_tr(sv, "Follow-up", "Uppföljning"), fu_build, &x, len, err);
}

/* --------------------------------------------------------------- parties */

/* What portfolio x uses of resource k. */
static double use_of(const pv_case *c, const unsigned char *x, size_t n, size_t k)
{
    double sum = 0;
    for (size_t j = 0; j < n; j++)
        if (x[j])
            sum += c->res[k].a[j];
    return sum;
}

/* Set k's satisfaction with portfolio x: V_k(x) / V_k* (NaN when V_k* is 0). */
static double satisfaction(const pv_parties *p, size_t k, const unsigned char *x)
{
    return p->vstar[k] > 0 ? pv_parties_value(p, k, x) / p->vstar[k] : NAN;
}

/* How many projects x holds; their ids into b. */
static size_t portfolio_ids(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n,
                            int sv)
{
    size_t m = 0;
    for (size_t j = 0; j < n; j++)
        m += x[j] != 0;
    pv_ids_text(b, c, x, n, pv_tr(sv, "(none)", "(inga)"));
    return m;
}

/* "6 projects: LK01, LK03, …" */
static void count_ids(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n, int sv)
{
    pv_buf ids;
    pv_buf_init(&ids);
    size_t m = portfolio_ids(&ids, c, x, n, sv);
    pv_buf_printf(b, sv ? "%zu projekt: %s" : "%zu projects: %s", m, ids.data ? ids.data : "");
    pv_buf_free(&ids);
}

/* Count, ids and resources of portfolio x in row `row` from column col on;
 * returns the next column. */
static size_t portfolio_cells(pv_xw *w, size_t row, size_t col, const pv_case *c,
                              const unsigned char *x, size_t n, int sv)
{
    pv_buf b;
    pv_buf_init(&b);
    pv_xw_num(w, row, col, (double)portfolio_ids(&b, c, x, n, sv), PV_XF_INT);
    pv_xw_str(w, row, col + 1, b.data, PV_XF_WRAP);
    pv_xw_tall(w, row, b.data, 78);
    pv_buf_free(&b);
    col += 2;
    for (size_t k = 0; k < c->nres; k++)
        pv_xw_num(w, row, col++, use_of(c, x, n, k), pv_xr_amount_fmt(c, k));
    return col;
}

/* Headers of portfolio_cells' columns from col on. */
static size_t portfolio_head(pv_xw *w, size_t col, const pv_case *c, int sv)
{
    pv_xw_str(w, 0, col++, pv_tr(sv, "Number of projects", "Antal projekt"), PV_XF_HEAD);
    pv_xw_str(w, 0, col++, pv_tr(sv, "Projects", "Projekt"), PV_XF_HEAD);
    for (size_t k = 0; k < c->nres; k++)
        pv_xw_str(w, 0, col++, pv_res_name(c, k, sv), PV_XF_HEAD);
    return col;
}

static int pa_sets(pv_xw *w, const pv_case *c, const pv_parties *p, int sv)
{
    const char *hdr[] = {pv_tr(sv, "Weight set", "Viktning"),
                         pv_tr(sv, "Own optimum", "Eget optimum")};
    if (pv_xw_table(w, pv_tr(sv, "Weight sets", "Viktningar"), hdr, 2))
        return -1;
    size_t ncol = portfolio_head(w, 2, c, sv);
    pv_xw_str(w, 0, ncol++,
              pv_tr(sv, "Satisfaction in the compromise", "Tillfredsställelse i kompromissen"),
              PV_XF_HEAD);
    pv_xw_str(w, 0, ncol++,
              pv_tr(sv, "Regret (minimax regret)", "Förlust (minsta största förlust)"),
              PV_XF_HEAD);
    for (size_t k = 0; k < p->K; k++) {
        pv_xw_str(w, k + 1, 0, p->name[k], PV_XF_TEXT);
        pv_xw_num(w, k + 1, 1, p->vstar[k], PV_XF_SCORE);
        size_t col = portfolio_cells(w, k + 1, 2, c, p->own + k * p->n, p->n, sv);
        pv_xw_num(w, k + 1, col, p->sat[k], PV_XF_PCT);
        pv_xw_num(w, k + 1, col + 1, p->regret[k], PV_XF_SCORE);
    }
    pv_xw_filter(w, 0, p->K, ncol);
    return 0;
}

/* The max-min compromise and the minimax-regret portfolio: their projects
 * and resources, the lowest satisfaction and the largest regret of each,
 * and every set's satisfaction with each. */
static int pa_compromise(pv_xw *w, const pv_case *c, const pv_parties *p, int sv)
{
    const char *hdr[] = {pv_tr(sv, "Portfolio", "Portfölj")};
    if (pv_xw_table(w, pv_tr(sv, "Compromise", "Kompromiss"), hdr, 1))
        return -1;
    size_t ncol = portfolio_head(w, 1, c, sv);
    pv_xw_str(w, 0, ncol++, pv_tr(sv, "Lowest satisfaction", "Lägsta tillfredsställelse"),
              PV_XF_HEAD);
    pv_xw_str(w, 0, ncol++, pv_tr(sv, "Largest regret", "Största förlust"), PV_XF_HEAD);
    for (size_t k = 0; k < p->K; k++)
        head2(w, ncol++, pv_tr(sv, "Satisfaction:", "Tillfredsställelse:"), p->name[k]);
    const unsigned char *xs[] = {p->maxmin, p->mmr};
    const char *names[] = {pv_tr(sv, "Max-min compromise", "Kompromiss (max-min)"),
                           pv_tr(sv, "Minimax-regret portfolio",
                                 "Portfölj med minsta största förlust")};
    for (size_t i = 0; i < 2; i++) {
        double low = INFINITY, high = 0;
        for (size_t k = 0; k < p->K; k++) {
            double s = satisfaction(p, k, xs[i]), r = p->vstar[k] - pv_parties_value(p, k, xs[i]);
            low = s < low ? s : low;
            high = r > high ? r : high;
        }
        pv_xw_str(w, i + 1, 0, names[i], PV_XF_TEXT);
        size_t col = portfolio_cells(w, i + 1, 1, c, xs[i], p->n, sv);
        pv_xw_num(w, i + 1, col++, i ? low : p->min_sat, PV_XF_PCT);
        pv_xw_num(w, i + 1, col++, i ? p->max_regret : high, PV_XF_SCORE);
        for (size_t k = 0; k < p->K; k++)
            pv_xw_num(w, i + 1, col++, i ? satisfaction(p, k, xs[i]) : p->sat[k], PV_XF_PCT);
    }
    pv_xw_filter(w, 0, 2, ncol);
    pv_xw_str(w, 4, 0, pv_parties_maxmin_text(sv), PV_XF_TEXT);
    pv_xw_str(w, 5, 0, pv_parties_regret_text(sv), PV_XF_TEXT);
    return 0;
}

static int pa_projects(pv_xw *w, const mctx *x)
{
    const pv_case *c = x->c;
    const pv_parties *p = x->p;
    int sv = x->sv;
    const char *hdr[] = {"Id", pv_tr(sv, "Name", "Namn")};
    if (pv_xw_table(w, pv_tr(sv, "Projects × sets", "Projekt × viktningar"), hdr, 2))
        return -1;
    size_t col = 2 + p->K;
    for (size_t k = 0; k < p->K; k++)
        pv_xw_str(w, 0, 2 + k, p->name[k], PV_XF_HEAD);
    pv_xw_str(w, 0, col++, pv_tr(sv, "Compromise (max-min)", "Kompromiss (max-min)"), PV_XF_HEAD);
    pv_xw_str(w, 0, col++, pv_tr(sv, "Minimax regret", "Minsta största förlust"), PV_XF_HEAD);
    pv_xw_str(w, 0, col++, pv_tr(sv, "Share of sets", "Andel viktningar"), PV_XF_HEAD);
    for (size_t k = 0; k < p->K; k++)
        head2(w, col++, pv_tr(sv, "Score:", "Poäng:"), p->name[k]);
    for (size_t j = 0; j < p->n; j++) {
        size_t row = j + 1, at = 2 + p->K;
        pv_xw_str(w, row, 0, pv_project_id(c, j), PV_XF_TEXT);
        pv_xw_str(w, row, 1, pv_project_name(c, j), PV_XF_TEXT);
        for (size_t k = 0; k < p->K; k++)
            pv_xw_str(w, row, 2 + k, pv_yes_no(p->own[k * p->n + j], sv), PV_XF_TEXT);
        pv_xw_str(w, row, at++, pv_yes_no(p->maxmin[j], sv), PV_XF_TEXT);
        pv_xw_str(w, row, at++, pv_yes_no(p->mmr[j], sv), PV_XF_TEXT);
        pv_xw_num(w, row, at++, p->share[j], PV_XF_PCT);
        for (size_t k = 0; x->r->p[j].eligible && k < p->K; k++) /* excluded: empty */
            pv_xw_num(w, row, at + k, p->score[k * p->n + j], PV_XF_SCORE);
    }
    pv_xw_filter(w, 0, p->n, col);
    return 0;
}

static int pa_conflict(pv_xw *w, const pv_parties *p, int sv)
{
    const char *hdr[] = {pv_tr(sv, "Weight set", "Viktning"), pv_tr(sv, "Weight set", "Viktning"),
                         pv_tr(sv, "Conflict index", "Konfliktindex")};
    if (pv_xw_table(w, pv_tr(sv, "Conflict", "Konflikt"), hdr, 3))
        return -1;
    size_t row = 0;
    for (size_t a = 0; a < p->K; a++)
        for (size_t b = a + 1; b < p->K; b++) {
            row++;
            pv_xw_str(w, row, 0, p->name[a], PV_XF_TEXT);
            pv_xw_str(w, row, 1, p->name[b], PV_XF_TEXT);
            pv_xw_num(w, row, 2, p->conflict[a * p->K + b], PV_XF_DEC3);
        }
    pv_xw_filter(w, 0, row, 3);
    pv_xw_str(w, row + 2, 0, pv_tr(sv, "Whole group", "Hela gruppen"), PV_XF_BOLD);
    pv_xw_num(w, row + 2, 2, p->group_conflict, PV_XF_DEC3);
    pv_xw_str(w, row + 4, 0, pv_parties_conflict_text(sv), PV_XF_TEXT);
    return 0;
}

/* The compromise decision in words. */
static void pa_words(pv_buf *b, const pv_case *c, const pv_parties *p, int sv)
{
    size_t low = 0, high = 0;
    for (size_t k = 1; k < p->K; k++) {
        low = p->sat[k] < p->sat[low] ? k : low;
        high = p->regret[k] > p->regret[high] ? k : high;
    }
    pv_buf_printf(b, sv ? "%zu viktningar jämfördes: " : "%zu weight sets were compared: ", p->K);
    for (size_t k = 0; k < p->K; k++)
        pv_buf_printf(b, "%s%s", k ? ", " : "", p->name[k]);
    pv_buf_puts(b, pv_tr(sv, ". The max-min compromise has ",
                         ". Kompromissen (max-min) består av "));
    count_ids(b, c, p->maxmin, p->n, sv);
    pv_buf_puts(b, pv_tr(sv, ". Every set gets at least ",
                         ". Varje viktning får minst "));
    pv_fmt_num(b, p->min_sat * 100, 1, sv);
    pv_buf_printf(b, sv ? " %% av sitt eget optimum; lägst ligger %s. "
                        : "%% of its own optimum; lowest is %s. ",
                  p->K ? p->name[low] : "");
    pv_buf_puts(b, pv_tr(sv, "The minimax-regret portfolio has ",
                         "Portföljen med minsta största förlust består av "));
    count_ids(b, c, p->mmr, p->n, sv);
    pv_buf_printf(b, sv ? "; den största förlusten, för %s, är "
                        : "; the largest regret, for %s, is ",
                  p->K ? p->name[high] : "");
    pv_fmt_num(b, p->max_regret, 2, sv);
    pv_buf_puts(b, pv_tr(sv, " points. ", " poäng. "));
    if (!memcmp(p->maxmin, p->mmr, p->n))
        pv_buf_puts(b, pv_tr(sv, "The two portfolios are the same. ",
                             "De två portföljerna är desamma. "));
    pv_buf_puts(b, pv_tr(sv, "The group's conflict index is ", "Gruppens konfliktindex är "));
    pv_fmt_num(b, p->group_conflict, 3, sv);
    pv_buf_puts(b, pv_tr(sv, " (0 = the same portfolio, 1 = nothing in common).",
                         " (0 = samma portfölj, 1 = inget gemensamt)."));
    if (!p->proven)
        pv_buf_puts(b, pv_tr(sv, " Note: a solve stopped at its time limit; figures are the "
                                 "best found.",
                             " Obs: en lösning stoppades av tidsgränsen; siffrorna är de bästa "
                             "som hittades."));
}

static int pa_build(pv_xw *w, void *ctx)
{
    const mctx *x = ctx;
    const pv_case *c = x->c;
    const pv_parties *p = x->p;
    int sv = x->sv;
    size_t row = pv_xr_head(w, c, sv, pv_tr(sv, "Decision basis: a portfolio every party can "
                                                "accept",
                                            "Beslutsunderlag: en portfölj som alla partier kan "
                                            "acceptera"));
    if (!row)
        return -1;
    pv_xr_kv(w, &row, pv_tr(sv, "Max-min compromise", "Kompromiss (max-min)"),
             pv_parties_maxmin_text(sv));
    pv_xr_kv(w, &row, pv_tr(sv, "Minimax regret", "Minsta största förlust"),
             pv_parties_regret_text(sv));
    pv_buf b;
    pv_buf_init(&b);
    pa_words(&b, c, p, sv);
    if (pv_xr_words(w, row, pv_tr(sv, "The compromise", "Kompromissen"), &b, c, sv, x->err))
        return -1;
    return pa_sets(w, c, p, sv) || pa_compromise(w, c, p, sv) || pa_projects(w, x) ||
           pa_conflict(w, p, sv) || pv_xr_model(w, c, sv);
}

char *pv_xlsx_parties(const pv_case *c, const pv_ranking *r, const pv_parties *p, int sv,
                      size_t *len, pv_error *err)
{
    mctx x = {.c = c, .r = r, .p = p, .sv = sv, .err = err};
    return pv_xw_render(sv, pv_tr(sv, "Party weight sets", "Partiernas viktningar"), pa_build, &x,
                        len, err);
}
