/*
 * explain.c — why-in and why-out. Each project is tested by re-solving the
 * selection with that one project fixed the other way. All re-solves share
 * one GLPK problem (only bounds change, the LP basis carries over) and each
 * starts from the known optimum adapted to the fixing, so GLPK usually only
 * has to prove what it is handed.
 */
#include "why.h"

#include <math.h>
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <time.h>

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

/* Explains the projects j with j % nw == wi (one worker's share). */
static int explain_share(pv_mip *m, pv_selection *s, double time_limit_s, size_t wi, size_t nw,
                         pv_error *err)
{
    const pv_case *c = m->c;
    const pv_ranking *r = m->r;
    size_t n = s->nproj;
    unsigned char *base = pv_calloc(m->ncols + 1, 1), *start = pv_calloc(m->ncols + 1, 1),
                  *val = pv_calloc(m->ncols + 1, 1);
    if (!base || !start || !val) {
        pv_free(base);
        pv_free(start);
        pv_free(val);
        pv_err_nomem(err);
        return -1;
    }
    for (size_t j = 0; j < n; j++)
        base[m->xcol[j]] = s->x[j];
    for (size_t p = 0; p < s->npart; p++)
        if (m->ycol[p] >= 0)
            base[m->ycol[p]] = s->y[p];
    /* each re-solve gets a share of the time, but at least a second */
    double each = time_limit_s / 4;
    if (each > 10)
        each = 10;
    if (each < 1)
        each = time_limit_s < 1 ? time_limit_s : 1;
    int rc = 0;
    pv_mip_sol sol;
    memset(&sol, 0, sizeof sol);
    sol.val = val;
    m->node_limit = m->tune.why_node_limit;
    for (size_t j = wi; j < n && !rc; j += nw) {
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
        size_t col = (size_t)m->xcol[j];
        if (s->x[j]) {
            w->kind = PV_WHY_IN;
            memcpy(start, base, m->ncols);
            start[col] = 0;
            drop_unused_partners(m, start);
            pv_mip_fix(m, col, 0);
            rc = pv_mip_solve(m, each, m->tune.why_gap, start, &sol, err);
            pv_mip_fix(m, col, -1);
            if (rc)
                break;
            if (sol.status == PV_STATUS_INFEASIBLE) {
                w->loss = NAN; /* no portfolio without it */
                w->exact = 1;
            } else {
                w->loss = s->objective - sol.obj;
                w->exact = sol.status == PV_STATUS_OPTIMAL && s->status == PV_STATUS_OPTIMAL;
            }
            continue;
        }
        /* not selected: does it fit at all? */
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
        if (w->kind == PV_WHY_CANNOT_FIT)
            continue;
        memcpy(start, base, m->ncols);
        pv_mip_fix(m, col, 1);
        int have = repair_in(m, start, j);
        rc = pv_mip_solve(m, each, m->tune.why_gap, have ? start : NULL, &sol, err);
        pv_mip_fix(m, col, -1);
        if (rc)
            break;
        if (sol.status == PV_STATUS_INFEASIBLE) {
            w->kind = PV_WHY_CONFLICT;
            w->exact = 1;
            continue;
        }
        w->kind = PV_WHY_OUT;
        w->loss = s->objective - sol.obj;
        if (w->loss < 0 && w->loss > -1e-9)
            w->loss = 0;
        w->exact = sol.status == PV_STATUS_OPTIMAL && s->status == PV_STATUS_OPTIMAL;
        size_t nd = 0;
        for (size_t i = 0; i < n; i++)
            nd += s->x[i] && !val[m->xcol[i]];
        w->displaced = pv_malloc((nd + 1) * sizeof(size_t));
        if (!w->displaced) {
            pv_err_nomem(err);
            rc = -1;
            break;
        }
        for (size_t i = 0; i < n; i++)
            if (s->x[i] && !val[m->xcol[i]])
                w->displaced[w->ndisplaced++] = i;
    }
    m->node_limit = 0;
    pv_free(base);
    pv_free(start);
    pv_free(val);
    return rc;
}

/* The fixed-size part of a pv_why, as a worker sends it back. */
typedef struct why_rec {
    int kind, exact, resource, cons, done;
    double loss, excess;
    size_t ndisplaced;
} why_rec;

int pv_explain(pv_mip *m, pv_selection *s, double time_limit_s, pv_error *err)
{
    double t0 = now_ms();
    size_t n = s->nproj;
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    size_t nw = ncpu > 1 ? 2 : 1;
    if (n < 16)
        nw = 1; /* small cases: a process costs more than it saves */
    int rc = 0;
    if (nw == 1) {
        rc = explain_share(m, s, time_limit_s, 0, 1, err);
    } else {
        /* Worker processes over a fixed split of the projects: each re-solve
         * is exact, so the result does not depend on the split. Per project:
         * a why_rec and a bitmap of displaced projects. */
        size_t rec = sizeof(why_rec) + n;
        size_t bytes = rec * n;
        unsigned char *shm =
            mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (shm == MAP_FAILED)
            return explain_share(m, s, time_limit_s, 0, 1, err);
        memset(shm, 0, bytes);
        pid_t pid[2] = {-1, -1};
        for (size_t wi = 1; wi < nw; wi++) {
            pid[wi] = fork();
            if (pid[wi] == 0) {
                pv_error e2;
                pv_error_clear(&e2);
                int ok = explain_share(m, s, time_limit_s, wi, nw, &e2) == 0;
                for (size_t j = wi; ok && j < n; j += nw) {
                    why_rec *wr = (why_rec *)(void *)(shm + rec * j);
                    const pv_why *w = &s->why[j];
                    wr->kind = (int)w->kind;
                    wr->exact = w->exact;
                    wr->resource = w->resource;
                    wr->cons = w->cons;
                    wr->loss = w->loss;
                    wr->excess = w->excess;
                    wr->ndisplaced = w->ndisplaced;
                    for (size_t d = 0; d < w->ndisplaced; d++)
                        shm[rec * j + sizeof(why_rec) + w->displaced[d]] = 1;
                    wr->done = 1;
                }
                _exit(ok ? 0 : 1);
            }
        }
        rc = explain_share(m, s, time_limit_s, 0, nw, err);
        int child_ok = 1;
        for (size_t wi = 1; wi < nw; wi++) {
            if (pid[wi] < 0) {
                child_ok = 0;
                continue;
            }
            int st;
            while (waitpid(pid[wi], &st, 0) < 0 && errno == EINTR)
                ;
            if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
                child_ok = 0;
        }
        for (size_t wi = 1; wi < nw && !rc; wi++) {
            if (!child_ok) {
                /* fall back: do the missing share here */
                rc = explain_share(m, s, time_limit_s, wi, nw, err);
                continue;
            }
            for (size_t j = wi; j < n && !rc; j += nw) {
                const why_rec *wr = (const why_rec *)(const void *)(shm + rec * j);
                pv_why *w = &s->why[j];
                w->kind = (pv_why_kind)wr->kind;
                w->exact = wr->exact;
                w->resource = wr->resource;
                w->cons = wr->cons;
                w->loss = wr->loss;
                w->excess = wr->excess;
                w->ndisplaced = 0;
                if (wr->ndisplaced) {
                    w->displaced = pv_malloc((wr->ndisplaced + 1) * sizeof(size_t));
                    if (!w->displaced) {
                        pv_err_nomem(err);
                        rc = -1;
                        break;
                    }
                    for (size_t d = 0; d < n; d++)
                        if (shm[rec * j + sizeof(why_rec) + d])
                            w->displaced[w->ndisplaced++] = d;
                }
            }
        }
        munmap(shm, bytes ? bytes : 1);
    }
    s->have_why = rc == 0;
    s->why_ms = now_ms() - t0;
    return rc;
}
