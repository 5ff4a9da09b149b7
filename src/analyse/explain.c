/*
 * explain.c — why-in and why-out. Each project is tested by re-solving the
 * selection with that one project fixed the other way. All re-solves share
 * one GLPK problem (only bounds change, the LP basis carries over) and each
 * starts from the known optimum adapted to the fixing, so GLPK usually only
 * has to prove what it is handed.
 */
#include "why.h"
#include "../util/pool.h"

#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The force constraint that fixes project j (in when in != 0), or -1. */
static int forced_by(const pv_case *c, size_t j, int in)
{
    for (size_t i = 0; i < c->ncons; i++) {
        const pv_constraint *q = &c->cons[i];
        if (q->type != PV_C_FORCE)
            continue;
        const size_t *l = in ? q->projects : q->out;
        size_t n = in ? q->nprojects : q->nout;
        for (size_t k = 0; k < n; k++)
            if (l[k] == j)
                return (int)i;
    }
    return -1;
}

/* Partner columns that no selected project needs any more go back to 0. */
static void drop_unused_partners(const pv_mip *m, unsigned char *val)
{
    const pv_case *c = m->c;
    size_t np = c->partners ? c->partners->nrows : 0;
    for (size_t p = 0; p < np; p++) {
        if (m->ycol[p] < 0 || !val[m->ycol[p]] || m->lb[m->ycol[p]] > 0)
            continue;
        int used = 0;
        for (size_t j = 0; j < c->projects->nrows && !used; j++)
            if (val[m->xcol[j]])
                for (size_t k = 0; k < c->proj_npartners[j] && !used; k++)
                    used = c->proj_partners[j][k] == p;
        if (!used)
            val[m->ycol[p]] = 0;
    }
}

static void add_project(const pv_mip *m, unsigned char *val, size_t j)
{
    const pv_case *c = m->c;
    val[m->xcol[j]] = 1;
    for (size_t k = 0; k < c->proj_npartners[j]; k++)
        if (m->ycol[c->proj_partners[j][k]] >= 0)
            val[m->ycol[c->proj_partners[j][k]]] = 1;
}

/* Forced-in start: the optimum plus j, then drop the weakest other selected
 * projects until everything fits (or give up: GLPK then starts cold). */
static int repair_in(const pv_mip *m, unsigned char *val, size_t j)
{
    const pv_case *c = m->c;
    add_project(m, val, j);
    for (size_t round = 0; round < c->projects->nrows; round++) {
        if (pv_mip_feasible(m, val))
            return 1;
        long worst = -1;
        for (size_t i = 0; i < c->projects->nrows; i++)
            if (i != j && val[m->xcol[i]] && m->lb[m->xcol[i]] < 1 &&
                (worst < 0 || m->obj[i] < m->obj[worst]))
                worst = (long)i;
        if (worst < 0)
            return 0;
        val[m->xcol[worst]] = 0;
        drop_unused_partners(m, val);
    }
    return pv_mip_feasible(m, val);
}

/* Project j alone against each resource limit (with the fixed costs of its
 * partners): marks w as cannot-fit, on the resource it exceeds most. */
static void check_fit(const pv_case *c, size_t j, pv_why *w)
{
    double worst_rel = 0;
    for (size_t k = 0; k < c->nres; k++) {
        double need = c->res[k].a[j];
        for (size_t l = 0; l < c->proj_npartners[j]; l++) {
            size_t p = c->proj_partners[j][l];
            int dup = 0;
            for (size_t l2 = 0; l2 < l; l2++)
                dup |= c->proj_partners[j][l2] == p;
            if (!dup)
                need += c->res[k].f[p];
        }
        double lim = c->res[k].limit;
        if (need > lim + 1e-9 * (lim > 1 ? lim : 1)) {
            double rel = (need - lim) / (lim > 0 ? lim : 1);
            if (w->kind != PV_WHY_CANNOT_FIT || rel > worst_rel) {
                w->kind = PV_WHY_CANNOT_FIT;
                w->resource = (int)k;
                w->excess = need - lim;
                worst_rel = rel;
            }
        }
    }
}

/* The re-solves of one share: the selection's columns, two scratch column
 * vectors, and the time each re-solve may take. */
typedef struct why_solve {
    pv_mip *m;
    const pv_selection *s;
    unsigned char *base, *start, *val;
    double each;
    pv_mip_sol sol;
} why_solve;

/* Selected project j: the loss when it is forced out. */
static int why_in(why_solve *v, size_t j, pv_why *w, pv_error *err)
{
    pv_mip *m = v->m;
    size_t col = (size_t)m->xcol[j];
    w->kind = PV_WHY_IN;
    memcpy(v->start, v->base, m->ncols);
    v->start[col] = 0;
    drop_unused_partners(m, v->start);
    pv_mip_fix(m, col, 0);
    int rc = pv_mip_solve(m, v->each, m->tune.why_gap, v->start, &v->sol, err);
    pv_mip_fix(m, col, -1);
    if (rc)
        return rc;
    if (v->sol.status == PV_STATUS_INFEASIBLE) {
        w->loss = NAN; /* no portfolio without it */
        w->exact = 1;
    } else {
        w->loss = v->s->objective - v->sol.obj;
        w->exact = v->sol.status == PV_STATUS_OPTIMAL && v->s->status == PV_STATUS_OPTIMAL;
    }
    return 0;
}

/* The groups whose rows the optimum plus project j (and its partners) breaks:
 * the limits and constraints that keep j out as things stand. */
static int find_blocking(why_solve *v, size_t j, pv_why *w, pv_error *err)
{
    pv_mip *m = v->m;
    memcpy(v->start, v->base, m->ncols);
    add_project(m, v->start, j);
    unsigned char *hit = pv_calloc(m->ngroups + 1, 1);
    if (!hit) {
        pv_err_nomem(err);
        return -1;
    }
    size_t nb = 0;
    for (size_t i = 0; i < m->nrows; i++) {
        const pv_row *row = &m->rows[i];
        if (row->group < 0 || !m->group_on[row->group] || hit[row->group])
            continue;
        double act = 0;
        for (size_t z = 0; z < row->nz; z++)
            act += row->val[z] * v->start[row->col[z]];
        double tol = 1e-9 * (fabs(act) > 1 ? fabs(act) : 1);
        if (act > row->ub + tol || act < row->lb - tol) {
            hit[row->group] = 1;
            nb++;
        }
    }
    w->blocking = pv_malloc((nb + 1) * sizeof(size_t));
    if (!w->blocking) {
        pv_free(hit);
        pv_err_nomem(err);
        return -1;
    }
    for (size_t g = 0; g < m->ngroups; g++)
        if (hit[g])
            w->blocking[w->nblocking++] = g;
    pv_free(hit);
    return 0;
}

/* Unselected project j that fits on its own: the loss when it is forced in,
 * and the selected projects it displaces. */
static int why_out(why_solve *v, size_t j, pv_why *w, pv_error *err)
{
    pv_mip *m = v->m;
    const pv_selection *s = v->s;
    size_t col = (size_t)m->xcol[j], n = s->nproj;
    if (find_blocking(v, j, w, err))
        return -1;
    memcpy(v->start, v->base, m->ncols);
    pv_mip_fix(m, col, 1);
    int have = repair_in(m, v->start, j);
    int rc = pv_mip_solve(m, v->each, m->tune.why_gap, have ? v->start : NULL, &v->sol, err);
    pv_mip_fix(m, col, -1);
    if (rc)
        return rc;
    if (v->sol.status == PV_STATUS_INFEASIBLE) {
        w->kind = PV_WHY_CONFLICT;
        w->exact = 1;
        return 0;
    }
    w->kind = PV_WHY_OUT;
    w->loss = s->objective - v->sol.obj;
    if (w->loss < 0 && w->loss > -1e-9)
        w->loss = 0;
    w->exact = v->sol.status == PV_STATUS_OPTIMAL && s->status == PV_STATUS_OPTIMAL;
    size_t nd = 0, ne = 0;
    for (size_t i = 0; i < n; i++) {
        int in = m->xcol[i] >= 0 && v->val[m->xcol[i]];
        nd += s->x[i] && !in;
        ne += !s->x[i] && in && i != j;
    }
    w->displaced = pv_malloc((nd + 1) * sizeof(size_t));
    w->entering = pv_malloc((ne + 1) * sizeof(size_t));
    if (!w->displaced || !w->entering) {
        pv_err_nomem(err);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        int in = m->xcol[i] >= 0 && v->val[m->xcol[i]];
        if (s->x[i] && !in)
            w->displaced[w->ndisplaced++] = i;
        else if (!s->x[i] && in && i != j)
            w->entering[w->nentering++] = i;
    }
    return 0;
}

/* Explains the projects j with j % nw == wi (one worker's share). */
static int explain_share(pv_mip *m, pv_selection *s, double time_limit_s, size_t wi, size_t nw,
                         pv_error *err)
{
    const pv_case *c = m->c;
    const pv_ranking *r = m->r;
    size_t n = s->nproj;
    why_solve v = {m, s, pv_calloc(m->ncols + 1, 1), pv_calloc(m->ncols + 1, 1),
                   pv_calloc(m->ncols + 1, 1), 0, {0}};
    if (!v.base || !v.start || !v.val) {
        pv_free(v.base);
        pv_free(v.start);
        pv_free(v.val);
        pv_err_nomem(err);
        return -1;
    }
    for (size_t j = 0; j < n; j++)
        v.base[m->xcol[j]] = s->x[j];
    for (size_t p = 0; p < s->npart; p++)
        if (m->ycol[p] >= 0)
            v.base[m->ycol[p]] = s->y[p];
    /* each re-solve gets a share of the time, but at least a second */
    v.each = time_limit_s / 4;
    if (v.each > 10)
        v.each = 10;
    if (v.each < 1)
        v.each = time_limit_s < 1 ? time_limit_s : 1;
    int rc = 0;
    v.sol.val = v.val;
    /* The main solve's path (core search, then a proof by small_bb.c),
     * started from the known optimum: on the benchmark family it proves
     * the re-solves where GLPK's plain search under the same budget did
     * not. Its cost grows with the size: beyond why_core_max eligible
     * projects (a 500-project case took minutes) the plain search with 200
     * subproblems runs, fast and mostly unproven, as before. A chance
     * commitment's big-M rows keep the plain search (as in
     * pv_mip_solve_main). */
    size_t nelig = 0;
    for (size_t j = 0; j < n; j++)
        nelig += r->p[j].eligible != 0;
    int core = !m->chance && nelig <= m->tune.why_core_max;
    m->node_limit = core ? m->tune.why_node_limit : m->tune.why_plain_node_limit;
    m->sbb_node_limit = core ? m->tune.why_sbb_node_limit : 0;
    m->core_search = core;
    for (size_t j = wi; j < n && !rc; j += nw) {
        pv_progress(PV_PROGRESS_EXPLAIN, j, n);
        pv_why *w = &s->why[j];
        w->resource = w->cons = -1;
        if (!r->p[j].eligible) {
            w->kind = PV_WHY_EXCLUDED;
            continue;
        }
        int fi = forced_by(c, j, 1), fo = forced_by(c, j, 0);
        if (fi >= 0 || fo >= 0) {
            w->kind = fi >= 0 ? PV_WHY_FORCED_IN : PV_WHY_FORCED_OUT;
            w->cons = fi >= 0 ? fi : fo;
            continue;
        }
        if (s->x[j]) {
            rc = why_in(&v, j, w, err);
            continue;
        }
        /* not selected: does it fit at all? */
        check_fit(c, j, w);
        if (w->kind != PV_WHY_CANNOT_FIT)
            rc = why_out(&v, j, w, err);
    }
    m->node_limit = m->sbb_node_limit = 0;
    m->core_search = 0;
    pv_free(v.base);
    pv_free(v.start);
    pv_free(v.val);
    return rc;
}

/* The fixed-size part of a pv_why, as a worker sends it back; a byte per
 * project (1 displaced, 2 entering) and one per blocking group follow it. */
typedef struct why_rec {
    int kind, exact, resource, cons;
    double loss, excess;
    size_t ndisplaced, nentering, nblocking;
} why_rec;

typedef struct why_job {
    pv_mip *m;
    pv_selection *s;
    double time_limit_s;
    unsigned char *shm; /* per project: a why_rec and its bitmap */
    size_t rec;         /* bytes per project in shm */
} why_job;

/* One share of the projects; a worker's share goes back through shm. */
static int why_work(void *ctx, size_t wi, size_t nw, pv_error *err)
{
    why_job *jb = ctx;
    if (explain_share(jb->m, jb->s, jb->time_limit_s, wi, nw, err))
        return -1;
    for (size_t j = wi; wi > 0 && j < jb->s->nproj; j += nw) {
        unsigned char *at = jb->shm + jb->rec * j;
        const pv_why *w = &jb->s->why[j];
        why_rec wr = {(int)w->kind, w->exact,      w->resource,  w->cons,     w->loss,
                      w->excess,    w->ndisplaced, w->nentering, w->nblocking};
        memcpy(at, &wr, sizeof wr);
        for (size_t d = 0; d < w->ndisplaced; d++)
            at[sizeof wr + w->displaced[d]] = 1;
        for (size_t d = 0; d < w->nentering; d++)
            at[sizeof wr + w->entering[d]] = 2;
        for (size_t g = 0; g < w->nblocking; g++)
            at[sizeof wr + jb->s->nproj + w->blocking[g]] = 1;
    }
    return 0;
}

/* Copies the workers' shares from shm into s->why. */
static int why_collect(const why_job *jb, size_t nw, pv_error *err)
{
    size_t n = jb->s->nproj;
    for (size_t j = 0; j < n; j++) {
        if (j % nw == 0)
            continue;
        const unsigned char *at = jb->shm + jb->rec * j;
        why_rec wr;
        memcpy(&wr, at, sizeof wr);
        pv_why *w = &jb->s->why[j];
        w->kind = (pv_why_kind)wr.kind;
        w->exact = wr.exact;
        w->resource = wr.resource;
        w->cons = wr.cons;
        w->loss = wr.loss;
        w->excess = wr.excess;
        /* a share the caller ran itself already filled these in */
        pv_free(w->displaced);
        pv_free(w->entering);
        pv_free(w->blocking);
        w->displaced = w->entering = w->blocking = NULL;
        w->ndisplaced = w->nentering = w->nblocking = 0;
        if (wr.nblocking) {
            if (!(w->blocking = pv_malloc((wr.nblocking + 1) * sizeof(size_t)))) {
                pv_err_nomem(err);
                return -1;
            }
            for (size_t g = 0; g < jb->m->ngroups; g++)
                if (at[sizeof wr + n + g])
                    w->blocking[w->nblocking++] = g;
        }
        if (!wr.ndisplaced && !wr.nentering)
            continue;
        w->displaced = pv_malloc((wr.ndisplaced + 1) * sizeof(size_t));
        w->entering = pv_malloc((wr.nentering + 1) * sizeof(size_t));
        if (!w->displaced || !w->entering) {
            pv_err_nomem(err);
            return -1;
        }
        for (size_t d = 0; d < n; d++) {
            if (at[sizeof wr + d] == 1)
                w->displaced[w->ndisplaced++] = d;
            else if (at[sizeof wr + d] == 2)
                w->entering[w->nentering++] = d;
        }
    }
    return 0;
}

int pv_explain(pv_mip *m, pv_selection *s, double time_limit_s, pv_error *err)
{
    double t0 = now_ms();
    size_t n = s->nproj;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    size_t nw = ncpu > 1 ? 2 : 1;
    if (n < 16)
        nw = 1; /* small cases: a process costs more than it saves */
    /* Each re-solve is exact, so the result does not depend on the split. */
    why_job jb = {m, s, time_limit_s, NULL, sizeof(why_rec) + n + m->ngroups};
    if (nw > 1 && !(jb.shm = pv_pool_shared(jb.rec * n)))
        nw = 1; /* no shared memory: explain everything here */
    int rc = pv_pool_run(nw, why_work, &jb, err);
    if (!rc && nw > 1)
        rc = why_collect(&jb, nw, err);
    pv_pool_unshare(jb.shm, jb.rec * n);
    s->have_why = rc == 0;
    s->why_ms = now_ms() - t0;
    return rc;
}
