/* starter.h — what `partnerval init`'s two writers share: the description of
 * a projects column (starter.c) and the starter projects workbook
 * (starter_xlsx.c, through the xlsx writer). */
#ifndef PV_REPORT_STARTER_H
#define PV_REPORT_STARTER_H

#include "report.h"

/* Meaning and allowed values of column k of the projects table, in Swedish
 * (sv) or English. */
void pv_starter_describe(const pv_case *c, size_t k, int sv, pv_buf *mean, pv_buf *vals);

/* Calls fn on every comparison of cond k with a projects column (column
 * col; every column when col < 0) until fn returns non-zero; returns that. */
int pv_starter_cond_walk(const pv_cond *k, int col, int (*fn)(const pv_cond *cmp, void *ctx),
                         void *ctx);

/* The sheet names of the starter workbook: the projects and the columns. */
const char *pv_starter_sheet(int sv);

/* The starter projects workbook: sheet pv_starter_sheet(sv) with the columns
 * where used[k] and the rows where keep[row] (numbers as numbers, yes/no as
 * ja/nej in Swedish), every column's meaning as an input message and the
 * categorical columns as drop-down lists; then a sheet describing the
 * columns. The bytes (malloc'd, *len), or NULL + err. */
char *pv_starter_xlsx(const pv_case *c, const unsigned char *used, const unsigned char *keep,
                      int sv, size_t *len, pv_error *err);

#endif
