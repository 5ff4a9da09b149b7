/* compare_report.c — the base case beside its scenarios, in text, Markdown,
 * CSV, JSON and HTML. */
#include "../analyse/compare.h"
#include "../analyse/whatif.h"
#include "report.h"
#include "xlsx.h"

#include <math.h>
#include <string.h>

/* The view every format shares: a project counts as selected in a run only
 * when the run has a portfolio (an ERROR or infeasible run selects nothing).
 * By id, since scenarios may change the data. */
static int in_run(const pv_run *run, const char *id)
{
    long j = pv_case_project_index(run->c, id);
    return j >= 0 && run->s->x && run->s->x[j] && pv_status_has_portfolio(run->s->status);
}

enum { DIFF_TEXT, DIFF_JSON, DIFF_HTML, DIFF_IDS, DIFF_MD };

/* The ids selected in `from` and not in `other`: "A, B" ("–" when none, or
 * in text when either has no portfolio), a JSON array, or escaped HTML spans
 * of class cls. Returns how many. */
static size_t run_diff(pv_buf *b, const pv_run *from, const pv_run *other, int fmt,
                       const char *cls)
{
    size_t n = 0;
    if (fmt == DIFF_JSON)
        pv_buf_putc(b, '[');
    /* Without a portfolio on one side, the data (JSON, CSV) keeps the plain
     * set difference (an infeasible scenario: every base project left); a
     * reader of text, Markdown or HTML sees "–", since the line above says
     * there is no portfolio, and a list of every project read as a choice */
    int both = fmt == DIFF_JSON || fmt == DIFF_IDS ||
               (pv_status_has_portfolio(from->s->status) &&
                pv_status_has_portfolio(other->s->status));
    for (size_t j = 0; both && j < from->r->n; j++) {
        const char *id = pv_project_id(from->c, j);
        if (!in_run(from, id) || in_run(other, id))
            continue;
        pv_buf_puts(b, n ? ", " : "");
        if (fmt == DIFF_JSON)
            pv_buf_json_str(b, id);
        else if (fmt == DIFF_HTML) {
            pv_buf_printf(b, "<span class=\"%s\">", cls);
            pv_html_esc(b, id);
            pv_buf_puts(b, "</span>");
        } else if (fmt == DIFF_IDS)
            pv_buf_puts(b, id);
        else {
            void (*put)(pv_buf *, const char *) = fmt == DIFF_MD ? pv_buf_md : pv_buf_plain;
            put(b, id);
            /* text and Markdown: the name beside the id */
            const char *nm = pv_project_name(from->c, j);
            if (strcmp(nm, id)) {
                pv_buf_putc(b, ' ');
                put(b, nm);
            }
        }
        n++;
    }
    if (fmt == DIFF_JSON)
        pv_buf_putc(b, ']');
    else if (!n)
        pv_buf_puts(b, "–");
    return n;
}

/* Added to (added = 1) or removed from the base case by run, as text (json
 * 0), JSON (1), bare ids (2) or Markdown (3). */
static void run_change(pv_buf *b, const pv_run *base, const pv_run *run, int added, int json)
{
    static const int fmt[] = {DIFF_TEXT, DIFF_JSON, DIFF_IDS, DIFF_MD};
    run_diff(b, added ? run : base, added ? base : run, fmt[json], NULL);
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
            run_change(b, &cmp->run[0], run, 1, 1);
            pv_buf_puts(b, ", \"removed\": ");
            run_change(b, &cmp->run[0], run, 0, 1);
            pv_buf_puts(b, ",");
            pv_buf_puts(b, sel[0] == '{' ? sel + 1 : sel);
        }
        pv_free(sel);
    }
    pv_buf_puts(b, cmp->n > 1 ? "\n]\n}\n" : "]\n}\n");
    return 0;
}

/* The comparison as a spreadsheet: one row per run, with used and limit per
 * resource of the base case. */
static void compare_csv(pv_buf *b, const pv_comparison *cmp, int sv)
{
    const pv_run *base = &cmp->run[0];
    static const char *const h[] = {"scenario", "status", "objective",
                                    "selected", "added",  "removed"};
    static const char *const hsv[] = {"scenario", "status",     "målvärde",
                                      "valda",    "tillkommer", "utgår"};
    pv_csv_header(b, sv ? hsv : h, sizeof h / sizeof *h, sv);
    /* English keeps the resource ids (budget_sek_used); Swedish names the
     * resource with its unit, as select's CSV does ("Använt: Budget (kr)"). */
    for (size_t k = 0; k < base->c->nres; k++)
        for (int lim = 0; lim < 2; lim++) {
            pv_buf tmp;
            pv_buf_init(&tmp);
            if (sv)
                pv_res_heading(&tmp, base->c, k, sv, lim ? "Ram: " : "Använt: ", "");
            else
                pv_buf_printf(&tmp, "%s_%s", base->c->res[k].id, lim ? "limit" : "used");
            pv_csv_sep(b, sv);
            pv_csv_cell(b, tmp.data ? tmp.data : "", sv);
            pv_buf_free(&tmp);
        }
    pv_csv_sep(b, sv); /* last, so that the columns before keep their places */
    pv_csv_cell(b, pv_tr(sv, "selected_partners", "valda_partner"), sv);
    pv_csv_eol(b);
    for (size_t i = 0; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        int ok = pv_status_has_portfolio(run->s->status);
        pv_csv_cell(b, i ? run->name : pv_tr(sv, "base", "bas"), sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, sv ? pv_status_word(run->s->status, sv) : pv_status_key(run->s->status), sv);
        pv_csv_sep(b, sv);
        if (ok)
            pv_csv_num(b, run->s->objective, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_ids(b, run->c, ok ? run->s->x : NULL, run->r->n, sv);
        pv_buf tmp;
        for (int a = 1; a >= 0; a--) {
            pv_buf_init(&tmp);
            if (i > 0)
                run_change(&tmp, base, run, a, 2); /* CSV: ids */
            pv_csv_sep(b, sv);
            pv_csv_cell(b, tmp.data && strcmp(tmp.data, "–") ? tmp.data : "", sv);
            pv_buf_free(&tmp);
        }
        for (size_t k = 0; k < base->c->nres; k++) {
            pv_csv_sep(b, sv);
            if (ok && k < run->c->nres)
                pv_csv_num(b, run->s->res_used[k], 6, sv);
            pv_csv_sep(b, sv);
            if (k < run->c->nres)
                pv_csv_num(b, run->c->res[k].limit, 6, sv);
        }
        pv_buf tmp2;
        pv_buf_init(&tmp2);
        for (size_t p = 0, k = 0; ok && p < run->s->npart; p++)
            if (run->s->y[p])
                pv_buf_printf(&tmp2, "%s%s", k++ ? ", " : "", pv_partner_id(run->c, p));
        pv_csv_sep(b, sv);
        pv_csv_cell(b, tmp2.data ? tmp2.data : "", sv);
        b->oom |= tmp2.oom;
        pv_buf_free(&tmp2);
        pv_csv_eol(b);
    }
}

/* The partners run engages, by name, in partner file order; "–" when none.
 * put writes a name (plain text or Markdown). */
static void run_partners(pv_buf *b, const pv_run *run, void (*put)(pv_buf *, const char *))
{
    size_t k = 0;
    for (size_t p = 0; p < run->s->npart; p++)
        if (run->s->y[p]) {
            pv_buf_puts(b, k++ ? ", " : "");
            put(b, pv_partner_name(run->c, p));
        }
    if (!k)
        pv_buf_puts(b, "–");
}

/* "used / limit" of resource k in run. */
static void res_use(pv_buf *b, const pv_run *run, size_t k, int sv)
{
    pv_res_amount(b, run->c, k, run->s->res_used[k], sv);
    pv_buf_puts(b, " / ");
    pv_res_amount(b, run->c, k, run->c->res[k].limit, sv);
}

/* Run i (0 = the base case) as one row of the Markdown table. */
static void compare_md_row(pv_buf *b, const pv_run *base, const pv_run *run, size_t i, int sv)
{
    int ok = pv_status_has_portfolio(run->s->status);
    pv_buf_puts(b, "| ");
    pv_buf_md(b, i ? run->name : pv_tr(sv, "base", "bas"));
    pv_buf_printf(b, " | %s | ", pv_status_word(run->s->status, sv));
    if (ok)
        pv_fmt_num(b, run->s->objective, 2, sv);
    pv_buf_puts(b, " | ");
    if (ok) {
        pv_buf t;
        pv_buf_init(&t);
        pv_ids_text(&t, run->c, run->s->x, run->r->n, "–");
        pv_buf_md(b, t.data ? t.data : "");
        b->oom |= t.oom;
        pv_buf_free(&t);
    }
    pv_buf_puts(b, " | ");
    if (ok)
        run_partners(b, run, pv_buf_md);
    pv_buf_puts(b, " | ");
    for (size_t k = 0; ok && k < run->c->nres; k++) {
        pv_buf_puts(b, k ? "; " : "");
        pv_buf_md(b, pv_res_name(run->c, k, sv));
        pv_buf_putc(b, ' ');
        res_use(b, run, k, sv);
    }
    pv_buf_puts(b, " | ");
    if (i)
        run_change(b, base, run, 1, 3);
    pv_buf_puts(b, " | ");
    if (i)
        run_change(b, base, run, 0, 3);
    pv_buf_puts(b, " |\n");
}

/* Run i (0 = the base case) as a block of text lines. */
static void compare_text_run(pv_buf *b, const pv_run *base, const pv_run *run, size_t i, int sv)
{
    int ok = pv_status_has_portfolio(run->s->status);
    pv_buf_plain(b, i ? run->name : pv_tr(sv, "Base", "Bas"));
    pv_buf_printf(b, ": %s\n", pv_status_word(run->s->status, sv));
    if (ok) {
        pv_buf_printf(b, "  %s: ", pv_tr(sv, "value", "värde"));
        pv_fmt_num(b, run->s->objective, 2, sv);
        pv_buf_printf(b, "\n  %s: ", pv_tr(sv, "selected", "valda"));
        pv_ids_text(b, run->c, run->s->x, run->r->n, "–");
        pv_buf_printf(b, "\n  %s: ", pv_tr(sv, "partners", "partner"));
        run_partners(b, run, pv_buf_plain);
        pv_buf_putc(b, '\n');
        for (size_t k = 0; k < run->c->nres; k++) {
            pv_buf_puts(b, "  ");
            pv_buf_plain(b, pv_res_name(run->c, k, sv));
            pv_buf_puts(b, ": ");
            res_use(b, run, k, sv);
            pv_buf_putc(b, '\n');
        }
    }
    if (run->s->status == PV_STATUS_INFEASIBLE && run->s->diagnosed && run->s->nconflict) {
        pv_buf_printf(b, "  %s: ", pv_tr(sv, "conflicting limits and constraints",
                                          "ramar och villkor i konflikt"));
        for (size_t q = 0; q < run->s->nconflict; q++)
            pv_buf_printf(b, "%s%s", q ? ", " : "", pv_group_name(run->c, run->s->conflict[q], sv));
        pv_buf_putc(b, '\n');
    }
    if (i) {
        pv_buf_printf(b, "  %s: ", pv_tr(sv, "entered", "tillkom"));
        run_change(b, base, run, 1, 0);
        pv_buf_printf(b, "\n  %s: ", pv_tr(sv, "left", "föll bort"));
        run_change(b, base, run, 0, 0);
        pv_buf_putc(b, '\n');
    }
    pv_buf_putc(b, '\n');
}

/* Names for the ids above: every project some run selects, in the base
 * case's order, then those only a scenario's data has. */
static void compare_legend(pv_buf *b, const pv_comparison *cmp, int sv, int md)
{
    size_t shown = 0;
    for (size_t i = 0; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        size_t n = run->r->n;
        unsigned char *mark = pv_calloc(n + 1, 1);
        if (!mark) {
            b->oom = 1;
            return;
        }
        int any = 0;
        for (size_t j = 0; j < n; j++) {
            const char *id = pv_project_id(run->c, j);
            int listed = 0;
            for (size_t q = 0; q < i && !listed; q++)
                listed = pv_case_project_index(cmp->run[q].c, id) >= 0;
            for (size_t q = 0; q < cmp->n && !listed && !mark[j]; q++)
                mark[j] = (unsigned char)in_run(&cmp->run[q], id);
            any |= mark[j];
        }
        if (any && !shown && md) /* Markdown: a blank line after the table */
            pv_buf_putc(b, '\n');
        shown += pv_ids_legend(b, run->c, mark, n, sv, md, !shown);
        pv_free(mark);
    }
}

char *pv_render_compare(const pv_comparison *cmp, pv_format fmt, pv_lang lang, size_t *len,
                        pv_error *err)
{
    if (fmt == PV_FMT_HTML)
        return pv_html_compare(cmp, pv_lang_is_sv(cmp->run[0].c, lang), len, err);
    if (fmt == PV_FMT_XLSX)
        return pv_xlsx_compare(cmp, pv_lang_is_sv(cmp->run[0].c, lang), len, err);
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
        compare_csv(&b, cmp, sv);
        return pv_buf_finish(&b, len, err);
    }
    int md = fmt == PV_FMT_MD;
    pv_title(&b, pv_tr(sv, "Scenarios compared", "Scenarier jämförda"), base->c->name, md);
    pv_objective_line(&b, base->c, sv, md);
    if (md)
        pv_buf_printf(
            &b, "| %s | Status | %s | %s | %s | %s | %s | %s |\n|---|---|---:|---|---|---|---|---|\n",
            pv_tr(sv, "Scenario", "Scenario"), pv_tr(sv, "Value", "Värde"),
            pv_tr(sv, "Selected", "Valda"), pv_tr(sv, "Partners", "Partner"),
            pv_tr(sv, "Resources used", "Använda resurser"),
            pv_tr(sv, "Entered", "Tillkom"), pv_tr(sv, "Left", "Föll bort"));
    for (size_t i = 0; i < cmp->n; i++) {
        if (md)
            compare_md_row(&b, base, &cmp->run[i], i, sv);
        else
            compare_text_run(&b, base, &cmp->run[i], i, sv);
    }
    compare_legend(&b, cmp, sv, md);
    return pv_buf_finish(&b, len, err);
}

/* ------------------------------------------------------------------ HTML */

static void run_name(pv_buf *b, const pv_comparison *cmp, size_t i, int sv)
{
    if (i == 0)
        pv_buf_puts(b, pv_tr(sv, "Base case", "Basfall"));
    else
        pv_html_esc(b, cmp->run[i].name);
}

/* The summary: each scenario's value and how many projects enter and leave. */
static void compare_html_summary(pv_buf *b, const pv_comparison *cmp, int sv)
{
    const pv_run *base = &cmp->run[0];
    pv_buf_puts(b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_printf(b, sv ? "Basfallet och %zu scenarier löstes var för sig. "
                         : "The base case and %zu scenarios were solved one by one. ",
                  cmp->n - 1);
    if (pv_status_has_portfolio(base->s->status)) {
        pv_buf_puts(b, pv_tr(sv, "The base portfolio reaches ", "Basportföljen når "));
        pv_html_num(b, base->s->objective, 2, sv);
        pv_buf_puts(b, pv_tr(sv, " points. ", " poäng. "));
    }
    for (size_t i = 1; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        pv_buf_puts(b, pv_tr(sv, "With ", "Med "));
        pv_buf_puts(b, "”");
        pv_html_esc(b, run->name);
        pv_buf_puts(b, "” ");
        if (!pv_status_has_portfolio(run->s->status)) {
            pv_buf_puts(b, pv_tr(sv, "no portfolio is feasible. ",
                                 "finns ingen genomförbar portfölj. "));
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
        pv_buf_puts(b, pv_tr(sv, "the value is ", "blir värdet "));
        pv_html_num(b, run->s->objective, 2, sv);
        pv_buf_printf(b, sv ? " poäng; %zu projekt tillkommer och %zu faller bort. "
                             : " points; projects entering: %zu, leaving: %zu. ",
                      nin, nout);
    }
    pv_buf_puts(b, "</p>\n");
}

/* The runs side by side: status, value, portfolio, changes and resources. */
static void compare_html_table(pv_buf *b, const pv_comparison *cmp, int sv)
{
    const pv_run *base = &cmp->run[0];
    const pv_case *c = base->c;
    pv_html_section(b, "compare", 0, "Side by side", "Sida vid sida", sv);
    pv_buf_printf(b, "<table id=\"compare-table\">\n<thead><tr><th></th>");
    for (size_t i = 0; i < cmp->n; i++) {
        pv_buf_puts(b, "<th class=\"scenario\">");
        run_name(b, cmp, i, sv);
        pv_buf_puts(b, "</th>");
    }
    pv_buf_puts(b, "</tr></thead>\n<tbody>\n");
    pv_buf_printf(b, "<tr><th>%s</th>", pv_tr(sv, "Status", "Status"));
    for (size_t i = 0; i < cmp->n; i++)
        pv_buf_printf(b, "<td>%s</td>", pv_status_word(cmp->run[i].s->status, sv));
    pv_buf_printf(b, "</tr>\n<tr><th>%s</th>", pv_tr(sv, "Value (points)", "Värde (poäng)"));
    for (size_t i = 0; i < cmp->n; i++) {
        pv_buf_puts(b, "<td class=\"num\">");
        if (pv_status_has_portfolio(cmp->run[i].s->status)) {
            pv_html_num(b, cmp->run[i].s->objective, 2, sv);
            if (i && pv_status_has_portfolio(base->s->status)) {
                double d = cmp->run[i].s->objective - base->s->objective;
                pv_buf_puts(b, " <span class=\"small\">(");
                pv_buf_puts(b, d >= 0 ? "+" : "");
                pv_html_num(b, d, 2, sv);
                pv_buf_puts(b, ")</span>");
            }
        } else
            pv_buf_puts(b, "–");
        pv_buf_puts(b, "</td>");
    }
    pv_buf_printf(b, "</tr>\n<tr><th>%s</th>", pv_tr(sv, "Selected projects", "Valda projekt"));
    for (size_t i = 0; i < cmp->n; i++) {
        const pv_run *run = &cmp->run[i];
        pv_buf_puts(b, "<td>");
        int ok = pv_status_has_portfolio(run->s->status);
        pv_html_ids(b, run->c, ok ? run->s->x : NULL, run->r->n);
        pv_buf_puts(b, "</td>");
    }
    pv_buf_printf(b, "</tr>\n<tr><th>%s</th>", pv_tr(sv, "Partners", "Partner"));
    for (size_t i = 0; i < cmp->n; i++) {
        pv_buf_puts(b, "<td>");
        if (pv_status_has_portfolio(cmp->run[i].s->status))
            run_partners(b, &cmp->run[i], pv_html_esc);
        else
            pv_buf_puts(b, "–");
        pv_buf_puts(b, "</td>");
    }
    pv_buf_printf(b, "</tr>\n<tr><th>%s</th><td>–</td>", pv_tr(sv, "Entered", "Tillkom"));
    for (size_t i = 1; i < cmp->n; i++) {
        pv_buf_puts(b, "<td>");
        run_diff(b, &cmp->run[i], base, DIFF_HTML, "diff-in");
        pv_buf_puts(b, "</td>");
    }
    pv_buf_printf(b, "</tr>\n<tr><th>%s</th><td>–</td>", pv_tr(sv, "Left", "Föll bort"));
    for (size_t i = 1; i < cmp->n; i++) {
        pv_buf_puts(b, "<td>");
        run_diff(b, base, &cmp->run[i], DIFF_HTML, "diff-out");
        pv_buf_puts(b, "</td>");
    }
    pv_buf_puts(b, "</tr>\n");
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, "<tr><th>");
        pv_html_res_name(b, c, k, sv);
        pv_buf_puts(b, "</th>");
        for (size_t i = 0; i < cmp->n; i++) {
            const pv_run *run = &cmp->run[i];
            pv_buf_puts(b, "<td>");
            if (k < run->c->nres && pv_status_has_portfolio(run->s->status)) {
                pv_html_resource_bar(b, run->c, k, run->s->res_used[k],
                                     run->c->res[k].limit, sv);
                pv_buf_puts(b, "<div class=\"small\">");
                pv_html_amount(b, c, k, run->s->res_used[k], sv);
                pv_buf_printf(b, " %s ", pv_tr(sv, "of", "av"));
                pv_html_amount(b, c, k, run->c->res[k].limit, sv);
                pv_buf_puts(b, "</div>");
            } else
                pv_buf_puts(b, "–");
            pv_buf_puts(b, "</td>");
        }
        pv_buf_puts(b, "</tr>\n");
    }
    pv_buf_puts(b, "</tbody>\n</table>\n");
    pv_html_section_end(b);
}

/* Every proposal, and in which runs it is selected. */
static void compare_html_projects(pv_buf *b, const pv_comparison *cmp, int sv)
{
    /* Every proposal: selected in which run. */
    pv_html_section(b, "compare-projects", 0, "Proposals in each scenario",
                    "Förslagen i varje scenario", sv);
    pv_buf_printf(b, "<table id=\"compare-projects\">\n<thead><tr><th>%s</th>",
                  pv_tr(sv, "Proposal", "Förslag"));
    for (size_t i = 0; i < cmp->n; i++) {
        pv_buf_puts(b, "<th class=\"num\">");
        run_name(b, cmp, i, sv);
        pv_buf_puts(b, "</th>");
    }
    pv_buf_puts(b, "</tr></thead>\n<tbody>\n");
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
            pv_buf_puts(b, "<tr class=\"project-row\" data-id=\"");
            pv_html_esc(b, id);
            pv_buf_puts(b, "\"><td>");
            pv_html_name_id(b, pv_project_name(run->c, j), id);
            pv_buf_puts(b, "</td>");
            for (size_t q = 0; q < cmp->n; q++)
                pv_buf_printf(b, "<td class=\"mark\">%s</td>",
                              in_run(&cmp->run[q], id) ? "✓" : "");
            pv_buf_puts(b, "</tr>\n");
        }
    }
    pv_buf_puts(b, "</tbody>\n</table>\n");
    pv_html_section_end(b);
}

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
    compare_html_summary(&b, cmp, sv);
    compare_html_table(&b, cmp, sv);
    compare_html_projects(&b, cmp, sv);
    return pv_html_finish(&b, c, sv, len, err);
}
