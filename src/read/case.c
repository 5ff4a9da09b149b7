/* case.c — reading a case file: the model (a file or inline, a scenario
 * applied), home, the tables and their links, resources, constraints,
 * labels and solver options, as named steps in that order. The first error
 * wins and is the one reported; pv_case_free sits beside the reader. */
#include "json.h"
#include "link.h"

#include <stdio.h>
#include <string.h>

/* A resource's names and amounts (parse_resource). */
static void resource_free(pv_resource *r)
{
    void *own[] = {r->id,      r->column,  r->partner_column,
                   r->name_sv, r->name_en, r->unit_sv,
                   r->unit_en, r->a,       r->f};
    pv_free_each(own, sizeof own / sizeof *own);
}

/* A value label (parse_labels). */
static void label_free(pv_label *l)
{
    void *own[] = {l->column, l->value, l->sv, l->en};
    pv_free_each(own, sizeof own / sizeof *own);
}

void pv_case_free(pv_case *c)
{
    if (!c)
        return;
    /* proj_partners is sized by the projects table: free it first. */
    if (c->proj_partners && c->projects)
        for (size_t j = 0; j < c->projects->nrows; j++)
            pv_free(c->proj_partners[j]);
    pv_model_free(c->model);
    pv_table_free(c->projects);
    pv_table_free(c->partners);
    pv_table_free(c->countries);
    pv_free_list(c->inputs, c->ninputs);
    for (size_t i = 0; i < c->nres; i++)
        resource_free(&c->res[i]);
    for (size_t i = 0; i < c->ncons; i++)
        pvj_constraint_free(&c->cons[i]);
    pv_free_list(c->munis, c->nmunis);
    for (size_t i = 0; i < c->nlabels; i++)
        label_free(&c->labels[i]);
    pv_cofin_free(c->cofin);
    for (size_t i = 0; i < c->nwsets; i++)
        pv_scenario_free(c->wsets[i]);
    pv_outcomes_free(c->outcomes, c->nres);
    void *own[] = {c->res,
                   c->cons,
                   c->proj_partners,
                   c->proj_npartners,
                   c->partner_country,
                   c->partner_dist,
                   c->partner_active,
                   c->partner_agreement,
                   c->obj_column,
                   c->obj_mult,
                   c->part_sorted,
                   c->ctry_sorted,
                   c->labels,
                   c->wsets,
                   c->path,
                   c->dir,
                   c->name,
                   c->base_goals,
                   c};
    pv_free_each(own, sizeof own / sizeof *own);
}

/* A table: "file.csv", "book.xlsx" (its first sheet), or
 * {"file": "book.xlsx", "sheet": "Projekt"} ({"file": "x.csv"} too). */
pv_table *pvj_table_at(pvj_ctx *x, pv_case *c, json_t *data, const char *kp, const char *key,
                       int required)
{
    char k[KP];
    pvj_key(k, kp, key);
    json_t *v = json_object_get(data, key);
    if (!v) {
        if (required)
            pvj_err(x, k, "is required");
        return NULL;
    }
    const char *file = NULL, *sheet = NULL;
    if (json_is_object(v)) {
        json_t *f = json_object_get(v, "file"), *sh = json_object_get(v, "sheet");
        const char *extra = NULL, *kk;
        json_t *vv;
        json_object_foreach(v, kk, vv)
            if (strcmp(kk, "file") && strcmp(kk, "sheet") && !extra)
                extra = kk;
        if (extra) {
            pvj_err(x, k, "has an unknown key '%s' (file, sheet)", extra);
            return NULL;
        }
        if (!json_is_string(f) || !json_string_value(f)[0]) {
            pvj_err(x, k, "needs \"file\": a path (string), relative to the case file's folder");
            return NULL;
        }
        if (sh && (!json_is_string(sh) || !json_string_value(sh)[0])) {
            pvj_err(x, k, "\"sheet\" must be a sheet's name (a non-empty string)");
            return NULL;
        }
        file = json_string_value(f);
        sheet = sh ? json_string_value(sh) : NULL;
        if (sheet && !pv_is_xlsx_path(file)) {
            pvj_err(x, k, "\"sheet\" applies to an .xlsx workbook, not to '%s'", file);
            return NULL;
        }
    } else if (json_is_string(v) && json_string_value(v)[0])
        file = json_string_value(v);
    else {
        pvj_err(x, k, "must be a path (string), relative to the case file's folder, or "
                      "{\"file\": \"book.xlsx\", \"sheet\": \"name\"}");
        return NULL;
    }
    char *p = pvj_join_path(c->dir, file);
    if (!p || pvj_add_input(c, p)) {
        pv_free(p);
        pv_err_nomem(x->err);
        return NULL;
    }
    pv_table *t = pv_is_xlsx_path(p) ? pv_xlsx_load(p, sheet, x->err) : pv_table_load(p, x->err);
    pv_free(p);
    return t;
}

/* A column the model or case names that t's header lacks. When the header
 * has a column within edit distance 2, the header is blamed (the model is the
 * shared, common spelling; the CSV is typed by hand); else the key. */
void pvj_unknown_column(pvj_ctx *x, const pv_table *t, const char *name, const char *kp)
{
    pv_suggest s;
    pv_suggest_init(&s, name, 2);
    size_t near = 0;
    for (size_t i = 0; i < t->ncols; i++) {
        const char *best = s.best;
        pv_suggest_offer(&s, t->header[i]);
        if (s.best != best)
            near = i;
    }
    if (s.best) {
        pv_err(x->err, PV_EINPUT, t->path, 1, (int)near + 1,
               "column '%s' in the header: did you mean '%s'? (%s: %s reads '%s'; fix whichever "
               "is misspelt)",
               s.best, name, x->file, kp, name);
        return;
    }
    pvj_err(x, kp, "no column '%s' in %s", name, t->path);
}

static pv_table *load_table(pvj_ctx *x, pv_case *c, json_t *data, const char *key, int required)
{
    return pvj_table_at(x, c, data, "data", key, required);
}

static int resolve_field(pvj_ctx *x, pv_case *c, pv_field *f, const char *kp)
{
    const pv_table *t = f->scope == PV_SCOPE_PROJECT   ? c->projects
                        : f->scope == PV_SCOPE_PARTNER ? c->partners
                                                       : c->countries;
    const char *what = f->scope == PV_SCOPE_PROJECT   ? "projects"
                       : f->scope == PV_SCOPE_PARTNER ? "partners"
                                                      : "countries";
    if (!t) {
        pvj_err(x, kp, "'%s' needs data.%s in the case", f->text, what);
        return -1;
    }
    f->col = pv_table_col(t, f->name);
    if (f->col >= 0)
        return 0;
    if (f->scope == PV_SCOPE_PARTNER && !strcmp(f->name, "distance_km")) {
        if (!c->has_home || c->part_lat_col < 0 || c->part_lon_col < 0) {
            pvj_err(
                x, kp,
                "partner.distance_km needs \"home\": {\"lat\", \"lon\"} in the case and lat/lon "
                "columns in %s",
                t->path);
            return -1;
        }
        f->col = PV_COL_DISTANCE;
        return 0;
    }
    pvj_unknown_column(x, t, f->name, kp);
    return -1;
}

static int resolve_cond(pvj_ctx *x, pv_case *c, pv_cond *k, const char *kp)
{
    if (k->kind == PV_COND_CMP)
        return resolve_field(x, c, &k->field, kp);
    int bad = 0;
    for (size_t i = 0; i < k->nkids; i++)
        if (resolve_cond(x, c, k->kids[i], kp)) {
            bad = 1;
            if (!pv_err_collecting())
                return -1;
        }
    return bad ? -1 : 0;
}

/* Column col of t as amounts >= 0; an empty cell uses none (documented). */
static int read_amounts(const pv_table *t, int col, const char *name, double *out, pv_error *err)
{
    int bad = 0; /* while collecting, every bad cell of the column is reported */
    for (size_t r = 0; r < t->nrows && (!bad || pv_err_collecting()); r++) {
        if (pv_is_blank(pv_cell(t, r, (size_t)col)))
            continue;
        if (pv_table_number(t, r, (size_t)col, &out[r], err)) {
            bad = 1;
            if (err->code != PV_EINPUT)
                return -1;
        } else if (out[r] < 0) {
            pv_err(err, PV_EINPUT, t->path, t->row_line[r], col + 1,
                   "column '%s': resource values must be >= 0, not %s", name,
                   pv_cell(t, r, (size_t)col));
            bad = 1;
        }
    }
    return bad ? -1 : 0;
}

/* One resource: {"column": …, "partner_column": …, "limit": …, "name": …, "unit": …}. */
static int parse_resource(pvj_ctx *x, const char *key, json_t *val, const char *k, void *ctx)
{
    pv_case *c = ctx;
    pv_resource *r = &c->res[c->nres++];
    char kk[KP];
    r->col = r->pcol = -1;
    r->id = pvj_entry_id(x, key, val, k, "resource", "must be an object with column and limit");
    if (!r->id)
        return -1;
    const char *col = pvj_str(x, val, "column", k, 1);
    const char *pcol = pvj_str(x, val, "partner_column", k, 0);
    if (pv_failed(x->err))
        return -1;
    r->column = pvj_dup(x, col);
    r->partner_column = pvj_dup(x, pcol);
    if (pv_failed(x->err)) /* out of memory: a NULL column would read as "none" */
        return -1;
    if (pvj_display_name(x, val, k, "name", &r->name_sv, &r->name_en) ||
        pvj_name(x, val, "unit", k, &r->unit_sv, &r->unit_en))
        return -1;
    int rc = pvj_num(x, val, "limit", k, &r->limit);
    if (rc < 0)
        return -1;
    pvj_key(kk, k, "limit");
    if (rc == 0) {
        pvj_err(x, kk, "is required");
        return -1;
    }
    if (r->limit < 0) {
        pvj_err(x, kk, "must be >= 0, not %g", r->limit);
        return -1;
    }
    r->col = pv_table_col(c->projects, col);
    if (r->col < 0) {
        pvj_key(kk, k, "column");
        pvj_unknown_column(x, c->projects, col, kk);
        return -1;
    }
    size_t n = c->projects->nrows;
    r->a = pv_calloc(n ? n : 1, sizeof(double));
    size_t np = c->partners ? c->partners->nrows : 0;
    r->f = pv_calloc(np ? np : 1, sizeof(double));
    if (!r->a || !r->f) {
        pv_err_nomem(x->err);
        return -1;
    }
    if (read_amounts(c->projects, r->col, col, r->a, x->err))
        return -1;
    if (!pcol || !c->partners)
        return 0; /* without partners, no fees: check warns (check.c) */
    r->pcol = pv_table_col(c->partners, pcol);
    if (r->pcol < 0) {
        pvj_key(kk, k, "partner_column");
        pvj_unknown_column(x, c->partners, pcol, kk);
        return -1;
    }
    return read_amounts(c->partners, r->pcol, pcol, r->f, x->err);
}

/* "resources": {id: resource, …}, absent for none. */
static int parse_resources(pvj_ctx *x, pv_case *c, json_t *res)
{
    int rc =
        pvj_opt(x, res, JSON_OBJECT, "resources", "must be an object of resources keyed by id");
    if (rc <= 0)
        return rc;
    if (!(c->res = pvj_alloc(x, json_object_size(res) + 1, sizeof *c->res)))
        return -1;
    return pvj_each(x, res, "resources", parse_resource, c);
}

/* "labels": {"department": {"education": {"sv": "Utbildning", "en": "Education"}}} */
typedef struct label_ctx {
    pv_case *c;
    const char *col;
    size_t total;
} label_ctx;

static int label_count(pvj_ctx *x, const char *col, json_t *codes, const char *k, void *ctx)
{
    (void)col;
    if (pvj_expect(x, codes, JSON_OBJECT, k,
                   "must be an object from code to {\"sv\": …, \"en\": …}"))
        return -1;
    ((label_ctx *)ctx)->total += json_object_size(codes);
    return 0;
}

static int label_code(pvj_ctx *x, const char *code, json_t *v, const char *kk, void *ctx)
{
    label_ctx *lc = ctx;
    const char *sv, *en;
    if (pvj_sv_en(x, v, kk, 0, &sv, &en))
        return -1;
    pv_label *l = &lc->c->labels[lc->c->nlabels++];
    l->column = pvj_dup(x, lc->col);
    l->value = pvj_dup(x, code);
    return pvj_dup_pair(x, sv, en, code, &l->sv, &l->en);
}

static int label_column(pvj_ctx *x, const char *col, json_t *codes, const char *k, void *ctx)
{
    ((label_ctx *)ctx)->col = col;
    return pvj_each(x, codes, k, label_code, ctx);
}

static int parse_labels(pvj_ctx *x, pv_case *c, json_t *lab)
{
    int rc = pvj_opt(x, lab, JSON_OBJECT, "labels",
                     "must be an object: column -> code -> {\"sv\", \"en\"}");
    if (rc <= 0)
        return rc;
    label_ctx lc = {.c = c};
    if (pvj_each(x, lab, "labels", label_count, &lc))
        return -1;
    if (!(c->labels = pvj_alloc(x, lc.total + 1, sizeof *c->labels)))
        return -1;
    return pvj_each(x, lab, "labels", label_column, &lc);
}

const char *pv_case_value_label(const pv_case *c, const char *column, const char *value, int sv)
{
    for (size_t i = 0; i < c->nlabels; i++)
        if (!strcmp(c->labels[i].column, column) && !strcmp(c->labels[i].value, value))
            return sv ? c->labels[i].sv : c->labels[i].en;
    /* a yes/no spelled as words reads in the report's language */
    if (pv_yesno_word(value))
        return pv_yes_no(pv_yesno(value) == PV_YN_YES, sv);
    return value;
}

/* Reads the model file named in the case (relative to its folder) and
 * records it as an input; *path_out (when asked) receives its path. */
static json_t *load_model_file(pv_case *c, const char *rel, char **path_out, pv_error *err)
{
    char *mp = pvj_join_path(c->dir, rel);
    if (!mp || pvj_add_input(c, mp)) {
        pv_free(mp);
        pv_err_nomem(err);
        return NULL;
    }
    json_t *root = pvj_load(mp, err);
    if (root && path_out)
        *path_out = mp;
    else
        pv_free(mp);
    return root;
}

/* A case with every column unresolved and its own file recorded as an input. */
static pv_case *case_new(const char *path, pv_error *err)
{
    pv_case *c = pv_calloc(1, sizeof *c);
    if (!c) {
        pv_err_nomem(err);
        return NULL;
    }
    c->proj_id_col = c->proj_name_col = c->proj_partners_col = -1;
    c->part_id_col = c->part_name_col = c->part_country_col = c->part_active_col = -1;
    c->part_lat_col = c->part_lon_col = c->ctry_code_col = -1;
    c->time_limit_s = 60;
    c->mip_gap = 0;
    if (!(c->path = pv_strdup(path)) || !(c->dir = pvj_dirname(path)) || pvj_add_input(c, path)) {
        pv_err_nomem(err);
        pv_case_free(c);
        return NULL;
    }
    return c;
}

/* Applies the scenario to *root: the case, with its model inlined under
 * "model" (the scenario may patch either). From here on, messages name the
 * scenario's file. The scenario is an input like any other: hashed in
 * reports, never overwritten. */
static int apply_scenario(pvj_ctx *x, pv_case *c, const pv_scenario *scen, json_t **root,
                          json_t **mroot)
{
    if (scen->path && pvj_add_input(c, scen->path)) {
        pv_err_nomem(x->err);
        return -1;
    }
    json_t *mv = json_object_get(*root, "model");
    if (json_is_string(mv)) {
        *mroot = load_model_file(c, json_string_value(mv), NULL, x->err);
        if (!*mroot)
            return -1;
        if (json_object_set(*root, "model", *mroot)) {
            pv_err_nomem(x->err);
            return -1;
        }
    }
    /* the goals before the patch: a goal the scenario removes leaves a
     * register column behind that is not a mistake (outcomes.c) */
    json_t *crit = json_object_get(json_object_get(*root, "model"), "criteria");
    pv_buf g;
    pv_buf_init(&g);
    pv_buf_putc(&g, '\n');
    const char *gk;
    json_t *gv;
    json_object_foreach(crit, gk, gv)
    {
        (void)gv;
        pv_buf_printf(&g, "%s\n", gk);
    }
    if (g.oom) {
        pv_buf_free(&g);
        pv_err_nomem(x->err);
        return -1;
    }
    c->base_goals = pv_buf_take(&g, NULL);
    {
        /* a null deletes; one aimed at a key the case lacks (a misspelt
         * rule or resource) would delete nothing without a word */
        pvj_ctx px = {.file = scen->path ? scen->path : x->file, .err = x->err};
        if (pvj_patch_deletes_exist(&px, *root, scen->patch, scen->path ? "patch" : ""))
            return -1;
        /* the case's name is read before the patch: renaming would be
         * ignored; a scenario is named by its own "name" */
        if (json_object_get(scen->patch, "name")) {
            pvj_err(&px, scen->path ? "patch.name" : "name",
                    scen->path ? "a scenario does not rename the case (the scenario's own "
                                 "\"name\" names it)"
                               : "--set does not rename the case");
            return -1;
        }
    }
    json_t *patched = pvj_merge_patch(*root, scen->patch);
    if (!patched) {
        pv_err_nomem(x->err);
        return -1;
    }
    json_decref(*root);
    *root = patched;
    if (!json_is_object(patched)) {
        pv_err(x->err, PV_EINPUT, scen->path ? scen->path : x->file, 0, 0,
               "the patched case is not an object");
        return -1;
    }
    x->file = scen->path ? scen->path : x->file;
    if (!json_is_object(json_object_get(patched, "model"))) {
        pvj_err(x, "model", "the scenario removed or replaced the model");
        return -1;
    }
    return 0;
}

/* The case file's JSON object (the scenario applied), its name recorded. */
static json_t *read_root(pvj_ctx *x, pv_case *c, const pv_scenario *scen, json_t **mroot)
{
    json_t *root = pvj_load(c->path, x->err);
    if (!root)
        return NULL;
    if (!json_is_object(root)) {
        pv_err(x->err, PV_EINPUT, c->path, 0, 0, "the case must be a JSON object");
        goto fail;
    }
    const char *name = pvj_str(x, root, "name", "", 0);
    if (pv_failed(x->err))
        goto fail;
    if (!(c->name = pv_strdup(name ? name : c->path))) {
        pv_err_nomem(x->err);
        goto fail;
    }
    if (!json_object_get(root, "model")) {
        pvj_err(x, "model", "is required (a path to a model file, or the model object)");
        goto fail;
    }
    if (scen && apply_scenario(x, c, scen, &root, mroot))
        goto fail;
    return root;
fail:
    json_decref(root);
    return NULL;
}

/* "model": a path relative to the case's folder, or the model inline. */
static int read_model(pvj_ctx *x, pv_case *c, json_t *root, json_t **mroot, int *inline_model)
{
    json_t *mv = json_object_get(root, "model");
    *inline_model = json_is_object(mv);
    if (json_is_string(mv)) {
        char *mp = NULL;
        *mroot = load_model_file(c, json_string_value(mv), &mp, x->err);
        if (!*mroot)
            return -1;
        pvj_ctx mx = {.file = mp, .err = x->err};
        /* Unknown keys are collected; the model is read all the same. */
        pv_error ke;
        pv_error_clear(&ke);
        pvj_ctx kx = {.file = mp, .err = &ke};
        int bad_keys = pvj_check_keys(&kx, *mroot, PVJ_KEYS_MODEL, "");
        if (!bad_keys || pv_err_collecting())
            c->model = pvj_model_parse(&mx, *mroot, "", mp);
        if (bad_keys) {
            if (!pv_failed(x->err))
                *x->err = ke;
            pv_model_free(c->model);
            c->model = NULL;
        }
        pv_free(mp);
    } else if (json_is_object(mv)) {
        c->model = pvj_model_parse(x, mv, "model", c->path);
    } else {
        pvj_err(x, "model", "must be a path (string) or an object, not %s", pvj_type(mv));
        return -1;
    }
    return c->model ? 0 : -1;
}

/* "home": {"lat", "lon"}, the origin of partner.distance_km. */
static int read_home(pvj_ctx *x, pv_case *c, json_t *home)
{
    int found[2];
    int rc = pvj_num_pair(x, home, "home", "must be {\"lat\": …, \"lon\": …}",
                          (const char *const[]){"lat", "lon"},
                          (double *const[]){&c->home_lat, &c->home_lon}, found);
    if (rc <= 0)
        return rc;
    if (!found[0] || !found[1] || c->home_lat < -90 || c->home_lat > 90 || c->home_lon < -180 ||
        c->home_lon > 180) {
        pvj_err(x, "home", "needs lat in [-90, 90] and lon in [-180, 180]");
        return -1;
    }
    c->has_home = 1;
    return 0;
}

/* T's key column name: *col, its ids checked (unique, well formed) and, when
 * sorted is given, indexed. */
static int key_column(pv_table *T, const char *name, const char *what, int *col, size_t **sorted,
                      pv_error *err)
{
    if ((*col = pv_table_col(T, name)) < 0) {
        pv_err(err, PV_EINPUT, T->path, 1, 0, "no '%s' column in the header", name);
        return -1;
    }
    return pv_check_ids(err, T, *col, what, sorted);
}

/* The tables' key columns (checked ids, sorted indexes) and named columns. */
static int key_columns(pv_case *c, pv_error *err)
{
    pv_table *P = c->projects;
    if (key_column(P, "id", "project", &c->proj_id_col, NULL, err))
        return -1;
    if (P->nrows == 0) { /* checked after the ids, which a table without rows passes */
        pv_err(err, PV_EINPUT, P->path, 2, 0, "no projects: the file has a header but no rows");
        return -1;
    }
    c->proj_name_col = pv_table_col(P, "name");
    c->proj_partners_col = pv_table_col(P, "partners");
    if (c->partners) {
        pv_table *Q = c->partners;
        if (key_column(Q, "id", "partner", &c->part_id_col, &c->part_sorted, err))
            return -1;
        static const char *const NAMES[] = {"name", "country", "active", "lat", "lon"};
        int *const dst[] = {&c->part_name_col, &c->part_country_col, &c->part_active_col,
                            &c->part_lat_col, &c->part_lon_col};
        pv_table_cols(Q, NAMES, dst, 5);
    }
    if (c->countries &&
        key_column(c->countries, "code", "country", &c->ctry_code_col, &c->ctry_sorted, err))
        return -1;
    return 0;
}

/* "data": the CSV tables (projects required), then their keys. */
static int read_tables(pvj_ctx *x, pv_case *c, json_t *data)
{
    if (!json_is_object(data)) {
        pvj_err(x, "data", data ? "must be an object" : "is required");
        return -1;
    }
    if (!(c->projects = load_table(x, c, data, "projects", 1)))
        return -1;
    c->partners = load_table(x, c, data, "partners", 0);
    if (pv_failed(x->err))
        return -1;
    c->countries = load_table(x, c, data, "countries", 0);
    if (pv_failed(x->err))
        return -1;
    return key_columns(c, x->err);
}

/* The model's columns against the tables; messages name the model's file. */
static int resolve_model(pv_case *c, int inline_model, pv_error *err)
{
    pvj_ctx mx = {.file = c->model->path, .err = err};
    const char *pre = inline_model ? "model." : "";
    char k[KP];
    int bad = 0;
    for (size_t i = 0; i < c->model->nleaves; i++) {
        pv_criterion *l = c->model->leaves[i];
        /* a criterion's path already starts with "model." in an inline model */
        if (snprintf(k, sizeof k, "%s.column", l->path) >= (int)sizeof k)
            pv_utf8_trim_partial(k);
        if (resolve_field(&mx, c, &l->field, k)) {
            bad = 1;
            if (!pv_err_collecting())
                return -1;
        }
    }
    for (size_t i = 0; i < c->model->nrules; i++) {
        if (snprintf(k, sizeof k, "%srules.%s.if", pre, c->model->rules[i].id) >= (int)sizeof k)
            pv_utf8_trim_partial(k);
        if (resolve_cond(&mx, c, c->model->rules[i].cond, k)) {
            bad = 1;
            if (!pv_err_collecting())
                return -1;
        }
    }
    return bad ? -1 : 0;
}

/* "municipality": the case's municipality, or a list for a joint case; it
 * decides which agreements in partners.csv are the case's own. */
static int read_munis(pvj_ctx *x, pv_case *c, json_t *v)
{
    if (!v)
        return 0;
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    if (!json_is_string(v) && !(json_is_array(v) && n > 0)) {
        pvj_err(x, "municipality", "must be a text or a non-empty list of texts");
        return -1;
    }
    c->munis = pvj_alloc(x, n, sizeof *c->munis);
    if (!c->munis)
        return -1;
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_is_array(v) ? json_array_get(v, i) : v;
        const char *s = json_string_value(e);
        if (!s || pv_is_blank(s) || strchr(s, '|') || strchr(s, ',') || strchr(s, ';')) {
            pvj_err(x, "municipality",
                    "item %zu must be a non-empty text without '|', ',' or ';'", i + 1);
            return -1;
        }
        if (!(c->munis[i] = pvj_dup(x, s)))
            return -1;
        c->nmunis = i + 1;
    }
    return 0;
}

/* "min_score" (0–100) and "objective": {"type": "sum"} or {"type":
 * "weighted", "column": C}, C a numeric column of projects.csv (every cell a
 * number >= 0: an empty cell would silently count as nothing). */
static int read_objective(pvj_ctx *x, pv_case *c, json_t *root)
{
    int rc = pvj_num(x, root, "min_score", "", &c->min_score);
    if (rc < 0)
        return -1;
    if (rc > 0 && !(c->min_score >= 0 && c->min_score <= 100)) {
        pvj_err(x, "min_score", "must be a score in [0, 100], not %g", c->min_score);
        return -1;
    }
    c->has_min_score = rc > 0;
    json_t *o = json_object_get(root, "objective");
    if (!o)
        return 0;
    const char *type = json_is_object(o) ? pvj_str(x, o, "type", "objective", 1) : NULL;
    if (!type) {
        if (!pv_failed(x->err))
            pvj_err(x, "objective", "must be {\"type\": \"sum\"} or {\"type\": \"weighted\", "
                                    "\"column\": \"…\"}");
        return -1;
    }
    if (!strcmp(type, "sum")) {
        if (json_object_get(o, "column")) {
            pvj_err(x, "objective.column", "belongs to {\"type\": \"weighted\"}");
            return -1;
        }
        return 0;
    }
    if (strcmp(type, "weighted")) {
        pvj_err(x, "objective.type", "must be \"sum\" or \"weighted\", not \"%s\"", type);
        return -1;
    }
    const char *col = pvj_str(x, o, "column", "objective", 1);
    if (!col)
        return -1;
    pv_table *P = c->projects;
    int jc = pv_table_col(P, col);
    if (jc < 0) {
        pvj_err(x, "objective.column", "'%s' is not a column of %s", col, P->path);
        return -1;
    }
    if (!(c->obj_column = pvj_dup(x, col)) ||
        !(c->obj_mult = pvj_alloc(x, P->nrows + 1, sizeof(double))))
        return -1;
    for (size_t j = 0; j < P->nrows; j++) {
        if (pv_is_blank(pv_cell(P, j, (size_t)jc))) {
            pv_err(x->err, PV_EINPUT, P->path, P->row_line[j], jc + 1,
                   "column '%s' (the objective's weight) is empty for project '%s': give a "
                   "number (0 if none)",
                   col, pv_project_id(c, j));
            return -1;
        }
        if (pv_table_number(P, j, (size_t)jc, &c->obj_mult[j], x->err))
            return -1;
        if (!(c->obj_mult[j] >= 0 && c->obj_mult[j] <= 1e12)) {
            pv_err(x->err, PV_EINPUT, P->path, P->row_line[j], jc + 1,
                   "column '%s' (the objective's weight) must be a number in [0, 1e12] for "
                   "project '%s'",
                   col, pv_project_id(c, j));
            return -1;
        }
    }
    return 0;
}

/* "keep_existing" and "solver": {"time_limit_s", "mip_gap"}. */
static int read_options(pvj_ctx *x, pv_case *c, json_t *root)
{
    json_t *ke = json_object_get(root, "keep_existing");
    if (ke) {
        if (!json_is_boolean(ke)) {
            pvj_err(x, "keep_existing", "must be true or false");
            return -1;
        }
        c->keep_existing = json_is_true(ke);
    }
    json_t *solver = json_object_get(root, "solver");
    int rc = pvj_num_pair(x, solver, "solver", "must be an object",
                          (const char *const[]){"time_limit_s", "mip_gap"},
                          (double *const[]){&c->time_limit_s, &c->mip_gap}, NULL);
    if (rc <= 0)
        return rc;
    if (c->time_limit_s <= 0 || c->time_limit_s > 86400) {
        pvj_err(x, "solver.time_limit_s", "must be in (0, 86400]");
        return -1;
    }
    if (c->mip_gap < 0 || c->mip_gap >= 1) {
        pvj_err(x, "solver.mip_gap", "must be in [0, 1)");
        return -1;
    }
    return 0;
}

/* A step that reads on after an input error: it runs with its own error, so
 * that its "did this call fail" checks see only its own failures; every
 * input error it raises is collected. Sets now (it failed) and bad (some
 * step failed); anything but an input error stops the load (fatal). */
#define STEP(call)                                                                                 \
    do {                                                                                           \
        pv_error se_;                                                                              \
        pv_error_clear(&se_);                                                                      \
        x.err = &se_;                                                                              \
        now = (call) != 0 || pv_failed(&se_);                                                      \
        x.err = err;                                                                               \
        if (now) {                                                                                 \
            bad = 1;                                                                               \
            if (!pv_failed(err))                                                                   \
                *err = se_;                                                                        \
            if (se_.code != PV_EINPUT)                                                             \
                fatal = 1;                                                                         \
        }                                                                                          \
    } while (0)

/* The steps in order. The model, home and tables are needed by every later
 * step, so a failure there ends the load; after them each step reads on, so
 * that one run reports every error (constraints only when the resources
 * are sound, which they name; the follow-up register only when all else
 * is). Unknown keys end the load
 * at once only when nobody collects. */
static int read_steps(pv_case *c, const pv_scenario *scen, json_t **root, json_t **mroot,
                      int collecting, pv_error *err)
{
    pvj_ctx x = {.file = c->path, .err = err};
    int inline_model = 0, bad = 0, fatal = 0, now = 0;
    if (!(*root = read_root(&x, c, scen, mroot)))
        return -1;
    STEP(pvj_check_keys(&x, *root, PVJ_KEYS_CASE, ""));
    if (bad && !collecting)
        return -1;
    STEP(read_model(&x, c, *root, mroot, &inline_model));
    if (now || fatal)
        return -1;
    STEP(read_home(&x, c, json_object_get(*root, "home")));
    if (now || fatal)
        return -1;
    STEP(read_munis(&x, c, json_object_get(*root, "municipality")));
    if (now || fatal)
        return -1;
    STEP(read_tables(&x, c, json_object_get(*root, "data")));
    if (now || fatal)
        return -1;
    STEP(pv_link_partners(c, x.err));
    if (!fatal)
        STEP(resolve_model(c, inline_model, x.err));
    int res_ok = 0; /* the constraints name resources: read them only when all are sound */
    if (!fatal) {
        STEP(parse_resources(&x, c, json_object_get(*root, "resources")));
        res_ok = !now;
    }
    if (!fatal)
        STEP(parse_labels(&x, c, json_object_get(*root, "labels")));
    if (!fatal && !bad)
        STEP(pv_canon_cells(c, x.err));
    if (!fatal)
        STEP(read_options(&x, c, *root));
    if (!fatal)
        STEP(pv_cofin_read(&x, c, *root));
    if (!fatal)
        STEP(read_objective(&x, c, *root));
    /* constraints are read after earlier errors too (but for the
     * resources'), so that one run lists their mistakes with the rest
     * (their values are matched as typed when the cells could not be put
     * in canonical form) */
    if (!fatal && res_ok)
        STEP(pvj_constraints_parse(&x, c, json_object_get(*root, "constraints")));
    if (!fatal && !bad)
        STEP(pvj_outcomes_read(&x, c, json_object_get(*root, "followup")));
    return bad ? -1 : 0;
}

pv_case *pv_case_read_all(const char *path, const pv_scenario *scen, pv_errors *list,
                          pv_error *err)
{
    json_t *root = NULL, *mroot = NULL;
    pv_errors *prev = pv_err_collect_begin(list);
    pv_case *c = case_new(path, err);
    if (c && read_steps(c, scen, &root, &mroot, list != NULL, err)) {
        pv_case_free(c);
        c = NULL;
    }
    pv_err_collect_end(prev);
    json_decref(root);
    json_decref(mroot);
    return c;
}

pv_case *pv_case_read(const char *path, const pv_scenario *scen, pv_error *err)
{
    pv_errors *list = pv_errors_new();
    pv_case *c = pv_case_read_all(path, scen, list, err);
    if (!c)
        pv_err_add_more(err, list);
    pv_errors_free(list);
    return c;
}
