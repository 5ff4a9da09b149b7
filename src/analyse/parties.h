/* parties.h — party weight sets: each set's own optimum, the max-min
 * compromise, the minimax-regret portfolio, shares and conflict. */
#ifndef PV_PARTIES_H
#define PV_PARTIES_H

#include "../optimise/select.h"

struct pv_parties {
    size_t K, n;           /* weight sets, projects */
    const char **name;     /* per set (owned by the case) */
    double *score;         /* K * n: project j's score under set k (0 when excluded) */
    double *coef;          /* K * n: its objective coefficient (score x award probability) */
    double *vstar;         /* per set: its own optimum V_k* */
    unsigned char *own;    /* K * n: set k's own optimal portfolio */
    unsigned char *maxmin; /* n: the max-min compromise */
    double min_sat, *sat;  /* per set: V_k(maxmin) / V_k* */
    unsigned char *mmr;    /* n: the minimax-regret portfolio */
    double max_regret, *regret; /* per set: V_k* - V_k(mmr) */
    double *share;         /* n: share of sets whose optimum holds the project */
    double *conflict;      /* K * K, symmetric, 0 on the diagonal */
    double group_conflict; /* mean over pairs */
    int proven;            /* every solve proved optimal */
};

/* V_k(x) of a portfolio over the projects. */
double pv_parties_value(const pv_parties *p, size_t k, const unsigned char *x);

#endif
