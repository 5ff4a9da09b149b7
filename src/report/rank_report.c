/* rank_report.c — the ranked list in text, Markdown, CSV and JSON. */
#include "../internal.h"
#include "report.h"
#include "xlsx.h"

#include <string.h>

static void json_rule_ids(pv_buf *b, const pv_model *m, const size_t *ids, size_t n)
{
    pv_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            pv_buf_putc(b, ',');
        pv_buf_json_str(b, m->rules[ids[i]].id);
    }
    pv_buf_putc(b, ']');
}

static void render_json(pv_buf *b, const pv_case *c, const pv_ranking *r)
{
    const pv_model *m = c->model;
    pv_buf_puts(b, "{\n  \"case\": ");
    pv_buf_json_str(b, c->name);
    pv_buf_puts(b, ",\n  \"model\": ");
    pv_buf_json_str(b, m->name);
    pv_buf_puts(b, ",\n  \"projects\": [");
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        const pv_proj_result *p = &r->p[j];
        pv_buf_puts(b, i ? ",\n    {" : "\n    {");
        pv_buf_puts(b, "\"id\": ");
        pv_buf_json_str(b, pv_project_id(c, j));
        pv_buf_puts(b, ", \"name\": ");
        pv_buf_json_str(b, pv_project_name(c, j));
        pv_buf_printf(b, ", \"rank\": %zu, \"score\": ", r->rank[j]);
        pv_buf_num(b, p->score, 6);
        pv_buf_printf(b, ", \"eligible\": %s, \"excluded_by\": ", p->eligible ? "true" : "false");
        json_rule_ids(b, m, p->excluded_by, p->nexcluded);
        pv_json_below(b, c, p);
        pv_buf_puts(b, ", \"flags\": ");
        json_rule_ids(b, m, p->flags, p->nflags);
        pv_buf_puts(b, ", \"contributions\": {");
        for (size_t k = 0; k < m->nleaves; k++) {
            if (k)
                pv_buf_puts(b, ", ");
            pv_buf_json_str(b, m->leaves[k]->id);
            pv_buf_puts(b, ": ");
            pv_buf_num(b, p->contrib[k], 6);
        }
        pv_buf_puts(b, "}}");
    }
    pv_buf_puts(b, r->n ? "\n  ]\n}\n" : "]\n}\n");
}

static void rule_ids_text(pv_buf *b, const pv_model *m, const size_t *ids, size_t n, int sv)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            pv_buf_putc(b, '|');
        pv_buf_puts(b, pv_rule_name(&m->rules[ids[i]], sv));
    }
}

static void render_csv(pv_buf *b, const pv_case *c, const pv_ranking *r, int sv)
{
    const pv_model *m = c->model;
    static const char *const hdr_en[] = {"rank",     "id",          "name", "score",
                                         "eligible", "excluded_by", "flags"};
    static const char *const hdr_sv[] = {"rang",   "id",          "namn",   "poäng",
                                         "valbar", "utesluten_av", "flaggor"};
    pv_csv_header(b, sv ? hdr_sv : hdr_en, sizeof hdr_en / sizeof *hdr_en, sv);
    for (size_t k = 0; k < m->nleaves; k++) {
        pv_csv_sep(b, sv);
        pv_csv_cell(b, pv_crit_label(m->leaves[k], sv), sv);
    }
    pv_csv_eol(b);
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        const pv_proj_result *p = &r->p[j];
        pv_buf_printf(b, "%zu", r->rank[j]);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, pv_project_id(c, j), sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, pv_project_name(c, j), sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, p->score, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, p->eligible ? pv_tr(sv, "yes", "ja") : pv_tr(sv, "no", "nej"), sv);
        pv_buf tmp;
        pv_buf_init(&tmp);
        rule_ids_text(&tmp, m, p->excluded_by, p->nexcluded, sv);
        if (p->below_min_score)
            pv_buf_printf(&tmp, "%smin_score", tmp.len ? "|" : "");
        for (size_t k = 0; k < p->nbelow; k++)
            pv_buf_printf(&tmp, "%s%s.min", tmp.len ? "|" : "", m->all[p->below[k]]->id);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, tmp.data ? tmp.data : "", sv);
        pv_buf_free(&tmp);
        rule_ids_text(&tmp, m, p->flags, p->nflags, sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, tmp.data ? tmp.data : "", sv);
        pv_buf_free(&tmp);
        for (size_t k = 0; k < m->nleaves; k++) {
            pv_csv_sep(b, sv);
            pv_csv_num(b, p->contrib[k], 6, sv);
        }
        pv_csv_eol(b);
    }
}

/* Markdown table cells must not break the table. */
static void md_cell(pv_buf *b, const char *s)
{
    for (; s && *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '|')
            pv_buf_puts(b, "\\|");
        else if (ch < 0x20 || ch == 0x7f)
            pv_buf_putc(b, '?');
        else
            pv_buf_putc(b, *s);
    }
}

static void render_md(pv_buf *b, const pv_case *c, const pv_ranking *r, int sv)
{
    const pv_model *m = c->model;
    pv_buf_printf(b, "# %s: ", pv_tr(sv, "Ranking", "Rangordning"));
    md_cell(b, c->name);
    pv_buf_printf(b, "\n\n%s: ", pv_tr(sv, "Model", "Modell"));
    md_cell(b, m->name);
    if (m->source[0]) {
        pv_buf_puts(b, " (");
        md_cell(b, m->source);
        pv_buf_puts(b, ")");
    }
    size_t nexcl = 0;
    for (size_t j = 0; j < r->n; j++)
        nexcl += !r->p[j].eligible;
    pv_buf_printf(b, "\n\n%s: %zu. %s: %zu.\n\n", pv_tr(sv, "Proposals", "Förslag"), r->n,
                  pv_tr(sv, "Excluded by the policy", "Uteslutna enligt policyn"), nexcl);
    pv_buf_printf(b, "| %s | Id | %s | %s | %s | %s |\n|---:|---|---|---:|---|---|\n",
                  pv_tr(sv, "Rank", "Rang"), pv_tr(sv, "Name", "Namn"),
                  pv_tr(sv, "Score", "Poäng"), pv_tr(sv, "Status", "Status"),
                  pv_tr(sv, "Rules", "Regler"));
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        const pv_proj_result *p = &r->p[j];
        pv_buf_printf(b, "| %zu | ", r->rank[j]);
        md_cell(b, pv_project_id(c, j));
        pv_buf_puts(b, " | ");
        md_cell(b, pv_project_name(c, j));
        pv_buf_puts(b, " | ");
        pv_fmt_num(b, p->score, 2, sv);
        pv_buf_printf(b, " | %s | ", pv_eligible_word(p->eligible, sv));
        for (size_t k = 0; k < p->nexcluded; k++) {
            const pv_rule *ru = &m->rules[p->excluded_by[k]];
            pv_buf_puts(b, k ? "; " : "");
            pv_buf_printf(b, "%s **", pv_tr(sv, "excluded by", "utesluten av"));
            md_cell(b, pv_rule_name(ru, sv));
            pv_buf_puts(b, "**: ");
            md_cell(b, ru->because);
        }
        pv_buf th;
        pv_buf_init(&th);
        int below = pv_threshold_text(&th, c, p, sv);
        if (below) {
            pv_buf_puts(b, p->nexcluded ? "; " : "");
            md_cell(b, th.data);
        }
        pv_buf_free(&th);
        for (size_t k = 0; k < p->nflags; k++) {
            const pv_rule *ru = &m->rules[p->flags[k]];
            pv_buf_puts(b, (k || p->nexcluded || below) ? "; " : "");
            pv_buf_printf(b, "%s **", pv_tr(sv, "flag", "villkor"));
            md_cell(b, pv_rule_name(ru, sv));
            pv_buf_puts(b, "**: ");
            md_cell(b, ru->because);
        }
        pv_buf_puts(b, " |\n");
    }
    pv_buf_printf(b, "\n## %s\n\n| Id |", pv_tr(sv, "Contributions (points)", "Bidrag (poäng)"));
    for (size_t k = 0; k < m->nleaves; k++) {
        pv_buf_putc(b, ' ');
        md_cell(b, pv_crit_label(m->leaves[k], sv));
        pv_buf_puts(b, " |");
    }
    pv_buf_puts(b, "\n|---|");
    for (size_t k = 0; k < m->nleaves; k++)
        pv_buf_puts(b, "---:|");
    pv_buf_putc(b, '\n');
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        pv_buf_puts(b, "| ");
        md_cell(b, pv_project_id(c, j));
        pv_buf_puts(b, " |");
        for (size_t k = 0; k < m->nleaves; k++) {
            pv_buf_putc(b, ' ');
            pv_fmt_num(b, r->p[j].contrib[k], 2, sv);
            pv_buf_puts(b, " |");
        }
        pv_buf_putc(b, '\n');
    }
    if (m->nrules) {
        pv_buf_printf(b, "\n## %s\n\n", pv_tr(sv, "Policy rules", "Policyns regler"));
        for (size_t i = 0; i < m->nrules; i++) {
            const pv_rule *ru = &m->rules[i];
            pv_buf_puts(b, "- **");
            md_cell(b, pv_rule_name(ru, sv));
            pv_buf_printf(b, "** (%s): ", ru->action == PV_ACT_EXCLUDE
                                              ? pv_tr(sv, "excludes", "utesluter")
                                              : pv_tr(sv, "flags", "villkor"));
            md_cell(b, ru->because);
            if (ru->source[0]) {
                pv_buf_printf(b, " — %s: ", pv_tr(sv, "Source", "Källa"));
                md_cell(b, ru->source);
            }
            pv_buf_putc(b, '\n');
        }
    }
}

/* "below the quality threshold: …" on its own line, when p falls below one. */
static void threshold_line(pv_buf *b, const pv_case *c, const pv_proj_result *p, int sv)
{
    pv_buf th;
    pv_buf_init(&th);
    if (pv_threshold_text(&th, c, p, sv)) {
        pv_buf_printf(b, "%7s", "");
        pv_buf_plain(b, th.data ? th.data : "");
        pv_buf_putc(b, '\n');
    }
    pv_buf_free(&th);
}

static void render_text(pv_buf *b, const pv_case *c, const pv_ranking *r, int sv)
{
    const pv_model *m = c->model;
    pv_buf_printf(b, "%s: ", pv_tr(sv, "Ranking", "Rangordning"));
    pv_buf_plain(b, c->name);
    pv_buf_printf(b, "\n%s: ", pv_tr(sv, "Model", "Modell"));
    pv_buf_plain(b, m->name);
    pv_buf_putc(b, '\n');
    if (m->source[0]) {
        pv_buf_printf(b, "%s: ", pv_tr(sv, "Policy", "Policy"));
        pv_buf_plain(b, m->source);
        pv_buf_putc(b, '\n');
    }
    size_t nexcl = 0, wid = 10, wst = 10;
    for (size_t j = 0; j < r->n; j++) {
        nexcl += !r->p[j].eligible;
        if (pv_text_width(pv_project_id(c, j)) > wid)
            wid = pv_text_width(pv_project_id(c, j));
    }
    pv_buf_printf(b, "%s: %zu, %s: %zu\n\n", pv_tr(sv, "Proposals", "Förslag"), r->n,
                  pv_tr(sv, "excluded by the policy", "uteslutna enligt policyn"), nexcl);
    pv_buf_pad(b, pv_tr(sv, "Rank", "Rang"), 5, 1);
    pv_buf_puts(b, "  ");
    pv_buf_pad(b, "Id", wid, 0);
    pv_buf_putc(b, ' ');
    pv_buf_pad(b, pv_tr(sv, "Score", "Poäng"), 8, 1);
    pv_buf_puts(b, "  ");
    pv_buf_pad(b, "Status", wst, 0);
    pv_buf_printf(b, " %s\n", pv_tr(sv, "Name", "Namn"));
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        const pv_proj_result *p = &r->p[j];
        pv_buf_printf(b, "%5zu  ", r->rank[j]);
        pv_buf_pad(b, pv_project_id(c, j), wid, 0);
        pv_buf_putc(b, ' ');
        pv_buf tmp;
        pv_buf_init(&tmp);
        pv_fmt_num(&tmp, p->score, 2, sv);
        pv_buf_pad(b, tmp.data ? tmp.data : "", 8, 1);
        pv_buf_puts(b, "  ");
        pv_buf_pad(b, pv_eligible_word(p->eligible, sv), wst, 0);
        pv_buf_putc(b, ' ');
        pv_buf_plain(b, pv_project_name(c, j));
        pv_buf_putc(b, '\n');
        pv_buf_free(&tmp);
        for (size_t k = 0; k < p->nexcluded + p->nflags; k++) {
            int ex = k < p->nexcluded;
            if (k == p->nexcluded)
                threshold_line(b, c, p, sv);
            const pv_rule *ru = &m->rules[ex ? p->excluded_by[k] : p->flags[k - p->nexcluded]];
            pv_buf_printf(b, "%7s%s ", "",
                          ex ? pv_tr(sv, "excluded by", "utesluten av") : pv_tr(sv, "flag", "villkor"));
            pv_buf_plain(b, pv_rule_name(ru, sv));
            pv_buf_puts(b, ": ");
            pv_buf_plain(b, ru->because);
            pv_buf_putc(b, '\n');
        }
        if (!p->nflags)
            threshold_line(b, c, p, sv);
        pv_buf_printf(b, "%7s%s:", "", pv_tr(sv, "points", "poäng"));
        for (size_t k = 0; k < m->nleaves; k++) {
            pv_buf_puts(b, k ? ", " : " ");
            pv_buf_plain(b, pv_crit_label(m->leaves[k], sv));
            pv_buf_putc(b, ' ');
            pv_fmt_num(b, p->contrib[k], 2, sv);
        }
        pv_buf_putc(b, '\n');
    }
}

char *pv_render_rank(const pv_case *c, const pv_ranking *r, pv_format fmt, pv_lang lang,
                     size_t *len, pv_error *err)
{
    if (fmt == PV_FMT_HTML)
        return pv_html_rank(c, r, pv_lang_is_sv(c, lang), len, err);
    if (fmt == PV_FMT_XLSX)
        return pv_xlsx_rank(c, r, pv_lang_is_sv(c, lang), len, err);
    pv_buf b;
    pv_buf_init(&b);
    int sv = pv_lang_is_sv(c, lang);
    switch (fmt) {
    case PV_FMT_JSON: render_json(&b, c, r); break;
    case PV_FMT_CSV: render_csv(&b, c, r, sv); break;
    case PV_FMT_MD: render_md(&b, c, r, sv); break;
    default: render_text(&b, c, r, sv); break;
    }
    return pv_buf_finish(&b, len, err);
}

int pv_write_rank(const pv_case *c, const pv_ranking *r, pv_format fmt, pv_lang lang,
                  const char *path, pv_error *err)
{
    if (fmt != PV_FMT_JSON && fmt != PV_FMT_CSV && fmt != PV_FMT_MD && fmt != PV_FMT_TEXT) {
        /* HTML and XLSX: one page or workbook, rendered whole */
        size_t len = 0;
        char *text = pv_render_rank(c, r, fmt, lang, &len, err);
        int rc = text ? pv_write_file_atomic(c, path, text, len, err) : -1;
        pv_free(text);
        return rc;
    }
    /* Streamed: the report goes to the file in 64 KiB pieces as it is
     * rendered, instead of one buffer as large as the file. */
    pv_outfile *f = pv_outfile_open(c, path, err);
    if (!f)
        return -1;
    pv_buf b;
    pv_buf_init(&b);
    b.flush = pv_outfile_write;
    b.flush_ctx = f;
    int sv = pv_lang_is_sv(c, lang);
    switch (fmt) {
    case PV_FMT_JSON: render_json(&b, c, r); break;
    case PV_FMT_CSV: render_csv(&b, c, r, sv); break;
    case PV_FMT_MD: render_md(&b, c, r, sv); break;
    default: render_text(&b, c, r, sv); break;
    }
    pv_buf_drain(&b);
    int failed = b.oom || pv_alloc_failures() != b.fails0;
    pv_buf_free(&b);
    return pv_outfile_commit(f, failed, err);
}

/* ------------------------------------------------------------------ HTML */

char *pv_html_rank(const pv_case *c, const pv_ranking *r, int sv, size_t *len, pv_error *err)
{
    pv_buf b;
    pv_buf_init(&b);
    if (pv_html_begin(&b, c, sv, "Ranking of proposals", "Rangordning av förslag", "rank", err)) {
        pv_buf_free(&b);
        return NULL;
    }
    size_t nexcl = 0, best = (size_t)-1;
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        nexcl += !r->p[j].eligible;
        if (best == (size_t)-1 && r->p[j].eligible)
            best = j;
    }
    pv_buf_puts(&b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_printf(&b, sv ? "%zu förslag prövades mot policyn och poängsattes. "
                         : "%zu proposals were screened against the policy and scored. ",
                  r->n);
    if (nexcl)
        pv_buf_printf(&b, sv ? "%zu av dem uteslöts enligt policyns regler, så %zu är valbara. "
                             : "%zu of them were excluded by the policy's rules, so %zu are "
                               "eligible. ",
                      nexcl, r->n - nexcl);
    else
        pv_buf_puts(&b, pv_tr(sv, "None was excluded by the policy. ",
                              "Inget uteslöts enligt policyn. "));
    if (best != (size_t)-1) {
        pv_buf_puts(&b, pv_tr(sv, "The highest score went to ", "Högst poäng fick "));
        pv_html_esc(&b, pv_project_name(c, best));
        pv_buf_puts(&b, " (");
        pv_html_esc(&b, pv_project_id(c, best));
        pv_buf_puts(&b, pv_tr(sv, ") with ", ") med "));
        pv_html_num(&b, r->p[best].score, 2, sv);
        pv_buf_puts(&b, pv_tr(sv, " of 100 points.", " av 100 poäng."));
    }
    pv_buf_puts(&b, "</p>\n");
    pv_html_section(&b, "ranking", 0, "Ranking", "Rangordning", sv);
    pv_html_rank_table(&b, c, r, NULL, NULL, sv);
    pv_html_section_end(&b);
    pv_html_policy_sections(&b, c, r, sv);
    return pv_html_finish(&b, c, sv, len, err);
}
