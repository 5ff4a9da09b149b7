/* partnerval — the command-line tool. Thin: parses options, calls
 * libpartnerval through include/partnerval.h only, prints, and maps error
 * codes to exit codes (0 ok, 1 usage, 2 invalid input, 3 infeasible,
 * 4 solver or internal failure). The command table below is the one list of
 * commands: dispatch and `partnerval --help` both read it. */
#include "partnerval.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

static const pv_cli_cmd *const COMMANDS[] = {
    &pv_cli_check,       &pv_cli_rank,     &pv_cli_select, &pv_cli_export,
    &pv_cli_weights,     &pv_cli_compare,  &pv_cli_sensitivity,
    &pv_cli_frontier,    &pv_cli_robust,   &pv_cli_parties, &pv_cli_followup,
    &pv_cli_merge_patch, &pv_cli_serve,
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

int pv_cli_emit(const pv_case *c, const char *out, char *text, size_t len, pv_error *err)
{
    int rc = 0;
    if (out) {
        if (pv_write_file_atomic(c, out, text, len, err))
            rc = pv_cli_error(err);
    } else if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
        fprintf(stderr, "partnerval: error: cannot write to standard output\n");
        rc = PV_EINTERNAL;
    }
    pv_free(text);
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
        return 0;
    }
    if (!strcmp(name, "--version")) {
        printf("partnerval %s (GLPK %s)\n", PV_VERSION, pv_glpk_version());
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(name, COMMANDS[i]->name))
            continue;
        pv_cli_opts o;
        int rc = pv_cli_parse(COMMANDS[i], argc - 1, argv + 1, &o);
        if (!rc)
            rc = COMMANDS[i]->run(&o);
        pv_cli_opts_free(&o);
        return rc < 0 ? 0 : rc;
    }
    fprintf(stderr, "partnerval: error: unknown command '%s'\n", name);
    usage(stderr);
    return PV_EUSAGE;
}
