/* csv2xlsx.c — test helper: CSV files into one .xlsx workbook with
 * libxlsxwriter, as a coordinator's Excel would hold them.
 *   csv2xlsx OUT.xlsx SHEET=FILE.csv [SHEET=FILE.csv ...]
 * The dialect is detected as partnerval does (';' when the header line has
 * more semicolons than commas); a UTF-8 BOM is skipped. A cell becomes a
 * number when libxlsxwriter writes it back as the same text, trailing
 * zeros of a fraction aside (so "2027", "0.649", "2.420" are numbers, "007"
 * and "1,5" stay text); TRUE/FALSE become
 * booleans; everything else is a string (shared strings). Row 1 is the header. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *d = malloc(cap);
    size_t r;
    while (d && (r = fread(d + len, 1, cap - len - 1, f)) > 0) {
        len += r;
        if (len + 1 >= cap) {
            char *p = realloc(d, cap *= 2);
            if (!p) {
                free(d);
                d = NULL;
            }
            d = p;
        }
    }
    fclose(f);
    if (d)
        d[len] = '\0';
    *n = len;
    return d;
}

static void put_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, char *s)
{
    char *e = s + strlen(s);
    while (*s == ' ' || *s == '\t')
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        *--e = '\0';
    if (!*s)
        return;
    if (!strcmp(s, "TRUE") || !strcmp(s, "FALSE")) {
        worksheet_write_boolean(ws, row, col, s[0] == 'T', NULL);
        return;
    }
    char *end, back[64];
    double v = strtod(s, &end);
    if (row > 0 && !*end && end != s && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9'))) {
        snprintf(back, sizeof back, "%.16G", v);
        /* "2.420": Excel keeps the number 2.42 (shown with a format) */
        size_t bl = strlen(back);
        int same = !strcmp(back, s) ||
                   (strchr(s, '.') && !strchr(s, 'E') && !strchr(s, 'e') && !strncmp(back, s, bl) &&
                    strspn(s + bl, "0") == strlen(s + bl) && (strchr(back, '.') || s[bl] == '.'));
        if (same) {
            worksheet_write_number(ws, row, col, v, NULL);
            return;
        }
    }
    worksheet_write_string(ws, row, col, s, NULL);
}

static int add_sheet(lxw_workbook *wb, const char *name, const char *path)
{
    size_t n;
    char *d = slurp(path, &n);
    if (!d) {
        fprintf(stderr, "csv2xlsx: cannot read %s\n", path);
        return 1;
    }
    char *p = d;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    size_t commas = 0, semis = 0;
    for (char *q = p; *q && *q != '\n'; q++)
        commas += *q == ',', semis += *q == ';';
    char delim = semis > commas ? ';' : ',';
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (!ws) {
        free(d);
        return 1;
    }
    char *field = malloc(strlen(p) + 1);
    lxw_row_t row = 0;
    lxw_col_t col = 0;
    size_t k = 0;
    int quoted = 0, any = 0;
    for (char *q = p;; q++) {
        char ch = *q;
        if (quoted) {
            if (ch == '"' && q[1] == '"') {
                field[k++] = '"';
                q++;
            } else if (ch == '"')
                quoted = 0;
            else if (ch)
                field[k++] = ch;
            else
                break;
            continue;
        }
        if (ch == '"') {
            quoted = any = 1;
        } else if (ch == delim || ch == '\n' || ch == '\0') {
            field[k] = '\0';
            if (any || k)
                put_cell(ws, row, col, field);
            k = 0;
            col++;
            if (ch != delim) {
                if (any || col > 1)
                    row++;
                col = 0;
                any = 0;
            } else
                any = 1;
            if (!ch)
                break;
        } else if (ch != '\r') {
            field[k++] = ch;
            any = 1;
        }
    }
    free(field);
    free(d);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: csv2xlsx OUT.xlsx SHEET=FILE.csv...\n");
        return 1;
    }
    lxw_workbook *wb = workbook_new(argv[1]);
    if (!wb)
        return 1;
    lxw_doc_properties props = {.created = 1767225600}; /* 2026-01-01: same bytes every time */
    workbook_set_properties(wb, &props);
    int rc = 0;
    for (int i = 2; i < argc && !rc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) {
            fprintf(stderr, "csv2xlsx: '%s' is not SHEET=FILE\n", argv[i]);
            rc = 1;
            break;
        }
        *eq = '\0';
        rc = add_sheet(wb, argv[i], eq + 1);
    }
    if (workbook_close(wb) != LXW_NO_ERROR)
        rc = 1;
    return rc;
}
