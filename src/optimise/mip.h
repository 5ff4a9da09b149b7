/*
 * mip.h — the selection MILP: the model, its tuning and the solver entry
 * points.
 *
 * The model is kept in our own sparse form (pv_mip) as well as in a GLPK
 * problem object: our copy lets us check candidate solutions (warm starts,
 * heuristics), recompute activities for reports and name rows for the
 * diagnosis without asking GLPK, and keeps <glpk.h> inside glpk_driver.c.
 */
#ifndef PV_MIP_H
#define PV_MIP_H

#include "../internal.h"

/* GLPK's branching and backtracking rules, in our own names so that the
 * tuning does not need <glpk.h>; glpk_driver.c maps them. */
typedef enum pv_branch { PV_BR_FFV, PV_BR_LFV, PV_BR_MFV, PV_BR_DTH, PV_BR_PCH } pv_branch;
typedef enum pv_backtrack { PV_BT_DFS, PV_BT_BFS, PV_BT_BLB, PV_BT_BPH } pv_backtrack;

/*
 * Solver tuning, fixed by measurement (tests/bench/select_bench.sh). It
 * travels with the model (pv_mip.tune) so that a test or a benchmark can
 * change it for one solve without touching any other.
 */
typedef struct pv_tuning {
    int cuts;            /* 0 none, 1 cover+clique+MIR, 2 + Gomory */
    int fp;              /* feasibility pump */
    int greedy;          /* greedy + local search start solution */
    pv_branch br;        /* GLPK branching of the plain search */
    pv_backtrack bt;     /* GLPK backtracking of the plain search */
    pv_branch core_br;   /* ... of the plain search after the core search */
    pv_backtrack core_bt;
    int round_stop;      /* core rounds stop when one finds nothing better */
    int presolve;        /* GLPK MIP presolver (then no start solution) */
    int core;            /* core search + reduced-cost fixing (core_search) */
    long core_nodes;     /* subproblems per core search round */
    long proof_nodes;    /* subproblems of the proof on the fixed problem (0: no limit) */
    long probe_max;      /* columns probed before the proof */
    int lns_width;       /* columns freed per improvement window */
    int lns_passes;      /* passes of windows while they improve */
    long lns_nodes;      /* subproblems per window */
    double why_gap;      /* relative gap of the why re-solves */
    long why_node_limit;     /* GLPK subproblems per why re-solve (0: no limit) */
    long why_sbb_node_limit; /* small_bb.c's (much cheaper) nodes per why re-solve */
    size_t why_core_max;     /* eligible projects up to which explanations run the core search */
    long why_plain_node_limit; /* GLPK subproblems per why re-solve beyond that */
    int cutoff;          /* core searches prune by the incumbent (an objective row) */
    int small_bb;        /* the proof on the fixed problem by small_bb.c first */
    int whole_presolved; /* nothing or little fixed: GLPK's presolved search */
    int card_split;      /* small_bb searches each number of projects in turn */
    int penalty;         /* GLPK probing tries one dual step's penalty first */
    int use_sol;         /* the whole problem's search takes the incumbent as GLPK's own */
} pv_tuning;

/* Fills t with the measured defaults. */
void pv_tuning_init(pv_tuning *t);

/* One row: lb <= Σ val·x[col] <= ub; a missing side is ±HUGE_VAL. */
typedef struct pv_row {
    char *name;
    int group; /* diagnosis group (see pv_mip), or -1 for structural rows (links) */
    double lb, ub;
    size_t nz;
    size_t *col; /* 0-based columns */
    double *val;
} pv_row;

/* What one column stands for. */
typedef struct pv_colinfo {
    int is_project; /* else partner, or a scenario when is_scenario */
    int is_scenario; /* chance co-financing: 1 when this scenario may overrun */
    size_t index;   /* project or partner row */
} pv_colinfo;

/* The GLPK problem that mirrors a pv_mip; opaque outside glpk_driver.c. */
typedef struct pv_lp pv_lp;

/* Chance co-financing (optimise/chance.c): the seeded scenarios of awards,
 * identical draws merged into one pattern weighted by its count. */
typedef struct pv_chance {
    size_t nc;          /* contingent projects */
    size_t *cj;         /* their project rows */
    size_t npat;        /* distinct patterns with at least one grant */
    unsigned char *pat; /* npat * nc: granted? */
    size_t *w;          /* per pattern: scenarios drawn with it */
    size_t zcol0;       /* column of pattern 0; one binary each */
    size_t budget;      /* floor(alpha * scenarios): scenarios allowed to overrun */
} pv_chance;
/* The scenarios of c's chance commitment, or NULL (err filled on OOM) when
 * the case has none. *none is set when the case has no chance commitment. */
pv_chance *pv_chance_draw(const pv_case *c, int *none, pv_error *err);
void pv_chance_free(pv_chance *ch);
/* c_j, project j's coefficient in the case's objective (today its score):
 * the one place co-financing and party weight sets read it, so that a
 * weighted objective (score x column) reaches them all. The MILP's own
 * coefficient is pv_cofin_p(c, j) * pv_obj_coef(c, r, j) (mip.c). */
double pv_obj_coef(const pv_case *c, const pv_ranking *r, size_t j);

/*
 * Diagnosis groups: 0..nres-1 are the resource limits, nres..nres+ncons-1 the
 * case's constraints, and nres+ncons is keep_existing (when it forces any
 * partner in). Disabling a group frees its rows and drops its column fixings.
 */
typedef struct pv_mip {
    const pv_case *c;
    const pv_ranking *r;
    size_t ncols;
    char **cname;
    double *obj;
    pv_colinfo *cinfo;
    double *base_lb, *base_ub; /* exclusions only */
    double *lb, *ub;           /* current bounds (groups and explain fixings applied) */
    int *xcol;                 /* per project: column */
    long *ycol;                /* per partner: column, or -1 when no column */
    size_t nrows;
    pv_row *rows;
    /* per group: enabled? */
    size_t ngroups;
    int *group_on;
    /* column-wise copy of the rows (for fast incremental checks) */
    size_t *cstart, *crow;
    double *cval;
    /* per column fixings made by explain: -1 none, else the value */
    int *fix;
    pv_lp *lp; /* owned by the model, driven by glpk_driver.c */
    int lp_basis_ok;
    pv_tuning tune; /* pv_tuning_init's defaults after pv_mip_build */
    /* > 0: stop branch and bound after this many subproblems. Explanations
     * use it so that their cost is bounded and still deterministic (a time
     * limit would make reports depend on the machine). */
    long node_limit;
    /* > 0: the same for small_bb.c's nodes (else node_limit), whose node is
     * a bound pass and no LP, so that a limit fit for GLPK cuts it short */
    long sbb_node_limit;
    /* 1: pv_mip_solve first searches LP-guided cores for a good portfolio and
     * then fixes columns by reduced cost before the full search (the main
     * selection solve; re-solves already start from a known optimum). */
    int core_search;
    pv_chance *chance; /* NULL unless "cofinancing" commits by chance */
} pv_mip;

/* Builds the model; checks every number GLPK will see. NULL + err on failure. */
pv_mip *pv_mip_build(const pv_case *c, const pv_ranking *r, pv_error *err);
/* Frees the model and its GLPK problem; NULL is a no-op. */
void pv_mip_free(pv_mip *m);

typedef struct pv_mip_sol {
    pv_status status;
    double obj, bound, gap; /* gap relative, as GLPK defines it; 0 when proven */
    unsigned char *val;     /* ncols 0/1 values; owned by the caller when filled */
    double ms;
} pv_mip_sol;

/*
 * Solves with the current bounds. start: a candidate solution (ncols values)
 * offered to GLPK's search when it is feasible, or NULL. sol->val must point
 * to ncols bytes. Returns -1 and fills err only on an internal failure.
 */
int pv_mip_solve(pv_mip *m, double time_limit_s, double mip_gap, const unsigned char *start,
                 pv_mip_sol *sol, pv_error *err);
/* pv_mip_solve as the main solve: the core search and our own branch and
 * bound first (README, "How the main solve runs"), unless the case commits
 * co-financing by chance. For select and for the what-if re-solves. */
int pv_mip_solve_main(pv_mip *m, double time_limit_s, double mip_gap, const unsigned char *start,
                      pv_mip_sol *sol, pv_error *err);

/* Sets a column's bounds to base ∩ groups ∩ fix; fix -1 removes the fixing. */
void pv_mip_fix(pv_mip *m, size_t col, int fix);
/* Enables or disables a diagnosis group. */
void pv_mip_group(pv_mip *m, size_t g, int on);
/* The bounds GLPK gets for row r: lb and ub moved inward to the grid its
 * activity lives on when every coefficient is a whole multiple of 1, 0.1,
 * 0.01 or 0.001 (binary columns: the activity is such a multiple too, so no
 * portfolio is lost). GLPK accepts a row within about 1e-7 relative of its
 * bound; on the grid the nearest activity beyond the true bound is a whole
 * step away, so a limit of 239,999.995 kr cannot admit a use of 240,000. */
void pv_row_solver_bounds(const pv_row *r, double *lb, double *ub);
/* 1 when row i takes part (structural, or its group is enabled). */
int pv_mip_row_on(const pv_mip *m, size_t i);
/* 1 when any column's lower bound exceeds its upper bound. */
int pv_mip_bounds_conflict(const pv_mip *m);
/* 1 when bound propagation over the enabled rows proves that no 0/1 vector
 * within the current bounds satisfies them (exact: a row's activity range
 * must miss its bounds by more than a tolerance), 0 when it cannot tell,
 * -1 when out of memory. No LP: a conflict among a few rows (a count that
 * the fixings leave short, say) is found in microseconds. */
int pv_mip_propagate_infeasible(const pv_mip *m);
/* GLPK failed (out of memory, say) since the model was built: every solve
 * fails from then on, with the message pv_mip_solve gave. */
int pv_mip_solver_failed(void);
/* 1 when val satisfies every enabled row and current bound (tolerance 1e-9 relative). */
int pv_mip_feasible(const pv_mip *m, const unsigned char *val);
/* The feasibility tolerance around b (1e-9 relative, absolute below 1). */
double pv_mip_tol(double b);
/* Objective of val. */
double pv_mip_value(const pv_mip *m, const unsigned char *val);
/* A feasible solution found by greedy + local search, or 0 when none was found. */
int pv_mip_greedy(const pv_mip *m, unsigned char *val);
/*
 * Minimises the resource excess Σ s_k / scale_k with every other group
 * enabled. excess[k] receives s_k. Returns 1 when raising resources makes the
 * problem feasible, 0 when it does not, -1 on an internal failure.
 */
int pv_mip_min_excess(pv_mip *m, double time_limit_s, double *excess, pv_error *err);
/* Per resource k, the least rise of k's limit alone (the other limits as
 * they are) that lets a portfolio exist: alone[k], or NaN when raising k
 * alone cannot. 0, or -1 on an internal failure. */
int pv_mip_min_excess_alone(pv_mip *m, double time_limit_s, double *alone, pv_error *err);
/* What-if re-solves: replace the projects' objective coefficients, or one
 * resource's limit, in place (our copy and GLPK's). */
void pv_mip_set_scores(pv_mip *m, const double *score);
int pv_mip_set_resource_limit(pv_mip *m, size_t k, double limit);
/* Appends structural rows lb[i] <= Σ_j coef[i * nproj + j] x_j (ub +inf) over
 * the project columns, e.g. one per party weight set; returns the index of
 * the first, or -1 on OOM. The column copy and GLPK's problem are rebuilt. */
long pv_mip_add_rows(pv_mip *m, const char *prefix, size_t nrows, const double *coef,
                     const double *lb);
/* Sets row i's lower bound (our copy and GLPK's). */
void pv_mip_set_row_lb(pv_mip *m, size_t i, double lb);
/* Writes the model (all groups on, no fixings) in LP or MPS format. */
int pv_mip_write(pv_mip *m, pv_export_fmt fmt, const char *path, pv_error *err);

/* Group label for messages ("resource budget_sek", "constraint count_1"). */
const char *pv_group_id(const pv_case *c, size_t g);

#endif
