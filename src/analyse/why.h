/*
 * why.h — what analyse/ adds to a solved selection: the explanation of every
 * project (explain.c) or the diagnosis of an infeasible case (diagnose.c).
 */
#ifndef PV_WHY_H
#define PV_WHY_H

#include "../optimise/select.h"

/* Explains every project of an optimal selection (why-in / why-out). */
int pv_explain(pv_mip *m, pv_selection *s, double time_limit_s, pv_error *err);
/* Fills the infeasibility diagnosis of s. */
int pv_diagnose(pv_mip *m, pv_selection *s, double time_limit_s, pv_error *err);

#endif
