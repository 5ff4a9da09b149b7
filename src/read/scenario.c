/* scenario.c — scenarios: RFC 7386 merge patches over the case (a scenario
 * file, or path=value settings), applied when the case is read. */
#include "json.h"

#include <string.h>

json_t *pvj_merge_patch(json_t *target, json_t *patch)
{
    if (!json_is_object(patch))
        return json_incref(patch);
    json_t *t = json_is_object(target) ? json_deep_copy(target) : json_object();
    if (!t)
        return NULL;
    const char *key;
    json_t *val;
    json_object_foreach(patch, key, val)
    {
        if (json_is_null(val)) {
            json_object_del(t, key);
            continue;
        }
        json_t *nv = pvj_merge_patch(json_object_get(t, key), val);
        if (!nv || json_object_set_new(t, key, nv)) {
            json_decref(t);
            return NULL;
        }
    }
    return t;
}

int pvj_patch_deletes_exist(pvj_ctx *x, json_t *target, json_t *patch, const char *kp)
{
    const char *key;
    json_t *val;
    json_object_foreach(patch, key, val)
    {
        char k[KP];
        pvj_key(k, kp, key);
        json_t *t = json_is_object(target) ? json_object_get(target, key) : NULL;
        if (json_is_null(val) && !t) {
            pv_suggest s;
            pv_suggest_init(&s, key, 2);
            const char *tk;
            json_t *tv;
            if (json_is_object(target))
                json_object_foreach(target, tk, tv)
                {
                    (void)tv;
                    pv_suggest_offer(&s, tk);
                }
            char hint[300];
            pv_suggest_hint(&s, hint, sizeof hint);
            pvj_err(x, k, "null deletes '%s', which is not there%s", key, hint);
            return -1;
        }
        if (json_is_object(val) && pvj_patch_deletes_exist(x, t, val, k))
            return -1;
    }
    return 0;
}

void pv_scenario_free(pv_scenario *s)
{
    if (!s)
        return;
    json_decref(s->patch);
    void *own[] = {s->name, s->path, s};
    pv_free_each(own, sizeof own / sizeof *own);
}

const char *pv_scenario_name(const pv_scenario *s) { return s->name; }

pv_scenario *pv_scenario_load(const char *path, pv_error *err)
{
    pvj_ctx x = {.file = path, .err = err};
    json_t *root = pvj_load(path, err);
    if (!root)
        return NULL;
    pv_scenario *s = NULL;
    if (!json_is_object(root)) {
        pv_err(err, PV_EINPUT, path, 0, 0,
               "a scenario must be an object {\"name\": …, \"patch\": {…}}");
        goto done;
    }
    if (pvj_check_keys(&x, root, PVJ_KEYS_SCENARIO, ""))
        goto done;
    const char *name = pvj_str(&x, root, "name", "", 1);
    if (!name)
        goto done;
    json_t *patch = json_object_get(root, "patch");
    if (!json_is_object(patch)) {
        pvj_err(&x, "patch", patch ? "must be an object (an RFC 7386 merge patch)" : "is required");
        goto done;
    }
    s = pv_calloc(1, sizeof *s);
    if (!s || !(s->name = pv_strdup(name)) || !(s->path = pv_strdup(path))) {
        pv_scenario_free(s);
        s = NULL;
        pv_err_nomem(err);
        goto done;
    }
    s->patch = json_incref(patch);
done:
    json_decref(root);
    return s;
}

/* "a.b.c=value": value is JSON when it parses as JSON, else a string. */
pv_scenario *pv_scenario_from_sets(const char *name, const char *const *sets, size_t n,
                                   pv_error *err)
{
    pv_scenario *s = pv_calloc(1, sizeof *s);
    /* A scenario given as settings is named by them ("a.b=1, c=2"), so that
     * a report says what was changed; the option's name says nothing. */
    size_t nl = 1;
    for (size_t i = 0; i < n; i++)
        nl += strlen(sets[i]) + 2;
    int by_sets = !name || !strncmp(name, "--", 2);
    char *nm = by_sets ? pv_malloc(nl) : pv_strdup(name);
    if (nm && by_sets) {
        nm[0] = '\0';
        for (size_t i = 0; i < n; i++) {
            if (i)
                strcat(nm, ", ");
            strcat(nm, sets[i]);
        }
    }
    if (s)
        s->name = nm;
    else
        pv_free(nm);
    if (!s || !nm || !(s->patch = json_object())) {
        pv_scenario_free(s);
        pv_err_nomem(err);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const char *eq = strchr(sets[i], '=');
        int l, cl;
        if (!eq || eq == sets[i] || pv_utf8_check(sets[i], strlen(sets[i]), &l, &cl) != 0) {
            pv_err(err, PV_EUSAGE, NULL, 0, 0, "a setting takes path=value in UTF-8, not '%s'",
                   sets[i]);
            pv_scenario_free(s);
            return NULL;
        }
        unsigned long fails = pv_alloc_failures();
        pv_alloc_json_parsing(1);
        json_t *val = json_loads(eq + 1, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, NULL);
        pv_alloc_json_parsing(0);
        if (!val && pv_alloc_failures() == fails)
            val = json_string(eq + 1);
        if (!val) {
            pv_err_nomem(err);
            pv_scenario_free(s);
            return NULL;
        }
        json_t *obj = s->patch;
        const char *p = sets[i];
        int ok = val != NULL, oom = 0; /* oom: an allocation failed (not a bad path) */
        unsigned long fails0 = pv_alloc_failures();
        while (ok) {
            const char *dot = memchr(p, '.', (size_t)(eq - p));
            size_t klen = (size_t)((dot ? dot : eq) - p);
            char *key = pv_strndup(p, klen);
            if (!key || !klen) { /* the setting is UTF-8 (checked): keys are too */
                oom = !key;
                pv_free(key);
                ok = 0;
                break;
            }
            if (!dot) {
                ok = json_object_set(obj, key, val) == 0;
                oom = !ok;
                pv_free(key);
                break;
            }
            json_t *next = json_object_get(obj, key);
            if (!json_is_object(next)) {
                next = json_object();
                if (!next || json_object_set_new(obj, key, next))
                    ok = 0, oom = 1;
            }
            pv_free(key);
            obj = next;
            p = dot + 1;
        }
        json_decref(val);
        if (!ok && (oom || pv_alloc_failures() != fails0)) {
            pv_err_nomem(err);
            pv_scenario_free(s);
            return NULL;
        }
        if (!ok) {
            pv_err(err, PV_EUSAGE, NULL, 0, 0, "setting '%s': not a valid path=value", sets[i]);
            pv_scenario_free(s);
            return NULL;
        }
    }
    return s;
}

/* JSON text given inline; what ("target", "patch") stands for the file in
 * messages. NULL + err (out of memory, or invalid JSON at line:column). */
static json_t *parse_text(const char *text, size_t flags, const char *what, pv_error *err)
{
    json_error_t je;
    unsigned long fails = pv_alloc_failures();
    pv_alloc_json_parsing(1);
    json_t *v = json_loads(text, flags, &je);
    pv_alloc_json_parsing(0);
    if (!v && pv_alloc_failures() != fails)
        pv_err_nomem(err);
    else if (!v)
        pv_err(err, PV_EINPUT, what, je.line, je.column, "invalid JSON: %s", je.text);
    return v;
}

/* target patched by patch as compact JSON text (pv_free it); NULL + err when
 * out of memory. */
static char *merged_text(json_t *target, json_t *patch, pv_error *err)
{
    json_t *r = pvj_merge_patch(target, patch);
    /* Dumped into our own buffer: the caller frees it with pv_free, whatever
     * allocator Jansson has. */
    const size_t flags = JSON_ENCODE_ANY | JSON_COMPACT;
    size_t n = r ? json_dumpb(r, NULL, 0, flags) : 0;
    char *out = n ? pv_malloc(n + 1) : NULL;
    if (out && json_dumpb(r, out, n, flags) == n)
        out[n] = '\0';
    else {
        pv_free(out);
        out = NULL;
        pv_err_nomem(err);
    }
    json_decref(r);
    return out;
}

char *pv_merge_patch_text(const char *target, const char *patch, pv_error *err)
{
    json_t *t = parse_text(target, JSON_DECODE_ANY, "target", err);
    if (!t)
        return NULL;
    json_t *p = parse_text(patch, JSON_DECODE_ANY, "patch", err);
    if (!p) {
        json_decref(t);
        return NULL;
    }
    char *out = merged_text(t, p, err);
    json_decref(t);
    json_decref(p);
    return out;
}

pv_scenario *pv_scenario_from_patch(const char *name, const char *patch, pv_error *err)
{
    json_t *p = parse_text(patch ? patch : "", JSON_REJECT_DUPLICATES, "patch", err);
    if (!p)
        return NULL;
    pv_scenario *s = NULL;
    if (!json_is_object(p))
        pv_err(err, PV_EINPUT, NULL, 0, 0, "patch: must be an object (an RFC 7386 merge patch)");
    else if (!(s = pvj_scenario_new(name, p, err)))
        s = NULL;
    json_decref(p);
    return s;
}

pv_scenario *pvj_scenario_new(const char *name, json_t *patch, pv_error *err)
{
    pv_scenario *s = pv_calloc(1, sizeof *s);
    if (!s || !(s->name = pv_strdup(name ? name : ""))) {
        pv_scenario_free(s);
        pv_err_nomem(err);
        return NULL;
    }
    s->patch = json_incref(patch);
    return s;
}

char *pv_merge_patch_files(const char *target_path, const char *patch_path, pv_error *err)
{
    /* As every input: regular files only (a FIFO would hang, a directory
     * would read as nothing), within the size limit, all of it parsed (a NUL
     * byte cannot cut it short). */
    const size_t flags = JSON_DECODE_ANY | JSON_REJECT_DUPLICATES;
    json_t *t = pvj_load_flags(target_path, flags, err);
    json_t *p = t ? pvj_load_flags(patch_path, flags, err) : NULL;
    char *out = t && p ? merged_text(t, p, err) : NULL;
    json_decref(t);
    json_decref(p);
    return out;
}
