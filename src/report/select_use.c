/* select_use.c — what each project uses, for every select report: its own
 * use of each resource (its row in the projects file), the partner fees that
 * choosing it triggers, and the chosen projects with their cost up front.
 * Also the display-width helpers that keep text columns in line. */
#include "report.h"

#include <string.h>

size_t pv_text_width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if ((*p & 0xC0) == 0x80)
            continue; /* a continuation byte */
        /* U+0300..U+036F (combining marks) take no column */
        if (*p == 0xCC || (*p == 0xCD && p[1] >= 0x80 && p[1] <= 0xAF))
            continue;
        w++;
    }
    return w;
}

void pv_buf_pad(pv_buf *b, const char *s, size_t width, int right)
{
    size_t w = pv_text_width(s);
    if (right)
        for (; w < width; w++)
            pv_buf_putc(b, ' ');
    pv_buf_plain(b, s);
    if (!right)
        for (; w < width; w++)
            pv_buf_putc(b, ' ');
}

void pv_use_json(pv_buf *b, const pv_case *c, const pv_selection *s, size_t j)
{
    for (int part = 0; part < 2; part++) {
        pv_buf_puts(b, part ? ", \"partner_use\": {" : ", \"use\": {");
        for (size_t k = 0; k < c->nres; k++) {
            pv_buf_puts(b, k ? ", " : "");
            pv_buf_json_str(b, c->res[k].id);
            pv_buf_puts(b, ": ");
            pv_buf_num(b, part ? pv_proj_partner_use(c, s, j, k) : pv_proj_use(c, j, k), 6);
        }
        pv_buf_putc(b, '}');
    }
}

/* "Budget 120 000 kr, Arbetstid 420 h" */
static void named_amounts(pv_buf *b, const pv_case *c, const double *x, int sv)
{
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, k ? ", " : "");
        pv_buf_plain(b, pv_res_name(c, k, sv));
        pv_buf_putc(b, ' ');
        pv_res_amount(b, c, k, x[k], sv);
    }
}

void pv_use_text(pv_buf *b, const pv_case *c, const pv_selection *s, size_t j, int sv)
{
    double own[64] = {0}, fee[64] = {0};
    size_t n = c->nres < 64 ? c->nres : 64;
    int any_fee = 0;
    for (size_t k = 0; k < n; k++) {
        own[k] = pv_proj_use(c, j, k);
        fee[k] = pv_proj_partner_use(c, s, j, k);
        any_fee |= fee[k] != 0;
    }
    pv_buf_puts(b, pv_tr(sv, "uses ", "använder "));
    named_amounts(b, c, own, sv);
    if (any_fee) {
        pv_buf_puts(b, pv_tr(sv, "; partner fees ", "; partneravgifter "));
        named_amounts(b, c, fee, sv);
    }
}

/* Widths of the portfolio table's columns (display width). */
static size_t amount_width(const pv_case *c, size_t k, double x, int sv)
{
    pv_buf t;
    pv_buf_init(&t);
    pv_res_amount(&t, c, k, x, sv);
    size_t w = t.data ? pv_text_width(t.data) : 0;
    pv_buf_free(&t);
    return w;
}

static void amount_cell(pv_buf *b, const pv_case *c, size_t k, double x, int sv, size_t w)
{
    pv_buf t;
    pv_buf_init(&t);
    pv_res_amount(&t, c, k, x, sv);
    pv_buf_puts(b, "  ");
    pv_buf_pad(b, t.data ? t.data : "", w, 1);
    pv_buf_free(&t);
}

/* One row of the portfolio table: a label and an amount per resource. */
static void port_row(pv_buf *b, const pv_case *c, const char *id, const char *name,
                     const double *x, const size_t *w, size_t wid, size_t wname, int sv, int md)
{
    if (md) {
        pv_buf_puts(b, "| ");
        pv_buf_md(b, id);
        pv_buf_puts(b, " | ");
        pv_buf_md(b, name);
        for (size_t k = 0; k < c->nres; k++) {
            pv_buf_puts(b, " | ");
            pv_res_amount(b, c, k, x[k], sv);
        }
        pv_buf_puts(b, " |\n");
        return;
    }
    pv_buf_puts(b, "  ");
    pv_buf_pad(b, id, wid, 0);
    pv_buf_puts(b, "  ");
    pv_buf_pad(b, name, wname, 0);
    for (size_t k = 0; k < c->nres; k++)
        amount_cell(b, c, k, x[k], sv, w[k]);
    pv_buf_putc(b, '\n');
}

/* "villkor: Nytt avtal; Hög risk": the model's flags on project p, by name */
static void flag_names(pv_buf *b, const pv_case *c, const pv_proj_result *p, int sv)
{
    for (size_t k = 0; k < p->nflags; k++) {
        pv_buf_puts(b, k ? "; " : pv_tr(sv, "flag: ", "villkor: "));
        pv_buf_plain(b, pv_rule_name(&c->model->rules[p->flags[k]], sv));
    }
}

void pv_portfolio_text(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                       int sv, int md)
{
    size_t n = c->nres < 64 ? c->nres : 64, w[64] = {0}, wid = 0, wname = 0;
    double own[64] = {0}, fees[64] = {0}, tot[64] = {0};
    const char *l_fees = pv_tr(sv, "Partner fees", "Partneravgifter");
    const char *l_tot = pv_tr(sv, "Total", "Summa");
    for (size_t k = 0; k < n; k++) {
        fees[k] = s->res_used[k];
        tot[k] = s->res_used[k];
    }
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        if (!s->x[j])
            continue;
        size_t a = pv_text_width(pv_project_id(c, j)), bn = pv_text_width(pv_project_name(c, j));
        wid = a > wid ? a : wid;
        wname = bn > wname ? bn : wname;
        for (size_t k = 0; k < n; k++) {
            fees[k] -= pv_proj_use(c, j, k);
            size_t aw = amount_width(c, k, pv_proj_use(c, j, k), sv);
            w[k] = aw > w[k] ? aw : w[k];
        }
    }
    for (size_t k = 0; k < n; k++) {
        if (fees[k] < 0 && fees[k] > -1e-6)
            fees[k] = 0;
        size_t aw = amount_width(c, k, tot[k], sv);
        w[k] = aw > w[k] ? aw : w[k];
        aw = amount_width(c, k, fees[k], sv);
        w[k] = aw > w[k] ? aw : w[k];
    }
    if (pv_text_width(l_fees) > wname)
        wname = pv_text_width(l_fees);
    pv_buf_printf(b, md ? "\n## %s\n\n" : "\n%s\n",
                  pv_tr(sv, "Selected projects and their cost", "Valda projekt och vad de kostar"));
    if (md) {
        pv_buf_printf(b, "| Id | %s |", pv_tr(sv, "Name", "Namn"));
        for (size_t k = 0; k < n; k++) {
            pv_buf_putc(b, ' ');
            pv_buf_md(b, pv_res_name(c, k, sv));
            pv_buf_puts(b, " |");
        }
        pv_buf_puts(b, "\n|---|---|");
        for (size_t k = 0; k < n; k++)
            pv_buf_puts(b, "---:|");
        pv_buf_putc(b, '\n');
    } else {
        pv_buf_puts(b, "  ");
        pv_buf_pad(b, "", wid + 2 + wname, 0);
        for (size_t k = 0; k < n; k++) {
            pv_buf_puts(b, "  ");
            size_t nw = pv_text_width(pv_res_name(c, k, sv));
            w[k] = nw > w[k] ? nw : w[k];
            pv_buf_pad(b, pv_res_name(c, k, sv), w[k], 1);
        }
        pv_buf_putc(b, '\n');
    }
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        if (!s->x[j])
            continue;
        for (size_t k = 0; k < n; k++)
            own[k] = pv_proj_use(c, j, k);
        /* a selected project the model flags says so in the decision's own
         * table, not only further down in the ranking */
        pv_buf fl;
        pv_buf_init(&fl);
        flag_names(&fl, c, &r->p[j], sv);
        if (md && fl.len) {
            pv_buf nm;
            pv_buf_init(&nm);
            pv_buf_printf(&nm, "%s (%s)", pv_project_name(c, j), fl.data);
            port_row(b, c, pv_project_id(c, j), nm.data ? nm.data : "", own, w, wid, wname, sv, md);
            b->oom |= nm.oom;
            pv_buf_free(&nm);
        } else
            port_row(b, c, pv_project_id(c, j), pv_project_name(c, j), own, w, wid, wname, sv, md);
        if (!md && fl.len) {
            pv_buf_pad(b, "", wid + 4, 0);
            pv_buf_puts(b, fl.data);
            pv_buf_putc(b, '\n');
        }
        b->oom |= fl.oom;
        pv_buf_free(&fl);
    }
    port_row(b, c, "", l_fees, fees, w, wid, wname, sv, md);
    port_row(b, c, "", l_tot, tot, w, wid, wname, sv, md);
}

void pv_diff_text(pv_buf *b, const pv_case *c, const unsigned char *add, const unsigned char *rem,
                  size_t n)
{
    int a = 0, r = 0;
    for (size_t j = 0; j < n; j++) {
        a |= add[j] != 0;
        r |= rem[j] != 0;
    }
    if (!a && !r) {
        pv_buf_puts(b, "–");
        return;
    }
    if (a) {
        pv_buf_putc(b, '+');
        pv_ids_text(b, c, add, n, "");
    }
    if (r) {
        pv_buf_puts(b, a ? " −" : "−");
        pv_ids_text(b, c, rem, n, "");
    }
}

int pv_res_binding(const pv_case *c, const pv_ranking *r, const pv_selection *s, size_t k)
{
    double left = c->res[k].limit - s->res_used[k];
    int any = 0;
    for (size_t j = 0; j < r->n; j++) {
        if (s->x[j] || !r->p[j].eligible)
            continue;
        any = 1;
        if (c->res[k].a[j] <= left + 1e-9)
            return 0;
    }
    return any;
}

void pv_sel_csv_row(pv_buf *b, int sv, const char *sec, const char *id, const char *name,
                    const char *status, int has_a, double a, int has_l, double l,
                    const char *detail)
{
    const char *const head[] = {sec, id, name, status};
    pv_csv_cells(b, head, 4, sv);
    if (has_a)
        pv_csv_num(b, a, 6, sv);
    pv_csv_sep(b, sv);
    if (has_l)
        pv_csv_num(b, l, 6, sv);
    pv_csv_sep(b, sv);
    pv_csv_cell(b, detail, sv);
}

void pv_cons_desc(pv_buf *b, const pv_case *c, const pv_constraint *q, int sv)
{
    int named = q->label && q->label[0];
    pv_buf_plain(b, pv_cons_name(q, sv));
    pv_buf_puts(b, named ? " (" : ": ");
    pv_buf_puts(b, pv_ctype_word(q->type, sv));
    if (q->column && !named) {
        pv_buf_putc(b, ' ');
        pv_buf_plain(b, q->column);
        pv_buf_puts(b, " = ");
        pv_buf_plain(b, q->value ? pv_case_value_label(c, q->column, q->value, sv) : "");
    }
    if (q->type == PV_C_SHARE) {
        pv_buf_puts(b, pv_tr(sv, " of ", " av "));
        pv_buf_plain(b, pv_res_name(c, (size_t)q->resource, sv));
    }
    if (q->type == PV_C_REQUIRES) {
        pv_buf_puts(b, ": ");
        pv_proj_ref(b, c, q->project);
        pv_buf_printf(b, " %s", pv_tr(sv, "needs", "kräver"));
        for (size_t k = 0; k < q->nprojects; k++) {
            pv_buf_puts(b, k ? ", " : " ");
            pv_proj_ref(b, c, q->projects[k]);
        }
    }
    if (q->type == PV_C_EXCLUSIVE || (q->type == PV_C_FORCE && q->nprojects)) {
        pv_buf_puts(b, q->type == PV_C_FORCE ? pv_tr(sv, ", included:", ", med:") : ":");
        for (size_t k = 0; k < q->nprojects; k++) {
            pv_buf_puts(b, k ? ", " : " ");
            pv_proj_ref(b, c, q->projects[k]);
        }
    }
    if (q->type == PV_C_FORCE && q->nout) {
        pv_buf_puts(b, pv_tr(sv, ", left out:", ", inte med:"));
        for (size_t k = 0; k < q->nout; k++) {
            pv_buf_puts(b, k ? ", " : " ");
            pv_proj_ref(b, c, q->out[k]);
        }
    }
    pv_cons_bounds(b, q, sv, pv_fmt_num);
    if (named)
        pv_buf_putc(b, ')');
}
