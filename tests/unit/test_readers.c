/* test_readers.c — CSV reader (dialects, BOM, CRLF, quoting, line numbers,
 * errors) and the strict number parser in both dialects. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------- helpers */

static pv_table *parse(const char *text, pv_error *err)
{
    pv_error_clear(err);
    return pv_table_parse("t.csv", text, strlen(text), err);
}

static pv_table *parse_ok(const char *text)
{
    pv_error err;
    pv_table *t = parse(text, &err);
    if (!t)
        fail_msg("unexpected error: %s:%d:%d: %s", err.source, err.line, err.column, err.text);
    return t;
}

/* Parses text that must fail; checks the code and line (0 = don't care). */
static void parse_fails(const char *text, int line, const char *needle)
{
    pv_error err;
    pv_table *t = parse(text, &err);
    if (t) {
        pv_table_free(t);
        fail_msg("expected an error for: %s", text);
    }
    assert_int_equal(err.code, PV_EINPUT);
    assert_string_equal(err.source, "t.csv");
    if (line)
        assert_int_equal(err.line, line);
    if (needle && !strstr(err.text, needle))
        fail_msg("message '%s' lacks '%s'", err.text, needle);
}

static double num_ok(const char *s, int sv)
{
    double x = -12345.678;
    int rc = pv_parse_number(s, sv, &x);
    if (rc != 0)
        fail_msg("'%s' (swedish=%d) should parse, rc=%d", s, sv, rc);
    return x;
}

static void num_rc(const char *s, int sv, int want)
{
    double x = 777;
    int rc = pv_parse_number(s, sv, &x);
    if (rc != want)
        fail_msg("'%s' (swedish=%d): rc %d, want %d", s, sv, rc, want);
    assert_true(x == 777); /* untouched on failure */
}

/* ----------------------------------------------------------------- CSV */

static void test_csv_basic(void **state)
{
    (void)state;
    pv_table *t = parse_ok("id,name,x\na,Alpha,1\nb,Beta,2\n");
    assert_int_equal(t->delim, ',');
    assert_int_equal(t->ncols, 3);
    assert_int_equal(t->nrows, 2);
    assert_string_equal(t->header[0], "id");
    assert_string_equal(t->header[2], "x");
    assert_string_equal(pv_cell(t, 0, 1), "Alpha");
    assert_string_equal(pv_cell(t, 1, 2), "2");
    assert_int_equal(t->row_line[0], 2);
    assert_int_equal(t->row_line[1], 3);
    assert_int_equal(pv_table_col(t, "name"), 1);
    assert_int_equal(pv_table_col(t, "nope"), -1);
    assert_int_equal(pv_table_find(t, 0, "b"), 1);
    assert_int_equal(pv_table_find(t, 0, "c"), -1);
    pv_table_free(t);
}

static void test_csv_no_final_newline(void **state)
{
    (void)state;
    pv_table *t = parse_ok("id,x\na,1\nb,2");
    assert_int_equal(t->nrows, 2);
    assert_string_equal(pv_cell(t, 1, 1), "2");
    assert_int_equal(t->row_line[1], 3);
    pv_table_free(t);
}

static void test_csv_bom_crlf(void **state)
{
    (void)state;
    pv_table *t = parse_ok("\xEF\xBB\xBFid,name\r\na,Alpha\r\nb,Beta\r\n");
    assert_int_equal(t->ncols, 2);
    assert_string_equal(t->header[0], "id"); /* BOM is not part of the name */
    assert_int_equal(pv_table_col(t, "id"), 0);
    assert_string_equal(pv_cell(t, 0, 1), "Alpha"); /* no trailing \r */
    assert_string_equal(pv_cell(t, 1, 1), "Beta");
    assert_int_equal(t->row_line[1], 3);
    pv_table_free(t);
}

static void test_csv_cr_only(void **state)
{
    (void)state;
    /* old Mac Excel ends lines with CR alone: rows and row numbers still
     * work (Excel's: the CR inside quotes starts no row) */
    pv_table *t = parse_ok("id,x\ra,1\rb,\"two\rlines\"\rc,3\r");
    assert_int_equal(t->nrows, 3);
    assert_string_equal(pv_cell(t, 2, 1), "3");
    assert_int_equal(t->row_line[2], 4);
    pv_table_free(t);
    parse_fails("id,x\ra,1\rb\r", 3, "fields");
    /* an LF inside a quoted cell does not make it an LF file */
    t = parse_ok("id,x\ra,\"two\nlines\"\rc,3\r");
    assert_int_equal(t->nrows, 2);
    assert_string_equal(pv_cell(t, 0, 1), "two\nlines");
    assert_string_equal(pv_cell(t, 1, 0), "c");
    assert_int_equal(t->row_line[1], 3);
    pv_table_free(t);
}

static void test_csv_quoted_fields(void **state)
{
    (void)state;
    pv_table *t = parse_ok("id,name,note\n"
                           "a,\"Skolutbyte, Riga\",\"He said \"\"hej\"\"\"\n"
                           "b,\"two\nlines\",\"x;y\"\n"
                           "c,plain,\"\"\n");
    assert_int_equal(t->nrows, 3);
    assert_string_equal(pv_cell(t, 0, 1), "Skolutbyte, Riga");
    assert_string_equal(pv_cell(t, 0, 2), "He said \"hej\"");
    assert_string_equal(pv_cell(t, 1, 1), "two\nlines");
    assert_string_equal(pv_cell(t, 1, 2), "x;y");
    assert_string_equal(pv_cell(t, 2, 2), "");
    /* a row's number is the one Excel shows: the quoted newline starts no
     * row, so c is row 4 though it is on the file's line 5 */
    assert_int_equal(t->row_line[0], 2);
    assert_int_equal(t->row_line[1], 3);
    assert_int_equal(t->row_line[2], 4);
    pv_table_free(t);
}

static void test_csv_quoted_crlf_newline(void **state)
{
    (void)state;
    pv_table *t = parse_ok("id;name\r\na;\"x\r\ny\"\r\nb;z\r\n");
    assert_int_equal(t->delim, ';');
    assert_int_equal(t->nrows, 2);
    assert_int_equal(t->row_line[1], 3);
    assert_string_equal(pv_cell(t, 1, 1), "z");
    pv_table_free(t);
}

static void test_csv_semicolon_detection(void **state)
{
    (void)state;
    pv_table *t = parse_ok("id;name;cost\na;Alfa, Beta;1 234,5\n");
    assert_int_equal(t->delim, ';');
    assert_int_equal(t->ncols, 3);
    assert_string_equal(pv_cell(t, 0, 1), "Alfa, Beta");
    assert_string_equal(pv_cell(t, 0, 2), "1 234,5");
    pv_table_free(t);
    /* commas inside quotes do not count: still ';' */
    t = parse_ok("\"a,b,c\";d\n1;2\n");
    assert_int_equal(t->delim, ';');
    assert_int_equal(t->ncols, 2);
    assert_string_equal(t->header[0], "a,b,c");
    pv_table_free(t);
    /* semicolons inside quotes do not count: ',' */
    t = parse_ok("\"a;b;c\",d\n1,2\n");
    assert_int_equal(t->delim, ',');
    assert_int_equal(t->ncols, 2);
    pv_table_free(t);
    /* a single column has no delimiter: ',' */
    t = parse_ok("id\na\n");
    assert_int_equal(t->delim, ',');
    assert_int_equal(t->ncols, 1);
    pv_table_free(t);
    /* BOM + semicolon + CRLF: the Swedish Excel export */
    t = parse_ok("\xEF\xBB\xBF" "id;x\r\na;1\xC2\xA0" "234,5\r\n");
    assert_int_equal(t->delim, ';');
    assert_string_equal(t->header[0], "id");
    double v;
    pv_error err;
    pv_error_clear(&err);
    assert_int_equal(pv_table_number(t, 0, 1, &v, &err), 0);
    assert_true(fabs(v - 1234.5) < 1e-12);
    pv_table_free(t);
}

static void test_csv_trim_and_blank_lines(void **state)
{
    (void)state;
    pv_table *t = parse_ok(" id , name \n\n  a ,  Alpha \t\n\n\nb,Beta\n,\n");
    assert_string_equal(t->header[0], "id");
    assert_string_equal(t->header[1], "name");
    assert_int_equal(t->nrows, 2);
    assert_string_equal(pv_cell(t, 0, 0), "a");
    assert_string_equal(pv_cell(t, 0, 1), "Alpha");
    assert_int_equal(t->row_line[0], 3);
    assert_int_equal(t->row_line[1], 6);
    pv_table_free(t);
}

static void test_csv_errors(void **state)
{
    (void)state;
    parse_fails("id,x\na,1\nb,\"open\nc,3\n", 3, "unterminated");
    parse_fails("id,x\na,1\nb,x\"y\n", 3, "quot");
    parse_fails("id,x\na,\"q\"z\n", 2, "quot");
    parse_fails("id,x\na,1\nb,2,3\n", 3, "fields");
    parse_fails("id,x,y\na,1,2\nb,2\n", 3, "fields");
    parse_fails("id,x\r\na,1\r\nb\r\n", 3, "fields");
    parse_fails("id,x,id\na,1,2\n", 1, "duplicate column");
    parse_fails("id,,y\na,1,2\n", 1, "no name");
    parse_fails("", 0, "empty");
    parse_fails("\xEF\xBB\xBF", 0, "empty");
    parse_fails("\n\n", 0, "empty");
    /* invalid UTF-8: Latin-1 é on line 3, column 3 */
    parse_fails("id,x\na,1\nb\xE9,2\n", 3, "UTF-8");
    parse_fails("id,x\na,\xC0\xAF\n", 2, "UTF-8");       /* overlong */
    parse_fails("id,x\na,\xED\xA0\x80\n", 2, "UTF-8");   /* surrogate */
    parse_fails("id,x\na,\xE2\x80\n", 2, "UTF-8");       /* truncated */
    pv_error err;
    pv_error_clear(&err);
    pv_table *t = pv_table_parse("t.csv", "id,x\na,1\x00\n", 10, &err);
    assert_null(t);
    assert_int_equal(err.code, PV_EINPUT);
    assert_int_equal(err.line, 2);
}

static void test_csv_utf8_column(void **state)
{
    (void)state;
    pv_error err;
    pv_table *t = parse("id,x\n\xC3\xA5\xC3\xA4,\xFF\n", &err);
    assert_null(t);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 4); /* å, ä, ',' then the bad byte */
    int line = 0, col = 0;
    assert_int_equal(pv_utf8_check("ok \xE2\x80\xAF \xF0\x9F\x98\x80", 11, &line, &col), 0);
}

static void test_csv_many_columns(void **state)
{
    (void)state;
    size_t n = 100000;
    char *s = malloc(n * 8 + 16);
    assert_non_null(s);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += (size_t)sprintf(s + k, "%sc%zu", i ? "," : "", i);
    s[k++] = '\n';
    s[k] = '\0';
    parse_fails(s, 1, "columns");
    free(s);
}

static void test_table_number_messages(void **state)
{
    (void)state;
    pv_table *t = parse_ok("id,x,y\na,12abc,\nb,nan,1e999\n");
    pv_error err;
    double v;
    pv_error_clear(&err);
    assert_int_equal(pv_table_number(t, 0, 1, &v, &err), -1);
    assert_int_equal(err.code, PV_EINPUT);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 2);
    assert_non_null(strstr(err.text, "12abc"));
    pv_error_clear(&err);
    assert_int_equal(pv_table_number(t, 0, 2, &v, &err), -1);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 3);
    assert_non_null(strstr(err.text, "empty"));
    pv_error_clear(&err);
    assert_int_equal(pv_table_number(t, 1, 1, &v, &err), -1);
    assert_int_equal(err.line, 3);
    pv_error_clear(&err);
    assert_int_equal(pv_table_number(t, 1, 2, &v, &err), -1);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 3);
    char buf[256];
    pv_error_format(&err, buf, sizeof buf);
    assert_memory_equal(buf, "t.csv:3:3: ", 11);
    pv_table_free(t);
}

/* -------------------------------------------------------------- numbers */

static void test_number_plain(void **state)
{
    (void)state;
    for (int sv = 0; sv <= 1; sv++) {
        assert_true(num_ok("0", sv) == 0);
        assert_true(num_ok("42", sv) == 42);
        assert_true(num_ok("-1234.5", sv) == -1234.5);
        assert_true(num_ok("+3.25", sv) == 3.25);
        assert_true(num_ok("1e3", sv) == 1000);
        assert_true(num_ok("2.5E-2", sv) == 0.025);
        assert_true(num_ok("-1e+2", sv) == -100);
        assert_true(num_ok(".5", sv) == 0.5);
        assert_true(num_ok("5.", sv) == 5);
        assert_true(num_ok("  7  ", sv) == 7);
        assert_true(num_ok("\t8\t", sv) == 8);
        assert_true(num_ok("007", sv) == 7);
        assert_true(num_ok("1234567", sv) == 1234567);
        assert_true(num_ok("1.7976931348623157e308", sv) == 1.7976931348623157e308);
    }
}

static void test_number_swedish(void **state)
{
    (void)state;
    const double want = 1234567.5;
    assert_true(fabs(num_ok("1 234 567,50", 1) - want) < 1e-9);
    assert_true(fabs(num_ok("1\xC2\xA0" "234\xC2\xA0" "567,50", 1) - want) < 1e-9);
    assert_true(fabs(num_ok("1\xE2\x80\xAF" "234\xE2\x80\xAF" "567,50", 1) - want) < 1e-9);
    /* separators may be mixed, as when cells were pasted together */
    assert_true(fabs(num_ok("1 234\xC2\xA0" "567,50", 1) - want) < 1e-9);
    assert_true(num_ok("-1 234,5", 1) == -1234.5);
    assert_true(num_ok("1234,5", 1) == 1234.5);
    assert_true(num_ok("0,25", 1) == 0.25);
    assert_true(num_ok(",5", 1) == 0.5);
    assert_true(num_ok("12 345", 1) == 12345);
    assert_true(num_ok("123 456", 1) == 123456);
    assert_true(num_ok("1,5e3", 1) == 1500);
    assert_true(num_ok("  900 000  ", 1) == 900000);
    assert_true(num_ok("1.5", 1) == 1.5); /* the plain form is accepted too */
    assert_true(num_ok("1 234,", 1) == 1234); /* like "5." in the plain form */
    /* a point before three digits in a file of decimal commas could separate
     * thousands (120.000) as well as decimals: refused, never read as 120 */
    num_rc("120.000", 1, -4);
    num_rc("-1.500", 1, -4);
    num_rc(" 999.999 ", 1, -4);
    assert_true(num_ok("120.000", 0) == 120); /* comma-separated: a decimal point */
    assert_true(num_ok("0.500", 1) == 0.5);   /* no thousands group starts with 0 */
    assert_true(num_ok("1234.500", 1) == 1234.5);
    assert_true(num_ok("120.00", 1) == 120);
    assert_true(num_ok("120.0000", 1) == 120);
    assert_true(num_ok("1.500e3", 1) == 1500);
    assert_true(num_ok("1 234.500", 1) == 1234.5); /* grouped by spaces: the point is decimal */
    char why[256];
    pv_number_why("120.000", -4, 0, why, sizeof why);
    assert_non_null(strstr(why, "120000"));
    assert_non_null(strstr(why, "120,000"));
    /* a percent sign: the fraction it means, in the file's own form */
    pv_number_why("12,5 %", -1, 0, why, sizeof why);
    assert_non_null(strstr(why, "write a share as a fraction: 0,125"));
    pv_number_why("60\xC2\xA0%", -1, 0, why, sizeof why); /* Swedish Excel's form */
    assert_non_null(strstr(why, "write a share as a fraction: 0,6"));
    pv_number_why("60%", -1, 1, why, sizeof why);
    assert_non_null(strstr(why, "write a share as a fraction: 0.6"));
    pv_number_why("x%", -1, 1, why, sizeof why);
    assert_null(strstr(why, "fraction"));
    /* a value with a range: the ambiguous form is a decimal when only that
     * reading lies in it (a latitude cannot be 62,241) */
    pv_table *t = parse_ok("id;lat;lon\na;62.241;100.500\nb;1.500;200.000\n");
    pv_error err;
    pv_error_clear(&err);
    double v = 0;
    assert_int_equal(pv_table_number_in(t, 0, 1, -90, 90, &v, &err), 0);
    assert_true(v == 62.241);
    assert_int_equal(pv_table_number_in(t, 0, 2, -180, 180, &v, &err), 0);
    assert_true(v == 100.5);
    assert_int_equal(pv_table_number_in(t, 1, 2, -180, 180, &v, &err), -1); /* 200 or 200000 */
    assert_non_null(strstr(err.text, "ambiguous"));
    pv_error_clear(&err);
    assert_int_equal(pv_table_number_in(t, 1, 1, -1000, 1000, &v, &err), 0); /* 1500 is out */
    assert_true(v == 1.5);
    pv_error_clear(&err);
    assert_int_equal(pv_table_number_in(t, 1, 1, 0, 1e9, &v, &err), -1); /* both in range */
    pv_table_free(t);
}

static void test_number_rejections(void **state)
{
    (void)state;
    for (int sv = 0; sv <= 1; sv++) {
        num_rc("", sv, -1);
        num_rc("   ", sv, -1);
        num_rc("abc", sv, -1);
        num_rc("12abc", sv, -1);
        num_rc("1.2.3", sv, -1);
        num_rc("--1", sv, -1);
        num_rc("+-1", sv, -1);
        num_rc("-", sv, -1);
        num_rc(".", sv, -1);
        num_rc("e5", sv, -1);
        num_rc("1e", sv, -1);
        num_rc("1e+", sv, -1);
        num_rc("0x10", sv, -1);
        num_rc("1_000", sv, -1);
        num_rc("1,234.5", sv, -1);
        num_rc("5 %", sv, -1);
        num_rc("nan", sv, -3);
        num_rc("NaN", sv, -3);
        num_rc("inf", sv, -3);
        num_rc("-inf", sv, -3);
        num_rc("Infinity", sv, -3);
        num_rc("1e999", sv, -2);
        num_rc("-1e999", sv, -2);
        num_rc("1 23,5", sv, -1);
    }
    /* the Swedish forms are errors in a comma file, never a silent prefix */
    num_rc("1,5", 0, -1);
    num_rc("1 234", 0, -1);
    num_rc("1\xC2\xA0" "234", 0, -1);
    num_rc("1\xE2\x80\xAF" "234", 0, -1);
    /* thousands groups must be exactly three digits after the first 1..3 */
    num_rc("1 23", 1, -1);
    num_rc("1 2345", 1, -1);
    num_rc("1234 567", 1, -1);
    num_rc("12 345 67,5", 1, -1);
    num_rc("1  234", 1, -1);
    num_rc(" 1 234 ,5", 1, -1);
    num_rc("1,234,5", 1, -1);
    num_rc("1.234,5", 1, -1);
    num_rc("1 ,5", 1, -1);
    /* a no-break space inside must group digits; at either end it is blank,
     * as an ordinary space is (Swedish Excel may leave one there) */
    num_rc("1\xC2\xA0\xC2\xA0"
           "234",
           1, -1);
    num_rc("1\xC2\xA0"
           "23",
           1, -1);
    num_rc("\xC2\xA0", 1, -1);
    assert_true(num_ok("\xC2\xA0"
                       "1",
                       1) == 1);
    assert_true(num_ok("1 234\xC2\xA0", 1) == 1234);
    assert_true(num_ok("\xE2\x80\xAF"
                       "7,5\xE2\x80\xAF",
                       1) == 7.5);
    assert_true(num_ok("\xC2\xA0 12\xC2\xA0", 0) == 12);
    num_rc("1\xC2", 1, -1);
    num_rc("1\xE2\x80", 1, -1);
}

/* Plain decimals of up to 15 digits take a faster path than strtod: the
 * very same double, for every number of decimals, sign and magnitude. */
static void test_number_exact(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ull; /* xorshift: fixed, no libc rand */
    char s[64];
    for (int i = 0; i < 300000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int digits = 1 + (int)(x % 17); /* 16 and 17: the strtod path */
        int frac = (int)((x >> 8) % (uint64_t)(digits + 1));
        uint64_t m = (x >> 12) % 100000000000000000ull;
        char d[32];
        snprintf(d, sizeof d, "%017llu", (unsigned long long)m);
        const char *dg = d + 17 - digits;
        int k = 0;
        if (x & (1ull << 40))
            s[k++] = '-';
        if (frac == digits)
            s[k++] = '0';
        for (int q = 0; q < digits; q++) {
            if (frac && q == digits - frac)
                s[k++] = '.';
            s[k++] = dg[q];
        }
        s[k] = '\0';
        double want = strtod(s, NULL), got = num_ok(s, 0);
        if (memcmp(&want, &got, sizeof got))
            fail_msg("'%s': %.17g, strtod %.17g", s, got, want);
    }
    double z = num_ok("-0", 0);
    assert_true(z == 0 && signbit(z));
    assert_true(num_ok("0.1", 0) == 0.1);
    assert_true(num_ok("123456789012345", 0) == 123456789012345.0);
    assert_true(num_ok("9007199254740993", 0) == strtod("9007199254740993", NULL));
    assert_true(num_ok("1 234,5", 1) == 1234.5);
}

static void test_number_long(void **state)
{
    (void)state;
    char s[1200];
    memset(s, '1', sizeof s - 1);
    s[sizeof s - 1] = '\0';
    double x = 0;
    assert_true(pv_parse_number(s, 0, &x) != 0); /* never overflows a buffer */
    memset(s, '0', 600);
    strcpy(s + 600, "1.5");
    int rc = pv_parse_number(s, 1, &x);
    assert_true(rc == 0 ? x == 1.5 : rc < 0);
}

/* ---------------------------------------------------------------- lists */

static void test_split_list(void **state)
{
    (void)state;
    size_t n;
    char **l = pv_split_list("riga| klaksvik |v6", &n);
    assert_int_equal(n, 3);
    assert_string_equal(l[0], "riga");
    assert_string_equal(l[1], "klaksvik");
    assert_string_equal(l[2], "v6");
    pv_free_list(l, n);
    l = pv_split_list("a, b", &n);
    assert_int_equal(n, 2);
    assert_string_equal(l[1], "b");
    pv_free_list(l, n);
    l = pv_split_list("a;b;c", &n);
    assert_int_equal(n, 3);
    pv_free_list(l, n);
    l = pv_split_list("single", &n);
    assert_int_equal(n, 1);
    assert_string_equal(l[0], "single");
    pv_free_list(l, n);
    l = pv_split_list("", &n);
    assert_int_equal(n, 0);
    pv_free_list(l, n);
    l = pv_split_list("a||b|", &n);
    assert_int_equal(n, 2);
    assert_string_equal(l[0], "a");
    assert_string_equal(l[1], "b");
    pv_free_list(l, n);
}

static void test_str_helpers(void **state)
{
    (void)state;
    assert_true(pv_is_blank(""));
    assert_true(pv_is_blank(" \t "));
    assert_false(pv_is_blank(" x "));
    assert_true(pv_str_eq_trim("  yes\t", "yes"));
    assert_false(pv_str_eq_trim("yes", "Yes"));
    assert_false(pv_str_eq_trim("yess", "yes"));
    assert_false(pv_str_eq_trim(NULL, "yes"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_basic),
        cmocka_unit_test(test_csv_no_final_newline),
        cmocka_unit_test(test_csv_bom_crlf),
        cmocka_unit_test(test_csv_cr_only),
        cmocka_unit_test(test_csv_quoted_fields),
        cmocka_unit_test(test_csv_quoted_crlf_newline),
        cmocka_unit_test(test_csv_semicolon_detection),
        cmocka_unit_test(test_csv_trim_and_blank_lines),
        cmocka_unit_test(test_csv_errors),
        cmocka_unit_test(test_csv_utf8_column),
        cmocka_unit_test(test_csv_many_columns),
        cmocka_unit_test(test_table_number_messages),
        cmocka_unit_test(test_number_plain),
        cmocka_unit_test(test_number_swedish),
        cmocka_unit_test(test_number_rejections),
        cmocka_unit_test(test_number_long),
        cmocka_unit_test(test_number_exact),
        cmocka_unit_test(test_split_list),
        cmocka_unit_test(test_str_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
