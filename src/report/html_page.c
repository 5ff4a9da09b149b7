/* html_page.c — the frame of every HTML report: the run date, escaping,
 * numbers for people, country names, and the page with its style sheet
 * (report.css, embedded at build time) and header. */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------ date */

static char g_date[11]; /* "" = today */

static int valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

int pv_set_report_date(const char *iso)
{
    if (!iso) {
        g_date[0] = '\0';
        return 0;
    }
    if (!valid_date(iso))
        return -1;
    memcpy(g_date, iso, 11);
    return 0;
}

const char *pv_html_date(char out[11])
{
    if (g_date[0]) {
        memcpy(out, g_date, 11);
        return out;
    }
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
        memcpy(out, "1970-01-01", 11);
    return out;
}

/* ----------------------------------------------------------- text, numbers */

void pv_html_esc(pv_buf *b, const char *s)
{
    /* the five markup characters; control characters but tab and newline
     * (and DEL) become spaces */
    static const char *const reps[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
    static const pv_escaper html = {
        {(0xffffffffu & ~(PV_BIT('\t') | PV_BIT('\n'))) | PV_BIT('&') | PV_BIT('<') |
             PV_BIT('>') | PV_BIT('"') | PV_BIT('\''),
         PV_BIT(0x7f)},
        "&<>\"'",
        reps,
        0};
    pv_buf_escape(b, s, &html);
}

void pv_html_name_id(pv_buf *b, const char *name, const char *id)
{
    pv_buf_puts(b, "<span class=\"name\">");
    pv_html_esc(b, name);
    pv_buf_puts(b, "</span> <small class=\"id\">");
    pv_html_esc(b, id);
    pv_buf_puts(b, "</small>");
}

void pv_html_num(pv_buf *b, double x, int decimals, int sv)
{
    if (sv)
        pv_fmt_num(b, x, decimals, 1);
    else
        pv_fmt_grouped(b, x, decimals, ",", '.');
}

void pv_html_numt(pv_buf *b, double x, int sv)
{
    int d = 0;
    while (d < 3 && isfinite(x)) {
        double s = x * pow(10, d);
        if (fabs(s - round(s)) < 1e-9 * (fabs(s) > 1 ? fabs(s) : 1))
            break;
        d++;
    }
    pv_html_num(b, x, d, sv);
}

void pv_html_pct(pv_buf *b, double share, int decimals, int sv)
{
    pv_html_num(b, 100 * share, decimals, sv);
    pv_buf_puts(b, sv ? "\xC2\xA0%" : "%");
}

void pv_html_pct_range(pv_buf *b, double lo, double hi, int sv)
{
    pv_html_pct(b, lo, 1, sv);
    pv_buf_puts(b, "–");
    pv_html_pct(b, hi, 1, sv);
}

void pv_html_amount(pv_buf *b, const pv_case *c, size_t k, double x, int sv)
{
    pv_buf t;
    pv_buf_init(&t);
    pv_res_amount(&t, c, k, x, sv);
    if (t.oom)
        b->oom = 1;
    pv_html_esc(b, t.data ? t.data : "");
    pv_buf_free(&t);
}

void pv_html_res_name(pv_buf *b, const pv_case *c, size_t k, int sv)
{
    pv_html_esc(b, pv_res_name(c, k, sv));
    pv_buf_puts(b, " <small class=\"id\"><code>");
    pv_html_esc(b, c->res[k].id);
    pv_buf_puts(b, "</code></small>");
}

const char *pv_html_colour(size_t i)
{
    static const char *C[] = {"#1f5f8b", "#d99a1e", "#3b8f5a", "#b5473a",
                              "#6c5a9c", "#3aa0b2", "#8a8a3c", "#c4699a"};
    return C[i % (sizeof C / sizeof C[0])];
}

size_t pv_html_top_of(const pv_model *m, const pv_criterion *cr)
{
    while (cr->parent)
        cr = cr->parent;
    for (size_t i = 0; i < m->ntop; i++)
        if (m->top[i] == cr)
            return i;
    return 0;
}

/* Swedish names of the countries in data/countries.csv; others show the
 * table's own name (or the code). */
static const char *country_sv(const char *code)
{
    static const char *T[][2] = {
        {"SE", "Sverige"},        {"DK", "Danmark"},         {"FI", "Finland"},
        {"NO", "Norge"},          {"IS", "Island"},          {"FO", "Färöarna"},
        {"DE", "Tyskland"},       {"AT", "Österrike"},       {"LV", "Lettland"},
        {"LT", "Litauen"},        {"EE", "Estland"},         {"PL", "Polen"},
        {"HU", "Ungern"},         {"IT", "Italien"},         {"ES", "Spanien"},
        {"FR", "Frankrike"},      {"NL", "Nederländerna"},   {"UA", "Ukraina"},
        {"MD", "Moldavien"},      {"GE", "Georgien"},        {"RS", "Serbien"},
        {"BA", "Bosnien och Hercegovina"}, {"TR", "Turkiet"}, {"RU", "Ryssland"},
        {"BY", "Belarus"},        {"CN", "Kina"},            {"VN", "Vietnam"},
        {"IN", "Indien"},         {"KE", "Kenya"},           {"TZ", "Tanzania"},
        {"UG", "Uganda"},         {"RW", "Rwanda"},          {"BW", "Botswana"},
        {"NA", "Namibia"},        {"ZA", "Sydafrika"},       {"MZ", "Moçambique"},
        {"BR", "Brasilien"},      {"US", "USA"},             {"PS", "Palestina"},
        {"GB", "Storbritannien"}, {"IE", "Irland"},          {"BE", "Belgien"},
        {"CZ", "Tjeckien"},       {"SK", "Slovakien"},       {"SI", "Slovenien"},
        {"HR", "Kroatien"},       {"PT", "Portugal"},        {"GR", "Grekland"},
        {"RO", "Rumänien"},       {"BG", "Bulgarien"},       {"CH", "Schweiz"}};
    for (size_t i = 0; code && i < sizeof T / sizeof T[0]; i++)
        if (!strcmp(T[i][0], code))
            return T[i][1];
    return NULL;
}

void pv_html_country(pv_buf *b, const pv_case *c, long crow, int sv)
{
    if (crow < 0 || !c->countries) {
        pv_buf_puts(b, "–");
        return;
    }
    const pv_table *t = c->countries;
    const char *code = c->ctry_code_col >= 0 ? pv_cell(t, (size_t)crow, (size_t)c->ctry_code_col)
                                             : "";
    int ncol = pv_table_col(t, sv ? "name_sv" : "name_en");
    const char *name = ncol >= 0 ? pv_cell(t, (size_t)crow, (size_t)ncol) : "";
    if (!name[0] && sv) {
        const char *n = country_sv(code);
        name = n ? n : "";
    }
    if (!name[0]) {
        int en = pv_table_col(t, "country");
        name = en >= 0 ? pv_cell(t, (size_t)crow, (size_t)en) : "";
    }
    pv_html_esc(b, name[0] ? name : code);
}

/* ------------------------------------------------------------------ page */

/* report_css.h is generated from src/report/report.css by the Makefile. */
#include "report_css.h"

int pv_html_begin(pv_buf *b, const pv_case *c, int sv, const char *title_en,
                  const char *title_sv, const char *kind, pv_error *err)
{
    const pv_model *m = c->model;
    char date[11];
    pv_html_date(date);
    pv_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                  sv ? "sv" : "en");
    pv_buf_puts(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"partnerval " PV_VERSION "\">\n<title>");
    pv_buf_puts(b, pv_tr(sv, title_en, title_sv));
    pv_buf_puts(b, ": ");
    pv_html_esc(b, c->name);
    pv_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body class=\"report-%s\">\n<main>\n",
                  CSS, kind);
    pv_buf_puts(b, "<header id=\"report-header\">\n<div class=\"kicker\">");
    pv_buf_puts(b, pv_tr(sv, title_en, title_sv));
    pv_buf_puts(b, "</div>\n<h1 id=\"case-name\">");
    pv_html_esc(b, c->name);
    pv_buf_puts(b, "</h1>\n<dl class=\"meta\">\n");
    pv_buf_printf(b, "<dt>%s</dt><dd id=\"model-name\">", pv_tr(sv, "Model", "Modell"));
    pv_html_esc(b, m->name);
    pv_buf_puts(b, "</dd>\n");
    if (strcmp(kind, "rank") && strcmp(kind, "weights")) {
        pv_buf_printf(b, "<dt>%s</dt><dd id=\"objective\">", pv_tr(sv, "Maximised", "Maximerat"));
        pv_objective_put(b, c, sv, pv_html_esc);
        pv_buf_puts(b, "</dd>\n");
    }
    if (m->source && m->source[0]) {
        pv_buf_printf(b, "<dt>%s</dt><dd id=\"policy-source\">",
                      pv_tr(sv, "Policy source", "Policy (källa)"));
        pv_html_esc(b, m->source);
        pv_buf_puts(b, "</dd>\n");
    }
    pv_buf_printf(b, "<dt>%s</dt><dd><time id=\"report-date\" datetime=\"%s\">%s</time></dd>\n",
                  pv_tr(sv, "Date of the run", "Körningens datum"), date, date);
    pv_buf_printf(b, "<dt>%s</dt><dd id=\"versions\">partnerval %s, GLPK ",
                  pv_tr(sv, "Software", "Programvara"), PV_VERSION);
    pv_html_esc(b, pv_glpk_version());
    pv_buf_puts(b, "</dd>\n</dl>\n");
    pv_buf_puts(b, "</header>\n");
    (void)err;
    return 0;
}

void pv_path_norm(pv_buf *b, const char *path)
{
    size_t n = strlen(path), kept = 0;
    const char **seg = pv_calloc(n + 1, sizeof *seg);
    size_t *slen = pv_calloc(n + 1, sizeof *slen);
    if (!seg || !slen) {
        pv_free(seg);
        pv_free(slen);
        pv_buf_puts(b, path);
        return;
    }
    int abs = path[0] == '/';
    for (const char *p = path; *p;) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        size_t l = (size_t)(e - p);
        if (l == 1 && p[0] == '.')
            ;
        else if (l == 2 && p[0] == '.' && p[1] == '.' && kept &&
                 !(slen[kept - 1] == 2 && !strncmp(seg[kept - 1], "..", 2)))
            kept--;
        else if (l == 2 && p[0] == '.' && p[1] == '.' && abs)
            ; /* "/.." is "/" */
        else if (l) {
            seg[kept] = p;
            slen[kept++] = l;
        }
        p = e;
    }
    pv_buf_puts(b, abs ? "/" : "");
    for (size_t i = 0; i < kept; i++) {
        pv_buf_puts(b, i ? "/" : "");
        pv_buf_put(b, seg[i], slen[i]);
    }
    if (!kept && !abs)
        pv_buf_putc(b, '.');
    pv_free(seg);
    pv_free(slen);
}

int pv_html_end(pv_buf *b, const pv_case *c, int sv, pv_error *err)
{
    pv_buf_printf(b, "<section id=\"appendix-inputs\" class=\"appendix\">\n<h2>%s</h2>\n",
                  pv_tr(sv, "Appendix: input files", "Bilaga: indatafiler"));
    pv_buf_printf(b, "<div class=\"hashes\"><table id=\"input-hashes\">\n<tr><th>%s</th>"
                     "<th>SHA-256</th></tr>\n",
                  pv_tr(sv, "Input file", "Indatafil"));
    for (size_t i = 0; i < c->ninputs; i++) {
        char hex[65];
        if (pv_sha256_file(c->inputs[i], hex, err))
            return -1;
        pv_buf_puts(b, "<tr class=\"input-file\"><td>");
        pv_buf np;
        pv_buf_init(&np);
        pv_path_norm(&np, c->inputs[i]);
        if (np.oom)
            b->oom = 1;
        pv_html_esc(b, np.data ? np.data : "");
        pv_buf_free(&np);
        pv_buf_printf(b, "</td><td><code>%s</code></td></tr>\n", hex);
    }
    pv_buf_printf(b, "</table>\n<p class=\"small\">%s</p></div>\n</section>\n",
                  pv_tr(sv,
                        "Anyone can check that a file is the one this report rests on: "
                        "sha256sum FILE gives the same digest.",
                        "Vem som helst kan kontrollera att en fil är den som rapporten bygger "
                        "på: sha256sum FIL ger samma kontrollsumma."));
    pv_buf_printf(b, "<footer>%s partnerval %s. %s</footer>\n</main>\n</body>\n</html>\n",
                  pv_tr(sv, "Made with", "Framtagen med"), PV_VERSION,
                  pv_tr(sv,
                        "The result follows from the model, the data and the limits above; "
                        "the same inputs give the same report.",
                        "Resultatet följer av modellen, underlaget och ramarna ovan; samma "
                        "indata ger samma rapport."));
    return 0;
}

void pv_html_section(pv_buf *b, const char *id, int page, const char *h_en, const char *h_sv,
                     int sv)
{
    pv_buf_printf(b, "<section id=\"%s\"%s>\n<h2>%s</h2>\n", id, page ? " class=\"page\"" : "",
                  pv_tr(sv, h_en, h_sv));
}

void pv_html_section_end(pv_buf *b) { pv_buf_puts(b, "</section>\n"); }


char *pv_html_close(pv_buf *b, const pv_case *c, int sv, size_t *len, pv_error *err)
{
    if (pv_html_end(b, c, sv, err)) {
        pv_buf_free(b);
        return NULL;
    }
    return pv_buf_finish(b, len, err);
}

char *pv_html_finish(pv_buf *b, const pv_case *c, int sv, size_t *len, pv_error *err)
{
    pv_html_model_section(b, c, sv);
    return pv_html_close(b, c, sv, len, err);
}
