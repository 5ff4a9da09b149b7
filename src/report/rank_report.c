/* rank_report.c — the ranked list in text, Markdown, CSV and JSON. */
#include "../internal.h"
#include "report.h"
#include "xlsx.h"

#include <string.h>

/* Empties a scratch buffer that is reused from row to row. */
static void scratch_reset(pv_buf *t)
{
    t->len = 0;
    if (t->data)
        t->data[0] = '\0';
}

/* A window of up to WIN consecutive ranks, copied out of the ranking: a
 * renderer walks the ranks in order, but the projects' cells and results
 * lie in file order, and reading them in ranked order (random order in
 * memory) dominated the time of large rankings. Each window is filled by
 * one pass in file order; its copies then sit together in cache. */
enum { WIN = 32768 };

typedef struct rank_win {
    size_t lo, n;            /* ranks lo + 1 .. lo + n */
    pv_proj_result *p;       /* copies; contrib points into contrib */
    double *contrib;         /* WIN × leaves */
    size_t *at;              /* each row's id, then its name, in text */
    pv_buf text;
    const char *id, *name;   /* the current row's */
    int failed;              /* out of memory: every later row fails too */
    pv_buf scratch;          /* a renderer's per-row text, reused */
} rank_win;

static void win_free(rank_win *w)
{
    pv_free(w->p);
    pv_free(w->contrib);
    pv_free(w->at);
    pv_buf_free(&w->text);
    pv_buf_free(&w->scratch);
}

static int win_fill(rank_win *w, const pv_case *c, const pv_ranking *r, size_t lo)
{
    size_t L = c->model->nleaves;
    if (w->failed)
        return -1;
    if (!w->p) {
        w->p = pv_calloc(WIN, sizeof *w->p);
        w->contrib = pv_calloc(WIN * L + 1, sizeof *w->contrib);
        w->at = pv_calloc(WIN, sizeof *w->at);
        pv_buf_init(&w->text);
        if (!w->p || !w->contrib || !w->at) {
            w->failed = 1;
            return -1;
        }
    }
    w->lo = lo;
    w->n = r->n - lo < WIN ? r->n - lo : WIN;
    scratch_reset(&w->text);
    for (size_t j = 0; j < r->n; j++) {
        size_t k = r->rank[j] - 1 - lo; /* wraps around below lo */
        if (k >= w->n)
            continue;
        w->p[k] = r->p[j];
        w->p[k].contrib = w->contrib + k * L;
        memcpy(w->p[k].contrib, r->p[j].contrib, L * sizeof *w->contrib);
        w->at[k] = w->text.len;
        pv_buf_puts(&w->text, pv_project_id(c, j));
        pv_buf_putc(&w->text, '\0');
        pv_buf_puts(&w->text, pv_project_name(c, j));
        pv_buf_putc(&w->text, '\0');
    }
    w->failed = w->text.oom;
    return w->failed ? -1 : 0;
}

/* The result of rank i + 1 (its id and name in w->id, w->name), or NULL
 * when out of memory (then b is marked so). */
static const pv_proj_result *win_row(pv_buf *b, rank_win *w, const pv_case *c,
                                     const pv_ranking *r, size_t i)
{
    if ((w->failed || !w->p || i < w->lo || i >= w->lo + w->n) && win_fill(w, c, r, i)) {
        b->oom = 1;
        return NULL;
    }
    size_t k = i - w->lo;
    w->id = w->text.data + w->at[k];
    w->name = w->id + strlen(w->id) + 1;
    return &w->p[k];
}

/* Projects a rule of the policy excludes (by_rule), or that only a quality
 * threshold of the case makes ineligible (below: not the policy's doing). */
static size_t count_excluded(const pv_ranking *r, int by_rule)
{
    size_t nexcl = 0;
    for (size_t j = 0; j < r->n; j++)
        nexcl += !r->p[j].eligible && (r->p[j].nexcluded > 0) == by_rule;
    return nexcl;
}

/* ", under en kvalitetsgräns: 2" when a threshold alone made some ineligible */
static void count_below(pv_buf *b, const pv_ranking *r, int sv, int md)
{
    size_t nb = count_excluded(r, 0);
    if (nb)
        pv_buf_printf(b, md ? " %s: %zu." : ", %s: %zu",
                      md ? pv_tr(sv, "Below a quality threshold", "Under en kvalitetsgräns")
                         : pv_tr(sv, "below a quality threshold", "under en kvalitetsgräns"),
                      nb);
}

/* The JSON strings of the model's leaf ids, then its rule ids, escaped once
 * for all rows: string i is t->data + at[i], at[i + 1] - at[i] - 1 bytes. */
static size_t *json_ids(pv_buf *t, const pv_model *m)
{
    size_t n = m->nleaves + m->nrules;
    size_t *at = pv_calloc(n + 1, sizeof *at);
    for (size_t i = 0; at && i < n; i++) {
        at[i] = t->len;
        pv_buf_json_str(t, i < m->nleaves ? m->leaves[i]->id : m->rules[i - m->nleaves].id);
        pv_buf_putc(t, '\0');
    }
    if (at)
        at[n] = t->len;
    if (!at || t->oom) {
        pv_free(at);
        return NULL;
    }
    return at;
}

static void json_id(pv_buf *b, const pv_buf *t, const size_t *at, size_t i)
{
    pv_buf_put(b, t->data + at[i], at[i + 1] - at[i] - 1);
}

static void json_rule_ids(pv_buf *b, const pv_buf *t, const size_t *at, size_t nleaves,
                          const size_t *ids, size_t n)
{
    pv_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            pv_buf_putc(b, ',');
        json_id(b, t, at, nleaves + ids[i]);
    }
    pv_buf_putc(b, ']');
}

static void render_json(pv_buf *b, const pv_case *c, const pv_ranking *r, rank_win *w, int sv)
{
    const pv_model *m = c->model;
    pv_buf t;
    pv_buf_init(&t);
    size_t *at = json_ids(&t, m), L = m->nleaves;
    if (!at) {
        b->oom = 1;
        pv_buf_free(&t);
        return;
    }
    int thresholds = c->has_min_score;
    for (size_t i = 0; i < m->nall && !thresholds; i++)
        thresholds = m->all[i]->has_min;
    pv_buf_puts(b, "{\n  \"case\": ");
    pv_buf_json_str(b, c->name);
    pv_buf_puts(b, ",\n  \"model\": ");
    pv_buf_json_str(b, m->name);
    /* the rules that excluded_by and flags name, with the policy they cite */
    pv_buf_puts(b, ",\n  \"rules\": [");
    for (size_t i = 0; i < m->nrules; i++) {
        const pv_rule *ru = &m->rules[i];
        pv_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, ru->id);
        pv_buf_printf(b, ", \"action\": \"%s\", \"because\": ",
                      ru->action == PV_ACT_EXCLUDE ? "exclude" : "flag");
        pv_buf_json_str(b, pv_rule_because(ru, sv));
        pv_buf_puts(b, ", \"source\": ");
        pv_buf_json_str(b, ru->source ? ru->source : "");
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, m->nrules ? "\n  ],\n  \"projects\": [" : "],\n  \"projects\": [");
    for (size_t i = 0; i < r->n; i++) {
        const pv_proj_result *p = win_row(b, w, c, r, i);
        if (!p)
            break;
        pv_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, w->id);
        pv_buf_puts(b, ", \"name\": ");
        pv_buf_json_str(b, w->name);
        pv_buf_puts(b, ", \"rank\": ");
        pv_buf_num(b, (double)(i + 1), 0); /* exact: i < 2^53 */
        pv_buf_puts(b, ", \"score\": ");
        pv_buf_num(b, p->score, 6);
        pv_buf_puts(b, p->eligible ? ", \"eligible\": true, \"excluded_by\": "
                                   : ", \"eligible\": false, \"excluded_by\": ");
        json_rule_ids(b, &t, at, L, p->excluded_by, p->nexcluded);
        if (thresholds) /* issue 2's keys exactly when the case has no threshold */
            pv_json_below(b, c, p);
        pv_buf_puts(b, ", \"flags\": ");
        json_rule_ids(b, &t, at, L, p->flags, p->nflags);
        pv_buf_puts(b, ", \"contributions\": {");
        for (size_t k = 0; k < L; k++) {
            if (k)
                pv_buf_puts(b, ", ");
            json_id(b, &t, at, k);
            pv_buf_puts(b, ": ");
            pv_buf_num(b, p->contrib[k], 6);
        }
        pv_buf_puts(b, "}}");
    }
    pv_buf_puts(b, r->n ? "\n  ]\n}\n" : "]\n}\n");
    pv_free(at);
    pv_buf_free(&t);
}

static void rule_ids_text(pv_buf *b, const pv_model *m, const size_t *ids, size_t n, int sv)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            pv_buf_putc(b, '|');
        pv_buf_puts(b, pv_rule_name(&m->rules[ids[i]], sv));
    }
}

/* The CSV's excluded_by and flags cells. */
static void csv_rule_cells(pv_buf *b, pv_buf *tmp, const pv_model *m, const pv_proj_result *p,
                           int sv)
{
    scratch_reset(tmp);
    rule_ids_text(tmp, m, p->excluded_by, p->nexcluded, sv);
    /* by name, as the rules are: the keys (min_score, crit.min) are JSON's */
    if (p->below_min_score)
        pv_buf_printf(tmp, "%s%s", tmp->len ? "|" : "",
                      pv_tr(sv, "quality threshold (score)", "kvalitetsgräns (poäng)"));
    for (size_t k = 0; k < p->nbelow; k++)
        pv_buf_printf(tmp, "%s%s (%s)", tmp->len ? "|" : "",
                      pv_tr(sv, "quality threshold", "kvalitetsgräns"),
                      pv_crit_label(m->all[p->below[k]], sv));
    pv_csv_sep(b, sv);
    pv_csv_cell(b, tmp->len ? tmp->data : "", sv);
    scratch_reset(tmp);
    rule_ids_text(tmp, m, p->flags, p->nflags, sv);
    pv_csv_sep(b, sv);
    pv_csv_cell(b, tmp->len ? tmp->data : "", sv);
}

static void render_csv(pv_buf *b, const pv_case *c, const pv_ranking *r, rank_win *w,
                       int sv)
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
        const pv_proj_result *p = win_row(b, w, c, r, i);
        if (!p)
            break;
        pv_buf_num(b, (double)(i + 1), 0);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, w->id, sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, w->name, sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, p->score, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, pv_yes_no(p->eligible, sv), sv);
        csv_rule_cells(b, &w->scratch, m, p, sv);
        for (size_t k = 0; k < m->nleaves; k++) {
            pv_csv_sep(b, sv);
            pv_csv_num(b, p->contrib[k], 6, sv);
        }
        pv_csv_eol(b);
    }
}

/* "Ranking: case" and "Model: name" (and its policy source) at the top. */
static void render_head(pv_buf *b, const pv_case *c, int sv, int md)
{
    const pv_model *m = c->model;
    void (*put)(pv_buf *, const char *) = md ? pv_buf_md : pv_buf_plain;
    pv_buf_printf(b, md ? "# %s: " : "%s: ", pv_tr(sv, "Ranking", "Rangordning"));
    put(b, c->name);
    pv_buf_printf(b, md ? "\n\n%s: " : "\n%s: ", pv_tr(sv, "Model", "Modell"));
    put(b, m->name);
    if (!md)
        pv_buf_putc(b, '\n');
    if (m->source[0]) {
        if (md)
            pv_buf_puts(b, " (");
        else
            pv_buf_printf(b, "%s: ", pv_tr(sv, "Policy", "Policy"));
        put(b, m->source);
        pv_buf_puts(b, md ? ")" : "\n");
    }
}

/* A Markdown ranking row's rules: exclusions, thresholds, flags. */
static void md_rules(pv_buf *b, pv_buf *th, const pv_case *c, const pv_proj_result *p, int sv)
{
    const pv_model *m = c->model;
    for (size_t k = 0; k < p->nexcluded; k++) {
        const pv_rule *ru = &m->rules[p->excluded_by[k]];
        pv_buf_puts(b, k ? "; " : "");
        pv_buf_printf(b, "%s **", pv_excluded_by_word(sv));
        pv_buf_md(b, pv_rule_name(ru, sv));
        pv_buf_puts(b, "**: ");
        pv_buf_md(b, pv_rule_because(ru, sv));
    }
    scratch_reset(th);
    int below = pv_threshold_text(th, c, p, sv);
    if (below) {
        pv_buf_puts(b, p->nexcluded ? "; " : "");
        pv_buf_md(b, th->data);
    }
    for (size_t k = 0; k < p->nflags; k++) {
        const pv_rule *ru = &m->rules[p->flags[k]];
        pv_buf_puts(b, (k || p->nexcluded || below) ? "; " : "");
        pv_buf_printf(b, "%s **", pv_tr(sv, "flag", "villkor"));
        pv_buf_md(b, pv_rule_name(ru, sv));
        pv_buf_puts(b, "**: ");
        pv_buf_md(b, pv_rule_because(ru, sv));
    }
}

static void md_policy(pv_buf *b, const pv_model *m, int sv)
{
    if (!m->nrules)
        return;
    pv_buf_printf(b, "\n## %s\n\n", pv_tr(sv, "Policy rules", "Policyns regler"));
    for (size_t i = 0; i < m->nrules; i++) {
        const pv_rule *ru = &m->rules[i];
        pv_buf_puts(b, "- **");
        pv_buf_md(b, pv_rule_name(ru, sv));
        pv_buf_printf(b, "** (%s): ", ru->action == PV_ACT_EXCLUDE
                                          ? pv_tr(sv, "excludes", "utesluter")
                                          : pv_tr(sv, "flags", "villkor"));
        pv_buf_md(b, pv_rule_because(ru, sv));
        if (ru->source[0]) {
            pv_buf_printf(b, " — %s: ", pv_tr(sv, "Source", "Källa"));
            pv_buf_md(b, ru->source);
        }
        pv_buf_putc(b, '\n');
    }
}

static void render_md(pv_buf *b, const pv_case *c, const pv_ranking *r, rank_win *w,
                      int sv)
{
    const pv_model *m = c->model;
    render_head(b, c, sv, 1);
    pv_buf_printf(b, "\n\n%s: %zu. %s: %zu.", pv_tr(sv, "Proposals", "Förslag"), r->n,
                  pv_tr(sv, "Excluded by the policy", "Uteslutna enligt policyn"),
                  count_excluded(r, 1));
    count_below(b, r, sv, 1);
    pv_buf_puts(b, "\n\n");
    pv_buf_printf(b, "| %s | Id | %s | %s | %s | %s |\n|---:|---|---|---:|---|---|\n",
                  pv_tr(sv, "Rank", "Rang"), pv_tr(sv, "Name", "Namn"),
                  pv_tr(sv, "Score", "Poäng"), pv_tr(sv, "Status", "Status"),
                  pv_tr(sv, "Rules", "Regler"));
    for (size_t i = 0; i < r->n; i++) {
        const pv_proj_result *p = win_row(b, w, c, r, i);
        if (!p)
            break;
        pv_buf_printf(b, "| %zu | ", i + 1);
        pv_buf_md(b, w->id);
        pv_buf_puts(b, " | ");
        pv_buf_md(b, w->name);
        pv_buf_puts(b, " | ");
        pv_fmt_num(b, p->score, 2, sv);
        pv_buf_printf(b, " | %s | ", pv_eligible_word(p->eligible, sv));
        md_rules(b, &w->scratch, c, p, sv);
        pv_buf_puts(b, " |\n");
    }
    pv_buf_printf(b, "\n## %s\n\n| Id |", pv_tr(sv, "Contributions (points)", "Bidrag (poäng)"));
    for (size_t k = 0; k < m->nleaves; k++) {
        pv_buf_putc(b, ' ');
        pv_buf_md(b, pv_crit_label(m->leaves[k], sv));
        pv_buf_puts(b, " |");
    }
    pv_buf_puts(b, "\n|---|");
    for (size_t k = 0; k < m->nleaves; k++)
        pv_buf_puts(b, "---:|");
    pv_buf_putc(b, '\n');
    for (size_t i = 0; i < r->n; i++) {
        const pv_proj_result *p = win_row(b, w, c, r, i);
        if (!p)
            break;
        pv_buf_puts(b, "| ");
        pv_buf_md(b, w->id);
        pv_buf_puts(b, " |");
        for (size_t k = 0; k < m->nleaves; k++) {
            pv_buf_putc(b, ' ');
            pv_fmt_num(b, p->contrib[k], 2, sv);
            pv_buf_puts(b, " |");
        }
        pv_buf_putc(b, '\n');
    }
    md_policy(b, m, sv);
}

/* "below the quality threshold: …" on its own line, when p falls below one. */
static void threshold_line(pv_buf *b, pv_buf *th, const pv_case *c, const pv_proj_result *p,
                           int sv)
{
    scratch_reset(th);
    if (pv_threshold_text(th, c, p, sv)) {
        pv_buf_printf(b, "%7s", "");
        pv_buf_plain(b, th->len ? th->data : "");
        pv_buf_putc(b, '\n');
    }
}

/* A text ranking row's lines under it: exclusions, thresholds, flags, points. */
static void text_details(pv_buf *b, pv_buf *th, const pv_case *c, const pv_proj_result *p,
                         int sv)
{
    const pv_model *m = c->model;
    for (size_t k = 0; k < p->nexcluded + p->nflags; k++) {
        int ex = k < p->nexcluded;
        if (k == p->nexcluded)
            threshold_line(b, th, c, p, sv);
        const pv_rule *ru = &m->rules[ex ? p->excluded_by[k] : p->flags[k - p->nexcluded]];
        pv_buf_printf(b, "%7s%s ", "",
                      ex ? pv_excluded_by_word(sv) : pv_tr(sv, "flag", "villkor"));
        pv_buf_plain(b, pv_rule_name(ru, sv));
        pv_buf_puts(b, ": ");
        pv_buf_plain(b, pv_rule_because(ru, sv));
        pv_buf_putc(b, '\n');
        if (ex && ru->source && ru->source[0]) { /* every exclusion cites its policy */
            pv_buf_printf(b, "%7s%s ", "", pv_tr(sv, "Source:", "Källa:"));
            pv_buf_plain(b, ru->source);
            pv_buf_putc(b, '\n');
        }
    }
    if (!p->nflags)
        threshold_line(b, th, c, p, sv);
    pv_buf_printf(b, "%7s%s:", "", pv_tr(sv, "points", "poäng"));
    for (size_t k = 0; k < m->nleaves; k++) {
        pv_buf_puts(b, k ? ", " : " ");
        pv_buf_plain(b, pv_crit_label(m->leaves[k], sv));
        pv_buf_putc(b, ' ');
        pv_fmt_num(b, p->contrib[k], 2, sv);
    }
    pv_buf_putc(b, '\n');
}

static void render_text(pv_buf *b, const pv_case *c, const pv_ranking *r, rank_win *w,
                        int sv)
{
    render_head(b, c, sv, 0);
    size_t wid = 10, wst = 10;
    for (size_t j = 0; j < r->n; j++) {
        size_t iw = pv_text_width(pv_project_id(c, j));
        wid = iw > wid ? iw : wid;
    }
    pv_buf_printf(b, "%s: %zu, %s: %zu", pv_tr(sv, "Proposals", "Förslag"), r->n,
                  pv_tr(sv, "excluded by the policy", "uteslutna enligt policyn"),
                  count_excluded(r, 1));
    count_below(b, r, sv, 0);
    pv_buf_puts(b, "\n\n");
    pv_buf_pad(b, pv_tr(sv, "Rank", "Rang"), 5, 1);
    pv_buf_puts(b, "  ");
    pv_buf_pad(b, "Id", wid, 0);
    pv_buf_putc(b, ' ');
    pv_buf_pad(b, pv_tr(sv, "Score", "Poäng"), 8, 1);
    pv_buf_puts(b, "  ");
    pv_buf_pad(b, "Status", wst, 0);
    pv_buf_printf(b, " %s\n", pv_tr(sv, "Name", "Namn"));
    for (size_t i = 0; i < r->n; i++) {
        const pv_proj_result *p = win_row(b, w, c, r, i);
        if (!p)
            break;
        pv_buf_printf(b, "%5zu  ", i + 1);
        pv_buf_pad(b, w->id, wid, 0);
        pv_buf_putc(b, ' ');
        scratch_reset(&w->scratch);
        pv_fmt_num(&w->scratch, p->score, 2, sv);
        pv_buf_pad(b, w->scratch.len ? w->scratch.data : "", 8, 1);
        pv_buf_puts(b, "  ");
        pv_buf_pad(b, pv_eligible_word(p->eligible, sv), wst, 0);
        pv_buf_putc(b, ' ');
        pv_buf_plain(b, w->name);
        pv_buf_putc(b, '\n');
        text_details(b, &w->scratch, c, p, sv);
    }
}

/* The four streamable formats into b. */
static void render_into(pv_buf *b, const pv_case *c, const pv_ranking *r, pv_format fmt, int sv)
{
    rank_win w = {0};
    pv_buf_init(&w.scratch);
    switch (fmt) {
    case PV_FMT_JSON: render_json(b, c, r, &w, sv); break;
    case PV_FMT_CSV: render_csv(b, c, r, &w, sv); break;
    case PV_FMT_MD: render_md(b, c, r, &w, sv); break;
    default: render_text(b, c, r, &w, sv); break;
    }
    b->oom |= w.scratch.oom;
    win_free(&w);
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
    render_into(&b, c, r, fmt, pv_lang_is_sv(c, lang));
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
    render_into(&b, c, r, fmt, pv_lang_is_sv(c, lang));
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
    size_t nrule = count_excluded(r, 1);
    if (nexcl > nrule)
        pv_buf_printf(&b,
                      sv ? "%zu av dem uteslöts enligt policyns regler och %zu ligger under en "
                           "kvalitetsgräns, så %zu är valbara. "
                         : "%zu of them were excluded by the policy's rules and %zu are below "
                           "a quality threshold, so %zu are eligible. ",
                      nrule, nexcl - nrule, r->n - nexcl);
    else if (nexcl)
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
