/*
 * mip.c — the selection MILP built from a case and a ranking: columns, one
 * row builder per constraint type, and the bounds that groups and fixings
 * leave (feasible.c checks portfolios and bounds against the rows).
 *
 * GLPK aborts the process on input it rejects, so everything it would
 * reject is checked here before glpk_driver.c sees it: finite numbers, name
 * lengths, sizes that fit an int.
 */
#include "glpk_driver.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define BIG 1e15 /* largest magnitude we hand to GLPK; beyond it scaling fails */

void pv_tuning_init(pv_tuning *t)
{
    memset(t, 0, sizeof *t);
    t->cuts = 0; /* 0 was 2-3x faster than cover+clique+MIR or + Gomory */
    t->fp = 0;
    t->greedy = 1;
    t->br = PV_BR_DTH;
    t->bt = PV_BT_BLB;
    /* After the core search (the main solve), pseudo-cost branching and
     * best-projection backtracking: on the benchmark family at 120 x 40 x 4
     * the whole family's CPU time went from 20.2 to 18.0 s (eight_resources
     * seed 1 4.5 -> 3.5 s, partners_1_5 seed 2 2.0 -> 1.3 s; eight_resources
     * seed 2 0.51 -> 0.69 s). GLPK's cuts (cuts = 1) made it 4x slower. */
    t->core_br = PV_BR_PCH;
    t->core_bt = PV_BT_BPH;
    t->round_stop = 1;
    t->presolve = 0;
    t->core = 1;
    t->core_nodes = 30000;
    t->proof_nodes = 0; /* no limit (with the cutoff; 2000 before) */
    t->probe_max = 400;
    /* Chu-Beasley mknapcb1-9, 10 s: widths 30/35/40/50 gave mean gaps of
     * 0.103/0.109/0.102/0.110 % (glpsol 0.122 %); random windows did worse. */
    t->lns_width = 40;
    t->lns_passes = 3;
    t->lns_nodes = 5000;
    t->why_gap = 0;
    /* Subproblems one explanation may use before it reports bounds instead
     * of a proven figure. Explanations run the main solve's core search;
     * on the benchmark family at 120 x 40 x 4 its own branch and bound
     * needed a median of 4,000-9,000 nodes and at most 40,000 per re-solve,
     * GLPK's search after it far fewer (README, "Explanations"). The old
     * plain search with 200 GLPK nodes left 80-100 % of them unproven. */
    t->why_node_limit = 2000;
    t->why_sbb_node_limit = 100000;
    /* base structure, seed 1, wall time on 2 cores (loaded): 250 projects
     * 23 s all proven against 9.7 s none proven by the plain search; 500
     * projects 272 s (73 of 453 unproven) against 44 s (none proven) */
    t->why_core_max = 300;
    t->why_plain_node_limit = 200;
    /* The core rounds, windows and proof search the fixed problem with the
     * objective cutoff as a row (what an incumbent would prune), so the
     * proof needs no subproblem limit: on the benchmark family at 120 x 40 x
     * 4 this took base seed 2 from 2.0 to 0.8 s and no case was slower. */
    t->cutoff = 1;
    t->small_bb = 1;
    /* When reduced-cost fixing fixes nothing (many link and constraint
     * rows: the LP basis holds most columns, no core round runs), GLPK's
     * presolved search with Driebeck-Tomlin branching and best-bound
     * backtracking, the incumbent as a cutoff row, instead of the plain
     * search from the start: all_constraints seeds 1 / 2 of the family 120 ->
     * 100 and 30 -> 10 ms, robust on all constraint types 160 -> 105 ms per
     * sample (same output); no other family case moved. */
    t->whole_presolved = 1;
    /* small_bb searches each number of projects k in turn (the LP with
     * k fixed is much tighter): on the family at 120 x 40 x 4 the total went
     * from 3.49 to 2.11 CPU s (eight_resources seed 2 0.59 -> 0.11 s,
     * tight_0.1 seed 1 0.50 -> 0.18 s); counting partners too was 2-40x
     * slower. */
    t->card_split = 1;
    /* GLPK's probing (when small_bb declines the problem) first tests each
     * column by one dual simplex step's penalty, and runs the dual simplex
     * only where that does not settle it: all_constraints 120x40x4 seeds 3
     * and 5 of the wider family 114 -> 80 and 82 -> 54 M instructions (same
     * output); no other family case moved by more than 1 %. */
    t->penalty = 1;
    /* The whole problem's presolved search takes the incumbent as GLPK's
     * own (glp_iocp.use_sol) rather than as an objective row, which made
     * its LPs degenerate: on the wider all_constraints cases 120x40x4 seeds
     * 1 / 4 and 80x30x3 seed 2 860 -> 799, 209 -> 180 and 144 -> 126 M
     * instructions, seed 8 219 -> 237; of the 38-case family only
     * all_constraints seed 1 moved (-7 %). Same outputs. */
    t->use_sol = 1;
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

/* The row names, deduplicated like the column names. */
static int dedupe_row_names(pv_mip *m)
{
    char **rn = pv_malloc((m->nrows + 1) * sizeof *rn);
    if (!rn)
        return -1;
    for (size_t i = 0; i < m->nrows; i++)
        rn[i] = m->rows[i].name;
    int rc = dedupe_names(rn, m->nrows);
    for (size_t i = 0; i < m->nrows; i++)
        m->rows[i].name = rn[i];
    pv_free(rn);
    return rc;
}

/* ------------------------------------------------------------- checks */

static int finite_ok(double v) { return isfinite(v) && fabs(v) <= BIG; }

/* Every number GLPK will see is finite and within BIG; resources >= 0. */
static int check_numbers(const pv_case *c, const pv_ranking *r, pv_error *err)
{
    size_t n = c->projects->nrows, np = c->partners ? c->partners->nrows : 0;
    for (size_t j = 0; j < n; j++)
        if (!finite_ok(pv_objective_coef(c, j, r->p[j].score))) {
            pv_err(err, PV_EINPUT, c->projects->path, c->projects->row_line[j], 0,
                   "project '%s': score is not a finite number", pv_project_id(c, j));
            return -1;
        }
    for (size_t k = 0; k < c->nres; k++) {
        const pv_resource *res = &c->res[k];
        if (!finite_ok(res->limit) || res->limit < 0) {
            pv_err(err, PV_EINPUT, c->path, 0, 0,
                   "resources.%s.limit: must be a number in [0, 1e15]", res->id);
            return -1;
        }
        for (size_t j = 0; j < n; j++)
            if (!finite_ok(res->a[j]) || res->a[j] < 0) {
                pv_err(err, PV_EINPUT, c->projects->path, c->projects->row_line[j], res->col + 1,
                       "column '%s': resource values must be numbers in [0, 1e15]", res->column);
                return -1;
            }
        for (size_t p = 0; p < np; p++)
            if (!finite_ok(res->f[p]) || res->f[p] < 0) {
                pv_err(err, PV_EINPUT, c->partners->path, c->partners->row_line[p], res->pcol + 1,
                       "column '%s': resource values must be numbers in [0, 1e15]",
                       res->partner_column);
                return -1;
            }
    }
    for (size_t i = 0; i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        if ((q->has_min && !finite_ok(q->min)) || (q->has_max && !finite_ok(q->max))) {
            pv_err(err, PV_EINPUT, c->path, 0, 0, "constraints: %s: min and max must be finite",
                   q->id);
            return -1;
        }
    }
    if (n + np > (size_t)INT_MAX / 4) {
        pv_err(err, PV_EINPUT, c->path, 0, 0, "too many projects and partners for the solver");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------- columns */

/* One column per project, then one per partner that a project names or
 * keep_existing keeps. Partners of only-excluded projects get a column
 * fixed at 0, unless kept. */
static int add_columns(pv_mip *m, int *named, int *live)
{
    const pv_case *c = m->c;
    const pv_ranking *r = m->r;
    size_t n = c->projects->nrows, np = c->partners ? c->partners->nrows : 0;
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
    if (m->chance) {
        m->chance->zcol0 = ncols;
        ncols += m->chance->npat;
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
        return -1;
    for (size_t j = 0; j < n; j++) {
        m->xcol[j] = (int)j;
        m->cname[j] = lp_name("x_", pv_project_id(c, j), NULL);
        if (!m->cname[j])
            return -1;
        m->obj[j] = pv_cofin_p(c, j) * pv_obj_coef(c, r, j); /* expected value */
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
            return -1;
        m->cinfo[col].index = p;
        m->base_ub[col] = live[p] || (c->keep_existing && c->partner_active[p]) ? 1 : 0;
    }
    for (size_t s = 0; m->chance && s < m->chance->npat; s++) {
        size_t col = m->chance->zcol0 + s;
        char nm[32];
        snprintf(nm, sizeof nm, "%zu", s + 1);
        if (!(m->cname[col] = lp_name("z_", nm, NULL)))
            return -1;
        m->cinfo[col].is_scenario = 1;
        m->cinfo[col].index = s;
        m->base_ub[col] = 1;
    }
    for (size_t j = 0; j < ncols; j++)
        m->fix[j] = -1;
    return dedupe_names(m->cname, ncols);
}

/* One group per resource and constraint, and one for keep_existing when it
 * forces any partner in; all enabled. */
static int add_groups(pv_mip *m)
{
    const pv_case *c = m->c;
    size_t np = c->partners ? c->partners->nrows : 0;
    int any_kept = 0;
    for (size_t p = 0; c->keep_existing && p < np; p++)
        any_kept |= c->partner_active[p] && m->ycol[p] >= 0;
    m->ngroups = c->nres + c->ncons + (any_kept ? 1 : 0);
    m->group_on = pv_malloc((m->ngroups + 1) * sizeof(int));
    if (!m->group_on)
        return -1;
    for (size_t g = 0; g < m->ngroups; g++)
        m->group_on[g] = 1;
    return 0;
}

/* ------------------------------------------------------------- rows */

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

/* Resource rows first, one per resource: pv_lp_load's slack relies on it. */
static void resource_rows(rowb *b)
{
    pv_mip *m = b->m;
    const pv_case *c = m->c;
    size_t n = c->projects->nrows, np = c->partners ? c->partners->nrows : 0;
    for (size_t k = 0; k < c->nres; k++) {
        const pv_resource *res = &c->res[k];
        pv_row *row =
            add_row(b, lp_name("res_", res->id, NULL), (int)k, -HUGE_VAL, res->limit, m->ncols);
        for (size_t j = 0; row && j < n; j++)
            if (m->r->p[j].rules_ok)
                put(row, j, res->a[j] * pv_cofin_use(c, j));
        for (size_t p = 0; row && p < np; p++)
            if (m->ycol[p] >= 0 && m->base_ub[m->ycol[p]] > 0)
                put(row, (size_t)m->ycol[p], res->f[p]);
    }
}

/* What one constraint's row builder needs besides the constraint. */
typedef struct conrow {
    const char *pre; /* name prefix that makes the id a valid LP name */
    int group;
    double lo, hi; /* min and max, or ±HUGE_VAL */
} conrow;

/* count: lo <= Σ x_j over eligible projects in the category <= hi */
static void count_row(rowb *b, const pv_constraint *q, const conrow *cr)
{
    const pv_case *c = b->m->c;
    size_t n = c->projects->nrows;
    pv_row *row = add_row(b, lp_name(cr->pre, q->id, NULL), cr->group, cr->lo, cr->hi, n);
    for (size_t j = 0; row && j < n; j++)
        if (b->m->r->p[j].rules_ok &&
            pv_cell_has(pv_cell(c->projects, j, (size_t)q->col), q->value))
            put(row, j, 1);
}

/* share: Σ_cat a x ≥ s Σ a x  ⇔  Σ a (cat − s) x ≥ 0, one row per side */
static void share_rows(rowb *b, const pv_constraint *q, const conrow *cr)
{
    const pv_case *c = b->m->c;
    size_t n = c->projects->nrows;
    const double *a = c->res[q->resource].a;
    for (int side = 0; side < 2; side++) {
        if (side == 0 ? !q->has_min : !q->has_max)
            continue;
        double s = side == 0 ? q->min : q->max;
        pv_row *row = add_row(b, lp_name(cr->pre, q->id, side == 0 ? "min" : "max"), cr->group,
                              side == 0 ? 0 : -HUGE_VAL, side == 0 ? HUGE_VAL : 0, n);
        for (size_t j = 0; row && j < n; j++) {
            if (!b->m->r->p[j].rules_ok)
                continue;
            int cat = pv_cell_has(pv_cell(c->projects, j, (size_t)q->col), q->value);
            put(row, j, a[j] * ((cat ? 1.0 : 0.0) - s));
        }
    }
}

/* requires: x_P <= x_Q for every listed Q, one row each */
static void requires_rows(rowb *b, const pv_constraint *q, const conrow *cr)
{
    const pv_case *c = b->m->c;
    for (size_t k = 0; k < q->nprojects; k++) {
        char nm[300];
        snprintf(nm, sizeof nm, "%s%s", cr->pre, q->id);
        pv_row *row = add_row(b, lp_name(nm, NULL, pv_project_id(c, q->projects[k])), cr->group,
                              -HUGE_VAL, 0, 2);
        if (q->projects[k] == q->project)
            continue; /* P needs P: always true */
        put(row, q->project, 1);
        put(row, q->projects[k], -1);
    }
}

/* exclusive: lo <= Σ x_j over the listed projects <= hi; a project listed
 * twice counts once */
static void exclusive_row(rowb *b, const pv_constraint *q, const conrow *cr)
{
    pv_row *row =
        add_row(b, lp_name(cr->pre, q->id, NULL), cr->group, cr->lo, cr->hi, q->nprojects);
    for (size_t k = 0; row && k < q->nprojects; k++) {
        int dup = 0;
        for (size_t l = 0; l < k; l++)
            dup |= q->projects[l] == q->projects[k];
        if (!dup)
            put(row, q->projects[k], 1);
    }
}

/* max/min_partners: lo <= Σ y_p over partners (of the category) <= hi */
static void partners_row(rowb *b, const pv_constraint *q, const conrow *cr)
{
    const pv_mip *m = b->m;
    const pv_case *c = m->c;
    size_t np = c->partners ? c->partners->nrows : 0;
    pv_row *row = add_row(b, lp_name(cr->pre, q->id, NULL), cr->group, cr->lo, cr->hi, np);
    for (size_t p = 0; row && p < np; p++) {
        if (m->ycol[p] < 0)
            continue;
        if (q->col >= 0 && !pv_cell_has(pv_cell(c->partners, p, (size_t)q->col), q->value))
            continue;
        put(row, (size_t)m->ycol[p], 1);
    }
}

/* One row builder per constraint type; force has none (it sets bounds, see
 * recompute_bounds). */
typedef void row_builder(rowb *b, const pv_constraint *q, const conrow *cr);
static row_builder *const builders[] = {
    [PV_C_COUNT] = count_row,
    [PV_C_SHARE] = share_rows,
    [PV_C_REQUIRES] = requires_rows,
    [PV_C_EXCLUSIVE] = exclusive_row,
    [PV_C_FORCE] = NULL,
    [PV_C_MAX_PARTNERS] = partners_row,
    [PV_C_MIN_PARTNERS] = partners_row,
};

static void constraint_rows(rowb *b)
{
    const pv_case *c = b->m->c;
    for (size_t i = 0; i < c->ncons && !b->oom; i++) {
        const pv_constraint *q = &c->cons[i];
        int letter = (q->id[0] >= 'a' && q->id[0] <= 'z') || (q->id[0] >= 'A' && q->id[0] <= 'Z');
        conrow cr = {letter ? "" : "c_", (int)(c->nres + i), q->has_min ? q->min : -HUGE_VAL,
                     q->has_max ? q->max : HUGE_VAL};
        size_t t = (size_t)q->type;
        if (t < sizeof builders / sizeof *builders && builders[t])
            builders[t](b, q, &cr);
    }
}

/* x_j <= y_p: a project needs all its partners */
static void link_rows(rowb *b)
{
    const pv_mip *m = b->m;
    const pv_case *c = m->c;
    for (size_t j = 0; j < c->projects->nrows && !b->oom; j++) {
        if (!m->r->p[j].rules_ok)
            continue;
        for (size_t k = 0; k < c->proj_npartners[j]; k++) {
            size_t p = c->proj_partners[j][k];
            int dup = 0;
            for (size_t l = 0; l < k; l++)
                dup |= c->proj_partners[j][l] == p;
            if (dup)
                continue;
            pv_row *row = add_row(b, lp_name("link_", pv_project_id(c, j), pv_partner_id(c, p)), -1,
                                  -HUGE_VAL, 0, 2);
            put(row, j, 1);
            put(row, (size_t)m->ycol[p], -1);
        }
    }
}

/* y_p <= Σ x_j over the projects that name p: an engaged partner is one a
 * selected project needs (or one keep_existing keeps), so a minimum number
 * of partners is met by projects, never by paying a partner no project uses.
 * Only a min_partners constraint rewards y_p = 1 by itself; without one
 * these rows could not change the optimum, and are left out. */
static void use_rows(rowb *b)
{
    pv_mip *m = b->m;
    const pv_case *c = m->c;
    int need = 0;
    for (size_t i = 0; i < c->ncons; i++)
        need |= c->cons[i].type == PV_C_MIN_PARTNERS;
    size_t np = c->partners ? c->partners->nrows : 0, n = c->projects->nrows;
    if (!need || !np)
        return;
    /* per partner: how many projects name it, then its row */
    size_t *cnt = pv_calloc(np, sizeof *cnt), *row_of = pv_malloc(np * sizeof *row_of);
    if (!cnt || !row_of) {
        pv_free(cnt);
        pv_free(row_of);
        b->oom = 1;
        return;
    }
    for (size_t j = 0; j < n; j++)
        for (size_t k = 0; m->r->p[j].rules_ok && k < c->proj_npartners[j]; k++)
            cnt[c->proj_partners[j][k]]++; /* a partner named twice: a spare entry */
    for (size_t p = 0; p < np && !b->oom; p++) {
        row_of[p] = SIZE_MAX;
        if (m->ycol[p] < 0 || (c->keep_existing && c->partner_active[p]))
            continue;
        pv_row *row =
            add_row(b, lp_name("use_", pv_partner_id(c, p), NULL), -1, -HUGE_VAL, 0, cnt[p] + 1);
        if (!row)
            break;
        put(row, (size_t)m->ycol[p], 1);
        row_of[p] = m->nrows - 1;
    }
    for (size_t j = 0; j < n && !b->oom; j++)
        for (size_t k = 0; m->r->p[j].rules_ok && k < c->proj_npartners[j]; k++) {
            size_t p = c->proj_partners[j][k];
            int dup = 0;
            for (size_t l = 0; l < k; l++)
                dup |= c->proj_partners[j][l] == p;
            if (!dup && row_of[p] != SIZE_MAX)
                put(&m->rows[row_of[p]], j, -1);
        }
    pv_free(cnt);
    pv_free(row_of);
}

/* chance: per resource and scenario pattern, the limit holds unless the
 * pattern's binary z is 1, Σ a x (granted and certain) + Σ f y − M z <= L
 * with M the row's largest possible use (valid for any L >= 0, so that
 * frontier may move L); then Σ weight · z <= floor(alpha · scenarios). */
static void chance_rows(rowb *b)
{
    pv_mip *m = b->m;
    const pv_case *c = m->c;
    const pv_chance *ch = m->chance;
    size_t n = c->projects->nrows, np = c->partners ? c->partners->nrows : 0;
    for (size_t k = 0; ch && k < c->nres && !b->oom; k++) {
        const pv_resource *res = &c->res[k];
        for (size_t s = 0; s < ch->npat && !b->oom; s++) {
            char nm[32];
            snprintf(nm, sizeof nm, "%zu", s + 1);
            pv_row *row = add_row(b, lp_name("chance_", res->id, nm), (int)k, -HUGE_VAL,
                                  res->limit, m->ncols);
            double big = 0, granted = 0;
            for (size_t j = 0; row && j < n; j++)
                if (m->r->p[j].eligible && !c->cofin->contingent[j] && res->a[j] > 0) {
                    put(row, j, res->a[j]);
                    big += res->a[j];
                }
            for (size_t i = 0; row && i < ch->nc; i++) {
                size_t j = ch->cj[i];
                if (m->r->p[j].eligible && ch->pat[s * ch->nc + i] && res->a[j] > 0) {
                    put(row, j, res->a[j]);
                    big += res->a[j];
                    granted += res->a[j];
                }
            }
            for (size_t p = 0; row && p < np; p++)
                if (m->ycol[p] >= 0 && m->base_ub[m->ycol[p]] > 0 && res->f[p] > 0) {
                    put(row, (size_t)m->ycol[p], res->f[p]);
                    big += res->f[p];
                }
            if (row && granted > 0)
                put(row, ch->zcol0 + s, -big);
            else if (row) /* nothing granted here uses k: the limit row covers it */
                row->nz = 0;
        }
    }
    if (!ch || b->oom)
        return;
    pv_row *row = add_row(b, pv_strdup("chance_overruns"), -1, -HUGE_VAL, (double)ch->budget,
                          ch->npat);
    for (size_t s = 0; row && s < ch->npat; s++)
        put(row, ch->zcol0 + s, (double)ch->w[s]);
}

/* The column-wise copy of the rows (cstart, crow, cval). */
static int column_copy(pv_mip *m)
{
    size_t ncols = m->ncols;
    m->cstart = pv_calloc(ncols + 2, sizeof(size_t));
    size_t nnz = 0;
    for (size_t i = 0; i < m->nrows; i++)
        nnz += m->rows[i].nz;
    m->crow = pv_malloc((nnz + 1) * sizeof(size_t));
    m->cval = pv_malloc((nnz + 1) * sizeof(double));
    if (!m->cstart || !m->crow || !m->cval)
        return -1;
    for (size_t i = 0; i < m->nrows; i++)
        for (size_t z = 0; z < m->rows[i].nz; z++)
            m->cstart[m->rows[i].col[z] + 1]++;
    for (size_t j = 0; j < ncols; j++)
        m->cstart[j + 1] += m->cstart[j];
    size_t *pos = pv_malloc((ncols + 1) * sizeof *pos);
    if (!pos)
        return -1;
    memcpy(pos, m->cstart, ncols * sizeof *pos);
    for (size_t i = 0; i < m->nrows; i++)
        for (size_t z = 0; z < m->rows[i].nz; z++) {
            size_t j = m->rows[i].col[z];
            m->crow[pos[j]] = i;
            m->cval[pos[j]++] = m->rows[i].val[z];
        }
    pv_free(pos);
    return 0;
}

/* ------------------------------------------------------------- bounds */

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

static void push_bounds(pv_mip *m)
{
    if (!m->lp)
        return;
    for (size_t j = 0; j < m->ncols; j++)
        pv_lp_set_col(m->lp, j, m->lb[j], m->ub[j]);
}

void pv_mip_fix(pv_mip *m, size_t col, int fix)
{
    m->fix[col] = fix;
    recompute_bounds(m);
    push_bounds(m);
}

/* GLPK's copy of row i's bounds (pv_row_solver_bounds), enabled or not. */
static void push_row(pv_mip *m, size_t i, int on)
{
    if (!m->lp)
        return;
    double lb = m->rows[i].lb, ub = m->rows[i].ub;
    pv_row_solver_bounds(&m->rows[i], &lb, &ub);
    pv_lp_set_row(m->lp, i, lb, ub, on);
}

void pv_mip_group(pv_mip *m, size_t g, int on)
{
    m->group_on[g] = on;
    for (size_t i = 0; i < m->nrows; i++)
        if (m->rows[i].group == (int)g)
            push_row(m, i, on);
    recompute_bounds(m);
    push_bounds(m);
}

/* ------------------------------------------------------------- build */

pv_mip *pv_mip_build(const pv_case *c, const pv_ranking *r, pv_error *err)
{
    size_t n = c->projects->nrows, np = c->partners ? c->partners->nrows : 0;
    if (r->n != n) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "ranking does not match the case");
        return NULL;
    }
    if (pv_check_force(c, r, err) || check_numbers(c, r, err))
        return NULL;
    pv_mip *m = pv_calloc(1, sizeof *m);
    if (!m) {
        pv_err_nomem(err);
        return NULL;
    }
    m->c = c;
    m->r = r;
    pv_tuning_init(&m->tune);
    int *named = pv_calloc(np + 1, sizeof *named), *live = pv_calloc(np + 1, sizeof *live);
    m->xcol = pv_calloc(n + 1, sizeof *m->xcol);
    m->ycol = pv_calloc(np + 1, sizeof *m->ycol);
    int none = 0;
    if (!named || !live || !m->xcol || !m->ycol ||
        (!(m->chance = pv_chance_draw(c, &none, err)) && !none) || add_columns(m, named, live) ||
        add_groups(m))
        goto nomem;
    rowb b = {m, 0, 0};
    resource_rows(&b);
    constraint_rows(&b);
    link_rows(&b);
    use_rows(&b);
    chance_rows(&b);
    if (b.oom || dedupe_row_names(m))
        goto nomem;
    if (m->nrows > (size_t)INT_MAX / 4) {
        pv_err(err, PV_EINPUT, c->path, 0, 0, "too many constraints for the solver");
        goto fail;
    }
    if (column_copy(m))
        goto nomem;
    recompute_bounds(m);
    m->lp = pv_lp_load(m, 0);
    if (!m->lp) {
        pv_lp_error(err);
        goto fail;
    }
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
    void *arrays[] = {m->cname,    m->obj,    m->cinfo, m->base_lb, m->base_ub,
                      m->lb,       m->ub,     m->xcol,  m->ycol,    m->rows,
                      m->group_on, m->cstart, m->crow,  m->cval,    m->fix};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
        pv_free(arrays[i]);
    pv_lp_free(m->lp);
    pv_chance_free(m->chance);
    pv_free(m);
}

/* ------------------------------------------------------------ what-if */

/* New scores for a what-if: a NaN score is a project that the thresholds
 * exclude under the what-if's weights, so its column (and any partner only it
 * needs) is fixed at 0; the others are open unless a rule excludes them.
 * (The rows hold every project no rule excludes, so a project may come in.) */
void pv_mip_set_scores(pv_mip *m, const double *score)
{
    const pv_case *c = m->c;
    size_t n = c->projects->nrows, np = c->partners ? c->partners->nrows : 0;
    for (size_t p = 0; p < np; p++)
        if (m->ycol[p] >= 0)
            m->base_ub[m->ycol[p]] = c->keep_existing && c->partner_active[p];
    for (size_t j = 0; j < n; j++) {
        size_t col = (size_t)m->xcol[j];
        int open = m->r->p[j].rules_ok && !isnan(score[j]);
        m->obj[col] = open ? pv_cofin_p(c, j) * pv_objective_coef(c, j, score[j]) : 0;
        m->base_ub[col] = open;
        if (m->lp)
            pv_lp_set_obj(m->lp, col, m->obj[col]);
        for (size_t k = 0; open && k < c->proj_npartners[j]; k++)
            m->base_ub[m->ycol[c->proj_partners[j][k]]] = 1;
    }
    recompute_bounds(m);
    push_bounds(m);
}

long pv_mip_add_rows(pv_mip *m, const char *prefix, size_t nrows, const double *coef,
                     const double *lb)
{
    size_t n = m->c->projects->nrows, first = m->nrows;
    rowb b = {m, m->nrows, 0};
    for (size_t i = 0; i < nrows && !b.oom; i++) {
        char nm[32];
        snprintf(nm, sizeof nm, "%zu", i + 1);
        pv_row *row = add_row(&b, lp_name(prefix, nm, NULL), -1, lb[i], HUGE_VAL, n);
        for (size_t j = 0; row && j < n; j++)
            if (m->r->p[j].eligible && finite_ok(coef[i * n + j]))
                put(row, j, coef[i * n + j]);
    }
    pv_free(m->cstart);
    pv_free(m->crow);
    pv_free(m->cval);
    m->cstart = NULL;
    m->crow = NULL;
    m->cval = NULL;
    pv_lp_free(m->lp);
    m->lp = NULL;
    m->lp_basis_ok = 0;
    if (b.oom || column_copy(m) || !(m->lp = pv_lp_load(m, 0)))
        return -1;
    push_bounds(m);
    return (long)first;
}

void pv_mip_set_row_lb(pv_mip *m, size_t i, double lb)
{
    m->rows[i].lb = lb;
    m->lp_basis_ok = 0;
    push_row(m, i, 1);
}

int pv_mip_set_resource_limit(pv_mip *m, size_t k, double limit)
{
    int found = -1; /* the limit row, and with chance its scenario rows */
    for (size_t i = 0; i < m->nrows; i++) {
        pv_row *row = &m->rows[i];
        if (row->group != (int)k ||
            (strncmp(row->name, "res_", 4) != 0 && strncmp(row->name, "chance_", 7) != 0))
            continue;
        row->ub = limit;
        push_row(m, i, m->group_on[k]);
        found = 0;
    }
    return found;
}
