/*
 * report.h — what the report files share inside report/: the HTML helpers,
 * the wording, and project-id lists in the formats that several reports use.
 */
#ifndef PV_REPORT_H
#define PV_REPORT_H

#include "html.h"
#include "wording.h"

/* How deep cr stands in the model's tree: 0 for a top-level criterion. */
int pv_crit_depth(const pv_criterion *cr);

/* The ids of the projects with x[j] set ("A, B"; empty for none or NULL) as
 * one CSV cell. */
void pv_csv_ids(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n, int sv);
/* The n cells, each followed by the separator. */
void pv_csv_cells(pv_buf *b, const char *const *cells, size_t n, int sv);
/* Starts a spreadsheet (see pv_csv_start) with the n column names; the caller
 * may add columns before pv_csv_eol. */
void pv_csv_header(pv_buf *b, const char *const *names, size_t n, int sv);
/** A JSON number in the fixed six-decimal form, or null when !has. */
void pv_json_num_or_null(pv_buf *b, int has, double x);
/** key as given (a separator and a quoted key, e.g. `, "from": `), then x in
 *  the fixed six-decimal form. */
void pv_json_keyed_num(pv_buf *b, const char *key, double x);
/** {"resource id": x[k] - minus[k], …} over the case's resources, in order
 *  (minus NULL: x[k]); numbers in the fixed six-decimal form. */
void pv_json_res_map(pv_buf *b, const pv_case *c, const double *x, const double *minus);
/** A JSON string, or null when s is NULL. */
void pv_json_str_or_null(pv_buf *b, const char *s);

/* The ids of the projects with x[j] set, in file order, as a JSON array. */
void pv_ids_json(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n);
/* The same ids as "A, B, C"; none when there is no id (or x is NULL). */
void pv_ids_text(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n,
                 const char *none);
/* Project j as a reader knows it: "Name (ID)", or the id alone when it is
 * the name; control characters as '?'. */
void pv_proj_ref(pv_buf *b, const pv_case *c, size_t j);
/* The same, Markdown-escaped when md. */
void pv_proj_ref_as(pv_buf *b, const pv_case *c, size_t j, int md);
/* The same projects by name, "Name (ID), …" ("–" when none). */
void pv_names_text(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n);
/* A legend for reports whose tables name projects by id: each marked
 * project's id and name, one per line (Markdown: a list item), in file
 * order, after the heading "Proposals named above" when heading is set.
 * Returns the lines written: none when nothing is marked. */
size_t pv_ids_legend(pv_buf *b, const pv_case *c, const unsigned char *mark, size_t n, int sv,
                     int md, int heading);
/* mark[j] |= x[j] over n flags (x NULL: nothing). */
void pv_ids_mark(unsigned char *mark, const unsigned char *x, size_t n);
/* `"added": [ids], "removed": [ids]` from the portfolio from to to (NULL =
 * empty), with add and rem (n flags each) as scratch. */
void pv_json_diff(pv_buf *b, const pv_case *c, const unsigned char *from,
                  const unsigned char *to, size_t n, unsigned char *add, unsigned char *rem);
/* add[j]: in b and not in a; rem[j]: in a and not in b (NULL = empty set). */
void pv_ids_diff(const unsigned char *a, const unsigned char *b, size_t n, unsigned char *add,
                 unsigned char *rem);

/* ---- select_use.c: what each project uses */
/* Display width of UTF-8 text (code points; combining marks take none). */
size_t pv_text_width(const char *s);
/* s (control characters as '?') padded with spaces to width: right-aligned
 * when right != 0. */
void pv_buf_pad(pv_buf *b, const char *s, size_t width, int right);
/* `, "use": {id: amount, …}, "partner_use": {…}` for project j. */
void pv_use_json(pv_buf *b, const pv_case *c, const pv_selection *s, size_t j);
/* "uses Budget 120 000 kr, Staff time 420 h; partner fees …" (fees only when any). */
void pv_use_text(pv_buf *b, const pv_case *c, const pv_selection *s, size_t j, int sv);
/* "+A, B −C": the projects added and removed, an empty side left out ("–"
 * when both are empty). */
void pv_diff_text(pv_buf *b, const pv_case *c, const unsigned char *add, const unsigned char *rem,
                  size_t n);
/* The chosen projects with each one's use, the partner fees and the total
 * (a text table, or Markdown with md). */
void pv_portfolio_text(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                       int sv, int md);
/* One row of select's spreadsheet (one table; a `section` column says what
 * each row is, so that spreadsheets can filter on it): section, id, name,
 * status, value (when has_a), limit (when has_l), detail. A project row then
 * adds its use of each resource; the caller ends the row. */
void pv_sel_csv_row(pv_buf *b, int sv, const char *sec, const char *id, const char *name,
                    const char *status, int has_a, double a, int has_l, double l,
                    const char *detail);
/* Resource k's limit stops the portfolio: no unselected eligible proposal
 * fits in what is left of it (counting only the project's own need). */
int pv_res_binding(const pv_case *c, const pv_ranking *r, const pv_selection *s, size_t k);

/* Reports without a workbook form: 1 + a usage error for PV_FMT_XLSX. */
int pv_xlsx_refused(pv_format fmt, pv_error *err);

/* What a what-if report's renderers see: the case, its ranking, the analysis
 * result (data: a pv_frontier, pv_sensitivity or pv_robust), the format and
 * language, and two scratch sets of n + 1 flags for portfolio differences. */
typedef struct pv_view {
    const pv_case *c;
    const pv_ranking *r;
    const void *data;
    pv_format fmt;
    int sv;
    size_t n;
    unsigned char *add, *rem;
} pv_view;

/* One report's renderer per format. json continues the document after
 * `{"maximised": …`; text also renders Markdown (v->fmt); html writes the
 * page's sections between pv_html_begin (with the titles and kind below)
 * and pv_html_finish. */
typedef struct pv_view_ops {
    void (*json)(pv_buf *b, const pv_view *v);
    void (*csv)(pv_buf *b, const pv_view *v);
    void (*text)(pv_buf *b, const pv_view *v);
    void (*html)(pv_buf *b, const pv_view *v);
    const char *title_en, *title_sv, *kind;
} pv_view_ops;

/* The one entry point of the what-if reports: refuses xlsx, builds the view
 * (with its scratch sets) and runs the renderer for fmt. Returns the text
 * (length in *len) or NULL with err set. */
char *pv_render_view(const pv_view_ops *ops, const pv_case *c, const pv_ranking *r,
                     const void *data, pv_format fmt, pv_lang lang, size_t *len, pv_error *err);

#endif
