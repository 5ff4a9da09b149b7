/* request.c — the JSON of `partnerval serve`'s requests (see request.h). */
#include "request.h"

#include "json.h"

#include <string.h>

void pv_api_body_free(pv_api_body *b)
{
    pv_scenario_free(b->patch);
    for (size_t i = 0; i < b->nopts; i++) {
        pv_free(b->opts[i].key);
        pv_free(b->opts[i].str);
    }
    pv_free(b->opts);
    for (size_t i = 0; i < b->nscen; i++)
        pv_scenario_free(b->scen[i]);
    pv_free(b->scen);
    pv_free(b->name);
    pv_free(b->scenario_text);
    memset(b, 0, sizeof *b);
}

static int bad(pv_error *err, const char *kp, const char *msg)
{
    pv_err(err, PV_EINPUT, NULL, 0, 0, "%s: %s", kp, msg);
    return -1;
}

/* The server opens only the files the case on disk names: a patch that
 * would name another (the model as a path, any "data" table, the follow-up
 * register) is refused before anything is read. */
static int no_paths(json_t *patch, const char *kp, pv_error *err)
{
    char k[KP];
    json_t *v = json_object_get(patch, "model"), *f = json_object_get(patch, "followup");
    const char *what = NULL;
    if (v && !json_is_object(v) && !json_is_null(v))
        what = "model";
    else if (json_object_get(patch, "data"))
        what = "data";
    else if (json_is_object(f) && json_object_get(f, "outcomes"))
        what = "followup.outcomes";
    if (!what)
        return 0;
    pvj_key(k, kp, what);
    return bad(err, k,
               "names a file, and the server opens only the files of the case as saved: change "
               "them on disk (the page then offers to reload), or patch the model inline");
}

/* One option: true/false, a number or a string, by its long name. */
static int parse_opt(pvj_ctx *x, const char *key, json_t *v, const char *kp, void *ctx)
{
    pv_api_body *b = ctx;
    pv_error *err = x->err;
    pv_api_opt *a = &b->opts[b->nopts];
    if (json_is_boolean(v)) {
        a->kind = PV_API_BOOL;
        a->b = json_is_true(v);
    } else if (json_is_number(v)) {
        a->kind = PV_API_NUM;
        a->num = json_number_value(v);
    } else if (json_is_string(v)) {
        a->kind = PV_API_STR;
        if (!(a->str = pv_strdup(json_string_value(v)))) {
            pv_err_nomem(err);
            return -1;
        }
    } else {
        pv_free(a->str);
        return bad(err, kp, "must be true, false, a number or a string");
    }
    if (!(a->key = pv_strdup(key))) {
        pv_free(a->str);
        a->str = NULL;
        pv_err_nomem(err);
        return -1;
    }
    b->nopts++;
    return 0;
}

static int parse_opts(json_t *o, pv_api_body *b, pv_error *err)
{
    pvj_ctx x = {.file = NULL, .err = err}; /* a request: messages name no file */
    if (pvj_expect(&x, o, JSON_OBJECT, "options",
                   "must be an object of the command's options by their long names") ||
        !(b->opts = pvj_alloc(&x, json_object_size(o) + 1, sizeof *b->opts)))
        return -1;
    return pvj_each(&x, o, "options", parse_opt, b);
}

static int parse_scenarios(json_t *a, pv_api_body *b, pv_error *err)
{
    if (!json_is_array(a))
        return bad(err, "scenarios", "must be an array of {\"name\": …, \"patch\": {…}}");
    if (json_array_size(a) > 64)
        return bad(err, "scenarios", "at most 64 scenarios at a time");
    b->scen = pv_calloc(json_array_size(a) + 1, sizeof *b->scen);
    if (!b->scen) {
        pv_err_nomem(err);
        return -1;
    }
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        char kp[KP], kk[KP];
        pvj_idx(kp, "scenarios", i);
        json_t *name = json_object_get(v, "name"), *patch = json_object_get(v, "patch");
        if (!json_is_object(v))
            return bad(err, kp, "must be an object {\"name\": …, \"patch\": {…}}");
        const char *mk;
        json_t *mv;
        json_object_foreach(v, mk, mv)
        {
            (void)mv;
            if (strcmp(mk, "name") && strcmp(mk, "patch")) {
                pvj_key(kk, kp, mk);
                return bad(err, kk, "unknown member (a scenario is {\"name\", \"patch\"})");
            }
        }
        pvj_key(kk, kp, "name");
        if (!json_is_string(name))
            return bad(err, kk, name ? "must be a string" : "is required");
        pvj_key(kk, kp, "patch");
        if (!json_is_object(patch))
            return bad(err, kk, patch ? "must be an object (an RFC 7386 merge patch)" : "is required");
        if (no_paths(patch, kk, err))
            return -1;
        if (!(b->scen[b->nscen] = pvj_scenario_new(json_string_value(name), patch, err)))
            return -1;
        b->nscen++;
    }
    return 0;
}

/* {"name": …, "patch": {…}} as a scenario file: indented, keys in that order. */
static int scenario_text(json_t *name, json_t *patch, pv_api_body *b, pv_error *err)
{
    json_t *f = json_object();
    if (!f || json_object_set(f, "name", name) ||
        json_object_set_new(f, "patch", patch ? json_incref(patch) : json_object())) {
        json_decref(f);
        pv_err_nomem(err);
        return -1;
    }
    const size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER;
    size_t n = json_dumpb(f, NULL, 0, flags);
    b->scenario_text = n ? pv_malloc(n + 2) : NULL;
    if (b->scenario_text && json_dumpb(f, b->scenario_text, n, flags) == n) {
        b->scenario_text[n] = '\n';
        b->scenario_text[n + 1] = '\0';
    } else {
        pv_free(b->scenario_text);
        b->scenario_text = NULL;
    }
    json_decref(f);
    if (!b->scenario_text) {
        pv_err_nomem(err);
        return -1;
    }
    return 0;
}

static int parse_root(json_t *root, pv_api_body *b, pv_error *err)
{
    static const char *const known[] = {"patch", "options", "scenarios", "name"};
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v)
    {
        size_t k = 0;
        while (k < 4 && strcmp(key, known[k]))
            k++;
        if (k == 4) {
            char kp[KP];
            pvj_key(kp, "", key);
            return bad(err, kp, "unknown member (patch, options, scenarios, name)");
        }
    }
    json_t *patch = json_object_get(root, "patch"), *name = json_object_get(root, "name");
    if (patch && !json_is_null(patch)) {
        if (!json_is_object(patch))
            return bad(err, "patch", "must be an object (an RFC 7386 merge patch)");
        if (no_paths(patch, "patch", err))
            return -1;
        if (!(b->patch = pvj_scenario_new("patch", patch, err)))
            return -1;
    }
    if ((v = json_object_get(root, "options")) && parse_opts(v, b, err))
        return -1;
    if ((v = json_object_get(root, "scenarios")) && parse_scenarios(v, b, err))
        return -1;
    if (name) {
        if (!json_is_string(name))
            return bad(err, "name", "must be a string");
        if (!(b->name = pv_strdup(json_string_value(name)))) {
            pv_err_nomem(err);
            return -1;
        }
        if (scenario_text(name, json_is_object(patch) ? patch : NULL, b, err))
            return -1;
    }
    return 0;
}

int pv_api_body_parse(const char *body, size_t len, pv_api_body *b, pv_error *err)
{
    memset(b, 0, sizeof *b);
    if (len == 0)
        return 0;
    json_error_t je;
    unsigned long fails = pv_alloc_failures();
    pv_alloc_json_parsing(1);
    json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
    pv_alloc_json_parsing(0);
    if (!root && pv_alloc_failures() != fails) {
        pv_err_nomem(err);
        return -1;
    }
    if (!root) {
        pv_err(err, PV_EINPUT, NULL, je.line, je.column, "invalid JSON: %s", je.text);
        return -1;
    }
    int rc = json_is_object(root) ? parse_root(root, b, err)
                                  : bad(err, "(body)", "must be a JSON object");
    json_decref(root);
    return rc;
}

/* {id: {"name", "demand": {resource: amount}}} of every project (partners
 * 0) or partner (1), from the case's accessors. */
static json_t *names(const pv_case *c, int partners)
{
    size_t n = partners ? (c->partners ? c->partners->nrows : 0) : c->projects->nrows;
    json_t *o = json_object();
    for (size_t i = 0; o && i < n; i++) {
        const char *k = partners ? pv_partner_id(c, i) : pv_project_id(c, i);
        const char *v = partners ? pv_partner_name(c, i) : pv_project_name(c, i);
        if (!k)
            continue;
        json_t *e = json_object(), *d = json_object();
        int bad = !e || !d;
        for (size_t r = 0; !bad && r < c->nres; r++)
            bad = json_object_set_new(d, c->res[r].id,
                                      json_real(partners ? c->res[r].f[i] : c->res[r].a[i]));
        bad = bad || json_object_set_new(e, "name", json_string(v ? v : k));
        if (bad) {
            json_decref(d);
            json_decref(e);
            json_decref(o);
            return NULL;
        }
        if (json_object_set_new(e, "demand", d)) {
            json_decref(e);
            json_decref(o);
            return NULL;
        }
        if (json_object_set_new(o, k, e)) {
            json_decref(o);
            return NULL;
        }
    }
    return o;
}

char *pv_api_case_json(const pv_case *c, size_t *len, pv_error *err)
{
    json_t *root = pvj_load(c->path, err), *model = NULL, *disp = json_object();
    char *out = NULL;
    if (!root || !json_is_object(root) || !disp)
        goto done;
    json_t *mv = json_object_get(root, "model");
    if (json_is_string(mv)) {
        char *mp = pvj_join_path(c->dir, json_string_value(mv));
        model = mp ? pvj_load(mp, err) : NULL;
        pv_free(mp);
        if (!model || json_object_set(root, "model", model))
            goto done;
    }
    if (json_object_set_new(disp, "projects", names(c, 0)) ||
        json_object_set_new(disp, "partners", names(c, 1)) ||
        json_object_set(root, "display", disp))
        goto done;
    const size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER;
    size_t n = json_dumpb(root, NULL, 0, flags);
    out = n ? pv_malloc(n + 2) : NULL;
    if (out && json_dumpb(root, out, n, flags) == n) {
        out[n] = '\n';
        out[n + 1] = '\0';
        *len = n + 1;
    } else {
        pv_free(out);
        out = NULL;
    }
done:
    if (!out && !pv_failed(err))
        pv_err_nomem(err);
    json_decref(root);
    json_decref(model);
    json_decref(disp);
    return out;
}
