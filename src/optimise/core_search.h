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

#endif
