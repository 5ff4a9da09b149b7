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

/* The commands in the order `partnerval --help` lists them; the handlers
 * live in *_cmd.c, their --help texts in help.c. */
static const pv_cli_cmd COMMANDS[] = {
    {.name = "check", .synopsis = "CASE",
     .summary = "validate the case, model and data; print warnings",
     .help = pv_cli_help_check,
     .opts = PV_OPT_BIT(PV_OPT_QUIET),
     .min_args = 1, .max_args = 1, .run = pv_cli_run_check},
    {.name = "rank", .synopsis = "CASE",
     .summary = "screen and score every proposal; print the ranking",
     .help = pv_cli_help_rank,
     .opts = PV_OPTS_REPORT,
     .min_args = 1, .max_args = 1, .run = pv_cli_run_rank},
    {.name = "select", .synopsis = "CASE",
     .summary = "choose the best portfolio within the resource limits (GLPK)",
     .help = pv_cli_help_select,
     .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_TIME_LIMIT) | PV_OPT_BIT(PV_OPT_GAP) |
             PV_OPT_BIT(PV_OPT_NO_WHY) | PV_OPT_BIT(PV_OPT_QUIET),
     .min_args = 1, .max_args = 1, .run = pv_cli_run_select},
    {.name = "export", .synopsis = "CASE",
     .summary = "write the selection MILP (--lp FILE or --mps FILE)",
     .help = pv_cli_help_export,
     .opts = PV_OPT_BIT(PV_OPT_LP) | PV_OPT_BIT(PV_OPT_MPS),
     .min_args = 1, .max_args = 1, .run = pv_cli_run_export},
    {.name = "weights", .synopsis = "CASE",
     .summary = "print local and global weights, AHP consistency",
     .help = pv_cli_help_weights,
     .opts = PV_OPTS_REPORT,
     .min_args = 1, .max_args = 1, .run = pv_cli_run_weights},
    {.name = "compare", .synopsis = "CASE SCENARIO...",
     .summary = "solve scenarios side by side (also --set path=value)",
     .help = pv_cli_help_compare,
     .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_SET) | PV_OPT_BIT(PV_OPT_WHY) |
             PV_OPT_BIT(PV_OPT_QUIET),
     .min_args = 1, .run = pv_cli_run_compare},
    {.name = "sensitivity", .synopsis = "CASE",
     .summary = "weight intervals within which the portfolio holds",
     .help = pv_cli_help_sensitivity,
     .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_QUIET),
     .min_args = 1, .max_args = 1, .run = pv_cli_run_sensitivity},
    {.name = "frontier", .synopsis = "CASE --resource R",
     .summary = "the optimal value as one limit varies",
     .help = pv_cli_help_frontier,
     .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_RESOURCE) | PV_OPT_BIT(PV_OPT_FROM) |
             PV_OPT_BIT(PV_OPT_TO) | PV_OPT_BIT(PV_OPT_STEPS) | PV_OPT_BIT(PV_OPT_QUIET),
     .min_args = 1, .max_args = 1, .run = pv_cli_run_frontier},
    {.name = "robust", .synopsis = "CASE --samples N",
     .summary = "selection shares over random weights",
     .help = pv_cli_help_robust,
     .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_SAMPLES) | PV_OPT_BIT(PV_OPT_SEED) |
             PV_OPT_BIT(PV_OPT_THREADS) | PV_OPT_BIT(PV_OPT_WEIGHTS) | PV_OPT_BIT(PV_OPT_QUIET),
     .min_args = 1, .max_args = 1, .run = pv_cli_run_robust},
    {.name = "parties", .synopsis = "CASE [--sets FILE]",
     .summary = "party weight sets: max-min compromise, regret, conflict",
     .help = pv_cli_help_parties,
     .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_SETS_FILE),
     .min_args = 1, .max_args = 1, .run = pv_cli_run_parties},
    {.name = "followup", .synopsis = "CASE --year Y",
     .summary = "the annual follow-up: plan against outcome, goals, agreements",
     .help = pv_cli_help_followup,
     .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_YEAR) | PV_OPT_BIT(PV_OPT_FROM),
     .min_args = 1, .max_args = 1, .run = pv_cli_run_followup},
    {.name = "merge-patch", .synopsis = "TARGET PATCH",
     .summary = "apply an RFC 7386 merge patch (to check scenarios)",
     .help = pv_cli_help_merge_patch,
     .opts = 0,
     .min_args = 2, .max_args = 2,
     .args_error = "merge-patch takes TARGET.json PATCH.json", .run = pv_cli_run_merge_patch},
    {.name = "serve", .synopsis = "CASE",
     .summary = "a local web page: live what-if for the decision meeting",
     .help = pv_cli_help_serve,
     .opts = PV_OPT_BIT(PV_OPT_LANG) | PV_OPT_BIT(PV_OPT_PORT) | PV_OPT_BIT(PV_OPT_BIND) |
             PV_OPT_BIT(PV_OPT_SCENARIOS),
     .min_args = 1, .max_args = 1, .run = pv_cli_run_serve},
    {.name = "init", .synopsis = "DIR --model NAME",
     .summary = "write a starter case for a shipped model into a new folder",
     .help = pv_cli_help_init,
     .opts = PV_OPT_BIT(PV_OPT_MODEL) | PV_OPT_BIT(PV_OPT_LANG) | PV_OPT_BIT(PV_OPT_OUTPUT) |
             PV_OPT_BIT(PV_OPT_DATE),
     .min_args = 1, .max_args = 1,
     .args_error = "init takes one folder: partnerval init DIR --model NAME",
     .run = pv_cli_run_init},
};
#define NCOMMANDS (sizeof COMMANDS / sizeof *COMMANDS)

static void usage(FILE *f)
{
    fputs("usage: partnerval COMMAND [OPTIONS] CASE\n\nCommands:\n", f);
    for (size_t i = 0; i < NCOMMANDS; i++) {
        char head[64];
        snprintf(head, sizeof head, "%s %s", COMMANDS[i].name, COMMANDS[i].synopsis);
        fprintf(f, "  %-26s  %s\n", head, COMMANDS[i].summary);
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

/* Copies a finished report from f to standard output, checked as pv_cli_emit
 * checks its text. */
int pv_cli_emit_stream(FILE *f)
{
    char chunk[1 << 16];
    size_t n;
    errno = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (fwrite(chunk, 1, n, stdout) != n)
            return stdout_error();
    if (ferror(f)) {
        fprintf(stderr, "partnerval: error: cannot read the report back: %s\n", strerror(errno));
        return PV_EINTERNAL;
    }
    return fflush(stdout) != 0 ? stdout_error() : 0;
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
        if (strcmp(name, COMMANDS[i].name))
            continue;
        pv_cli_opts o;
        int rc = pv_cli_parse(&COMMANDS[i], argc - 1, argv + 1, &o);
        if (!rc) {
            /* progress where --quiet can turn it off (not serve, say) */
            int progress = !!(COMMANDS[i].opts & PV_OPT_BIT(PV_OPT_QUIET));
            if (progress)
                pv_cli_progress_begin(&o);
            rc = COMMANDS[i].run(&o);
            if (progress)
                pv_cli_progress_end();
        }
        pv_cli_opts_free(&o);
        return finish(rc < 0 ? 0 : rc);
    }
    const char *names[NCOMMANDS];
    for (size_t i = 0; i < NCOMMANDS; i++)
        names[i] = COMMANDS[i].name;
    const char *near = pv_suggest_among(name, names, NCOMMANDS);
    if (near)
        fprintf(stderr, "partnerval: error: unknown command '%s'; did you mean '%s'?\n", name,
                near);
    else
        fprintf(stderr, "partnerval: error: unknown command '%s'\n", name);
    usage(stderr);
    return PV_EUSAGE;
}
