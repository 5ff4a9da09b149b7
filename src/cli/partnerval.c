/* partnerval — the command-line tool. Thin: parses options, calls
 * libpartnerval through include/partnerval.h only, prints, and maps error
 * codes to exit codes (0 ok, 1 usage, 2 invalid input, 3 infeasible,
 * 4 solver or internal failure). The command table below is the one list of
 * commands: dispatch and `partnerval --help` both read it. */
#include "partnerval.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const pv_cli_cmd *const COMMANDS[] = {
    &pv_cli_check,       &pv_cli_rank,     &pv_cli_select, &pv_cli_export,
    &pv_cli_weights,     &pv_cli_compare,  &pv_cli_sensitivity,
    &pv_cli_frontier,    &pv_cli_robust,   &pv_cli_parties, &pv_cli_followup,
    &pv_cli_merge_patch, &pv_cli_serve,    &pv_cli_init,
};
#define NCOMMANDS (sizeof COMMANDS / sizeof *COMMANDS)

static void usage(FILE *f)
{
    fputs("usage: partnerval COMMAND [OPTIONS] CASE\n\nCommands:\n", f);
    for (size_t i = 0; i < NCOMMANDS; i++) {
        char head[64];
        snprintf(head, sizeof head, "%s %s", COMMANDS[i]->name, COMMANDS[i]->synopsis);
        fprintf(f, "  %-26s  %s\n", head, COMMANDS[i]->summary);
    }
    fputs("\n"
          "Run 'partnerval COMMAND --help' for a command's options.\n"
          "Exit codes: 0 ok, 1 usage, 2 invalid input, 3 infeasible, 4 solver or internal failure.\n",
          f);
}

int pv_cli_error(const pv_error *err)
{
    char msg[2048];
    fprintf(stderr, "partnerval: error: %s\n", pv_error_format(err, msg, sizeof msg));
    return err->code ? err->code : PV_EINTERNAL;
}

int pv_cli_errors(const pv_errors *all)
{
    char msg[2048];
    for (size_t i = 0; i < pv_errors_count(all); i++)
        fprintf(stderr, "partnerval: error: %s\n",
                pv_error_format(pv_errors_get(all, i), msg, sizeof msg));
    if (pv_errors_total(all) > pv_errors_count(all))
        fprintf(stderr, "partnerval: error: and %zu more\n",
                pv_errors_total(all) - pv_errors_count(all));
    return PV_EINPUT;
}

int pv_cli_nomem(void)
{
    fputs("partnerval: error: out of memory\n", stderr);
    return PV_EINTERNAL;
}

static int g_stdout_reported; /* a write error on standard output was reported */

/* Standard output's write error, once: exit 4 with the reason. */
static int stdout_error(void)
{
    if (!g_stdout_reported)
        fprintf(stderr, "partnerval: error: cannot write to standard output: %s\n",
                errno ? strerror(errno) : "write error");
    g_stdout_reported = 1;
    return PV_EINTERNAL;
}

int pv_cli_emit(const pv_case *c, const char *out, char *text, size_t len, pv_error *err)
{
    int rc = 0;
    if (out) {
        if (pv_write_file_atomic(c, out, text, len, err))
            rc = pv_cli_error(err);
    } else {
        errno = 0;
        if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)
            rc = stdout_error();
    }
    pv_free(text);
    return rc;
}

/* Every command ends here: what is still buffered on standard output (check's
 * summary, merge-patch's document, --help) is flushed and checked, so that a
 * full disk or a closed pipe is exit 4 with a message, never a silent
 * truncation. */
static int finish(int rc)
{
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = stdout_error();
        return rc && rc != PV_EINFEASIBLE ? rc : e;
    }
    return rc;
}

int main(int argc, char **argv)
{
    pv_cli_harden();
    if (argc < 2) {
        usage(stderr);
        return PV_EUSAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return finish(0);
    }
    if (!strcmp(name, "--version")) {
        printf("partnerval %s (GLPK %s)\n", PV_VERSION, pv_glpk_version());
        return finish(0);
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(name, COMMANDS[i]->name))
            continue;
        pv_cli_opts o;
        int rc = pv_cli_parse(COMMANDS[i], argc - 1, argv + 1, &o);
        if (!rc) {
            /* progress where --quiet can turn it off (not serve, say) */
            int progress = !!(COMMANDS[i]->opts & PV_OPT_BIT(PV_OPT_QUIET));
            if (progress)
                pv_cli_progress_begin(&o);
            rc = COMMANDS[i]->run(&o);
            if (progress)
                pv_cli_progress_end();
        }
        pv_cli_opts_free(&o);
        return finish(rc < 0 ? 0 : rc);
    }
    fprintf(stderr, "partnerval: error: unknown command '%s'\n", name);
    usage(stderr);
    return PV_EUSAGE;
}
