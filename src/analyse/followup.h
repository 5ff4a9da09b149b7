/*
 * followup.h — the annual follow-up: the decided portfolio (the case's
 * selection) set against the outcomes register, per project, department and
 * goal, and the review of the case's own agreements that the register feeds
 * (also shown by select, beside the decision's own review).
 */
#ifndef PV_FOLLOWUP_H
#define PV_FOLLOWUP_H

#include "../optimise/select.h"

/* What the register says about an own agreement: keep; review (no activity
 * in the period, evaluation older than the window, or an inactive agreement
 * that shows activity); end candidate (inactive, and no activity on record
 * in the last two years, or none at all). */
typedef enum pv_fu_action { PV_FU_NONE, PV_FU_KEEP, PV_FU_REVIEW, PV_FU_END } pv_fu_action;

typedef struct pv_fu_agree {
    size_t p;          /* partners row */
    int active;
    int last_activity; /* year, 0 when none on record up to the report year */
    int evaluated;     /* YYYYMMDD, 0 when none */
    int eval_old;      /* evaluated more than review_months before the year's end */
    pv_fu_action action;
    size_t *acts;      /* register rows: activity with it in the period */
    size_t nacts;
} pv_fu_agree;

/* Partner p's follow-up over years from..year; PV_FU_NONE when p is not an
 * own agreement or the case has no register. -1 when out of memory. */
int pv_fu_agree_of(const pv_case *c, size_t p, int year, int from, pv_fu_agree *a);
void pv_fu_agree_free(pv_fu_agree *a);

typedef struct pv_fu_proj {
    long j;            /* projects row, -1 for a project of an earlier case */
    size_t first;      /* register row that names it (when j < 0) */
    int decided;
    int status;        /* the latest status in the period, -1 when no row */
    const char *dept;  /* department code, NULL when unknown */
    double *planned, *actual; /* per resource */
    double ext_planned, ext_received;
    double *goal;      /* per top-level criterion: latest value in the period, NaN none */
    double *expected;  /* per top-level criterion: 5 x the model's score on it, NaN none */
    size_t *rows;      /* register rows of the period, by year */
    size_t nrows;
} pv_fu_proj;

/* A proposal of the case that is neither decided nor reported. */
typedef struct pv_fu_other {
    size_t j;         /* projects row */
    const char *dept; /* department code, NULL when unknown */
} pv_fu_other;

typedef struct pv_fu_group {
    const char *id;    /* department code, NULL for none */
    double *planned, *actual;
    double ext_planned, ext_received;
    size_t count[PV_OS_N + 1]; /* by status; [PV_OS_N]: no row (not reported) */
} pv_fu_group;

typedef struct pv_fu_year {
    int year;
    double *actual;    /* per resource, every row of the year */
    double external;
    size_t count[PV_OS_N + 1];
} pv_fu_year;

struct pv_followup {
    const pv_case *c;
    int year, from;
    pv_status status;  /* of the selection that decided the portfolio */
    size_t nproj;
    pv_fu_proj *proj; /* decided, or with a row in the period: the followed-up work */
    size_t nothers;
    pv_fu_other *others; /* neither decided nor reported in the period: named in
                          * every format, never summed */
    size_t ndept;
    pv_fu_group *dept;
    pv_fu_group total; /* planned: the listed projects; actual: every row of the period */
    double *goal_sum, *goal_expected; /* per top-level criterion */
    size_t *goal_n;
    size_t nagree;
    pv_fu_agree *agree;
    size_t nyears;
    pv_fu_year *years;
};

#endif
