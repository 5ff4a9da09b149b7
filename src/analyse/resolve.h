/* resolve.h — what the what-if analyses (frontier, sensitivity, robust)
 * share: re-solving the selection with changed scores, and a re-solver that
 * keeps one MILP and a cache of the optima it has found. Private to analyse/. */
#ifndef PV_RESOLVE_H
#define PV_RESOLVE_H

#include "whatif.h"

/* A selection solved with replaced scores (NULL: the ranking's) and the
 * case's current limits; no explanations, no diagnosis. */
pv_selection *pv_solve_scores(const pv_case *c, const pv_ranking *r, const double *score,
                              pv_error *err);
/* Scores of every project for the given leaf global weights; NaN for a
 * project that these weights put below a quality threshold. */
void pv_scores_for_weights(const pv_case *c, const pv_ranking *r, const double *w, double *score);

/* 1 when the selection has a portfolio (optimal or feasible). */
int pv_sel_usable(const pv_selection *s);
/* A copy of the selection's project flags (n bytes), or NULL. */
unsigned char *pv_portfolio_dup(const pv_selection *s, size_t n);
/* The objective value of portfolio x (per project) under these scores;
 * NaN when a selected project's score is NaN (below a threshold). */
double pv_portfolio_value(const pv_case *c, const pv_ranking *r, const unsigned char *x,
                          const double *score);
/* 1 when portfolio base reaches the optimum opt (objective units) within
 * rounding, and none of its projects breaks a threshold under these scores. */
int pv_base_optimal(const pv_case *c, const pv_ranking *r, const unsigned char *base,
                    const double *score, double opt);

/* pv_sensitivity_run, with exact_edges 0 the plain bisection at every
 * step (the reference the exact edges are tested against). */
pv_sensitivity *pv_sensitivity_edges(const pv_case *c, const pv_ranking *r, int exact_edges,
                                     pv_error *err);
/* One MILP reused across re-solves that change only the objective: GLPK
 * keeps its basis, and the best of the portfolios found so far is offered
 * as the first incumbent, so most re-solves only have to prove it. */
typedef struct pv_resolver {
    const pv_case *c;
    const pv_ranking *r;
    pv_mip *m;
    unsigned char *val, *greedy;
    unsigned char **cache; /* column values of distinct optima */
    size_t ncache, next;
    double tl;
    size_t unproven; /* re-solves the time limit ended (pv_resolver_solve returned 2) */
} pv_resolver;

/* Builds the MILP of the case's current limits; -1 with err on failure. */
int pv_resolver_init(pv_resolver *f, const pv_case *c, const pv_ranking *r, pv_error *err);
/* Frees what pv_resolver_init allocated. */
void pv_resolver_free(pv_resolver *f);
/* Solves with the given scores; x (per project) and *obj receive the
 * optimum. Returns 1 solved (proven optimal), 2 the best portfolio found
 * when the time limit ended the search (it depends on the machine's speed),
 * 0 infeasible, -1 error. */
int pv_resolver_solve(pv_resolver *f, const double *score, unsigned char *x, double *obj,
                      pv_error *err);

#endif
