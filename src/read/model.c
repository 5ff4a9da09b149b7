/* model.c — the model: its criteria tree (labels, weights as written, value
 * functions) and its rules. Each free sits beside its reader. */
#include "json.h"

#include <math.h>
#include <string.h>

/* {"type": "piecewise", "points": [[x, value], …]}: x strictly ascending. */
static int vf_piecewise(pvj_ctx *x, json_t *v, const char *kp, pv_valuefn *vf)
{
    char k[KP];
    pvj_key(k, kp, "points");
    json_t *pts = json_object_get(v, "points");
    if (!json_is_array(pts) || json_array_size(pts) < 2) {
        pvj_err(x, k, "must be an array of at least two [x, value] points");
        return -1;
    }
    size_t n = json_array_size(pts);
    vf->px = pv_calloc(n, sizeof(double));
    vf->py = pv_calloc(n, sizeof(double));
    if (!vf->px || !vf->py) {
        pv_err_nomem(x->err);
        return -1;
    }
    vf->npts = n;
    for (size_t i = 0; i < n; i++) {
        char ki[KP];
        pvj_idx(ki, k, i);
        json_t *pt = json_array_get(pts, i);
        if (!json_is_array(pt) || json_array_size(pt) != 2 ||
            !json_is_number(json_array_get(pt, 0)) || !json_is_number(json_array_get(pt, 1))) {
            pvj_err(x, ki, "must be a pair of numbers [x, value]");
            return -1;
        }
        vf->px[i] = json_number_value(json_array_get(pt, 0));
        vf->py[i] = json_number_value(json_array_get(pt, 1));
        if (!isfinite(vf->px[i]) || !isfinite(vf->py[i])) {
            pvj_err(x, ki, "must be finite numbers");
            return -1;
        }
        if (vf->py[i] < 0 || vf->py[i] > 1) {
            pvj_err(x, ki, "value %g is outside [0, 1]", vf->py[i]);
            return -1;
        }
        if (i > 0 && !(vf->px[i] > vf->px[i - 1])) {
            pvj_err(x, ki, "points must be in strictly ascending x (%g follows %g)", vf->px[i],
                    vf->px[i - 1]);
            return -1;
        }
    }
    return 0;
}

/* One category of a categorical value function. */
static int vf_category(pvj_ctx *x, const char *key, json_t *val, const char *kk, void *ctx)
{
    pv_valuefn *vf = ctx;
    if (!json_is_number(val) || !isfinite(json_number_value(val)) || json_number_value(val) < 0 ||
        json_number_value(val) > 1) {
        pvj_err(x, kk, "must be a number in [0, 1]");
        return -1;
    }
    if (!(vf->cat_key[vf->ncat] = pvj_dup(x, key)))
        return -1;
    vf->cat_val[vf->ncat++] = json_number_value(val);
    return 0;
}

/* {"type": "categorical", "map": {category: value, …}} */
static int vf_categorical(pvj_ctx *x, json_t *v, const char *kp, pv_valuefn *vf)
{
    char k[KP];
    json_t *map = pvj_nonempty(x, v, "map", kp, JSON_OBJECT, k,
                               "must be a non-empty object from category to a value in [0, 1]");
    if (!map)
        return -1;
    size_t n = json_object_size(map);
    vf->cat_key = pv_calloc(n, sizeof(char *));
    vf->cat_val = pv_calloc(n, sizeof(double));
    if (!vf->cat_key || !vf->cat_val) {
        pv_err_nomem(x->err);
        return -1;
    }
    return pvj_each(x, map, k, vf_category, vf);
}

static int parse_value(pvj_ctx *x, json_t *v, const char *kp, pv_valuefn *vf)
{
    char k[KP];
    const char *type = NULL;
    if (pvj_expect(x, v, JSON_OBJECT, kp,
                   "must be an object like {\"type\": \"linear\", \"worst\": 1, \"best\": 5}") ||
        !(type = pvj_str(x, v, "type", kp, 1)))
        return -1;
    static const char *const LIN[] = {"worst", "best", NULL}, *const PW[] = {"points", NULL},
                             *const CAT[] = {"map", NULL}, *const TYPE[] = {"type", NULL};
    int lin = !strcmp(type, "linear"), pw = !strcmp(type, "piecewise"),
        cat = !strcmp(type, "categorical");
    if ((lin || pw || cat) && pvj_only(x, v, kp, PVJ_KEYS_VALUEFN,
                                       lin  ? "a linear value function"
                                       : pw ? "a piecewise value function"
                                            : "a categorical value function",
                                       lin  ? LIN
                                       : pw ? PW
                                            : CAT,
                                       TYPE))
        return -1;
    if (lin) {
        vf->type = PV_VF_LINEAR;
        int a = pvj_num(x, v, "worst", kp, &vf->worst), b = pvj_num(x, v, "best", kp, &vf->best);
        if (a < 0 || b < 0)
            return -1;
        if (!a || !b) {
            pvj_key(k, kp, !a ? "worst" : "best");
            pvj_err(x, k, "is required for a linear value function");
            return -1;
        }
        if (vf->worst == vf->best) {
            pvj_err(x, kp, "best and worst are equal (%g); the value function would divide by zero",
                    vf->best);
            return -1;
        }
        return 0;
    }
    if (!strcmp(type, "piecewise")) {
        vf->type = PV_VF_PIECEWISE;
        return vf_piecewise(x, v, kp, vf);
    }
    if (!strcmp(type, "categorical")) {
        vf->type = PV_VF_CATEGORICAL;
        return vf_categorical(x, v, kp, vf);
    }
    pvj_key(k, kp, "type");
    pvj_err(x, k, "unknown value function '%s' (use linear, piecewise or categorical)", type);
    return -1;
}

static void vf_free(pv_valuefn *vf)
{
    pv_free(vf->px);
    pv_free(vf->py);
    pv_free_list(vf->cat_key, vf->ncat);
    pv_free(vf->cat_val);
}

/* Frees one criterion; the model's `all` list owns every criterion. */
static void crit_free(pv_criterion *c)
{
    if (!c)
        return;
    pv_wspec_free(c->child_wspec);
    pvj_field_free(&c->field);
    vf_free(&c->vf);
    void *own[] = {c->children, c->id, c->path, c->label_sv, c->label_en, c->source, c};
    pv_free_each(own, sizeof own / sizeof *own);
}

static pv_criterion *parse_criterion(pvj_ctx *x, const char *id, json_t *v, const char *kp,
                                     pv_criterion *parent, pv_model *m, int depth);

/* Where parse_criteria_obj puts a level's criteria. */
typedef struct level_ctx {
    pv_criterion *parent;
    pv_model *m;
    pv_criterion ***out;
    size_t *nout;
    int depth;
} level_ctx;

static int level_criterion(pvj_ctx *x, const char *key, json_t *val, const char *k, void *ctx)
{
    level_ctx *l = ctx;
    pv_criterion *c = parse_criterion(x, key, val, k, l->parent, l->m, l->depth + 1);
    if (!c)
        return -1;
    if (pvj_push((void ***)l->out, l->nout, c)) {
        pv_err_nomem(x->err);
        return -1;
    }
    return 0;
}

static int parse_criteria_obj(pvj_ctx *x, json_t *obj, const char *kp, pv_criterion *parent,
                              pv_model *m, pv_criterion ***out, size_t *nout, int depth)
{
    if (!json_is_object(obj) || json_object_size(obj) == 0) {
        pvj_err(x, kp, "must be a non-empty object of criteria keyed by id");
        return -1;
    }
    if (depth >= 32) { /* depth 0 is the first level: 32 levels in all */
        pvj_err(x, kp, "criteria are nested deeper than 32 levels");
        return -1;
    }
    /* A criterion with neither column nor children is most often a misspelt
     * id in a patch or --set (model.criteria.safty.weight=4 creates
     * criterion 'safty'): named before the parser reports the missing key. */
    const char *id;
    json_t *v;
    json_object_foreach(obj, id, v)
    {
        if (!json_is_object(v) || json_object_get(v, "column") || json_object_get(v, "children"))
            continue;
        pv_suggest sg;
        pv_suggest_init(&sg, id, 2);
        const char *other;
        json_t *ov;
        json_object_foreach(
            obj, other, ov) if (strcmp(other, id) && json_is_object(ov) &&
                                (json_object_get(ov, "column") || json_object_get(ov, "children")))
            pv_suggest_offer(&sg, other);
        if (sg.best) {
            char k[KP];
            pvj_key(k, kp, id);
            pvj_err(x, k,
                    "is not a criterion of the model (it has no column and no children); "
                    "did you mean '%s'?",
                    sg.best);
            return -1;
        }
    }
    level_ctx l = {parent, m, out, nout, depth};
    return pvj_each(x, obj, kp, level_criterion, &l);
}

/* "label": a string for both languages, or {"sv": …, "en": …}; the id when absent. */
static int crit_label(pvj_ctx *x, pv_criterion *c, json_t *v, const char *id, const char *kp)
{
    char k[KP];
    const char *sv = NULL, *en = NULL;
    const char *nk = pvj_name_key(x, v, kp, "label");
    if (!nk)
        return -1;
    json_t *label = pvj_member(x, v, nk, kp, 0, k);
    if (label && pvj_sv_en(x, label, k, 0, &sv, &en))
        return -1;
    if (pvj_dup_pair(x, sv, en, id, &c->label_sv, &c->label_en))
        return -1;
    const char *src = pvj_str(x, v, "source", kp, 0);
    c->source = pvj_dup(x, src ? src : "");
    return pv_failed(x->err) ? -1 : 0;
}

/* "weight" (required when the level's weighting is direct) and "weight_range". */
static int crit_weight(pvj_ctx *x, pv_criterion *c, json_t *v, const char *kp, pv_wmethod pm)
{
    char k[KP];
    int rc = pvj_num(x, v, "weight", kp, &c->weight);
    if (rc < 0)
        return -1;
    c->weight_written = rc == 1;
    if (rc == 0 && pm == PV_W_DIRECT) {
        pvj_key(k, kp, "weight");
        pvj_err(x, k, "is required");
        return -1;
    }
    if (c->weight < 0) {
        pvj_key(k, kp, "weight");
        pvj_err(x, k, "must be >= 0, not %g", c->weight);
        return -1;
    }
    json_t *wr = json_object_get(v, "weight_range");
    if (!wr)
        return 0;
    pvj_key(k, kp, "weight_range");
    if (!json_is_array(wr) || json_array_size(wr) != 2 || !json_is_number(json_array_get(wr, 0)) ||
        !json_is_number(json_array_get(wr, 1))) {
        pvj_err(x, k, "must be [lo, hi]");
        return -1;
    }
    c->range_lo = json_number_value(json_array_get(wr, 0));
    c->range_hi = json_number_value(json_array_get(wr, 1));
    if (!(c->range_lo >= 0) || !(c->range_hi >= c->range_lo) || !isfinite(c->range_hi)) {
        pvj_err(x, k, "must satisfy 0 <= lo <= hi");
        return -1;
    }
    c->has_range = 1;
    return 0;
}

/* "min": the Erasmus+-style threshold on the criterion's value, in [0, 1]. */
static int crit_min(pvj_ctx *x, pv_criterion *c, json_t *v, const char *kp)
{
    int rc = pvj_num(x, v, "min", kp, &c->min);
    if (rc <= 0)
        return rc;
    if (!(c->min >= 0 && c->min <= 1)) {
        char k[KP];
        pvj_key(k, kp, "min");
        pvj_err(x, k, "must be a number in [0, 1] (a share of the criterion's full value), not %g",
                c->min);
        return -1;
    }
    c->has_min = 1;
    return 0;
}

/* A leaf: its column, value function, aggregate over partners and missing value. */
static int crit_leaf(pvj_ctx *x, pv_criterion *c, json_t *v, const char *kp, pv_model *m)
{
    char k[KP];
    c->is_leaf = 1;
    const char *col = pvj_str(x, v, "column", kp, 1);
    if (!col)
        return -1;
    pvj_key(k, kp, "column");
    if (pvj_field_parse(x, col, k, &c->field))
        return -1;
    pvj_key(k, kp, "value");
    json_t *val = json_object_get(v, "value");
    if (!val) {
        pvj_err(x, k, "is required for a leaf criterion");
        return -1;
    }
    if (parse_value(x, val, k, &c->vf))
        return -1;
    static const char *const AGG[] = {"min", "max", "mean", NULL}; /* pv_agg */
    int agg = pvj_choice(x, v, "aggregate", kp, AGG, PV_AGG_MIN);
    if (agg < 0)
        return -1;
    c->agg = (pv_agg)agg;
    int rc = pvj_num(x, v, "missing", kp, &c->missing);
    if (rc < 0)
        return -1;
    if (rc == 1) {
        if (c->missing < 0 || c->missing > 1) {
            pvj_key(k, kp, "missing");
            pvj_err(x, k, "must be a value in [0, 1], not %g", c->missing);
            return -1;
        }
        c->has_missing = 1;
    }
    c->leaf_index = m->nleaves;
    if (pvj_push((void ***)&m->leaves, &m->nleaves, c)) {
        pv_err_nomem(x->err);
        return -1;
    }
    return 0;
}

/* A criterion and, recursively, its children. Once listed in m->all, the
 * criterion belongs to the model, which frees it on error too. */
static pv_criterion *parse_criterion(pvj_ctx *x, const char *id, json_t *v, const char *kp,
                                     pv_criterion *parent, pv_model *m, int depth)
{
    if (!json_is_object(v)) {
        pvj_err(x, kp, "must be an object, not %s", pvj_type(v));
        return NULL;
    }
    if (pvj_check_id(x, id, kp, "criterion"))
        return NULL;
    pv_criterion *c = pvj_alloc(x, 1, sizeof *c);
    if (!c)
        return NULL;
    c->parent = parent;
    c->field.col = -1;
    if (!(c->id = pvj_dup(x, id)) || !(c->path = pvj_dup(x, kp)) ||
        pvj_push((void ***)&m->all, &m->nall, c)) {
        pv_err_nomem(x->err);
        crit_free(c);
        return NULL;
    }
    if (crit_label(x, c, v, id, kp) ||
        crit_weight(x, c, v, kp, parent ? parent->child_method : m->top_method) ||
        crit_min(x, c, v, kp))
        return NULL;
    char k[KP];
    json_t *children = json_object_get(v, "children");
    json_t *column = json_object_get(v, "column");
    if (children && column) {
        pvj_err(x, kp, "has both children and column; a criterion is either a parent or a leaf");
        return NULL;
    }
    if (children) {
        /* a leaf's keys on a parent would be ignored: its value is its
         * children's weighted sum */
        static const char *const PARENT[] = {"children", "weighting", "weight", "weight_range",
                                             "min",      "label",     "source", NULL},
                                 *const ALIAS[] = {"name", "labels", NULL};
        if (pvj_only(x, v, kp, PVJ_KEYS_CRITERION, "a criterion with children", PARENT, ALIAS))
            return NULL;
        if (pvj_wspec_parse(x, v, kp, &c->child_method, &c->child_wspec))
            return NULL;
        pvj_key(k, kp, "children");
        if (parse_criteria_obj(x, children, k, c, m, &c->children, &c->nchildren, depth))
            return NULL;
        pvj_key(k, kp, "weighting");
        if (pvj_wspec_resolve(x, c->child_wspec, c->children, c->nchildren, k))
            return NULL;
        return c;
    }
    if (json_object_get(v, "weighting")) {
        pvj_key(k, kp, "weighting");
        pvj_err(x, k, "belongs to a criterion with children");
        return NULL;
    }
    return crit_leaf(x, c, v, kp, m) ? NULL : c;
}

/* A rule's texts and condition (parse_rule). */
static void rule_free(pv_rule *r)
{
    pvj_cond_free(r->cond);
    void *own[] = {r->id, r->because, r->because_en, r->source, r->name_sv, r->name_en};
    pv_free_each(own, sizeof own / sizeof *own);
}

void pv_model_free(pv_model *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->nall; i++)
        crit_free(m->all[i]);
    pv_wspec_free(m->top_wspec);
    for (size_t i = 0; i < m->nrules; i++)
        rule_free(&m->rules[i]);
    void *own[] = {m->top,
                   m->leaves,
                   m->all,
                   m->rules,
                   m->review_because[0],
                   m->review_source[0],
                   m->review_because[1],
                   m->review_source[1],
                   m->review_because_en[0],
                   m->review_because_en[1],
                   m->fu_to_sv,
                   m->fu_to_en,
                   m->fu_source,
                   m->path,
                   m->name,
                   m->source,
                   m->language,
                   m};
    pv_free_each(own, sizeof own / sizeof *own);
}

/* "because" of obj (required): one string, or {"sv": …, "en": …} for
 * reports in either language. *sv gets the Swedish (or the only) text,
 * *en the English one, NULL when one string serves both. Blank counts as
 * empty: a reason that shows nothing. -1 + err when missing or empty;
 * also -1 on an earlier error, so that callers may simply stop. */
static int reason(pvj_ctx *x, json_t *obj, const char *kp, const char **sv, const char **en)
{
    char k[KP];
    *sv = *en = NULL;
    json_t *v = pvj_member(x, obj, "because", kp, 1, k);
    if (!v || pvj_sv_en(x, v, k, 1, sv, en))
        return -1;
    if ((!*sv && !*en) || (*sv && !(*sv)[strspn(*sv, " \t\r\n")]) ||
        (*en && !(*en)[strspn(*en, " \t\r\n")])) {
        pvj_err(x, k, "must give the reason: a string or {\"sv\": …, \"en\": …}");
        return -1;
    }
    if (*sv == *en)
        *en = NULL;
    else if (!*sv)
        *sv = *en;
    return 0;
}

/* One rule: {"if": condition, "then": "exclude" | "flag", "because": …}. */
static int parse_rule(pvj_ctx *x, const char *key, json_t *val, const char *kr, void *ctx)
{
    pv_model *m = ctx;
    pv_rule *r = &m->rules[m->nrules++];
    char ki[KP];
    r->id = pvj_entry_id(x, key, val, kr, "rule", "must be an object with if, then, because");
    if (!r->id)
        return -1;
    const char *then = pvj_str(x, val, "then", kr, 1);
    const char *because, *because_en;
    if (reason(x, val, kr, &because, &because_en))
        return -1;
    const char *rsrc = pvj_str(x, val, "source", kr, 0);
    if (pv_failed(x->err))
        return -1;
    if (!strcmp(then, "exclude"))
        r->action = PV_ACT_EXCLUDE;
    else if (!strcmp(then, "flag"))
        r->action = PV_ACT_FLAG;
    else {
        pvj_key(ki, kr, "then");
        pvj_err(x, ki, "must be \"exclude\" or \"flag\", not '%s'", then);
        return -1;
    }
    r->because = pvj_dup(x, because);
    r->because_en = because_en ? pvj_dup(x, because_en) : NULL;
    r->source = pvj_dup(x, rsrc ? rsrc : "");
    if (pvj_display_name(x, val, kr, "name", &r->name_sv, &r->name_en))
        return -1;
    json_t *cond = pvj_member(x, val, "if", kr, 1, ki);
    if (!cond)
        return -1;
    return (r->cond = pvj_cond_parse(x, cond, ki, 0, &r->per_partner)) ? 0 : -1;
}

/* "rules": {id: rule, …}, absent for none. */
static int parse_rules(pvj_ctx *x, pv_model *m, json_t *rules, const char *k)
{
    int rc = pvj_opt(x, rules, JSON_OBJECT, k, "must be an object of rules keyed by id");
    if (rc <= 0)
        return rc;
    if (!(m->rules = pvj_alloc(x, json_object_size(rules) + 1, sizeof *m->rules)))
        return -1;
    return pvj_each(x, rules, k, parse_rule, m);
}

/* "agreement_review": {"unused": {"because", "source"}, "inactive": {…}}: the
 * policy sentences behind the review of the case's own agreements (optional). */
static int parse_review(pvj_ctx *x, pv_model *m, json_t *v, const char *kp)
{
    static const char *const K[] = {"unused", "inactive"};
    char k[KP], ki[KP];
    pvj_key(k, kp, "agreement_review");
    int rc = pvj_opt(x, v, JSON_OBJECT, k, "must be an object with \"unused\" and/or \"inactive\"");
    if (rc <= 0)
        return rc;
    for (int i = 0; i < 2; i++) {
        json_t *e = pvj_member(x, v, K[i], k, 0, ki);
        if (!e)
            continue;
        if (pvj_expect(x, e, JSON_OBJECT, ki, "must be an object with \"because\" and \"source\""))
            return -1;
        const char *because, *because_en;
        if (reason(x, e, ki, &because, &because_en))
            return -1;
        const char *source = pvj_str(x, e, "source", ki, 1);
        if (pv_failed(x->err))
            return -1;
        if (because_en)
            m->review_because_en[i] = pvj_dup(x, because_en);
        m->review_because[i] = pvj_dup(x, because);
        m->review_source[i] = pvj_dup(x, source);
        if (pv_failed(x->err))
            return -1;
    }
    return 0;
}

/* "followup": {"report_to": name, "source": text}: whom the annual follow-up
 * is addressed to, and the policy sentence that asks for it (optional). */
static int parse_followup(pvj_ctx *x, pv_model *m, json_t *v, const char *kp)
{
    char k[KP];
    pvj_key(k, kp, "followup");
    int rc = pvj_opt(x, v, JSON_OBJECT, k, "must be an object with \"report_to\" and \"source\"");
    if (rc <= 0)
        return rc;
    const char *source = pvj_str(x, v, "source", k, 0);
    if (pv_failed(x->err) || pvj_name(x, v, "report_to", k, &m->fu_to_sv, &m->fu_to_en))
        return -1;
    m->fu_source = pvj_dup(x, source);
    return pv_failed(x->err) ? -1 : 0;
}

pv_model *pvj_model_parse(pvj_ctx *x, json_t *root, const char *kp, const char *path)
{
    if (!json_is_object(root)) {
        pvj_err(x, kp[0] ? kp : "(root)", "the model must be a JSON object");
        return NULL;
    }
    pv_model *m = pvj_alloc(x, 1, sizeof *m);
    if (!m)
        return NULL;
    if (!(m->path = pvj_dup(x, path)))
        goto fail;
    const char *name = pvj_str(x, root, "name", kp, 1);
    const char *source = pvj_str(x, root, "source", kp, 0);
    const char *lang = pvj_str(x, root, "language", kp, 0);
    if (pv_failed(x->err))
        goto fail;
    char k[KP];
    if (lang && strcmp(lang, "sv") && strcmp(lang, "en")) {
        pvj_key(k, kp, "language");
        pvj_err(x, k, "must be \"sv\" or \"en\"");
        goto fail;
    }
    m->name = pvj_dup(x, name);
    m->source = pvj_dup(x, source ? source : "");
    m->language = pvj_dup(x, lang ? lang : "sv");
    if (pv_failed(x->err))
        goto fail;
    if (pvj_wspec_parse(x, root, kp, &m->top_method, &m->top_wspec))
        goto fail;
    json_t *crit = pvj_member(x, root, "criteria", kp, 1, k);
    if (!crit || parse_criteria_obj(x, crit, k, NULL, m, &m->top, &m->ntop, 0))
        goto fail;
    pvj_key(k, kp, "weighting");
    if (pvj_wspec_resolve(x, m->top_wspec, m->top, m->ntop, k))
        goto fail;
    for (size_t i = 0; i < m->nall; i++)
        for (size_t j = 0; j < i; j++)
            if (!strcmp(m->all[i]->id, m->all[j]->id)) {
                pvj_err(x, m->all[i]->path, "criterion id '%s' is used twice (also %s)",
                        m->all[i]->id, m->all[j]->path);
                goto fail;
            }
    pvj_key(k, kp, "rules");
    if (parse_rules(x, m, json_object_get(root, "rules"), k))
        goto fail;
    if (parse_review(x, m, json_object_get(root, "agreement_review"), kp) ||
        parse_followup(x, m, json_object_get(root, "followup"), kp))
        goto fail;
    return m;
fail:
    pv_model_free(m);
    return NULL;
}
