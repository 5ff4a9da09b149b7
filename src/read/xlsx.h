/* xlsx.h — what the workbook reader's two files share (read/ only):
 * xlsx_reader.c (the only user of libzip and Expat: the archive, its XML parts,
 * relationships, workbook and shared strings) and xlsx_sheet.c (a sheet's
 * elements into a pv_table). */
#ifndef PV_XLSX_H
#define PV_XLSX_H

#include "../internal.h"

struct zip;

typedef struct xbook {
    const char *path; /* the workbook file, for messages */
    struct zip *z;
    pv_error *err;
    unsigned long long total; /* uncompressed bytes read, all parts */
    int failed;
} xbook;

/* Text growing in one pool: every string NUL-terminated, addressed by offset. */
typedef struct xpool {
    char *data;
    size_t len, cap;
} xpool;

typedef struct xpart {
    xbook *b;
    const char *name;
    void *x; /* the XML parser */
} xpart;

/* The shared strings: string k is pool.data + off[k]. */
typedef struct xsst {
    xpart p;
    xpool pool;
    size_t *off, n, cap;
    int in_si, in_t, in_rph;
    size_t start; /* the current string's offset in pool */
    int present;
    /* from styles.xml and the workbook: per cell format (a cell's s="k"),
     * whether its number format shows a date; and the 1904 date system */
    unsigned char *xf_date;
    size_t nxf;
    int date1904;
} xsst;

typedef void (*x_start_fn)(void *ud, const char *el, const char **attrs);
typedef void (*x_end_fn)(void *ud, const char *el);
typedef void (*x_text_fn)(void *ud, const char *text, int len);

int x_pool_add(xpool *p, const char *s, size_t n);
/* Decodes a string's "_xHHHH_" escapes in place (ECMA-376 ST_Xstring: how
 * Excel writes characters XML cannot hold, such as a line break's CR as
 * _x000D_, and a literal "_x" as _x005F_x); a surrogate pair of escapes is
 * one character. Returns the new length; s[len] is NUL. */
size_t x_unescape(char *s, size_t n);
/* Records the error (first wins) and stops the parser x (may be NULL). */
void x_fail(xbook *b, void *x, int code, const char *src, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void x_fail_nomem(xbook *b, void *x);
/* Stops the parser x at the next event. */
void x_stop(void *x);
/* An element's or attribute's local name: "r:id" -> "id". */
const char *x_local(const char *name);
/* Attribute `name` (local name; prefixed: only one with a prefix), or NULL. */
const char *x_attr(const char **at, const char *name, int prefixed);
/* Streams part `name` through handlers that take ud (which starts with an
 * xpart). 0, 1 when the part is missing, -1 on an error. */
int x_parse_part(xbook *b, const char *name, xpart *ud, x_start_fn start, x_end_fn end,
                 x_text_fn text);
/* Reads which cell formats of styles part `name` show dates into sst
 * (xf_date, nxf). A broken styles part only means no dates (the cells stay
 * numbers; its error is not the workbook's, its bytes still count against
 * the archive's limit). -1 only when out of memory. */
int x_read_styles(xbook *b, const char *name, xsst *sst);
/* Streams the sheet's part into t (whose path names book and sheet). */
int x_read_sheet(xbook *b, const char *part, const xsst *sst, pv_table *t);

#endif
