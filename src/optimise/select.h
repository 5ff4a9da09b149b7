/*
 * select.h — the selection MILP, solver wrapper, explanations and diagnosis.
 *
 * The model is kept in our own sparse form (pv_mip) as well as in a GLPK
 * problem object: our copy lets us check candidate solutions (warm starts,
 * heuristics), recompute activities for reports and name rows for the
 * diagnosis without asking GLPK, and keeps <glpk.h> inside solver.c.
 */
#ifndef PV_SELECT_H
#define PV_SELECT_H

#include "../internal.h"

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
    int is_project; /* else partner */
    size_t index;   /* project or partner row */
} pv_colinfo;

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
    void *lp; /* glp_prob *, owned by solver.c */
    int lp_basis_ok;
    /* > 0: stop branch and bound after this many subproblems. Explanations
     * use it so that their cost is bounded and still deterministic (a time
     * limit would make reports depend on the machine). */
    long node_limit;
    /* 1: pv_mip_solve first searches LP-guided cores for a good portfolio and
     * then fixes columns by reduced cost before the full search (the main
     * selection solve; re-solves already start from a known optimum). */
    int core_search;
} pv_mip;

/* Builds the model; checks every number GLPK will see. NULL + err on failure. */
pv_mip *pv_mip_build(const pv_case *c, const pv_ranking *r, pv_error *err);
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

/* Sets a column's bounds to base ∩ groups ∩ fix; fix -1 removes the fixing. */
void pv_mip_fix(pv_mip *m, size_t col, int fix);
/* Enables or disables a diagnosis group. */
void pv_mip_group(pv_mip *m, size_t g, int on);
/* 1 when val satisfies every enabled row and current bound (tolerance 1e-9 relative). */
int pv_mip_feasible(const pv_mip *m, const unsigned char *val);
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
/* What-if re-solves: replace the projects' objective coefficients, or one
 * resource's limit, in place (our copy and GLPK's). */
void pv_mip_set_scores(pv_mip *m, const double *score);
int pv_mip_set_resource_limit(pv_mip *m, size_t k, double limit);
/* Writes the model (all groups on, no fixings) in LP or MPS format. */
int pv_mip_write(pv_mip *m, pv_export_fmt fmt, const char *path, pv_error *err);

/* ------------------------------------------------------------ selection */
typedef enum pv_why_kind {
    PV_WHY_NONE,       /* explanations skipped */
    PV_WHY_IN,         /* selected: loss = value lost when forced out */
    PV_WHY_OUT,        /* not selected: loss when forced in, displaced */
    PV_WHY_CANNOT_FIT, /* needs more of resource than its whole limit */
    PV_WHY_CONFLICT,   /* forced in, no feasible portfolio */
    PV_WHY_FORCED_IN,  /* fixed in by a force constraint */
    PV_WHY_FORCED_OUT, /* fixed out by a force constraint */
    PV_WHY_EXCLUDED    /* excluded by a rule */
} pv_why_kind;

typedef struct pv_why {
    pv_why_kind kind;
    double loss;       /* objective lost (>= 0) */
    int exact;         /* the re-solve proved optimality */
    size_t *displaced; /* projects */
    size_t ndisplaced;
    int resource;  /* CANNOT_FIT: resource index */
    double excess; /* CANNOT_FIT: need − limit */
    int cons;      /* FORCED_*: constraint index */
} pv_why;

struct pv_selection {
    pv_status status;
    double objective, bound, gap;
    size_t nproj, npart;
    unsigned char *x;      /* per project */
    unsigned char *y;      /* per partner: engaged */
    unsigned char *listed; /* per partner: shown in reports (named, kept, or own agreement) */
    double *res_used;      /* per resource, recomputed from the case */
    double *cons_act;      /* per constraint: count, share, number of engaged partners ... */
    int *cons_binding;
    int have_why;
    pv_why *why; /* per project */
    double solve_ms, why_ms;
    /* infeasible */
    int diagnosed;
    size_t *conflict; /* group ids (see pv_mip) */
    size_t nconflict;
    int raise_helps;   /* 1: raising the resource limits by res_raise makes it feasible */
    double *res_raise; /* per resource */
    char *message;     /* infeasible without a solve (e.g. contradictory force) */
};

/* Explains every project of an optimal selection (why-in / why-out). */
int pv_explain(pv_mip *m, pv_selection *s, double time_limit_s, pv_error *err);
/* Fills the infeasibility diagnosis of s. */
int pv_diagnose(pv_mip *m, pv_selection *s, double time_limit_s, pv_error *err);

/* Group label for messages ("resource budget_sek", "constraint count_1"). */
const char *pv_group_id(const pv_case *c, size_t g);

/* 1 when the list cell contains value (trimmed), or equals it. */
int pv_cell_has(const char *cell, const char *value);

/* Solver tuning (solver.c), fixed by measurement; tests may change them. */
extern int pv_solver_cuts;             /* 0 none, 1 cover+clique+MIR, 2 + Gomory */
extern int pv_solver_fp;               /* feasibility pump */
extern int pv_solver_greedy;           /* greedy + local search start solution */
extern int pv_solver_br, pv_solver_bt; /* GLPK branching and backtracking */
extern int pv_solver_presolve;         /* GLPK MIP presolver (then no start solution) */
extern int pv_solver_core;             /* core search + reduced-cost fixing (core_search) */
extern long pv_solver_core_nodes;      /* subproblems per core search round */
extern long pv_solver_proof_nodes;     /* subproblems of the proof on the fixed problem */
extern long pv_solver_probe_max;       /* columns probed before the proof */
extern int pv_solver_lns_width;        /* columns freed per improvement window */
extern int pv_solver_lns_passes;       /* passes of windows while they improve */
extern long pv_solver_lns_nodes;       /* subproblems per window */

/* Recomputes x/y dependent figures of s (engaged partners, used, activities). */
void pv_selection_figures(const pv_case *c, pv_selection *s);

extern double pv_why_gap;      /* relative gap of the why re-solves */
extern long pv_why_node_limit; /* subproblems per why re-solve (0: no limit) */
#endif
