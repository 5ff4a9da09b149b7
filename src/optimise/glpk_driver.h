/*
 * glpk_driver.h — the only door to GLPK (private to optimise/). Every glp_*
 * call of the tree is behind these functions, in glpk_driver.c, so that
 * <glpk.h> and GLPK's failure modes stay in one file.
 */
#ifndef PV_GLPK_DRIVER_H
#define PV_GLPK_DRIVER_H

#include "mip.h"

/* GLPK failed (its error hook fired, its environment was released: every
 * pv_lp made before is dead) or the driver ran out of memory, since the last
 * pv_lp_load. Callers that ignore a sub-solve's outcome check it. */
int pv_lp_failed(void);
/* Sets err to that failure ("out of memory in the solver (GLPK: …)" or "the
 * solver failed (GLPK: …)"), or to "out of memory" when there was none. */
void pv_lp_error(pv_error *err);

/* Creates GLPK's copy of m (rows, columns with their current bounds, the
 * objective). slack adds one column s_k >= 0 per resource (−s_k in its row)
 * and makes the objective min Σ s_k/scale_k. NULL when out of memory. */
pv_lp *pv_lp_load(const pv_mip *m, int slack);
/* Frees lp; NULL is a no-op. */
void pv_lp_free(pv_lp *lp);
/* Column j's bounds (fixed when lb == ub); lb > ub is left to the caller. */
void pv_lp_set_col(pv_lp *lp, size_t j, double lb, double ub);
/* Row i's bounds, ±HUGE_VAL for a missing side; a row that is not on is free. */
void pv_lp_set_row(pv_lp *lp, size_t i, double lb, double ub, int on);
/* Column j's objective coefficient. */
void pv_lp_set_obj(pv_lp *lp, size_t j, double v);
/* A copy of lp with every column j where fix[j] >= 0 fixed there and, when
 * cutoff > -HUGE_VAL, the objective cutoff Σ obj_j x_j >= cutoff as one more
 * row (a search on the copy then prunes what cannot reach it). */
pv_lp *pv_lp_fixed_copy(const pv_mip *m, pv_lp *lp, const signed char *fix, double cutoff);

/*
 * The LP relaxation of m->lp (scaled and given a starting basis the first
 * time). 0 with *obj when optimal, 1 when infeasible, -1 + err otherwise.
 */
int pv_lp_root(pv_mip *m, double time_limit_s, double *obj, pv_error *err);

/* A column's place in the optimal root LP. */
typedef enum pv_lp_col { PV_LP_OTHER, PV_LP_BASIC, PV_LP_AT_LB, PV_LP_AT_UB } pv_lp_col;
/* Column j's status in lp's last LP solution; *dj its |reduced cost| when
 * non-basic at a bound. */
pv_lp_col pv_lp_col_state(pv_lp *lp, size_t j, double *dj);
/* Column j's value in lp's last LP solution (0 when lp was released). */
double pv_lp_col_value(pv_lp *lp, size_t j);

/* One branch-and-bound search. */
typedef struct pv_bb {
    int presolve; /* GLPK's MIP presolver (it renumbers columns: no start) */
    pv_branch br;
    pv_backtrack bt;
    int cuts;                   /* as pv_tuning.cuts */
    int fp;                     /* feasibility pump */
    double gap;                 /* relative gap that ends the search */
    double tm_ms;               /* time limit (at least 1 ms is given) */
    long node_limit;            /* > 0: stop after this many subproblems */
    int may_start;              /* the search may be handed a start solution */
    const unsigned char *start; /* with may_start: a feasible start, or NULL */
    /* With presolve: a feasible portfolio whose value GLPK prunes by as its
     * own incumbent (glp_iocp.use_sol), instead of a cutoff row. Only a
     * strictly better portfolio is returned (found); nothing better, with
     * the search finished, is reported as infeasible, as with a cutoff row. */
    const unsigned char *incumbent;
} pv_bb;

typedef struct pv_bb_out {
    int found;      /* a portfolio (GLPK's MIP status optimal or feasible) is in val */
    int proven;     /* optimal and the search ended normally */
    int nofeas;     /* GLPK's MIP status: no integer solution */
    int infeasible; /* proven infeasible: no integer or no primal LP solution */
    int node_stop;  /* the node limit ended the search */
    int gap_stop;   /* the relative gap was reached */
    int timeout;    /* the time limit ended the search */
    int have_bound;
    double bound; /* the best open subproblem's bound, when have_bound */
    int code;     /* GLPK's return code, for messages */
} pv_bb_out;

/* Branch and bound on lp; val (ncols bytes) receives the portfolio when
 * out->found. -1 when out of memory. */
int pv_lp_branch(const pv_mip *m, pv_lp *lp, const pv_bb *o, unsigned char *val, pv_bb_out *out);

/* Probing on a fixed copy: solves its LP; 1 when optimal. */
int pv_lp_probe_begin(pv_lp *q);
/* Fixes column j at v and re-solves with cutoff as the objective's lower
 * limit. When no LP solution reaches cutoff, the column is left fixed at
 * 1 − v and 1 is returned; otherwise it is freed again and 0 is returned. */
int pv_lp_probe_dead(pv_lp *q, size_t j, int v, double cutoff);
/* The cheap test before pv_lp_probe_dead, on q's optimal basis as
 * pv_lp_probe_begin left it (no bound changed since): 1 when one dual
 * simplex step's bound (the Driebeck-Tomlin penalty) already shows that no
 * LP solution with column j at v reaches cutoff. Changes nothing. */
int pv_lp_probe_penalty(pv_lp *q, size_t j, int v, double cutoff);

/* Solves m's minimum-excess problem (pv_lp_load with slack, presolver on);
 * slack[k] receives s_k. only >= 0: that resource's slack alone (the others
 * fixed at 0). 1 when solved, 0 when not (no portfolio), -1 when out of
 * memory. */
int pv_lp_min_excess(const pv_mip *m, double time_limit_s, long only, double *slack);

/* Writes a fresh copy of m (the solver's copy may be scaled) to path in
 * MPS (mps != 0) or LP format. 0 ok, -1 out of memory, 1 GLPK failed. */
int pv_lp_write(const pv_mip *m, int mps, const char *path);

#endif
