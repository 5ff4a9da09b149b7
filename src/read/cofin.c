/*
 * cofin.c — the case's "cofinancing" (grant, award probability, contingent,
 * programme; how limits are committed) and its "weight_sets" (one merge patch
 * of the model per party or group). Award probabilities missing from the
 * projects' own column come from the shipped table data/award-rates.csv
 * (embedded at build time: the result never depends on where the program is
 * installed).
 */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "award_rates.h"

void pv_cofin_free(pv_cofin *f)
{
    if (!f)
        return;
    void *own[] = {f->grant, f->prob, f->contingent, f->from_table, f};
    pv_free_each(own, sizeof own / sizeof *own);
}

double pv_cofin_p(const pv_case *c, size_t j)
{
    return c->cofin && c->cofin->contingent[j] ? c->cofin->prob[j] : 1.0;
}

double pv_cofin_use(const pv_case *c, size_t j)
{
    if (!c->cofin || !c->cofin->contingent[j])
        return 1.0;
    switch (c->cofin->commit) {
    case PV_COMMIT_EXPECTED: return c->cofin->prob[j];
    case PV_COMMIT_CHANCE: return 0.0;
    default: return 1.0;
    }
}

const char *pv_wset_name(const pv_case *c, size_t k) { return c->wsets[k]->name; }

/* The column a "cofinancing" key names, or -1 (with an error when required
 * and absent from projects.csv). */
static int named_col(pvj_ctx *x, pv_case *c, json_t *cf, const char *key, int *col)
{
    char k[KP];
    pvj_key(k, "cofinancing", key);
    *col = -1;
    const char *name = pvj_str(x, cf, key, "cofinancing", 0);
    if (pv_failed(x->err))
        return -1;
    if (!name)
        return 0;
    if ((*col = pv_table_col(c->projects, name)) < 0) {
        pvj_unknown_column(x, c->projects, name, k);
        return -1;
    }
    return 0;
}

/* yes/no cell: 1, 0, or -1 when it is neither (blank: -2). */
static int yes_no(const char *s)
{
    if (pv_is_blank(s))
        return -2;
    static const char *Y[] = {"yes", "Yes", "YES", "ja", "Ja", "JA", "true", "1"};
    static const char *N[] = {"no", "No", "NO", "nej", "Nej", "NEJ", "false", "0"};
    for (size_t i = 0; i < sizeof Y / sizeof *Y; i++) {
        if (pv_str_eq_trim(s, Y[i]))
            return 1;
        if (pv_str_eq_trim(s, N[i]))
            return 0;
    }
    return -1;
}

/* Award rate of a programme in the shipped table (case-insensitive, trimmed
 * match of its `programme` column), or -1 when it is not listed. */
static double table_rate(const char *prog, pv_error *err)
{
    pv_table *t = pv_table_parse("data/award-rates.csv", AWARD_RATES, sizeof AWARD_RATES - 1, err);
    if (!t)
        return -2;
    int pc = pv_table_col(t, "programme"), rc = pv_table_col(t, "rate");
    double rate = -1;
    size_t pl = strlen(prog);
    while (pl && (prog[pl - 1] == ' ' || prog[pl - 1] == '\t'))
        pl--;
    while (pl && (*prog == ' ' || *prog == '\t'))
        prog++, pl--;
    for (size_t r = 0; pc >= 0 && rc >= 0 && r < t->nrows && rate < 0; r++) {
        const char *cell = pv_cell(t, r, (size_t)pc);
        if (strlen(cell) == pl && strncasecmp(cell, prog, pl) == 0 &&
            pv_parse_number(pv_cell(t, r, (size_t)rc), 0, &rate))
            rate = -1;
    }
    pv_table_free(t);
    return rate;
}

/* One project's grant, contingent flag and probability. -1 after an input
 * error, -2 when the award-rate table could not be read. */
static int read_project(pv_case *c, pv_cofin *f, size_t j, const int *col, pv_error *err)
{
    const pv_table *P = c->projects;
    const char *id = pv_project_id(c, j);
    int line = P->row_line[j];
    if (col[0] >= 0 && !pv_is_blank(pv_cell(P, j, (size_t)col[0]))) {
        if (pv_table_number(P, j, (size_t)col[0], &f->grant[j], err))
            return -1;
        if (f->grant[j] < 0 || !isfinite(f->grant[j]) || f->grant[j] > 1e15) {
            pv_err(err, PV_EINPUT, P->path, line, col[0] + 1,
                   "project '%s': column '%s': a grant must be a number >= 0, not %s", id,
                   P->header[col[0]], pv_cell(P, j, (size_t)col[0]));
            return -1;
        }
    }
    int cont = f->grant[j] > 0;
    if (col[2] >= 0) {
        int yn = yes_no(pv_cell(P, j, (size_t)col[2]));
        if (yn == -1) {
            pv_err(err, PV_EINPUT, P->path, line, col[2] + 1,
                   "project '%s': column '%s': write yes or no (ja/nej), not '%s'", id,
                   P->header[col[2]], pv_cell(P, j, (size_t)col[2]));
            return -1;
        }
        if (yn >= 0)
            cont = yn;
    }
    f->contingent[j] = (unsigned char)cont;
    f->prob[j] = 1;
    double p = -1;
    if (col[1] >= 0 && !pv_is_blank(pv_cell(P, j, (size_t)col[1]))) {
        if (pv_table_number(P, j, (size_t)col[1], &p, err))
            return -1;
        if (!(p >= 0 && p <= 1)) {
            pv_err(err, PV_EINPUT, P->path, line, col[1] + 1,
                   "project '%s': column '%s': an award probability must be in [0, 1], not %s "
                   "(write 0.2 for 20 %%)",
                   id, P->header[col[1]], pv_cell(P, j, (size_t)col[1]));
            return -1;
        }
    }
    if (!cont)
        return 0;
    if (p < 0 && col[3] >= 0 && !pv_is_blank(pv_cell(P, j, (size_t)col[3]))) {
        p = table_rate(pv_cell(P, j, (size_t)col[3]), err);
        if (p < -1)
            return -2;
        f->from_table[j] = p >= 0;
    }
    if (p < 0) {
        pv_err(err, PV_EINPUT, P->path, line, 0,
               "project '%s' is contingent on a grant but has no award probability: fill in "
               "column '%s'%s%s%s",
               id, col[1] >= 0 ? P->header[col[1]] : "(cofinancing.probability names none)",
               col[3] >= 0 ? ", or name a programme listed in data/award-rates.csv in column '" : "",
               col[3] >= 0 ? P->header[col[3]] : "", col[3] >= 0 ? "'" : "");
        return -1;
    }
    f->prob[j] = p;
    return 0;
}

/* commit, alpha, scenarios, seed. */
static int read_commit(pvj_ctx *x, pv_cofin *f, json_t *cf)
{
    static const char *const COMMIT[] = {"worst_case", "expected", "chance", NULL}; /* pv_commit */
    int cm = pvj_choice(x, cf, "commit", "cofinancing", COMMIT, PV_COMMIT_WORST);
    if (cm < 0)
        return -1;
    f->commit = (pv_commit)cm;
    double a = 0.1, s = 500, seed = 1;
    if (pvj_num(x, cf, "alpha", "cofinancing", &a) < 0 ||
        pvj_num(x, cf, "scenarios", "cofinancing", &s) < 0 ||
        pvj_num(x, cf, "seed", "cofinancing", &seed) < 0)
        return -1;
    if (!(a >= 0 && a < 1)) {
        pvj_err(x, "cofinancing.alpha", "must be in [0, 1)");
        return -1;
    }
    if (!(s >= 1 && s <= 10000) || s != floor(s)) {
        pvj_err(x, "cofinancing.scenarios", "must be a whole number in [1, 10000]");
        return -1;
    }
    if (!(seed >= 0 && seed <= 9007199254740992.0) || seed != floor(seed)) {
        pvj_err(x, "cofinancing.seed", "must be a whole number >= 0");
        return -1;
    }
    f->alpha = a;
    f->scenarios = (size_t)s;
    f->seed = (unsigned long long)seed;
    return 0;
}

static int read_cofin(pvj_ctx *x, pv_case *c, json_t *cf)
{
    if (pvj_expect(x, cf, JSON_OBJECT, "cofinancing",
                   "must be an object {\"grant\": COLUMN, \"probability\": …}"))
        return -1;
    size_t n = c->projects->nrows;
    pv_cofin *f = c->cofin = pv_calloc(1, sizeof *f);
    if (f) {
        f->grant = pv_calloc(n + 1, sizeof *f->grant);
        f->prob = pv_calloc(n + 1, sizeof *f->prob);
        f->contingent = pv_calloc(n + 1, 1);
        f->from_table = pv_calloc(n + 1, 1);
    }
    if (!f || !f->grant || !f->prob || !f->contingent || !f->from_table) {
        pv_err_nomem(x->err);
        return -1;
    }
    static const char *const KEYS[] = {"grant", "probability", "contingent", "programme"};
    int *col = f->col;
    for (int i = 0; i < 4; i++)
        if (named_col(x, c, cf, KEYS[i], &col[i]))
            return -1;
    if (col[0] < 0 && col[2] < 0) {
        pvj_err(x, "cofinancing", "names neither a grant nor a contingent column");
        return -1;
    }
    if (read_commit(x, f, cf))
        return -1;
    /* every project's errors while a load collects (check lists them all) */
    int bad = 0;
    for (size_t j = 0; j < n; j++) {
        int rc = read_project(c, f, j, col, x->err);
        if (rc && (rc < -1 || !pv_err_collecting()))
            return -1;
        bad |= rc != 0;
    }
    return bad ? -1 : 0;
}

/* The model's criteria a patch names must exist (kids: the level's
 * criteria): a typo would otherwise add a criterion without a column. */
static int check_criteria(pvj_ctx *x, json_t *crit, const char *kp, pv_criterion *const *kids,
                          size_t nkids)
{
    if (!json_is_object(crit))
        return 0;
    const char *key;
    json_t *val;
    int bad = 0; /* while collecting, every unknown criterion of the set */
    json_object_foreach(crit, key, val)
    {
        const pv_criterion *cr = NULL;
        for (size_t i = 0; i < nkids && !cr; i++)
            if (!strcmp(kids[i]->id, key))
                cr = kids[i];
        if (!cr) { /* a null (delete) too: a misspelt one would delete nothing */
            pv_suggest sg;
            pv_suggest_init(&sg, key, 2);
            for (size_t i = 0; i < nkids; i++)
                pv_suggest_offer(&sg, kids[i]->id);
            char hint[300];
            pv_suggest_hint(&sg, hint, sizeof hint);
            pvj_err(x, kp, "no criterion '%s' in the model%s (a weight set may only change "
                           "criteria that exist)",
                    key, hint);
            if (!pv_err_collecting())
                return -1;
            bad = 1;
            continue;
        }
        char k2[KP];
        pvj_key(k2, kp, key);
        pvj_key(k2, k2, "children");
        if (cr && json_is_object(val) &&
            check_criteria(x, json_object_get(val, "children"), k2, cr->children, cr->nchildren)) {
            if (!pv_err_collecting())
                return -1;
            bad = 1;
        }
    }
    return bad ? -1 : 0;
}

/* One weight set: a merge patch of the model's criteria, named key. */
static int read_wset(pvj_ctx *x, const char *key, json_t *val, const char *k, void *ctx)
{
    pv_case *c = ctx;
    /* a party's name as people write it ("Socialdemokraterna (S)"); dots
     * would split --set paths, and edge spaces make two names look alike */
    size_t kl = strlen(key);
    if (!pvj_valid_id(key) || strchr(key, '"') || key[0] == ' ' || key[kl - 1] == ' ') {
        pvj_err(x, k,
                "not a valid set name (no dots, quotes or spaces at either end; e.g. S, "
                "Socialdemokraterna (S))");
        return -1;
    }
    if (!json_is_object(val)) {
        pvj_err(x, k, "must be an object (a merge patch of the model), not %s", pvj_type(val));
        return -1;
    }
    /* the set's own keys, checked here so that an error names the file the
     * set is in (--sets FILE), not the case it is later applied to */
    if (pvj_check_keys(x, val, PVJ_KEYS_MODEL, k))
        return -1;
    /* a party's weights: the model's name, language or reviews in a set
     * would change nothing that parties reports */
    static const char *const WSET[] = {"criteria", "weighting", "rules", NULL};
    if (pvj_only(x, val, k, PVJ_KEYS_MODEL, "a weight set", WSET, NULL))
        return -1;
    /* a null deletes a rule: a misspelt one would delete nothing (checked
     * here, so that the error names the file the set is in) */
    json_t *rules = json_object_get(val, "rules");
    const char *rk;
    json_t *rv;
    json_object_foreach(rules, rk, rv)
    {
        size_t i = 0;
        while (i < c->model->nrules && strcmp(c->model->rules[i].id, rk))
            i++;
        if (!json_is_null(rv) || i < c->model->nrules)
            continue;
        pv_suggest sg;
        pv_suggest_init(&sg, rk, 2);
        for (i = 0; i < c->model->nrules; i++)
            pv_suggest_offer(&sg, c->model->rules[i].id);
        char hint[300], kr[KP], kk[KP];
        pv_suggest_hint(&sg, hint, sizeof hint);
        pvj_key(kr, k, "rules");
        pvj_key(kk, kr, rk);
        pvj_err(x, kk, "null deletes the rule '%s', which the model does not have%s", rk, hint);
        return -1;
    }
    char kc[KP];
    pvj_key(kc, k, "criteria");
    if (check_criteria(x, json_object_get(val, "criteria"), kc, c->model->top, c->model->ntop))
        return -1;
    pv_scenario *s = pv_calloc(1, sizeof *s);
    if (!s || !(s->name = pv_strdup(key)) || !(s->patch = json_object()) ||
        json_object_set(s->patch, "model", val) || pvj_push((void ***)&c->wsets, &c->nwsets, s)) {
        pv_scenario_free(s);
        pv_err_nomem(x->err);
        return -1;
    }
    return 0;
}

static int read_wsets(pvj_ctx *x, pv_case *c, json_t *ws, const char *kp)
{
    if (!json_is_object(ws) || json_object_size(ws) == 0) {
        pvj_err(x, kp,
                json_is_object(ws)
                    ? "names no weight set: give at least one, {\"S\": {\"criteria\": …}, …}"
                    : "must be an object of named merge patches {\"S\": {…}, …}");
        return -1;
    }
    for (size_t i = 0; i < c->nwsets; i++)
        pv_scenario_free(c->wsets[i]);
    pv_free(c->wsets);
    c->wsets = NULL;
    c->nwsets = 0;
    /* while collecting, every set's errors (check and --sets list them all) */
    int bad = 0;
    const char *key;
    json_t *val;
    json_object_foreach(ws, key, val)
    {
        char k[KP];
        pvj_key(k, kp, key);
        if (read_wset(x, key, val, k, c)) {
            if (!pv_err_reads_on(x->err))
                return -1;
            bad = 1;
        }
    }
    return bad ? -1 : 0;
}

int pv_cofin_read(void *xv, pv_case *c, void *rootv)
{
    pvj_ctx *x = xv;
    json_t *root = rootv;
    json_t *cf = json_object_get(root, "cofinancing");
    if (cf && read_cofin(x, c, cf))
        return -1;
    json_t *ws = json_object_get(root, "weight_sets");
    if (ws && read_wsets(x, c, ws, "weight_sets"))
        return -1;
    return 0;
}

static int wsets_file(pv_case *c, const char *path, pvj_ctx *xp);

int pv_wsets_load(pv_case *c, const char *path, pv_errors *list, pv_error *err)
{
    pvj_ctx x = {.file = path, .err = err};
    pv_errors *own = list ? NULL : pv_errors_new();
    pv_errors *prev = pv_err_collect_begin(list ? list : own);
    int rc = wsets_file(c, path, &x);
    pv_err_collect_end(prev);
    size_t more = own && pv_errors_total(own) > 1 ? pv_errors_total(own) - 1 : 0;
    if (rc && more) {
        size_t n = strlen(err->text);
        snprintf(err->text + n, sizeof err->text - n, " (and %zu more error%s in this file)", more,
                 more == 1 ? "" : "s");
    }
    pv_errors_free(own);
    return rc;
}

static int wsets_file(pv_case *c, const char *path, pvj_ctx *xp)
{
    pvj_ctx x = *xp;
    pv_error *err = x.err;
    json_t *root = pvj_load(path, err);
    if (!root)
        return -1;
    json_t *ws = root;
    const char *kp = "";
    if (json_is_object(root) && json_object_size(root) == 1 &&
        json_is_object(json_object_get(root, "weight_sets"))) {
        ws = json_object_get(root, "weight_sets");
        kp = "weight_sets";
    }
    int rc = read_wsets(&x, c, ws, kp);
    if (!rc && pvj_add_input(c, path)) {
        pv_err_nomem(err);
        rc = -1;
    }
    json_decref(root);
    return rc;
}
