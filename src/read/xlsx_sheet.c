/* xlsx_sheet.c — a worksheet's XML elements (from xlsx_reader.c's streaming
 * parser) into a pv_table: the first non-empty row is the header, empty rows
 * are skipped, cells placed by their reference (skipped columns stay empty),
 * shared strings looked up, booleans read as yes/no, numbers, dates (serial
 * numbers) and formulas' cached values as written. Errors name the cell as
 * Excel shows it (pv_err turns the table's path and row/column into it). */
#include "xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define X_MAX_COLS 10000          /* as the CSV reader */
#define X_MAX_ROWS 1000000        /* as the CSV reader */
#define X_MAX_TEXT (1024 * 1024)  /* one cell's text, as a CSV line */
#define X_EXCEL_COLS 16384        /* XFD */
#define X_EXCEL_ROWS 1048576
#define X_MAX_CELLS 20000000UL    /* rows x columns of the table */

/* ------------------------------------------------------------------ sheet */

typedef struct xsheet {
    xpart p;
    const char *src;  /* "BOOK" PV_SHEET_MARK "SHEET", for pv_err */
    const char *part; /* the sheet's part name */
    const xsst *sst;
    int started, in_data, in_c, in_v, in_is, in_is_t, in_rph;
    int has_f, nv;    /* the current cell's formula element, and its <v> elements */
    long row, col;    /* current row and cell (1-based; 0 before the first) */
    char ctype;       /* 's', 'b', 'e', 'n' (a typed number), else any text */
    unsigned long style; /* the cell's format (s="k"), 0 by default */
    char *text;       /* current cell's text */
    size_t tlen, tcap;
    long *rcol;       /* current row's non-empty cells: column, pool offset */
    size_t *roff, rn, rcap, rcap2;
    xpool pool;       /* every cell's text; offset 0 is "" */
    size_t *cells, ncells, capcells;
    int *lines;
    size_t caplines;
    long header_row;
    long *merge; /* merged ranges: first column, first row, last column, last row */
    size_t nmerge, capmerge;
    pv_table *t;
} xsheet;

#define sfail(s, row, col, ...) \
    x_fail((s)->p.b, (s)->p.x, PV_EINPUT, (s)->src, (int)(row), (int)(col), __VA_ARGS__)

/* "F12" -> column 6, row 12. 0, or -1 when malformed, -2 beyond XFD1048576. */
static int parse_ref(const char *r, long *col, long *row)
{
    long c = 0, w = 0;
    size_t nl = 0, nd = 0;
    for (; *r >= 'A' && *r <= 'Z'; r++, nl++)
        if (nl < 4)
            c = c * 26 + (*r - 'A' + 1);
    for (; *r >= '0' && *r <= '9'; r++, nd++)
        if (nd < 8)
            w = w * 10 + (*r - '0');
    if (*r || !nl || !nd)
        return -1;
    if (nl > 3 || c > X_EXCEL_COLS || nd > 7 || w > X_EXCEL_ROWS || w < 1)
        return -2;
    *col = c;
    *row = w;
    return 0;
}

static void row_start(xsheet *s, const char **at)
{
    const char *r = x_attr(at, "r", 0);
    long row = s->row + 1;
    if (r) {
        char *end;
        row = strtol(r, &end, 10);
        if (*end || end == r || row < 1 || row > X_EXCEL_ROWS) {
            sfail(s, 0, 0, "row number '%s' is not a row of a sheet (1 to 1048576)", r);
            return;
        }
    }
    if (row <= s->row) {
        sfail(s, row, 0, "row %ld comes after row %ld (rows out of order, or twice)", row, s->row);
        return;
    }
    s->row = row;
    s->col = 0;
    s->rn = 0;
}

static void cell_start(xsheet *s, const char **at)
{
    const char *r = x_attr(at, "r", 0), *t = x_attr(at, "t", 0), *st = x_attr(at, "s", 0);
    long col = s->col + 1, row = s->row;
    s->style = st ? strtoul(st, NULL, 10) : 0;
    if (!s->row) /* a cell outside any row: take it as row 1 */
        s->row = row = 1;
    if (r) {
        int rc = parse_ref(r, &col, &row);
        if (rc == -2) {
            sfail(s, s->row, 0, "cell reference '%s' is beyond the last cell of a sheet "
                                "(XFD1048576)", r);
            return;
        }
        if (rc || row != s->row) {
            sfail(s, s->row, 0, "cell reference '%s' is malformed or not in its row", r);
            return;
        }
    }
    if (col > X_EXCEL_COLS) {
        sfail(s, s->row, 0, "a cell is beyond the last column of a sheet (%s)", "XFD");
        return;
    }
    if (col <= s->col) {
        sfail(s, row, col, "this cell comes after a cell to its right (out of order, or twice)");
        return;
    }
    s->col = col;
    s->in_c = 1;
    s->tlen = 0;
    s->has_f = s->nv = 0;
    s->ctype = !t || !strcmp(t, "n") ? 'n'
               : !strcmp(t, "s")     ? 's'
               : !strcmp(t, "b")     ? 'b'
               : !strcmp(t, "e")     ? 'e'
                                     : 'x';
}

/* The flag of an element inside a cell that is set while it is open (v, is,
 * rPh, t), or NULL. */
static int *cell_flag(xsheet *s, const char *l)
{
    return !strcmp(l, "v")     ? &s->in_v
           : !strcmp(l, "is")  ? &s->in_is
           : !strcmp(l, "rPh") ? &s->in_rph
           : !strcmp(l, "t")   ? &s->in_is_t
                               : NULL;
}

/* <mergeCell ref="D3:D5"/> (after the sheet's data): kept for apply_merges. */
static void merge_start(xsheet *s, const char **at)
{
    const char *r = x_attr(at, "ref", 0);
    char a[16], b[16];
    const char *colon = r ? strchr(r, ':') : NULL;
    long c1, r1, c2, r2;
    if (!colon || (size_t)(colon - r) >= sizeof a || strlen(colon + 1) >= sizeof b)
        return; /* a single cell, or no reference: nothing spans */
    memcpy(a, r, (size_t)(colon - r));
    a[colon - r] = '\0';
    strcpy(b, colon + 1);
    if (parse_ref(a, &c1, &r1) || parse_ref(b, &c2, &r2) || c2 < c1 || r2 < r1)
        return;
    if (pv_grow((void **)&s->merge, &s->capmerge, 4 * (s->nmerge + 1), sizeof(long))) {
        x_fail_nomem(s->p.b, s->p.x);
        return;
    }
    long *m = s->merge + 4 * s->nmerge++;
    m[0] = c1, m[1] = r1, m[2] = c2, m[3] = r2;
}

/* The first table row whose sheet row is at or after `row` (nrows when
 * none). */
static size_t table_row_from(const xsheet *s, long row)
{
    size_t lo = 0, hi = s->t->nrows;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->lines[mid] < row)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Merged cells in the table. Excel shows a merged range's value across it
 * but stores it in the first cell only, so read as stored the other rows
 * would be empty: a range down one column gives every row the first cell's
 * value; one across columns has no value for the others, and is an error
 * (as is one that joins the header to the data). Ranges that hold no row of
 * the table (a title above the header, empty rows below it) are left alone.
 * The work is bounded by the table's cells (X_MAX_CELLS), however many
 * ranges a hostile file lists. */
static void apply_merges(xsheet *s)
{
    const pv_table *t = s->t;
    unsigned long work = 0;
    for (size_t k = 0; k < s->nmerge && !s->p.b->failed; k++) {
        const long *m = s->merge + 4 * k;
        if (m[3] < s->header_row || m[0] > (long)t->ncols)
            continue;
        size_t first = table_row_from(s, m[1] > s->header_row ? m[1] : s->header_row + 1);
        if (first >= t->nrows || s->lines[first] > m[3])
            continue; /* no row of the table (a header cell merged down from a title or
                         across: its "no name" is reported) */
        if (m[0] != m[2] || m[1] <= s->header_row) {
            char a[8], b[8];
            pv_col_letters((int)m[0], a);
            pv_col_letters((int)m[2], b);
            if (m[0] != m[2])
                sfail(s, m[1], m[0],
                      "cells %s%ld:%s%ld are merged across columns: unmerge them and give each "
                      "column its own value",
                      a, m[1], b, m[3]);
            else
                sfail(s, m[1], m[0],
                      "cells %s%ld:%s%ld merge the header with the rows below: unmerge them", a,
                      m[1], b, m[3]);
            return;
        }
        /* the value is the first cell's, when its row is a table row */
        size_t col = (size_t)m[0] - 1, val = 0;
        if (s->lines[first] == m[1])
            val = s->cells[first * t->ncols + col];
        for (size_t r = first + 1; val && r < t->nrows && s->lines[r] <= m[3]; r++) {
            if (++work > X_MAX_CELLS) {
                sfail(s, m[1], m[0], "the sheet's merged cells cover more than %s cells",
                      "20 million");
                return;
            }
            if (!s->cells[r * t->ncols + col])
                s->cells[r * t->ncols + col] = val;
        }
    }
}

static void sheet_start(void *ud, const char *el, const char **at)
{
    xsheet *s = ud;
    const char *l = x_local(el);
    if (s->p.b->failed)
        return;
    if (!s->started) {
        s->started = 1;
        if (strcmp(l, "worksheet"))
            sfail(s, 0, 0, "part %s is not a worksheet (a chart sheet, or a relationship "
                           "that points to another part)", s->part);
        return;
    }
    if (!strcmp(l, "sheetData"))
        s->in_data = 1;
    else if (!s->in_data) {
        if (!strcmp(l, "mergeCell"))
            merge_start(s, at);
        return;
    } else if (!strcmp(l, "row"))
        row_start(s, at);
    else if (!strcmp(l, "c"))
        cell_start(s, at);
    else if (s->in_c) {
        /* one value per cell, plain text: a second <v>, or markup inside
         * one, would otherwise be joined into another number */
        if (s->in_v || (!strcmp(l, "v") && s->nv++)) {
            sfail(s, s->row, s->col,
                  "the cell holds %s; save the workbook again from Excel or "
                  "LibreOffice",
                  s->in_v ? "markup inside its value" : "more than one value");
            return;
        }
        s->has_f |= !strcmp(l, "f");
        int *f = cell_flag(s, l); /* t counts inside an inline string, not its phonetic run */
        if (f && (f != &s->in_is_t || (s->in_is && !s->in_rph)))
            *f = 1;
    }
}

static void sheet_text(void *ud, const char *txt, int len)
{
    xsheet *s = ud;
    if (s->p.b->failed || !(s->in_v || s->in_is_t))
        return;
    if (s->tlen + (size_t)len > X_MAX_TEXT) {
        sfail(s, s->row, s->col, "the cell's text is longer than %s", "1 MiB");
        return;
    }
    if (pv_grow((void **)&s->text, &s->tcap, s->tlen + (size_t)len + 1, 1)) {
        x_fail_nomem(s->p.b, s->p.x);
        return;
    }
    memcpy(s->text + s->tlen, txt, (size_t)len);
    s->tlen += (size_t)len;
}

/* The cell's value as table text: shared strings looked up, booleans as
 * yes/no, numbers, errors and other text as written. */
static const char *cell_value(xsheet *s, size_t *n)
{
    s->text[s->tlen] = '\0';
    *n = s->tlen;
    if (s->ctype == 's' && s->tlen) {
        char *end;
        unsigned long long k = strtoull(s->text, &end, 10);
        if (*end || s->text[0] < '0' || s->text[0] > '9') {
            sfail(s, s->row, s->col, "shared string index '%s' is not a number", s->text);
            return NULL;
        }
        if (!s->sst->present) {
            sfail(s, s->row, s->col, "the cell uses a shared string, but the workbook has no "
                                     "shared strings part (%s)", "xl/sharedStrings.xml");
            return NULL;
        }
        if (k >= s->sst->n) {
            sfail(s, s->row, s->col, "the cell uses shared string %s, which the workbook does "
                                     "not have", s->text);
            return NULL;
        }
        const char *v = s->sst->pool.data + s->sst->off[k];
        *n = strlen(v);
        return v;
    }
    if (s->ctype == 'b' && s->tlen) {
        if (strcmp(s->text, "0") && strcmp(s->text, "1")) {
            sfail(s, s->row, s->col, "boolean cell holds '%s', not 0 or 1", s->text);
            return NULL;
        }
        *n = s->text[0] == '1' ? 3 : 2;
        return s->text[0] == '1' ? "yes" : "no";
    }
    if (s->ctype == 'x')
        *n = s->tlen = x_unescape(s->text, s->tlen);
    return s->text;
}

/* A number in a cell whose format shows a date, as Excel shows it:
 * "2026-06-10", with " 14:30" when the format shows a time of day (kind 2;
 * kind 1: the date alone). Serials count days from 1899-12-30 (Excel's 1900
 * system, whose serial 60 is the 29th of February 1900 it takes for a leap
 * day; it shows no date below 1) or from 1904-01-01; Excel shows none after
 * 9999-12-31. The day is the serial's own and the time is cut to the
 * minute, as Excel shows them. 0, or -1 when the number is no date Excel
 * shows (then it stays the number). */
static int serial_date(const char *text, int date1904, int kind, char out[32])
{
    char *end;
    double v = strtod(text, &end);
    if (*end || !(v >= (date1904 ? 0 : 1) && v < (date1904 ? 2957004 : 2958466)))
        return -1;
    long days = (long)v;
    long mins = (long)((v - (double)days) * 1440);
    if (mins > 1439)
        mins = 1439;
    long y, m, d;
    if (!date1904 && days == 60) {
        y = 1900, m = 2, d = 29;
    } else {
        /* days since 1970-01-01, then the civil date (H. Hinnant's algorithm) */
        long z = date1904 ? days - 24107 : days - (days < 60 ? 25568 : 25569);
        z += 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        d = doy - (153 * mp + 2) / 5 + 1;
        m = mp < 10 ? mp + 3 : mp - 9;
        y = yoe + era * 400 + (m <= 2);
    }
    /* within 1900..9999, months 1..12, days 1..31: the fields fit */
    if (kind == 2 && mins)
        snprintf(out, 32, "%04d-%02d-%02d %02d:%02d", (int)y, (int)m, (int)d, (int)(mins / 60),
                 (int)(mins % 60));
    else
        snprintf(out, 32, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    return 0;
}

static void cell_end(xsheet *s)
{
    s->in_c = s->in_v = s->in_is = s->in_is_t = s->in_rph = 0;
    /* Programs that write workbooks (not Excel) often leave a formula's value
     * to be computed on opening. Read as empty it would count as 0; it reads
     * as PV_XLSX_NOVALUE instead, which every number or yes/no reader
     * refuses at the cell (pv_number_why says what to do) and a text column
     * shows as it is, while a column the case never reads may hold it. */
    int novalue = s->has_f && (!s->nv || (s->ctype == 'n' && !s->tlen));
    size_t need = novalue ? sizeof PV_XLSX_NOVALUE : s->tlen + 1;
    if (pv_grow((void **)&s->text, &s->tcap, need, 1)) {
        x_fail_nomem(s->p.b, s->p.x);
        return;
    }
    if (novalue) {
        memcpy(s->text, PV_XLSX_NOVALUE, sizeof PV_XLSX_NOVALUE);
        s->tlen = sizeof PV_XLSX_NOVALUE - 1;
        s->ctype = 'x';
    }
    if (pv_grow((void **)&s->text, &s->tcap, s->tlen + 1, 1)) {
        x_fail_nomem(s->p.b, s->p.x);
        return;
    }
    size_t n;
    const char *v = cell_value(s, &n);
    if (!v)
        return;
    char date[32];
    if (s->ctype == 'n' && n && s->style < s->sst->nxf && s->sst->xf_date[s->style] &&
        serial_date(v, s->sst->date1904, s->sst->xf_date[s->style], date) == 0) {
        /* a date cell reads as the date it shows, not its serial number */
        n = strlen(date);
        if (pv_grow((void **)&s->text, &s->tcap, n + 1, 1)) {
            x_fail_nomem(s->p.b, s->p.x);
            return;
        }
        memcpy(s->text, date, n + 1);
        s->tlen = n;
        v = s->text;
    }
    while (n && (*v == ' ' || *v == '\t')) {
        v++;
        n--;
    }
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        n--;
    if (!n)
        return;
    /* A typed number is stored in the plain form ("1.504"), but the table is
     * read in the Swedish form (t->delim), which refuses 1.504 as ambiguous:
     * such a number gets its decimal comma, read as the same value. */
    if (s->ctype == 'n' && pv_number_point_ambiguous(v, n))
        s->text[(v - s->text) + strcspn(v, ".")] = ',';
    size_t off = s->pool.len;
    if (x_pool_add(&s->pool, v, n) || pv_grow((void **)&s->rcol, &s->rcap, s->rn + 1, sizeof(long)) ||
        pv_grow((void **)&s->roff, &s->rcap2, s->rn + 1, sizeof(size_t))) {
        x_fail_nomem(s->p.b, s->p.x);
        return;
    }
    s->rcol[s->rn] = s->col;
    s->roff[s->rn++] = off;
}

static void header_end(xsheet *s)
{
    pv_table *t = s->t;
    long last = s->rcol[s->rn - 1];
    if (last > X_MAX_COLS) {
        sfail(s, s->row, last, "more than %s columns", "10000");
        return;
    }
    if (!(t->header = pv_calloc((size_t)last, sizeof(char *)))) {
        x_fail_nomem(s->p.b, s->p.x);
        return;
    }
    t->ncols = (size_t)last;
    for (size_t i = 0; i < s->rn; i++)
        if (!(t->header[s->rcol[i] - 1] = pv_strdup(s->pool.data + s->roff[i]))) {
            x_fail_nomem(s->p.b, s->p.x);
            return;
        }
    s->header_row = s->row;
    for (size_t i = 0; i < t->ncols; i++) {
        if (!t->header[i]) {
            char c[8];
            pv_col_letters((int)i + 1, c);
            sfail(s, s->row, (long)i + 1, "header column %s has no name", c);
            return;
        }
        for (size_t k = 0; k < i; k++)
            if (!strcmp(t->header[i], t->header[k])) {
                char c[8];
                pv_col_letters((int)k + 1, c); /* as Excel shows the other one */
                pv_err(s->p.b->err, PV_EINPUT, s->src, (int)s->row, (int)i + 1,
                       "duplicate column name '%s' (also column %s)", t->header[i], c);
                s->p.b->failed = 1;
                x_stop(s->p.x);
                return;
            }
    }
}

static void row_end(xsheet *s)
{
    pv_table *t = s->t;
    if (!s->rn) /* an empty row carries nothing: skipped, as an empty CSV line */
        return;
    if (!t->header) {
        header_end(s);
        return;
    }
    for (size_t i = 0; i < s->rn; i++)
        if ((size_t)s->rcol[i] > t->ncols) {
            char c[8];
            pv_col_letters((int)t->ncols, c);
            sfail(s, s->row, s->rcol[i], "this cell is right of the table: the header row names "
                                         "columns A to %s only", c);
            return;
        }
    if (t->nrows >= X_MAX_ROWS) {
        sfail(s, s->row, 0, "more than %s rows", "1000000");
        return;
    }
    if ((unsigned long)(t->nrows + 1) * t->ncols > X_MAX_CELLS) {
        sfail(s, s->row, 0, "the table has more than %s cells (rows times columns)", "20 million");
        return;
    }
    if (pv_grow((void **)&s->cells, &s->capcells, s->ncells + t->ncols, sizeof(size_t)) ||
        pv_grow((void **)&s->lines, &s->caplines, t->nrows + 1, sizeof(int))) {
        x_fail_nomem(s->p.b, s->p.x);
        return;
    }
    memset(s->cells + s->ncells, 0, t->ncols * sizeof(size_t));
    for (size_t i = 0; i < s->rn; i++)
        s->cells[s->ncells + (size_t)s->rcol[i] - 1] = s->roff[i];
    s->ncells += t->ncols;
    s->lines[t->nrows++] = (int)s->row;
    s->rn = 0;
}

static void sheet_end(void *ud, const char *el)
{
    xsheet *s = ud;
    const char *l = x_local(el);
    if (s->p.b->failed || !s->in_data)
        return;
    if (!strcmp(l, "sheetData"))
        s->in_data = 0;
    else if (!strcmp(l, "row"))
        row_end(s);
    else if (!s->in_c)
        return;
    else if (!strcmp(l, "c"))
        cell_end(s);
    else if (cell_flag(s, l))
        *cell_flag(s, l) = 0;
}

/* Streams the sheet's part into t. */
int x_read_sheet(xbook *b, const char *part, const xsst *sst, pv_table *t)
{
    xsheet s = {.src = t->path, .part = part, .sst = sst, .t = t};
    int rc = x_pool_add(&s.pool, "", 0);
    if (rc)
        x_fail_nomem(b, NULL);
    else
        rc = x_parse_part(b, part, &s.p, sheet_start, sheet_end, sheet_text);
    if (rc == 0 && s.rn && !b->failed) /* a last row left open by a broken writer */
        row_end(&s);
    if (rc == 1)
        pv_err(b->err, PV_EINPUT, t->path, 0, 0, "the sheet's part %s is missing from the archive",
               part);
    pv_free(s.text);
    pv_free(s.rcol);
    pv_free(s.roff);
    t->pool = s.pool.data;
    t->pool_len = s.pool.len;
    t->pool_cap = s.pool.cap;
    t->row_line = s.lines;
    if (!rc && !b->failed && t->header)
        apply_merges(&s);
    pv_free(s.merge);
    if (!rc && !b->failed && t->header && pv_table_pack(t, s.cells))
        x_fail_nomem(b, NULL);
    pv_free(s.cells);
    if (!rc && !b->failed && !t->header)
        pv_err(b->err, PV_EINPUT, t->path, 1, 0, "the sheet is empty; a header row is needed");
    return rc || b->failed || !t->header ? -1 : 0;
}

