/* pool.h — the one worker pool: a job split into a fixed number of shares,
 * share 0 run by the caller and the others by forked worker processes.
 * Processes rather than threads because GLPK keeps per-process state; a
 * fixed split (never work stealing) keeps results independent of timing. */
#ifndef PV_POOL_H
#define PV_POOL_H

#include "../internal.h"

/* One share of a job: does share wi of nw and leaves its results where the
 * caller can read them (memory from pv_pool_shared, when run in a worker).
 * Returns 0, or -1 with err set. */
typedef int (*pv_pool_fn)(void *ctx, size_t wi, size_t nw, pv_error *err);

/* Runs fn(ctx, wi, nw) for every share wi in 0..nw-1 and waits for all of
 * them: share 0 in the caller, the others in worker processes that die with
 * the caller (Linux PR_SET_PDEATHSIG). A share whose process cannot be
 * started is run by the caller. The job fails as a whole: when any share
 * fails or any worker dies, the remaining workers are killed, every worker
 * is reaped, and err holds the failure of the lowest failing share. Returns
 * 0 or -1. nw <= 1 runs fn once in the caller, without a process. */
int pv_pool_run(size_t nw, pv_pool_fn fn, void *ctx, pv_error *err);

/* Zeroed memory that the caller and its workers share (MAP_SHARED), or NULL
 * when out of memory. Free it with pv_pool_unshare and the same size. */
void *pv_pool_shared(size_t bytes);
/* Releases memory from pv_pool_shared; accepts NULL. */
void pv_pool_unshare(void *p, size_t bytes);

#endif
