/*
 * glpk_driver.c — every call into GLPK. The only file that includes <glpk.h>.
 *
 * GLPK reports invalid input and exhausted memory with glp_error, which
 * prints a message and aborts the process. The model builder (mip.c) checks
 * everything GLPK would reject first (finite numbers, name lengths,
 * consistent bounds, empty problems), so what is left is memory. Every entry
 * point that makes GLPK allocate is guarded (GUARD below): it installs an
 * error hook (glp_error_hook) and a terminal hook that keeps GLPK's message;
 * on an error the hook jumps back into the entry point (longjmp, GLPK's
 * documented way), which then frees GLPK's whole environment (glp_free_env:
 * every problem, every partial solve, GLPK's own arrays) and fails. Problems
 * created before that belong to the freed environment: their handles are
 * stamped with a generation, and a stale handle is refused, never touched.
 * The failure stays recorded (pv_lp_failed) until the next pv_lp_load, so
 * that callers which ignore a sub-solve's result still end in the error.
 * Temporary arrays inside a guarded region come from glp_alloc, so that the
 * environment's release frees them too.
 */
#include "glpk_driver.h"
#include "select.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pv_lp {
    glp_prob *p;
    unsigned long gen; /* the GLPK environment it lives in */
};

static jmp_buf *g_jmp;          /* the guarded entry point GLPK's errors return to */
static unsigned long g_gen = 1; /* the current environment's generation */
static int g_failed;            /* GLPK (or the driver) failed since pv_lp_load */
static char g_msg[256];         /* GLPK's message, first line */
static long g_fail_at, g_entries; /* test hook: fail the n-th guarded entry */

void pv_test_fail_glpk(long n)
{
    g_fail_at = n > 0 ? n : 0;
    g_entries = 0;
}

static glp_prob *P(pv_lp *lp) { return lp && lp->gen == g_gen ? lp->p : NULL; }

/* GLPK's terminal output is off; it is switched on only to print an error's
 * message, which is kept. Nothing is ever printed. */
static int term_hook(void *info, const char *s)
{
    (void)info;
    size_t n = strlen(g_msg);
    if (n == 0 || g_msg[n - 1] != '\n')
        snprintf(g_msg + n, sizeof g_msg - n, "%s", s);
    return 1;
}

static void error_hook(void *info)
{
    (void)info;
    if (g_jmp)
        longjmp(*g_jmp, 1);
    /* unguarded: GLPK aborts, as before (unreachable by construction) */
}

static void fail(const char *msg)
{
    if (!g_failed)
        snprintf(g_msg, sizeof g_msg, "%s", msg);
    g_failed = 1;
}

/* Starts a guarded region; 0 when GLPK cannot be used (an earlier failure,
 * or no memory for its environment). */
static int enter(jmp_buf *jb)
{
    if (g_failed)
        return 0;
    int rc = glp_init_env(); /* 0 new, 1 already there, 2 no memory, 3 unsupported */
    if (rc > 1) {
        fail("no memory for GLPK's environment");
        return 0;
    }
    g_msg[0] = '\0';
    glp_term_hook(term_hook, NULL);
    glp_term_out(GLP_OFF);
    glp_error_hook(error_hook, NULL);
    g_jmp = jb;
    return 1;
}

static void leave(void) { g_jmp = NULL; }

/* After GLPK's error hook jumped back: drop its whole environment. */
static void recover(void)
{
    char msg[sizeof g_msg];
    g_jmp = NULL;
    snprintf(msg, sizeof msg, "%s", g_msg[0] ? g_msg : "GLPK failed without a message");
    msg[strcspn(msg, "\r\n")] = '\0';
    glp_free_env();
    g_gen++;
    g_failed = 0;
    fail(msg);
}

/* Opens a guarded region in the calling function: on a GLPK error, control
 * comes back here, the environment is released, and the function returns
 * fail_value. Locals set after it must not be needed on that path. */
#define GUARD(fail_value)                                                                     \
    jmp_buf guard_jb_;                                                                        \
    if (!enter(&guard_jb_))                                                                   \
        return fail_value;                                                                    \
    if (setjmp(guard_jb_)) {                                                                  \
        recover();                                                                            \
        return fail_value;                                                                    \
    }                                                                                         \
    if (g_fail_at && ++g_entries == g_fail_at)                                                \
        glp_error("glp_alloc: no memory available (test hook)\n");

int pv_lp_failed(void) { return g_failed; }

void pv_lp_error(pv_error *err)
{
    if (!g_failed)
        pv_err_nomem(err);
    else if (strstr(g_msg, "memory") || strstr(g_msg, "too big"))
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "out of memory in the solver (GLPK: %s)", g_msg);
    else
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "the solver failed (GLPK: %s)", g_msg);
}

/* Wraps a GLPK problem in a handle; on failure deletes it. */
static pv_lp *wrap(glp_prob *q)
{
    pv_lp *lp = pv_malloc(sizeof *lp);
    if (!lp) {
        glp_delete_prob(q);
        fail("out of memory");
        return NULL;
    }
    lp->p = q;
    lp->gen = g_gen;
    return lp;
}

const char *pv_glpk_version(void) { return glp_version(); }

void pv_solver_thread_done(void) { glp_free_env(); }

void pv_lp_free(pv_lp *lp)
{
    if (P(lp))
        glp_delete_prob(P(lp)); /* frees only: cannot fail */
    pv_free(lp);
}

void pv_lp_set_col(pv_lp *lp, size_t j, double lb, double ub)
{
    int t = lb == ub ? GLP_FX : GLP_DB;
    if (lb > ub || !P(lp))
        return; /* caught before solving: GLPK would reject it */
    glp_set_col_bnds(P(lp), (int)j + 1, t, lb, ub);
}

void pv_lp_set_row(pv_lp *lp, size_t i, double lb, double ub, int on)
{
    int t;
    if (!P(lp))
        return;
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
    glp_set_row_bnds(P(lp), (int)i + 1, t, lb, ub);
}

void pv_lp_set_obj(pv_lp *lp, size_t j, double v)
{
    if (P(lp))
        glp_set_obj_coef(P(lp), (int)j + 1, v);
}

static void set_row(glp_prob *lp, size_t i, double lb, double ub, int on)
{
    pv_lp h = {lp, g_gen};
    pv_lp_set_row(&h, i, lb, ub, on);
}

static void set_col(glp_prob *lp, size_t j, double lb, double ub)
{
    pv_lp h = {lp, g_gen};
    pv_lp_set_col(&h, j, lb, ub);
}

/* Rows, columns and the slack columns of pv_lp_load, without the matrix. */
static void load_shape(glp_prob *lp, const pv_mip *m, int slack, int grid)
{
    const pv_case *c = m->c;
    size_t ns = slack ? c->nres : 0;
    glp_set_prob_name(lp, "partnerval");
    glp_set_obj_name(lp, slack ? "excess" : "score");
    glp_set_obj_dir(lp, slack ? GLP_MIN : GLP_MAX);
    if (m->nrows)
        glp_add_rows(lp, (int)m->nrows);
    if (m->ncols + ns)
        glp_add_cols(lp, (int)(m->ncols + ns));
    for (size_t i = 0; i < m->nrows; i++) {
        glp_set_row_name(lp, (int)i + 1, m->rows[i].name);
        double lb = m->rows[i].lb, ub = m->rows[i].ub;
        if (grid)
            pv_row_solver_bounds(&m->rows[i], &lb, &ub);
        set_row(lp, i, lb, ub, pv_mip_row_on(m, i));
    }
    for (size_t j = 0; j < m->ncols; j++) {
        glp_set_col_name(lp, (int)j + 1, m->cname[j]);
        glp_set_col_kind(lp, (int)j + 1, GLP_IV);
        set_col(lp, j, m->lb[j], m->ub[j]);
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
}

/* GLPK's copy of m, inside a guarded region (arrays from glp_alloc). slack:
 * the minimum-excess model (a continuous slack per resource row); else the
 * solve's copy, with the rows' bounds on their activity grid unless it is
 * written out for people (export keeps the case's own limits). */
static glp_prob *load(const pv_mip *m, int slack, int export)
{
    const pv_case *c = m->c;
    glp_prob *lp = glp_create_prob();
    load_shape(lp, m, slack, !slack && !export);
    size_t ne = 0;
    for (size_t i = 0; i < m->nrows; i++)
        ne += m->rows[i].nz + (slack ? 1 : 0);
    if (ne >= (size_t)INT_MAX)
        glp_error("too many matrix entries for GLPK (%zu)\n", ne);
    int *ia = glp_alloc((int)ne + 1, sizeof *ia), *ja = glp_alloc((int)ne + 1, sizeof *ja);
    double *ar = glp_alloc((int)ne + 1, sizeof *ar);
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
    glp_free(ia);
    glp_free(ja);
    glp_free(ar);
    return lp;
}

pv_lp *pv_lp_load(const pv_mip *m, int slack)
{
    if (g_failed) { /* a new model: an earlier failure's environment is gone */
        g_failed = 0;
        g_msg[0] = '\0';
    }
    GUARD(NULL)
    glp_prob *lp = load(m, slack, 0);
    leave();
    return wrap(lp);
}

pv_lp *pv_lp_fixed_copy(const pv_mip *m, pv_lp *lp, const signed char *fix, double cutoff)
{
    if (!P(lp)) {
        fail("the solver's problem was released after an earlier failure");
        return NULL;
    }
    GUARD(NULL)
    glp_prob *q = glp_create_prob();
    glp_copy_prob(q, P(lp), GLP_OFF);
    for (size_t j = 0; j < m->ncols; j++)
        if (fix[j] >= 0)
            glp_set_col_bnds(q, (int)j + 1, GLP_FX, fix[j], fix[j]);
    if (cutoff > -HUGE_VAL && m->ncols < (size_t)INT_MAX) {
        /* the objective as a row: Σ obj_j x_j >= cutoff, over the free columns;
         * the arrays from glp_alloc, released with GLPK's environment on an error */
        int *ind = glp_alloc((int)m->ncols + 1, sizeof *ind);
        double *val = glp_alloc((int)m->ncols + 1, sizeof *val);
        int nz = 0;
        double fixed = 0;
        for (size_t j = 0; j < m->ncols; j++) {
            if (m->obj[j] == 0)
                continue;
            if (fix[j] >= 0 || m->lb[j] >= m->ub[j]) {
                fixed += m->obj[j] * (fix[j] >= 0 ? fix[j] : m->lb[j]);
                continue;
            }
            ind[++nz] = (int)j + 1;
            val[nz] = m->obj[j];
        }
        int i = glp_add_rows(q, 1);
        glp_set_mat_row(q, i, nz, ind, val);
        glp_set_row_bnds(q, i, GLP_LO, cutoff - fixed, 0);
        glp_free(ind);
        glp_free(val);
    }
    leave();
    return wrap(q);
}

/* ------------------------------------------------------------- LP */

static void init_smcp(glp_smcp *sp, int meth)
{
    glp_init_smcp(sp);
    sp->msg_lev = GLP_MSG_OFF;
    sp->meth = meth;
}

static int root(pv_mip *m, double time_limit_s, double *obj, pv_error *err)
{
    glp_prob *lp = P(m->lp);
    if (!lp) {
        fail("the solver's problem was released after an earlier failure");
        return -1;
    }
    GUARD(-1)
    glp_smcp sp;
    init_smcp(&sp, GLP_DUALP);
    sp.tm_lim = (int)(time_limit_s * 1000);
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
    leave();
    if (rc == 0 && (glp_get_status(lp) == GLP_NOFEAS || glp_get_prim_stat(lp) == GLP_NOFEAS))
        return 1;
    if (rc != 0 || glp_get_status(lp) != GLP_OPT) {
        if (rc == GLP_ETMLIM)
            pv_err(err, PV_EINTERNAL, NULL, 0, 0,
                   "GLPK: the time limit ran out before the LP relaxation was solved");
        else
            pv_err(err, PV_EINTERNAL, NULL, 0, 0, "GLPK: LP relaxation failed (code %d)", rc);
        return -1;
    }
    *obj = glp_get_obj_val(lp);
    return 0;
}

int pv_lp_root(pv_mip *m, double time_limit_s, double *obj, pv_error *err)
{
    int rc = root(m, time_limit_s, obj, err);
    if (rc < 0 && g_failed)
        pv_lp_error(err);
    return rc;
}

pv_lp_col pv_lp_col_state(pv_lp *lp, size_t j, double *dj)
{
    if (!P(lp))
        return PV_LP_OTHER;
    int st = glp_get_col_stat(P(lp), (int)j + 1);
    if (st == GLP_BS)
        return PV_LP_BASIC;
    if (st != GLP_NL && st != GLP_NU)
        return PV_LP_OTHER;
    *dj = fabs(glp_get_col_dual(P(lp), (int)j + 1));
    return st == GLP_NU ? PV_LP_AT_UB : PV_LP_AT_LB;
}

double pv_lp_col_value(pv_lp *lp, size_t j)
{
    return P(lp) ? glp_get_col_prim(P(lp), (int)j + 1) : 0;
}

int pv_lp_probe_begin(pv_lp *q)
{
    if (!P(q))
        return 0;
    GUARD(0)
    glp_smcp sp;
    init_smcp(&sp, GLP_DUALP);
    int ok = glp_simplex(P(q), &sp) == 0 && glp_get_status(P(q)) == GLP_OPT;
    leave();
    return ok;
}

int pv_lp_probe_dead(pv_lp *lp, size_t j, int v, double cutoff)
{
    glp_prob *q = P(lp);
    if (!q)
        return 0;
    GUARD(0)
    glp_smcp sp;
    init_smcp(&sp, GLP_DUAL);
    sp.obj_ll = cutoff;
    glp_set_col_bnds(q, (int)j + 1, GLP_FX, v, v);
    int rc = glp_simplex(q, &sp);
    int dead = (rc == 0 && (glp_get_status(q) == GLP_NOFEAS ||
                            (glp_get_status(q) == GLP_OPT && glp_get_obj_val(q) < cutoff))) ||
               (rc == GLP_EOBJLL && glp_get_obj_val(q) < cutoff);
    if (dead)
        glp_set_col_bnds(q, (int)j + 1, GLP_FX, 1 - v, 1 - v);
    else
        glp_set_col_bnds(q, (int)j + 1, GLP_DB, 0, 1);
    leave();
    return dead;
}

/* The smallest |d_k / alpha_k| over the nonbasic variables that can move
 * x_b (basic; its tableau row alpha) by delta: the first breakpoint of the
 * dual step, so the LP value with x_b moved by delta is at most
 * z - |delta| * ratio (weak duality: up to the first breakpoint the dual
 * objective falls linearly). HUGE_VAL when no variable can move it (that
 * LP is infeasible). A tiny alpha or d counts whatever its sign: a doubtful
 * candidate only lowers the penalty, never fixes wrongly. */
static double first_ratio(glp_prob *q, int len, const int *ind, const double *val, double delta)
{
    int m = glp_get_num_rows(q);
    double best = HUGE_VAL;
    for (int t = 1; t <= len; t++) {
        int k = ind[t];
        double a = val[t];
        if (a == 0)
            continue;
        int st = k <= m ? glp_get_row_stat(q, k) : glp_get_col_stat(q, k - m);
        double d = k <= m ? glp_get_row_dual(q, k) : glp_get_col_dual(q, k - m);
        if (st == GLP_NS)
            continue; /* fixed: cannot move */
        double move = delta / a;
        int ok = st == GLP_NF || (st == GLP_NL && move > 0) || (st == GLP_NU && move < 0) ||
                 fabs(a) < 1e-9 || fabs(d) < 1e-9;
        if (ok && fabs(d / a) < best)
            best = fabs(d / a);
    }
    return best;
}

int pv_lp_probe_penalty(pv_lp *lp, size_t j, int v, double cutoff)
{
    glp_prob *q = P(lp);
    if (!q)
        return 0;
    GUARD(0)
    int dead = 0, c = (int)j + 1;
    if (glp_get_status(q) == GLP_OPT && glp_bf_exists(q) && glp_get_col_type(q, c) != GLP_FX) {
        double z = glp_get_obj_val(q), delta = v - glp_get_col_prim(q, c), pen = 0;
        if (fabs(delta) <= 1e-9) {
            pen = 0;
        } else if (glp_get_col_stat(q, c) != GLP_BS) {
            pen = fabs(glp_get_col_dual(q, c) * delta); /* its own reduced cost */
        } else {
            int m = glp_get_num_rows(q), n = glp_get_num_cols(q);
            int *ind = glp_alloc(m + n + 1, sizeof *ind);
            double *val = glp_alloc(m + n + 1, sizeof *val);
            int len = glp_eval_tab_row(q, m + c, ind, val);
            pen = fabs(delta) * first_ratio(q, len, ind, val, delta);
            glp_free(ind);
            glp_free(val);
        }
        dead = z - pen < cutoff;
    }
    leave();
    return dead;
}

/* ------------------------------------------------------------- MIP */

typedef struct cbinfo {
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

static const int br_tech[] = {GLP_BR_FFV, GLP_BR_LFV, GLP_BR_MFV, GLP_BR_DTH, GLP_BR_PCH};
static const int bt_tech[] = {GLP_BT_DFS, GLP_BT_BFS, GLP_BT_BLB, GLP_BT_BPH};

static void init_iocp(glp_iocp *ip, const pv_bb *o)
{
    glp_init_iocp(ip);
    ip->msg_lev = GLP_MSG_OFF;
    ip->presolve = o->presolve ? GLP_ON : GLP_OFF;
    ip->br_tech = br_tech[o->br];
    ip->bt_tech = bt_tech[o->bt];
    ip->cov_cuts = ip->clq_cuts = ip->mir_cuts = o->cuts >= 1 ? GLP_ON : GLP_OFF;
    ip->gmi_cuts = o->cuts >= 2 ? GLP_ON : GLP_OFF;
    ip->fp_heur = o->fp ? GLP_ON : GLP_OFF;
    ip->mip_gap = o->gap;
    ip->tm_lim = o->tm_ms > 1 ? (int)o->tm_ms : 1;
    /* GLPK's default 1e-5 takes x = 0.9999964 as 1: with a limit of
     * 139,999.50 kr it returned a portfolio using 140,000 kr as optimal.
     * Binary columns need no slack here: a column is integral when the LP
     * puts it there to rounding. */
    ip->tol_int = 1e-10;
}

static int branch(const pv_mip *m, glp_prob *q, const pv_bb *o, unsigned char *val,
                  pv_bb_out *out);

/* Stores portfolio x as q's MIP solution, which glp_intopt with use_sol
 * takes as its incumbent: GLPK has no call that sets it, so q is solved
 * with every column fixed at x (its presolver removes them all), then its
 * bounds are put back. 0 when q holds x as an integer solution. */
static int set_mip_solution(glp_prob *q, const unsigned char *x, size_t n)
{
    int *type = glp_alloc((int)n + 1, sizeof *type);
    double *lo = glp_alloc((int)n + 1, sizeof *lo), *up = glp_alloc((int)n + 1, sizeof *up);
    for (int j = 1; j <= (int)n; j++) {
        type[j] = glp_get_col_type(q, j);
        lo[j] = glp_get_col_lb(q, j);
        up[j] = glp_get_col_ub(q, j);
        glp_set_col_bnds(q, j, GLP_FX, x[j - 1], x[j - 1]);
    }
    glp_iocp ip;
    glp_init_iocp(&ip);
    ip.msg_lev = GLP_MSG_OFF;
    ip.presolve = GLP_ON;
    int rc = glp_intopt(q, &ip);
    int ms = glp_mip_status(q);
    for (int j = 1; j <= (int)n; j++)
        glp_set_col_bnds(q, j, type[j], lo[j], up[j]);
    glp_free(type);
    glp_free(lo);
    glp_free(up);
    return rc == 0 && (ms == GLP_OPT || ms == GLP_FEAS) ? 0 : -1;
}

int pv_lp_branch(const pv_mip *m, pv_lp *lp, const pv_bb *o, unsigned char *val, pv_bb_out *out)
{
    memset(out, 0, sizeof *out);
    if (!P(lp)) {
        fail("the solver's problem was released after an earlier failure");
        return -1;
    }
    return branch(m, P(lp), o, val, out);
}

static int branch(const pv_mip *m, glp_prob *q, const pv_bb *o, unsigned char *val,
                  pv_bb_out *out)
{
    GUARD(-1)
    glp_iocp ip;
    init_iocp(&ip, o);
    cbinfo cb;
    memset(&cb, 0, sizeof cb);
    cb.node_limit = o->node_limit;
    if (o->may_start) {
        cb.x = glp_alloc((int)m->ncols + 1, sizeof(double));
        if (o->start) {
            cb.start = o->start;
            for (size_t j = 0; j < m->ncols; j++)
                cb.x[j + 1] = o->start[j];
        }
    }
    ip.cb_func = callback;
    ip.cb_info = &cb;
    /* the incumbent only when GLPK took it: else a plain search */
    int inc = o->incumbent && o->presolve && (size_t)glp_get_num_cols(q) == m->ncols &&
              set_mip_solution(q, o->incumbent, m->ncols) == 0;
    double inc_obj = inc ? glp_mip_obj_val(q) : 0;
    ip.use_sol = inc ? GLP_ON : GLP_OFF;
    int rc = glp_intopt(q, &ip);
    if (cb.x)
        glp_free(cb.x);
    leave();
    int ms = glp_mip_status(q);
    if (ms == GLP_OPT || ms == GLP_FEAS) {
        for (size_t j = 0; j < m->ncols; j++)
            val[j] = glp_mip_col_val(q, (int)j + 1) > 0.5;
        out->found = 1;
    }
    out->proven = rc == 0 && ms == GLP_OPT;
    out->nofeas = ms == GLP_NOFEAS;
    out->infeasible = (rc == 0 && ms == GLP_NOFEAS) || rc == GLP_ENOPFS;
    out->node_stop = cb.limited;
    out->gap_stop = rc == GLP_EMIPGAP;
    out->timeout = rc == GLP_ETMLIM;
    out->have_bound = cb.have_bound;
    out->bound = cb.bound;
    out->code = rc;
    /* When the search found nothing better than the incumbent, what GLPK's
     * postprocessing returns is not a portfolio (measured: value 44 for an
     * incumbent of 2,205). Its callback saw no GLP_IBINGO even when it did
     * find a better one, so the value tells: better by more than GLPK's
     * pruning margin (tol_obj), and a portfolio the model accepts. */
    double margin = ip.tol_obj * (1 + fabs(inc_obj));
    if (inc && out->found && !(glp_mip_obj_val(q) > inc_obj + margin && pv_mip_feasible(m, val))) {
        out->found = out->proven = 0;
        /* finished with nothing better: no portfolio above the incumbent */
        out->infeasible = rc == 0 && glp_mip_obj_val(q) <= inc_obj + margin;
    }
    return 0;
}

int pv_lp_min_excess(const pv_mip *m, double time_limit_s, long only, double *slack)
{
    GUARD(-1)
    glp_prob *lp = load(m, 1, 0);
    /* one resource alone: the other slacks stay 0 */
    for (size_t k = 0; only >= 0 && k < m->c->nres; k++)
        if ((long)k != only)
            glp_set_col_bnds(lp, (int)(m->ncols + k) + 1, GLP_FX, 0, 0);
    glp_iocp ip;
    glp_init_iocp(&ip);
    ip.msg_lev = GLP_MSG_OFF;
    ip.presolve = GLP_ON;
    ip.tm_lim = (int)(time_limit_s * 1000);
    int rc = glp_get_num_rows(lp) && glp_get_num_cols(lp) ? glp_intopt(lp, &ip) : GLP_EFAIL;
    int ms = glp_mip_status(lp);
    int ret = 0;
    if ((rc == 0 || rc == GLP_ETMLIM || rc == GLP_ENOPFS) && (ms == GLP_OPT || ms == GLP_FEAS)) {
        for (size_t k = 0; k < m->c->nres; k++)
            slack[k] = glp_mip_col_val(lp, (int)(m->ncols + k) + 1);
        ret = 1;
    }
    glp_delete_prob(lp);
    leave();
    return ret;
}

int pv_lp_write(const pv_mip *m, int mps, const char *path)
{
    GUARD(-1)
    glp_prob *lp = load(m, 0, 1);
    int rc = mps ? glp_write_mps(lp, GLP_MPS_FILE, NULL, path) : glp_write_lp(lp, NULL, path);
    glp_delete_prob(lp);
    leave();
    return rc ? 1 : 0;
}
