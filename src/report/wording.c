/* wording.c — status words and reasons, once for every format (see wording.h). */
#include "wording.h"
#include "html.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

const char *pv_status_key(pv_status st)
{
    switch (st) {
    case PV_STATUS_OPTIMAL: return "optimal";
    case PV_STATUS_FEASIBLE: return "feasible";
    case PV_STATUS_INFEASIBLE: return "infeasible";
    default: return "error";
    }
}

/* "genomförbar" pairs with "ogenomförbar", the usual Swedish for a plan that
 * cannot be carried out; "möjlig"/"omöjlig" and "tillåten" had crept in. */
const char *pv_status_word(pv_status st, int sv)
{
    switch (st) {
    case PV_STATUS_OPTIMAL: return pv_tr(sv, "optimal", "optimal");
    case PV_STATUS_FEASIBLE:
        return pv_tr(sv, "feasible (not proven optimal)", "genomförbar (ej bevisat optimal)");
    case PV_STATUS_INFEASIBLE: return pv_infeasible_word(sv);
    default: return pv_tr(sv, "error", "fel");
    }
}

int pv_status_has_portfolio(pv_status st)
{
    return st == PV_STATUS_OPTIMAL || st == PV_STATUS_FEASIBLE;
}

const char *pv_eligible_word(int eligible, int sv)
{
    return eligible ? pv_tr(sv, "eligible", "valbar") : pv_tr(sv, "excluded", "utesluten");
}

const char *pv_review_text(int sv)
{
    return pv_tr(sv, "review: no selected project uses this agreement",
                 "översyn: inget valt projekt använder avtalet");
}

const char *pv_infeasible_word(int sv) { return pv_tr(sv, "infeasible", "ogenomförbar"); }

const char *pv_why_infeasible_heading(int sv)
{
    return pv_tr(sv, "Why no portfolio is feasible", "Varför ingen portfölj är genomförbar");
}

/* A number in a reason: with its unit in a sentence (HTML), plain in text. */
static void amount(pv_buf *b, const char *res_id, double x, int sv, int sentence)
{
    if (sentence)
        pv_html_amount(b, res_id, x, sv);
    else
        pv_fmt_num(b, x, 2, sv);
}

static void points(pv_buf *b, double x, int sv, int sentence)
{
    if (sentence)
        pv_html_num(b, x, 2, sv);
    else
        pv_fmt_num(b, x, 2, sv);
    pv_buf_puts(b, pv_tr(sv, " points", " poäng"));
}

static void why_in(pv_buf *b, const pv_why *w, int sv, int sentence)
{
    if (isnan(w->loss)) {
        pv_buf_puts(b, pv_tr(sv, "selected: no feasible portfolio without it",
                             "vald: ingen genomförbar portfölj utan det"));
        return;
    }
    pv_buf_puts(b, pv_tr(sv, "selected: without it the portfolio loses ",
                         "vald: utan det förlorar portföljen "));
    points(b, w->loss, sv, sentence);
}

static void why_out(pv_buf *b, const pv_case *c, const pv_why *w, int sv, int sentence)
{
    pv_buf_puts(b, pv_tr(sv, "not selected: taking it in would cost ",
                         "inte vald: att ta in det skulle kosta "));
    points(b, w->loss, sv, sentence);
    if (!w->ndisplaced)
        return;
    pv_buf_puts(b, pv_tr(sv, " and push out ", " och tränga undan "));
    for (size_t i = 0; i < w->ndisplaced; i++) {
        pv_buf_puts(b, i ? ", " : "");
        pv_buf_puts(b, pv_project_id(c, w->displaced[i]));
    }
}

static void why_cannot_fit(pv_buf *b, const pv_case *c, const pv_why *w, int sv, int sentence)
{
    const char *rid = c->res[w->resource].id;
    pv_buf_puts(b, pv_tr(sv, "cannot fit: it needs ", "får inte plats: det behöver "));
    amount(b, rid, w->excess, sv, sentence);
    pv_buf_puts(b, pv_tr(sv, " more than the whole limit of ", " mer än hela ramen på "));
    amount(b, rid, c->res[w->resource].limit, sv, sentence);
    pv_buf_printf(b, " (%s)", rid);
}

static void why_excluded(pv_buf *b, const pv_case *c, const pv_proj_result *p, int sv)
{
    for (size_t i = 0; i < p->nexcluded; i++) {
        const pv_rule *ru = &c->model->rules[p->excluded_by[i]];
        pv_buf_printf(b, "%s%s %s: %s", i ? "; " : "", pv_tr(sv, "excluded by", "utesluten av"),
                      ru->id, ru->because ? ru->because : "");
    }
}

static void why_body(pv_buf *b, const pv_case *c, const pv_proj_result *p,
                     const pv_selection *s, size_t j, pv_why_kind k, int sv, int sentence)
{
    const pv_why *w = &s->why[j];
    switch (k) {
    case PV_WHY_NONE:
        if (s->status == PV_STATUS_INFEASIBLE)
            pv_buf_puts(b, pv_tr(sv, "no feasible portfolio", "ingen genomförbar portfölj"));
        else
            pv_buf_puts(b, s->x[j] ? pv_tr(sv, "selected", "vald")
                                   : pv_tr(sv, "not selected", "inte vald"));
        break;
    case PV_WHY_IN: why_in(b, w, sv, sentence); break;
    case PV_WHY_OUT: why_out(b, c, w, sv, sentence); break;
    case PV_WHY_CANNOT_FIT: why_cannot_fit(b, c, w, sv, sentence); break;
    case PV_WHY_CONFLICT:
        pv_buf_puts(b, pv_tr(sv, "not selected: no feasible portfolio includes it",
                             "inte vald: ingen genomförbar portfölj rymmer det"));
        break;
    case PV_WHY_FORCED_IN:
        pv_buf_printf(b, "%s %s", pv_tr(sv, "selected: decided in by", "vald: beslutad genom"),
                      c->cons[w->cons].id);
        break;
    case PV_WHY_FORCED_OUT:
        pv_buf_printf(b, "%s %s",
                      pv_tr(sv, "not selected: decided out by", "inte vald: bortvald genom"),
                      c->cons[w->cons].id);
        break;
    case PV_WHY_EXCLUDED: why_excluded(b, c, p, sv); break;
    }
    if ((k == PV_WHY_IN || k == PV_WHY_OUT) && !w->exact)
        pv_buf_puts(b, pv_tr(sv, " (not proven)", " (ej bevisat)"));
}

char *pv_why_text(const pv_case *c, const pv_ranking *r, const pv_selection *s, size_t j,
                  int sv, int sentence)
{
    const pv_proj_result *p = &r->p[j];
    pv_why_kind k = s->have_why ? s->why[j].kind : PV_WHY_NONE;
    if (!p->eligible)
        k = PV_WHY_EXCLUDED;
    pv_buf b;
    pv_buf_init(&b);
    /* The table beside the reason says selected or not already. */
    if (!sentence || k != PV_WHY_NONE || s->status == PV_STATUS_INFEASIBLE)
        why_body(&b, c, p, s, j, k, sv, sentence);
    if (sentence && b.data && b.len) {
        b.data[0] = (char)toupper((unsigned char)b.data[0]);
        if (b.data[b.len - 1] != '.')
            pv_buf_putc(&b, '.');
    }
    if (!b.data && !b.oom)
        pv_buf_puts(&b, "");
    return pv_buf_take(&b, NULL);
}
