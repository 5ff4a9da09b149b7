/* cli.h — what the CLI's files share (not part of the library): the command
 * table's entry type, the one option parser, and the output helpers. */
#ifndef PV_CLI_H
#define PV_CLI_H

#include <stddef.h>

#include <stdio.h>

#include "partnerval.h"

/* Every option of every command, once; a command accepts a set of them
 * (pv_cli_cmd.opts, a mask of PV_OPT_BIT()s) and any other is a usage error. */
typedef enum pv_cli_opt {
    PV_OPT_FORMAT, PV_OPT_OUTPUT, PV_OPT_LANG, PV_OPT_DATE,
    PV_OPT_TIME_LIMIT, PV_OPT_GAP, PV_OPT_NO_WHY,
    PV_OPT_LP, PV_OPT_MPS,
    PV_OPT_SET, PV_OPT_WHY,
    PV_OPT_RESOURCE, PV_OPT_FROM, PV_OPT_TO, PV_OPT_STEPS,
    PV_OPT_SAMPLES, PV_OPT_SEED, PV_OPT_THREADS, PV_OPT_WEIGHTS,
    PV_OPT_PORT, PV_OPT_BIND, PV_OPT_SCENARIOS, PV_OPT_SETS_FILE,
    PV_OPT_MODEL, PV_OPT_QUIET,
    PV_OPT_YEAR,
    PV_OPT_HELP
} pv_cli_opt;

#define PV_OPT_BIT(o) (1u << (o))
/* What every command that renders a report takes: --format, -o, --lang, --date. */
#define PV_OPTS_REPORT                                                                        \
    (PV_OPT_BIT(PV_OPT_FORMAT) | PV_OPT_BIT(PV_OPT_OUTPUT) | PV_OPT_BIT(PV_OPT_LANG) |      \
     PV_OPT_BIT(PV_OPT_DATE))

/* The parsed command line. Unset numbers keep the defaults of pv_cli_parse. */
typedef struct pv_cli_opts {
    int fmt, lang;       /* pv_format, pv_lang */
    const char *out;     /* -o FILE, or NULL for standard output */
    int out_dash;        /* -o - was given (standard output, which init cannot use) */
    const char *lp, *mps;
    double time_limit, gap; /* -1: the case's, else the library's default */
    int no_why, why;
    const char *resource;
    double from, to;     /* -1: not given */
    long steps, samples, threads;
    long year;           /* --year (followup), 0: not given */
    unsigned long long seed;
    int dist;            /* pv_weights_dist, from --weights */
    const char *sets_file; /* --sets FILE (parties) */
    const char *model;   /* init --model NAME */
    int quiet;           /* --quiet: no progress on standard error */
    const char **sets;   /* the --set values, in order */
    size_t nsets;
    long port;           /* serve: --port (default 8080) */
    const char *bind, *scenarios; /* serve: --bind, --scenarios */
    char **args;         /* the positional arguments, in order */
    size_t nargs;
} pv_cli_opts;

/* One command: its row in `partnerval --help`, its own --help, what it accepts. */
typedef struct pv_cli_cmd {
    const char *name;
    const char *synopsis; /* the arguments shown after the name, e.g. "CASE SCENARIO..." */
    const char *summary;  /* one line for `partnerval --help` */
    const char *help;     /* the whole text of `partnerval NAME --help` */
    unsigned opts;        /* mask of PV_OPT_BIT()s; --help is always accepted */
    size_t min_args, max_args; /* positional arguments; max 0 means no limit */
    const char *args_error;    /* message for a wrong count, or NULL for the usual ones */
    int (*run)(const pv_cli_opts *o);
} pv_cli_cmd;

/* The commands' handlers (*_cmd.c) and --help texts (help.c); the table of
 * commands that joins them is in partnerval.c. */
int pv_cli_run_check(const pv_cli_opts *o);
int pv_cli_run_rank(const pv_cli_opts *o);
int pv_cli_run_select(const pv_cli_opts *o);
int pv_cli_run_export(const pv_cli_opts *o);
int pv_cli_run_weights(const pv_cli_opts *o);
int pv_cli_run_compare(const pv_cli_opts *o);
int pv_cli_run_sensitivity(const pv_cli_opts *o);
int pv_cli_run_frontier(const pv_cli_opts *o);
int pv_cli_run_robust(const pv_cli_opts *o);
int pv_cli_run_parties(const pv_cli_opts *o);
int pv_cli_run_followup(const pv_cli_opts *o);
int pv_cli_run_merge_patch(const pv_cli_opts *o);
int pv_cli_run_serve(const pv_cli_opts *o);
int pv_cli_run_init(const pv_cli_opts *o);
extern const char pv_cli_help_check[], pv_cli_help_rank[], pv_cli_help_select[],
    pv_cli_help_export[], pv_cli_help_weights[], pv_cli_help_compare[], pv_cli_help_sensitivity[],
    pv_cli_help_frontier[], pv_cli_help_robust[], pv_cli_help_parties[], pv_cli_help_followup[],
    pv_cli_help_merge_patch[], pv_cli_help_serve[], pv_cli_help_init[];

/* Parses argv (argv[0] is the command name) against cmd's options into *o.
 * Returns 0 to run, -1 after printing the help, or an exit code (usage error,
 * message printed). Call pv_cli_opts_free afterwards in every case. */
int pv_cli_parse(const pv_cli_cmd *cmd, int argc, char **argv, pv_cli_opts *o);
/* Frees what pv_cli_parse allocated (not the strings, which are argv's). */
void pv_cli_opts_free(pv_cli_opts *o);

/* Prints "partnerval: error: …" and returns the exit code. */
/* Prints every error of a list (and "and N more"); returns 2. */
int pv_cli_errors(const pv_errors *all);
int pv_cli_error(const pv_error *err);
/* Prints "partnerval: error: out of memory" and returns PV_EINTERNAL. */
int pv_cli_nomem(void);
/* Prints "partnerval: error: …" and a pointer to --help; returns PV_EUSAGE. */
int pv_cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes text to out (atomically) or, when out is NULL, to standard output;
 * frees text; returns the exit code. */
int pv_cli_emit(const pv_case *c, const char *out, char *text, size_t len, pv_error *err);
/* Copies a finished report from f to standard output; returns the exit code. */
int pv_cli_emit_stream(FILE *f);

/* What a report command holds while it runs (see run.c). */
typedef struct pv_cli_run {
    pv_error err;      /* why the last step failed */
    pv_case *c;
    pv_ranking *r;     /* NULL unless loaded with PV_CLI_RANK */
    pv_format fmt;     /* --format */
    pv_lang lang;      /* --lang */
    const char *out;   /* -o FILE, or NULL for standard output */
} pv_cli_run;

enum {
    PV_CLI_RANK = 1u, /* pv_cli_load also ranks the case */
};

/* Loads the case o->args[0] (and ranks it with PV_CLI_RANK) into *run.
 * Returns 0, or the exit code after printing what failed; either way the
 * command ends with pv_cli_finish or pv_cli_done. */
int pv_cli_load(pv_cli_run *run, const pv_cli_opts *o, unsigned how);
/* Frees the case and the ranking; returns rc. */
int pv_cli_done(pv_cli_run *run, int rc);
/* A report command's end: unless rc is already an exit code, writes text
 * (len bytes, freed) to -o or standard output, or prints run->err when text
 * is NULL; then pv_cli_done. Returns the exit code. */
int pv_cli_finish(pv_cli_run *run, int rc, char *text, size_t len);

/* An analysis found no feasible portfolio (why: its error): solves the case as
 * `select` does and, when it is infeasible, writes select's report with its
 * diagnosis where the analysis would have gone, and returns 3 as select does;
 * otherwise prints why and returns its code. */
int pv_cli_infeasible(pv_case *c, const pv_ranking *r, const pv_cli_opts *o, const pv_error *why);

/* Progress on standard error while a command runs (a terminal, not --quiet). */
void pv_cli_progress_begin(const pv_cli_opts *o);
void pv_cli_progress_end(void);

/* Signal handlers (exit 130/143, no partial file) and the PARTNERVAL_FAIL_ALLOC test hook. */
void pv_cli_harden(void);
/* Do two paths name the same existing file? */
int pv_cli_same_file(const char *a, const char *b);

#endif
