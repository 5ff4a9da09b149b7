/* whatif.h — the results of frontier, sensitivity and robustness (each a
 * sequence of re-solves of the selection, see resolve.h), as the reports
 * read them. */
#ifndef PV_WHATIF_H
#define PV_WHATIF_H

#include "../optimise/select.h"

typedef struct pv_fseg {
    double lo, hi; /* limits over which this portfolio is optimal */
    int feasible;
    double objective;
    unsigned char *x;
} pv_fseg;

struct pv_frontier {
    int res;
    double from, to, current;
    size_t nseg; /* descending in limit */
    pv_fseg *seg;
    size_t npoints;
    double *limit;
    size_t *point_seg; /* per point: segment index, or (size_t)-1 */
    size_t *order;     /* projects in the order they enter as the limit rises */
    double *enter_at;
    size_t norder;
    int exact; /* every solve proved optimal */
};

typedef struct pv_sens_crit {
    size_t leaf;
    double weight, low, high;
    unsigned char *below, *above; /* portfolios just outside, or NULL */
} pv_sens_crit;

struct pv_sensitivity {
    size_t nleaves, nproj;
    unsigned char *base;
    double base_objective;
    pv_sens_crit *crit;
    int base_feasible;
    int exact; /* the base and every re-solve proven optimal (no time limit reached) */
};

typedef struct pv_portfolio_count {
    unsigned char *x;
    size_t count;
} pv_portfolio_count;

struct pv_robust {
    size_t samples, nproj, nleaves;
    unsigned long long seed;
    int method; /* 0 uniform, 1 ranked, 2 intervals */
    int threads;
    size_t *selected; /* per project: samples in which selected */
    size_t base_count;
    size_t infeasible;
    /* samples whose search the time limit ended: their portfolio is the best
     * found, which depends on the machine's speed and load (and so on
     * --threads); every other sample's is proven optimal */
    size_t unproven;
    pv_portfolio_count *port;
    size_t nport;
    unsigned char *base;
    double half_width; /* largest 95% half width over projects */
};

/* 95 % Wilson score interval of a share k/n; [0, 1] when n = 0. */
void pv_wilson95(size_t k, size_t n, double *lo, double *hi);
/* Core (0) when the interval's low end is >= 0.9, exterior (2) when its high
 * end is <= 0.1, else borderline (1): one rule for every robust report. */
int pv_core_group(double lo, double hi);

#endif
