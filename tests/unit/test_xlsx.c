/* test_xlsx.c — the workbook reader and how its errors name cells: Excel's
 * column letters, quoted sheet names, the table a sheet becomes (from the
 * seed workbooks of tests/fuzz/corpus/xlsx/, written by make_xlsx_corpus.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

#define CORPUS "tests/fuzz/corpus/xlsx/"

static void col_letters(void **state)
{
    (void)state;
    char c[8];
    static const struct {
        int col;
        const char *want;
    } T[] = {{1, "A"}, {6, "F"}, {26, "Z"}, {27, "AA"}, {52, "AZ"}, {703, "AAA"}, {16384, "XFD"}};
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        pv_col_letters(T[i].col, c);
        assert_string_equal(c, T[i].want);
    }
}

static void error_names_cell(void **state)
{
    (void)state;
    pv_error err;
    char buf[1200];
    pv_error_clear(&err);
    pv_err(&err, PV_EINPUT, "förslag.xlsx\x1eProjekt", 12, 6, "column '%s': bad", "cost_sek");
    assert_string_equal(pv_error_format(&err, buf, sizeof buf),
                        "förslag.xlsx: Projekt!F12: column 'cost_sek': bad");
    pv_error_clear(&err);
    pv_err(&err, PV_EINPUT, "b.xlsx\x1eMina förslag", 4, 0, "row");
    assert_string_equal(pv_error_format(&err, buf, sizeof buf), "b.xlsx: 'Mina förslag'!4:4: row");
    pv_error_clear(&err);
    pv_err(&err, PV_EINPUT, "b.xlsx\x1eIt's", 0, 0, "x");
    assert_string_equal(pv_error_format(&err, buf, sizeof buf), "b.xlsx: 'It''s': x");
    pv_error_clear(&err);
    pv_err(&err, PV_EINPUT, "case.json", 0, 0, "no column 'x' in %s", "b.xlsx\x1eProjekt");
    assert_string_equal(err.text, "no column 'x' in b.xlsx, sheet Projekt");
    /* names Excel quotes lest they read as a number or a cell */
    static const char *const Q[][2] = {{"2027", "'2027'!I4"}, {"AB12", "'AB12'!I4"},
                                       {"R1C1", "'R1C1'!I4"}, {"C", "'C'!I4"},
                                       {"R", "'R'!I4"},       {"Projekt2027", "Projekt2027!I4"},
                                       {"ABCD1", "ABCD1!I4"}, {"Rader", "Rader!I4"}};
    for (size_t i = 0; i < sizeof Q / sizeof *Q; i++) {
        char src[64], want[80];
        snprintf(src, sizeof src, "b.xlsx\x1e%s", Q[i][0]);
        snprintf(want, sizeof want, "b.xlsx: %s: x", Q[i][1]);
        pv_error_clear(&err);
        pv_err(&err, PV_EINPUT, src, 4, 9, "x");
        assert_string_equal(pv_error_format(&err, buf, sizeof buf), want);
    }
    /* a warning's place, as an error's source reads */
    char wh[200];
    pv_where(wh, sizeof wh, "b.xlsx\x1eProjekt", 5, 4);
    assert_string_equal(wh, "b.xlsx: Projekt!D5");
    pv_where(wh, sizeof wh, "b.xlsx\x1eProjekt", 0, 0);
    assert_string_equal(wh, "b.xlsx: Projekt");
    pv_where(wh, sizeof wh, "projects.csv", 5, 4);
    assert_string_equal(wh, "projects.csv:5:4");
    pv_where(wh, sizeof wh, "projects.csv", 5, 0);
    assert_string_equal(wh, "projects.csv:5");
}

static void reads_sheet(void **state)
{
    (void)state;
    static const char *const books[] = {CORPUS "valid-shared.xlsx", CORPUS "valid-inline.xlsx"};
    for (size_t b = 0; b < 2; b++) {
        pv_error err;
        pv_error_clear(&err);
        pv_table *t = pv_xlsx_load(books[b], NULL, &err); /* the first sheet */
        if (!t)
            fail_msg("%s: %s: %s", books[b], err.source, err.text);
        assert_int_equal(t->delim, ';');
        assert_int_equal(pv_table_col(t, "id"), 0);
        assert_int_equal(pv_table_col(t, "cost_sek"), 4);
        assert_true(t->nrows >= 2);
        assert_string_equal(pv_cell(t, 0, 0), "P1");
        assert_string_equal(pv_cell(t, 0, 1), "Skolutbyte, Riga");
        assert_string_equal(pv_cell(t, 0, 4), "120000");
        assert_int_equal(t->row_line[0], 2);
        assert_non_null(strchr(t->path, PV_SHEET_MARK));
        pv_table_free(t);
        /* Any case of the name; an empty sheet has no header. */
        assert_non_null(t = pv_xlsx_load(books[b], "PROJEKT", &err));
        pv_table_free(t);
        assert_null(pv_xlsx_load(books[b], "Tom", &err));
        assert_int_equal(err.code, PV_EINPUT);
        assert_non_null(strstr(err.source, "Tom"));
        assert_non_null(strstr(err.text, "empty"));
    }
}

/* A date cell reads as the date Excel shows, not its serial number; a
 * number format with text but no date field stays a number. */
static void reads_dates(void **state)
{
    (void)state;
    static const struct {
        const char *book, *want[8];
    } B[] = {{CORPUS "valid-dates.xlsx",
              {"2026-06-10", "2026-06-10 12:00", "5", "1900-02-29", "1900-03-01", "1900-01-01",
               "2026-06-10", "46183.75"}},
             {CORPUS "valid-dates-1904.xlsx",
              {"2030-06-11", "2030-06-11 12:00", "5", "1904-03-01", "1904-03-02", "1904-01-02",
               "2030-06-11", "46183.75"}}};
    /* the last two: a date alone shows the serial's own day (never the next,
     * however late), and a time alone ([h]:mm) is no date */
    for (size_t b = 0; b < 2; b++) {
        pv_error err;
        pv_error_clear(&err);
        pv_table *t = pv_xlsx_load(B[b].book, NULL, &err);
        if (!t)
            fail_msg("%s: %s: %s", B[b].book, err.source, err.text);
        assert_int_equal(t->nrows, 8);
        for (size_t r = 0; r < 8; r++)
            assert_string_equal(pv_cell(t, r, 1), B[b].want[r]);
        pv_table_free(t);
    }
}

/* Excel writes characters XML cannot hold as _xHHHH_ (a cell's line break:
 * _x000D__x000A_), and a literal "_x" as _x005F_x: read as the characters,
 * in shared and in inline strings; what is not an escape stays as written. */
static void decodes_escapes(void **state)
{
    (void)state;
    static const char *const books[] = {CORPUS "valid-escapes-shared.xlsx",
                                        CORPUS "valid-escapes-inline.xlsx"};
    for (size_t b = 0; b < 2; b++) {
        pv_error err;
        pv_error_clear(&err);
        pv_table *t = pv_xlsx_load(books[b], NULL, &err);
        if (!t)
            fail_msg("%s: %s: %s", books[b], err.source, err.text);
        assert_int_equal(t->nrows, 2);
        assert_string_equal(pv_cell(t, 0, 0), "P_x1");
        assert_string_equal(pv_cell(t, 0, 1), "Riga\r\nVilnius");
        assert_string_equal(pv_cell(t, 0, 2), "a b");
        assert_string_equal(pv_cell(t, 1, 1), "x\xf0\x9f\x98\x80y");
        assert_string_equal(pv_cell(t, 1, 2), "_xZZZZ_ _x12_ _xD800_");
        pv_table_free(t);
    }
}

static void skipped_formula_boolean(void **state)
{
    (void)state;
    pv_error err;
    pv_error_clear(&err);
    /* id, (gap), b, flag: a header with a gap is refused at the gap's cell. */
    assert_null(pv_xlsx_load(CORPUS "valid-skipped-formula-boolean.xlsx", NULL, &err));
    assert_string_equal(err.source, CORPUS "valid-skipped-formula-boolean.xlsx: Projekt!B1");
}

static void hostile(void **state)
{
    (void)state;
    static const struct {
        const char *file, *text;
    } T[] = {{"zip-bomb.xlsx", "zip bomb"},
             {"million-column-reference.xlsx", "'BDWGN2' is beyond"},
             {"missing-shared-strings.xlsx", "no shared strings part"},
             {"cyclic-relationships.xlsx", "cyclic relationships"},
             {"cyclic-package-relationship.xlsx", "cyclic relationships"},
             {"missing-relationship.xlsx", "missing relationship"},
             {"entity-expansion.xlsx", "DOCTYPE"}};
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        char path[256];
        snprintf(path, sizeof path, CORPUS "%s", T[i].file);
        pv_error err;
        pv_error_clear(&err);
        pv_table *t = pv_xlsx_load(path, NULL, &err);
        if (t)
            fail_msg("%s was read", T[i].file);
        assert_int_equal(err.code, PV_EINPUT);
        if (!strstr(err.text, T[i].text))
            fail_msg("%s: '%s' lacks '%s'", T[i].file, err.text, T[i].text);
    }
    /* An empty cell far right (XFD1) allocates nothing and is no error. */
    pv_error err;
    pv_error_clear(&err);
    pv_table *t = pv_xlsx_load(CORPUS "empty-cell-at-xfd.xlsx", "Projekt", &err);
    assert_non_null(t);
    assert_int_equal(t->ncols, 10);
    pv_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(col_letters),     cmocka_unit_test(error_names_cell),
        cmocka_unit_test(reads_sheet),     cmocka_unit_test(reads_dates),
        cmocka_unit_test(decodes_escapes), cmocka_unit_test(skipped_formula_boolean),
        cmocka_unit_test(hostile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
