/*
 * test_hardening.c — the atomic writer under a stop signal, and the error
 * texts' control characters (issue 6, sections 5 and 7), and a library
 * loaded on first use (util/dl.c) that is missing or lacks a function.
 */
#include "internal.h"

#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

static int failures;
#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                           \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

/* util/dl.c's three outcomes, with the C library's libm as the outside
 * library: bound, not installed, and present without a function. */
static double no_such_function(double x) { return x; }
#define M_FUNCS(X) X(cos)
#define M_MISSING(X) X(cos) X(no_such_function)
static struct {
    M_MISSING(PV_DL_FIELD)
} fn;
static void bind_m(void *so, const char **missing) { M_FUNCS(PV_DL_BIND) }
static void bind_missing(void *so, const char **missing) { M_MISSING(PV_DL_BIND) }

static void check_dl(void)
{
    pv_error err;
    pv_dl m = {"libm.so.6", "libc6", "a test", bind_m, 0, "", NULL};
    pv_error_clear(&err);
    CHECK(pv_dl_need(&m, &err) == 0 && m.state == 1);
    CHECK(fn.cos && fn.cos(0.0) == 1.0);
    CHECK(pv_dl_need(&m, &err) == 0); /* once loaded, loaded */

    pv_dl gone = {"libpartnerval-no-such-library.so.0", "libnothing9", "testing", bind_m, 0, "", NULL};
    pv_error_clear(&err);
    CHECK(pv_dl_need(&gone, &err) == -1 && err.code == PV_EINTERNAL);
    CHECK(strstr(err.text, "testing needs the library libpartnerval-no-such-library.so.0"));
    CHECK(strstr(err.text, "install the Debian package libnothing9"));
    pv_error_clear(&err);
    CHECK(pv_dl_need(&gone, &err) == -1 && err.code == PV_EINTERNAL); /* remembered */

    pv_dl lacking = {"libm.so.6", "libc6", "a test", bind_missing, 0, "", NULL};
    pv_error_clear(&err);
    CHECK(pv_dl_need(&lacking, &err) == -1);
    CHECK(strstr(err.text, "it has no function no_such_function"));
    CHECK(no_such_function(2.0) == 2.0);
}

int main(void)
{
    check_dl();
    char dir[256], path[300];
    if (tu_temp_dir(dir, sizeof dir, "pvhard"))
        return 1;
    snprintf(path, sizeof path, "%s/out.txt", dir);
    pv_error err;

    /* A plain write works and leaves only the file. */
    pv_error_clear(&err);
    CHECK(pv_write_file_atomic(NULL, path, "abc", 3, &err) == 0);
    CHECK(tu_entries(dir) == 1);
    unlink(path);

    /* A SIGINT pending while writing: nothing is written, no temporary file. */
    sigset_t s, old;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    sigprocmask(SIG_BLOCK, &s, &old);
    raise(SIGINT);
    pv_error_clear(&err);
    CHECK(pv_write_file_atomic(NULL, path, "abc", 3, &err) != 0);
    CHECK(err.code == PV_EINTERRUPTED);
    CHECK(tu_entries(dir) == 0);
    signal(SIGINT, SIG_IGN); /* discard the pending signal */
    sigprocmask(SIG_SETMASK, &old, NULL);
    signal(SIGINT, SIG_DFL);

    /* The mask is as before: SIGINT is not left blocked. */
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    CHECK(!sigismember(&now, SIGINT));

    /* A directory as output. */
    pv_error_clear(&err);
    CHECK(pv_write_file_atomic(NULL, dir, "abc", 3, &err) != 0);
    CHECK(err.code == PV_EUSAGE);

    /* Control characters never reach the terminal through an error. */
    pv_error_clear(&err);
    pv_err(&err, PV_EINPUT, "a\033[2Jb.csv", 1, 1, "id '%s'", "x\001y\177z\n");
    CHECK(!strcmp(err.source, "a?[2Jb.csv"));
    CHECK(!strcmp(err.text, "id 'x?y?z?'"));

    rmdir(dir);
    printf("%s\n", failures ? "hardening test FAILED" : "hardening test passed");
    return failures ? 1 : 0;
}
