/*
 * partnerval.h — public API of libpartnerval.
 *
 * The library turns a municipal policy (a weighted decision model) and a set
 * of proposals into a screened, scored and ranked list, and (with GLPK) into
 * an optimal portfolio of projects and partners within resource limits.
 *
 * Conventions, as in Jansson and zstd:
 *  - the library never prints and never exits; every failure is reported
 *    through a pv_error filled in by the callee ("first error wins");
 *  - every object has a create/free pair, and every *_free accepts NULL;
 *  - an infeasible selection is a result (a status), not an error.
 */
#ifndef PARTNERVAL_H
#define PARTNERVAL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PV_VERSION "0.3.0"

/** Error codes. The numeric values are the CLI's exit codes. */
typedef enum pv_code {
    PV_OK = 0,
    PV_EUSAGE = 1,      /**< wrong command-line use */
    PV_EINPUT = 2,      /**< invalid input: file, JSON, CSV, model, case */
    PV_EINFEASIBLE = 3, /**< selection has no feasible portfolio */
    PV_EINTERNAL = 4,   /**< solver or internal failure, out of memory */
    PV_EINTERRUPTED = 130
} pv_code;

/** One error: code, source file, 1-based line and column (0 = unknown), text. */
typedef struct pv_error {
    int code;
    char source[512];
    int line;
    int column;
    char text[1024];
} pv_error;

/** Clears an error to PV_OK. */
void pv_error_clear(pv_error *err);

/**
 * Formats an error as "FILE:LINE:COL: text", "FILE:LINE: text", "FILE: text"
 * or just "text", whichever parts are known. Returns buf.
 */
char *pv_error_format(const pv_error *err, char *buf, size_t size);

/**
 * Every input error one load found, in the order found: at most
 * PV_ERRORS_MAX are kept, pv_errors_total counts them all ("and N more").
 */
typedef struct pv_errors pv_errors;
#define PV_ERRORS_MAX 50
/** Errors kept (at most PV_ERRORS_MAX). */
size_t pv_errors_count(const pv_errors *l);
/** Errors found, kept or not. */
size_t pv_errors_total(const pv_errors *l);
/** The i-th error kept, or NULL. */
const pv_error *pv_errors_get(const pv_errors *l, size_t i);
/** Frees a list; accepts NULL. */
void pv_errors_free(pv_errors *l);

/** Output formats of reports. PV_FMT_XLSX (rank, select, compare, followup,
 * parties) is an Excel workbook: binary, so its length is *len (it holds NUL bytes). */
typedef enum pv_format {
    PV_FMT_TEXT,
    PV_FMT_MD,
    PV_FMT_CSV,
    PV_FMT_JSON,
    PV_FMT_HTML,
    PV_FMT_XLSX
} pv_format;

/** Report language. PV_LANG_DEFAULT takes the model's "language". */
typedef enum pv_lang { PV_LANG_DEFAULT, PV_LANG_SV, PV_LANG_EN } pv_lang;

/** Parses "text", "md", "csv", "json", "html", "xlsx"; returns -1 when unknown. */
int pv_format_parse(const char *s);
/** Of cands[0..n), the one nearest to word (a few typing errors, or case
 * alone), for "did you mean"; NULL when none is near. Ties: the first. */
const char *pv_suggest_among(const char *word, const char *const *cands, size_t n);

/** Parses "sv", "en"; returns -1 when unknown. */
int pv_lang_parse(const char *s);

/* ------------------------------------------------------------------ case */

/** A loaded, validated case: model, data tables, resources, constraints. */
typedef struct pv_case pv_case;

/**
 * Loads and validates a case file (JSON) and everything it refers to.
 * Returns NULL and fills err on failure.
 */
pv_case *pv_case_load(const char *path, pv_error *err);

/**
 * As pv_case_load, and on an input error *all (when all != NULL) receives
 * every input error found (free with pv_errors_free); err holds the first.
 * pv_case_load's err text ends with "(and N more errors …)" instead.
 */
pv_case *pv_case_load_all(const char *path, pv_errors **all, pv_error *err);

/** A what-if scenario: a name and an RFC 7386 merge patch for the case. */
typedef struct pv_scenario pv_scenario;

/** Loads a scenario file {"name": …, "patch": {…}}. NULL + err on failure. */
pv_scenario *pv_scenario_load(const char *path, pv_error *err);

/**
 * Makes a one-off scenario from "path=value" settings, e.g.
 * "model.criteria.safety.weight=4"; value is JSON when it parses, else text.
 */
pv_scenario *pv_scenario_from_sets(const char *name, const char *const *sets, size_t n,
                                   pv_error *err);

/**
 * Makes a scenario from a merge patch given as JSON text (an object), e.g.
 * the "patch" of a request to `partnerval serve`. The name is copied. NULL +
 * err (PV_EINPUT, "invalid JSON: …" with line and column, or "patch: must be
 * an object") on failure.
 */
pv_scenario *pv_scenario_from_patch(const char *name, const char *patch, pv_error *err);

/** The scenario's name. */
const char *pv_scenario_name(const pv_scenario *s);

/** Frees a scenario; accepts NULL. */
void pv_scenario_free(pv_scenario *s);

/**
 * Loads a case with a scenario's patch applied to it, after its model is
 * inlined under "model" (so criteria and resources are patched by id).
 */
pv_case *pv_case_load_scenario(const char *path, const pv_scenario *s, pv_error *err);

/**
 * Applies an RFC 7386 merge patch to a JSON text; returns the compact result
 * (free with pv_free) or NULL + err.
 */
char *pv_merge_patch_text(const char *target, const char *patch, pv_error *err);

/**
 * Reads two JSON files (regular files only, within the size limit, a UTF-8
 * BOM skipped) and applies the second as an RFC 7386 merge patch to the
 * first; returns the compact result (free with pv_free) or NULL + err naming
 * the file.
 */
char *pv_merge_patch_files(const char *target_path, const char *patch_path, pv_error *err);

/** Frees a case; accepts NULL. */
void pv_case_free(pv_case *c);

/** The case's name. */
const char *pv_case_name(const pv_case *c);

/** Number of projects in the case. */
size_t pv_case_project_count(const pv_case *c);

/** Every input file the case was built from (case, model, CSVs), in load order. */
size_t pv_case_input_count(const pv_case *c);
/** The i-th input file path, as opened. */
const char *pv_case_input_path(const pv_case *c, size_t i);

/* -------------------------------------------------------------- warnings */

/** A list of warnings (check). */
typedef struct pv_warnings pv_warnings;

/**
 * Runs every validation that `check` does beyond loading: scores all projects
 * and collects warnings (unused columns, constant criteria, zero weights,
 * clamped values). Returns NULL and fills err on an input error.
 */
pv_warnings *pv_check(const pv_case *c, pv_error *err);
/**
 * pv_check, and on failure *all (when all is not NULL) holds every input
 * error found, not only the first (every bad criterion or rule cell of every
 * project); free it with pv_errors_free. err holds the first.
 */
pv_warnings *pv_check_all(const pv_case *c, pv_errors **all, pv_error *err);
/** Number of warnings. */
size_t pv_warnings_count(const pv_warnings *w);
/** The i-th warning text, already prefixed with its file (and line). */
const char *pv_warnings_get(const pv_warnings *w, size_t i);
/** Frees warnings; accepts NULL. */
void pv_warnings_free(pv_warnings *w);

/* --------------------------------------------------------------- ranking */

/** Screening and scoring of every project of a case. */
typedef struct pv_ranking pv_ranking;

/** Screens and scores every project. Returns NULL and fills err on failure. */
pv_ranking *pv_rank(const pv_case *c, pv_error *err);
/** Frees a ranking; accepts NULL. */
void pv_ranking_free(pv_ranking *r);

/**
 * Renders the ranking report. Returns a malloc'd NUL-terminated string (free
 * with pv_free) and its length in *len, or NULL and fills err.
 */
char *pv_render_rank(const pv_case *c, const pv_ranking *r, pv_format fmt, pv_lang lang,
                     size_t *len, pv_error *err);
/**
 * Writes the ranking report to path as pv_write_file_atomic does (temporary
 * file, rename; the case's inputs refused), streamed while it is rendered so
 * that no buffer as large as the report is needed. 0, or -1 + err (no file).
 */
int pv_write_rank(const pv_case *c, const pv_ranking *r, pv_format fmt, pv_lang lang,
                  const char *path, pv_error *err);

/* --------------------------------------------------------------- weights */

/**
 * Renders every criterion's local and global weight, and for each level its
 * weighting method with AHP's lambda_max, CI and CR (see pv_render_rank for
 * ownership).
 */
char *pv_render_weights(const pv_case *c, pv_format fmt, pv_lang lang, size_t *len,
                        pv_error *err);

/* ------------------------------------------------------------- selection */

/** Options of a selection run. Negative numbers mean "take the case's". */
/** What long work reports progress on. */
typedef enum pv_progress_step {
    PV_PROGRESS_EXPLAIN,     /**< select's why-in/why-out re-solves: projects */
    PV_PROGRESS_SENSITIVITY, /**< criteria */
    PV_PROGRESS_FRONTIER,    /**< thousandths of the swept range */
    PV_PROGRESS_ROBUST       /**< samples */
} pv_progress_step;
/** A progress hook: done of total units so far. The library never prints;
 * the hook is called from the calling process only (never from a worker). */
typedef void (*pv_progress_fn)(void *ctx, pv_progress_step step, size_t done, size_t total);
/** Sets the progress hook of sensitivity, frontier and robust (which take no
 * options), and of select when its options give none; NULL for none (the
 * default). */
void pv_set_progress(pv_progress_fn fn, void *ctx);

typedef struct pv_select_opts {
    double time_limit_s; /**< < 0: case's solver.time_limit_s, else 60 */
    double mip_gap;      /**< < 0: case's solver.mip_gap, else 0 */
    int no_why;          /**< skip the why-in/why-out re-solves */
    int no_diagnose;     /**< infeasible: skip the conflict diagnosis (what-if loops) */
    pv_progress_fn progress; /**< progress of the explanations, or NULL */
    void *progress_ctx;      /**< passed to progress */
} pv_select_opts;

/** Sets the defaults: everything from the case. */
void pv_select_opts_init(pv_select_opts *o);

/** The result of a portfolio selection. */
typedef struct pv_selection pv_selection;

/** Selection status, apart from the error code (as GLPK keeps them apart). */
typedef enum pv_status {
    PV_STATUS_OPTIMAL,
    PV_STATUS_FEASIBLE,
    PV_STATUS_INFEASIBLE,
    PV_STATUS_ERROR
} pv_status;

/**
 * Selects the best portfolio. Returns NULL only on an error (err filled);
 * an infeasible case returns a selection whose status is PV_STATUS_INFEASIBLE.
 */
pv_selection *pv_select(const pv_case *c, const pv_ranking *r, const pv_select_opts *o,
                        pv_error *err);
/**
 * For an analysis the case could not satisfy: the selection with its
 * diagnosis when the case itself is infeasible (no explanations). NULL with
 * err untouched when the case is feasible (the analysis's own range was the
 * trouble), NULL + err on an error.
 */
pv_selection *pv_select_infeasible(const pv_case *c, const pv_ranking *r, double time_limit_s,
                                   pv_error *err);
/** The status of a selection. */
pv_status pv_selection_status(const pv_selection *s);
/** Frees a selection; accepts NULL. */
void pv_selection_free(pv_selection *s);

/** Renders the selection report (see pv_render_rank for ownership). */
char *pv_render_select(const pv_case *c, const pv_ranking *r, const pv_selection *s,
                       pv_format fmt, pv_lang lang, size_t *len, pv_error *err);

/** MILP export formats. */
typedef enum pv_export_fmt { PV_EXPORT_LP, PV_EXPORT_MPS } pv_export_fmt;

/**
 * Writes the exact selection MILP in CPLEX LP or free MPS format, with the
 * ids as row and column names, atomically to path.
 */
int pv_export(const pv_case *c, const pv_ranking *r, pv_export_fmt fmt, const char *path,
              pv_error *err);

/* --------------------------------------------------------------- what-if */

/** Scenarios solved side by side with the base case. */
typedef struct pv_comparison pv_comparison;

/**
 * Solves the base case and each scenario (see pv_case_load_scenario).
 * Returns NULL + err on an input or internal error; infeasible scenarios are
 * results.
 */
pv_comparison *pv_compare(const char *case_path, pv_scenario *const *scen, size_t n,
                          const pv_select_opts *o, pv_error *err);
/** Renders a comparison (see pv_render_rank for ownership). */
char *pv_render_compare(const pv_comparison *cmp, pv_format fmt, pv_lang lang, size_t *len,
                        pv_error *err);
/** Frees a comparison; accepts NULL. */
void pv_comparison_free(pv_comparison *cmp);

/** The optimal value as one resource's limit goes from `from` to `to`. */
typedef struct pv_frontier pv_frontier;

/**
 * Computes the budget frontier of resource `resource` exactly: the limits at
 * which the optimal portfolio changes, and the objective at `steps`+1 evenly
 * spaced limits. from < 0 means 0; to < 0 means the total demand. The case's
 * limit is restored before returning.
 */
pv_frontier *pv_frontier_run(pv_case *c, const pv_ranking *r, const char *resource,
                             double from, double to, int steps, pv_error *err);
/** Renders a frontier (see pv_render_rank for ownership). */
char *pv_render_frontier(const pv_case *c, const pv_ranking *r, const pv_frontier *f,
                         pv_format fmt, pv_lang lang, size_t *len, pv_error *err);
/**
 * Writes a runnable starter case into the folder dir (made when missing; it
 * must be empty), from a shipped example case (the path of its case.json):
 * case.json (its name, home, resources and labels; no constraints),
 * model.json (a copy of its model), projects.csv (exactly the columns the
 * model and the resources read, and two of the example's proposals),
 * projects-columns.csv (what each column means and its allowed values),
 * partners.csv (only the municipality's own partners) and countries.csv.
 * CSV files are in Swedish Excel's dialect: UTF-8 BOM, ';', decimal comma,
 * CRLF. The descriptions are in lang (PV_LANG_DEFAULT: the model's).
 * 0, or -1 + err (PV_EUSAGE when dir exists and is not empty).
 */
int pv_init_case(const char *example_case, const char *dir, pv_lang lang, pv_error *err);
/**
 * As pv_init_case, with the projects file named `projects` (a plain file name
 * ending in .csv or .xlsx; NULL: projects.csv). A name ending in .xlsx gives
 * an Excel workbook instead of the two CSV files: the sheet Projekt
 * (Projects in English) with the columns and example rows, every column's
 * meaning as an input message and its allowed values as a drop-down list
 * where the model has categories (ja/nej, a categorical criterion's), and a
 * sheet Kolumner (Columns) describing the columns; case.json names it as
 * {"file": projects, "sheet": "Projekt"}. Its bytes depend on the inputs and
 * the report date (pv_set_report_date) only. PV_EUSAGE for a bad name.
 */
int pv_init_case_file(const char *example_case, const char *dir, const char *projects,
                      pv_lang lang, pv_error *err);

/** Frees a frontier; accepts NULL. */
void pv_frontier_free(pv_frontier *f);

/** Weight stability intervals of every leaf criterion. */
typedef struct pv_sensitivity pv_sensitivity;

/**
 * For every leaf, varies its global weight from 0 to 1 (the other leaves
 * rescaled in proportion) and finds, by bisection on re-solves, the interval
 * around the current weight within which the optimal portfolio stays the same
 * (to 0.001), and the portfolios that take over at each end.
 */
pv_sensitivity *pv_sensitivity_run(const pv_case *c, const pv_ranking *r, pv_error *err);
/** Renders sensitivity (see pv_render_rank for ownership). */
char *pv_render_sensitivity(const pv_case *c, const pv_ranking *r, const pv_sensitivity *s,
                            pv_format fmt, pv_lang lang, size_t *len, pv_error *err);
/** Frees sensitivity results; accepts NULL. */
void pv_sensitivity_free(pv_sensitivity *s);

/** Weight distributions for robustness. */
typedef enum pv_weights_dist { PV_DIST_UNIFORM, PV_DIST_RANKED, PV_DIST_INTERVALS } pv_weights_dist;

/** Monte Carlo robustness: selection shares over random weights. */
typedef struct pv_robust pv_robust;

/**
 * Draws `samples` leaf-weight vectors (sample i from its own xoshiro256**
 * stream seeded by splitmix64(seed, i)), re-solves each, and counts how often
 * each project and portfolio is optimal. Output is identical for any
 * `threads` (worker processes over fixed ranges of sample indices).
 */
pv_robust *pv_robust_run(const pv_case *c, const pv_ranking *r, size_t samples,
                         unsigned long long seed, pv_weights_dist dist, int threads,
                         pv_error *err);
/** Renders robustness (see pv_render_rank for ownership). */
char *pv_render_robust(const pv_case *c, const pv_ranking *r, const pv_robust *rb,
                       pv_format fmt, pv_lang lang, size_t *len, pv_error *err);
/** Frees robustness results; accepts NULL. */
void pv_robust_free(pv_robust *rb);

/* ------------------------------------------------------------ parties */

/** Party weight sets (the case's "weight_sets", or those of sets_path when
 * not NULL: {"weight_sets": {...}} or the map itself): each set's optimum,
 * the max-min compromise, the minimax-regret portfolio, shares and conflict.
 * Errors: PV_EINPUT (no sets, a bad set), PV_EINFEASIBLE (a set or the
 * compromise has no portfolio). */
typedef struct pv_parties pv_parties;
pv_parties *pv_parties_run(pv_case *c, const pv_ranking *r, const char *sets_path, pv_error *err);
char *pv_render_parties(const pv_case *c, const pv_ranking *r, const pv_parties *p, pv_format fmt,
                        pv_lang lang, size_t *len, pv_error *err);
void pv_parties_free(pv_parties *p);
/** Replaces the case's weight sets with those of the file at path (as
 * pv_parties_run's sets_path). 0, or -1 with err the first error and, on an
 * input error, *all (when all != NULL) every input error of the file (free
 * with pv_errors_free). */
int pv_case_load_weight_sets(pv_case *c, const char *path, pv_errors **all, pv_error *err);

/* ----------------------------------------------------------------- serve */

/** A running `partnerval serve` web server (GNU libmicrohttpd). */
typedef struct pv_server pv_server;

/** Options of pv_serve_start. */
typedef struct pv_serve_opts {
    const char *case_path;     /**< the case every request works on */
    const char *bind;          /**< the IP address to listen on; NULL: 127.0.0.1 */
    unsigned port;             /**< 0: a free port */
    pv_lang lang;              /**< the page's language; default: the model's */
    const char *scenarios_dir; /**< where scenarios are saved; NULL: the case's scenarios/ */
} pv_serve_opts;

/**
 * Checks that the case loads, makes a 128-bit token (getrandom), listens and
 * starts serving the page and its JSON API in a thread of its own. Returns
 * NULL + err (PV_EINPUT for the case, PV_EUSAGE for the address or port).
 */
pv_server *pv_serve_start(const pv_serve_opts *o, pv_error *err);
/** The address to open, "http://127.0.0.1:PORT/?token=TOKEN". */
const char *pv_serve_url(const pv_server *s);
/** Stops serving (answers in progress finish) and frees; accepts NULL. */
void pv_serve_stop(pv_server *s);

/* -------------------------------------------------------------- follow-up */

/** The annual follow-up: the decided portfolio against the outcomes register. */
typedef struct pv_followup pv_followup;

/**
 * Follows up the years from..year (from == year for one year): selects the
 * case's portfolio (the decision), then sets each decided or reported project's
 * plan against its outcome, sums per department and goal, and recommends keep,
 * review or end_candidate for every own agreement. NULL + err: PV_EINPUT when
 * the case has no "followup", PV_EUSAGE for years out of range.
 */
pv_followup *pv_followup_run(const pv_case *c, const pv_ranking *r, int year, int from,
                             pv_error *err);
/** Renders a follow-up (see pv_render_rank for ownership). */
char *pv_render_followup(const pv_case *c, const pv_ranking *r, const pv_followup *f,
                         pv_format fmt, pv_lang lang, size_t *len, pv_error *err);
/** Frees a follow-up; accepts NULL. */
void pv_followup_free(pv_followup *f);

/* ------------------------------------------------------------- utilities */

/**
 * Writes data to path atomically: a temporary file in the same folder, then
 * rename. Refuses to overwrite any of the case's input files when c != NULL.
 */
int pv_write_file_atomic(const pv_case *c, const char *path, const char *data, size_t len,
                         pv_error *err);

/** Frees memory returned by the library. */
void pv_free(void *p);

/** The GLPK version string. */
const char *pv_glpk_version(void);

/**
 * Sets the run date that HTML reports show, as "YYYY-MM-DD" (for reproducible
 * output); NULL goes back to today's date (UTC). Returns -1, and keeps the
 * previous setting, when iso is not a valid date. Text, Markdown, CSV and JSON
 * reports carry no date.
 */
int pv_set_report_date(const char *iso);

/**
 * Replaces the allocator of the library and routes Jansson's through it (for
 * allocation-failure tests). Pass NULLs to restore malloc/realloc/free and
 * Jansson's previous allocator. Until this is called, the library leaves
 * Jansson's process-wide allocator alone.
 */
void pv_set_alloc_funcs(void *(*m)(size_t), void *(*r)(void *, size_t), void (*f)(void *));

/**
 * Test hook (the CLI's PARTNERVAL_FAIL_ALLOC): makes the n-th allocation from
 * now on fail, n > 0; 0 restores malloc. Allocations inside Jansson's parser
 * are counted but never failed (Jansson 2.14 corrupts memory on a failure
 * there, akheron/jansson#362).
 */
void pv_test_fail_alloc(long n);

/**
 * Test hook (the CLI's PARTNERVAL_FAIL_GLPK): GLPK fails, through its own
 * error path (glp_error, as when it runs out of memory), at the n-th call
 * into it from now on, n > 0; 0 turns it off.
 */
void pv_test_fail_glpk(long n);

#ifdef __cplusplus
}
#endif
#endif
