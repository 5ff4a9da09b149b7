/*
 * followup.h (report) — the follow-up's words, shared by the follow-up report
 * and the select reports (partners[].followup beside partners[].review): the
 * register's status words and each own agreement's recommendation with its
 * reasons, in sv and en.
 */
#ifndef PV_REPORT_FOLLOWUP_H
#define PV_REPORT_FOLLOWUP_H

#include "../analyse/followup.h"
#include "report.h"

/* "planned" … "cancelled": the JSON/CSV value (NULL for -1: no row). */
const char *pv_ostatus_key(int st);
/* The status for people: sv "planerad" … "inställd"; -1: "no report" / "ingen rapport". */
const char *pv_ostatus_word(int st, int sv);
/* The same word after a count n ("3 klara", "1 klar", "2 utan rapport"):
 * Swedish adjectives agree in number. */
const char *pv_ostatus_count_word(int st, size_t n, int sv);
/* keep / review / end_candidate, as the decision's review says them. */
pv_review_action pv_fu_as_review(pv_fu_action a);
/* "2027" or "2026–2027". */
void pv_fu_period(pv_buf *b, int from, int year);
/** An agreement's facts, the same in every format: "aktivt; senaste
 * aktivitet 2026; utvärderat 2025-03-01" (– where none is on record). */
void pv_fu_facts(pv_buf *b, const pv_fu_agree *a, int sv);
/* The reasons of a's recommendation, each a new string in out[] (at most
 * max): the situation (naming the activity), then, for review and end
 * candidate, the model's agreement_review sentence and its source. Returns
 * how many; frees nothing (pv_fu_reasons_free). */
size_t pv_fu_reasons(const pv_case *c, const pv_fu_agree *a, int year, int from, int sv,
                     char **out, size_t max);
void pv_fu_reasons_free(char **out, size_t n);
/* All reasons joined by "; " (". " after a full stop). */
void pv_fu_reasons_text(pv_buf *b, const pv_case *c, const pv_fu_agree *a, int year, int from,
                        int sv);
/* {"action": …, "reasons": [...]} */
void pv_fu_json(pv_buf *b, const pv_case *c, const pv_fu_agree *a, int year, int from, int sv);
/* [reason, …] */
void pv_fu_json_reasons(pv_buf *b, const pv_case *c, const pv_fu_agree *a, int year, int from,
                        int sv);
/* The select reports' follow-up of partner p: the register's latest year.
 * a->action is PV_FU_NONE when the case has no register or p is no own
 * agreement. -1 when out of memory. */
int pv_fu_select_of(const pv_case *c, size_t p, pv_fu_agree *a);
/* "uppföljning 2027: ses över — reasons" for partner p; 0 (nothing written) when it has no
 * follow-up. */
int pv_fu_select_text(pv_buf *b, const pv_case *c, size_t p, int sv);
/* {"action", "reasons"} or null. */
void pv_fu_select_json(pv_buf *b, const pv_case *c, size_t p, int sv);

/* The headings of the follow-up: 0 activities, 1 resources, 2 goals (the
 * three items of Tranås's policy, in its words), 3 agreements. */
const char *pv_fu_heading(int i, int sv);
/* The notes under the follow-up's tables, one sentence each: 0 what the
 * total covers, 1 what "expected" means. */
const char *pv_fu_note(int i, int sv);

/* ---- followup_report.c: pieces every format shares */
/* The body the report is addressed to (the model's followup.report_to). */
const char *pv_fu_to(const pv_case *c, int sv);
const char *pv_fu_id(const pv_case *c, const pv_fu_proj *q);
const char *pv_fu_name(const pv_case *c, const pv_fu_proj *q);
/* The projects that reported a contribution to goal g, ", " between them:
 * each id written by put (escaping for the format) and, when num is given,
 * sep and the contribution (one decimal). Returns how many. */
size_t pv_fu_goal_projects(pv_buf *b, const pv_followup *f, size_t g,
                           void (*put)(pv_buf *, const char *), const char *sep,
                           void (*num)(pv_buf *, double, int, int), int sv);
/* A department's display name ("(no department)" for NULL). */
const char *pv_fu_dept(const pv_case *c, const char *code, int sv);
/* The activities of the period: "text" for one row (plain), else "2026: …; 2027: …". */
void pv_fu_activities(pv_buf *b, const pv_case *c, const pv_fu_proj *q, int plain);
/* (actual - planned) / planned in per cent; NaN when nothing was planned. */
double pv_fu_pct(double actual, double planned);
/* "+4 500 kr (+15,0 %)" */
void pv_fu_dev_text(pv_buf *b, const pv_case *c, size_t k, double actual, double planned,
                    int sv);
/* "220 000 kr" / "220,000 SEK" */
void pv_fu_money(pv_buf *b, double x, int sv);
/* "Budget: 30 000 kr planned, 34 500 kr used, +4 500 kr (+15,0 %); …;
 * external funding: …" over every resource. */
void pv_fu_use_text(pv_buf *b, const pv_case *c, const double *planned, const double *actual,
                    double ext_p, double ext_r, int sv);
/* "1 granted, 3 done" from counts by status ([PV_OS_N]: no report). */
void pv_fu_counts_text(pv_buf *b, const size_t *count, int sv);
/* The lead of the list of the case's proposals that are neither decided nor
 * reported ("Other proposals of the case ...: "). */
const char *pv_fu_others_lead(int sv);

/* ---- followup_data.c, followup_html.c */
void pv_fu_render_json(pv_buf *b, const pv_followup *f, int sv);
void pv_fu_render_csv(pv_buf *b, const pv_followup *f, int sv);
char *pv_html_followup(const pv_followup *f, int sv, size_t *len, pv_error *err);

#endif
