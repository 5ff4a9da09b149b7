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

int pvj_name(pvj_ctx *x, json_t *obj, const char *key, const char *kp, char **sv, char **en)
{
    char k[KP];
    *sv = *en = NULL;
    json_t *v = pvj_member(x, obj, key, kp, 0, k);
    if (!v)
        return 0;
    const char *s = NULL, *e = NULL;
    if (json_is_string(v))
        s = e = json_string_value(v);
    else if (json_is_object(v)) {
        s = pvj_str(x, v, "sv", k, 0);
        e = pvj_str(x, v, "en", k, 0);
        if (pv_failed(x->err))
            return -1;
    } else {
        pvj_err(x, k, "must be a string or {\"sv\": …, \"en\": …}, not %s", pvj_type(v));
        return -1;
    }
    if ((s && !s[0]) || (e && !e[0])) {
        pvj_err(x, k, "must not be empty");
        return -1;
    }
    *sv = pvj_dup(x, s ? s : e);
    *en = pvj_dup(x, e ? e : s);
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

char *pvj_dup(pvj_ctx *x, const char *s)
{
    if (!s)
        return NULL;
    char *d = pv_strdup(s);
    if (!d)
        pv_err_nomem(x->err);
    return d;
}

void *pvj_alloc(pvj_ctx *x, size_t n, size_t size)
{
    void *p = pv_calloc(n, size);
    if (!p)
        pv_err_nomem(x->err);
    return p;
}

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
