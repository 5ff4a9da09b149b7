/*
 * test_hardening.c — the atomic writer under a stop signal, and the error
 * texts' control characters (issue 6, sections 5 and 7).
 */
#include "internal.h"

#include <dirent.h>
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

int main(void)
{
    char dir[256], path[300];
    snprintf(dir, sizeof dir, "%s/pvhard.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir))
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
