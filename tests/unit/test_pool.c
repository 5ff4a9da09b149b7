/*
 * test_pool.c — the worker pool (src/util/pool.c): every share's results come
 * back, and a job fails as a whole, with the lowest failing share's error,
 * whether a share returns an error or its process dies; no worker is left
 * behind (no zombie) either way.
 */
#include "util/pool.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

typedef struct job {
    long *out;      /* shared: per share, a value only that share writes */
    int fail_share; /* this share returns an error (-1: none) */
    int die_share;  /* this share's process kills itself (-1: none) */
} job;

static int work(void *ctx, size_t wi, size_t nw, pv_error *err)
{
    job *jb = ctx;
    if ((int)wi == jb->die_share && wi > 0)
        raise(SIGKILL);
    if ((int)wi == jb->fail_share || (jb->fail_share == -2 && wi > 0)) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "share %zu failed", wi);
        return -1;
    }
    jb->out[wi] = (long)(100 * wi + nw);
    return 0;
}

/* No child of ours is left, running or unreaped. */
static void assert_no_children(void)
{
    errno = 0;
    assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
    assert_int_equal(errno, ECHILD);
}

static int run(size_t nw, int fail_share, int die_share, long *out, pv_error *err)
{
    job jb = {out, fail_share, die_share};
    pv_error_clear(err);
    return pv_pool_run(nw, work, &jb, err);
}

static void test_every_share_returns(void **state)
{
    (void)state;
    long *out = pv_pool_shared(8 * sizeof *out);
    assert_non_null(out);
    pv_error err;
    for (size_t nw = 1; nw <= 4; nw++) {
        memset(out, 0, 8 * sizeof *out);
        assert_int_equal(run(nw, -1, -1, out, &err), 0);
        assert_false(pv_failed(&err));
        for (size_t wi = 0; wi < nw; wi++)
            assert_int_equal(out[wi], (long)(100 * wi + nw));
        assert_no_children();
    }
    pv_pool_unshare(out, 8 * sizeof *out);
}

static void test_failing_share_fails_the_job(void **state)
{
    (void)state;
    long *out = pv_pool_shared(8 * sizeof *out);
    pv_error err;
    assert_int_equal(run(4, 2, -1, out, &err), -1);
    assert_string_equal(err.text, "share 2 failed");
    assert_no_children();
    /* several failures: the lowest share's error, whatever ends first */
    assert_int_equal(run(4, -2, -1, out, &err), -1);
    assert_string_equal(err.text, "share 1 failed");
    assert_no_children();
    /* the caller's own share */
    assert_int_equal(run(3, 0, -1, out, &err), -1);
    assert_string_equal(err.text, "share 0 failed");
    assert_no_children();
    pv_pool_unshare(out, 8 * sizeof *out);
}

static void test_dead_worker_fails_the_job(void **state)
{
    (void)state;
    long *out = pv_pool_shared(8 * sizeof *out);
    pv_error err;
    assert_int_equal(run(3, -1, 1, out, &err), -1);
    assert_int_equal(err.code, PV_EINTERNAL);
    assert_string_equal(err.text, "a worker process was killed by signal 9");
    assert_no_children();
    pv_pool_unshare(out, 8 * sizeof *out);
}

/* A host that ignores SIGCHLD reaps its children itself: the pool still
 * tells a finished share from a lost one. */
static void test_sigchld_ignored(void **state)
{
    (void)state;
    long *out = pv_pool_shared(8 * sizeof *out);
    pv_error err;
    struct sigaction ign, old;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGCHLD, &ign, &old);
    assert_int_equal(run(3, -1, -1, out, &err), 0);
    assert_int_equal(out[2], 203);
    assert_int_equal(run(3, -1, 2, out, &err), -1);
    assert_true(pv_failed(&err));
    sigaction(SIGCHLD, &old, NULL);
    pv_pool_unshare(out, 8 * sizeof *out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_share_returns),
        cmocka_unit_test(test_failing_share_fails_the_job),
        cmocka_unit_test(test_dead_worker_fails_the_job),
        cmocka_unit_test(test_sigchld_ignored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
