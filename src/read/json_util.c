/* json_util.c — what the model, case and scenario readers share: key-path
 * messages, typed getters, JSON files, ids and the case's paths. */
#include "json.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pvj_err(pvj_ctx *x, const char *kp, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pv_err(x->err, PV_EINPUT, x->file, 0, 0, "%s: %s", kp, msg);
}

void pvj_key(char *out, const char *kp, const char *key)
{
    if (snprintf(out, KP, "%s%s%s", kp, kp[0] ? "." : "", key) >= KP)
        pv_utf8_trim_partial(out);
}

void pvj_idx(char *out, const char *kp, size_t i)
{
    if (snprintf(out, KP, "%s[%zu]", kp, i) >= KP)
        pv_utf8_trim_partial(out);
}

const char *pvj_type(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    default:
        return "null";
    }
}

json_t *pvj_member(pvj_ctx *x, json_t *obj, const char *key, const char *kp, int required, char *k)
{
    pvj_key(k, kp, key);
    json_t *v = json_object_get(obj, key);
    if (!v && required)
        pvj_err(x, k, "is required");
    return v;
}

const char *pvj_str(pvj_ctx *x, json_t *obj, const char *key, const char *kp, int required)
{
    char k[KP];
    json_t *v = pvj_member(x, obj, key, kp, required, k);
    if (!v)
        return NULL;
    if (!json_is_string(v)) {
        pvj_err(x, k, "must be a string, not %s", pvj_type(v));
        return NULL;
    }
    return json_string_value(v);
}

int pvj_sv_en(pvj_ctx *x, json_t *v, const char *k, int say_type, const char **sv, const char **en)
{
    *sv = *en = NULL;
    if (json_is_string(v)) {
        *sv = *en = json_string_value(v);
        return 0;
    }
    if (!json_is_object(v)) {
        pvj_err(x, k, "must be a string or {\"sv\": …, \"en\": …}%s%s", say_type ? ", not " : "",
                say_type ? pvj_type(v) : "");
        return -1;
    }
    *sv = pvj_str(x, v, "sv", k, 0);
    *en = pvj_str(x, v, "en", k, 0);
    return pv_failed(x->err) ? -1 : 0;
}

int pvj_expect(pvj_ctx *x, json_t *v, json_type t, const char *kp, const char *msg)
{
    if (v && json_typeof(v) == t)
        return 0;
    pvj_err(x, kp, "%s", msg);
    return -1;
}

int pvj_opt(pvj_ctx *x, json_t *v, json_type t, const char *kp, const char *msg)
{
    if (!v)
        return 0;
    return pvj_expect(x, v, t, kp, msg) ? -1 : 1;
}

json_t *pvj_nonempty(pvj_ctx *x, json_t *obj, const char *key, const char *kp, json_type t, char *k,
                     const char *msg)
{
    json_t *v = pvj_member(x, obj, key, kp, 0, k);
    size_t n = t == JSON_ARRAY ? json_array_size(v) : json_object_size(v);
    if (!v || json_typeof(v) != t || n == 0) {
        pvj_err(x, k, "%s", msg);
        return NULL;
    }
    return v;
}

int pvj_choice(pvj_ctx *x, json_t *obj, const char *key, const char *kp, const char *const *names,
               int dflt)
{
    const char *s = pvj_str(x, obj, key, kp, 0);
    if (pv_failed(x->err))
        return -1;
    if (!s)
        return dflt;
    int n = 0;
    for (; names[n]; n++)
        if (!strcmp(s, names[n]))
            return n;
    char list[256] = "", k[KP];
    size_t len = 0;
    for (int i = 0; i < n && len < sizeof list; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
                                i == 0       ? ""
                                : i == n - 1 ? " or "
                                             : ", ",
                                names[i]);
    pvj_key(k, kp, key);
    pvj_err(x, k, "must be %s, not '%s'", list, s);
    return -1;
}

int pvj_each(pvj_ctx *x, json_t *obj, const char *kp, pvj_member_fn fn, void *ctx)
{
    const char *key;
    json_t *val;
    json_object_foreach(obj, key, val)
    {
        char k[KP];
        pvj_key(k, kp, key);
        if (fn(x, key, val, k, ctx))
            return -1;
    }
    return 0;
}

int pvj_only(pvj_ctx *x, json_t *obj, const char *kp, pvj_keys_kind kind, const char *what,
             const char *const *keys, const char *const *also)
{
    const char *key;
    json_t *val;
    json_object_foreach(obj, key, val)
    {
        int ok = pvj_annotation_key(key) || !pvj_kind_knows(kind, key);
        for (size_t i = 0; !ok && keys[i]; i++)
            ok = !strcmp(key, keys[i]);
        for (size_t i = 0; !ok && also && also[i]; i++)
            ok = !strcmp(key, also[i]);
        if (ok)
            continue;
        char takes[200] = "", k[KP];
        for (size_t i = 0; keys[i]; i++)
            snprintf(takes + strlen(takes), sizeof takes - strlen(takes), "%s%s",
                     i == 0        ? ""
                     : keys[i + 1] ? ", "
                                   : " and ",
                     keys[i]);
        pvj_key(k, kp, key);
        pvj_err(x, k, "%s does not use %s (it takes %s)", what, key, takes);
        return -1;
    }
    return 0;
}

const char *pvj_name_key(pvj_ctx *x, json_t *obj, const char *kp, const char *dflt)
{
    static const char *const KEYS[] = {"name", "label", "labels"};
    const char *found = NULL;
    for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++) {
        if (!json_object_get(obj, KEYS[i]))
            continue;
        /* the same name twice reads the same either way */
        if (found && !json_equal(json_object_get(obj, found), json_object_get(obj, KEYS[i]))) {
            /* one of them would be ignored: never silently */
            pvj_err(x, kp, "has both \"%s\" and \"%s\", which both give its display name: keep one",
                    found, KEYS[i]);
            return NULL;
        }
        found = KEYS[i];
    }
    return found ? found : dflt;
}

int pvj_display_name(pvj_ctx *x, json_t *obj, const char *kp, const char *dflt, char **sv,
                     char **en)
{
    const char *key = pvj_name_key(x, obj, kp, dflt);
    return key ? pvj_name(x, obj, key, kp, sv, en) : -1;
}

int pvj_name(pvj_ctx *x, json_t *obj, const char *key, const char *kp, char **sv, char **en)
{
    char k[KP];
    *sv = *en = NULL;
    json_t *v = pvj_member(x, obj, key, kp, 0, k);
    if (!v)
        return 0;
    const char *s, *e;
    if (pvj_sv_en(x, v, k, 1, &s, &e))
        return -1;
    if ((s && !s[0]) || (e && !e[0])) {
        pvj_err(x, k, "must not be empty");
        return -1;
    }
    return pvj_dup_pair(x, s, e, NULL, sv, en);
}

int pvj_dup_pair(pvj_ctx *x, const char *s, const char *e, const char *dflt, char **sv, char **en)
{
    *sv = pvj_dup(x, s ? s : e ? e : dflt);
    *en = pvj_dup(x, e ? e : s ? s : dflt);
    return pv_failed(x->err) ? -1 : 0;
}

int pvj_num(pvj_ctx *x, json_t *obj, const char *key, const char *kp, double *out)
{
    char k[KP];
    pvj_key(k, kp, key);
    json_t *v = json_object_get(obj, key);
    if (!v)
        return 0;
    if (!json_is_number(v)) {
        /* "450 000" or "0,5" typed in quotes: the number it holds, as JSON wants it */
        double t;
        if (json_is_string(v) && pv_parse_number(json_string_value(v), 1, &t) == 0)
            pvj_err(x, k,
                    "must be a number, not a string: write %.15g (no quotes, no spaces, a "
                    "decimal point)",
                    t);
        else
            pvj_err(x, k, "must be a number, not %s", pvj_type(v));
        return -1;
    }
    double d = json_number_value(v);
    if (!isfinite(d)) {
        pvj_err(x, k, "must be a finite number");
        return -1;
    }
    *out = d;
    return 1;
}

int pvj_num_pair(pvj_ctx *x, json_t *obj, const char *kp, const char *msg,
                 const char *const keys[2], double *const out[2], int found[2])
{
    int rc = pvj_opt(x, obj, JSON_OBJECT, kp, msg);
    if (rc <= 0)
        return rc;
    int got[2];
    for (int i = 0; i < 2; i++) {
        got[i] = pvj_num(x, obj, keys[i], kp, out[i]);
        if (found)
            found[i] = got[i];
    }
    return got[0] < 0 || got[1] < 0 ? -1 : 1;
}

char *pvj_dup(pvj_ctx *x, const char *s)
{
    if (!s)
        return NULL;
    char *d = pv_strdup(s);
    if (!d)
        pv_err_nomem(x->err);
    return d;
}

void *pvj_alloc(pvj_ctx *x, size_t n, size_t size) { return pv_calloc_err(n, size, x->err); }

/* " (trailing comma on line N?)" when the token at the error is '}' or ']'
 * and the last thing before it is a comma; "" otherwise. */
static void comma_hint(const char *data, size_t len, size_t pos, char *out, size_t size)
{
    out[0] = '\0';
    if (pos == 0 || pos > len || (data[pos - 1] != '}' && data[pos - 1] != ']'))
        return;
    size_t i = pos - 1;
    while (i > 0 && (data[i - 1] == ' ' || data[i - 1] == '\t' || data[i - 1] == '\n' ||
                     data[i - 1] == '\r'))
        i--;
    if (i == 0 || data[i - 1] != ',')
        return;
    int line = 1;
    for (size_t k = 0; k + 1 < i; k++)
        line += data[k] == '\n';
    snprintf(out, size, " (trailing comma? line %d ends with ',' before '%c': JSON allows none)",
             line, data[pos - 1]);
}

json_t *pvj_load_flags(const char *path, size_t flags, pv_error *err)
{
    size_t len;
    char *data = pv_read_file(path, &len, err);
    if (!data)
        return NULL;
    /* A UTF-8 byte order mark (Windows Notepad writes one) is skipped, as in CSV. */
    size_t bom = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    const char *nul = memchr(data, '\0', len);
    /* Notepad's "Unicode" and PowerShell's default are UTF-16: every other
     * byte NUL, with or without a byte order mark */
    int utf16 = len >= 2 && ((!memcmp(data, "\xFF\xFE", 2) || !memcmp(data, "\xFE\xFF", 2)) ||
                             (nul && (nul == data || nul == data + 1)));
    if (utf16 && nul) {
        pv_err(err, PV_EINPUT, path, 1, 0,
               "the file is UTF-16 (\"Unicode\"); save it as UTF-8 (Notepad: Save as, "
               "Encoding UTF-8)");
        pv_free(data);
        return NULL;
    }
    if (nul) {
        int line = 1;
        for (const char *q = data; q < nul; q++)
            line += *q == '\n';
        pv_err(err, PV_EINPUT, path, line, 0, "file contains a NUL byte; not a text file");
        pv_free(data);
        return NULL;
    }
    json_error_t je;
    unsigned long fails = pv_alloc_failures();
    pv_alloc_json_parsing(1);
    json_t *root = json_loadb(data + bom, len - bom, flags, &je);
    pv_alloc_json_parsing(0);
    if (!root) {
        /* Jansson's own allocations are not always ours to count (no
         * failure hook in a plain run), but it says when it ran out, or it
         * fails before it can say anything (the lexer's buffer). */
        if (pv_alloc_failures() != fails || json_error_code(&je) == json_error_out_of_memory ||
            !je.text[0])
            pv_err_nomem(err);
        else {
            char hint[160];
            comma_hint(data + bom, len - bom, (size_t)je.position, hint, sizeof hint);
            pv_err(err, PV_EINPUT, path, je.line > 0 ? je.line : 0, je.column > 0 ? je.column : 0,
                   "invalid JSON: %s%s", je.text, hint);
        }
    }
    pv_free(data);
    return root;
}

json_t *pvj_load(const char *path, pv_error *err)
{
    return pvj_load_flags(path, JSON_REJECT_DUPLICATES, err);
}

int pvj_valid_id(const char *s)
{
    if (!s[0] || strlen(s) > PV_MAX_ID)
        return 0;
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '.')
            return 0;
    return 1;
}
int pvj_check_id(pvj_ctx *x, const char *id, const char *k, const char *what)
{
    if (pvj_valid_id(id))
        return 0;
    pvj_err(x, k, "%s id must be non-empty, at most 200 bytes, without '.' or control characters",
            what);
    return -1;
}

char *pvj_entry_id(pvj_ctx *x, const char *key, json_t *val, const char *k, const char *what,
                   const char *msg)
{
    if (pvj_check_id(x, key, k, what) || pvj_expect(x, val, JSON_OBJECT, k, msg))
        return NULL;
    return pvj_dup(x, key);
}

int pvj_push(void ***arr, size_t *n, void *p)
{
    void **a = pv_realloc(*arr, (*n + 1) * sizeof *a);
    if (!a)
        return -1;
    a[(*n)++] = p;
    *arr = a;
    return 0;
}

/* ------------------------------------------------------------------- case */

char *pvj_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return pv_strdup(".");
    if (slash == path)
        return pv_strdup("/");
    return pv_strndup(path, (size_t)(slash - path));
}

char *pvj_join_path(const char *dir, const char *rel)
{
    if (rel[0] == '/' || !strcmp(dir, "."))
        return pv_strdup(rel);
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = pv_malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

int pvj_add_input(pv_case *c, const char *path)
{
    for (size_t i = 0; i < c->ninputs; i++) /* a workbook that holds several tables */
        if (!strcmp(c->inputs[i], path))
            return 0;
    char *d = pv_strdup(path);
    if (!d || pvj_push((void ***)&c->inputs, &c->ninputs, d)) {
        pv_free(d);
        return -1;
    }
    return 0;
}
