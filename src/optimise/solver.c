/*
 * solver.c — builds the selection MILP from a case and a ranking, and solves
 * it with GLPK. The only file that includes <glpk.h>.
 *
 * Everything GLPK would reject with glp_error (which aborts the process) is
 * checked here first: finite numbers, name lengths, consistent bounds, empty
 * problems. GLPK's terminal output goes to a hook that drops it.
 */
#include "select.h"

#include <float.h>
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BIG 1e15 /* largest magnitude we hand to GLPK; beyond it scaling fails */

static int quiet_hook(void *info, const char *s)
{
    (void)info;
    (void)s;
    return 1; /* non-zero: GLPK must not print */
}

static void glpk_quiet(void)
{
    glp_term_hook(quiet_hook, NULL);
    glp_term_out(GLP_OFF);
}

const char *pv_glpk_version(void) { return glp_version(); }

void pv_select_opts_init(pv_select_opts *o)
{
    o->time_limit_s = -1;
    o->mip_gap = -1;
    o->no_why = 0;
    o->no_diagnose = 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int pv_cell_has(const char *cell, const char *value)
{
    if (!cell || !value)
        return 0;
    if (pv_str_eq_trim(cell, value))
        return 1;
    /* The items of a list cell as pv_split_list cuts them (the first of '|',
     * ',' or ';' separates; items trimmed), compared in place: no allocation
     * that could fail and silently read as "not listed". */
    const char *sep = strpbrk(cell, "|,;");
    if (!sep)
        return 0;
    size_t vn = strlen(value);
    for (const char *a = cell;;) {
        const char *e = strchr(a, *sep);
        const char *b = e ? e : a + strlen(a);
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (vn && (size_t)(b - a) == vn && memcmp(a, value, vn) == 0)
            return 1;
        if (!e)
            return 0;
        a = e + 1;
    }
}

const char *pv_group_id(const pv_case *c, size_t g)
{
    if (g < c->nres)
        return c->res[g].id;
    if (g < c->nres + c->ncons)
        return c->cons[g - c->nres].id;
    return "keep_existing";
}

/* ------------------------------------------------------------- names */

/* LP-format names: a letter first, then letters, digits, '_' and '.'; at
 * most 255 bytes. Anything else (spaces, '-', UTF-8) becomes '_'. */
static char *lp_name(const char *prefix, const char *a, const char *b)
{
    char tmp[256];
    size_t n = 0;
    const char *parts[3] = {prefix, a, b};
    for (int i = 0; i < 3; i++) {
        if (!parts[i])
            continue;
        if (i == 2 && n < 200)
            tmp[n++] = '_';
        for (const char *s = parts[i]; *s && n < 200; s++) {
            unsigned char ch = (unsigned char)*s;
            tmp[n++] = (ch < 128 && (ch == '_' || ch == '.' || (ch >= '0' && ch <= '9') ||
                                     (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
                           ? (char)ch
                           : '_';
        }
    }
    tmp[n] = '\0';
    return pv_strdup(tmp);
}

static int cmp_name(size_t a, size_t b, const void *ctx)
{
    char *const *names = ctx;
    return strcmp(names[a], names[b]);
}

/* Sanitising may map two ids to one name; GLPK's LP reader would then merge
 * them. Suffix the later ones until every name is unique. */
static int dedupe_names(char **names, size_t n)
{
    if (n < 2)
        return 0;
    size_t *idx = pv_malloc(n * sizeof *idx);
    if (!idx)
        return -1;
    for (int round = 0; round < 8; round++) {
        for (size_t i = 0; i < n; i++)
            idx[i] = i;
        if (pv_sort_idx(idx, n, cmp_name, names)) {
            pv_free(idx);
            return -1;
        }
        int changed = 0;
        for (size_t i = 1; i < n; i++) {
            if (strcmp(names[idx[i]], names[idx[i - 1]]))
                continue;
            char tmp[256];
            snprintf(tmp, sizeof tmp, "%.200s~%zu", names[idx[i]], idx[i] + 1);
            char *d = pv_strdup(tmp);
            if (!d) {
                pv_free(idx);
                return -1;
            }
            pv_free(names[idx[i]]);
            names[idx[i]] = d;
            changed = 1;
        }
        if (!changed)
            break;
    }
    pv_free(idx);
    return 0;
}

/* ------------------------------------------------------------- build */

typedef struct rowb {
    pv_mip *m;
    size_t cap;
    int oom;
} rowb;

static pv_row *add_row(rowb *b, char *name, int group, double lb, double ub, size_t maxnz)
{
    pv_mip *m = b->m;
    if (!name || pv_grow((void **)&m->rows, &b->cap, m->nrows + 1, sizeof *m->rows)) {
        pv_free(name);
        b->oom = 1;
        return NULL;
    }
    pv_row *r = &m->rows[m->nrows++];
    memset(r, 0, sizeof *r);
    r->name = name;
    r->group = group;
    r->lb = lb;
    r->ub = ub;
    r->col = pv_malloc((maxnz ? maxnz : 1) * sizeof *r->col);
    r->val = pv_malloc((maxnz ? maxnz : 1) * sizeof *r->val);
    if (!r->col || !r->val)
        b->oom = 1;
    return r;
}

static void put(pv_row *r, size_t col, double v)
{
    if (r && r->col && r->val && v != 0) {
        r->col[r->nz] = col;
        r->val[r->nz++] = v;
    }
}

void pv_mip_free(pv_mip *m)
{
    if (!m)
        return;
    for (size_t i = 0; m->cname && i < m->ncols; i++)
        pv_free(m->cname[i]);
    for (size_t i = 0; i < m->nrows; i++) {
        pv_free(m->rows[i].name);
        pv_free(m->rows[i].col);
        pv_free(m->rows[i].val);
    }
    pv_free(m->cname);
    pv_free(m->obj);
    pv_free(m->cinfo);
    pv_free(m->base_lb);
    pv_free(m->base_ub);
    pv_free(m->lb);
    pv_free(m->ub);
    pv_free(m->xcol);
    pv_free(m->ycol);
    pv_free(m->rows);
    pv_free(m->group_on);
    pv_free(m->cstart);
    pv_free(m->crow);
    pv_free(m->cval);
    pv_free(m->fix);
    if (m->lp)
        glp_delete_prob(m->lp);
    pv_free(m);
}

static void recompute_bounds(pv_mip *m)
{
    const pv_case *c = m->c;
    for (size_t j = 0; j < m->ncols; j++) {
        m->lb[j] = m->base_lb[j];
        m->ub[j] = m->base_ub[j];
    }
    for (size_t i = 0; i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        if (q->type != PV_C_FORCE || !m->group_on[c->nres + i])
            continue;
        for (size_t k = 0; k < q->nprojects; k++)
            m->lb[m->xcol[q->projects[k]]] = 1;
        for (size_t k = 0; k < q->nout; k++)
            m->ub[m->xcol[q->out[k]]] = 0;
    }
    if (c->keep_existing && m->ngroups > c->nres + c->ncons && m->group_on[c->nres + c->ncons])
        for (size_t p = 0; c->partners && p < c->partners->nrows; p++)
            if (c->partner_active[p] && m->ycol[p] >= 0)
                m->lb[m->ycol[p]] = 1;
    for (size_t j = 0; j < m->ncols; j++)
        if (m->fix[j] >= 0)
            m->lb[j] = m->ub[j] = m->fix[j];
}

static void lp_set_col(glp_prob *lp, size_t j, double lb, double ub)
{
    int t = lb == ub ? GLP_FX : GLP_DB;
    if (lb > ub)
        return; /* caught before solving: GLPK would reject it */
    glp_set_col_bnds(lp, (int)j + 1, t, lb, ub);
}

static void lp_set_row(glp_prob *lp, size_t i, double lb, double ub, int on)
{
    int t;
    if (!on || (lb == -HUGE_VAL && ub == HUGE_VAL))
        t = GLP_FR, lb = ub = 0;
    else if (lb == -HUGE_VAL)
        t = GLP_UP, lb = 0;
    else if (ub == HUGE_VAL)
        t = GLP_LO, ub = 0;
    else if (lb == ub)
        t = GLP_FX;
    else if (lb < ub)
        t = GLP_DB;
    else
        return; /* lb > ub: caught before solving */
    glp_set_row_bnds(lp, (int)i + 1, t, lb, ub);
}

static void push_bounds(pv_mip *m)
{
    if (!m->lp)
        return;
    for (size_t j = 0; j < m->ncols; j++)
        lp_set_col(m->lp, j, m->lb[j], m->ub[j]);
}

void pv_mip_fix(pv_mip *m, size_t col, int fix)
{
    m->fix[col] = fix;
    recompute_bounds(m);
    push_bounds(m);
}

void pv_mip_group(pv_mip *m, size_t g, int on)
{
    m->group_on[g] = on;
    for (size_t i = 0; i < m->nrows; i++)
        if (m->rows[i].group == (int)g && m->lp)
            lp_set_row(m->lp, i, m->rows[i].lb, m->rows[i].ub, on);
    recompute_bounds(m);
    push_bounds(m);
}

/* Creates a GLPK problem from our copy; slack adds one column s_k >= 0 per
 * resource (−s_k in its row) and makes the objective min Σ s_k/scale_k. */
static glp_prob *load_lp(const pv_mip *m, int slack)
{
    const pv_case *c = m->c;
    glp_prob *lp = glp_create_prob();
    glp_set_prob_name(lp, "partnerval");
    glp_set_obj_name(lp, slack ? "excess" : "score");
    glp_set_obj_dir(lp, slack ? GLP_MIN : GLP_MAX);
    size_t ns = slack ? c->nres : 0;
    if (m->nrows)
        glp_add_rows(lp, (int)m->nrows);
    if (m->ncols + ns)
        glp_add_cols(lp, (int)(m->ncols + ns));
    size_t ne = 0;
    for (size_t i = 0; i < m->nrows; i++) {
        glp_set_row_name(lp, (int)i + 1, m->rows[i].name);
        lp_set_row(lp, i, m->rows[i].lb, m->rows[i].ub,
                   m->rows[i].group < 0 || m->group_on[m->rows[i].group]);
        ne += m->rows[i].nz + (slack ? 1 : 0);
    }
    for (size_t j = 0; j < m->ncols; j++) {
        glp_set_col_name(lp, (int)j + 1, m->cname[j]);
        glp_set_col_kind(lp, (int)j + 1, GLP_IV);
        lp_set_col(lp, j, m->lb[j], m->ub[j]);
        glp_set_obj_coef(lp, (int)j + 1, slack ? 0 : m->obj[j]);
    }
    for (size_t k = 0; k < ns; k++) {
        char name[300];
        snprintf(name, sizeof name, "s_%.200s", m->rows[k].name);
        glp_set_col_name(lp, (int)(m->ncols + k) + 1, name);
        glp_set_col_bnds(lp, (int)(m->ncols + k) + 1, GLP_LO, 0, 0);
        double lim = c->res[k].limit;
        glp_set_obj_coef(lp, (int)(m->ncols + k) + 1, 1.0 / (lim > 1 ? lim : 1));
    }
    int *ia = malloc((ne + 1) * sizeof *ia), *ja = malloc((ne + 1) * sizeof *ja);
    double *ar = malloc((ne + 1) * sizeof *ar);
    if (!ia || !ja || !ar) {
        free(ia);
        free(ja);
        free(ar);
        glp_delete_prob(lp);
        return NULL;
    }
    size_t t = 0;
    for (size_t i = 0; i < m->nrows; i++) {
        for (size_t z = 0; z < m->rows[i].nz; z++) {
            t++;
            ia[t] = (int)i + 1;
            ja[t] = (int)m->rows[i].col[z] + 1;
            ar[t] = m->rows[i].val[z];
        }
        /* resource rows come first, one per resource, in resource order */
        if (slack && i < c->nres) {
            t++;
            ia[t] = (int)i + 1;
            ja[t] = (int)(m->ncols + i) + 1;
            ar[t] = -1;
        }
    }
    glp_load_matrix(lp, (int)t, ia, ja, ar);
    free(ia);
    free(ja);
    free(ar);
    return lp;
}

static int finite_ok(double v) { return isfinite(v) && fabs(v) <= BIG; }

pv_mip *pv_mip_build(const pv_case *c, const pv_ranking *r, pv_error *err)
{
    glpk_quiet();
    size_t n = c->projects->nrows, np = c->partners ? c->partners->nrows : 0;
    if (r->n != n) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "ranking does not match the case");
        return NULL;
    }
    /* Forcing in an excluded project contradicts the policy: an input error. */
    for (size_t i = 0; i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        if (q->type != PV_C_FORCE)
            continue;
        for (size_t k = 0; k < q->nprojects; k++) {
            const pv_proj_result *p = &r->p[q->projects[k]];
            if (!p->eligible) {
                const pv_rule *ru = &c->model->rules[p->excluded_by[0]];
                pv_err(err, PV_EINPUT, c->path, 0, 0,
                       "constraints: %s: project '%s' is forced in but excluded by rule '%s' (%s)",
                       q->id, pv_project_id(c, q->projects[k]), ru->id,
                       ru->because ? ru->because : "");
                return NULL;
            }
        }
    }
    for (size_t j = 0; j < n; j++)
        if (!finite_ok(r->p[j].score)) {
            pv_err(err, PV_EINPUT, c->projects->path, c->projects->row_line[j], 0,
                   "project '%s': score is not a finite number", pv_project_id(c, j));
            return NULL;
        }
    for (size_t k = 0; k < c->nres; k++) {
        const pv_resource *res = &c->res[k];
        if (!finite_ok(res->limit) || res->limit < 0) {
            pv_err(err, PV_EINPUT, c->path, 0, 0,
                   "resources.%s.limit: must be a number in [0, 1e15]", res->id);
            return NULL;
        }
        for (size_t j = 0; j < n; j++)
            if (!finite_ok(res->a[j]) || res->a[j] < 0) {
                pv_err(err, PV_EINPUT, c->projects->path, c->projects->row_line[j], res->col + 1,
                       "column '%s': resource values must be numbers in [0, 1e15]", res->column);
                return NULL;
            }
        for (size_t p = 0; p < np; p++)
            if (!finite_ok(res->f[p]) || res->f[p] < 0) {
                pv_err(err, PV_EINPUT, c->partners->path, c->partners->row_line[p], res->pcol + 1,
                       "column '%s': resource values must be numbers in [0, 1e15]",
                       res->partner_column);
                return NULL;
            }
    }
    for (size_t i = 0; i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        if ((q->has_min && !finite_ok(q->min)) || (q->has_max && !finite_ok(q->max))) {
            pv_err(err, PV_EINPUT, c->path, 0, 0, "constraints: %s: min and max must be finite",
                   q->id);
            return NULL;
        }
    }
    if (n + np > (size_t)INT_MAX / 4) {
        pv_err(err, PV_EINPUT, c->path, 0, 0, "too many projects and partners for the solver");
        return NULL;
    }

    pv_mip *m = pv_calloc(1, sizeof *m);
    if (!m) {
        pv_err_nomem(err);
        return NULL;
    }
    m->c = c;
    m->r = r;
    int *named = pv_calloc(np + 1, sizeof *named), *live = pv_calloc(np + 1, sizeof *live);
    m->xcol = pv_calloc(n + 1, sizeof *m->xcol);
    m->ycol = pv_calloc(np + 1, sizeof *m->ycol);
    if (!named || !live || !m->xcol || !m->ycol)
        goto nomem;
    for (size_t j = 0; j < n; j++)
        for (size_t k = 0; k < c->proj_npartners[j]; k++) {
            named[c->proj_partners[j][k]] = 1;
            if (r->p[j].eligible)
                live[c->proj_partners[j][k]] = 1;
        }
    size_t ncols = n;
    for (size_t p = 0; p < np; p++) {
        int kept = c->keep_existing && c->partner_active[p];
        m->ycol[p] = named[p] || kept ? (long)ncols++ : -1;
    }
    m->ncols = ncols;
    m->cname = pv_calloc(ncols + 1, sizeof *m->cname);
    m->obj = pv_calloc(ncols + 1, sizeof *m->obj);
    m->cinfo = pv_calloc(ncols + 1, sizeof *m->cinfo);
    m->base_lb = pv_calloc(ncols + 1, sizeof(double));
    m->base_ub = pv_calloc(ncols + 1, sizeof(double));
    m->lb = pv_calloc(ncols + 1, sizeof(double));
    m->ub = pv_calloc(ncols + 1, sizeof(double));
    m->fix = pv_malloc((ncols + 1) * sizeof(int));
    if (!m->cname || !m->obj || !m->cinfo || !m->base_lb || !m->base_ub || !m->lb || !m->ub ||
        !m->fix)
        goto nomem;
    for (size_t j = 0; j < n; j++) {
        m->xcol[j] = (int)j;
        m->cname[j] = lp_name("x_", pv_project_id(c, j), NULL);
        if (!m->cname[j])
            goto nomem;
        m->obj[j] = r->p[j].score;
        m->cinfo[j].is_project = 1;
        m->cinfo[j].index = j;
        m->base_ub[j] = r->p[j].eligible ? 1 : 0;
    }
    for (size_t p = 0; p < np; p++) {
        if (m->ycol[p] < 0)
            continue;
        size_t col = (size_t)m->ycol[p];
        m->cname[col] = lp_name("y_", pv_partner_id(c, p), NULL);
        if (!m->cname[col])
            goto nomem;
        m->cinfo[col].index = p;
        /* partners of only-excluded projects are not engaged, unless kept */
        m->base_ub[col] = live[p] || (c->keep_existing && c->partner_active[p]) ? 1 : 0;
    }
    for (size_t j = 0; j < ncols; j++)
        m->fix[j] = -1;
    if (dedupe_names(m->cname, ncols))
        goto nomem;

    int any_kept = 0;
    for (size_t p = 0; c->keep_existing && p < np; p++)
        any_kept |= c->partner_active[p] && m->ycol[p] >= 0;
    m->ngroups = c->nres + c->ncons + (any_kept ? 1 : 0);
    m->group_on = pv_malloc((m->ngroups + 1) * sizeof(int));
    if (!m->group_on)
        goto nomem;
    for (size_t g = 0; g < m->ngroups; g++)
        m->group_on[g] = 1;

    rowb b = {m, 0, 0};
    /* Resource rows first, one per resource: load_lp's slack relies on it. */
    for (size_t k = 0; k < c->nres; k++) {
        const pv_resource *res = &c->res[k];
        pv_row *row =
            add_row(&b, lp_name("res_", res->id, NULL), (int)k, -HUGE_VAL, res->limit, ncols);
        for (size_t j = 0; row && j < n; j++)
            if (r->p[j].eligible)
                put(row, j, res->a[j]);
        for (size_t p = 0; row && p < np; p++)
            if (m->ycol[p] >= 0 && m->base_ub[m->ycol[p]] > 0)
                put(row, (size_t)m->ycol[p], res->f[p]);
    }
    for (size_t i = 0; i < c->ncons && !b.oom; i++) {
        const pv_constraint *q = &c->cons[i];
        int g = (int)(c->nres + i);
        const char *pre =
            (q->id[0] >= 'a' && q->id[0] <= 'z') || (q->id[0] >= 'A' && q->id[0] <= 'Z') ? ""
                                                                                         : "c_";
        double lo = q->has_min ? q->min : -HUGE_VAL, hi = q->has_max ? q->max : HUGE_VAL;
        pv_row *row;
        switch (q->type) {
        case PV_C_COUNT:
            row = add_row(&b, lp_name(pre, q->id, NULL), g, lo, hi, n);
            for (size_t j = 0; row && j < n; j++)
                if (r->p[j].eligible &&
                    pv_cell_has(pv_cell(c->projects, j, (size_t)q->col), q->value))
                    put(row, j, 1);
            break;
        case PV_C_SHARE: {
            const double *a = c->res[q->resource].a;
            /* Σ_cat a x ≥ s Σ a x  ⇔  Σ a (cat − s) x ≥ 0 */
            for (int side = 0; side < 2; side++) {
                if (side == 0 ? !q->has_min : !q->has_max)
                    continue;
                double s = side == 0 ? q->min : q->max;
                row = add_row(&b, lp_name(pre, q->id, side == 0 ? "min" : "max"), g,
                              side == 0 ? 0 : -HUGE_VAL, side == 0 ? HUGE_VAL : 0, n);
                for (size_t j = 0; row && j < n; j++) {
                    if (!r->p[j].eligible)
                        continue;
                    int cat = pv_cell_has(pv_cell(c->projects, j, (size_t)q->col), q->value);
                    put(row, j, a[j] * ((cat ? 1.0 : 0.0) - s));
                }
            }
            break;
        }
        case PV_C_REQUIRES:
            for (size_t k = 0; k < q->nprojects; k++) {
                char nm[300];
                snprintf(nm, sizeof nm, "%s%s", pre, q->id);
                row = add_row(&b, lp_name(nm, NULL, pv_project_id(c, q->projects[k])), g, -HUGE_VAL,
                              0, 2);
                if (q->projects[k] == q->project)
                    continue; /* P needs P: always true */
                put(row, q->project, 1);
                put(row, q->projects[k], -1);
            }
            break;
        case PV_C_EXCLUSIVE:
            row = add_row(&b, lp_name(pre, q->id, NULL), g, lo, hi, q->nprojects);
            {
                /* a project listed twice counts once */
                for (size_t k = 0; row && k < q->nprojects; k++) {
                    int dup = 0;
                    for (size_t l = 0; l < k; l++)
                        dup |= q->projects[l] == q->projects[k];
                    if (!dup)
                        put(row, q->projects[k], 1);
                }
            }
            break;
        case PV_C_FORCE:
            break; /* bounds, see recompute_bounds */
        case PV_C_MAX_PARTNERS:
        case PV_C_MIN_PARTNERS:
            row = add_row(&b, lp_name(pre, q->id, NULL), g, lo, hi, np);
            for (size_t p = 0; row && p < np; p++) {
                if (m->ycol[p] < 0)
                    continue;
                if (q->col >= 0 && !pv_cell_has(pv_cell(c->partners, p, (size_t)q->col), q->value))
                    continue;
                put(row, (size_t)m->ycol[p], 1);
            }
            break;
        }
    }
    /* x_j <= y_p: a project needs all its partners */
    for (size_t j = 0; j < n && !b.oom; j++) {
        if (!r->p[j].eligible)
            continue;
        for (size_t k = 0; k < c->proj_npartners[j]; k++) {
            size_t p = c->proj_partners[j][k];
            int dup = 0;
            for (size_t l = 0; l < k; l++)
                dup |= c->proj_partners[j][l] == p;
            if (dup)
                continue;
            pv_row *row = add_row(&b, lp_name("link_", pv_project_id(c, j), pv_partner_id(c, p)),
                                  -1, -HUGE_VAL, 0, 2);
            put(row, j, 1);
            put(row, (size_t)m->ycol[p], -1);
        }
    }
    if (b.oom)
        goto nomem;
    {
        char **rn = pv_malloc((m->nrows + 1) * sizeof *rn);
        if (!rn)
            goto nomem;
        for (size_t i = 0; i < m->nrows; i++)
            rn[i] = m->rows[i].name;
        int rc = dedupe_names(rn, m->nrows);
        for (size_t i = 0; i < m->nrows; i++)
            m->rows[i].name = rn[i];
        pv_free(rn);
        if (rc)
            goto nomem;
    }
    if (m->nrows > (size_t)INT_MAX / 4) {
        pv_err(err, PV_EINPUT, c->path, 0, 0, "too many constraints for the solver");
        goto fail;
    }
    /* column-wise copy */
    m->cstart = pv_calloc(ncols + 2, sizeof(size_t));
    size_t nnz = 0;
    for (size_t i = 0; i < m->nrows; i++)
        nnz += m->rows[i].nz;
    m->crow = pv_malloc((nnz + 1) * sizeof(size_t));
    m->cval = pv_malloc((nnz + 1) * sizeof(double));
    if (!m->cstart || !m->crow || !m->cval)
        goto nomem;
    for (size_t i = 0; i < m->nrows; i++)
        for (size_t z = 0; z < m->rows[i].nz; z++)
            m->cstart[m->rows[i].col[z] + 1]++;
    for (size_t j = 0; j < ncols; j++)
        m->cstart[j + 1] += m->cstart[j];
    {
        size_t *pos = pv_malloc((ncols + 1) * sizeof *pos);
        if (!pos)
            goto nomem;
        memcpy(pos, m->cstart, ncols * sizeof *pos);
        for (size_t i = 0; i < m->nrows; i++)
            for (size_t z = 0; z < m->rows[i].nz; z++) {
                size_t j = m->rows[i].col[z];
                m->crow[pos[j]] = i;
                m->cval[pos[j]++] = m->rows[i].val[z];
            }
        pv_free(pos);
    }
    recompute_bounds(m);
    m->lp = load_lp(m, 0);
    if (!m->lp)
        goto nomem;
    pv_free(named);
    pv_free(live);
    return m;
nomem:
    pv_err_nomem(err);
fail:
    pv_free(named);
    pv_free(live);
    pv_mip_free(m);
    return NULL;
}

/* ------------------------------------------------------------- checks */

static double tol(double b) { return 1e-9 * (fabs(b) > 1 ? fabs(b) : 1); }

static int row_on(const pv_mip *m, size_t i)
{
    return m->rows[i].group < 0 || m->group_on[m->rows[i].group];
}

int pv_mip_feasible(const pv_mip *m, const unsigned char *val)
{
    for (size_t j = 0; j < m->ncols; j++)
        if (val[j] < m->lb[j] || val[j] > m->ub[j])
            return 0;
    for (size_t i = 0; i < m->nrows; i++) {
        if (!row_on(m, i))
            continue;
        const pv_row *r = &m->rows[i];
        double s = 0;
        for (size_t z = 0; z < r->nz; z++)
            s += r->val[z] * val[r->col[z]];
        if (s < r->lb - tol(r->lb) || s > r->ub + tol(r->ub))
            return 0;
    }
    return 1;
}

double pv_mip_value(const pv_mip *m, const unsigned char *val)
{
    double s = 0;
    for (size_t j = 0; j < m->ncols; j++)
        s += m->obj[j] * val[j];
    return s;
}

/* ------------------------------------------------------------- greedy */

typedef struct gs {
    const pv_mip *m;
    unsigned char *val;
    double *act;
    size_t *use;   /* per column of a partner: selected projects naming it */
    double *delta; /* per row, scratch */
    size_t *touched;
    size_t nt;
    size_t flips[1024];
    size_t nflips;
} gs;

static double viol(const pv_row *r, double a)
{
    if (a < r->lb)
        return r->lb - a;
    if (a > r->ub)
        return a - r->ub;
    return 0;
}

static void flip_delta(gs *g, size_t col, double sign)
{
    const pv_mip *m = g->m;
    for (size_t z = m->cstart[col]; z < m->cstart[col + 1]; z++) {
        size_t i = m->crow[z];
        if (!row_on(m, i))
            continue;
        if (g->delta[i] == 0) {
            int seen = 0;
            for (size_t t = 0; t < g->nt && !seen; t++)
                seen = g->touched[t] == i;
            if (!seen)
                g->touched[g->nt++] = i;
        }
        g->delta[i] += sign * m->cval[z];
    }
}

/* Project j on (on=1) or off, with the partner columns that follow. Returns
 * 1 when applied: no row's violation grows. */
static int try_move(gs *g, size_t j_in, size_t j_out, int commit_always)
{
    const pv_mip *m = g->m;
    const pv_case *c = m->c;
    g->nt = 0;
    g->nflips = 0;
    size_t js[2] = {j_out, j_in};
    /* partner usage after the move */
    for (int s = 0; s < 2; s++) {
        size_t j = js[s];
        if (j == (size_t)-1)
            continue;
        int on = s == 1;
        if (on ? g->val[j] || m->ub[j] < 1 : !g->val[j] || m->lb[j] > 0)
            return 0;
        flip_delta(g, j, on ? 1 : -1);
        g->flips[g->nflips++] = j;
        for (size_t k = 0; k < c->proj_npartners[j]; k++) {
            long yc = m->ycol[c->proj_partners[j][k]];
            if (yc < 0)
                continue;
            size_t col = (size_t)yc;
            int dup = 0;
            for (size_t f = 0; f < g->nflips; f++)
                dup |= g->flips[f] == col;
            if (dup) {
                continue;
            }
            if (on && !g->val[col] && g->use[col] == 0) {
                if (m->ub[col] < 1)
                    goto reject;
                if (g->nflips >= 1000)
                    goto reject;
                flip_delta(g, col, 1);
                g->flips[g->nflips++] = col;
            } else if (!on && g->val[col] && g->use[col] == 1 && m->lb[col] < 1) {
                /* partner only used by j */
                int other_in = j_in != (size_t)-1;
                int shared = 0;
                for (size_t l = 0; other_in && l < c->proj_npartners[j_in]; l++)
                    shared |= c->proj_partners[j_in][l] == c->proj_partners[j][k];
                if (shared)
                    continue;
                if (g->nflips >= 1000)
                    goto reject;
                flip_delta(g, col, -1);
                g->flips[g->nflips++] = col;
            }
        }
    }
    int ok = 1;
    for (size_t t = 0; t < g->nt && ok; t++) {
        size_t i = g->touched[t];
        const pv_row *r = &m->rows[i];
        double before = viol(r, g->act[i]), after = viol(r, g->act[i] + g->delta[i]);
        if (after > before + tol(r->ub == HUGE_VAL ? r->lb : r->ub))
            ok = 0;
    }
    if (ok || commit_always) {
        for (size_t t = 0; t < g->nt; t++)
            g->act[g->touched[t]] += g->delta[g->touched[t]];
        for (size_t f = 0; f < g->nflips; f++)
            g->val[g->flips[f]] ^= 1;
        for (int s = 0; s < 2; s++) {
            size_t j = js[s];
            if (j == (size_t)-1)
                continue;
            for (size_t k = 0; k < c->proj_npartners[j]; k++) {
                long yc = m->ycol[c->proj_partners[j][k]];
                if (yc >= 0)
                    g->use[yc] += s == 1 ? 1 : (size_t)-1;
            }
        }
    }
    for (size_t t = 0; t < g->nt; t++)
        g->delta[g->touched[t]] = 0;
    return ok;
reject:
    for (size_t t = 0; t < g->nt; t++)
        g->delta[g->touched[t]] = 0;
    return 0;
}

typedef struct effctx {
    const double *eff;
} effctx;

static int cmp_eff(size_t a, size_t b, const void *ctx)
{
    const double *e = ((const effctx *)ctx)->eff;
    return e[a] > e[b] ? -1 : e[a] < e[b] ? 1 : 0;
}

int pv_mip_greedy(const pv_mip *m, unsigned char *val)
{
    const pv_case *c = m->c;
    size_t n = c->projects->nrows;
    gs g;
    memset(&g, 0, sizeof g);
    g.m = m;
    g.val = val;
    g.act = pv_calloc(m->nrows + 1, sizeof(double));
    g.delta = pv_calloc(m->nrows + 1, sizeof(double));
    g.touched = pv_malloc((m->nrows + 1) * sizeof(size_t));
    g.use = pv_calloc(m->ncols + 1, sizeof(size_t));
    double *eff = pv_calloc(n + 1, sizeof(double));
    size_t *ord = pv_malloc((n + 1) * sizeof(size_t));
    int found = 0;
    if (!g.act || !g.delta || !g.touched || !g.use || !eff || !ord)
        goto out;
    for (size_t j = 0; j < m->ncols; j++)
        val[j] = 0;
    for (size_t j = 0; j < m->ncols; j++)
        if (m->lb[j] > 0 && m->cinfo[j].is_project)
            try_move(&g, j, (size_t)-1, 1);
    for (size_t j = 0; j < m->ncols; j++)
        if (m->lb[j] > 0 && !val[j]) {
            val[j] = 1; /* kept partners */
            for (size_t z = m->cstart[j]; z < m->cstart[j + 1]; z++)
                g.act[m->crow[z]] += m->cval[z];
        }
    size_t nc = 0;
    for (size_t j = 0; j < n; j++) {
        if (m->ub[j] < 1 || val[j] || m->obj[j] <= 0)
            continue;
        double w = 1e-9;
        for (size_t k = 0; k < c->nres; k++) {
            double need = c->res[k].a[j];
            for (size_t l = 0; l < c->proj_npartners[j]; l++)
                need += c->res[k].f[c->proj_partners[j][l]] / 2;
            w += need / (c->res[k].limit > 0 ? c->res[k].limit : 1e-9);
        }
        eff[j] = m->obj[j] / w;
        ord[nc++] = j;
    }
    effctx ec = {eff};
    if (pv_sort_idx(ord, nc, cmp_eff, &ec))
        goto out;
    for (size_t t = 0; t < nc; t++)
        try_move(&g, ord[t], (size_t)-1, 0);
    /* local search: swap one selected project for a better unselected one */
    size_t budget = 4000000;
    for (int pass = 0; pass < 20; pass++) {
        int improved = 0;
        for (size_t a = 0; a < nc; a++) {
            size_t jn = ord[a];
            if (val[jn])
                continue;
            if (try_move(&g, jn, (size_t)-1, 0)) {
                improved = 1;
                continue;
            }
            for (size_t b = nc; b-- > 0;) {
                size_t jo = ord[b];
                if (!val[jo] || m->obj[jo] >= m->obj[jn])
                    continue;
                if (budget-- == 0)
                    goto done;
                if (try_move(&g, jn, jo, 0)) {
                    improved = 1;
                    /* refill what the swap freed */
                    for (size_t t = 0; t < nc; t++)
                        if (!val[ord[t]])
                            try_move(&g, ord[t], (size_t)-1, 0);
                    break;
                }
            }
        }
        if (!improved)
            break;
    }
done:
    found = pv_mip_feasible(m, val);
out:
    pv_free(g.act);
    pv_free(g.delta);
    pv_free(g.touched);
    pv_free(g.use);
    pv_free(eff);
    pv_free(ord);
    return found;
}

/* ------------------------------------------------------------- solve */

typedef struct cbinfo {
    const pv_mip *m;
    const unsigned char *start;
    double *x; /* 1-based start for glp_ios_heur_sol */
    int given;
    double bound;
    int have_bound;
    long nodes;
    long node_limit; /* > 0: stop after this many subproblems */
    int limited;     /* the node limit stopped the search */
} cbinfo;

static void callback(glp_tree *T, void *info)
{
    cbinfo *cb = info;
    int node = glp_ios_best_node(T);
    if (node) {
        cb->bound = glp_ios_node_bound(T, node);
        cb->have_bound = 1;
    }
    if (glp_ios_reason(T) == GLP_IHEUR && cb->start && !cb->given) {
        cb->given = 1;
        glp_ios_heur_sol(T, cb->x);
    }
    if (glp_ios_reason(T) == GLP_ISELECT && cb->node_limit > 0 && ++cb->nodes > cb->node_limit) {
        cb->limited = 1;
        glp_ios_terminate(T);
    }
}

static int bounds_conflict(const pv_mip *m)
{
    for (size_t j = 0; j < m->ncols; j++)
        if (m->lb[j] > m->ub[j])
            return 1;
    return 0;
}

/* Problems GLPK need not see: no columns or no rows. */
static int solve_trivial(pv_mip *m, pv_mip_sol *sol)
{
    for (size_t j = 0; j < m->ncols; j++)
        sol->val[j] = m->obj[j] > 0 ? (unsigned char)m->ub[j] : (unsigned char)m->lb[j];
    if (pv_mip_feasible(m, sol->val)) {
        sol->status = PV_STATUS_OPTIMAL;
        sol->obj = sol->bound = pv_mip_value(m, sol->val);
    } else
        sol->status = PV_STATUS_INFEASIBLE;
    return 0;
}

/* Tuning chosen by measurement (tests/bench/select_bench.sh): see report. */
int pv_solver_cuts = 0; /* 0 none, 1 cover+clique+MIR, 2 + Gomory: 0 was 2-3x faster */
int pv_solver_fp = 0;
int pv_solver_greedy = 1;
int pv_solver_br = GLP_BR_DTH;
int pv_solver_bt = GLP_BT_BLB;
int pv_solver_presolve = 0;

int pv_solver_core = 1;
long pv_solver_core_nodes = 30000;
long pv_solver_proof_nodes = 2000;
long pv_solver_probe_max = 400;
/* Chu-Beasley mknapcb1-9, 10 s: widths 30/35/40/50 gave mean gaps of
 * 0.103/0.109/0.102/0.110 % (glpsol 0.122 %); random windows did worse. */
int pv_solver_lns_width = 40;
int pv_solver_lns_passes = 3;
long pv_solver_lns_nodes = 5000;

/* Status, objective, bound and gap of the portfolio in sol->val. */
static void set_outcome(const pv_mip *m, pv_mip_sol *sol, int proven, double bound)
{
    sol->obj = pv_mip_value(m, sol->val);
    if (proven) {
        sol->status = PV_STATUS_OPTIMAL;
        sol->bound = sol->obj;
        sol->gap = 0;
    } else {
        sol->status = PV_STATUS_FEASIBLE;
        sol->bound = bound > sol->obj ? bound : sol->obj;
        sol->gap = fabs(sol->bound - sol->obj) / (fabs(sol->obj) + DBL_EPSILON);
    }
}

/* ------------------------------------------------------- core search
 *
 * Plain branch and bound spends most of its time proving optimality among
 * columns whose LP reduced cost is small. The main solve therefore first
 * looks for a very good portfolio and then shrinks the problem the proof
 * must cover; the status, bound and gap stay GLPK's (README, "How the main
 * solve runs"):
 *
 *  1. Core rounds (a heuristic, as in the "core concept" for multi-
 *     dimensional knapsacks): fix every column outside the K with the
 *     smallest |reduced cost| at its LP value and solve what is left, for K
 *     growing. Each round stops after a fixed number of subproblems, so that
 *     the portfolio found does not depend on the machine's speed.
 *  2. Windows, when a core was too hard to finish: re-optimise 40 columns
 *     at a time with everything else at the incumbent.
 *  3. Reduced-cost fixing and LP probing against the incumbent (value z):
 *     a column is fixed only where every portfolio worth z or more has it.
 *  4. The proof on the fixed problem, GLPK's presolver removing the fixed
 *     columns and the rows they empty; or, when that does not pay or does
 *     not finish, the plain search from the best portfolio (the caller).
 */
typedef struct subres {
    int found, proven, infeasible, have_bound;
    int node_stop; /* the node limit ended the search */
    int gap_stop;  /* the relative gap was reached */
    double obj, bound;
} subres;

/* A copy of lp with every column j where fix[j] >= 0 fixed there. */
static glp_prob *fixed_copy(const pv_mip *m, glp_prob *lp, const signed char *fix)
{
    glp_prob *q = glp_create_prob();
    glp_copy_prob(q, lp, GLP_OFF);
    for (size_t j = 0; j < m->ncols; j++)
        if (fix[j] >= 0)
            glp_set_col_bnds(q, (int)j + 1, GLP_FX, fix[j], fix[j]);
    return q;
}

/* Branch and bound on a copy of lp with fix[j] >= 0 fixed. GLPK's presolver
 * removes the fixed columns and the rows they leave empty or redundant. */
static void sub_solve(const pv_mip *m, glp_prob *lp, const signed char *fix, double gap,
                      double tm_ms, long node_limit, int br, int bt, unsigned char *val, subres *r)
{
    memset(r, 0, sizeof *r);
    glp_prob *q = fixed_copy(m, lp, fix);
    cbinfo cb;
    memset(&cb, 0, sizeof cb);
    cb.m = m;
    cb.node_limit = node_limit;
    glp_iocp ip;
    glp_init_iocp(&ip);
    ip.msg_lev = GLP_MSG_OFF;
    ip.presolve = GLP_ON;
    ip.br_tech = br;
    ip.bt_tech = bt;
    ip.cov_cuts = ip.clq_cuts = ip.mir_cuts = pv_solver_cuts >= 1 ? GLP_ON : GLP_OFF;
    ip.gmi_cuts = pv_solver_cuts >= 2 ? GLP_ON : GLP_OFF;
    ip.fp_heur = pv_solver_fp ? GLP_ON : GLP_OFF;
    ip.mip_gap = gap;
    ip.tm_lim = tm_ms > 1 ? (int)tm_ms : 1;
    ip.cb_func = callback;
    ip.cb_info = &cb;
    int rc = glp_intopt(q, &ip);
    int ms = glp_mip_status(q);
    if (ms == GLP_OPT || ms == GLP_FEAS) {
        for (size_t j = 0; j < m->ncols; j++)
            val[j] = glp_mip_col_val(q, (int)j + 1) > 0.5;
        r->found = 1;
        r->obj = pv_mip_value(m, val);
    }
    r->proven = rc == 0 && ms == GLP_OPT;
    r->infeasible = (rc == 0 && ms == GLP_NOFEAS) || rc == GLP_ENOPFS;
    r->node_stop = cb.limited;
    r->gap_stop = rc == GLP_EMIPGAP;
    r->have_bound = cb.have_bound;
    r->bound = cb.bound;
    glp_delete_prob(q);
}

typedef struct dctx {
    const double *d;
} dctx;

/* The root LP bound already shows the incumbent within the relative gap
 * the user asked for (GLPK's definition): no need to look further. */
static int within_gap(double gap, double lpobj, double incobj)
{
    return gap > 0 && incobj > -HUGE_VAL && lpobj - incobj <= gap * (fabs(incobj) + DBL_EPSILON);
}

static int cmp_dj(size_t a, size_t b, const void *ctx)
{
    const double *d = ((const dctx *)ctx)->d;
    return d[a] < d[b] ? -1 : d[a] > d[b] ? 1 : a < b ? -1 : a > b;
}

/* Time for one heuristic round: at most 15 % of the limit, and never into
 * the half that is kept for the full search. */
static double round_ms(double left, double tl_ms)
{
    double r = left - tl_ms / 2;
    return r < 0.15 * tl_ms ? r : 0.15 * tl_ms;
}

/* Probing: for each free column (at most pv_solver_probe_max), the LP with
 * the column moved away from its LP value; when that LP cannot reach cutoff,
 * no portfolio worth cutoff has the column there, and it is fixed. Fixings
 * accumulate. Cheaper than the subproblems it saves: on the generated
 * 120x40x4 cases it fixed about 40 more columns in 3 ms and cut the proof
 * by a third. Returns how many were fixed. */
static size_t probe(const pv_mip *m, glp_prob *lp, const size_t *ord, size_t nfree,
                    const signed char *bnd, signed char *fix, double cutoff)
{
    glp_prob *q = fixed_copy(m, lp, fix);
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = GLP_MSG_OFF;
    sp.meth = GLP_DUALP;
    if (glp_simplex(q, &sp) != 0 || glp_get_status(q) != GLP_OPT) {
        glp_delete_prob(q);
        return 0;
    }
    sp.meth = GLP_DUAL;
    sp.obj_ll = cutoff;
    size_t fixed = 0, probes = 0;
    for (size_t t = 0; t < nfree && probes < (size_t)pv_solver_probe_max; t++) {
        size_t j = ord[t];
        if (fix[j] >= 0)
            continue;
        probes++;
        int tries[2], nt = 0;
        if (bnd[j] >= 0)
            tries[nt++] = 1 - bnd[j];
        else {
            tries[nt++] = 0;
            tries[nt++] = 1;
        }
        for (int k = 0; k < nt; k++) {
            int v = tries[k];
            glp_set_col_bnds(q, (int)j + 1, GLP_FX, v, v);
            int rc = glp_simplex(q, &sp);
            int dead =
                (rc == 0 && (glp_get_status(q) == GLP_NOFEAS ||
                             (glp_get_status(q) == GLP_OPT && glp_get_obj_val(q) < cutoff))) ||
                (rc == GLP_EOBJLL && glp_get_obj_val(q) < cutoff);
            if (dead) {
                fix[j] = (signed char)(1 - v);
                glp_set_col_bnds(q, (int)j + 1, GLP_FX, 1 - v, 1 - v);
                fixed++;
                break;
            }
            glp_set_col_bnds(q, (int)j + 1, GLP_DB, 0, 1);
        }
    }
    glp_delete_prob(q);
    return fixed;
}

/* Returns 0 with sol filled, 1 when the caller should go on with its plain
 * search (from seed when *seeded), -1 when out of memory. lp holds the
 * optimal root LP (objective lpobj). */
static int core_solve(pv_mip *m, glp_prob *lp, double lpobj, const unsigned char *start, double t0,
                      double tl_ms, double gap, pv_mip_sol *sol, unsigned char *seed, int *seeded)
{
    *seeded = 0;
    size_t n = m->ncols;
    double *d = pv_calloc(n + 1, sizeof *d);
    signed char *bnd = pv_malloc(n + 1), *fix = pv_malloc(n + 1);
    size_t *ord = pv_malloc((n + 1) * sizeof *ord);
    unsigned char *inc = pv_calloc(n + 1, 1), *cand = pv_calloc(n + 1, 1);
    int ret = -1;
    if (!d || !bnd || !fix || !ord || !inc || !cand)
        goto out;
    size_t nfree = 0, nbasic = 0;
    for (size_t j = 0; j < n; j++) {
        bnd[j] = fix[j] = -1;
        if (m->lb[j] >= m->ub[j])
            continue;
        int st = glp_get_col_stat(lp, (int)j + 1);
        if (st == GLP_BS)
            nbasic++;
        else if (st == GLP_NL || st == GLP_NU) {
            d[j] = fabs(glp_get_col_dual(lp, (int)j + 1));
            bnd[j] = st == GLP_NU ? (signed char)m->ub[j] : (signed char)m->lb[j];
        }
        ord[nfree++] = j;
    }
    dctx dc = {d};
    if (pv_sort_idx(ord, nfree, cmp_dj, &dc))
        goto out;
    int have = start && pv_mip_feasible(m, start);
    double incobj = -HUGE_VAL;
    if (have) {
        memcpy(inc, start, n);
        incobj = pv_mip_value(m, inc);
    }
    subres r;
    int hard = 0;
    size_t K0 = nbasic + (nfree / 10 > 10 ? nfree / 10 : 10); /* the first core */
    for (size_t K = K0; K < nfree * 6 / 10; K *= 2) {
        double left = tl_ms - (now_ms() - t0);
        if (left < tl_ms / 2 || within_gap(gap, lpobj, incobj))
            break;
        for (size_t t = 0; t < nfree; t++)
            fix[ord[t]] = t < K ? -1 : bnd[ord[t]];
        sub_solve(m, lp, fix, gap, round_ms(left, tl_ms), pv_solver_core_nodes, GLP_BR_PCH,
                  GLP_BT_BPH, cand, &r);
        hard |= !r.proven;
        if (r.found && pv_mip_feasible(m, cand) && r.obj > incobj + tol(incobj)) {
            memcpy(inc, cand, n);
            incobj = r.obj;
            have = 1;
        }
    }
    /* Windows (when the cores were too hard to solve, so that the incumbent
     * may still be improved): every column is fixed at the incumbent's value
     * but a window of pv_solver_lns_width in reduced-cost order, within the
     * first three first-round cores; the window slides by half its width. */
    size_t C = 3 * K0;
    if (C > nfree)
        C = nfree;
    size_t W = (size_t)pv_solver_lns_width;
    for (int pass = 0; hard && have && W > 0 && pass < pv_solver_lns_passes; pass++) {
        int improved = 0;
        for (size_t s0 = 0; s0 < C; s0 += W / 2) {
            double left = tl_ms - (now_ms() - t0);
            if (left < tl_ms / 2 || within_gap(gap, lpobj, incobj))
                break;
            for (size_t j = 0; j < n; j++)
                fix[j] = m->lb[j] < m->ub[j] ? (signed char)inc[j] : -1;
            for (size_t t = s0; t < C && t < s0 + W; t++)
                fix[ord[t]] = -1;
            sub_solve(m, lp, fix, gap, round_ms(left, tl_ms), pv_solver_lns_nodes, GLP_BR_DTH,
                      GLP_BT_BLB, cand, &r);
            if (r.found && pv_mip_feasible(m, cand) && r.obj > incobj + tol(incobj)) {
                memcpy(inc, cand, n);
                incobj = r.obj;
                improved = 1;
            }
            if (s0 + W >= C)
                break;
        }
        if (!improved)
            break;
    }
    double margin = 1e-7 * (fabs(incobj) > 1 ? fabs(incobj) : 1);
    size_t nfixed = 0;
    for (size_t t = 0; t < nfree; t++) {
        size_t j = ord[t];
        fix[j] = have && bnd[j] >= 0 && lpobj - d[j] < incobj - margin ? bnd[j] : -1;
        nfixed += fix[j] >= 0;
    }
    if (have && nfixed * 3 < nfree) {
        /* Too little fixed for the presolved search to pay: hand over. */
        memcpy(seed, inc, n);
        *seeded = 1;
        ret = 1;
        goto out;
    }
    if (have)
        nfixed += probe(m, lp, ord, nfree, bnd, fix, incobj - margin);
    /* The proof on the fixed problem, for a bounded number of subproblems:
     * without the incumbent (presolved columns are renumbered, so GLPK
     * cannot take it) a long search wastes what the incumbent would prune. */
    long limit = pv_solver_proof_nodes;
    if (m->node_limit > 0 && m->node_limit < limit)
        limit = m->node_limit;
    double left = tl_ms - (now_ms() - t0);
    sub_solve(m, lp, fix, gap, left, limit, GLP_BR_PCH, GLP_BT_BPH, cand, &r);
    int finished = r.proven || r.infeasible || (r.found && r.gap_stop) || !r.node_stop;
    if (!finished) {
        /* hand the best portfolio to the plain search */
        if (r.found && pv_mip_feasible(m, cand) && r.obj > incobj) {
            memcpy(inc, cand, n);
            have = 1;
        }
        if (have)
            memcpy(seed, inc, n);
        *seeded = have;
        ret = 1;
        goto out;
    }
    /* GLPK's answer is taken as the plain search takes it: within GLPK's own
     * feasibility tolerance (a frontier steps past such limits). */
    if (r.found && (!have || r.obj >= incobj - margin)) {
        memcpy(sol->val, cand, n);
    } else if (have) {
        memcpy(sol->val, inc, n);
    } else if (r.infeasible) {
        sol->status = PV_STATUS_INFEASIBLE; /* nothing was fixed: the whole problem */
        ret = 0;
        goto out;
    } else {
        *seeded = 0;
        ret = 1;
        goto out;
    }
    /* proven over the fixed problem, which holds every portfolio worth more
     * than the incumbent: proven for the whole problem */
    set_outcome(m, sol, r.proven || (r.infeasible && have), r.have_bound ? r.bound : lpobj);
    ret = 0;
out:
    pv_free(d);
    pv_free(bnd);
    pv_free(fix);
    pv_free(ord);
    pv_free(inc);
    pv_free(cand);
    return ret;
}

int pv_mip_solve(pv_mip *m, double time_limit_s, double mip_gap, const unsigned char *start,
                 pv_mip_sol *sol, pv_error *err)
{
    glpk_quiet();
    double t0 = now_ms();
    sol->status = PV_STATUS_ERROR;
    sol->obj = sol->bound = sol->gap = 0;
    if (bounds_conflict(m)) {
        sol->status = PV_STATUS_INFEASIBLE;
        sol->ms = now_ms() - t0;
        return 0;
    }
    size_t active_rows = 0;
    for (size_t i = 0; i < m->nrows; i++)
        active_rows += row_on(m, i) && m->rows[i].nz > 0;
    int free_cols = 0;
    for (size_t j = 0; j < m->ncols; j++)
        free_cols |= m->lb[j] < m->ub[j];
    if (!active_rows || !free_cols) {
        /* every row empty or free: rows are then constants */
        int rc = solve_trivial(m, sol);
        sol->ms = now_ms() - t0;
        return rc;
    }
    glp_prob *lp = m->lp;
    glp_smcp sp;
    glp_init_smcp(&sp);
    sp.msg_lev = GLP_MSG_OFF;
    sp.meth = GLP_DUALP;
    double tl = time_limit_s > 0 ? time_limit_s : 60;
    if (tl > 86400)
        tl = 86400;
    sp.tm_lim = (int)(tl * 1000);
    if (!m->lp_basis_ok) {
        glp_scale_prob(lp, GLP_SF_AUTO);
        glp_adv_basis(lp, 0);
        m->lp_basis_ok = 1;
    }
    int rc = glp_simplex(lp, &sp);
    if (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND) {
        glp_adv_basis(lp, 0);
        rc = glp_simplex(lp, &sp);
    }
    if (rc == 0 && (glp_get_status(lp) == GLP_NOFEAS || glp_get_prim_stat(lp) == GLP_NOFEAS)) {
        sol->status = PV_STATUS_INFEASIBLE;
        sol->ms = now_ms() - t0;
        return 0;
    }
    if (rc != 0 || glp_get_status(lp) != GLP_OPT) {
        if (rc == GLP_ETMLIM) {
            sol->status = PV_STATUS_ERROR;
            pv_err(err, PV_EINTERNAL, NULL, 0, 0,
                   "GLPK: the time limit ran out before the LP relaxation was solved");
        } else
            pv_err(err, PV_EINTERNAL, NULL, 0, 0, "GLPK: LP relaxation failed (code %d)", rc);
        return -1;
    }
    double lpobj = glp_get_obj_val(lp);
    unsigned char *seed = NULL;
    if (m->core_search && pv_solver_core) {
        seed = pv_malloc(m->ncols + 1);
        int seeded = 0;
        int cr = seed ? core_solve(m, lp, lpobj, start, t0, tl * 1000, mip_gap > 0 ? mip_gap : 0,
                                   sol, seed, &seeded)
                      : -1;
        if (cr != 1 || !seeded) {
            pv_free(seed);
            seed = NULL;
        }
        if (cr < 0) {
            pv_err_nomem(err);
            return -1;
        }
        if (cr == 0) {
            sol->ms = now_ms() - t0;
            return 0;
        }
        if (seed)
            start = seed;
    }
    glp_iocp ip;
    glp_init_iocp(&ip);
    ip.msg_lev = GLP_MSG_OFF;
    /* The start solution refers to our columns; the presolver renumbers them. */
    ip.presolve = pv_solver_presolve ? GLP_ON : GLP_OFF;
    ip.br_tech = pv_solver_br;
    ip.bt_tech = pv_solver_bt;
    ip.cov_cuts = pv_solver_cuts >= 1 ? GLP_ON : GLP_OFF;
    ip.clq_cuts = pv_solver_cuts >= 1 ? GLP_ON : GLP_OFF;
    ip.mir_cuts = pv_solver_cuts >= 1 ? GLP_ON : GLP_OFF;
    ip.gmi_cuts = pv_solver_cuts >= 2 ? GLP_ON : GLP_OFF;
    ip.fp_heur = pv_solver_fp ? GLP_ON : GLP_OFF;
    ip.mip_gap = mip_gap > 0 ? mip_gap : 0;
    double left = tl * 1000 - (now_ms() - t0);
    ip.tm_lim = left > 1 ? (int)left : 1;
    cbinfo cb;
    memset(&cb, 0, sizeof cb);
    cb.m = m;
    cb.node_limit = m->node_limit;
    cb.x = pv_malloc((m->ncols + 1) * sizeof(double));
    if (!cb.x) {
        pv_free(seed);
        pv_err_nomem(err);
        return -1;
    }
    if (start && !pv_solver_presolve && pv_mip_feasible(m, start)) {
        cb.start = start;
        for (size_t j = 0; j < m->ncols; j++)
            cb.x[j + 1] = start[j];
    }
    ip.cb_func = callback;
    ip.cb_info = &cb;
    rc = glp_intopt(lp, &ip);
    pv_free(cb.x);
    int ms = glp_mip_status(lp);
    if (ms == GLP_OPT || ms == GLP_FEAS) {
        for (size_t j = 0; j < m->ncols; j++)
            sol->val[j] = glp_mip_col_val(lp, (int)j + 1) > 0.5;
        set_outcome(m, sol, ms == GLP_OPT && rc == 0, cb.have_bound ? cb.bound : lpobj);
    } else if (ms == GLP_NOFEAS) {
        sol->status = PV_STATUS_INFEASIBLE;
    } else if (start && cb.start) {
        /* time ran out before GLPK took the start: it is still a portfolio */
        memcpy(sol->val, start, m->ncols);
        sol->obj = pv_mip_value(m, sol->val);
        sol->status = PV_STATUS_FEASIBLE;
        sol->bound = lpobj;
        sol->gap = fabs(sol->bound - sol->obj) / (fabs(sol->obj) + DBL_EPSILON);
    } else {
        sol->status = PV_STATUS_ERROR;
        pv_err(err, PV_EINTERNAL, NULL, 0, 0,
               rc == GLP_ETMLIM ? "GLPK found no portfolio within the time limit"
                                : "GLPK: branch and bound failed (code %d)",
               rc);
        sol->ms = now_ms() - t0;
        pv_free(seed);
        return -1;
    }
    pv_free(seed);
    sol->ms = now_ms() - t0;
    return 0;
}

int pv_mip_min_excess(pv_mip *m, double time_limit_s, double *excess, pv_error *err)
{
    glpk_quiet();
    const pv_case *c = m->c;
    for (size_t k = 0; k < c->nres; k++)
        excess[k] = 0;
    if (bounds_conflict(m))
        return 0;
    glp_prob *lp = load_lp(m, 1);
    if (!lp) {
        pv_err_nomem(err);
        return -1;
    }
    glp_iocp ip;
    glp_init_iocp(&ip);
    ip.msg_lev = GLP_MSG_OFF;
    ip.presolve = GLP_ON;
    ip.tm_lim = (int)((time_limit_s > 0 && time_limit_s < 86400 ? time_limit_s : 60) * 1000);
    int rc = glp_get_num_rows(lp) && glp_get_num_cols(lp) ? glp_intopt(lp, &ip) : GLP_EFAIL;
    int ms = glp_mip_status(lp);
    int ret = 0;
    if (rc == 0 || rc == GLP_ETMLIM || rc == GLP_ENOPFS) {
        if (ms == GLP_OPT || ms == GLP_FEAS) {
            for (size_t k = 0; k < c->nres; k++) {
                double s = glp_mip_col_val(lp, (int)(m->ncols + k) + 1);
                /* GLPK works in floating point: round away dust */
                excess[k] = s > tol(c->res[k].limit) ? s : 0;
            }
            ret = 1;
        }
    }
    glp_delete_prob(lp);
    return ret;
}

int pv_mip_write(pv_mip *m, pv_export_fmt fmt, const char *path, pv_error *err)
{
    glpk_quiet();
    const char *tmpdir = getenv("TMPDIR");
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/partnerval-XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        pv_err(err, PV_EINTERNAL, tmp, 0, 0, "cannot create a temporary file");
        return -1;
    }
    close(fd);
    /* a fresh problem: the solver's copy may be scaled */
    glp_prob *lp = load_lp(m, 0);
    if (!lp) {
        unlink(tmp);
        pv_err_nomem(err);
        return -1;
    }
    int rc = fmt == PV_EXPORT_LP ? glp_write_lp(lp, NULL, tmp)
                                 : glp_write_mps(lp, GLP_MPS_FILE, NULL, tmp);
    glp_delete_prob(lp);
    if (rc) {
        unlink(tmp);
        pv_err(err, PV_EINTERNAL, path, 0, 0, "GLPK could not write the model");
        return -1;
    }
    size_t len = 0;
    char *data = pv_read_file(tmp, &len, err);
    unlink(tmp);
    if (!data)
        return -1;
    rc = pv_write_file_atomic(m->c, path, data, len, err);
    pv_free(data);
    return rc ? -1 : 0;
}

/* ------------------------------------------------------------ what-if */

void pv_mip_set_scores(pv_mip *m, const double *score)
{
    const pv_case *c = m->c;
    for (size_t j = 0; j < c->projects->nrows; j++) {
        size_t col = (size_t)m->xcol[j];
        m->obj[col] = score[j];
        if (m->lp)
            glp_set_obj_coef((glp_prob *)m->lp, (int)col + 1, score[j]);
    }
}

int pv_mip_set_resource_limit(pv_mip *m, size_t k, double limit)
{
    for (size_t i = 0; i < m->nrows; i++) {
        pv_row *row = &m->rows[i];
        if (row->group != (int)k || strncmp(row->name, "res_", 4) != 0)
            continue;
        row->ub = limit;
        if (m->lp)
            lp_set_row((glp_prob *)m->lp, i, row->lb, row->ub, m->group_on[k]);
        return 0;
    }
    return -1;
}
