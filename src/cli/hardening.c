/* hardening.c — the CLI's signal handling, its output-path guard, and a test
 * hook for allocation failures.
 *
 * Signals: SIGINT, SIGTERM and SIGHUP end the run at once with exit code
 * 128 + signal (130 for SIGINT, 143 for SIGTERM) and a message. No partial
 * file can be left: the library writes -o files to a temporary file with
 * these signals blocked, and removes it instead of renaming it when one
 * arrived meanwhile (src/util/fileio.c). Worker processes of `robust` get
 * the signal too (same process group) or die with the parent (Linux
 * PR_SET_PDEATHSIG, src/analyse/whatif.c); they exit silently.
 *
 * Test hook: PARTNERVAL_FAIL_ALLOC=n makes the n-th allocation of the
 * library (and of Jansson and libcsv through it) fail, for the CLI-level
 * allocation-failure test (tests/scripts/alloc_fail_cli.sh). Not for users.
 * PARTNERVAL_FAIL_GLPK=n makes GLPK fail through its own error path at the
 * n-th call into it (tests/scripts/glpk_oom.sh).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static pid_t g_main_pid;

static void on_signal(int sig)
{
    if (getpid() == g_main_pid) {
        static const char intr[] = "partnerval: interrupted (SIGINT); no output file written\n";
        static const char term[] = "partnerval: terminated (SIGTERM); no output file written\n";
        static const char hup[] = "partnerval: hangup (SIGHUP); no output file written\n";
        const char *m = sig == SIGINT ? intr : sig == SIGTERM ? term : hup;
        size_t n = sig == SIGINT ? sizeof intr - 1 : sig == SIGTERM ? sizeof term - 1 : sizeof hup - 1;
        ssize_t w = write(STDERR_FILENO, m, n);
        (void)w;
    }
    _exit(128 + sig);
}

void pv_cli_harden(void)
{
    g_main_pid = getpid();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaddset(&sa.sa_mask, SIGHUP);
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old;
        /* A signal ignored by the parent (nohup, `cmd &` in sh) stays ignored. */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
    /* A reader that went away (`partnerval rank … | head`) is a write error
     * (EPIPE) with a message and exit 4, not a silent death by SIGPIPE. */
    signal(SIGPIPE, SIG_IGN);
    /* A file-size limit (ulimit -f) on standard output is a write error
     * (EFBIG) with a message and exit 4 too, as it is for -o FILE. */
    signal(SIGXFSZ, SIG_IGN);
    const char *e = getenv("PARTNERVAL_FAIL_ALLOC");
    if (e && *e) {
        char *end;
        errno = 0;
        long n = strtol(e, &end, 10);
        if (!errno && !*end && n > 0)
            pv_test_fail_alloc(n);
    }
    if ((e = getenv("PARTNERVAL_FAIL_GLPK")) && *e) {
        char *end;
        errno = 0;
        long n = strtol(e, &end, 10);
        if (!errno && !*end && n > 0)
            pv_test_fail_glpk(n);
    }
}

int pv_cli_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b || stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
