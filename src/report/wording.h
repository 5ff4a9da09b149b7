/*
 * wording.h — the sentences that more than one report or format says.
 *
 * Status words, the one-line reason why a project is in or out of the
 * portfolio, and the review note are written here once, in sv and en, so the
 * text, Markdown, CSV, JSON and HTML renderers cannot drift apart. The
 * machine words of JSON and CSV (pv_status_key) are a contract and never
 * change with the language.
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
/* The note beside an own agreement that no selected project uses. */
const char *pv_review_text(int sv);
/* "infeasible" as one value of a sweep (frontier point, robust run). */
const char *pv_infeasible_word(int sv);
/* The heading over the diagnosis of an infeasible case. */
const char *pv_why_infeasible_heading(int sv);

/* Why project j is in or out, one line in the report's language; plain text
 * (escape it for HTML). sentence: capital first letter and a full stop, and
 * amounts with units (HTML); else lower case, plain numbers (text, md, csv,
 * json). Returns NULL when out of memory. */
char *pv_why_text(const pv_case *c, const pv_ranking *r, const pv_selection *s, size_t j,
                  int sv, int sentence);

#endif
