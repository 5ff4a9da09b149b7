/* xlsx.h — the Excel workbook reports: a small writer (xlsx_writer.c, the only
 * user of libxlsxwriter), the sheets of rank, select and compare
 * (xlsx_report.c) and of followup and parties (xlsx_more.c). Cells hold numbers as numbers, with number formats; text is
 * always a string, never a formula. */
#ifndef PV_REPORT_XLSX_H
#define PV_REPORT_XLSX_H

#include "../analyse/compare.h"

/* Cell formats. */
typedef enum pv_xf {
    PV_XF_TEXT,  /* text, top-aligned */
    PV_XF_WRAP,  /* long text, wrapped */
    PV_XF_HEAD,  /* a table's header cell: bold, shaded */
    PV_XF_TITLE, /* the summary's title */
    PV_XF_BOLD,
    PV_XF_INT,   /* 0 */
    PV_XF_KR,    /* # ##0 kr (en: #,##0 SEK) */
    PV_XF_HOURS, /* # ##0 tim (en: #,##0 h) */
    PV_XF_PCT,   /* 0.0 % of a share in [0, 1] */
    PV_XF_SCORE, /* 0.00 */
    PV_XF_NUM,   /* #,##0.00 */
    PV_XF_DEC3,  /* 0.000 (an index between 0 and 1) */
    PV_XF_N
} pv_xf;

typedef struct pv_xw pv_xw;

/* Renders a workbook: build(w, ctx) adds the sheets and cells; the bytes of
 * the .xlsx come back (malloc'd, *len) or NULL + err. The workbook's creation
 * time is the report date (pv_set_report_date), so equal inputs give equal
 * bytes. */
char *pv_xw_render(int sv, const char *title, int (*build)(pv_xw *w, void *ctx), void *ctx,
                   size_t *len, pv_error *err);
/* Adds a sheet (its name cut to Excel's 31 characters); later cells go there. */
int pv_xw_sheet(pv_xw *w, const char *name);
void pv_xw_str(pv_xw *w, size_t row, size_t col, const char *s, pv_xf f);
void pv_xw_num(pv_xw *w, size_t row, size_t col, double x, pv_xf f);
/* Wrapped text over columns 0..last_col of one row, about `chars` characters
 * a line (the row is made tall enough). */
void pv_xw_paragraph(pv_xw *w, size_t row, size_t last_col, const char *s, double chars);
/* Makes the row tall enough for text s wrapped at about `chars` a line. */
void pv_xw_tall(pv_xw *w, size_t row, const char *s, double chars);
/* Wrapped text s in one cell, the row made tall enough for it (a wide text
 * column of about 78 characters a line), so long reasons do not run over
 * the next rows when the sheet is printed. */
void pv_xw_wrapped(pv_xw *w, size_t row, size_t col, const char *s);
/* A table's header row (names in row `row` from column 0): frozen, and with
 * an auto-filter over it and the rows down to last_row (call again when the
 * last row is known: pv_xw_filter). */
void pv_xw_header(pv_xw *w, size_t row, const char *const *names, size_t n);
void pv_xw_filter(pv_xw *w, size_t header_row, size_t last_row, size_t ncols);
/* A new sheet holding a table: pv_xw_sheet, then pv_xw_header in row 0. */
int pv_xw_table(pv_xw *w, const char *sheet, const char *const *names, size_t n);
/* Data validation of column col, rows first..last: the input message (title,
 * message; cut to Excel's 32 and 255 characters) shown when a cell is
 * entered, and, when n > 0, a drop-down list of the n items that refuses
 * other values (blank cells allowed). A list longer than Excel takes (255
 * characters) or with an item holding a comma or quote is left out: the
 * message then names the items. */
void pv_xw_validate(pv_xw *w, size_t first, size_t last, size_t col, const char *title,
                    const char *message, const char *const *items, size_t n);

/* xlsx_report.c: pieces every workbook shares. */
/* The cell format of amounts of resource k, by its unit (kr, hours, other). */
pv_xf pv_xr_amount_fmt(const pv_case *c, size_t k);
/* A "key: value" line of the summary in row *row, which moves on. */
void pv_xr_kv(pv_xw *w, size_t *row, const char *key, const char *value);
/* The input files with their SHA-256 (as the HTML reports' header), a table
 * from row `row` on. */
int pv_xr_inputs(pv_xw *w, size_t row, const pv_case *c, int sv, pv_error *err);
/* The summary sheet (Sammanfattning / Summary) with the title, case, model,
 * policy, date and program; returns the next free row, 0 on failure. */
size_t pv_xr_head(pv_xw *w, const pv_case *c, int sv, const char *title);
/* Ends the summary below row: the heading, b's words as one wrapped
 * paragraph (b is freed), then the inputs with their checksums. */
int pv_xr_words(pv_xw *w, size_t row, const char *head, pv_buf *b, const pv_case *c, int sv,
                pv_error *err);
/* The sheet Modell / Model: criteria, weights, columns, sources, and the
 * policy's rules with their reasons and sources (as text). */
int pv_xr_model(pv_xw *w, const pv_case *c, int sv);

/* The workbooks (xlsx_report.c; xlsx_more.c: followup and parties). */
char *pv_xlsx_rank(const pv_case *c, const pv_ranking *r, int sv, size_t *len, pv_error *err);
char *pv_xlsx_select(const pv_case *c, const pv_ranking *r, const pv_selection *s, int sv,
                     size_t *len, pv_error *err);
char *pv_xlsx_compare(const pv_comparison *cmp, int sv, size_t *len, pv_error *err);
char *pv_xlsx_followup(const pv_followup *f, int sv, size_t *len, pv_error *err);
char *pv_xlsx_parties(const pv_case *c, const pv_ranking *r, const pv_parties *p, int sv,
                      size_t *len, pv_error *err);

#endif
