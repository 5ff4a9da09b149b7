/*
 * fuzz_csv.c — the CSV reader (dialect detection, BOM, quoting, limits) and
 * number parsing in both dialects on every cell, and list splitting.
 * Invariants: a failure fills an error naming the file; a parsed number is
 * finite; a table's cells are NUL-terminated and its rows carry line numbers.
 * The same bytes are also read as a case's outcomes register (the mini case
 * with "followup"): a register either fails with an input error naming a file,
 * or every row holds a year in range, a known status, amounts >= 0 and goal
 * values in 0..5.
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
        if (rc != 0 && rc != -1 && rc != -2 && rc != -3 && rc != -4)
            fz_die("pv_parse_number returned an unknown code");
    }
}

static void check_outcomes(const uint8_t *data, size_t size)
{
    static const char cj[] =
        "{\"name\": \"fuzz outcomes\", \"model\": \"mini/model.json\",\n"
        " \"data\": {\"projects\": \"mini/projects.csv\", \"partners\": \"mini/partners.csv\"},\n"
        " \"resources\": {\"budget_sek\": {\"column\": \"cost_sek\", \"limit\": 500000},\n"
        "   \"staff_hours\": {\"column\": \"staff_hours\", \"limit\": 1000}},\n"
        " \"followup\": {\"outcomes\": \"outcomes.csv\", \"actual\": {\"budget_sek\": \"spent_sek\"}}}\n";
    fz_setup();
    fz_write("outcomes.csv", data, size);
    const char *cp = fz_write("outcomes_case.json", cj, sizeof cj - 1);
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_read(cp, NULL, &err);
    if (!c) {
        fz_check_error(&err);
        return;
    }
    const pv_outcomes *o = c->outcomes;
    if (!o)
        fz_die("a case with followup read without its register");
    for (size_t i = 0; i < o->n; i++) {
        const pv_outcome *w = &o->rows[i];
        if (w->year < PV_OUT_YEAR_MIN || w->year > PV_OUT_YEAR_MAX || (int)w->status < 0 ||
            w->status >= PV_OS_N)
            fz_die("a register row with a bad year or status was accepted");
        if (!(w->external >= 0))
            fz_die("a negative external amount was accepted");
        for (size_t k = 0; k < c->nres; k++)
            if (!(w->actual[k] >= 0))
                fz_die("a negative amount was accepted");
        for (size_t g = 0; g < c->model->ntop; g++)
            if (!isnan(w->goal[g]) && (w->goal[g] < 0 || w->goal[g] > 5))
                fz_die("a goal value outside 0..5 was accepted");
    }
    pv_case_free(c);
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
    check_outcomes(data, size);
    return 0;
}
