/*
 * select_report.c — the portfolio report in text, Markdown, CSV and JSON.
 *
 * Every format renders the same view (sel_view), built once from the case,
 * ranking and selection, so that formats cannot disagree and HTML can be
 * added as one more renderer. The view holds the one-line reasons already in
 * the report's language.
 */
#include "../optimise/select.h"
#include "report.h"
#include "followup.h"
#include "xlsx.h"

#include <math.h>
#include <string.h>

typedef struct v_proj {
    size_t j;
    char *why; /* one line, report language */
} v_proj;

typedef struct sel_view {
    const pv_case *c;
    const pv_ranking *r;
    const pv_selection *s;
    int sv;
    v_proj *proj; /* ranked order */
    size_t nsel, nelig;
} sel_view;

static const char *ctype_name(pv_ctype t)
{
    static const char *N[] = {"count", "share", "requires", "exclusive", "force", "max_partners",
                              "min_partners"};
    return N[t];
}

static const char *why_kind(pv_why_kind k)
{
    static const char *N[] = {"none",      "in",        "out",        "cannot_fit",
                              "conflict",  "forced_in", "forced_out", "excluded"};
    return N[k];
}

static void num(pv_buf *b, double x, int dec, int sv) { pv_fmt_num(b, x, dec, sv); }

static void view_free(sel_view *v)
{
    for (size_t i = 0; v->proj && i < v->r->n; i++)
        pv_free(v->proj[i].why);
    pv_free(v->proj);
}

static int view_build(sel_view *v, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                      int sv)
{
    memset(v, 0, sizeof *v);
    v->c = c;
    v->r = r;
    v->s = s;
    v->sv = sv;
    v->proj = pv_calloc(r->n + 1, sizeof *v->proj);
    if (!v->proj)
        return -1;
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        v->proj[i].j = j;
        v->proj[i].why = pv_why_text(c, r, s, j, sv, 0, 1);
        if (!v->proj[i].why)
            return -1;
        v->nsel += s->x[j];
        v->nelig += r->p[j].eligible != 0;
    }
    return 0;
}

static const char *group_kind(const pv_case *c, size_t g)
{
    return g < c->nres ? "resource" : g < c->nres + c->ncons ? "constraint" : "keep_existing";
}

/* "Högst fyra nya samarbetspartner per år (högst antal partner, högst 4)" for a
 * named constraint; "count_1: antal department = Utbildning, minst 1" for one
 * without a name. Plain text (control characters as '?'). */
/* Σ score over the selected projects (the objective when it is the sum). */
static double total_score(const sel_view *v)
{
    double t = 0;
    for (size_t j = 0; j < v->r->n; j++)
        t += v->s->x[j] ? v->r->p[j].score : 0;
    return t;
}

/* ------------------------------------------------------------ JSON */

/* Constraint i, with its activity in the portfolio when there is one. */
static void json_constraint(pv_buf *b, const pv_case *c, const pv_selection *s, size_t i,
                            int has_sol, int sv)
{
    const pv_constraint *q = &c->cons[i];
    pv_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
    pv_buf_json_str(b, q->id);
    pv_buf_printf(b, ", \"type\": \"%s\", \"label\": ", ctype_name(q->type));
    pv_json_str_or_null(b, q->label);
    pv_buf_puts(b, ", \"name\": ");
    pv_buf_json_str(b, pv_cons_name(q, sv));
    pv_buf_puts(b, ", \"column\": ");
    pv_json_str_or_null(b, q->column);
    pv_buf_puts(b, ", \"value\": ");
    pv_json_str_or_null(b, q->value);
    pv_buf_puts(b, ", \"min\": ");
    pv_json_num_or_null(b, q->has_min, q->min);
    pv_buf_puts(b, ", \"max\": ");
    pv_json_num_or_null(b, q->has_max, q->max);
    pv_buf_puts(b, ", \"activity\": ");
    pv_json_num_or_null(b, has_sol, s->cons_act[i]);
    pv_buf_printf(b, ", \"binding\": %s}", has_sol && s->cons_binding[i] ? "true" : "false");
}

/* What keeps an unselected project out as things stand: `"binding": [{"kind":
 * "resource", "id", "name", "need", "free", "short"}, {"kind": "constraint",
 * "id", "name"}]`, need being its own use plus the partner fees it triggers. */
static void json_blocking(pv_buf *b, const pv_case *c, const pv_selection *s, size_t j,
                          const pv_why *w, int sv)
{
    pv_buf_puts(b, ", \"binding\": [");
    for (size_t i = 0; i < w->nblocking; i++) {
        size_t g = w->blocking[i];
        pv_buf_printf(b, "%s{\"kind\": \"%s\", \"id\": ", i ? ", " : "", group_kind(c, g));
        pv_buf_json_str(b, pv_group_id(c, g));
        pv_buf_puts(b, ", \"name\": ");
        pv_buf_json_str(b, pv_group_name(c, g, sv));
        if (g < c->nres) {
            double need = pv_proj_use(c, j, g) + pv_proj_partner_use(c, s, j, g);
            double free_ = c->res[g].limit - s->res_used[g];
            pv_json_keyed_num(b, ", \"need\": ", need);
            pv_json_keyed_num(b, ", \"free\": ", free_);
            pv_json_keyed_num(b, ", \"short\": ", need - free_);
        }
        pv_buf_putc(b, '}');
    }
    pv_buf_putc(b, ']');
}

/* The i-th project in ranked order, with why it is in or out. */
static void json_project(pv_buf *b, const sel_view *v, size_t i)
{
    const pv_case *c = v->c;
    const pv_selection *s = v->s;
    const pv_ranking *r = v->r;
    size_t j = v->proj[i].j;
    const pv_proj_result *p = &r->p[j];
    const pv_why *w = &s->why[j];
    pv_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
    pv_buf_json_str(b, pv_project_id(c, j));
    pv_buf_puts(b, ", \"name\": ");
    pv_buf_json_str(b, pv_project_name(c, j));
    pv_buf_printf(b, ", \"rank\": %zu, \"score\": ", r->rank[j]);
    pv_buf_num(b, p->score, 6);
    pv_cofin_json_project(b, c, r, j);
    pv_buf_printf(b, ", \"eligible\": %s, \"selected\": %s",
                  p->eligible ? "true" : "false", s->x[j] ? "true" : "false");
    pv_use_json(b, c, s, j);
    pv_buf_puts(b, ", \"excluded_by\": [");
    for (size_t k = 0; k < p->nexcluded; k++) {
        pv_buf_puts(b, k ? ", " : "");
        pv_buf_json_str(b, c->model->rules[p->excluded_by[k]].id);
    }
    pv_buf_putc(b, ']');
    pv_json_below(b, c, p);
    pv_buf_puts(b, ", \"flags\": [");
    for (size_t k = 0; k < p->nflags; k++) {
        pv_buf_puts(b, k ? ", " : "");
        pv_buf_json_str(b, c->model->rules[p->flags[k]].id);
    }
    pv_json_keyed_num(b, "], \"objective_value\": ", pv_objective_coef(c, j, p->score));
    pv_why_kind wk = !p->eligible ? PV_WHY_EXCLUDED : s->have_why ? w->kind : PV_WHY_NONE;
    pv_buf_printf(b, ", \"why\": {\"kind\": \"%s\", \"text\": ", why_kind(wk));
    pv_buf_json_str(b, v->proj[i].why);
    if (wk == PV_WHY_IN || wk == PV_WHY_OUT) {
        pv_json_keyed_num(b, ", \"loss\": ", w->loss);
        pv_buf_printf(b, ", \"proven\": %s", w->exact ? "true" : "false");
    }
    if (wk == PV_WHY_OUT) {
        pv_buf_puts(b, ", \"displaced\": [");
        for (size_t k = 0; k < w->ndisplaced; k++) {
            pv_buf_puts(b, k ? ", " : "");
            pv_buf_json_str(b, pv_project_id(c, w->displaced[k]));
        }
        pv_buf_puts(b, "], \"entering\": [");
        for (size_t k = 0; k < w->nentering; k++) {
            pv_buf_puts(b, k ? ", " : "");
            pv_buf_json_str(b, pv_project_id(c, w->entering[k]));
        }
        pv_buf_putc(b, ']');
        json_blocking(b, c, s, j, w, v->sv);
    }
    if (wk == PV_WHY_CANNOT_FIT) {
        pv_buf_puts(b, ", \"resource\": ");
        pv_buf_json_str(b, c->res[w->resource].id);
        pv_json_keyed_num(b, ", \"excess\": ", w->excess);
    }
    if (wk == PV_WHY_FORCED_IN || wk == PV_WHY_FORCED_OUT) {
        pv_buf_puts(b, ", \"constraint\": ");
        pv_buf_json_str(b, c->cons[w->cons].id);
    }
    if (wk == PV_WHY_EXCLUDED) {
        pv_buf_puts(b, ", \"because\": [");
        for (size_t k = 0; k < p->nexcluded; k++) {
            pv_buf_puts(b, k ? ", " : "");
            const char *bc = pv_rule_because(&c->model->rules[p->excluded_by[k]], v->sv);
            pv_buf_json_str(b, bc ? bc : "");
        }
        pv_buf tt;
        pv_buf_init(&tt);
        if (pv_threshold_text(&tt, c, p, v->sv)) {
            pv_buf_puts(b, p->nexcluded ? ", " : "");
            pv_buf_json_str(b, tt.data ? tt.data : "");
        }
        pv_buf_free(&tt);
        /* the policy sentence of each rule, in excluded_by's order */
        pv_buf_puts(b, "], \"source\": [");
        for (size_t k = 0; k < p->nexcluded; k++) {
            pv_buf_puts(b, k ? ", " : "");
            const char *src = c->model->rules[p->excluded_by[k]].source;
            pv_buf_json_str(b, src ? src : "");
        }
        pv_buf_putc(b, ']');
    }
    pv_buf_puts(b, "}}");
}

/* Why no portfolio is feasible: the conflicting set, and what raising a limit would do. */
static void json_diagnosis(pv_buf *b, const pv_case *c, const pv_selection *s)
{
    pv_buf_puts(b, ",\n  \"diagnosis\": {\"conflict\": [");
    for (size_t i = 0; i < s->nconflict; i++) {
        size_t g = s->conflict[i];
        pv_buf_puts(b, i ? ", " : "");
        pv_buf_printf(b, "{\"kind\": \"%s\", \"id\": ", group_kind(c, g));
        pv_buf_json_str(b, pv_group_id(c, g));
        pv_buf_putc(b, '}');
    }
    pv_buf_printf(b, "], \"raising_resources_helps\": %s, \"raise\": [",
                  s->raise_helps ? "true" : "false");
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, k ? ", {\"id\": " : "{\"id\": ");
        pv_buf_json_str(b, c->res[k].id);
        pv_buf_puts(b, ", \"by\": ");
        pv_json_num_or_null(b, s->raise_helps, s->res_raise[k]);
        pv_buf_putc(b, '}');
    }
    /* each limit raised alone, the others as they are (null: that cannot help) */
    pv_buf_puts(b, "], \"raise_alone\": [");
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, k ? ", {\"id\": " : "{\"id\": ");
        pv_buf_json_str(b, c->res[k].id);
        pv_buf_puts(b, ", \"by\": ");
        int known = s->raise_helps && (c->nres == 1 || !isnan(s->res_raise_alone[k]));
        pv_json_num_or_null(b, known, c->nres == 1 ? s->res_raise[k] : s->res_raise_alone[k]);
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, "]}");
}

static void render_json(pv_buf *b, const sel_view *v)
{
    const pv_case *c = v->c;
    const pv_selection *s = v->s;
    const pv_ranking *r = v->r;
    pv_buf_puts(b, "{\n  \"case\": ");
    pv_buf_json_str(b, c->name);
    pv_buf_printf(b, ",\n  \"status\": \"%s\",\n  \"objective\": ", pv_status_key(s->status));
    int has_sol = pv_status_has_portfolio(s->status);
    pv_json_num_or_null(b, has_sol, s->objective);
    pv_buf_puts(b, ",\n  ");
    pv_json_maximised(b, c, v->sv);
    pv_buf_puts(b, ",\n  \"total_score\": ");
    pv_json_num_or_null(b, has_sol, total_score(v));
    pv_buf_puts(b, ",\n  \"bound\": ");
    pv_json_num_or_null(b, has_sol, s->bound);
    pv_buf_puts(b, ",\n  \"gap\": ");
    pv_json_num_or_null(b, has_sol, s->gap);
    pv_buf_puts(b, ",\n  \"selected_projects\": [");
    int first = 1;
    for (size_t i = 0; i < r->n; i++)
        if (s->x[v->proj[i].j]) {
            pv_buf_puts(b, first ? "" : ", ");
            pv_buf_json_str(b, pv_project_id(c, v->proj[i].j));
            first = 0;
        }
    pv_buf_puts(b, "],\n  \"selected_partners\": [");
    first = 1;
    for (size_t p = 0; p < s->npart; p++)
        if (s->y[p]) {
            pv_buf_puts(b, first ? "" : ", ");
            pv_buf_json_str(b, pv_partner_id(c, p));
            first = 0;
        }
    pv_buf_puts(b, "],\n  \"resources\": [");
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, k ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, c->res[k].id);
        pv_buf_puts(b, ", \"name\": ");
        pv_buf_json_str(b, pv_res_name(c, k, v->sv));
        pv_buf_puts(b, ", \"unit\": ");
        pv_buf_json_str(b, pv_res_unit(c, k, v->sv));
        pv_json_keyed_num(b, ", \"used\": ", s->res_used[k]);
        pv_json_keyed_num(b, ", \"limit\": ", c->res[k].limit);
        pv_buf_puts(b, "}");
    }
    pv_buf_puts(b, c->nres ? "\n  ],\n  \"constraints\": [" : "],\n  \"constraints\": [");
    for (size_t i = 0; i < c->ncons; i++)
        json_constraint(b, c, s, i, has_sol, v->sv);
    pv_buf_puts(b, c->ncons ? "\n  ],\n  \"projects\": [" : "],\n  \"projects\": [");
    for (size_t i = 0; i < r->n; i++)
        json_project(b, v, i);
    pv_buf_puts(b, r->n ? "\n  ],\n  \"partners\": [" : "],\n  \"partners\": [");
    first = 1;
    for (size_t p = 0; p < s->npart; p++) {
        if (!s->listed[p])
            continue;
        pv_buf_puts(b, first ? "\n    {\"id\": " : ",\n    {\"id\": ");
        first = 0;
        pv_buf_json_str(b, pv_partner_id(c, p));
        pv_buf_puts(b, ", \"name\": ");
        pv_buf_json_str(b, pv_partner_name(c, p));
        pv_buf_printf(b, ", \"engaged\": %s, \"active\": %s, \"review\": ", s->y[p] ? "true" : "false",
                      c->partner_active[p] ? "true" : "false");
        pv_json_review(b, c, s, p, v->sv);
        if (c->outcomes) {
            pv_buf_puts(b, ", \"followup\": ");
            pv_fu_select_json(b, c, p, v->sv);
        }
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, first ? "]" : "\n  ]");
    pv_cofin_json(b, c, s);
    if (s->status == PV_STATUS_INFEASIBLE)
        json_diagnosis(b, c, s);
    pv_buf_puts(b, "\n}\n");
}

/* ------------------------------------------------------------ text and md */

static void bar(pv_buf *b, double used, double limit)
{
    int w = 30, fill = 0;
    double f = limit > 0 ? used / limit : (used > 0 ? 1 : 0);
    fill = (int)floor(f * w + 0.5);
    if (fill > w)
        fill = w;
    if (fill < 0)
        fill = 0;
    pv_buf_putc(b, '[');
    for (int i = 0; i < w; i++)
        pv_buf_putc(b, i < fill ? '#' : '.');
    pv_buf_putc(b, ']');
}

static void md_text(pv_buf *b, const char *s, int md) { (md ? pv_buf_md : pv_buf_plain)(b, s); }

/* The sentence before a list (Markdown wants a blank line between them). */
static void list_lead(pv_buf *b, int md, const char *text)
{
    pv_buf_printf(b, "%s\n", text);
    if (md)
        pv_buf_putc(b, '\n');
}

/* One resource's rise as a list line: "+by (limit → limit + by)", or that
 * raising it does not help (by NaN). */
static void raise_line(pv_buf *b, const pv_case *c, size_t k, double by, int md, int sv)
{
    pv_buf_puts(b, md ? "- " : "  - ");
    md_text(b, pv_res_name(c, k, sv), md);
    pv_buf_puts(b, ": ");
    if (isnan(by)) {
        pv_buf_puts(b,
                    pv_tr(sv, "raising it alone does not help", "att bara höja den räcker inte"));
    } else {
        pv_buf_putc(b, '+');
        pv_res_amount(b, c, k, by, sv);
        pv_buf_puts(b, " (");
        pv_res_amount(b, c, k, c->res[k].limit, sv);
        pv_buf_puts(b, " → ");
        pv_res_amount(b, c, k, c->res[k].limit + by, sv);
        pv_buf_putc(b, ')');
    }
    pv_buf_putc(b, '\n');
}

static void diagnosis_lines(pv_buf *b, const sel_view *v, int md)
{
    const pv_case *c = v->c;
    const pv_selection *s = v->s;
    int sv = v->sv;
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s\n", pv_why_infeasible_heading(sv));
    list_lead(b, md, pv_tr(sv, "These limits and constraints cannot all hold together "
                               "(dropping any one of them removes the conflict):",
                           "Dessa ramar och villkor kan inte gälla samtidigt (tas "
                           "något av dem bort försvinner konflikten):"));
    for (size_t i = 0; i < s->nconflict; i++) {
        size_t g = s->conflict[i];
        pv_buf_puts(b, md ? "- " : "  - ");
        if (g < c->nres) {
            pv_buf_printf(b, "%s ", pv_tr(sv, "resource", "resurs"));
            md_text(b, pv_res_name(c, g, sv), md);
            pv_buf_printf(b, ": %s ", pv_tr(sv, "limit", "ram"));
            pv_res_amount(b, c, g, c->res[g].limit, sv);
        } else if (g < c->nres + c->ncons) {
            const pv_constraint *q = &c->cons[g - c->nres];
            pv_buf_printf(b, "%s ", pv_tr(sv, "constraint", "villkor"));
            pv_buf tmp;
            pv_buf_init(&tmp);
            pv_cons_desc(&tmp, c, q, sv);
            md_text(b, tmp.data, md);
            pv_buf_free(&tmp);
        } else
            pv_buf_puts(b, pv_group_name(c, g, sv));
        pv_buf_putc(b, '\n');
    }
    if (md)
        pv_buf_putc(b, '\n');
    if (s->raise_helps) {
        list_lead(b, md, pv_tr(sv, "Raising the resource limits by this much would make "
                                   "the forced and minimum requirements fit:",
                               "Så mycket skulle resursramarna behöva höjas för att "
                               "beslutade projekt och miniminivåer ska rymmas:"));
        for (size_t k = 0; k < c->nres; k++)
            raise_line(b, c, k, s->res_raise[k], md, sv);
        if (c->nres > 1) {
            list_lead(b, md,
                      pv_tr(sv, "Or one limit alone, the others as they are:",
                            "Eller en ram ensam, med de andra som de är:"));
            for (size_t k = 0; k < c->nres; k++)
                raise_line(b, c, k, s->res_raise_alone[k], md, sv);
        }
    } else
        pv_buf_printf(b, "%s\n", pv_tr(sv, "Raising the resource limits alone does not help.",
                                       "Att höja resursramarna räcker inte."));
}

/* A resource's use, its limit and the share used (a table row's cells in
 * Markdown, "used / limit (share %)" in text), sep[] between and after. */
static void used_of_limit(pv_buf *b, const pv_case *c, size_t k, double u, double l, int sv,
                          const char *const sep[3])
{
    pv_res_amount(b, c, k, u, sv);
    pv_buf_puts(b, sep[0]);
    pv_res_amount(b, c, k, l, sv);
    pv_buf_puts(b, sep[1]);
    num(b, l > 0 ? 100 * u / l : 0, 1, sv);
    pv_buf_puts(b, sep[2]);
}

/* Each resource: used against its limit (a bar in text, a table in Markdown). */
static void text_resources(pv_buf *b, const sel_view *v, int md)
{
    const pv_case *c = v->c;
    const pv_selection *s = v->s;
    int sv = v->sv;
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s\n", pv_tr(sv, "Resources", "Resurser"));
    if (md)
        pv_buf_printf(b, "| %s | %s | %s | %% |\n|---|---:|---:|---:|\n",
                      pv_tr(sv, "Resource", "Resurs"), pv_tr(sv, "Used", "Använt"),
                      pv_tr(sv, "Limit", "Ram"));
    size_t wn = 0;
    for (size_t k = 0; k < c->nres; k++)
        if (pv_text_width(pv_res_name(c, k, sv)) > wn)
            wn = pv_text_width(pv_res_name(c, k, sv));
    for (size_t k = 0; k < c->nres; k++) {
        double u = s->res_used[k], l = c->res[k].limit;
        if (md) {
            pv_buf_puts(b, "| ");
            md_text(b, pv_res_name(c, k, sv), 1);
            pv_buf_puts(b, " | ");
            used_of_limit(b, c, k, u, l, sv, (const char *const[]){" | ", " | ", " |\n"});
        } else {
            pv_buf_puts(b, "  ");
            pv_buf_pad(b, pv_res_name(c, k, sv), wn, 0);
            pv_buf_putc(b, ' ');
            bar(b, u, l);
            pv_buf_putc(b, ' ');
            used_of_limit(b, c, k, u, l, sv, (const char *const[]){" / ", " (", " %)\n"});
        }
    }
    if (c->cofin && pv_over_limits(c, s))
        pv_buf_printf(b, md ? "\n%s\n" : "  %s\n", pv_cofin_over_text(sv));
}

/* The constraints that hold with no slack. */
static void text_binding(pv_buf *b, const sel_view *v, int md)
{
    const pv_case *c = v->c;
    const pv_selection *s = v->s;
    int sv = v->sv;
    size_t nb = 0;
    for (size_t i = 0; i < c->ncons; i++)
        nb += s->cons_binding[i] != 0;
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s\n",
                  pv_tr(sv, "Binding constraints", "Bindande villkor"));
    if (!nb)
        pv_buf_printf(b, "%s%s\n", md ? "" : "  ", pv_tr(sv, "none", "inga"));
    for (size_t i = 0; i < c->ncons; i++) {
        if (!s->cons_binding[i])
            continue;
        const pv_constraint *q = &c->cons[i];
        pv_buf_puts(b, md ? "- " : "  - ");
        pv_buf tmp;
        pv_buf_init(&tmp);
        pv_cons_desc(&tmp, c, q, sv);
        md_text(b, tmp.data, md);
        pv_buf_free(&tmp);
        if (q->type != PV_C_FORCE && q->type != PV_C_REQUIRES) {
            pv_buf_printf(b, "; %s ", pv_tr(sv, "now", "nu"));
            num(b, s->cons_act[i], q->type == PV_C_SHARE ? 2 : 0, sv);
        }
        pv_buf_putc(b, '\n');
    }
}

/* The partners the portfolio engages, and own agreements no project uses. */
static void text_partners(pv_buf *b, const sel_view *v, int md)
{
    const pv_case *c = v->c;
    const pv_selection *s = v->s;
    int sv = v->sv;
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s\n",
                  pv_tr(sv, "Engaged partners", "Engagerade partner"));
    size_t ne = 0;
    for (size_t p = 0; p < s->npart; p++) {
        if (!s->y[p])
            continue;
        ne++;
        pv_buf_printf(b, "%s", md ? "- " : "  - ");
        md_text(b, pv_partner_name(c, p), md);
        if (c->partner_active[p])
            pv_buf_printf(b, " — %s", pv_tr(sv, "existing agreement", "befintligt avtal"));
        pv_buf_putc(b, '\n');
    }
    if (!ne)
        pv_buf_printf(b, "%s%s\n", md ? "" : "  ", pv_tr(sv, "none", "inga"));
    size_t nr = 0;
    for (size_t p = 0; p < s->npart; p++)
        nr += pv_review_listed(v->c, v->s, p) != PV_REV_NONE;
    if (nr) {
        pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s\n",
                      pv_tr(sv, "Review of existing agreements", "Översyn av befintliga avtal"));
        for (size_t p = 0; p < s->npart; p++) {
            pv_review_action a = pv_review_listed(v->c, v->s, p);
            if (a == PV_REV_NONE)
                continue;
            pv_buf_printf(b, "%s", md ? "- " : "  - ");
            md_text(b, pv_partner_name(c, p), md);
            pv_buf_printf(b, ": %s — ", pv_review_word(a, sv));
            pv_buf t;
            pv_buf_init(&t);
            pv_review_reasons(&t, c, s, p, sv);
            md_text(b, t.data, md);
            pv_buf_free(&t);
            pv_buf_init(&t);
            if (pv_fu_select_text(&t, c, p, sv)) {
                pv_buf_puts(b, md ? "; " : "\n      ");
                md_text(b, t.data, md);
            }
            pv_buf_free(&t);
            pv_buf_putc(b, '\n');
        }
    }
}

/* The heading of the proposals, or of the excluded ones (set apart). */
static void proposals_head(pv_buf *b, int sv, int md, int excluded)
{
    const char *h = excluded ? pv_tr(sv, "Excluded by the policy", "Uteslutna enligt policyn")
                             : pv_tr(sv, "Proposals", "Förslag");
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s\n", h);
    if (md)
        pv_buf_printf(b,
                      "| %s | Id | %s | %s | %s | %s | %s |\n|---:|---|---|---:|---|---|---|\n",
                      pv_tr(sv, "Rank", "Rang"), pv_tr(sv, "Name", "Namn"),
                      pv_tr(sv, "Score", "Poäng"), pv_tr(sv, "In", "Vald"),
                      pv_tr(sv, "Resources", "Resurser"), pv_tr(sv, "Why", "Varför"));
}

/* Every proposal in ranked order, with what it uses and why it is in or
 * out; the excluded ones under their own heading. */
static void text_proposals(pv_buf *b, const sel_view *v, int md)
{
    const pv_case *c = v->c;
    const pv_selection *s = v->s;
    int sv = v->sv;
    const pv_ranking *r = v->r;
    size_t wid = 10;
    for (size_t j = 0; j < r->n; j++)
        if (pv_text_width(pv_project_id(c, j)) > wid)
            wid = pv_text_width(pv_project_id(c, j));
    proposals_head(b, sv, md, r->n && !r->p[v->proj[0].j].eligible);
    for (size_t i = 0; i < r->n; i++) {
        size_t j = v->proj[i].j;
        if (i && !r->p[j].eligible && r->p[v->proj[i - 1].j].eligible)
            proposals_head(b, sv, md, 1);
        pv_buf tmp, use;
        pv_buf_init(&tmp);
        pv_buf_init(&use);
        num(&tmp, r->p[j].score, 2, sv);
        if (c->nres)
            pv_use_text(&use, c, s, j, sv);
        const char *mark = s->x[j] ? (md ? pv_tr(sv, "yes", "ja") : "*") : (md ? "" : " ");
        if (md) {
            pv_buf_printf(b, "| %zu | ", r->rank[j]);
            md_text(b, pv_project_id(c, j), 1);
            pv_buf_puts(b, " | ");
            md_text(b, pv_project_name(c, j), 1);
            pv_buf_printf(b, " | %s | %s | ", tmp.data ? tmp.data : "", mark);
            md_text(b, use.data ? use.data : "", 1);
            pv_buf_puts(b, " | ");
            md_text(b, v->proj[i].why, 1);
            pv_flags_text(b, c, &r->p[j], sv, md);
            pv_buf_puts(b, " |\n");
        } else {
            pv_buf_printf(b, "%s %3zu  ", mark, r->rank[j]);
            pv_buf_pad(b, pv_project_id(c, j), wid, 0);
            pv_buf_putc(b, ' ');
            pv_buf_pad(b, tmp.data ? tmp.data : "", 8, 1);
            pv_buf_puts(b, "  ");
            md_text(b, pv_project_name(c, j), 0);
            pv_buf_putc(b, '\n');
            if (use.len) {
                pv_buf_printf(b, "%7s", "");
                md_text(b, use.data, 0);
                pv_buf_putc(b, '\n');
            }
            pv_buf_printf(b, "%7s", "");
            md_text(b, v->proj[i].why, 0);
            pv_buf_putc(b, '\n');
            pv_flags_text(b, c, &r->p[j], sv, md);
        }
        pv_buf_free(&tmp);
        pv_buf_free(&use);
    }
}

static void render_text(pv_buf *b, const sel_view *v, int md)
{
    const pv_case *c = v->c;
    const pv_selection *s = v->s;
    const pv_ranking *r = v->r;
    int sv = v->sv;
    int has_sol = pv_status_has_portfolio(s->status);
    if (md) {
        pv_buf_printf(b, "# %s: ", pv_tr(sv, "Portfolio", "Portfölj"));
        md_text(b, c->name, 1);
        pv_buf_printf(b, "\n\n%s: ", pv_tr(sv, "Model", "Modell"));
        md_text(b, c->model->name, 1);
        pv_buf_puts(b, "\n\n");
    } else {
        pv_buf_printf(b, "%s: ", pv_tr(sv, "Portfolio", "Portfölj"));
        md_text(b, c->name, 0);
        pv_buf_printf(b, "\n%s: ", pv_tr(sv, "Model", "Modell"));
        md_text(b, c->model->name, 0);
        pv_buf_putc(b, '\n');
    }
    pv_objective_head(b, c, sv, md);
    pv_buf_printf(b, "%s%s: %s", md ? "- " : "", pv_tr(sv, "Status", "Status"),
                  pv_status_word(s->status, sv));
    if (has_sol) {
        pv_buf_printf(b, "\n%s", md ? "- " : "");
        /* with co-financing the objective is an expected value, not the
         * selected projects' total: the label says which */
        if (c->obj_column)
            pv_buf_printf(b, "%s (%s × %s): ",
                          c->cofin ? pv_tr(sv, "Expected objective", "Förväntat målvärde")
                                   : pv_tr(sv, "Objective", "Målvärde"),
                          pv_tr(sv, "score", "poäng"), c->obj_column);
        else if (c->cofin)
            pv_buf_printf(b, "%s: ", pv_tr(sv, "Expected score", "Förväntad poäng"));
        else
            pv_buf_printf(b, "%s: ", pv_tr(sv, "Total score", "Total poäng"));
        num(b, s->objective, 2, sv);
        if (s->status == PV_STATUS_FEASIBLE) {
            pv_buf_printf(b, " (%s ", pv_tr(sv, "bound", "gräns"));
            num(b, s->bound, 2, sv);
            pv_buf_printf(b, ", %s ", pv_tr(sv, "gap", "gap"));
            num(b, s->gap * 100, 2, sv);
            pv_buf_puts(b, " %)");
        }
        if (c->obj_column || c->cofin) {
            pv_buf_printf(b, "\n%s%s: ", md ? "- " : "", pv_tr(sv, "Total score", "Total poäng"));
            num(b, total_score(v), 2, sv);
        }
        pv_buf_printf(b, "\n%s%s: %zu %s %zu (%zu %s)", md ? "- " : "",
                      pv_tr(sv, "Selected projects", "Valda projekt"), v->nsel,
                      pv_tr(sv, "of", "av"), r->n, v->nelig, pv_tr(sv, "eligible", "valbara"));
    }
    pv_buf_putc(b, '\n');
    if (s->status == PV_STATUS_INFEASIBLE)
        diagnosis_lines(b, v, md);
    if (has_sol && v->nsel)
        pv_portfolio_text(b, c, r, s, sv, md);
    if (c->nres && has_sol)
        text_resources(b, v, md);
    if (has_sol && c->ncons)
        text_binding(b, v, md);
    if (has_sol)
        text_partners(b, v, md);
    if (has_sol)
        pv_cofin_text(b, c, r, s, sv, md);
    text_proposals(b, v, md);
}

/* ------------------------------------------------------------ CSV */

/* One table, a `section` column says what each row is (pv_sel_csv_row);
 * headers and words follow the language (Swedish Excel users read the sv
 * form); a project row ends with its use of each resource and the partner
 * fees it triggers. */

/* The per-resource columns: empty on rows that are not projects. */
static void csv_use(pv_buf *b, const sel_view *v, long j)
{
    for (size_t k = 0; k < v->c->nres; k++)
        for (int part = 0; part < 2; part++) {
            pv_csv_sep(b, v->sv);
            if (j >= 0)
                pv_csv_num(b,
                           part ? pv_proj_partner_use(v->c, v->s, (size_t)j, k)
                                : pv_proj_use(v->c, (size_t)j, k),
                           6, v->sv);
        }
    pv_csv_eol(b);
}

static void csv_header(pv_buf *b, const sel_view *v)
{
    int sv = v->sv;
    static const char *const en[] = {"section", "id", "name", "status", "value", "limit", "detail"};
    static const char *const svh[] = {"avsnitt", "id",  "namn",  "status",
                                      "värde",   "ram", "detalj"};
    pv_csv_header(b, sv ? svh : en, sizeof en / sizeof *en, sv);
    for (size_t k = 0; k < v->c->nres; k++)
        for (int part = 0; part < 2; part++) {
            pv_buf h;
            pv_buf_init(&h);
            pv_res_heading(&h, v->c, k, sv, "",
                           part ? pv_tr(sv, " partner fees", " partneravgifter") : "");
            pv_csv_sep(b, sv);
            pv_csv_cell(b, h.data ? h.data : "", sv);
            pv_buf_free(&h);
        }
    pv_csv_eol(b);
}

static void render_csv(pv_buf *b, const sel_view *v)
{
    const pv_case *c = v->c;
    const pv_selection *s = v->s;
    const pv_ranking *r = v->r;
    int sv = v->sv;
    int has_sol = pv_status_has_portfolio(s->status);
    csv_header(b, v);
    pv_buf tx;
    pv_buf_init(&tx);
    pv_objective_text(&tx, c, sv);
    pv_sel_csv_row(b, sv, pv_tr(sv, "summary", "sammanfattning"), pv_tr(sv, "objective", "målvärde"),
            c->name, sv ? pv_status_word(s->status, sv) : pv_status_key(s->status), has_sol,
            s->objective, has_sol, s->bound, tx.data ? tx.data : "");
    pv_buf_free(&tx);
    csv_use(b, v, -1);
    for (size_t k = 0; has_sol && k < c->nres; k++) {
        pv_sel_csv_row(b, sv, pv_tr(sv, "resource", "resurs"), c->res[k].id, pv_res_name(c, k, sv), "",
                1, s->res_used[k], 1, c->res[k].limit, pv_res_unit(c, k, sv));
        csv_use(b, v, -1);
    }
    for (size_t i = 0; has_sol && i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        pv_buf tmp;
        pv_buf_init(&tmp);
        pv_cons_desc(&tmp, c, q, sv);
        pv_sel_csv_row(b, sv, pv_tr(sv, "constraint", "villkor"), q->id, pv_cons_name(q, sv),
                s->cons_binding[i] ? pv_tr(sv, "binding", "bindande") : "", 1, s->cons_act[i], 0,
                0, tmp.data ? tmp.data : "");
        csv_use(b, v, -1);
        pv_buf_free(&tmp);
    }
    for (size_t p = 0; has_sol && p < s->npart; p++)
        if (s->listed[p]) {
            pv_buf t;
            pv_buf_init(&t);
            pv_review_action a = pv_review_listed(v->c, v->s, p);
            if (a != PV_REV_NONE) {
                pv_buf_printf(&t, "%s: ", pv_review_word(a, sv));
                pv_review_reasons(&t, c, s, p, sv);
                pv_buf fu;
                pv_buf_init(&fu);
                if (pv_fu_select_text(&fu, c, p, sv))
                    pv_buf_printf(&t, " | %s", fu.data ? fu.data : "");
                pv_buf_free(&fu);
            }
            pv_sel_csv_row(b, sv, "partner", pv_partner_id(c, p), pv_partner_name(c, p),
                    s->y[p] ? pv_tr(sv, "engaged", "engagerad") : "", 0, 0, 0, 0, t.data ? t.data : "");
            csv_use(b, v, -1);
            pv_buf_free(&t);
        }
    for (size_t i = 0; i < r->n; i++) {
        size_t j = v->proj[i].j;
        const pv_why *w = &s->why[j];
        int has_loss = s->have_why && (w->kind == PV_WHY_IN || w->kind == PV_WHY_OUT) &&
                       !isnan(w->loss) && r->p[j].eligible;
        pv_standing sd = !r->p[j].eligible ? PV_STAND_EXCLUDED
                         : s->x[j]         ? PV_STAND_SELECTED
                                           : PV_STAND_NOT_SELECTED;
        const char *st = sv ? pv_standing_word(sd, sv) : pv_standing_key(sd);
        pv_buf d;
        pv_buf_init(&d);
        pv_buf_puts(&d, v->proj[i].why);
        pv_flags_text(&d, c, &r->p[j], sv, 2);
        pv_sel_csv_row(b, sv, pv_tr(sv, "project", "projekt"), pv_project_id(c, j), pv_project_name(c, j),
                st, 1, r->p[j].score, has_loss, has_loss ? w->loss : 0, d.data ? d.data : "");
        pv_buf_free(&d);
        csv_use(b, v, (long)j);
    }
    if (has_sol)
        pv_cofin_csv(b, c, r, s, sv);
    for (size_t i = 0; s->status == PV_STATUS_INFEASIBLE && i < s->nconflict; i++) {
        size_t g = s->conflict[i];
        pv_sel_csv_row(b, sv, pv_tr(sv, "conflict", "konflikt"), pv_group_id(c, g),
                pv_group_name(c, g, sv), "", 0, 0, 0, 0, "");
        csv_use(b, v, -1);
    }
    for (size_t k = 0; s->status == PV_STATUS_INFEASIBLE && s->raise_helps && k < c->nres; k++) {
        pv_sel_csv_row(b, sv, pv_tr(sv, "raise", "höjning"), c->res[k].id, pv_res_name(c, k, sv), "", 1,
                s->res_raise[k], 1, c->res[k].limit, "");
        csv_use(b, v, -1);
    }
    for (size_t k = 0;
         s->status == PV_STATUS_INFEASIBLE && s->raise_helps && c->nres > 1 && k < c->nres; k++) {
        int can = !isnan(s->res_raise_alone[k]);
        pv_sel_csv_row(b, sv, pv_tr(sv, "raise_alone", "höjning_ensam"), c->res[k].id,
                       pv_res_name(c, k, sv), "", can, can ? s->res_raise_alone[k] : 0, 1,
                       c->res[k].limit, "");
        csv_use(b, v, -1);
    }
}

char *pv_render_select(const pv_case *c, const pv_ranking *r, const pv_selection *s,
                       pv_format fmt, pv_lang lang, size_t *len, pv_error *err)
{
    if (!c || !r || !s) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "pv_render_select: missing argument");
        return NULL;
    }
    if (fmt == PV_FMT_HTML)
        return pv_html_select(c, r, s, pv_lang_is_sv(c, lang), len, err);
    if (fmt == PV_FMT_XLSX)
        return pv_xlsx_select(c, r, s, pv_lang_is_sv(c, lang), len, err);
    sel_view v;
    pv_buf b;
    pv_buf_init(&b);
    if (view_build(&v, c, r, s, pv_lang_is_sv(c, lang))) {
        view_free(&v);
        pv_err_nomem(err);
        return NULL;
    }
    switch (fmt) {
    case PV_FMT_JSON: render_json(&b, &v); break;
    case PV_FMT_CSV: render_csv(&b, &v); break;
    case PV_FMT_MD: render_text(&b, &v, 1); break;
    default: render_text(&b, &v, 0); break;
    }
    view_free(&v);
    return pv_buf_finish(&b, len, err);
}
