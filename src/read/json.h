/* json.h — private to src/read: the reader's Jansson helpers. Every message
 * names a file and a key path ("FILE: key.path: message"); the helpers here
 * build those paths and read typed members, so that the files that read the
 * model, the case and scenarios phrase a type error the same way. No file
 * outside src/read includes this header; only util/alloc.c (its allocator
 * hooks) includes <jansson.h> besides. */
#ifndef PV_READ_JSON_H
#define PV_READ_JSON_H

#include "../internal.h"

#include <jansson.h>

#define KP 512 /* key path buffer */

/* Where messages point: the file being read (the scenario's, once patched). */
typedef struct pvj_ctx {
    const char *file;
    pv_error *err;
} pvj_ctx;

/* A column that key kp names and t's header lacks: when the header has one
 * within edit distance 2 or equal but for case, the header cell is blamed
 * with "did you mean" (the model's spelling is the shared one; the CSV is
 * typed by hand); else kp, "no column 'X' in FILE". */
void pvj_unknown_column(pvj_ctx *x, const pv_table *t, const char *name, const char *kp);
/** Fills x->err with "FILE: kp: message" (first error wins). */
void pvj_err(pvj_ctx *x, const char *kp, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/** out = kp.key; a path longer than KP is cut, never overflowed. */
void pvj_key(char *out, const char *kp, const char *key);
/** out = kp[i], cut like pvj_key. */
void pvj_idx(char *out, const char *kp, size_t i);
/** "an object", "a number", … for "must be X, not Y" messages. */
const char *pvj_type(const json_t *v);
/** obj's member key, k its path (KP bytes); when absent NULL, and "is required" if required. */
json_t *pvj_member(pvj_ctx *x, json_t *obj, const char *key, const char *kp, int required, char *k);
/** A string member; required => error when absent. NULL when absent or on error. */
const char *pvj_str(pvj_ctx *x, json_t *obj, const char *key, const char *kp, int required);
/** A display name: a string for both languages or {"sv": …, "en": …} (either
 * may be left out; the other stands in). Both NULL when absent. 0 or -1 + err. */
int pvj_name(pvj_ctx *x, json_t *obj, const char *key, const char *kp, char **sv, char **en);
/* Which of the display-name keys "name", "label" and "labels" (synonyms
 * in resources, constraints, criteria and rules) obj holds: that key, dflt
 * when none, NULL + an error when more than one. */
const char *pvj_name_key(pvj_ctx *x, json_t *obj, const char *kp, const char *dflt);
/* pvj_name under whichever display-name key obj holds (pvj_name_key; dflt
 * names none). 0, or -1 + an error. */
int pvj_display_name(pvj_ctx *x, json_t *obj, const char *kp, const char *dflt, char **sv,
                     char **en);
/* A merge patch's nulls (deletions) each name a key that target has:
 * -1 + an error with a suggestion for the first that does not (a misspelt
 * rule would otherwise be deleted from nothing, without a word). */
int pvj_patch_deletes_exist(pvj_ctx *x, json_t *target, json_t *patch, const char *kp);
typedef enum pvj_keys_kind {
    PVJ_KEYS_CASE,
    PVJ_KEYS_MODEL,
    PVJ_KEYS_SCENARIO,
    /* kinds whose variants read part of their keys (pvj_only) */
    PVJ_KEYS_CONSTRAINT,
    PVJ_KEYS_COND,
    PVJ_KEYS_VALUEFN,
    PVJ_KEYS_WEIGHTING,
    PVJ_KEYS_CRITERION
} pvj_keys_kind;
/* Rejects any key of obj (annotations aside) that is in neither keys nor
 * also (NULL-terminated lists; also may be NULL) but that kind's key table
 * knows (an unknown one pvj_check_keys has reported): "<what> does not use
 * K (it takes …keys)". The key tables accept the union of what an object's
 * variants read, so a key of another variant (a max_partners constraint's
 * "min", a linear value function's "points") would otherwise be ignored
 * without a word. -1 after the error. */
int pvj_only(pvj_ctx *x, json_t *obj, const char *kp, pvj_keys_kind kind, const char *what,
             const char *const *keys, const char *const *also);
/** A finite number member: 1 found, 0 absent, -1 error. */
int pvj_num(pvj_ctx *x, json_t *obj, const char *key, const char *kp, double *out);
/** The optional object obj (kp; "kp: msg" when not an object) with two number
 * members keys[0] and keys[1] into out[0], out[1]: 1 read (found[i], when
 * found is not NULL, says which were there), 0 obj absent, -1 error. */
int pvj_num_pair(pvj_ctx *x, json_t *obj, const char *kp, const char *msg,
                 const char *const keys[2], double *const out[2], int found[2]);
/** v (never NULL here) is a string for both languages or {"sv": …, "en": …}:
 * *sv and *en point into v (either NULL when left out). 0, or -1 + "k: must be
 * a string or {…}" (with ", not TYPE" when say_type). */
int pvj_sv_en(pvj_ctx *x, json_t *v, const char *k, int say_type, const char **sv, const char **en);
/** *sv = s, else e, else dflt, and *en = e, else s, else dflt (copies; NULL
 * when all three are). 0 or -1 (out of memory). */
int pvj_dup_pair(pvj_ctx *x, const char *s, const char *e, const char *dflt, char **sv, char **en);
/** 0 when v is present and of type t (JSON_OBJECT, JSON_ARRAY); else -1 + "kp: msg". */
int pvj_expect(pvj_ctx *x, json_t *v, json_type t, const char *kp, const char *msg);
/** An optional member: 0 when v is absent, 1 when it is of type t, -1 + "kp: msg" when not. */
int pvj_opt(pvj_ctx *x, json_t *v, json_type t, const char *kp, const char *msg);
/** obj's member key (k its path) when it is a non-empty t (JSON_OBJECT,
 * JSON_ARRAY); else NULL + "k: msg". */
json_t *pvj_nonempty(pvj_ctx *x, json_t *obj, const char *key, const char *kp, json_type t, char *k,
                     const char *msg);
/** obj's string member key as an index into names (NULL-terminated); dflt when
 * absent. -1 + "kp.key: must be A, B or C, not 'X'" otherwise. */
int pvj_choice(pvj_ctx *x, json_t *obj, const char *key, const char *kp, const char *const *names,
               int dflt);
/** One member of an object: key, its value and its key path k. 0 or -1 (x->err filled). */
typedef int (*pvj_member_fn)(pvj_ctx *x, const char *key, json_t *val, const char *k, void *ctx);
/** Calls fn for each member of obj in order (k = kp.key); stops at the first failure (-1). */
int pvj_each(pvj_ctx *x, json_t *obj, const char *kp, pvj_member_fn fn, void *ctx);
/** pv_strdup that reports out of memory; NULL in, NULL out (no error). */
char *pvj_dup(pvj_ctx *x, const char *s);
/** pv_calloc that reports out of memory. */
void *pvj_alloc(pvj_ctx *x, size_t n, size_t size);
/** Parses a JSON file (duplicate keys rejected); NULL + err (FILE:LINE:COL) on failure. */
json_t *pvj_load(const char *path, pv_error *err);
/** The same with Jansson's decoding flags (JSON_DECODE_ANY for merge-patch). */
json_t *pvj_load_flags(const char *path, size_t flags, pv_error *err);
/** An id usable in key paths: non-empty, at most PV_MAX_ID bytes, no '.', no control character. */
int pvj_valid_id(const char *s);
/** pvj_valid_id, else -1 + "k: WHAT id must be non-empty, at most 200 bytes, …". */
int pvj_check_id(pvj_ctx *x, const char *id, const char *k, const char *what);
/** One entry of an object keyed by id (resources, rules): key a valid WHAT id,
 * val an object (else "k: msg"). The id copied, or NULL + err. */
char *pvj_entry_id(pvj_ctx *x, const char *key, json_t *val, const char *k, const char *what,
                   const char *msg);
/** Appends p to a pointer array; -1 (nothing changed) when out of memory. */
int pvj_push(void ***arr, size_t *n, void *p);

/* The case's files: its folder, paths relative to it, and the inputs list
 * (every file read, hashed in reports). */
char *pvj_dirname(const char *path);
char *pvj_join_path(const char *dir, const char *rel);
/** Records path as an input of c; -1 when out of memory. */
int pvj_add_input(pv_case *c, const char *path);

/* ---- canon.c */
/** Rewrites yes/no cells to "yes"/"no" and category labels to codes (see canon.c). */
int pv_canon_cells(pv_case *c, pv_error *err);
/** A constraint's filter (column col of t equals *value): when *value is a
 * yes/no word, the column is read as yes/no (every cell canonical, any
 * other spelling an error naming why) and *value becomes "yes" or "no". */
int pv_canon_filter(pv_table *t, int col, char **value, const char *why, pv_error *err);

/* ---- keys.c: the known keys of every kind of object */
/** Whether the key table of kind lists key (then pvj_check_keys let it
 * through; any other key it has already reported). */
int pvj_kind_knows(pvj_keys_kind kind, const char *key);
/** Rejects every key of root (and the objects within) that its kind does not
 * know, with a suggestion; -1 (x->err filled) when one is found. */
int pvj_check_keys(pvj_ctx *x, json_t *root, pvj_keys_kind kind, const char *kp);
/** "comment" and "x-…": annotations, accepted in every object. */
int pvj_annotation_key(const char *key);

/* ---- cond.c: column references and rule conditions */
/** Parses "col", "partner.col" or "country.col" (column resolved later). */
int pvj_field_parse(pvj_ctx *x, const char *text, const char *kp, pv_field *f);
void pvj_field_free(pv_field *f);
/** Parses a rule condition; sets *per_partner when it reads partner./country. fields. */
pv_cond *pvj_cond_parse(pvj_ctx *x, json_t *v, const char *kp, int depth, int *per_partner);
void pvj_cond_free(pv_cond *c);

/* ---- wspec.c: a level's "weighting" */
/** Parses obj's "weighting"; *out stays NULL for direct (the default). */
int pvj_wspec_parse(pvj_ctx *x, json_t *obj, const char *kp, pv_wmethod *m, pv_wspec **out);
/**
 * Checks w (NULL for direct) against the level's criteria, once they are
 * read: each named exactly once (w->kid records which), swing points not all
 * 0. kp is the weighting's key path.
 */
int pvj_wspec_resolve(pvj_ctx *x, pv_wspec *w, pv_criterion **kids, size_t n, const char *kp);

/* ---- model.c */
/** Reads and validates a model object; kp is its key path ("" or "model"),
 * path the file recorded as the model's. */
pv_model *pvj_model_parse(pvj_ctx *x, json_t *root, const char *kp, const char *path);

/* ---- constraint.c */
/** Reads the case's "constraints" (after its tables and resources). */
int pvj_constraints_parse(pvj_ctx *x, pv_case *c, json_t *arr);
void pvj_constraint_free(pv_constraint *k);

/* ---- case.c */
/** The table that obj's member key names (kp: obj's key path): "file.csv",
 * "book.xlsx" (its first sheet) or {"file", "sheet"}; recorded as an input.
 * NULL when absent (an error when required) or on error. */
pv_table *pvj_table_at(pvj_ctx *x, pv_case *c, json_t *obj, const char *kp, const char *key,
                       int required);

/* ---- outcomes.c */
/** Reads the case's "followup" (after resources): the outcomes register. */
int pvj_outcomes_read(pvj_ctx *x, pv_case *c, json_t *v);

/* ---- scenario.c */
struct pv_scenario {
    char *name;
    char *path; /* NULL for settings given as path=value */
    json_t *patch;
};
/** A scenario without a file: name (copied) and patch (a new reference); NULL + err when out of memory. */
pv_scenario *pvj_scenario_new(const char *name, json_t *patch, pv_error *err);
/** RFC 7386 JSON merge patch; returns the new target (a new reference), NULL when out of memory. */
json_t *pvj_merge_patch(json_t *target, json_t *patch);

#endif
