/*
 * select.h — the selection: its result (pv_selection, with the why types
 * that explanations fill in) and the optimise half of pv_select. The
 * explanations and the diagnosis live one stage up, in analyse/.
 */
#ifndef PV_SELECT_H
#define PV_SELECT_H

#include "mip.h"

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
    size_t *displaced; /* OUT: selected projects the best portfolio with this one drops */
    size_t ndisplaced;
    size_t *entering; /* OUT: projects not selected that come in with it */
    size_t nentering;
    size_t *blocking;  /* OUT: the groups (see pv_mip) that the optimum with this
                          project simply added would break, in group order */
    size_t nblocking;
    int resource;  /* CANNOT_FIT: resource index */
    double excess; /* CANNOT_FIT: need − limit */
    int cons;      /* FORCED_*: constraint index */
} pv_why;

/* A portfolio under uncertain awards (optimise/chance.c). Arrays of nres + 1:
 * overrun* and unused per resource, [nres] the joint "any limit"; q holds
 * p10, p50, p90 for the score (q[0..2]) and each resource (q[3 + 3k..]). */
typedef struct pv_cofin_stats {
    double expected, all_granted, none_granted;
    double *overrun, *overrun_lo, *overrun_hi, overrun_any;
    double *q;
    double *unused;
    size_t ncontingent; /* selected contingent projects */
    int exact;          /* 1: exact (every subset); 0: samples fresh draws */
    size_t samples;
    int alpha_met;      /* joint overrun <= alpha */
} pv_cofin_stats;
void pv_cofin_stats_free(pv_cofin_stats *st);

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
    /* per resource: the least rise of that limit alone (the others as they
     * are) that makes it feasible, or NaN when raising it alone cannot */
    double *res_raise_alone;
    char *message;     /* infeasible without a solve (e.g. contradictory force) */
    pv_cofin_stats *cofin; /* with "cofinancing" and a portfolio */
};

/* Recomputes x/y dependent figures of s (engaged partners, used, activities). */
void pv_selection_figures(const pv_case *c, pv_selection *s);

/* The figures of s's portfolio under uncertain awards; NULL without
 * "cofinancing" (err untouched) or on OOM (err filled). */
pv_cofin_stats *pv_cofin_figures(const pv_case *c, const pv_ranking *r, const pv_selection *s,
                                 pv_error *err);

/* *out: the use of resource k that portfolio (x, y) commits: with every
 * application granted (worst_case or no co-financing), expected (expected),
 * or under chance the smallest limit at which it stays within the scenario
 * budget. A limit at or above it keeps the portfolio feasible. -1 on OOM. */
int pv_cofin_committed(const pv_case *c, size_t k, const unsigned char *x, const unsigned char *y,
                       double *out, pv_error *err);

/* The time limit and MIP gap of a selection: the options' when set, else
 * the case's. -1 + err when either is out of range. */
int pv_select_limits(const pv_case *c, const pv_select_opts *o, double *time_limit_s,
                     double *mip_gap, pv_error *err);

/*
 * The optimise half of pv_select: builds the model with tune (today's
 * defaults when NULL), solves it and fills the selection's portfolio and
 * figures (no explanations, no diagnosis). When mp is not NULL, *mp receives
 * the model for the explanations or the diagnosis, and the caller frees it.
 * NULL + err on failure.
 */
pv_selection *pv_select_solve(const pv_case *c, const pv_ranking *r, const pv_tuning *tune,
                              double time_limit_s, double mip_gap, pv_mip **mp, pv_error *err);

/* Frees GLPK's environment of the calling thread (GLPK keeps one per thread
 * and frees it only when asked); the next solve makes a new one. For threads
 * that end without a hook, e.g. the web server's (src/serve/http.c). */
void pv_solver_thread_done(void);

#endif
