/* progress.c — the progress hook: long work (explanations, sensitivity,
 * frontier, robust) reports how far it is; the library never prints, the
 * caller's hook decides. Only the process that set the hook calls it, never a
 * worker process (they are forked with a copy of it). */
#include "../internal.h"

#include <unistd.h>

static pv_progress_fn g_fn;
static void *g_ctx;
static pid_t g_pid;

void pv_set_progress(pv_progress_fn fn, void *ctx)
{
    g_fn = fn;
    g_ctx = ctx;
    g_pid = getpid();
}

void pv_get_progress(pv_progress_fn *fn, void **ctx)
{
    *fn = g_fn;
    *ctx = g_ctx;
}

void pv_progress(pv_progress_step step, size_t done, size_t total)
{
    if (g_fn && getpid() == g_pid)
        g_fn(g_ctx, step, done, total);
}
