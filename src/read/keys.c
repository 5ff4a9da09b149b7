/* keys.c — the keys every JSON object of a case, model, scenario or weight
 * set may hold, in ONE table per kind of object, and the check that rejects
 * any other key with a "did you mean" suggestion. A misspelt key
 * ("maxx", "partner_colum") must never be silently ignored.
 *
 * To add a key: one line in its kind's table below. An entry names the key
 * and, when its value holds objects with keys of their own, their kind:
 * an object value is checked as that kind; an array's objects each are;
 * with MAP, each member of the object (keyed by id) is. A kind marked FREE
 * takes any key (ids, codes) and checks its object values as its one
 * entry's kind. Everywhere, "comment" and keys that start with "x-" are
 * accepted: they are the documented way to annotate a file. */
#include "json.h"

#include <string.h>

enum {
    K_NONE, /* a plain value: no keys to check */
    K_CASE,
    K_MODEL,
    K_SCENARIO,
    K_HOME,
    K_DATA,
    K_TABLE,
    K_RESOURCE,
    K_CONSTRAINT,
    K_LABELS_COL,
    K_LABEL,
    K_SOLVER,
    K_OBJECTIVE,
    K_FOLLOWUP,
    K_MODEL_FOLLOWUP,
    K_COFINANCING,
    K_CRITERION,
    K_VALUEFN,
    K_WEIGHTING,
    K_RULE,
    K_COND,
    K_REVIEW,
    K_REVIEW_ITEM,
    K_NKINDS
};

#define MAP 0x100 /* with a kind: the value is an object of id -> that kind */

typedef struct key_entry {
    const char *key;
    int kind; /* K_…, optionally | MAP */
} key_entry;

/* ---- the case file (after a scenario's patch is applied) */
static const key_entry CASE_KEYS[] = {
    {"name", K_NONE},          {"description", K_NONE},
    {"model", K_MODEL},        {"home", K_HOME},
    {"data", K_DATA},          {"resources", K_RESOURCE | MAP},
    {"constraints", K_CONSTRAINT}, {"labels", K_LABELS_COL | MAP},
    {"keep_existing", K_NONE}, {"solver", K_SOLVER},
    {"municipality", K_NONE},  {"min_score", K_NONE},
    {"objective", K_OBJECTIVE}, {"followup", K_FOLLOWUP},
    {"cofinancing", K_COFINANCING}, {"weight_sets", K_MODEL | MAP},
    {NULL, 0}};

/* ---- the model (a file, inline under "model", or a weight set's patch) */
static const key_entry MODEL_KEYS[] = {
    {"name", K_NONE},     {"description", K_NONE},     {"source", K_NONE},
    {"language", K_NONE}, {"criteria", K_CRITERION | MAP}, {"weighting", K_WEIGHTING},
    {"rules", K_RULE | MAP}, {"agreement_review", K_REVIEW}, {"followup", K_MODEL_FOLLOWUP},
    {NULL, 0}};
/* "followup": {"report_to": name, "source": text} (whom the follow-up addresses) */
static const key_entry MODEL_FOLLOWUP_KEYS[] = {
    {"report_to", K_LABEL}, {"source", K_NONE}, {NULL, 0}};

/* "agreement_review": {"unused": {"because", "source"}, "inactive": {…}} */
static const key_entry REVIEW_KEYS[] = {
    {"unused", K_REVIEW_ITEM}, {"inactive", K_REVIEW_ITEM}, {NULL, 0}};
static const key_entry REVIEW_ITEM_KEYS[] = {{"because", K_LABEL}, {"source", K_NONE}, {NULL, 0}};

/* ---- a scenario file; its patch is checked as the case it makes */
static const key_entry SCENARIO_KEYS[] = {
    {"name", K_NONE}, {"description", K_NONE}, {"patch", K_NONE}, {NULL, 0}};

static const key_entry HOME_KEYS[] = {{"lat", K_NONE}, {"lon", K_NONE}, {NULL, 0}};

/* A table is a path, or {"file", "sheet"} (a workbook's sheet). */
static const key_entry DATA_KEYS[] = {
    {"projects", K_TABLE}, {"partners", K_TABLE}, {"countries", K_TABLE}, {NULL, 0}};
static const key_entry TABLE_KEYS[] = {{"file", K_NONE}, {"sheet", K_NONE}, {NULL, 0}};

static const key_entry RESOURCE_KEYS[] = {
    {"column", K_NONE}, {"partner_column", K_NONE}, {"limit", K_NONE}, {"name", K_LABEL},
    {"label", K_LABEL}, {"labels", K_LABEL},       {"unit", K_LABEL}, {NULL, 0}};

static const key_entry CONSTRAINT_KEYS[] = {
    {"type", K_NONE},    {"id", K_NONE},      {"name", K_LABEL},    {"label", K_LABEL},
    {"labels", K_LABEL}, {"min", K_NONE},     {"max", K_NONE},      {"column", K_NONE},
    {"value", K_NONE},   {"resource", K_NONE}, {"project", K_NONE}, {"needs", K_NONE},
    {"projects", K_NONE}, {"in", K_NONE},     {"out", K_NONE},      {NULL, 0}};

/* "labels": {column: {code: "name" | {"sv", "en"}}}: codes are free. */
static const key_entry LABELS_COL_KEYS[] = {{"", K_LABEL}, {NULL, 0}};
/* A display name in both languages. */
static const key_entry LABEL_KEYS[] = {{"sv", K_NONE}, {"en", K_NONE}, {NULL, 0}};

static const key_entry SOLVER_KEYS[] = {{"time_limit_s", K_NONE}, {"mip_gap", K_NONE}, {NULL, 0}};
static const key_entry OBJECTIVE_KEYS[] = {{"type", K_NONE}, {"column", K_NONE}, {NULL, 0}};
static const key_entry FOLLOWUP_KEYS[] = {
    {"outcomes", K_TABLE}, {"actual", K_NONE}, {"external", K_NONE}, {"review_months", K_NONE},
    {NULL, 0}};
static const key_entry COFINANCING_KEYS[] = {
    {"grant", K_NONE}, {"probability", K_NONE}, {"contingent", K_NONE}, {"programme", K_NONE},
    {"commit", K_NONE}, {"alpha", K_NONE},     {"scenarios", K_NONE},  {"seed", K_NONE},
    {NULL, 0}};

static const key_entry CRITERION_KEYS[] = {
    {"label", K_LABEL},    {"name", K_LABEL},       {"labels", K_LABEL},
    {"source", K_NONE},    {"weight", K_NONE},      {"weight_range", K_NONE},
    {"column", K_NONE},    {"value", K_VALUEFN},    {"aggregate", K_NONE},
    {"missing", K_NONE},   {"children", K_CRITERION | MAP}, {"weighting", K_WEIGHTING},
    {"min", K_NONE},       {NULL, 0}};

/* "map" holds categories and "points" ([x, v] pairs): plain values. */
static const key_entry VALUEFN_KEYS[] = {
    {"type", K_NONE}, {"worst", K_NONE}, {"best", K_NONE}, {"points", K_NONE}, {"map", K_NONE},
    {NULL, 0}};

/* Swing "points" are keyed by criterion id: a plain value. */
static const key_entry WEIGHTING_KEYS[] = {
    {"method", K_NONE}, {"formula", K_NONE}, {"order", K_NONE}, {"points", K_NONE},
    {"ri", K_NONE},     {"matrix", K_NONE},  {NULL, 0}};

static const key_entry RULE_KEYS[] = {
    {"if", K_COND},     {"then", K_NONE},   {"because", K_LABEL}, {"source", K_NONE},
    {"name", K_LABEL},  {"label", K_LABEL}, {"labels", K_LABEL},  {NULL, 0}};

static const key_entry COND_KEYS[] = {
    {"field", K_NONE}, {"op", K_NONE}, {"value", K_NONE}, {"all", K_COND}, {"any", K_COND},
    {"not", K_COND},   {NULL, 0}};

static const struct kind {
    const key_entry *keys;
    int free; /* any key; object values checked as keys[0]'s kind */
} KINDS[K_NKINDS] = {
    [K_CASE] = {CASE_KEYS, 0},         [K_MODEL] = {MODEL_KEYS, 0},
    [K_SCENARIO] = {SCENARIO_KEYS, 0}, [K_HOME] = {HOME_KEYS, 0},
    [K_DATA] = {DATA_KEYS, 0},         [K_TABLE] = {TABLE_KEYS, 0},
    [K_RESOURCE] = {RESOURCE_KEYS, 0}, [K_CONSTRAINT] = {CONSTRAINT_KEYS, 0},
    [K_LABELS_COL] = {LABELS_COL_KEYS, 1}, [K_LABEL] = {LABEL_KEYS, 0},
    [K_SOLVER] = {SOLVER_KEYS, 0},     [K_OBJECTIVE] = {OBJECTIVE_KEYS, 0},
    [K_FOLLOWUP] = {FOLLOWUP_KEYS, 0}, [K_MODEL_FOLLOWUP] = {MODEL_FOLLOWUP_KEYS, 0},
    [K_COFINANCING] = {COFINANCING_KEYS, 0},
    [K_CRITERION] = {CRITERION_KEYS, 0}, [K_VALUEFN] = {VALUEFN_KEYS, 0},
    [K_WEIGHTING] = {WEIGHTING_KEYS, 0}, [K_RULE] = {RULE_KEYS, 0},
    [K_COND] = {COND_KEYS, 0},         [K_REVIEW] = {REVIEW_KEYS, 0},
    [K_REVIEW_ITEM] = {REVIEW_ITEM_KEYS, 0},
};

int pvj_annotation_key(const char *key)
{
    return !strcmp(key, "comment") || !strncmp(key, "x-", 2);
}

static void check_kind(pvj_ctx *x, json_t *v, int kind, const char *kp, int depth);

/* A member's value: its objects checked as the entry's kind. */
static void check_value(pvj_ctx *x, json_t *v, int kind, const char *kp, int depth)
{
    int k = kind & ~MAP;
    if (k == K_NONE || depth > 200)
        return;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            char ki[KP];
            pvj_idx(ki, kp, i);
            check_value(x, json_array_get(v, i), kind, ki, depth + 1);
        }
        return;
    }
    if (!json_is_object(v))
        return;
    if (!(kind & MAP)) {
        check_kind(x, v, k, kp, depth + 1);
        return;
    }
    const char *id;
    json_t *m;
    json_object_foreach(v, id, m)
    {
        char ki[KP];
        pvj_key(ki, kp, id);
        if (json_is_object(m))
            check_kind(x, m, k, ki, depth + 1);
    }
}

static void unknown_key(pvj_ctx *x, const key_entry *keys, const char *key, const char *kp)
{
    /* a model's "labels" was once accepted and then ignored: the codes'
     * names are the case's, which every model of the case shares */
    if (keys == MODEL_KEYS && !strcmp(key, "labels")) {
        pv_err(x->err, PV_EINPUT, x->file, 0, 0,
               "unknown key 'labels' %s%s: the names of data codes belong in the case file's "
               "\"labels\" (models/README.md, \"Case file\")",
               kp[0] ? "in " : "at the top level", kp);
        return;
    }
    pv_suggest s;
    pv_suggest_init(&s, key, 2);
    for (const key_entry *e = keys; e->key; e++)
        pv_suggest_offer(&s, e->key);
    char hint[300];
    pv_suggest_hint(&s, hint, sizeof hint);
    pv_err(x->err, PV_EINPUT, x->file, 0, 0, "unknown key '%s' %s%s%s", key,
           kp[0] ? "in " : "at the top level", kp,
           hint[0] ? hint
           : keys == LABEL_KEYS
               ? ": a text in both languages is {\"sv\": …, \"en\": …}"
               : " (to annotate, use \"comment\" or a key that starts with \"x-\")");
}

static void check_kind(pvj_ctx *x, json_t *obj, int kind, const char *kp, int depth)
{
    const struct kind *K = &KINDS[kind];
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v)
    {
        if (pvj_annotation_key(key))
            continue;
        char kk[KP];
        pvj_key(kk, kp, key);
        if (K->free) {
            check_value(x, v, K->keys[0].kind, kk, depth);
            continue;
        }
        const key_entry *e = K->keys;
        while (e->key && strcmp(e->key, key))
            e++;
        if (!e->key) {
            unknown_key(x, K->keys, key, kp);
            if (!pv_err_collecting())
                return;
            continue;
        }
        if (!json_is_null(v))
            check_value(x, v, e->kind, kk, depth);
    }
}

static const int MAPK[] = {[PVJ_KEYS_CASE] = K_CASE,           [PVJ_KEYS_MODEL] = K_MODEL,
                           [PVJ_KEYS_SCENARIO] = K_SCENARIO,   [PVJ_KEYS_CONSTRAINT] = K_CONSTRAINT,
                           [PVJ_KEYS_COND] = K_COND,           [PVJ_KEYS_VALUEFN] = K_VALUEFN,
                           [PVJ_KEYS_WEIGHTING] = K_WEIGHTING, [PVJ_KEYS_CRITERION] = K_CRITERION};

int pvj_kind_knows(pvj_keys_kind kind, const char *key)
{
    for (const key_entry *e = KINDS[MAPK[kind]].keys; e->key; e++)
        if (!strcmp(e->key, key))
            return 1;
    return 0;
}

int pvj_check_keys(pvj_ctx *x, json_t *root, pvj_keys_kind kind, const char *kp)
{
    if (!json_is_object(root))
        return 0;
    pv_error e;
    pv_error_clear(&e);
    pvj_ctx y = {.file = x->file, .err = &e};
    check_kind(&y, root, MAPK[kind], kp, 0);
    if (!pv_failed(&e))
        return 0;
    if (!pv_failed(x->err))
        *x->err = e;
    return -1;
}
