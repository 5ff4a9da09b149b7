/* compare.h — scenario comparison results. */
#ifndef PV_COMPARE_H
#define PV_COMPARE_H

#include "../optimise/select.h"

typedef struct pv_run {
    char *name;
    pv_case *c;
    pv_ranking *r;
    pv_selection *s;
} pv_run;

struct pv_comparison {
    size_t n; /* run[0] is the base */
    pv_run *run;
};

#endif
