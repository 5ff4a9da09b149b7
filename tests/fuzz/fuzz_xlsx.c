/*
 * fuzz_xlsx.c — the workbook reader (libzip container, Expat parts,
 * relationships, shared strings, cell references, limits): the input is the
 * bytes of an .xlsx file, read as its first sheet and as the sheet "Projekt".
 * Invariants: a failure fills an error naming the workbook; a table has
 * columns with names, NUL-terminated cells, rows with increasing Excel row
 * numbers, and never more than the limits' cells. The seed corpus
 * (tests/fuzz/make_xlsx_corpus.py) holds small workbooks: valid ones, a zip
 * bomb, a 10^6-column reference, missing sharedStrings, cyclic relationships
 * and XML entity expansion.
 */
#include "fuzz_common.h"

static void check_table(const pv_table *t)
{
    if (t->ncols == 0 || t->ncols > 10000)
        fz_die("a table without columns, or beyond the column limit");
    if (!strchr(t->path, PV_SHEET_MARK) || strncmp(t->path, "fuzz.xlsx", 9))
        fz_die("a sheet's table does not name its workbook and sheet");
    for (size_t c = 0; c < t->ncols; c++)
        if (!t->header[c] || !t->header[c][0])
            fz_die("a header without a name");
    for (size_t r = 0; r < t->nrows; r++) {
        if (t->row_line[r] < 1 || t->row_line[r] > 1048576 || (r && t->row_line[r] <= t->row_line[r - 1]))
            fz_die("row numbers are not increasing Excel rows");
        for (size_t c = 0; c < t->ncols; c++) {
            double d;
            const char *s = pv_cell(t, r, c);
            if (!s)
                fz_die("a NULL cell");
            (void)pv_parse_number(s, 1, &d);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *sheets[] = {NULL, "Projekt"};
    for (size_t i = 0; i < 2; i++) {
        pv_error err;
        pv_error_clear(&err);
        pv_table *t = pv_xlsx_parse("fuzz.xlsx", (const char *)data, size, sheets[i], &err);
        if (!t) {
            fz_check_error(&err);
            if (err.code == PV_EINPUT && strncmp(err.source, "fuzz.xlsx", 9) != 0)
                fz_die("workbook error names another file");
            continue;
        }
        check_table(t);
        pv_table_free(t);
    }
    return 0;
}
