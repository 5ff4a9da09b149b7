/* score.c — scores every project: score = 100 × Σ_leaf W_leaf × v_leaf(x),
 * then ranks (eligible by score, then excluded by score; ties by id). */
#include "../internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int missing_error(const pv_case *c, const pv_criterion *l, size_t j, const pv_table *t,
                         size_t row, pv_error *err)
{
    const pv_table *P = c->projects;
    if (t && l->field.col >= 0)
        pv_err(err, PV_EINPUT, t->path, t->row_line[row], l->field.col + 1,
               "column '%s' is empty, but criterion '%s' needs a value for project '%s' "
               "(fill it in, or give \"missing\" in the model)",
               l->field.name, l->id, pv_project_id(c, j));
    else
        pv_err(err, PV_EINPUT, P->path, P->row_line[j], 0,
               "project '%s' has no value for '%s' (criterion '%s'): %s; give \"missing\" in the "
               "model to allow this",
               pv_project_id(c, j), l->field.text, l->id,
               c->proj_npartners[j] == 0 ? "it has no partners" : "its partners have no value");
    return -1;
}

static int categorical(const pv_criterion *l, const char *cell, const pv_table *t, size_t row,
                       double *v, pv_error *err)
{
    for (size_t i = 0; i < l->vf.ncat; i++)
        if (pv_str_eq_trim(cell, l->vf.cat_key[i])) {
            *v = l->vf.cat_val[i];
            return 0;
        }
    char known[400] = "";
    size_t off = 0;
    for (size_t i = 0; i < l->vf.ncat && off < sizeof known - 40; i++)
        off += (size_t)snprintf(known + off, sizeof known - off, "%s%s", i ? ", " : "",
                                l->vf.cat_key[i]);
    pv_err(err, PV_EINPUT, t->path, t->row_line[row], l->field.col + 1,
           "column '%s': '%s' is not a category of criterion '%s' (known: %s)", l->field.name,
           cell, l->id, known);
    return -1;
}

static int leaf_value(const pv_case *c, const pv_criterion *l, size_t j, pv_proj_result *res,
                      pv_error *err)
{
    size_t li = l->leaf_index;
    int numeric = l->vf.type != PV_VF_CATEGORICAL;
    size_t nslots = l->field.scope == PV_SCOPE_PROJECT ? 1 : c->proj_npartners[j];
    double acc = 0;
    size_t count = 0;
    for (size_t k = 0; k < nslots; k++) {
        const pv_table *t;
        size_t row;
        int is_num;
        double num = 0;
        size_t slot = l->field.scope == PV_SCOPE_PROJECT ? (size_t)-1 : k;
        const char *cell = pv_field_cell(c, &l->field, j, slot, &t, &row, &is_num, &num);
        if (!cell) {
            if (!l->has_missing)
                return missing_error(c, l, j, t, row, err);
            continue; /* left out of the aggregate */
        }
        double x;
        if (is_num)
            x = num;
        else if (numeric) {
            if (pv_table_number(t, row, (size_t)l->field.col, &x, err))
                return -1;
        } else if (categorical(l, cell, t, row, &x, err))
            return -1;
        if (count == 0)
            acc = x;
        else if (l->agg == PV_AGG_MIN)
            acc = x < acc ? x : acc;
        else if (l->agg == PV_AGG_MAX)
            acc = x > acc ? x : acc;
        else
            acc += x;
        count++;
    }
    if (count == 0) {
        if (!l->has_missing)
            return missing_error(c, l, j, NULL, 0, err);
        res->used_missing[li] = 1;
        res->raw[li] = NAN;
        res->value[li] = l->missing;
        return 0;
    }
    if (l->agg == PV_AGG_MEAN)
        acc /= (double)count;
    if (numeric) {
        res->raw[li] = acc;
        res->value[li] = pv_vf_eval(&l->vf, acc);
        double lo, hi;
        if (l->vf.type == PV_VF_LINEAR) {
            lo = l->vf.worst < l->vf.best ? l->vf.worst : l->vf.best;
            hi = l->vf.worst < l->vf.best ? l->vf.best : l->vf.worst;
        } else {
            lo = l->vf.px[0];
            hi = l->vf.px[l->vf.npts - 1];
        }
        res->clamped[li] = acc < lo || acc > hi;
    } else {
        res->raw[li] = NAN;
        res->value[li] = acc;
    }
    return 0;
}

void pv_ranking_free(pv_ranking *r)
{
    if (!r)
        return;
    if (r->p) {
        for (size_t i = 0; i < r->n; i++) {
            void *row[] = {r->p[i].below, r->p[i].excluded_by, r->p[i].flags};
            pv_free_each(row, sizeof row / sizeof *row);
        }
        if (r->n) { /* the per-leaf arrays: one block each, for all projects */
            void *leaf[] = {r->p[0].value, r->p[0].contrib, r->p[0].raw, r->p[0].clamped,
                            r->p[0].used_missing};
            pv_free_each(leaf, sizeof leaf / sizeof *leaf);
        }
    }
    void *own[] = {r->p, r->order, r->rank, r};
    pv_free_each(own, sizeof own / sizeof *own);
}

/* The sort key of one project, in one small record so that the sort reads
 * memory in order: eligible first, then by score, ties by id (its first 8
 * bytes big-endian, then the rest). */
typedef struct rank_key {
    double score;
    uint64_t head;
    const char *id;
    size_t j;
    int eligible;
} rank_key;

static int rank_cmp(const void *va, const void *vb)
{
    const rank_key *a = va, *b = vb;
    if (a->eligible != b->eligible)
        return a->eligible ? -1 : 1;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->head != b->head)
        return a->head < b->head ? -1 : 1;
    return strcmp(a->id, b->id);
}

static uint64_t id_head(const char *id)
{
    uint64_t h = 0;
    int i = 0;
    for (; i < 8 && id[i]; i++)
        h = h << 8 | (unsigned char)id[i];
    return h << (8 * (8 - i));
}

/* Ids are unique, so the order is total and qsort's is deterministic. */
static int rank_order(const pv_case *c, pv_ranking *r)
{
    rank_key *k = pv_calloc(r->n ? r->n : 1, sizeof *k);
    if (!k)
        return -1;
    for (size_t j = 0; j < r->n; j++) {
        const char *id = pv_project_id(c, j);
        k[j] = (rank_key){r->p[j].score, id_head(id), id, j, r->p[j].eligible != 0};
    }
    qsort(k, r->n, sizeof *k, rank_cmp);
    for (size_t i = 0; i < r->n; i++) {
        r->order[i] = k[i].j;
        r->rank[k[i].j] = i + 1;
    }
    pv_free(k);
    return 0;
}

int pv_score_project(const pv_case *c, size_t j, pv_proj_result *res, pv_error *err)
{
    const pv_model *m = c->model;
    double score = 0;
    int bad = 0;
    for (size_t i = 0; i < m->nleaves; i++) {
        const pv_criterion *l = m->leaves[i];
        if (leaf_value(c, l, j, res, err)) {
            /* check collects every bad cell of the project, not the first */
            if (!pv_err_reads_on(err))
                return -1;
            bad = 1;
            continue;
        }
        res->contrib[i] = 100.0 * l->global * res->value[i];
        score += res->contrib[i];
    }
    res->score = score;
    return bad ? -1 : 0;
}

double pv_criterion_value(const pv_case *c, const pv_criterion *cr, const double *w,
                          const double *value)
{
    if (cr->is_leaf)
        return value[cr->leaf_index];
    /* a parent: Σ W_l v_l / Σ W_l over its leaves; with the model's weights
     * Σ W_l is the parent's own global weight, so this is its points / (100 × W) */
    const pv_model *m = c->model;
    double num = 0, den = 0;
    for (size_t i = 0; i < m->nleaves; i++) {
        const pv_criterion *l = m->leaves[i];
        const pv_criterion *a = l->parent;
        while (a && a != cr)
            a = a->parent;
        if (!a)
            continue;
        double wl = w ? w[i] : l->global;
        num += wl * value[i];
        den += wl;
    }
    return den > 0 ? num / den : NAN;
}

/* Rounding of a sum of weights must not make 0,5 fail a min of 0,5. */
#define THRESHOLD_TOL 1e-9

int pv_meets_thresholds(const pv_case *c, const double *w, const double *value, double score,
                        unsigned char *below)
{
    const pv_model *m = c->model;
    int ok = !(c->has_min_score && score < c->min_score - THRESHOLD_TOL);
    for (size_t i = 0; i < m->nall; i++) {
        const pv_criterion *cr = m->all[i];
        if (!cr->has_min)
            continue;
        double v = pv_criterion_value(c, cr, w, value);
        int low = !isnan(v) && v < cr->min - THRESHOLD_TOL;
        if (below)
            below[i] = (unsigned char)low;
        ok &= !low;
    }
    return ok;
}

double pv_objective_coef(const pv_case *c, size_t j, double score)
{
    return c->obj_mult ? score * c->obj_mult[j] : score;
}

/* The thresholds at the model's weights: which criteria fall short, and the
 * project's eligibility. */
static int apply_thresholds(const pv_case *c, pv_proj_result *p, unsigned char *below)
{
    const pv_model *m = c->model;
    p->rules_ok = p->eligible;
    int ok = pv_meets_thresholds(c, NULL, p->value, p->score, below);
    p->below_min_score = c->has_min_score && p->score < c->min_score - THRESHOLD_TOL;
    for (size_t i = 0; i < m->nall; i++)
        p->nbelow += below[i] != 0;
    if (p->nbelow) {
        p->below = pv_calloc(p->nbelow, sizeof(size_t));
        if (!p->below)
            return -1;
        p->nbelow = 0;
        for (size_t i = 0; i < m->nall; i++)
            if (below[i])
                p->below[p->nbelow++] = i;
    }
    p->eligible = p->rules_ok && ok;
    return 0;
}

/* Points p's per-leaf arrays at row j of the blocks in p[0] (L per row). */
static void leaf_rows(pv_proj_result *p, size_t j, size_t L)
{
    p[j].value = p[0].value + j * L;
    p[j].contrib = p[0].contrib + j * L;
    p[j].raw = p[0].raw + j * L;
    p[j].clamped = p[0].clamped + j * L;
    p[j].used_missing = p[0].used_missing + j * L;
}

pv_ranking *pv_rank(const pv_case *c, pv_error *err)
{
    size_t n = c->projects->nrows, L = c->model->nleaves, nl = n * L > 0 ? n * L : 1;
    pv_ranking *r = pv_calloc_err(1, sizeof *r, err);
    if (!r)
        return NULL;
    r->p = pv_calloc(n ? n : 1, sizeof *r->p);
    r->order = pv_calloc(n ? n : 1, sizeof(size_t));
    r->rank = pv_calloc(n ? n : 1, sizeof(size_t));
    unsigned char *below = pv_calloc(c->model->nall + 1, 1);
    if (!r->p || !r->order || !r->rank || !below) {
        pv_free(below);
        pv_ranking_free(r);
        pv_err_nomem(err);
        return NULL;
    }
    r->n = n;
    if (n) {
        pv_proj_result *p0 = &r->p[0];
        p0->value = pv_calloc(nl, sizeof(double));
        p0->contrib = pv_calloc(nl, sizeof(double));
        p0->raw = pv_calloc(nl, sizeof(double));
        p0->clamped = pv_calloc(nl, sizeof(int));
        p0->used_missing = pv_calloc(nl, sizeof(int));
        if (!p0->value || !p0->contrib || !p0->raw || !p0->clamped || !p0->used_missing) {
            pv_err_nomem(err);
            goto fail;
        }
    }
    int bad = 0;
    for (size_t j = 0; j < n; j++) {
        pv_proj_result *p = &r->p[j];
        leaf_rows(r->p, j, L);
        int sc = pv_screen_project(c, j, p, err);
        if (sc && !pv_err_reads_on(err))
            goto fail;
        if (pv_score_project(c, j, p, err)) {
            if (!pv_err_reads_on(err))
                goto fail;
            sc = 1;
        }
        /* while check collects, every project is scored so that one run
         * names every bad cell; the ranking itself is not used then */
        if (sc) {
            bad = 1;
            continue;
        }
        memset(below, 0, c->model->nall + 1);
        if (apply_thresholds(c, p, below)) {
            pv_err_nomem(err);
            goto fail;
        }
    }
    if (bad)
        goto fail;
    if (rank_order(c, r)) {
        pv_err_nomem(err);
        goto fail;
    }
    pv_free(below);
    return r;
fail:
    pv_free(below);
    pv_ranking_free(r);
    return NULL;
}
