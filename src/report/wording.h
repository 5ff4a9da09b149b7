/*
 * wording.h — the sentences that more than one report or format says.
 *
 * Status words, the one-line reason why a project is in or out of the
 * portfolio, and the review note are written here once, in sv and en, so the
 * text, Markdown, CSV, JSON and HTML renderers cannot drift apart. The
 * machine words of JSON (pv_status_key) are a contract and never change with
 * the language; CSV speaks the report's language (a Swedish spreadsheet gets
 * Swedish headers and words), its English form keeps the machine words.
 */
#ifndef PV_WORDING_H
#define PV_WORDING_H

#include "../optimise/select.h"

/* "optimal", "feasible", "infeasible", "error": the JSON/CSV status value. */
const char *pv_status_key(pv_status st);
/* The status for people: sv "ogenomförbar", en "infeasible" and so on. */
const char *pv_status_word(pv_status st, int sv);
/* Whether a run with this status has a portfolio to show (an ERROR or an
 * infeasible run selects nothing). */
int pv_status_has_portfolio(pv_status st);
/* "eligible" / "excluded" for a ranked project. */
const char *pv_eligible_word(int eligible, int sv);
/* Where a project stands after a run: excluded by the policy, eligible (no
 * selection made), selected, not selected. */
typedef enum pv_standing {
    PV_STAND_EXCLUDED,
    PV_STAND_ELIGIBLE,
    PV_STAND_SELECTED,
    PV_STAND_NOT_SELECTED
} pv_standing;
/* The standing for people: sv "utesluten", "valbar", "vald", "inte vald". */
const char *pv_standing_word(pv_standing st, int sv);
/* Its machine word (CSV in English): "excluded", "eligible", "selected",
 * "not_selected". */
const char *pv_standing_key(pv_standing st);
/* "excluded by" (sv "utesluten av"), before a rule's name. */
const char *pv_excluded_by_word(int sv);
/* What the portfolio means for partner p if it is one of the case's own
 * agreements: active and used by a selected project -> keep; active and
 * unused -> review; inactive and used -> revive; inactive and unused -> end
 * candidate. PV_REV_NONE for other partners and when there is no portfolio. */
typedef enum pv_review_action {
    PV_REV_NONE,
    PV_REV_KEEP,
    PV_REV_REVIEW,
    PV_REV_REVIVE,
    PV_REV_END
} pv_review_action;
pv_review_action pv_review_of(const pv_case *c, const pv_selection *s, size_t p);
/* pv_review_of for a partner the report lists (s->listed), else PV_REV_NONE. */
pv_review_action pv_review_listed(const pv_case *c, const pv_selection *s, size_t p);
/* "keep", "review", "revive", "end_candidate": the JSON/CSV value. */
const char *pv_review_key(pv_review_action a);
/* The action for people, sv or en. */
const char *pv_review_word(pv_review_action a, int sv);
/* Appends the k-th reason (from 0) for p's action to b; 0 when there is none:
 * the situation (naming the projects that use it), then, for every action but
 * keep, the model's "agreement_review" sentence and its policy source. */
int pv_review_reason(pv_buf *b, const pv_case *c, const pv_selection *s, size_t p, size_t k,
                     int sv);
/* All reasons joined by "; ". */
void pv_review_reasons(pv_buf *b, const pv_case *c, const pv_selection *s, size_t p, int sv);
/* "infeasible" as one value of a sweep (frontier point, robust run). */
const char *pv_infeasible_word(int sv);
/* The heading over the diagnosis of an infeasible case. */
const char *pv_why_infeasible_heading(int sv);

/* ---- display names: what a report shows instead of an id (the id itself
 * when the model or case gives no name) */
const char *pv_res_name(const pv_case *c, size_t k, int sv);
/* The unit of resource k: its "unit", else "kr"/"SEK" for an id with "sek",
 * "h" for one with "hour", else "". */
const char *pv_res_unit(const pv_case *c, size_t k, int sv);
/* A column heading for resource k: pre, its name, post, then " (unit)"
 * when it has one ("Använt: Budget (kr)", "Budget partneravgifter (kr)"). */
void pv_res_heading(pv_buf *b, const pv_case *c, size_t k, int sv, const char *pre,
                    const char *post);
/* An amount of resource k for people: "120 000 kr" (sv) / "120,000 SEK". */
void pv_res_amount(pv_buf *b, const pv_case *c, size_t k, double x, int sv);
const char *pv_cons_name(const pv_constraint *q, int sv);
const char *pv_rule_name(const pv_rule *ru, int sv);
/* The agreement review's reason w (0 unused, 1 inactive) in the report's
 * language; NULL when the model gives none. */
const char *pv_review_because(const pv_model *m, int w, int sv);
/* A rule's reason in the report's language (the model's "because"). */
const char *pv_rule_because(const pv_rule *ru, int sv);
/* A constraint type for people ("antal", "utesluter varandra" …). */
const char *pv_ctype_word(pv_ctype t, int sv);
/* ", at least 2, at most 4" (sv ", minst 2, högst 4"): the constraint's
 * bounds, each written by num (plain or HTML), shares with two decimals. */
void pv_cons_bounds(pv_buf *b, const pv_constraint *q, int sv,
                    void (*num)(pv_buf *, double, int, int));
/* The name of a diagnosis group (resource, constraint or keep_existing). */
const char *pv_group_name(const pv_case *c, size_t g, int sv);
/* A constraint in plain words with its projects by name and id: "label
 * (count, at least 1)", "id: exclusive: A (P1), B (P2), at most 1". */
void pv_cons_desc(pv_buf *b, const pv_case *c, const pv_constraint *q, int sv);

/* ---- what a project uses */
/* Project j's own use of resource k (its row in the projects file). */
double pv_proj_use(const pv_case *c, size_t j, size_t k);
/* The partner fees of resource k that choosing j triggers: the fees of its
 * partners that no other selected project (nor keep_existing) engages. */
double pv_proj_partner_use(const pv_case *c, const pv_selection *s, size_t j, size_t k);
/* "120 000 kr och 420 h": every resource's amount x[k], joined in prose;
 * resources at 0 are left out unless all are ("0 kr"). */
void pv_amounts_prose(pv_buf *b, const pv_case *c, const double *x, int sv);
/* Copies s with every control character (newline included) shown as '?'. */
void pv_buf_plain(pv_buf *b, const char *s);
/* The same for Markdown: also the characters that would end a table cell or
 * start markup (| \ * ` [ ] ~, _ at a word's edge, & before an entity's and
 * < before a tag's first character) escaped with '\', so that a name from a spreadsheet shows as
 * typed and never breaks a table; "0,44 < 0,50" stays as it is. */
void pv_buf_md(pv_buf *b, const char *s);
/* A report's first line, "label: name" and a blank line: a Markdown heading
 * (md) with the name escaped, or plain text with control characters as '?'. */
void pv_title(pv_buf *b, const char *label, const char *name, int md);

/* Co-financing: how the limits were committed, and what the objective is,
 * one sentence each. */
const char *pv_cofin_commit_text(pv_commit commit, int sv);
const char *pv_cofin_objective_text(int sv);
/* 1 when the portfolio's use of some resource, counting every application
 * as granted, is above its limit (which co-financing's commitment allows). */
int pv_over_limits(const pv_case *c, const pv_selection *s);
/* The one sentence that says why a use above 100 % is allowed. */
const char *pv_cofin_over_text(int sv);
/* Party weight sets: what the max-min compromise, the minimax-regret
 * portfolio and the conflict index are, one sentence each. */
const char *pv_parties_maxmin_text(int sv);
const char *pv_parties_regret_text(int sv);
const char *pv_parties_conflict_text(int sv);
/* The what-if reports' one sentence when the time limit ended some of
 * their solves: how many samples (robust, samples > 0), or that not every
 * solve was proven (sensitivity, frontier: samples = 0), and the advice. */
void pv_time_limit_note(pv_buf *b, size_t samples, int sv);
/* The co-financing part of the portfolio report (cofin_report.c); each does
 * nothing when the case has no "cofinancing". */
void pv_cofin_json(pv_buf *b, const pv_case *c, const pv_selection *s);
void pv_cofin_json_project(pv_buf *b, const pv_case *c, const pv_ranking *r, size_t j);
void pv_cofin_text(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                   int sv, int md);
void pv_cofin_csv(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s, int sv);
void pv_cofin_html(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s, int sv);

/* What select maximised, in plain words (no capital, no full stop): "the sum
 * of the selected projects' scores …" or "the sum of score × participants …". */
void pv_objective_text(pv_buf *b, const pv_case *c, int sv);
/* The same text written through put (pv_buf_plain, pv_html_esc, pv_buf_json_str). */
void pv_objective_put(pv_buf *b, const pv_case *c, int sv, void (*put)(pv_buf *, const char *));
/* "below the quality threshold: score 54.20 < minimum 60.00 (min_score);
 * criterion Benefit 0.40 < minimum 0.50 (benefit.min)"; 0 (nothing written)
 * when project p meets every threshold. */
int pv_threshold_text(pv_buf *b, const pv_case *c, const pv_proj_result *p, int sv);

/* "Maximerat: …" and a blank line, under a what-if report's title. */
void pv_objective_line(pv_buf *b, const pv_case *c, int sv, int md);
/* `"maximised": {"type": "sum" | "weighted", "column": …, "text": …}`; no
 * "text" when sv < 0 (what-if JSON, which has no language). */
void pv_json_maximised(pv_buf *b, const pv_case *c, int sv);
/* The model's flags on an eligible project p (an excluded one's exclusion
 * says more): mode 0 text, one indented line each; 1 Markdown cell, each after
 * "; " with '|' escaped; 2 CSV, each after "; ". */
void pv_flags_text(pv_buf *b, const pv_case *c, const pv_proj_result *p, int sv, int mode);
/* "Maximerat: …" and, with min_score, "Kvalitetsgräns: …" at the head of a
 * select report (md: as list items). */
void pv_objective_head(pv_buf *b, const pv_case *c, int sv, int md);
/* `{"action": "end_candidate", "reasons": [...]}` for a listed own agreement, else `null`. */
void pv_json_review(pv_buf *b, const pv_case *c, const pv_selection *s, size_t p, int sv);
/* `, "below_threshold": [{"id": "min_score" | criterion id, "value", "min"}]`
 * for the JSON of project p (an empty list when it meets every threshold). */
void pv_json_below(pv_buf *b, const pv_case *c, const pv_proj_result *p);

/* Why project j is in or out, one line in the report's language; plain text
 * (escape it for HTML). sentence: capital first letter and a full stop, and
 * amounts with units (HTML); else lower case, plain numbers (text, md, csv,
 * json). cite: an exclusion quotes its rule's policy sentence ("Källa: …"),
 * for reports that have no policy section beside it. Returns NULL when out
 * of memory. */
char *pv_why_text(const pv_case *c, const pv_ranking *r, const pv_selection *s, size_t j,
                  int sv, int sentence, int cite);

#endif
