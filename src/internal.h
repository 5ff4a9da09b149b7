/*
 * internal.h — data model shared by the stages of the pipeline:
 * read → screen → score → optimise → analyse → report.
 * Not installed; the CLI must not include it.
 */
#ifndef PV_INTERNAL_H
#define PV_INTERNAL_H

#include "partnerval.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------ util/alloc */
void *pv_malloc(size_t n);
void *pv_calloc(size_t n, size_t size);
void *pv_realloc(void *p, size_t n);
char *pv_strdup(const char *s);
char *pv_strndup(const char *s, size_t n);
/* pv_calloc that reports out of memory in err. */
void *pv_calloc_err(size_t n, size_t size, pv_error *err);
/* Frees each of the n pointers in own (NULL ones too): a struct's flat buffers,
 * listed once in its free function. */
void pv_free_each(void *const *own, size_t n);
/* Growth helper: ensures *cap >= need for an array of elem-size items. */
int pv_grow(void **arr, size_t *cap, size_t need, size_t elem);
/* How many allocations (ours, Jansson's, libcsv's) have failed so far: a parser
 * whose count went up while it ran failed for want of memory. */
unsigned long pv_alloc_failures(void);
/* Brackets Jansson's json_load* calls (see alloc.c: Jansson aborts on OOM there). */
void pv_alloc_json_parsing(int on);
int pv_alloc_in_json_parse(void);

/* Stable sort of indices by cmp(a, b, ctx); returns -1 on OOM. */
int pv_sort_idx(size_t *idx, size_t n, int (*cmp)(size_t, size_t, const void *), const void *ctx);
/* The same by the number key[i * stride] for index i, ascending (desc:
 * descending); equal keys keep their order. */
int pv_sort_idx_by_key(size_t *idx, size_t n, const double *key, size_t stride, int desc);

/* ------------------------------------------------------------ util/error */
/* First error wins: these do nothing when err already holds an error. */
void pv_err(pv_error *err, int code, const char *src, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void pv_err_nomem(pv_error *err);
/* A table read from a workbook's sheet is named "BOOK" PV_SHEET_MARK "SHEET";
 * pv_err turns such a source and its row and column into "BOOK: Sheet!F12". */
#define PV_SHEET_MARK '\x1e'
/* Where in a table, as an error's source reads: "BOOK: Sheet!D5" for a
 * workbook's sheet (row line, column col 1-based; 0: unknown, then
 * "Sheet!5:5" or "Sheet"), else "path:line:col", "path:line" or "path". */
void pv_where(char *out, size_t size, const char *path, int line, int col);
/* Rewrites every PV_SHEET_MARK in s (a message) as ", sheet ", within size. */
void pv_unmark_sheets(char *s, size_t size);
/* Column number (1-based) to Excel's letters (1 A, 27 AA); out holds 8. */
void pv_col_letters(int col, char out[8]);
/* The bytes of the control character at s that reports and messages show as
 * '?' (C0, DEL, C1, LRM/RLM, line and paragraph separators, bidi embeddings,
 * overrides and isolates: what could move a terminal's cursor or reorder
 * the text), else 0. */
size_t pv_ctrl_seq(const char *s);
/* Replaces each such control character by one '?', in place. */
void pv_sanitize_ctrl(char *s);
int pv_failed(const pv_error *err);
/* Collecting every input error of a load: between begin and end, every
 * PV_EINPUT error raised (into any pv_error) is also kept in l (up to
 * PV_ERRORS_MAX, duplicates once). A step that can go on after an input
 * error (the next row, the next key) does so, with a fresh pv_error per
 * unit, while collecting. begin returns the list to restore with end. */
pv_errors *pv_errors_new(void);
pv_errors *pv_err_collect_begin(pv_errors *l);
void pv_err_collect_end(pv_errors *prev);
/* A load is collecting: a step may go on after an input error. */
int pv_err_collecting(void);
/* 1 when the step that just failed with err may read on: a load or check
 * collects every input error (anything else still stops it). */
int pv_err_reads_on(const pv_error *err);
/* Appends " (and N more errors: …)" to err's text when l holds more than one. */
void pv_err_add_more(pv_error *err, const pv_errors *l);

/* Every id (project, partner, country, criterion, rule, resource, constraint)
 * is at most this many bytes. */
#define PV_MAX_ID 200

/* ------------------------------------------------------------ util/words */
/* s without its leading and trailing spaces and tabs: moves *s past the
 * leading ones and returns the length left. */
size_t pv_trim_blanks(const char **s);
/* The one yes/no reader: yes/no, ja/nej, true/false, sant/falskt, 1/0 and x
 * (yes), ASCII case-insensitive, spaces and tabs trimmed. */
enum { PV_YN_NO = 0, PV_YN_YES = 1, PV_YN_EMPTY = -1, PV_YN_BAD = -2 };
int pv_yesno(const char *s);
/* "yes"/"ja" or "no"/"nej": the one yes/no word every report writes. */
const char *pv_yes_no(int yes, int sv);
/* s is a yes/no spelling that is a word (not 1, 0 or x): marks a column as yes/no. */
int pv_yesno_word(const char *s);
/* The accepted spellings, for messages. */
const char *pv_yesno_spellings(void);
/* Edit distance (optimal string alignment) of a and b, or max + 1 when larger. */
size_t pv_edit_distance(const char *a, const char *b, size_t max);
/* "Did you mean": offer candidates in a fixed order; the closest within max
 * (an ASCII case difference counts as closest) is best, ties to the first. */
typedef struct pv_suggest {
    const char *word, *best;
    size_t max, dist;
} pv_suggest;
void pv_suggest_init(pv_suggest *s, const char *word, size_t max);
void pv_suggest_offer(pv_suggest *s, const char *cand);
/* "; did you mean 'X'?" or "" when nothing is close. */
const char *pv_suggest_hint(const pv_suggest *s, char *buf, size_t size);
/* a and b differ as bytes but are equal once Latin letters with one combining
 * mark are decomposed (NFC vs NFD of the same text). */
int pv_same_after_normalising(const char *a, const char *b);
/* Orders strings by their decomposed code points (as pv_same_after_normalising
 * compares them), so that NFC and NFD spellings of one text sort together. */
int pv_nfd_cmp(const char *a, const char *b);
/* Equal once trimmed (spaces, tabs) and folded to lower case (ASCII, Latin-1). */
int pv_str_eq_fold(const char *a, const char *b);
/* 1 when the list cell contains value (trimmed), or equals it. */
int pv_cell_has(const char *cell, const char *value);
/* The order that goes with pv_str_eq_fold: <0, 0 or >0. */
int pv_str_cmp_fold(const char *a, const char *b);
/* Cuts a trailing incomplete UTF-8 sequence (a string cut at a buffer's end). */
void pv_utf8_trim_partial(char *s);

/* -------------------------------------------------------------- util/buf */
typedef struct pv_buf {
    char *data;
    size_t len, cap;
    int oom; /* sticky: once set, appends are ignored */
    unsigned long fails0; /* pv_alloc_failures() at init: take fails if it moved,
                             so a report never comes out with a piece missing */
    /* Optional sink (a streamed report): when set, the buffer hands its
     * content to flush(flush_ctx, ...) whenever it would grow past 64 KiB,
     * so it stays small; a failed flush sets oom. */
    int (*flush)(void *ctx, const char *data, size_t len);
    void *flush_ctx;
} pv_buf;
void pv_buf_init(pv_buf *b);
void pv_buf_free(pv_buf *b);
void pv_buf_put(pv_buf *b, const char *s, size_t n);
void pv_buf_puts(pv_buf *b, const char *s);
void pv_buf_putc(pv_buf *b, char c);
void pv_buf_printf(pv_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands over the string (NUL-terminated) and resets b; NULL on OOM. */
char *pv_buf_take(pv_buf *b, size_t *len);
/* Hands what is left to the sink; 0, or -1 (oom set). */
int pv_buf_drain(pv_buf *b);
/* How one text format escapes: the bytes below 128 whose bit is set in mask
 * are replaced: those in chars by the string at the same place in reps, any
 * other (control characters) by \u00XX when hex, else by a space. */
#define PV_BIT(c) ((uint64_t)1 << ((c) & 63)) /* c's bit in its word of pv_escaper.mask */
typedef struct pv_escaper {
    uint64_t mask[2];
    const char *chars;
    const char *const *reps;
    int hex;
} pv_escaper;
/* s (NULL as empty) escaped by e; runs of plain bytes are copied whole. */
void pv_buf_escape(pv_buf *b, const char *s, const pv_escaper *e);
void pv_buf_json_str(pv_buf *b, const char *s); /* quoted, escaped JSON string */
void pv_buf_csv_field(pv_buf *b, const char *s, char delim);
void pv_buf_num(pv_buf *b, double x, int decimals); /* fixed "%.*f", -0 printed as 0 */
/* The same text without a buffer: written into out, returned (a pointer
 * into out, or "null" for NaN and infinities). */
#define PV_NUM_TEXT 64
const char *pv_num_text(char out[PV_NUM_TEXT], double x, int decimals);

/* ---------------------------------------------------------- util/progress */
/* Calls the progress hook (pv_set_progress) when it is set and this is the
 * process that set it. */
void pv_progress(pv_progress_step step, size_t done, size_t total);
void pv_get_progress(pv_progress_fn *fn, void **ctx);

/* -------------------------------------------------------------- util/dl */
/* An outside library loaded on first use (util/dl.c). The file that uses it
 * lists its functions once, as X(name) in a list macro, and expands
 *     static struct { LIST(PV_DL_FIELD) } fn;
 *     static void dl_bind(void *so, const char **missing) { LIST(PV_DL_BIND) }
 * then calls fn.name(...) after pv_dl_need succeeded. */
typedef struct pv_dl {
    const char *soname;  /* the library linked against at build time */
    const char *package; /* the Debian package that installs it */
    const char *purpose; /* what needs it, for the error: "reading .xlsx workbooks" */
    void (*bind)(void *so, const char **missing);
    int state; /* 0 not tried, 1 loaded, -1 failed (why) */
    char why[256];
    const char *first; /* a dependency that another pv_dl opens by name too,
                        * opened by name before this one, or NULL (dl.c) */
} pv_dl;
#define PV_DL_FIELD(f) __typeof__(f) *f;
#define PV_DL_BIND(f) fn.f = (__typeof__(fn.f))pv_dl_sym(so, #f, missing);
/* Loads d once (thread-safe; a failure is remembered). 0, or -1 + err
 * naming the library and the package to install. */
int pv_dl_need(pv_dl *d, pv_error *err);
/* dlsym; the first name not found goes to *missing. */
void *pv_dl_sym(void *so, const char *name, const char **missing);

/* ---------------------------------------------------------- util/fileio */
/* Reads a whole regular file (size limit checked). NULL + err on failure.
 * A path the installed snapshot holds is answered from it (util/snapshot.c). */
char *pv_read_file(const char *path, size_t *len, pv_error *err);

/* ---------------------------------------------------------- util/snapshot */
/* Input files held in memory: serve's last good state of its case. */
typedef struct pv_snapshot pv_snapshot;
/* An empty snapshot, or NULL when out of memory. */
pv_snapshot *pv_snapshot_new(void);
/* Frees s (NULL is fine). */
void pv_snapshot_free(pv_snapshot *s);
/* 1 when s holds every file read while it recorded (none was lost to memory). */
int pv_snapshot_ok(const pv_snapshot *s);
/* Makes pv_read_file answer from s (NULL: from disk); returns the previous one. */
pv_snapshot *pv_snapshot_use(pv_snapshot *s);
/* Makes pv_read_file add what it reads from disk to s (NULL: stop); returns
 * the previous one. */
pv_snapshot *pv_snapshot_record(pv_snapshot *s);
/* 1 when the snapshot in use holds path: *data is then a copy of its bytes
 * (NUL-terminated, *len), or NULL when out of memory. 0 when not held. */
int pv_snapshot_read(const char *path, char **data, size_t *len);
/* Adds path's bytes to the snapshot being recorded, if any. */
void pv_snapshot_note(const char *path, const char *data, size_t len);
/* The largest input file read ($PARTNERVAL_MAX_FILE_BYTES, else 512 MiB);
 * 0 with err set when the variable is not a whole number above 0. */
size_t pv_max_file_bytes(pv_error *err);
/* For writers that only write to a named file (libxlsxwriter): runs
 * fn(path, ctx) with path naming a new empty temporary file in $TMPDIR (else
 * /tmp), and returns what fn wrote there (malloc'd, *len), or NULL + err (fn
 * fills err when it returns -1). The file is unnamed where the system allows
 * (O_TMPFILE, reached through /proc/self/fd), so no signal can leave it
 * behind; else a named file, with the fatal signals blocked until removed. */
char *pv_render_via_file(int (*fn)(const char *path, void *ctx), void *ctx, size_t *len,
                         pv_error *err);
/* A streamed atomic write with pv_write_file_atomic's promises: open (checks
 * the name, refuses the case's inputs, follows links), write any number of
 * times (pv_outfile_write fits pv_buf's flush), then commit, which names the
 * file, or with failed != 0 (the report is incomplete: out of memory) drops
 * it. Commit frees f. A failed write is reported by commit. */
typedef struct pv_outfile pv_outfile;
pv_outfile *pv_outfile_open(const pv_case *c, const char *path, pv_error *err);
int pv_outfile_write(void *f, const char *data, size_t len);
int pv_outfile_commit(pv_outfile *f, int failed, pv_error *err);

/* ------------------------------------------------------------ read/csv */
typedef struct pv_table {
    char *path;       /* as given (for messages) */
    char delim;       /* ',' or ';' */
    size_t ncols, nrows;
    char **header;    /* ncols names, trimmed */
    int *row_line;    /* source line where each row starts (1-based) */
    /* Cells, stored compactly (a wide table of mostly empty cells costs a
     * fraction of its file): pool holds every non-empty cell's text,
     * NUL-terminated; pool[0] is the "" that every empty cell shares. Per
     * row, nwords bit words mark its non-empty cells, rank[] counts the
     * non-empty cells before each word, and first[row] indexes off[] (the
     * pool offsets of the row's non-empty cells, in column order). */
    char *pool;
    size_t pool_len, pool_cap;
    size_t nwords;
    uint64_t *filled;
    uint16_t *rank;
    size_t *first;
    uint32_t *off;
    uint32_t yes_off, no_off; /* "yes" and "no" in the pool, once a cell is set to them */
} pv_table;

/* read/link.c: t's row indices ordered by column col's text (fold: ASCII
 * case ignored), ties by row; allocated (pv_free), NULL when out of memory. */
size_t *pv_rows_by_cell(const pv_table *t, size_t col, int fold);
pv_table *pv_table_load(const char *path, pv_error *err);
/* read/xlsx_reader.c: one sheet of an .xlsx workbook (sheet NULL: the first
 * visible one) as the same table; path becomes "BOOK" PV_SHEET_MARK "SHEET". */
pv_table *pv_xlsx_load(const char *path, const char *sheet, pv_error *err);
/* The text of a workbook cell whose formula has no computed value. */
#define PV_XLSX_NOVALUE "#NOVALUE (a formula never computed)"

/* The same from the workbook's bytes in memory (path only names it). */
pv_table *pv_xlsx_parse(const char *path, const char *data, size_t len, const char *sheet,
                        pv_error *err);
/* Does path name a workbook (.xlsx, any case)? */
int pv_is_xlsx_path(const char *path);
pv_table *pv_table_parse(const char *path, const char *data, size_t len, pv_error *err);
void pv_table_free(pv_table *t);
/* Column index by name, or -1. */
int pv_table_col(const pv_table *t, const char *name);
/* Optional columns by name: *dst[i] = pv_table_col(t, names[i]) for each i. */
void pv_table_cols(const pv_table *t, const char *const *names, int *const *dst, size_t n);
static inline const char *pv_cell(const pv_table *t, size_t row, size_t col)
{
    size_t w = row * t->nwords + col / 64;
    uint64_t bits = t->filled[w], bit = (uint64_t)1 << (col % 64);
    if (!(bits & bit))
        return t->pool;
    size_t k = t->first[row] + t->rank[w] + (size_t)__builtin_popcountll(bits & (bit - 1));
    return t->pool + t->off[k];
}
/* Replaces a non-empty cell's text (a canonical spelling: "yes", "no", a
 * category code); -1 when out of memory or the cell is empty. */
int pv_table_set_cell(pv_table *t, size_t row, size_t col, const char *text);
/* Packs nrows × ncols pool offsets (0: empty, pool[0] == '\0'), row-major,
 * into t's compact cells (the workbook reader fills a table this way). */
int pv_table_pack(pv_table *t, const size_t *cells);
/* Row index by exact id in column col, or -1 (linear scan; see pv_index). */
long pv_table_find(const pv_table *t, int col, const char *id);
/* The same by binary search, given the rows sorted by that column (or NULL). */
long pv_table_find_sorted(const pv_table *t, int col, const size_t *sorted, const char *id);

/* ----------------------------------------------------------- read/number */
/*
 * Parses a number cell. Plain form always (-1234.5, 1e3); with swedish != 0
 * also decimal comma and space / NBSP / U+202F thousands separators in groups
 * of three. Returns 0 on success, -1 if not a number, -2 if out of range,
 * -3 if NaN/inf literal, -4 if ambiguous (swedish: 1-3 digits, a point and
 * three more digits, a thousands point or a decimal one). Surrounding spaces are ignored; an empty
 * cell is -1.
 */
int pv_parse_number(const char *s, int swedish, double *out);
/* The reason a cell s is not a number, for pv_parse_number's code rc (-1 ..
 * -4, -4: "120.000" in a file of decimal commas, a point before three
 * digits, which could be either separator), written into buf; returns buf.
 * comma_file adds how comma-separated files write numbers. */
const char *pv_number_why(const char *s, int rc, int comma_file, char *buf, size_t n);
/* Are the n bytes at s (trimmed) 1-3 digits, not starting with 0, a point and
 * three digits, with an optional sign: the form the Swedish reading refuses
 * as ambiguous (pv_parse_number's -4)? */
int pv_number_point_ambiguous(const char *s, size_t n);
/* pv_table_number for a value that must lie in [lo, hi]: a cell the
 * Swedish form finds ambiguous (62.241) is taken as a decimal when only that
 * reading lies in the range (a latitude cannot be 62,241). */
int pv_table_number_in(const pv_table *t, size_t row, size_t col, double lo, double hi, double *out,
                       pv_error *err);
/* Parses a cell of table t at (row,col); on failure fills err with location. */
int pv_table_number(const pv_table *t, size_t row, size_t col, double *out, pv_error *err);
/* Splits a list cell on '|', ',' or ';' (whichever appears first), trimming items. */
char **pv_split_list(const char *s, size_t *n);
void pv_free_list(char **items, size_t n);
int pv_is_blank(const char *s);
/* Holds an ASCII control character (a byte < 0x20, or DEL). */
int pv_has_ctrl(const char *s);
/* Trimmed equality (ASCII spaces, tabs, NBSP are not trimmed: only ' ', '\t'). */
int pv_str_eq_trim(const char *cell, const char *value);
/* Validates UTF-8; returns 0 or fills line/col of the first bad byte. */
int pv_utf8_check(const char *s, size_t n, int *line, int *col);

/* ------------------------------------------------------------ model */
typedef enum pv_scope { PV_SCOPE_PROJECT, PV_SCOPE_PARTNER, PV_SCOPE_COUNTRY } pv_scope;

typedef struct pv_field {
    pv_scope scope;
    char *name; /* column name without prefix */
    char *text; /* as written, e.g. "partner.distance_km" */
    int col;    /* column in the scope's table; PV_COL_DISTANCE; -1 unresolved */
} pv_field;
#define PV_COL_DISTANCE (-2)

typedef enum pv_vf_type { PV_VF_LINEAR, PV_VF_PIECEWISE, PV_VF_CATEGORICAL } pv_vf_type;
typedef struct pv_valuefn {
    pv_vf_type type;
    double worst, best;
    size_t npts;
    double *px, *py;
    size_t ncat;
    char **cat_key;
    double *cat_val;
} pv_valuefn;

typedef enum pv_agg { PV_AGG_MIN, PV_AGG_MAX, PV_AGG_MEAN } pv_agg;

typedef enum pv_wmethod { PV_W_DIRECT, PV_W_RANK, PV_W_SWING, PV_W_AHP } pv_wmethod;

/* A level's "weighting", as read; the weights are derived from it in
 * score/weighting.c when the case is loaded. */
typedef enum pv_rank_formula { PV_RANK_ROC, PV_RANK_SUM, PV_RANK_RECIPROCAL } pv_rank_formula;
typedef enum pv_ri_table { PV_RI_SAATY, PV_RI_ALONSO_LAMATA } pv_ri_table;
typedef struct pv_wspec {
    pv_wmethod method;
    pv_rank_formula formula;
    pv_ri_table ri;
    size_t n;      /* entries in ids */
    char **ids;    /* rank: order (flattened); swing: keys; ahp: order */
    size_t *group; /* rank: tie group of each id (0-based position of the group) */
    size_t *gsize; /* rank: size of each id's tie group */
    double *points; /* swing */
    double *matrix; /* ahp, n*n row-major */
    size_t *kid;    /* kid[i]: the level's criterion that ids[i] names (resolved on reading) */
} pv_wspec;
void pv_wspec_free(pv_wspec *w);

typedef struct pv_criterion pv_criterion;
struct pv_criterion {
    char *id;
    char *path; /* JSON path, e.g. "criteria.benefit.children.development" */
    char *label_sv, *label_en;
    char *source;
    double weight;       /* as written (direct); derived by the method on loading */
    int weight_written;  /* the file gave "weight" (which a rank/swing/ahp level replaces) */
    int has_range;
    double range_lo, range_hi;
    double local, global; /* normalised among siblings; product along path */
    pv_criterion *parent;
    pv_criterion **children;
    size_t nchildren;
    pv_wmethod child_method; /* how the children's weights were given */
    pv_wspec *child_wspec;   /* NULL for direct */
    double lambda_max, ci, cr; /* AHP consistency of the children level */
    /* leaf */
    int is_leaf;
    size_t leaf_index;
    pv_field field;
    pv_agg agg;
    pv_valuefn vf;
    int has_missing;
    double missing;
    /* "min": a quality threshold in [0, 1] on the criterion's value (a leaf's
     * value function; a parent's points / (100 × its global weight)) */
    int has_min;
    double min;
};

typedef enum pv_op {
    PV_OP_LT, PV_OP_LE, PV_OP_GT, PV_OP_GE, PV_OP_EQ, PV_OP_NE,
    PV_OP_IN, PV_OP_NOT_IN, PV_OP_MISSING, PV_OP_PRESENT
} pv_op;

typedef enum pv_cond_kind { PV_COND_CMP, PV_COND_ALL, PV_COND_ANY, PV_COND_NOT } pv_cond_kind;

typedef struct pv_cond pv_cond;
struct pv_cond {
    pv_cond_kind kind;
    pv_cond **kids;
    size_t nkids;
    /* CMP */
    pv_field field;
    pv_op op;
    int val_is_num;
    double num;
    char *str;
    size_t nlist; /* in / not_in */
    char **list_str;
    double *list_num;
    int *list_is_num;
};

typedef enum pv_action { PV_ACT_EXCLUDE, PV_ACT_FLAG } pv_action;

typedef struct pv_rule {
    char *id;
    char *because;    /* the reason, in Swedish when "because" gives both */
    char *because_en; /* the English reason, NULL when "because" is one string */
    char *source;
    char *name_sv, *name_en; /* display names ("name"), NULL when none */
    pv_action action;
    pv_cond *cond;
    int per_partner; /* condition reads partner./country. fields */
} pv_rule;

typedef struct pv_model {
    char *path; /* file, or the case file when inline */
    char *name, *source, *language;
    pv_criterion **top;
    size_t ntop;
    pv_wmethod top_method;
    pv_wspec *top_wspec;
    double top_lambda_max, top_ci, top_cr;
    pv_criterion **leaves; /* depth-first order */
    size_t nleaves;
    pv_criterion **all; /* every criterion, depth-first */
    size_t nall;
    pv_rule *rules;
    size_t nrules;
    /* "agreement_review": the policy sentences that ask for an own agreement
     * to be reviewed: [0] "unused" (active, no selected project uses it),
     * [1] "inactive" (revive or end); NULL when the model cites none */
    char *review_because[2], *review_source[2];
    char *review_because_en[2]; /* English, when "because" gives {"sv", "en"} */
    /* "followup": {"report_to": name, "source": text}: the body the annual
     * follow-up is addressed to (NULL: kommunstyrelsen) and the policy
     * sentence that asks for it (NULL when none) */
    char *fu_to_sv, *fu_to_en, *fu_source;
} pv_model;

void pv_model_free(pv_model *m);

/* ------------------------------------------------------------ case */
typedef struct pv_resource {
    char *id;
    char *column;         /* projects.csv */
    char *partner_column; /* partners.csv, may be NULL */
    char *name_sv, *name_en; /* display names ("name"), NULL when none */
    char *unit_sv, *unit_en; /* "unit" ("kr"/"SEK", "h"), NULL when none */
    int col, pcol;        /* resolved, -1 when none */
    double limit;
    double *a; /* per project (>= 0) */
    double *f; /* per partner (>= 0), all 0 when no partner_column */
} pv_resource;

typedef enum pv_ctype {
    PV_C_COUNT, PV_C_SHARE, PV_C_REQUIRES, PV_C_EXCLUSIVE, PV_C_FORCE,
    PV_C_MAX_PARTNERS, PV_C_MIN_PARTNERS
} pv_ctype;

typedef struct pv_constraint {
    char *id;    /* given or generated: "<type>_<n>" */
    char *label; /* may be NULL; the Swedish one when given per language */
    char *label_en; /* English display name; NULL: label stands for both */
    pv_ctype type;
    char *column, *value; /* count/share (projects), partner filters (partners) */
    int col;
    int resource; /* share: index into resources */
    int has_min, has_max;
    double min, max;
    size_t project;    /* requires: the dependent project */
    size_t *projects;  /* requires: needs; exclusive: set; force: in */
    size_t nprojects;
    size_t *out;       /* force: out */
    size_t nout;
} pv_constraint;

/* ---- the outcomes register (read/outcomes.c): what was done, per year */
typedef enum pv_ostatus {
    PV_OS_PLANNED, PV_OS_APPLIED, PV_OS_GRANTED, PV_OS_REJECTED, PV_OS_RUNNING, PV_OS_DONE,
    PV_OS_CANCELLED, PV_OS_N
} pv_ostatus;

typedef struct pv_outcome {
    int year;
    size_t row;        /* the register's row */
    pv_ostatus status;
    long proj;         /* projects row, or -1 */
    long part;         /* partners row, or -1 (a project of an earlier case: both -1) */
    double *actual;    /* per resource; 0 when empty or not reported */
    double external;   /* external funding received */
    double *goal;      /* per top-level criterion: 0..5, NaN when empty or no column */
    int evaluated;     /* YYYYMMDD, 0 when none */
} pv_outcome;

#define PV_OUT_YEAR_MIN 2000
#define PV_OUT_YEAR_MAX 2100

typedef struct pv_outcomes {
    char *path;
    pv_table *t;
    int col_id, col_year, col_status, col_act, col_eval, col_evtext, col_name, col_dept;
    int *actual_col;   /* per resource: the register's column, -1 when none */
    int external_col;  /* -1 when none */
    int *goal_col;     /* per top-level criterion: "goal_<id>", -1 when none */
    int planned_ext_col; /* projects.csv: planned external funding, -1 when none */
    int dept_col;      /* projects.csv "department", -1 when none */
    int review_months; /* an evaluation older than this asks for review (24) */
    int min_year, max_year;
    size_t n;
    pv_outcome *rows;
} pv_outcomes;
void pv_outcomes_free(pv_outcomes *o, size_t nres);
/* A status word, English or Swedish (planerad, ansökt, beviljad, avslagen,
 * pågående, klar/avslutad, inställd/avbruten), any case; -1 when none. */
int pv_ostatus_parse(const char *s);

typedef struct pv_label {
    char *column, *value, *sv, *en;
} pv_label;

/* "cofinancing": contingent co-financing (read/cofin.c). The resources'
 * columns stay the municipality's own co-funding; a contingent project runs
 * only if its application is granted (probability prob[j]). */
typedef enum pv_commit { PV_COMMIT_WORST, PV_COMMIT_EXPECTED, PV_COMMIT_CHANCE } pv_commit;
typedef struct pv_cofin {
    pv_commit commit;
    double alpha;            /* chance: largest overrun probability */
    size_t scenarios;        /* chance: sampled scenarios */
    unsigned long long seed; /* chance: their seed */
    double *grant;           /* per project: grant applied for (0 when none) */
    double *prob;            /* per project: award probability (1 when not contingent) */
    unsigned char *contingent; /* per project: runs only if granted */
    unsigned char *from_table; /* per project: prob looked up by programme */
    int col[4]; /* projects.csv columns: grant, probability, contingent, programme (-1 none) */
} pv_cofin;
void pv_cofin_free(pv_cofin *f);
/* p_j: the award probability of a contingent project, else 1. */
double pv_cofin_p(const pv_case *c, size_t j);
/* The factor of project j's own co-funding in a limit row: 1 (worst_case),
 * p_j (expected), or 0 for a contingent project under chance (its use is in
 * the scenario rows instead). */
double pv_cofin_use(const pv_case *c, size_t j);

struct pv_case {
    char *path, *dir, *name;
    pv_model *model;
    pv_table *projects, *partners, *countries;
    char **inputs; /* every file read */
    size_t ninputs;
    int has_home;
    double home_lat, home_lon;
    pv_resource *res;
    size_t nres;
    pv_constraint *cons;
    size_t ncons;
    int keep_existing;
    double time_limit_s, mip_gap;
    /* resolved references */
    int proj_id_col, proj_name_col, proj_partners_col;
    int part_id_col, part_name_col, part_country_col, part_active_col, part_lat_col, part_lon_col;
    int ctry_code_col;
    size_t **proj_partners; /* per project: partner row indices */
    size_t *proj_npartners;
    long *partner_country;  /* per partner: countries row or -1 */
    double *partner_dist;   /* per partner: km from home, NaN when unknown */
    int *partner_active;    /* per partner: active == yes and one of this case's own */
    int *partner_agreement; /* per partner: an own agreement, active or not (an existing
                               relationship: active, or `new` is not yes) */
    char **munis;           /* case "municipality": whose agreements these are */
    size_t nmunis;
    int has_min_score;      /* case "min_score": a project below it is ineligible */
    double min_score;
    char *obj_column;       /* "objective": {"type": "weighted", "column"}; NULL for sum */
    double *obj_mult;       /* per project: the column's value (weighted), or NULL */
    size_t *part_sorted;    /* partner rows sorted by id, for bsearch */
    size_t *ctry_sorted;    /* country rows sorted by code */
    pv_label *labels;       /* case "labels": display names of data codes */
    size_t nlabels;
    pv_cofin *cofin;        /* NULL without "cofinancing" */
    pv_scenario **wsets;    /* "weight_sets": {"model": PATCH} each, in file order */
    size_t nwsets;
    pv_outcomes *outcomes;  /* case "followup": the outcomes register, NULL when none */
    char *base_goals;       /* under a scenario: "\nid\nid\n", the unpatched model's goals */
};

/* The display name of a data code (e.g. department "education") in the
 * report's language, from the case's "labels"; else a yes/no word in that
 * language ("ja" for "yes"); else the code itself. */
const char *pv_case_value_label(const pv_case *c, const char *column, const char *value, int sv);

/* Helpers to read project/partner values by field. */
const char *pv_project_id(const pv_case *c, size_t j);
const char *pv_project_name(const pv_case *c, size_t j);
const char *pv_partner_id(const pv_case *c, size_t p);
const char *pv_partner_name(const pv_case *c, size_t p);
long pv_case_project_index(const pv_case *c, const char *id);
long pv_case_partner_index(const pv_case *c, const char *id);

/*
 * The raw cell a field refers to for project j and partner slot k (k-th
 * partner of j, or (size_t)-1 for none). Sets *t,*row,*col to the cell's
 * table and location (for messages; *t NULL when derived). Returns NULL when
 * the value is missing (empty or no partner). For distance, *num is set and
 * the returned pointer is a static "" marker; check *is_num.
 */
const char *pv_field_cell(const pv_case *c, const pv_field *f, size_t j, size_t k,
                          const pv_table **t, size_t *row, int *is_num, double *num);

/* ------------------------------------------------------------ read/case */
/* Reads and validates a case file: model (path or inline), tables, resources,
 * constraints. With scen != NULL, its merge patch is applied to the case
 * (model inlined). The weights are left as written: pv_case_load (score/)
 * derives them, so that the reader never calls a later stage. */
pv_case *pv_case_read(const char *path, const pv_scenario *scen, pv_error *err);
/* The same, collecting every input error into list (when not NULL). */
pv_case *pv_case_read_all(const char *path, const pv_scenario *scen, pv_errors *list,
                          pv_error *err);

/* read/cofin.c: "cofinancing" and "weight_sets" of the case's JSON (root is
 * a json_t *, kept void here so that only read/ sees Jansson). */
int pv_cofin_read(void *x, pv_case *c, void *root);
/* A weight set's name. */
const char *pv_wset_name(const pv_case *c, size_t k);
/* Weight sets from a file: {"weight_sets": {...}} or the map itself;
 * replaces the case's. Every input error goes to list when given (else
 * err's text ends with "and N more"); err holds the first. */
int pv_wsets_load(pv_case *c, const char *path, pv_errors *list, pv_error *err);

/* ------------------------------------------------------------ score */
double pv_vf_eval(const pv_valuefn *vf, double x);
/*
 * Derives a level's weights from its weighting (rank, swing, AHP) into each
 * kid's weight; for AHP also lambda_max, CI and CR. The reader has checked w
 * against the level (each kid named once, swing points not all 0), so the
 * only failure is out of memory (-1, err filled).
 */
int pv_weighting_apply(pv_criterion **kids, size_t n, const pv_wspec *w, double *lambda,
                       double *ci, double *cr, pv_error *err);
/* Saaty's or Alonso–Lamata's random index for n, 0 for n < 3. */
double pv_ahp_ri(pv_ri_table t, size_t n);
/* Computes local/global weights; returns -1 and fills err on invalid weights. */
int pv_model_weights(pv_model *m, pv_error *err);
/* A project forced in that the policy excludes (a rule or a quality
 * threshold) contradicts it: -1 with an input error naming both. */
int pv_check_force(const pv_case *c, const pv_ranking *r, pv_error *err);

typedef struct pv_proj_result {
    double score;
    int eligible;  /* no rule excludes it and it meets every quality threshold */
    int rules_ok;  /* no rule excludes it */
    int below_min_score;
    size_t *below; /* indices into model->all of criteria below their "min" */
    size_t nbelow;
    size_t *excluded_by; /* rule indices */
    size_t nexcluded;
    size_t *flags;
    size_t nflags;
    double *value;        /* per leaf, in [0,1] */
    double *contrib;      /* per leaf, points */
    double *raw;          /* per leaf, aggregated x (NaN for categorical/missing) */
    int *clamped;         /* per leaf: raw outside worst..best */
    int *used_missing;    /* per leaf: took "missing" */
} pv_proj_result;

struct pv_ranking {
    size_t n;
    pv_proj_result *p;
    size_t *order; /* ranked order: eligible by score desc, then excluded; ties by id */
    size_t *rank;  /* per project: 1-based position in order */
};

/* Quality thresholds: 1 when a project with these leaf values and score
 * meets the case's min_score and every criterion's min, under the leaf global
 * weights w (NULL: the model's). below (model->nall entries, or NULL)
 * receives 1 for each criterion below its min. A parent whose leaves weigh
 * nothing has no value and passes. */
int pv_meets_thresholds(const pv_case *c, const double *w, const double *value, double score,
                        unsigned char *below);
/* A criterion's value in [0, 1] for these leaf values under weights w (NULL:
 * the model's): a leaf's value, a parent's weighted mean of its leaves; NaN
 * when its leaves weigh nothing. */
double pv_criterion_value(const pv_case *c, const pv_criterion *cr, const double *w,
                          const double *value);
/* What the objective counts for project j with this score: the score, or
 * score × the objective column's value. */
double pv_objective_coef(const pv_case *c, size_t j, double score);

/* Scores project j into res (value, contrib, raw, score). */
int pv_score_project(const pv_case *c, size_t j, pv_proj_result *res, pv_error *err);

/* ------------------------------------------------------------ screen */
/* Evaluates every rule for project j; appends to res. */
int pv_screen_project(const pv_case *c, size_t j, pv_proj_result *res, pv_error *err);

/* ------------------------------------------------------------ report */
typedef struct pv_i18n {
    int sv;
} pv_i18n;
int pv_lang_is_sv(const pv_case *c, pv_lang lang);
const char *pv_tr(int sv, const char *en, const char *sv_text);
const char *pv_crit_label(const pv_criterion *cr, int sv);
/* Numbers for people: sv uses decimal comma and NBSP thousands separators. */
void pv_fmt_num(pv_buf *b, double x, int decimals, int sv);
/* Fixed decimals with a thousands separator and a decimal mark; U+2212 minus. */
void pv_fmt_grouped(pv_buf *b, double x, int decimals, const char *thousands, char mark);
/* Spreadsheet export: sv = BOM, ';', decimal comma; en = RFC 4180. CRLF in both.
 * Text cells that start like a formula are prefixed with ' (OWASP). */
void pv_csv_start(pv_buf *b, int sv);
void pv_csv_cell(pv_buf *b, const char *s, int sv);
void pv_csv_num(pv_buf *b, double x, int decimals, int sv);
void pv_csv_sep(pv_buf *b, int sv);
void pv_csv_eol(pv_buf *b);
/* Takes the buffer's string, or frees it and reports OOM. */
char *pv_buf_finish(pv_buf *b, size_t *len, pv_error *err);

#endif
