/* cli.h — helpers shared by the CLI's command files (not part of the library). */
#ifndef PV_CLI_H
#define PV_CLI_H

#include "partnerval.h"

typedef struct pv_cli_opts {
    int fmt, lang;
    const char *out, *case_path, *lp, *mps;
    double time_limit, gap;
    int no_why;
} pv_cli_opts;

/* Parses the options every command shares; -1 after --help, >0 exit code on usage error. */
int pv_cli_common_opts(int argc, char **argv, const char *help, pv_cli_opts *o);
/* Prints "partnerval: error: …" and returns the exit code. */
int pv_cli_error(const pv_error *err);
int pv_cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes text to -o FILE (atomically) or stdout, frees text; returns exit code. */
int pv_cli_emit(const pv_case *c, const char *out, char *text, size_t len, pv_error *err);

/* Signal handlers (exit 130/143, no partial file) and the PARTNERVAL_FAIL_ALLOC test hook. */
void pv_cli_harden(void);
/* Do two paths name the same existing file? */
int pv_cli_same_file(const char *a, const char *b);

int pv_cli_select(int argc, char **argv);
int pv_cli_export(int argc, char **argv);
int pv_cli_compare(int argc, char **argv);
int pv_cli_sensitivity(int argc, char **argv);
int pv_cli_frontier(int argc, char **argv);
int pv_cli_robust(int argc, char **argv);
int pv_cli_merge_patch(int argc, char **argv);

#endif
