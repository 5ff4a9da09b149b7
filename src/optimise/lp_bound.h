/*
 * lp_bound.h — re-solves that start from a known portfolio (what-if
 * analyses): the root LP bound and reduced-cost fixing against that
 * portfolio's value, so that the proof covers only what could beat it.
 */
#ifndef PV_LP_BOUND_H
#define PV_LP_BOUND_H

#include "mip.h"

/*
 * Proves start (ncols values, feasible) optimal or finds the better
 * portfolio, with the current bounds and objective: the root LP; when its
 * bound reaches start's value, start is optimal; else every column that no
 * portfolio worth start's value can move from its LP bound (reduced cost) is
 * fixed and GLPK searches the rest with start's value as a cutoff row.
 * 1: sol (status optimal, val filled) holds the optimum; start is kept
 * unless a portfolio strictly better (pv_mip_tol) was found. When the time
 * limit ended that search, 1 with the best portfolio as feasible (the full
 * search, as hard or harder, would have run out too). 0: no verdict (too
 * little fixed, no LP solution, a node limit): the caller solves as before.
 * -1 + err: GLPK failed or out of memory.
 */
int pv_mip_reprove(pv_mip *m, const unsigned char *start, double time_limit_s, pv_mip_sol *sol,
                   pv_error *err);

#endif
