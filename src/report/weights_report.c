/* weights_report.c — local and global weights, and AHP consistency per level. */
#include "../internal.h"
#include "report.h"

static const char *method_name(pv_wmethod m)
{
    switch (m) {
    case PV_W_RANK: return "rank";
    case PV_W_SWING: return "swing";
    case PV_W_AHP: return "ahp";
    default: return "direct";
    }
}

/* The method as a Swedish CSV shows it (JSON keeps method_name's words). */
static const char *method_name_sv(pv_wmethod m)
{
    switch (m) {
    case PV_W_RANK: return "rangordning";
    case PV_W_SWING: return "swing";
    case PV_W_AHP: return "ahp";
    default: return "direkt";
    }
}

typedef struct level {
    const pv_criterion *parent; /* NULL: top */
    pv_wmethod method;
    double lambda, ci, cr;
} level;

static size_t levels(const pv_model *m, level *out)
{
    size_t n = 0;
    out[n++] = (level){NULL, m->top_method, m->top_lambda_max, m->top_ci, m->top_cr};
    for (size_t i = 0; i < m->nall; i++)
        if (m->all[i]->nchildren)
            out[n++] = (level){m->all[i], m->all[i]->child_method, m->all[i]->lambda_max,
                               m->all[i]->ci, m->all[i]->cr};
    return n;
}

/* Every criterion's local and global weight, and AHP consistency, as JSON. */
static void weights_json(pv_buf *b, const pv_model *m, const level *lv, size_t nl)
{
    pv_buf_puts(b, "{\n  \"criteria\": [");
    for (size_t i = 0; i < m->nall; i++) {
        const pv_criterion *cr = m->all[i];
        pv_buf_puts(b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
        pv_buf_json_str(b, cr->id);
        pv_buf_puts(b, ", \"parent\": ");
        if (cr->parent)
            pv_buf_json_str(b, cr->parent->id);
        else
            pv_buf_puts(b, "null");
        pv_buf_printf(b, ", \"leaf\": %s, \"local\": ", cr->is_leaf ? "true" : "false");
        pv_buf_num(b, cr->local, 6);
        pv_json_keyed_num(b, ", \"global\": ", cr->global);
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, "\n  ],\n  \"levels\": [");
    for (size_t i = 0; i < nl; i++) {
        pv_buf_puts(b, i ? ",\n    {\"parent\": " : "\n    {\"parent\": ");
        if (lv[i].parent)
            pv_buf_json_str(b, lv[i].parent->id);
        else
            pv_buf_puts(b, "null");
        pv_buf_printf(b, ", \"method\": \"%s\", \"lambda_max\": ", method_name(lv[i].method));
        if (lv[i].method == PV_W_AHP) {
            pv_buf_num(b, lv[i].lambda, 6);
            pv_json_keyed_num(b, ", \"ci\": ", lv[i].ci);
            pv_json_keyed_num(b, ", \"cr\": ", lv[i].cr);
        } else
            pv_buf_puts(b, "null, \"ci\": null, \"cr\": null");
        pv_buf_putc(b, '}');
    }
    pv_buf_puts(b, "\n  ]\n}\n");
}

/* One row per criterion, with the weighting of the level it sits in (its
 * siblings share it): method, and for AHP lambda_max, CI and CR, as the
 * JSON's "levels" give them. */
static void weights_csv(pv_buf *b, const pv_model *m, int sv, const level *lv, size_t nl)
{
    static const char *const h[] = {"id",     "parent", "label",      "leaf", "local",
                                    "global", "method", "lambda_max", "ci",   "cr"};
    static const char *const hsv[] = {"id",     "förälder", "namn",       "poängsätts", "lokal",
                                      "global", "metod",    "lambda_max", "ci",         "cr"};
    pv_csv_header(b, sv ? hsv : h, sizeof h / sizeof *h, sv);
    pv_csv_eol(b);
    for (size_t i = 0; i < m->nall; i++) {
        const pv_criterion *cr = m->all[i];
        pv_csv_cell(b, cr->id, sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, cr->parent ? cr->parent->id : "", sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, pv_crit_label(cr, sv), sv);
        pv_csv_sep(b, sv);
        pv_csv_cell(b, pv_yes_no(cr->is_leaf, sv), sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, cr->local, 6, sv);
        pv_csv_sep(b, sv);
        pv_csv_num(b, cr->global, 6, sv);
        const level *l = NULL;
        for (size_t k = 0; k < nl && !l; k++)
            if (lv[k].parent == cr->parent)
                l = &lv[k];
        pv_csv_sep(b, sv);
        pv_csv_cell(b, !l ? "" : sv ? method_name_sv(l->method) : method_name(l->method), sv);
        for (int q = 0; q < 3; q++) {
            pv_csv_sep(b, sv);
            if (l && l->method == PV_W_AHP)
                pv_csv_num(b, q == 0 ? l->lambda : q == 1 ? l->ci : l->cr, 6, sv);
        }
        pv_csv_eol(b);
    }
}

/* Text or Markdown (fmt): the weight tree, then AHP consistency per level. */
static void weights_text(pv_buf *b, const pv_model *m, pv_format fmt, int sv, const level *lv,
                         size_t nl)
{
    int md = fmt == PV_FMT_MD;
    pv_title(b, pv_tr(sv, "Weights", "Vikter"), m->name, md);
    /* Names only (ids are in CSV and JSON); a sub-criterion is indented
     * under its parent, in Markdown with no-break spaces that survive. */
    size_t w = 0;
    for (size_t i = 0; i < m->nall; i++) {
        size_t t = 2 * (size_t)pv_crit_depth(m->all[i]) + pv_text_width(pv_crit_label(m->all[i], sv));
        w = t > w ? t : w;
    }
    const char *head = pv_tr(sv, "Criterion", "Kriterium");
    if (md)
        pv_buf_printf(b, "| %s | %s | %s |\n|---|---:|---:|\n", head, pv_tr(sv, "Local", "Lokal"),
                      pv_tr(sv, "Global", "Global"));
    else {
        pv_buf_pad(b, head, w, 0);
        pv_buf_printf(b, " %9s %9s\n", pv_tr(sv, "Local", "Lokal"), pv_tr(sv, "Global", "Global"));
    }
    for (size_t i = 0; i < m->nall; i++) {
        const pv_criterion *cr = m->all[i];
        int depth = pv_crit_depth(cr);
        pv_buf tl, tg;
        pv_buf_init(&tl);
        pv_buf_init(&tg);
        pv_fmt_num(&tl, cr->local, 4, sv);
        pv_fmt_num(&tg, cr->global, 4, sv);
        if (md) {
            /* a visible mark per level: renderers trim a cell's leading
             * spaces, which lost the tree */
            pv_buf_puts(b, "| ");
            for (int d = 0; d < depth; d++)
                pv_buf_puts(b, "› ");
            pv_buf_md(b, pv_crit_label(cr, sv));
            pv_buf_printf(b, " | %s | %s |\n", tl.data ? tl.data : "", tg.data ? tg.data : "");
        } else {
            pv_buf_printf(b, "%*s", depth * 2, "");
            pv_buf_pad(b, pv_crit_label(cr, sv), w - 2 * (size_t)depth, 0);
            pv_buf_printf(b, " %9s %9s\n", tl.data ? tl.data : "", tg.data ? tg.data : "");
        }
        pv_buf_free(&tl);
        pv_buf_free(&tg);
    }
    for (size_t i = 0; i < nl; i++) {
        if (lv[i].method != PV_W_AHP)
            continue;
        pv_buf_printf(b, "\nAHP %s %s: lambda_max ", pv_tr(sv, "at", "för"),
                      lv[i].parent ? pv_crit_label(lv[i].parent, sv)
                                   : pv_tr(sv, "top level", "översta nivån"));
        pv_fmt_num(b, lv[i].lambda, 4, sv);
        pv_buf_puts(b, ", CI ");
        pv_fmt_num(b, lv[i].ci, 4, sv);
        pv_buf_puts(b, ", CR ");
        pv_fmt_num(b, lv[i].cr, 4, sv);
        if (lv[i].cr > 0.10)
            pv_buf_puts(b, pv_tr(sv, " (inconsistent: CR > 0.10)", " (inkonsekvent: CR > 0,10)"));
        pv_buf_putc(b, '\n');
    }
}

char *pv_render_weights(const pv_case *c, pv_format fmt, pv_lang lang, size_t *len,
                        pv_error *err)
{
    if (pv_xlsx_refused(fmt, err))
        return NULL;
    if (fmt == PV_FMT_HTML)
        return pv_html_weights(c, pv_lang_is_sv(c, lang), len, err);
    const pv_model *m = c->model;
    int sv = pv_lang_is_sv(c, lang);
    level *lv = pv_calloc(m->nall + 1, sizeof *lv);
    if (!lv) {
        pv_err_nomem(err);
        return NULL;
    }
    size_t nl = levels(m, lv);
    pv_buf b;
    pv_buf_init(&b);
    if (fmt == PV_FMT_JSON)
        weights_json(&b, m, lv, nl);
    else if (fmt == PV_FMT_CSV)
        weights_csv(&b, m, sv, lv, nl);
    else
        weights_text(&b, m, fmt, sv, lv, nl);
    pv_free(lv);
    return pv_buf_finish(&b, len, err);
}

/* ------------------------------------------------------------------ HTML */

char *pv_html_weights(const pv_case *c, int sv, size_t *len, pv_error *err)
{
    pv_buf b;
    pv_buf_init(&b);
    if (pv_html_begin(&b, c, sv, "Weights of the model", "Modellens vikter", "weights", err)) {
        pv_buf_free(&b);
        return NULL;
    }
    const pv_model *m = c->model;
    pv_buf_puts(&b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_printf(&b, sv ? "Modellen har %zu huvudkriterier och %zu kriterier som poängsätts. "
                         : "The model has %zu main criteria and %zu scored criteria. ",
                  m->ntop, m->nleaves);
    size_t big = 0;
    for (size_t i = 1; i < m->ntop; i++)
        if (m->top[i]->global > m->top[big]->global)
            big = i;
    if (m->ntop) {
        pv_buf_puts(&b, pv_tr(sv, "The heaviest is ", "Tyngst väger "));
        pv_html_esc(&b, pv_crit_label(m->top[big], sv));
        pv_buf_puts(&b, pv_tr(sv, " with ", " med "));
        pv_html_pct(&b, m->top[big]->global, 1, sv);
        pv_buf_puts(&b, pv_tr(sv, " of the total weight.", " av den totala vikten."));
    }
    pv_buf_puts(&b, "</p>\n");
    /* One bar per top-level criterion, on a common scale. */
    pv_html_section(&b, "weights", 0, "Main criteria", "Huvudkriterier", sv);
    double mx = 0;
    for (size_t i = 0; i < m->ntop; i++)
        mx = m->top[i]->global > mx ? m->top[i]->global : mx;
    pv_buf_puts(&b, "<div class=\"resources chart-weights\">\n");
    for (size_t i = 0; i < m->ntop; i++) {
        pv_buf_puts(&b, "<div>");
        pv_html_esc(&b, pv_crit_label(m->top[i], sv));
        pv_buf_puts(&b, "</div><div><svg class=\"resource-bar weight-bar\" viewBox=\"0 0 100 10\" "
                        "preserveAspectRatio=\"none\" role=\"img\"><rect x=\"0\" y=\"1\" width=\"");
        pv_buf_num(&b, mx > 0 ? 100 * m->top[i]->global / mx : 0, 3);
        pv_buf_printf(&b, "\" height=\"8\" fill=\"%s\"/></svg></div><div class=\"fig\">",
                      pv_html_colour(i));
        pv_html_pct(&b, m->top[i]->global, 1, sv);
        pv_buf_puts(&b, "</div>\n");
    }
    pv_buf_puts(&b, "</div>\n");
    pv_html_section_end(&b);
    return pv_html_finish(&b, c, sv, len, err);
}
