/*
 * small_bb.h — the state of small_bb's branch and bound, shared by its
 * search (small_bb.c) and its dual simplex (small_lp.c); private to
 * optimise/.
 */
#ifndef PV_SMALL_BB_H
#define PV_SMALL_BB_H

#include "core_search.h"

#include <stddef.h>

enum { AT_LO = 0, AT_UP = 1, BASIC = 2 };

typedef struct level {
    double *T;           /* mr x mr: B^-1, the basis inverse of [-A I], by columns */
    double *d;           /* nv reduced costs */
    double *lo, *up;     /* nv bounds */
    unsigned char *stat; /* nv: AT_LO, AT_UP or BASIC */
    size_t *head;        /* mr: the basic variable of each row */
    double *beta;        /* mr: the basic values, when bvalid */
    int bvalid;          /* 0 after a nonbasic value changed: beta is recomputed */
} level;

typedef struct sbb {
    const pv_mip *m;
    size_t n, mr, nv;    /* free columns, rows kept, n + mr variables */
    size_t *col;         /* free column -> model column */
    double *A;           /* mr x n, each row scaled by its largest |a| */
    size_t *cst, *cix;   /* the same column-wise, sparse: column j's entries */
    double *cv;          /* cst[j] .. cst[j + 1] - 1 in cix (row) and cv */
    double *dl;          /* n: the Lagrangian reduced costs of safe_bound */
    double *trow, *tcol; /* nv, mr: the tableau's pivot row and entering column */
    double *brow;        /* mr: B^-1's pivot row */
    double *w;           /* mr: the nonbasic columns' activity, for basic_values */
    double *c;           /* nv costs (0 for the rows' variables) */
    double const0;       /* objective of the fixed columns */
    double *pi;          /* mr duals, clamped for the bound */
    unsigned char *val;  /* the portfolio being checked (fixed columns set) */
    unsigned char *best; /* the best portfolio found (when better than the start) */
    int found;
    double cutoff; /* prune at or below */
    double lastb;  /* safe_bound's last value */
    double incobj;
    double *pcs;       /* 2n: per column and direction, the summed bound loss per unit */
    int *pcn;          /* 2n: how many losses pcs sums */
    size_t pj;         /* the branch that led to the node being solved (SIZE_MAX: none): */
    int pdir;          /* its column, direction, fraction and parent's bound, */
    double pfrac, ppb; /* for the pseudocosts */
    level *lv;         /* n + 2 levels (the last: strong branching's scratch) */
    size_t ncard;      /* free project columns, summed by the last row when card */
    int card;          /* the last row is the count of projects (search_by_count) */
    level init;        /* with card: level 0 as built, then its solved root LP */
    double t0, tl_ms;
    long nodes, node_limit;
    int stop; /* PV_SBB_* when the search ends early */
} sbb;

#define ITOL 1e-6 /* integrality, before pv_mip_feasible checks */

static inline double nb_value(const level *L, size_t k)
{
    return L->stat[k] == AT_UP ? L->up[k] : L->lo[k];
}

/* How a subproblem's LP ended: optimal and able to beat the cutoff, pruned
 * (by the safe bound or proven infeasible), or in trouble (the search gives
 * up). */
enum { LP_OPT, LP_PRUNED, LP_TROUBLE };

/* A subproblem's LP past this many pivots is in trouble. */
#define LP_ITERS(s) (100 + 20 * (s)->mr)

/*
 * The LP of the subproblem at level L by the bounded dual simplex from its
 * inherited basis, at most limit pivots; leaves the basic values in
 * L->beta, and on LP_OPT the safe bound in s->lastb and its reduced costs
 * in s->dl.
 */
int pv_sbb_lp(sbb *s, level *L, size_t limit);

#endif
