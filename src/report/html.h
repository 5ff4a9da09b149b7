/*
 * html.h — the self-contained HTML reports.
 *
 * One file per report: inline CSS, inline SVG charts, no JavaScript, nothing
 * fetched from the network. Every piece of user text (ids, names, labels,
 * rule texts, sources, file paths) goes through pv_html_esc, and every
 * attribute value is double-quoted, so nothing from the inputs can become
 * markup. Output is deterministic: the only varying part, the run date, is
 * fixed with pv_set_report_date.
 */
#ifndef PV_HTML_H
#define PV_HTML_H

#include "../analyse/compare.h"
#include "../analyse/whatif.h"

/* ---------------------------------------------------------------- hash.c */
/* SHA-256 of a whole file as 64 lowercase hex digits (+ NUL). -1 + err. */
int pv_sha256_file(const char *path, char hex[65], pv_error *err);

/* ----------------------------------------------------------- html_page.c */
/* The report date ("YYYY-MM-DD"): the one set, else today (UTC). */
const char *pv_html_date(char out[11]);

/* Text with & < > " ' escaped; control characters other than tab and
 * newline become spaces. */
void pv_html_esc(pv_buf *b, const char *s);
/* A number for people: sv "1 234 567,50" (NBSP), en "1,234,567.50". */
/* <span class="name">NAME</span> <small class="id">ID</small>, both escaped. */
void pv_html_name_id(pv_buf *b, const char *name, const char *id);
void pv_html_num(pv_buf *b, double x, int decimals, int sv);
/* A number with as few decimals as it needs (at most 3). */
void pv_html_numt(pv_buf *b, double x, int sv);
/* A percentage of a share in [0,1]: "42,5 %" / "42.5%". */
void pv_html_pct(pv_buf *b, double share, int decimals, int sv);
/* "12,5 %–40,0 %": an interval of shares, one decimal. */
void pv_html_pct_range(pv_buf *b, double lo, double hi, int sv);
/* An amount of resource k: the number and its unit ("kr", "SEK", "h"). */
void pv_html_amount(pv_buf *b, const pv_case *c, size_t k, double x, int sv);
/* Resource k's display name, escaped, with its id in <small class="id"><code>. */
void pv_html_res_name(pv_buf *b, const pv_case *c, size_t k, int sv);
/* Colour of the i-th top-level criterion ("#1f5f8b"). */
const char *pv_html_colour(size_t i);
/* Index of the top-level criterion above a criterion. */
size_t pv_html_top_of(const pv_model *m, const pv_criterion *cr);
/* A country's name in the report's language (from its code), escaped. */
void pv_html_country(pv_buf *b, const pv_case *c, long crow, int sv);

/* Opens the page: head with CSS, body, header#report-header (title, case,
 * model, policy source, date, versions). Returns 0. */
int pv_html_begin(pv_buf *b, const pv_case *c, int sv, const char *title_en,
                  const char *title_sv, const char *kind, pv_error *err);
/* Closes the page with its appendix: the SHA-256 of every input file, under
 * its normalised path. Returns -1 + err when an input file cannot be hashed. */
int pv_html_end(pv_buf *b, const pv_case *c, int sv, pv_error *err);
/* Ends a report page: pv_html_end, then the finished text (b freed on
 * error, NULL + err). */
char *pv_html_close(pv_buf *b, const pv_case *c, int sv, size_t *len, pv_error *err);
/* The model section, then pv_html_close. */
char *pv_html_finish(pv_buf *b, const pv_case *c, int sv, size_t *len, pv_error *err);
/* path with "." and "dir/.." steps removed ("a/b/../../m/x" -> "m/x"), into b. */
void pv_path_norm(pv_buf *b, const char *path);
/* <section id=ID class="CLS"><h2>…</h2> / </section>. page: starts a new
 * printed page. */
void pv_html_section(pv_buf *b, const char *id, int page, const char *h_en, const char *h_sv,
                     int sv);
void pv_html_section_end(pv_buf *b);

/* ---------------------------------------------------------- html_parts.c */
/* A section "Proposals named above" (id proposal-names): each marked
 * project's name and id, in file order; nothing when none is marked. */
void pv_html_ids_legend(pv_buf *b, const pv_case *c, const unsigned char *mark, size_t n, int sv);
/* Legend of the top-level criteria. */
void pv_html_legend(pv_buf *b, const pv_model *m, int sv);
/* A list that may be empty: <p id="ID">none</p> and 0 when n is 0, else
 * <ul id="ID"> and 1 (the caller then writes the items and </ul>). */
int pv_html_list_open(pv_buf *b, const char *id, size_t n, const char *none);
/* svg.score-bar: project j's score stacked by top-level criterion, on 0..scale. */
void pv_html_score_bar(pv_buf *b, const pv_case *c, const pv_proj_result *p, double scale,
                       int sv);
/* svg.resource-bar for resource k: used against its limit. */
void pv_html_resource_bar(pv_buf *b, const pv_case *c, size_t k, double used, double limit,
                          int sv);
/* A resource row: name, bar, "used / limit (pct)". */
void pv_html_resource_row(pv_buf *b, const pv_case *c, size_t k, double used, double limit,
                          int sv);

/* The ranking table. s (may be NULL) adds selected/not selected status;
 * why (may be NULL) is one escaped-on-output line per project (by index). */
void pv_html_rank_table(pv_buf *b, const pv_case *c, const pv_ranking *r,
                        const pv_selection *s, char *const *why, int sv);
/* "Excluded by policy" and "Conditions" sections. */
void pv_html_policy_sections(pv_buf *b, const pv_case *c, const pv_ranking *r, int sv);
/* "The model": criteria tree, weights, value functions, AHP, rules. */
void pv_html_model_section(pv_buf *b, const pv_case *c, int sv);

/* Selected ids as an escaped comma list ("–" when none). */
void pv_html_ids(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n);

/* ------------------------------------ one page per report (its *_report.c) */
char *pv_html_rank(const pv_case *c, const pv_ranking *r, int sv, size_t *len, pv_error *err);
char *pv_html_weights(const pv_case *c, int sv, size_t *len, pv_error *err);
char *pv_html_select(const pv_case *c, const pv_ranking *r, const pv_selection *s, int sv,
                     size_t *len, pv_error *err);
char *pv_html_compare(const pv_comparison *cmp, int sv, size_t *len, pv_error *err);

#endif
