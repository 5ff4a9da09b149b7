/* whatif_report.c — compare, frontier, sensitivity and robust reports. */
#include "../analyse/compare.h"
#include "../analyse/whatif.h"
#include "html.h"
#include "wording.h"

#include <math.h>
#include <string.h>

/* JSON array of the ids of projects with x[j] set (in file order). */
static void json_ids(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n)
{
    pv_buf_putc(b, '[');
    int first = 1;
    for (size_t j = 0; x && j < n; j++)
        if (x[j]) {
            if (!first)
                pv_buf_puts(b, ", ");
            pv_buf_json_str(b, pv_project_id(c, j));
            first = 0;
        }
    pv_buf_putc(b, ']');
}

static void text_ids(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n,
                     const char *none)
{
    int first = 1;
    for (size_t j = 0; x && j < n; j++)
        if (x[j]) {
            pv_buf_puts(b, first ? "" : ", ");
            pv_buf_puts(b, pv_project_id(c, j));
            first = 0;
        }
    if (first)
        pv_buf_puts(b, none);
}

/* diff[j]: 1 added (in b, not in a), 2 removed */
static void diff(const unsigned char *a, const unsigned char *b, size_t n, unsigned char *add,
                 unsigned char *rem)
{
    for (size_t j = 0; j < n; j++) {
        add[j] = b && b[j] && !(a && a[j]);
        rem[j] = a && a[j] && !(b && b[j]);
    }
}

/* ---------------------------------------------------------------- compare */

/* Selected ids of a run as a list of strings (scenarios may change the data). */
static int in_run(const pv_run *run, const char *id)
{
    long j = pv_case_project_index(run->c, id);
    return j >= 0 && run->s->x && run->s->x[j] && pv_status_has_portfolio(run->s->status);
}

static void run_diff(pv_buf *b, const pv_run *base, const pv_run *run, int added, int json)
{
    const pv_run *from = added ? run : base, *other = added ? base : run;
    int first = 1;
    if (json)
        pv_buf_putc(b, '[');
    for (size_t j = 0; j < from->r->n; j++) {
        const char *id = pv_project_id(from->c, j);
        if (!in_run(from, id) || in_run(other, id))
            continue;
        pv_buf_puts(b, first ? "" : ", ");
        if (json)
            pv_buf_json_str(b, id);
        else
            pv_buf_puts(b, id);
        first = 0;
    }
    if (json)
        pv_buf_putc(b, ']');
    else if (first)
        pv_buf_puts(b, "–");
}

static int compare_json(pv_buf *b, const pv_comparison *cmp, pv_lang lang, pv_error *err)
{
    for (size_t i = 0; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        size_t len;
        char *sel = pv_render_select(run->c, run->r, run->s, PV_FMT_JSON, lang, &len, err);
        if (!sel)
            return -1;
        while (len && (sel[len - 1] == '\n' || sel[len - 1] == ' '))
            sel[--len] = '\0';
        if (i == 0) {
            pv_buf_puts(b, "{\n\"base\": ");
            pv_buf_puts(b, sel);
            pv_buf_puts(b, ",\n\"scenarios\": [");
        } else {
            pv_buf_puts(b, i > 1 ? ",\n{\"name\": " : "\n{\"name\": ");
            pv_buf_json_str(b, run->name);
            pv_buf_puts(b, ", \"added\": ");
            run_diff(b, &cmp->run[0], run, 1, 1);
            pv_buf_puts(b, ", \"removed\": ");
            run_diff(b, &cmp->run[0], run, 0, 1);
            pv_buf_puts(b, ",");
            pv_buf_puts(b, sel[0] == '{' ? sel + 1 : sel);
        }
        pv_free(sel);
    }
    pv_buf_puts(b, cmp->n > 1 ? "\n]\n}\n" : "]\n}\n");
    return 0;
}

char *pv_render_compare(const pv_comparison *cmp, pv_format fmt, pv_lang lang, size_t *len,
                        pv_error *err)
{
    if (fmt == PV_FMT_HTML)
        return pv_html_compare(cmp, pv_lang_is_sv(cmp->run[0].c, lang), len, err);
    pv_buf b;
    pv_buf_init(&b);
    const pv_run *base = &cmp->run[0];
    int sv = pv_lang_is_sv(base->c, lang);
    if (fmt == PV_FMT_JSON) {
        if (compare_json(&b, cmp, lang, err)) {
            pv_buf_free(&b);
            return NULL;
        }
        return pv_buf_finish(&b, len, err);
    }
    if (fmt == PV_FMT_CSV) {
        pv_csv_start(&b, sv);
        const char *h[] = {"scenario", "status", "objective", "selected", "added", "removed"};
        for (int i = 0; i < 6; i++) {
            if (i)
                pv_csv_sep(&b, sv);
            pv_csv_cell(&b, h[i], sv);
        }
        for (size_t k = 0; k < base->c->nres; k++) {
            pv_buf tmp;
            pv_buf_init(&tmp);
            pv_buf_printf(&tmp, "%s_used", base->c->res[k].id);
            pv_csv_sep(&b, sv);
            pv_csv_cell(&b, tmp.data, sv);
            pv_buf_free(&tmp);
            pv_buf_init(&tmp);
            pv_buf_printf(&tmp, "%s_limit", base->c->res[k].id);
            pv_csv_sep(&b, sv);
            pv_csv_cell(&b, tmp.data, sv);
            pv_buf_free(&tmp);
        }
        pv_csv_eol(&b);
        for (size_t i = 0; i < cmp->n; i++) {
            const pv_run *run = &cmp->run[i];
            int ok = run->s->status == PV_STATUS_OPTIMAL || run->s->status == PV_STATUS_FEASIBLE;
            pv_csv_cell(&b, run->name, sv);
            pv_csv_sep(&b, sv);
            pv_csv_cell(&b, pv_status_key(run->s->status), sv);
            pv_csv_sep(&b, sv);
            if (ok)
                pv_csv_num(&b, run->s->objective, 6, sv);
            pv_buf tmp;
            pv_buf_init(&tmp);
            if (ok)
                text_ids(&tmp, run->c, run->s->x, run->r->n, "");
            pv_csv_sep(&b, sv);
            pv_csv_cell(&b, tmp.data ? tmp.data : "", sv);
            pv_buf_free(&tmp);
            for (int a = 1; a >= 0; a--) {
                pv_buf_init(&tmp);
                if (i > 0)
                    run_diff(&tmp, base, run, a, 0);
                pv_csv_sep(&b, sv);
                pv_csv_cell(&b, tmp.data && strcmp(tmp.data, "–") ? tmp.data : "", sv);
                pv_buf_free(&tmp);
            }
            for (size_t k = 0; k < base->c->nres; k++) {
                pv_csv_sep(&b, sv);
                if (ok && k < run->c->nres)
                    pv_csv_num(&b, run->s->res_used[k], 2, sv);
                pv_csv_sep(&b, sv);
                if (k < run->c->nres)
                    pv_csv_num(&b, run->c->res[k].limit, 2, sv);
            }
            pv_csv_eol(&b);
        }
        return pv_buf_finish(&b, len, err);
    }
    int md = fmt == PV_FMT_MD;
    pv_buf_printf(&b, md ? "# %s: %s\n\n" : "%s: %s\n\n",
                  pv_tr(sv, "Scenarios compared", "Scenarier jämförda"), base->c->name);
    if (md)
        pv_buf_printf(&b, "| %s | Status | %s | %s | %s | %s |\n|---|---|---:|---|---|---|\n",
                      pv_tr(sv, "Scenario", "Scenario"), pv_tr(sv, "Value", "Värde"),
                      pv_tr(sv, "Resources used", "Använda resurser"),
                      pv_tr(sv, "Entered", "Tillkom"), pv_tr(sv, "Left", "Föll bort"));
    for (size_t i = 0; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        int ok = run->s->status == PV_STATUS_OPTIMAL || run->s->status == PV_STATUS_FEASIBLE;
        if (md) {
            pv_buf_printf(&b, "| %s | %s | ", i ? run->name : pv_tr(sv, "base", "bas"),
                          pv_status_word(run->s->status, sv));
            if (ok)
                pv_fmt_num(&b, run->s->objective, 2, sv);
            pv_buf_puts(&b, " | ");
            for (size_t k = 0; ok && k < run->c->nres; k++) {
                pv_buf_printf(&b, "%s%s ", k ? "; " : "", run->c->res[k].id);
                pv_fmt_num(&b, run->s->res_used[k], 0, sv);
                pv_buf_puts(&b, " / ");
                pv_fmt_num(&b, run->c->res[k].limit, 0, sv);
            }
            pv_buf_puts(&b, " | ");
            if (i)
                run_diff(&b, base, run, 1, 0);
            pv_buf_puts(&b, " | ");
            if (i)
                run_diff(&b, base, run, 0, 0);
            pv_buf_puts(&b, " |\n");
            continue;
        }
        pv_buf_printf(&b, "%s: %s\n", i ? run->name : pv_tr(sv, "Base", "Bas"),
                      pv_status_word(run->s->status, sv));
        if (ok) {
            pv_buf_printf(&b, "  %s: ", pv_tr(sv, "value", "värde"));
            pv_fmt_num(&b, run->s->objective, 2, sv);
            pv_buf_printf(&b, "\n  %s: ", pv_tr(sv, "selected", "valda"));
            text_ids(&b, run->c, run->s->x, run->r->n, "–");
            pv_buf_putc(&b, '\n');
            for (size_t k = 0; k < run->c->nres; k++) {
                pv_buf_printf(&b, "  %s: ", run->c->res[k].id);
                pv_fmt_num(&b, run->s->res_used[k], 0, sv);
                pv_buf_puts(&b, " / ");
                pv_fmt_num(&b, run->c->res[k].limit, 0, sv);
                pv_buf_putc(&b, '\n');
            }
        }
        if (run->s->status == PV_STATUS_INFEASIBLE && run->s->diagnosed && run->s->nconflict) {
            pv_buf_printf(&b, "  %s: ", pv_tr(sv, "conflicting limits and constraints",
                                              "ramar och villkor i konflikt"));
            for (size_t q = 0; q < run->s->nconflict; q++)
                pv_buf_printf(&b, "%s%s", q ? ", " : "", pv_group_id(run->c, run->s->conflict[q]));
            pv_buf_putc(&b, '\n');
        }
        if (i) {
            pv_buf_printf(&b, "  %s: ", pv_tr(sv, "entered", "tillkom"));
            run_diff(&b, base, run, 1, 0);
            pv_buf_printf(&b, "\n  %s: ", pv_tr(sv, "left", "föll bort"));
            run_diff(&b, base, run, 0, 0);
            pv_buf_putc(&b, '\n');
        }
        pv_buf_putc(&b, '\n');
    }
    return pv_buf_finish(&b, len, err);
}

/* --------------------------------------------------------------- frontier */

char *pv_render_frontier(const pv_case *c, const pv_ranking *r, const pv_frontier *f,
                         pv_format fmt, pv_lang lang, size_t *len, pv_error *err)
{
    if (fmt == PV_FMT_HTML)
        return pv_html_frontier(c, r, f, pv_lang_is_sv(c, lang), len, err);
    pv_buf b;
    pv_buf_init(&b);
    int sv = pv_lang_is_sv(c, lang);
    size_t n = r->n;
    const char *rid = c->res[f->res].id;
    unsigned char *add = pv_calloc(n + 1, 1), *rem = pv_calloc(n + 1, 1);
    if (!add || !rem) {
        pv_free(add);
        pv_free(rem);
        pv_err_nomem(err);
        return NULL;
    }
    if (fmt == PV_FMT_JSON) {
        pv_buf_puts(&b, "{\n  \"resource\": ");
        pv_buf_json_str(&b, rid);
        pv_buf_puts(&b, ", \"from\": ");
        pv_buf_num(&b, f->from, 6);
        pv_buf_puts(&b, ", \"to\": ");
        pv_buf_num(&b, f->to, 6);
        pv_buf_puts(&b, ", \"current_limit\": ");
        pv_buf_num(&b, f->current, 6);
        pv_buf_printf(&b, ", \"exact\": %s,\n  \"points\": [", f->exact ? "true" : "false");
        for (size_t i = 0; i < f->npoints; i++) {
            size_t g = f->point_seg[i];
            int ok = g != (size_t)-1 && f->seg[g].feasible;
            pv_buf_puts(&b, i ? ",\n    {\"limit\": " : "\n    {\"limit\": ");
            pv_buf_num(&b, f->limit[i], 6);
            pv_buf_puts(&b, ", \"objective\": ");
            if (ok)
                pv_buf_num(&b, f->seg[g].objective, 6);
            else
                pv_buf_puts(&b, "null");
            pv_buf_puts(&b, ", \"selected_projects\": ");
            json_ids(&b, c, ok ? f->seg[g].x : NULL, n);
            pv_buf_putc(&b, '}');
        }
        pv_buf_puts(&b, "\n  ],\n  \"breakpoints\": [");
        const unsigned char *prev = NULL;
        int first = 1;
        for (size_t g = f->nseg; g-- > 0;) {
            const pv_fseg *s = &f->seg[g];
            pv_buf_puts(&b, first ? "\n    {\"limit\": " : ",\n    {\"limit\": ");
            first = 0;
            pv_buf_num(&b, s->lo, 6);
            pv_buf_puts(&b, ", \"objective\": ");
            if (s->feasible)
                pv_buf_num(&b, s->objective, 6);
            else
                pv_buf_puts(&b, "null");
            pv_buf_puts(&b, ", \"selected_projects\": ");
            json_ids(&b, c, s->feasible ? s->x : NULL, n);
            diff(prev, s->feasible ? s->x : NULL, n, add, rem);
            pv_buf_puts(&b, ", \"added\": ");
            json_ids(&b, c, add, n);
            pv_buf_puts(&b, ", \"removed\": ");
            json_ids(&b, c, rem, n);
            pv_buf_putc(&b, '}');
            prev = s->feasible ? s->x : NULL;
        }
        pv_buf_puts(&b, "\n  ],\n  \"order\": [");
        for (size_t i = 0; i < f->norder; i++) {
            pv_buf_puts(&b, i ? ", {\"id\": " : "{\"id\": ");
            pv_buf_json_str(&b, pv_project_id(c, f->order[i]));
            pv_buf_puts(&b, ", \"enters_at\": ");
            pv_buf_num(&b, f->enter_at[i], 6);
            pv_buf_putc(&b, '}');
        }
        pv_buf_puts(&b, "]\n}\n");
    } else if (fmt == PV_FMT_CSV) {
        pv_csv_start(&b, sv);
        const char *h[] = {"limit", "objective", "selected_projects"};
        for (int i = 0; i < 3; i++) {
            if (i)
                pv_csv_sep(&b, sv);
            pv_csv_cell(&b, h[i], sv);
        }
        pv_csv_eol(&b);
        for (size_t i = 0; i < f->npoints; i++) {
            size_t g = f->point_seg[i];
            int ok = g != (size_t)-1 && f->seg[g].feasible;
            pv_csv_num(&b, f->limit[i], 2, sv);
            pv_csv_sep(&b, sv);
            if (ok)
                pv_csv_num(&b, f->seg[g].objective, 6, sv);
            pv_csv_sep(&b, sv);
            pv_buf tmp;
            pv_buf_init(&tmp);
            if (ok)
                text_ids(&tmp, c, f->seg[g].x, n, "");
            pv_csv_cell(&b, tmp.data ? tmp.data : "", sv);
            pv_buf_free(&tmp);
            pv_csv_eol(&b);
        }
    } else {
        int md = fmt == PV_FMT_MD;
        pv_buf_printf(&b, md ? "# %s: %s\n\n" : "%s: %s\n\n",
                      pv_tr(sv, "Budget frontier", "Budgetfront"), rid);
        pv_buf_printf(&b, "%s: ", pv_tr(sv, "Current limit", "Nuvarande gräns"));
        pv_fmt_num(&b, f->current, 0, sv);
        pv_buf_puts(&b, md ? "\n\n" : "\n\n");
        if (md)
            pv_buf_printf(&b, "| %s | %s | %s |\n|---:|---:|---|\n",
                          pv_tr(sv, "Limit", "Gräns"), pv_tr(sv, "Value", "Värde"),
                          pv_tr(sv, "Portfolio", "Portfölj"));
        for (size_t i = 0; i < f->npoints; i++) {
            size_t g = f->point_seg[i];
            int ok = g != (size_t)-1 && f->seg[g].feasible;
            pv_buf_puts(&b, md ? "| " : "  ");
            pv_fmt_num(&b, f->limit[i], 0, sv);
            pv_buf_puts(&b, md ? " | " : "  ");
            if (ok)
                pv_fmt_num(&b, f->seg[g].objective, 2, sv);
            else
                pv_buf_puts(&b, pv_infeasible_word(sv));
            pv_buf_puts(&b, md ? " | " : "  ");
            if (ok)
                text_ids(&b, c, f->seg[g].x, n, "–");
            pv_buf_puts(&b, md ? " |\n" : "\n");
        }
        pv_buf_printf(&b, "\n%s:\n", pv_tr(sv, "Limits where the portfolio changes",
                                           "Gränser där portföljen ändras"));
        const unsigned char *prev = NULL;
        for (size_t g = f->nseg; g-- > 0;) {
            const pv_fseg *s = &f->seg[g];
            pv_buf_puts(&b, md ? "- " : "  ");
            pv_fmt_num(&b, s->lo, 2, sv);
            pv_buf_puts(&b, ": ");
            if (!s->feasible) {
                pv_buf_puts(&b, pv_tr(sv, "infeasible below", "ogenomförbart under"));
                pv_buf_puts(&b, " ");
                pv_fmt_num(&b, s->hi, 2, sv);
                pv_buf_putc(&b, '\n');
                continue;
            }
            pv_fmt_num(&b, s->objective, 2, sv);
            diff(prev, s->x, n, add, rem);
            pv_buf_printf(&b, " (+");
            text_ids(&b, c, add, n, "–");
            pv_buf_printf(&b, "; −");
            text_ids(&b, c, rem, n, "–");
            pv_buf_puts(&b, ")\n");
            prev = s->x;
        }
        pv_buf_printf(&b, "\n%s: ", pv_tr(sv, "Order of entry", "Ordning projekten tillkommer"));
        for (size_t i = 0; i < f->norder; i++)
            pv_buf_printf(&b, "%s%s", i ? ", " : "", pv_project_id(c, f->order[i]));
        pv_buf_putc(&b, '\n');
    }
    pv_free(add);
    pv_free(rem);
    return pv_buf_finish(&b, len, err);
}

/* ------------------------------------------------------------ sensitivity */

char *pv_render_sensitivity(const pv_case *c, const pv_ranking *r, const pv_sensitivity *s,
                            pv_format fmt, pv_lang lang, size_t *len, pv_error *err)
{
    if (fmt == PV_FMT_HTML)
        return pv_html_sensitivity(c, r, s, pv_lang_is_sv(c, lang), len, err);
    pv_buf b;
    pv_buf_init(&b);
    int sv = pv_lang_is_sv(c, lang);
    const pv_model *m = c->model;
    size_t n = r->n;
    unsigned char *add = pv_calloc(n + 1, 1), *rem = pv_calloc(n + 1, 1);
    if (!add || !rem) {
        pv_free(add);
        pv_free(rem);
        pv_err_nomem(err);
        return NULL;
    }
    if (fmt == PV_FMT_JSON) {
        pv_buf_puts(&b, "{\n  \"base_objective\": ");
        pv_buf_num(&b, s->base_objective, 6);
        pv_buf_puts(&b, ", \"selected_projects\": ");
        json_ids(&b, c, s->base, n);
        pv_buf_puts(&b, ",\n  \"criteria\": [");
        for (size_t i = 0; i < s->nleaves; i++) {
            const pv_sens_crit *k = &s->crit[i];
            pv_buf_puts(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
            pv_buf_json_str(&b, m->leaves[i]->id);
            pv_buf_puts(&b, ", \"weight\": ");
            pv_buf_num(&b, k->weight, 6);
            pv_buf_puts(&b, ", \"low\": ");
            pv_buf_num(&b, k->low, 6);
            pv_buf_puts(&b, ", \"high\": ");
            pv_buf_num(&b, k->high, 6);
            for (int side = 0; side < 2; side++) {
                const unsigned char *o = side ? k->above : k->below;
                pv_buf_puts(&b, side ? ", \"above\": " : ", \"below\": ");
                if (!o) {
                    pv_buf_puts(&b, "null");
                    continue;
                }
                diff(s->base, o, n, add, rem);
                pv_buf_puts(&b, "{\"added\": ");
                json_ids(&b, c, add, n);
                pv_buf_puts(&b, ", \"removed\": ");
                json_ids(&b, c, rem, n);
                pv_buf_putc(&b, '}');
            }
            pv_buf_putc(&b, '}');
        }
        pv_buf_puts(&b, "\n  ]\n}\n");
    } else if (fmt == PV_FMT_CSV) {
        pv_csv_start(&b, sv);
        const char *h[] = {"id", "weight", "low", "high", "below_added", "below_removed",
                           "above_added", "above_removed"};
        for (int i = 0; i < 8; i++) {
            if (i)
                pv_csv_sep(&b, sv);
            pv_csv_cell(&b, h[i], sv);
        }
        pv_csv_eol(&b);
        for (size_t i = 0; i < s->nleaves; i++) {
            const pv_sens_crit *k = &s->crit[i];
            pv_csv_cell(&b, m->leaves[i]->id, sv);
            pv_csv_sep(&b, sv);
            pv_csv_num(&b, k->weight, 6, sv);
            pv_csv_sep(&b, sv);
            pv_csv_num(&b, k->low, 6, sv);
            pv_csv_sep(&b, sv);
            pv_csv_num(&b, k->high, 6, sv);
            for (int side = 0; side < 2; side++) {
                const unsigned char *o = side ? k->above : k->below;
                diff(s->base, o ? o : s->base, n, add, rem);
                pv_buf ta, tr;
                pv_buf_init(&ta);
                pv_buf_init(&tr);
                text_ids(&ta, c, add, n, "");
                text_ids(&tr, c, rem, n, "");
                pv_csv_sep(&b, sv);
                pv_csv_cell(&b, ta.data ? ta.data : "", sv);
                pv_csv_sep(&b, sv);
                pv_csv_cell(&b, tr.data ? tr.data : "", sv);
                pv_buf_free(&ta);
                pv_buf_free(&tr);
            }
            pv_csv_eol(&b);
        }
    } else {
        int md = fmt == PV_FMT_MD;
        pv_buf_printf(&b, md ? "# %s: %s\n\n" : "%s: %s\n\n",
                      pv_tr(sv, "Weight sensitivity", "Känslighet för vikter"), c->name);
        pv_buf_printf(&b, "%s: ", pv_tr(sv, "Portfolio", "Portfölj"));
        text_ids(&b, c, s->base, n, "–");
        pv_buf_puts(&b, "\n\n");
        if (md)
            pv_buf_printf(&b, "| %s | %s | %s | %s | %s |\n|---|---:|---|---|---|\n",
                          pv_tr(sv, "Criterion", "Kriterium"), pv_tr(sv, "Weight", "Vikt"),
                          pv_tr(sv, "Stable within", "Stabil inom"),
                          pv_tr(sv, "Below", "Under"), pv_tr(sv, "Above", "Över"));
        for (size_t i = 0; i < s->nleaves; i++) {
            const pv_sens_crit *k = &s->crit[i];
            pv_buf_printf(&b, md ? "| %s | " : "%-24s ", pv_crit_label(m->leaves[i], sv));
            pv_fmt_num(&b, k->weight, 3, sv);
            pv_buf_puts(&b, md ? " | [" : "  [");
            pv_fmt_num(&b, k->low, 3, sv);
            pv_buf_puts(&b, sv ? "; " : ", ");
            pv_fmt_num(&b, k->high, 3, sv);
            pv_buf_puts(&b, "]");
            for (int side = 0; side < 2; side++) {
                const unsigned char *o = side ? k->above : k->below;
                pv_buf_puts(&b, md ? " | " : side ? pv_tr(sv, "  above: ", "  över: ")
                                                  : pv_tr(sv, "  below: ", "  under: "));
                if (!o) {
                    pv_buf_puts(&b, "–");
                    continue;
                }
                diff(s->base, o, n, add, rem);
                pv_buf_puts(&b, "+");
                text_ids(&b, c, add, n, "–");
                pv_buf_puts(&b, " −");
                text_ids(&b, c, rem, n, "–");
            }
            pv_buf_puts(&b, md ? " |\n" : "\n");
        }
    }
    pv_free(add);
    pv_free(rem);
    return pv_buf_finish(&b, len, err);
}

/* ----------------------------------------------------------------- robust */


static const char *group_of(double lo, double hi, int sv)
{
    switch (pv_core_group(lo, hi)) {
    case 0: return pv_tr(sv, "core", "kärna");
    case 2: return pv_tr(sv, "exterior", "utanför");
    default: return pv_tr(sv, "borderline", "gränsfall");
    }
}

char *pv_render_robust(const pv_case *c, const pv_ranking *r, const pv_robust *rb,
                       pv_format fmt, pv_lang lang, size_t *len, pv_error *err)
{
    if (fmt == PV_FMT_HTML)
        return pv_html_robust(c, r, rb, pv_lang_is_sv(c, lang), len, err);
    pv_buf b;
    pv_buf_init(&b);
    int sv = pv_lang_is_sv(c, lang);
    size_t n = r->n, N = rb->samples - rb->infeasible;
    static const char *dist[] = {"uniform", "ranked", "intervals"};
    double maxhw = 0;
    for (size_t j = 0; j < n; j++) {
        double lo, hi;
        pv_wilson95(rb->selected[j], N, &lo, &hi);
        if ((hi - lo) / 2 > maxhw)
            maxhw = (hi - lo) / 2;
    }
    size_t nport = rb->nport < 10 ? rb->nport : 10;
    if (fmt == PV_FMT_JSON) {
        pv_buf_printf(&b, "{\n  \"samples\": %zu, \"seed\": %llu, \"weights\": \"%s\", "
                          "\"infeasible\": %zu, \"base_share\": ",
                      rb->samples, rb->seed, dist[rb->method], rb->infeasible);
        pv_buf_num(&b, rb->samples ? (double)rb->base_count / (double)rb->samples : 0, 6);
        pv_buf_puts(&b, ", \"half_width\": ");
        pv_buf_num(&b, maxhw, 6);
        pv_buf_puts(&b, ",\n  \"base_portfolio\": ");
        json_ids(&b, c, rb->base, n);
        pv_buf_puts(&b, ",\n  \"projects\": [");
        for (size_t i = 0; i < n; i++) {
            size_t j = r->order[i];
            double lo, hi;
            pv_wilson95(rb->selected[j], N, &lo, &hi);
            pv_buf_puts(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
            pv_buf_json_str(&b, pv_project_id(c, j));
            pv_buf_puts(&b, ", \"share\": ");
            pv_buf_num(&b, N ? (double)rb->selected[j] / (double)N : 0, 6);
            pv_buf_puts(&b, ", \"ci_low\": ");
            pv_buf_num(&b, lo, 6);
            pv_buf_puts(&b, ", \"ci_high\": ");
            pv_buf_num(&b, hi, 6);
            pv_buf_printf(&b, ", \"group\": \"%s\"}", group_of(lo, hi, 0));
        }
        pv_buf_puts(&b, "\n  ],\n  \"portfolios\": [");
        for (size_t p = 0; p < nport; p++) {
            pv_buf_puts(&b, p ? ",\n    {\"projects\": " : "\n    {\"projects\": ");
            json_ids(&b, c, rb->port[p].x, n);
            pv_buf_puts(&b, ", \"share\": ");
            pv_buf_num(&b, (double)rb->port[p].count / (double)rb->samples, 6);
            pv_buf_putc(&b, '}');
        }
        pv_buf_puts(&b, nport ? "\n  ]\n}\n" : "]\n}\n");
    } else if (fmt == PV_FMT_CSV) {
        pv_csv_start(&b, sv);
        const char *h[] = {"id", "share", "ci_low", "ci_high", "group"};
        for (int i = 0; i < 5; i++) {
            if (i)
                pv_csv_sep(&b, sv);
            pv_csv_cell(&b, h[i], sv);
        }
        pv_csv_eol(&b);
        for (size_t i = 0; i < n; i++) {
            size_t j = r->order[i];
            double lo, hi;
            pv_wilson95(rb->selected[j], N, &lo, &hi);
            pv_csv_cell(&b, pv_project_id(c, j), sv);
            pv_csv_sep(&b, sv);
            pv_csv_num(&b, N ? (double)rb->selected[j] / (double)N : 0, 6, sv);
            pv_csv_sep(&b, sv);
            pv_csv_num(&b, lo, 6, sv);
            pv_csv_sep(&b, sv);
            pv_csv_num(&b, hi, 6, sv);
            pv_csv_sep(&b, sv);
            pv_csv_cell(&b, group_of(lo, hi, sv), sv);
            pv_csv_eol(&b);
        }
    } else {
        int md = fmt == PV_FMT_MD;
        pv_buf_printf(&b, md ? "# %s: %s\n\n" : "%s: %s\n\n",
                      pv_tr(sv, "Robustness", "Robusthet"), c->name);
        pv_buf_printf(&b, "%s: %zu (%s %s, seed %llu)%s\n", pv_tr(sv, "Samples", "Urval"),
                      rb->samples, pv_tr(sv, "weights", "vikter"), dist[rb->method], rb->seed,
                      md ? "  " : "");
        pv_buf_printf(&b, "%s: ", pv_tr(sv, "Base portfolio optimal in", "Basportföljen optimal i"));
        pv_fmt_num(&b, rb->samples ? 100.0 * (double)rb->base_count / (double)rb->samples : 0, 1,
                   sv);
        pv_buf_printf(&b, " %%%s\n%s: ±", md ? "  " : "",
                      pv_tr(sv, "Largest 95 % half width", "Största halvbredd (95 %)"));
        pv_fmt_num(&b, 100 * maxhw, 1, sv);
        pv_buf_puts(&b, pv_tr(sv, " percentage points\n\n", " procentenheter\n\n"));
        if (md)
            pv_buf_printf(&b, "| Id | %s | 95 %% | %s |\n|---|---:|---|---|\n",
                          pv_tr(sv, "Share", "Andel"), pv_tr(sv, "Group", "Grupp"));
        for (size_t i = 0; i < n; i++) {
            size_t j = r->order[i];
            if (!r->p[j].eligible)
                continue;
            double lo, hi;
            pv_wilson95(rb->selected[j], N, &lo, &hi);
            pv_buf_printf(&b, md ? "| %s | " : "  %-10s ", pv_project_id(c, j));
            pv_fmt_num(&b, N ? 100.0 * (double)rb->selected[j] / (double)N : 0, 1, sv);
            pv_buf_puts(&b, md ? " % | " : " %  [");
            pv_fmt_num(&b, 100 * lo, 1, sv);
            pv_buf_puts(&b, "–");
            pv_fmt_num(&b, 100 * hi, 1, sv);
            pv_buf_printf(&b, md ? " %% | %s |\n" : "]  %s\n", group_of(lo, hi, sv));
        }
        pv_buf_printf(&b, "\n%s:\n", pv_tr(sv, "Most frequent portfolios", "Vanligaste portföljerna"));
        for (size_t p = 0; p < nport; p++) {
            pv_buf_puts(&b, md ? "- " : "  ");
            pv_fmt_num(&b, 100.0 * (double)rb->port[p].count / (double)rb->samples, 1, sv);
            pv_buf_puts(&b, " %: ");
            text_ids(&b, c, rb->port[p].x, n, "–");
            pv_buf_putc(&b, '\n');
        }
    }
    return pv_buf_finish(&b, len, err);
}
