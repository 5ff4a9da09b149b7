/*
 * core_search.h — the main solve's steps before the plain branch and bound
 * (private to optimise/; see core_search.c and mip_solve.c).
 */
#ifndef PV_CORE_SEARCH_H
#define PV_CORE_SEARCH_H

#include "glpk_driver.h"

/* Milliseconds on the monotonic clock. */
double pv_mip_clock_ms(void);

/* Status, objective, bound and gap of the portfolio in sol->val: optimal when
 * proven, else feasible with bound (at least the objective). */
void pv_mip_outcome(const pv_mip *m, pv_mip_sol *sol, int proven, double bound);

/*
 * The core search from the optimal root LP of m->lp (objective lpobj),
 * started at t0 with tl_ms to go in all. Returns 0 with sol filled, 1 when
 * the caller should go on with its plain search (from seed when *seeded),
 * -1 when out of memory.
 */
int pv_core_search(pv_mip *m, double lpobj, const unsigned char *start, double t0, double tl_ms,
                   double gap, pv_mip_sol *sol, unsigned char *seed, int *seeded);

/* How pv_small_bb ended. */
enum { PV_SBB_PROVEN, PV_SBB_LIMIT, PV_SBB_GIVE_UP };
/* pv_small_bb's ways: split by the number of projects; probe at the root. */
enum { PV_SBB_COUNT = 1, PV_SBB_PROBE = 2 };

/*
 * Our own depth-first branch and bound (small_bb.c) on m with the columns
 * fix[j] >= 0 fixed, for a portfolio worth more than incobj (beyond
 * pv_mip_tol). PV_SBB_PROVEN: the search finished, so the best portfolio
 * found (in better, *found = 1) or else the incumbent is optimal;
 * PV_SBB_LIMIT: the time or subproblem limit (<= 0: none) came first, and
 * better holds the best found when *found; PV_SBB_GIVE_UP: the problem is too
 * large for the dense tableau or its rounding could not be settled (the
 * caller runs GLPK's search). *nodes: subproblems, when not NULL. ways:
 * PV_SBB_COUNT searches each number of projects in turn (with
 * tune.card_split), which proves faster but, cut by a limit, has looked at
 * few counts (so the core rounds, a heuristic, do not); PV_SBB_PROBE probes
 * every free column at the root first and builds the search again over the
 * columns left free.
 */
int pv_small_bb(const pv_mip *m, const signed char *fix, double incobj, double tl_ms,
                long node_limit, int ways, unsigned char *better, int *found, long *nodes);

#endif
