/*
 * fuzz_csv.c — the CSV reader (dialect detection, BOM, quoting, limits) and
 * number parsing in both dialects on every cell, and list splitting.
 * Invariants: a failure fills an error naming the file; a parsed number is
 * finite; a table's cells are NUL-terminated and its rows carry line numbers.
 */
#include "fuzz_common.h"

#include <math.h>

static void check_number(const char *s)
{
    for (int sw = 0; sw < 2; sw++) {
        double d = 12345.0;
        int rc = pv_parse_number(s, sw, &d);
        if (rc == 0 && !isfinite(d))
            fz_die("pv_parse_number accepted a non-finite number");
        if (rc != 0 && rc != -1 && rc != -2 && rc != -3)
            fz_die("pv_parse_number returned an unknown code");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pv_error err;
    pv_error_clear(&err);
    pv_table *t = pv_table_parse("fuzz.csv", (const char *)data, size, &err);
    if (!t) {
        fz_check_error(&err);
        if (strcmp(err.source, "fuzz.csv") != 0 && err.code == PV_EINPUT)
            fz_die("CSV error names another file");
    } else {
        if (t->delim != ',' && t->delim != ';')
            fz_die("unknown delimiter");
        if (t->ncols == 0)
            fz_die("a table without columns");
        for (size_t r = 0; r < t->nrows; r++) {
            /* Non-decreasing: a lone CR in a file with LF line ends ends a
             * record (libcsv) but not a line, so two rows may share one. */
            if (t->row_line[r] < 1 || (r && t->row_line[r] < t->row_line[r - 1]))
                fz_die("row line numbers go backwards");
            for (size_t c = 0; c < t->ncols; c++) {
                const char *s = pv_cell(t, r, c);
                check_number(s);
                size_t n = 0;
                char **items = pv_split_list(s, &n);
                if (items)
                    for (size_t i = 0; i < n; i++)
                        check_number(items[i]);
                pv_free_list(items, n);
                (void)pv_is_blank(s);
            }
        }
        for (size_t c = 0; c < t->ncols; c++)
            if (pv_table_col(t, t->header[c]) != (int)c)
                fz_die("header lookup does not find its own column");
        long id = pv_table_col(t, "id");
        if (id >= 0 && t->nrows)
            (void)pv_table_find(t, (int)id, pv_cell(t, t->nrows - 1, (size_t)id));
        pv_table_free(t);
    }
    /* The whole input (capped) as one number, both dialects. */
    char buf[128];
    size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
    memcpy(buf, data, n);
    buf[n] = '\0';
    check_number(buf);
    return 0;
}
