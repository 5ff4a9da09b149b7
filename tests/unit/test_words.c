/* test_words.c — the one yes/no reader, "did you mean" by edit distance, the
 * NFC/NFD hint, cutting at a character boundary, case folding, the error
 * list, the CSV reader's compact cells (empty cells shared, set_cell), and
 * the --format and --lang names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report/html.h"
#include "report/wording.h"

static void test_yesno_spellings(void **state)
{
    (void)state;
    const char *yes[] = {"yes", "Yes", "YES", "ja", "Ja", "JA", "true", "TRUE", "sant", "SANT",
                         "1", "x", "X", " ja ", "\tyes\t"};
    const char *no[] = {"no", "No", "NO", "nej", "Nej", "NEJ", "false", "FALSE", "falskt",
                        "Falskt", "0", " nej "};
    const char *bad[] = {"maybe", "jaa", "y", "n", "2", "yes!", "j a", "nejnej", "-1"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_int_equal(pv_yesno(yes[i]), PV_YN_YES);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_int_equal(pv_yesno(no[i]), PV_YN_NO);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(pv_yesno(bad[i]), PV_YN_BAD);
    assert_int_equal(pv_yesno(""), PV_YN_EMPTY);
    assert_int_equal(pv_yesno("  "), PV_YN_EMPTY);
    assert_int_equal(pv_yesno(NULL), PV_YN_EMPTY);
    assert_true(pv_yesno_word("Ja"));
    assert_false(pv_yesno_word("1"));
    assert_false(pv_yesno_word("x"));
    assert_false(pv_yesno_word("maybe"));
}

/* --format and --lang names: each value once, exact spelling only. */
static void test_format_lang_names(void **state)
{
    (void)state;
    assert_int_equal(pv_format_parse("text"), PV_FMT_TEXT);
    assert_int_equal(pv_format_parse("md"), PV_FMT_MD);
    assert_int_equal(pv_format_parse("csv"), PV_FMT_CSV);
    assert_int_equal(pv_format_parse("json"), PV_FMT_JSON);
    assert_int_equal(pv_format_parse("html"), PV_FMT_HTML);
    assert_int_equal(pv_format_parse("xlsx"), PV_FMT_XLSX);
    const char *bad[] = {"", "TEXT", "htm", "html ", "pdf", "sv"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(pv_format_parse(bad[i]), -1);
    assert_int_equal(pv_format_parse(NULL), -1);
    assert_int_equal(pv_lang_parse("sv"), PV_LANG_SV);
    assert_int_equal(pv_lang_parse("en"), PV_LANG_EN);
    assert_int_equal(pv_lang_parse(""), -1);
    assert_int_equal(pv_lang_parse("SV"), -1);
    assert_int_equal(pv_lang_parse("default"), -1);
    assert_int_equal(pv_lang_parse("text"), -1);
    assert_int_equal(pv_lang_parse(NULL), -1);
}

static void test_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(pv_edit_distance("max", "maxx", 2), 1);
    assert_int_equal(pv_edit_distance("riga", "rgia", 2), 1); /* transposition */
    assert_int_equal(pv_edit_distance("kitten", "sitting", 5), 3);
    assert_int_equal(pv_edit_distance("kitten", "sitting", 2), 3); /* max + 1 */
    assert_int_equal(pv_edit_distance("", "abc", 5), 3);
    assert_int_equal(pv_edit_distance("same", "same", 0), 0);
}

static void test_suggest(void **state)
{
    (void)state;
    pv_suggest s;
    char hint[100];
    pv_suggest_init(&s, "maxx", 2);
    pv_suggest_offer(&s, "min");
    pv_suggest_offer(&s, "max");
    pv_suggest_offer(&s, "column");
    assert_string_equal(pv_suggest_hint(&s, hint, sizeof hint), "; did you mean 'max'?");
    /* a short word suggests nothing far from it */
    pv_suggest_init(&s, "LV", 2);
    pv_suggest_offer(&s, "X0");
    assert_null(s.best);
    assert_string_equal(pv_suggest_hint(&s, hint, sizeof hint), "");
    /* a case difference is closest, ties go to the first offered */
    pv_suggest_init(&s, "MINSK", 2);
    pv_suggest_offer(&s, "minsl");
    pv_suggest_offer(&s, "minsk");
    assert_string_equal(s.best, "minsk");
    pv_suggest_init(&s, "abcde", 2);
    pv_suggest_offer(&s, "abcdx");
    pv_suggest_offer(&s, "abcdy");
    assert_string_equal(s.best, "abcdx");
}

static void test_normalisation_hint(void **state)
{
    (void)state;
    assert_true(pv_same_after_normalising("\xc3\x85re", "A\xcc\x8are"));  /* Åre NFC vs NFD */
    assert_true(pv_same_after_normalising("Malm\xc3\xb6", "Malmo\xcc\x88")); /* Malmö */
    assert_false(pv_same_after_normalising("Are", "A\xcc\x8are"));
    assert_false(pv_same_after_normalising("same", "same"));
    /* the order that sorts both spellings together: equal, and consistent */
    assert_int_equal(pv_nfd_cmp("Malm\xc3\xb6", "Malmo\xcc\x88"), 0);
    assert_int_equal(pv_nfd_cmp("\xc3\x85re", "A\xcc\x8are"), 0);
    assert_true(pv_nfd_cmp("Malmo", "Malmo\xcc\x88") < 0);
    assert_true(pv_nfd_cmp("Malm\xc3\xb6", "Malmo") > 0);
    assert_true(pv_nfd_cmp("Malm\xc3\xb6", "Malmp") < 0); /* o + mark before p */
    assert_true(pv_nfd_cmp("ab", "abc") < 0 && pv_nfd_cmp("abc", "ab") > 0);
    assert_int_equal(pv_nfd_cmp("", ""), 0);
}

static void test_utf8_trim_partial(void **state)
{
    (void)state;
    char a[] = "ab\xc3\xa4\xc3"; /* "abä" and half of another 'ä' */
    pv_utf8_trim_partial(a);
    assert_string_equal(a, "ab\xc3\xa4");
    char b[] = "ab\xe2\x82"; /* two of the three bytes of '€' */
    pv_utf8_trim_partial(b);
    assert_string_equal(b, "ab");
    char c[] = "ab\xe2\x82\xac";
    pv_utf8_trim_partial(c);
    assert_string_equal(c, "ab\xe2\x82\xac");
}

static void test_fold(void **state)
{
    (void)state;
    assert_true(pv_str_eq_fold(" Livsl\xc3\xa5ngt l\xc3\xa4rande ", "livsl\xc3\xa5ngt l\xc3\xa4rande"));
    assert_true(pv_str_eq_fold("\xc3\x85RE", "\xc3\xa5re")); /* ÅRE, åre */
    assert_false(pv_str_eq_fold("education", "educatio"));
}

static void test_error_list(void **state)
{
    (void)state;
    pv_errors *l = pv_errors_new();
    assert_non_null(l);
    pv_errors *prev = pv_err_collect_begin(l);
    pv_error e;
    pv_error_clear(&e);
    for (int i = 0; i < 60; i++)
        pv_err(&e, PV_EINPUT, "f.csv", i + 2, 3, "error %d", i);
    pv_err(&e, PV_EINPUT, "f.csv", 2, 3, "error 0"); /* the same again: once */
    pv_err_collect_end(prev);
    assert_string_equal(e.text, "error 0"); /* the first wins, as always */
    assert_int_equal(pv_errors_count(l), PV_ERRORS_MAX);
    assert_int_equal(pv_errors_total(l), 60);
    assert_string_equal(pv_errors_get(l, 49)->text, "error 49");
    assert_null(pv_errors_get(l, 50));
    pv_err_add_more(&e, l);
    assert_non_null(strstr(e.text, "and 59 more errors"));
    pv_errors_free(l);
    /* not collecting: first error wins, nothing else happens */
    pv_error_clear(&e);
    pv_err(&e, PV_EINPUT, "f.csv", 2, 0, "one");
    pv_err(&e, PV_EINPUT, "f.csv", 3, 0, "two");
    assert_string_equal(e.text, "one");
}

static void test_compact_cells(void **state)
{
    (void)state;
    /* 130 columns (three bit words), mostly empty */
    char text[4096];
    size_t o = 0;
    for (int i = 0; i < 130; i++)
        o += (size_t)snprintf(text + o, sizeof text - o, "%sc%d", i ? "," : "", i);
    o += (size_t)snprintf(text + o, sizeof text - o, "\n");
    for (int r = 0; r < 3; r++) {
        for (int i = 0; i < 130; i++)
            o += (size_t)snprintf(text + o, sizeof text - o, "%s%s", i ? "," : "",
                                  (i == r || i == 64 + r || i == 129) ? "ja" : "");
        o += (size_t)snprintf(text + o, sizeof text - o, "\n");
    }
    pv_error err;
    pv_error_clear(&err);
    pv_table *t = pv_table_parse("w.csv", text, o, &err);
    assert_non_null(t);
    assert_int_equal(t->ncols, 130);
    assert_int_equal(t->nrows, 3);
    for (size_t r = 0; r < 3; r++)
        for (size_t i = 0; i < 130; i++) {
            int filled = i == r || i == 64 + r || i == 129;
            assert_string_equal(pv_cell(t, r, i), filled ? "ja" : "");
        }
    assert_ptr_equal(pv_cell(t, 0, 5), pv_cell(t, 2, 100)); /* one shared "" */
    assert_int_equal(pv_table_set_cell(t, 1, 65, "yes"), 0);
    assert_int_equal(pv_table_set_cell(t, 2, 129, "Livslångt lärande"), 0);
    assert_int_equal(pv_table_set_cell(t, 1, 5, "yes"), -1); /* empty: stays empty */
    assert_string_equal(pv_cell(t, 1, 65), "yes");
    assert_string_equal(pv_cell(t, 1, 1), "ja");
    assert_string_equal(pv_cell(t, 2, 129), "Livslångt lärande");
    assert_string_equal(pv_cell(t, 1, 129), "ja");
    assert_string_equal(pv_cell(t, 1, 5), "");
    pv_table_free(t);
}

/* esc(in) must give want. */
static void check_escape(void (*esc)(pv_buf *, const char *), const char *in, const char *want)
{
    pv_buf b;
    pv_buf_init(&b);
    esc(&b, in);
    assert_string_equal(b.data ? b.data : "", want);
    pv_buf_free(&b);
}

/* The JSON and HTML escapers, byte by byte, against their definitions. */
static void test_escapers(void **state)
{
    (void)state;
    for (unsigned c = 1; c < 256; c++) {
        char in[4] = {'a', (char)c, 'b', 0}, json[16], html[16];
        const char *j = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n"
                      : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
        if (j)
            snprintf(json, sizeof json, "\"a%sb\"", j);
        else if (c < 0x20)
            snprintf(json, sizeof json, "\"a\\u%04xb\"", c);
        else
            snprintf(json, sizeof json, "\"a%cb\"", (char)c);
        const char *h = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
                      : c == '"' ? "&quot;" : c == '\'' ? "&#39;" : NULL;
        int blank = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
        if (h)
            snprintf(html, sizeof html, "a%sb", h);
        else
            snprintf(html, sizeof html, "a%cb", blank ? ' ' : (char)c);
        check_escape(pv_buf_json_str, in, json);
        check_escape(pv_html_esc, in, html);
    }
    check_escape(pv_buf_json_str, NULL, "\"\"");
    check_escape(pv_html_esc, NULL, "");
    check_escape(pv_html_esc, "", "");
    /* Markdown: what would break a table or start markup, and nothing else */
    check_escape(pv_buf_md, "P|2", "P\\|2");
    check_escape(pv_buf_md, "<b>x</b> *y* `z` [l](u) a\\b",
                 "\\<b>x\\</b> \\*y\\* \\`z\\` \\[l\\](u) a\\\\b");
    check_escape(pv_buf_md, "_x_ budget_sek", "\\_x\\_ budget_sek");
    check_escape(pv_buf_md, "0,44 < 0,50 > 0", "0,44 < 0,50 > 0");
    check_escape(pv_buf_md, "a\nb\x7f", "a?b?");
    check_escape(pv_buf_md, "å_ö", "å\\_ö"); /* a UTF-8 neighbour may be punctuation */
    check_escape(pv_buf_md, "”_Hej_” ~x~ &amp; &#38; A & B <3",
                 "”\\_Hej\\_” \\~x\\~ \\&amp; \\&#38; A & B <3");
    check_escape(pv_buf_md, NULL, "");
}

/* Sorting indices by a number: ascending, descending, by a strided column;
 * equal keys keep their order. */
static void test_sort_by_key(void **state)
{
    (void)state;
    const double key[] = {3, 1, 2, 1, 3, 0};
    size_t idx[6], want_up[] = {5, 1, 3, 2, 0, 4}, want_down[] = {0, 4, 2, 1, 3, 5};
    for (size_t i = 0; i < 6; i++)
        idx[i] = i;
    assert_int_equal(pv_sort_idx_by_key(idx, 6, key, 1, 0), 0);
    assert_memory_equal(idx, want_up, sizeof idx);
    for (size_t i = 0; i < 6; i++)
        idx[i] = i;
    assert_int_equal(pv_sort_idx_by_key(idx, 6, key, 1, 1), 0);
    assert_memory_equal(idx, want_down, sizeof idx);
    /* column 1 of a 3 x 2 matrix: rows (9, 2), (0, 1), (5, 2) */
    const double m[] = {9, 2, 0, 1, 5, 2};
    size_t r[3] = {0, 1, 2}, want_col[] = {1, 0, 2};
    assert_int_equal(pv_sort_idx_by_key(r, 3, m + 1, 2, 0), 0);
    assert_memory_equal(r, want_col, sizeof r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_yesno_spellings),  cmocka_unit_test(test_edit_distance),
        cmocka_unit_test(test_format_lang_names),
        cmocka_unit_test(test_suggest),          cmocka_unit_test(test_normalisation_hint),
        cmocka_unit_test(test_utf8_trim_partial), cmocka_unit_test(test_fold),
        cmocka_unit_test(test_error_list),       cmocka_unit_test(test_compact_cells),
        cmocka_unit_test(test_escapers),         cmocka_unit_test(test_sort_by_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
