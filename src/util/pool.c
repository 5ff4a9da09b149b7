/* pool.c — the fork/mmap worker pool (see pool.h for the contract). */
#include "pool.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/wait.h>
#include <unistd.h>

/* What a share reports back, in shared memory: done is set only after the
 * share succeeded, so a worker that dies half way is never taken as done. */
typedef struct pool_slot {
    pv_error err;
    int done;
    pid_t pid; /* the worker of this share (in the mapping, not the heap, so
                  that a worker's exit leaves no lost block for valgrind) */
} pool_slot;

void *pv_pool_shared(size_t bytes)
{
    void *p = mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1,
                   0);
    return p == MAP_FAILED ? NULL : p; /* anonymous mappings start zeroed */
}

void pv_pool_unshare(void *p, size_t bytes)
{
    if (p)
        munmap(p, bytes ? bytes : 1);
}

static int run_share(pv_pool_fn fn, void *ctx, size_t wi, size_t nw, pool_slot *slot)
{
    pv_error_clear(&slot->err);
    if (fn(ctx, wi, nw, &slot->err)) {
        if (!pv_failed(&slot->err))
            pv_err(&slot->err, PV_EINTERNAL, NULL, 0, 0, "a worker failed without a message");
        return -1;
    }
    slot->done = 1;
    return 0;
}

static _Noreturn void worker_main(pv_pool_fn fn, void *ctx, size_t wi, size_t nw, pool_slot *slot,
                                  pid_t parent)
{
#ifdef __linux__
    /* A worker dies with its parent (killed, interrupted); the check after
     * the prctl closes the race with a parent that died before it. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);
#else
    (void)parent;
#endif
    _exit(run_share(fn, ctx, wi, nw, slot) ? 1 : 0);
}

/* Reaps worker pid; returns 0 when its share is done, else -1 with its
 * failure in slot->err (when the share did not write one itself). */
static int reap(pid_t pid, pool_slot *slot)
{
    int st = 0;
    pid_t w;
    while ((w = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
        ;
    /* The slot in shared memory says whether the share was finished: it is
     * written last, after the results. How the process ended after that does
     * not matter (reaped elsewhere by a host that ignores SIGCHLD, or a
     * nonzero status from a tool such as valgrind that checks the exiting
     * copy of the parent's heap). */
    if (slot->done)
        return 0;
    if (w >= 0 && WIFSIGNALED(st))
        pv_err(&slot->err, PV_EINTERNAL, NULL, 0, 0, "a worker process was killed by signal %d",
               WTERMSIG(st));
    else
        pv_err(&slot->err, PV_EINTERNAL, NULL, 0, 0, "a worker process ended without its results");
    return -1;
}

int pv_pool_run(size_t nw, pv_pool_fn fn, void *ctx, pv_error *err)
{
    if (nw <= 1)
        return fn(ctx, 0, 1, err);
    pool_slot *slot = pv_pool_shared(nw * sizeof *slot);
    if (!slot) {
        pv_err_nomem(err);
        return -1;
    }
    pid_t parent = getpid();
    for (size_t wi = 1; wi < nw; wi++) {
        /* only the parent writes the slot's pid (the mapping is shared) */
        pid_t pid = fork();
        if (pid == 0)
            worker_main(fn, ctx, wi, nw, &slot[wi], parent);
        slot[wi].pid = pid;
    }
    int failed = run_share(fn, ctx, 0, nw, &slot[0]) != 0;
    for (size_t wi = 1; wi < nw && !failed; wi++)
        if (slot[wi].pid < 0) /* no process: do this share here */
            failed = run_share(fn, ctx, wi, nw, &slot[wi]) != 0;
    /* In share order, so that the reported failure is the lowest share's;
     * after the first failure the rest are killed, as their work is lost. */
    for (size_t wi = 1; wi < nw; wi++) {
        if (slot[wi].pid <= 0)
            continue;
        if (failed)
            kill(slot[wi].pid, SIGKILL);
        if (reap(slot[wi].pid, &slot[wi]))
            failed = 1;
    }
    for (size_t wi = 0; wi < nw && failed; wi++)
        if (pv_failed(&slot[wi].err)) {
            if (err && !pv_failed(err))
                *err = slot[wi].err;
            break;
        }
    pv_pool_unshare(slot, nw * sizeof *slot);
    return failed ? -1 : 0;
}
