/* html.c — what every HTML report shares: escaping, numbers, the page with
 * its CSS and header, SVG bars, the ranking table, the policy and model
 * sections. */
#include "html.h"

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
    for (; s && *s; s++) {
        unsigned char ch = (unsigned char)*s;
        switch (ch) {
        case '&': pv_buf_puts(b, "&amp;"); break;
        case '<': pv_buf_puts(b, "&lt;"); break;
        case '>': pv_buf_puts(b, "&gt;"); break;
        case '"': pv_buf_puts(b, "&quot;"); break;
        case '\'': pv_buf_puts(b, "&#39;"); break;
        default:
            if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f)
                pv_buf_putc(b, ' ');
            else
                pv_buf_putc(b, (char)ch);
        }
    }
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

static int is_money(const char *id) { return id && strstr(id, "sek") != NULL; }
static int is_hours(const char *id) { return id && strstr(id, "hour") != NULL; }

void pv_html_amount(pv_buf *b, const char *res_id, double x, int sv)
{
    pv_html_num(b, x, fabs(x - round(x)) < 1e-9 ? 0 : 2, sv);
    if (is_money(res_id))
        pv_buf_puts(b, sv ? "\xC2\xA0kr" : "\xC2\xA0SEK");
    else if (is_hours(res_id))
        pv_buf_puts(b, sv ? "\xC2\xA0tim" : "\xC2\xA0h");
}

void pv_html_res_name(pv_buf *b, const char *res_id, int sv)
{
    if (is_money(res_id))
        pv_buf_puts(b, pv_tr(sv, "Budget", "Budget"));
    else if (is_hours(res_id))
        pv_buf_puts(b, pv_tr(sv, "Staff hours", "Arbetstid"));
    else {
        pv_html_esc(b, res_id);
        return;
    }
    pv_buf_puts(b, " <span class=\"id\">");
    pv_html_esc(b, res_id);
    pv_buf_puts(b, "</span>");
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

static const char CSS[] =
    ":root{--ink:#1d2530;--muted:#5b6675;--line:#d5dbe3;--soft:#f3f5f8;--accent:#1f4e79;"
    "--good:#2e7d4f;--bad:#a23b2c;--warn:#9a6b00}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{margin:0;background:#e9edf2;color:var(--ink);font:14px/1.45 \"DejaVu Sans\","
    "\"Liberation Sans\",Arial,Helvetica,sans-serif}\n"
    "main{max-width:1120px;margin:0 auto;background:#fff;padding:28px 40px 40px;"
    "box-shadow:0 0 0 1px var(--line)}\n"
    "h1{font-size:24px;margin:0 0 4px;color:var(--accent);font-weight:700}\n"
    "h2{font-size:18px;color:var(--accent);border-bottom:2px solid var(--accent);"
    "padding-bottom:3px;margin:30px 0 12px}\n"
    "h3{font-size:15px;margin:18px 0 8px}\n"
    "p{margin:6px 0}\n"
    "#report-header{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:8px}\n"
    ".kicker{text-transform:uppercase;letter-spacing:.08em;font-size:11px;color:var(--muted);"
    "font-weight:700}\n"
    ".meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0 0;"
    "font-size:13px}\n"
    ".meta dt{color:var(--muted)}\n.meta dd{margin:0}\n"
    ".hashes{margin-top:10px;font-size:11px}\n"
    ".hashes table{width:100%}\n.hashes td,.hashes th{padding:1px 6px 1px 0;border:0}\n"
    ".hashes code{font-size:10.5px;word-break:break-all}\n"
    ".summary{background:var(--soft);border-left:4px solid var(--accent);padding:10px 14px;"
    "margin:16px 0;font-size:15px}\n"
    "table{border-collapse:collapse;width:100%;font-size:12.5px}\n"
    "th{text-align:left;color:var(--muted);font-weight:700;border-bottom:1.5px solid #9aa6b5;"
    "padding:5px 6px;vertical-align:bottom}\n"
    "td{border-bottom:1px solid var(--line);padding:5px 6px;vertical-align:top}\n"
    "td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "tr{break-inside:avoid}\n"
    ".id{color:var(--muted);font-size:11px;white-space:nowrap}\n"
    ".small{font-size:11.5px;color:var(--muted)}\n"
    ".why{font-size:11.5px;color:#3a4552;margin-top:2px}\n"
    ".name{font-weight:600}\n"
    ".status{display:inline-block;padding:1px 7px;border-radius:9px;font-size:11px;"
    "font-weight:700;white-space:nowrap}\n"
    ".st-selected{background:#dff1e6;color:var(--good)}\n"
    ".st-not-selected{background:#eef1f5;color:var(--muted)}\n"
    ".st-excluded{background:#f8e3df;color:var(--bad)}\n"
    ".st-eligible{background:#e3edf7;color:var(--accent)}\n"
    "tr.selected td:first-child{box-shadow:inset 4px 0 0 var(--good)}\n"
    "tr.excluded{color:#6d7682}\n"
    "svg{display:block}\n"
    "svg.score-bar{width:100%;min-width:120px;height:14px}\n"
    "svg.resource-bar{width:100%;height:22px}\n"
    "svg.band{width:100%;min-width:160px;height:18px}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px;margin:6px 0 10px}\n"
    ".legend span.sw{display:inline-block;width:11px;height:11px;margin-right:5px;"
    "vertical-align:-1px;border-radius:2px}\n"
    ".resources{display:grid;grid-template-columns:minmax(150px,220px) 1fr max-content;"
    "gap:8px 14px;align-items:center;margin:8px 0 4px}\n"
    ".resources .fig{font-size:13px;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    ".flag{color:var(--warn);font-weight:700}\n"
    ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:10px}\n"
    ".card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;break-inside:avoid}\n"
    ".card h3{margin:0 0 4px;font-size:14px}\n"
    ".card ul{margin:0;padding-left:18px}\n"
    ".rule{border:1px solid var(--line);border-left:4px solid var(--bad);border-radius:4px;"
    "padding:8px 12px;margin:8px 0;break-inside:avoid}\n"
    ".rule.cond{border-left-color:var(--warn)}\n"
    ".source{font-size:11.5px;color:var(--muted);margin-top:4px}\n"
    ".tree td.crit{white-space:normal}\n"
    ".tree tr.top td{background:var(--soft);font-weight:600}\n"
    ".tree tr.top .source,.tree tr.top td.small{font-weight:400}\n"
    "table.robust-group th:first-child{width:44%}table.robust-group th:nth-child(2),"
    "table.robust-group th:nth-child(3){width:10%}\n"
    ".tree .lvl1{padding-left:22px}\n.tree .lvl2{padding-left:40px}\n"
    ".tree .lvl3{padding-left:58px}\n"
    ".chart{margin:8px 0}\n.chart svg{width:100%;height:auto}\n"
    ".diff-in{color:var(--good);font-weight:600}\n.diff-out{color:var(--bad);font-weight:600}\n"
    ".mark{color:var(--good);font-weight:700;text-align:center}\n"
    "footer{margin-top:34px;padding-top:8px;border-top:1px solid var(--line);font-size:11px;"
    "color:var(--muted)}\n"
    "#ranking-table th:nth-child(2){width:30%}\n#ranking-table th:nth-child(4){width:15%}\n"
    "#ranking-table td.partners{min-width:110px}\n"
    "@page{size:A4;margin:14mm 12mm 16mm}\n"
    "@media print{body{background:#fff;font-size:11px}main{max-width:none;padding:0;"
    "box-shadow:none}section.page{break-before:page}h2,h3{break-after:avoid}"
    "h2{margin-top:16px}.summary{font-size:12.5px;margin:10px 0}table{font-size:9.5px}"
    "td,th{padding:3px 4px}.why,.small,.source{font-size:9px}.hashes{font-size:9px}"
    ".hashes code{font-size:8.5px}.cards{grid-template-columns:repeat(4,1fr);gap:6px}"
    ".card{padding:5px 8px}.resources{grid-template-columns:170px 1fr max-content}}\n";

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
    pv_buf_printf(b, "<div class=\"hashes\"><table id=\"input-hashes\">\n<tr><th>%s</th>"
                     "<th>SHA-256</th></tr>\n",
                  pv_tr(sv, "Input file", "Indatafil"));
    for (size_t i = 0; i < c->ninputs; i++) {
        char hex[65];
        if (pv_sha256_file(c->inputs[i], hex, err))
            return -1;
        pv_buf_puts(b, "<tr class=\"input-file\"><td>");
        pv_html_esc(b, c->inputs[i]);
        pv_buf_printf(b, "</td><td><code>%s</code></td></tr>\n", hex);
    }
    pv_buf_printf(b, "</table>\n<p class=\"small\">%s</p></div>\n</header>\n",
                  pv_tr(sv,
                        "Anyone can check that a file is the one this report rests on: "
                        "sha256sum FILE gives the same digest.",
                        "Vem som helst kan kontrollera att en fil är den som rapporten bygger "
                        "på: sha256sum FIL ger samma kontrollsumma."));
    return 0;
}

void pv_html_end(pv_buf *b, int sv)
{
    pv_buf_printf(b, "<footer>%s partnerval %s. %s</footer>\n</main>\n</body>\n</html>\n",
                  pv_tr(sv, "Made with", "Framtagen med"), PV_VERSION,
                  pv_tr(sv,
                        "The result follows from the model, the data and the limits above; "
                        "the same inputs give the same report.",
                        "Resultatet följer av modellen, underlaget och ramarna ovan; samma "
                        "indata ger samma rapport."));
}

void pv_html_section(pv_buf *b, const char *id, int page, const char *h_en, const char *h_sv,
                     int sv)
{
    pv_buf_printf(b, "<section id=\"%s\"%s>\n<h2>%s</h2>\n", id, page ? " class=\"page\"" : "",
                  pv_tr(sv, h_en, h_sv));
}

void pv_html_section_end(pv_buf *b) { pv_buf_puts(b, "</section>\n"); }

/* ------------------------------------------------------------------ bars */

void pv_html_legend(pv_buf *b, const pv_model *m, int sv)
{
    pv_buf_puts(b, "<div class=\"legend\">");
    for (size_t i = 0; i < m->ntop; i++) {
        pv_buf_printf(b, "<span><span class=\"sw\" style=\"background:%s\"></span>",
                      pv_html_colour(i));
        pv_html_esc(b, pv_crit_label(m->top[i], sv));
        pv_buf_puts(b, "</span>");
    }
    pv_buf_puts(b, "</div>\n");
}

void pv_html_score_bar(pv_buf *b, const pv_case *c, const pv_proj_result *p, double scale,
                       int sv)
{
    const pv_model *m = c->model;
    pv_buf_puts(b, "<svg class=\"score-bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" "
                   "role=\"img\"><rect x=\"0\" y=\"0\" width=\"100\" height=\"10\" "
                   "fill=\"#eef1f5\"/>");
    double x = 0;
    for (size_t t = 0; t < m->ntop; t++) {
        double pts = 0;
        for (size_t k = 0; k < m->nleaves; k++)
            if (pv_html_top_of(m, m->leaves[k]) == t && isfinite(p->contrib[k]))
                pts += p->contrib[k];
        if (pts <= 0)
            continue;
        double w = 100 * pts / scale;
        pv_buf_puts(b, "<rect x=\"");
        pv_buf_num(b, x, 3);
        pv_buf_puts(b, "\" y=\"0\" width=\"");
        pv_buf_num(b, w, 3);
        pv_buf_printf(b, "\" height=\"10\" fill=\"%s\"><title>", pv_html_colour(t));
        pv_html_esc(b, pv_crit_label(m->top[t], sv));
        pv_buf_puts(b, ": ");
        pv_html_num(b, pts, 2, sv);
        pv_buf_puts(b, "</title></rect>");
        x += w;
    }
    pv_buf_puts(b, "</svg>");
}

void pv_html_resource_bar(pv_buf *b, const char *res_id, double used, double limit, int sv)
{
    double scale = limit > used ? limit : used;
    if (!(scale > 0))
        scale = 1;
    double wu = 100 * used / scale, wl = 100 * limit / scale;
    const char *col = used > limit * (1 + 1e-9) ? "#a23b2c" : used >= 0.98 * limit ? "#d99a1e"
                                                                                   : "#1f5f8b";
    pv_buf_puts(b, "<svg class=\"resource-bar\" data-resource=\"");
    pv_html_esc(b, res_id);
    pv_buf_puts(b, "\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\">"
                   "<rect x=\"0\" y=\"1\" width=\"");
    pv_buf_num(b, wl, 3);
    pv_buf_puts(b, "\" height=\"8\" fill=\"#eef1f5\" stroke=\"#b8c2ce\" stroke-width=\"0.3\" "
                   "vector-effect=\"non-scaling-stroke\"/><rect x=\"0\" y=\"1\" width=\"");
    pv_buf_num(b, wu, 3);
    pv_buf_printf(b, "\" height=\"8\" fill=\"%s\"><title>", col);
    pv_html_amount(b, res_id, used, sv);
    pv_buf_puts(b, " / ");
    pv_html_amount(b, res_id, limit, sv);
    pv_buf_puts(b, "</title></rect><line x1=\"");
    pv_buf_num(b, wl, 3);
    pv_buf_puts(b, "\" x2=\"");
    pv_buf_num(b, wl, 3);
    pv_buf_puts(b, "\" y1=\"0\" y2=\"10\" stroke=\"#1d2530\" stroke-width=\"2\" "
                   "vector-effect=\"non-scaling-stroke\"/></svg>");
}

void pv_html_resource_row(pv_buf *b, const char *res_id, double used, double limit, int sv)
{
    pv_buf_puts(b, "<div class=\"res-name\">");
    pv_html_res_name(b, res_id, sv);
    pv_buf_puts(b, "</div><div>");
    pv_html_resource_bar(b, res_id, used, limit, sv);
    pv_buf_puts(b, "</div><div class=\"fig\">");
    pv_html_amount(b, res_id, used, sv);
    pv_buf_printf(b, " %s ", pv_tr(sv, "of", "av"));
    pv_html_amount(b, res_id, limit, sv);
    pv_buf_puts(b, " (");
    pv_html_pct(b, limit > 0 ? used / limit : 0, 1, sv);
    pv_buf_puts(b, ")</div>\n");
}

void pv_html_ids(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n)
{
    int first = 1;
    for (size_t j = 0; x && j < n; j++)
        if (x[j]) {
            pv_buf_puts(b, first ? "" : ", ");
            pv_html_esc(b, pv_project_id(c, j));
            first = 0;
        }
    if (first)
        pv_buf_puts(b, "–");
}

/* ------------------------------------------------------------ rank table */

/* A list cell ("a|b") as "a, b". */
static void list_cell(pv_buf *b, const char *s)
{
    size_t n = 0;
    char **it = pv_split_list(s ? s : "", &n);
    if (!it) {
        pv_html_esc(b, s);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        pv_buf_puts(b, i ? ", " : "");
        pv_html_esc(b, it[i]);
    }
    if (!n)
        pv_buf_puts(b, "–");
    pv_free_list(it, n);
}

/* A code column (department, priority areas): each code by its label. */
static void proj_col(pv_buf *b, const pv_case *c, size_t j, const char *col, int sv)
{
    int k = pv_table_col(c->projects, col);
    if (k < 0)
        return;
    pv_buf_puts(b, "<td class=\"small\">");
    size_t n = 0;
    const char *cell = pv_cell(c->projects, j, (size_t)k);
    char **it = pv_split_list(cell, &n);
    if (!it)
        list_cell(b, cell);
    for (size_t i = 0; it && i < n; i++) {
        pv_buf_puts(b, i ? ", " : "");
        pv_html_esc(b, pv_case_value_label(c, col, it[i], sv));
    }
    if (it && !n)
        pv_buf_puts(b, "–");
    pv_free_list(it, n);
    pv_buf_puts(b, "</td>");
}

static void partners_cell(pv_buf *b, const pv_case *c, size_t j, int sv)
{
    pv_buf_puts(b, "<td class=\"small partners\">");
    size_t np = c->proj_npartners ? c->proj_npartners[j] : 0;
    for (size_t k = 0; k < np; k++) {
        size_t p = c->proj_partners[j][k];
        pv_buf_puts(b, k ? "; " : "");
        pv_html_esc(b, pv_partner_name(c, p));
        long crow = c->partner_country ? c->partner_country[p] : -1;
        if (crow >= 0) {
            pv_buf_puts(b, " (");
            pv_html_country(b, c, crow, sv);
            pv_buf_puts(b, ")");
        }
    }
    if (!np)
        pv_buf_puts(b, "–");
    pv_buf_puts(b, "</td>");
}

void pv_html_rank_table(pv_buf *b, const pv_case *c, const pv_ranking *r,
                        const pv_selection *s, char *const *why, int sv)
{
    const pv_model *m = c->model;
    int has_dep = pv_table_col(c->projects, "department") >= 0;
    int has_prio = pv_table_col(c->projects, "priority_area") >= 0;
    double scale = 100;
    for (size_t j = 0; j < r->n; j++)
        if (r->p[j].score > scale)
            scale = r->p[j].score;
    pv_html_legend(b, m, sv);
    pv_buf_printf(b, "<table id=\"ranking-table\">\n<thead><tr><th class=\"num\">%s</th>"
                     "<th>%s</th><th class=\"num\">%s</th><th style=\"width:20%%\">%s</th>"
                     "<th>%s</th>",
                  pv_tr(sv, "Rank", "Rang"), pv_tr(sv, "Proposal", "Förslag"),
                  pv_tr(sv, "Score", "Poäng"),
                  pv_tr(sv, "Score by criterion (of 100)", "Poäng per kriterium (av 100)"),
                  pv_tr(sv, "Partners (country)", "Partner (land)"));
    if (has_dep)
        pv_buf_printf(b, "<th>%s</th>", pv_tr(sv, "Department", "Förvaltning"));
    if (has_prio)
        pv_buf_printf(b, "<th>%s</th>", pv_tr(sv, "Priority areas", "Prioriterade områden"));
    pv_buf_printf(b, "<th>%s</th></tr></thead>\n<tbody>\n", pv_tr(sv, "Status", "Status"));
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        const pv_proj_result *p = &r->p[j];
        const char *cls, *word;
        if (!p->eligible) {
            cls = "excluded";
            word = pv_tr(sv, "excluded", "utesluten");
        } else if (!s) {
            cls = "eligible";
            word = pv_tr(sv, "eligible", "valbar");
        } else if (s->x && s->x[j] && s->status != PV_STATUS_INFEASIBLE) {
            cls = "selected";
            word = pv_tr(sv, "selected", "vald");
        } else {
            cls = "not-selected";
            word = pv_tr(sv, "not selected", "inte vald");
        }
        pv_buf_printf(b, "<tr class=\"project-row %s\" data-id=\"", cls);
        pv_html_esc(b, pv_project_id(c, j));
        pv_buf_printf(b, "\"><td class=\"num\">%zu</td><td><span class=\"name\">", r->rank[j]);
        pv_html_esc(b, pv_project_name(c, j));
        pv_buf_puts(b, "</span> <span class=\"id\">");
        pv_html_esc(b, pv_project_id(c, j));
        pv_buf_puts(b, "</span>");
        if (why && why[i] && why[i][0]) {
            pv_buf_puts(b, "<div class=\"why\">");
            pv_html_esc(b, why[i]);
            pv_buf_puts(b, "</div>");
        } else if (!p->eligible) {
            for (size_t k = 0; k < p->nexcluded; k++) {
                pv_buf_printf(b, "<div class=\"why\">%s ", pv_tr(sv, "Excluded by", "Utesluten av"));
                pv_html_esc(b, m->rules[p->excluded_by[k]].id);
                pv_buf_puts(b, ": ");
                pv_html_esc(b, m->rules[p->excluded_by[k]].because);
                pv_buf_puts(b, "</div>");
            }
        }
        for (size_t k = 0; k < p->nflags; k++) {
            const char *bc = m->rules[p->flags[k]].because, *w = pv_tr(sv, "Condition", "Villkor");
            pv_buf_puts(b, "<div class=\"why\"><span class=\"flag\">");
            if (strncmp(bc, w, strlen(w)) != 0)
                pv_buf_printf(b, "%s:</span> ", w);
            else {
                pv_buf_puts(b, w);
                pv_buf_puts(b, "</span>");
                bc += strlen(w);
            }
            pv_html_esc(b, bc);
            pv_buf_puts(b, "</div>");
        }
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_num(b, p->score, 2, sv);
        pv_buf_puts(b, "</td><td>");
        pv_html_score_bar(b, c, p, scale, sv);
        pv_buf_puts(b, "</td>");
        partners_cell(b, c, j, sv);
        if (has_dep)
            proj_col(b, c, j, "department", sv);
        if (has_prio)
            proj_col(b, c, j, "priority_area", sv);
        pv_buf_printf(b, "<td><span class=\"status st-%s\">%s</span></td></tr>\n", cls, word);
    }
    pv_buf_puts(b, "</tbody>\n</table>\n");
}

/* ------------------------------------------------------ policy sections */

void pv_html_policy_sections(pv_buf *b, const pv_case *c, const pv_ranking *r, int sv)
{
    const pv_model *m = c->model;
    pv_html_section(b, "excluded", 1, "Excluded by the policy", "Uteslutna enligt policyn", sv);
    size_t shown = 0;
    for (size_t q = 0; q < m->nrules; q++) {
        const pv_rule *ru = &m->rules[q];
        if (ru->action != PV_ACT_EXCLUDE)
            continue;
        size_t hits = 0;
        for (size_t j = 0; j < r->n; j++)
            for (size_t k = 0; k < r->p[j].nexcluded; k++)
                hits += r->p[j].excluded_by[k] == q;
        if (!hits)
            continue;
        shown++;
        pv_buf_puts(b, "<div class=\"rule excluded-rule\"><h3>");
        pv_html_esc(b, ru->id);
        pv_buf_printf(b, "</h3><p><strong>%s</strong> ", pv_tr(sv, "Because:", "Skäl:"));
        pv_html_esc(b, ru->because);
        pv_buf_puts(b, "</p>");
        if (ru->source && ru->source[0]) {
            pv_buf_printf(b, "<p class=\"source\"><strong>%s</strong> ",
                          pv_tr(sv, "Policy:", "Policy:"));
            pv_html_esc(b, ru->source);
            pv_buf_puts(b, "</p>");
        }
        pv_buf_printf(b, "<p><strong>%s</strong> ",
                      pv_tr(sv, "Proposals excluded:", "Uteslutna förslag:"));
        int first = 1;
        for (size_t i = 0; i < r->n; i++) {
            size_t j = r->order[i];
            for (size_t k = 0; k < r->p[j].nexcluded; k++)
                if (r->p[j].excluded_by[k] == q) {
                    pv_buf_puts(b, first ? "" : "; ");
                    pv_html_esc(b, pv_project_name(c, j));
                    pv_buf_puts(b, " <span class=\"id\">");
                    pv_html_esc(b, pv_project_id(c, j));
                    pv_buf_puts(b, "</span>");
                    first = 0;
                }
        }
        pv_buf_puts(b, "</p></div>\n");
    }
    if (!shown)
        pv_buf_printf(b, "<p>%s</p>\n",
                      pv_tr(sv, "No proposal was excluded by the policy's rules.",
                            "Inget förslag uteslöts av policyns regler."));
    pv_html_section_end(b);

    pv_html_section(b, "conditions", 0, "Conditions per proposal", "Villkor per förslag", sv);
    size_t nf = 0;
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        const pv_proj_result *p = &r->p[j];
        if (!p->nflags || !p->eligible)
            continue;
        nf++;
        pv_buf_puts(b, "<div class=\"rule cond\"><h3>");
        pv_html_esc(b, pv_project_name(c, j));
        pv_buf_puts(b, " <span class=\"id\">");
        pv_html_esc(b, pv_project_id(c, j));
        pv_buf_puts(b, "</span></h3><ul>");
        for (size_t k = 0; k < p->nflags; k++) {
            const pv_rule *ru = &m->rules[p->flags[k]];
            pv_buf_puts(b, "<li><code class=\"flag\">");
            pv_html_esc(b, ru->id);
            pv_buf_puts(b, "</code> ");
            pv_html_esc(b, ru->because);
            if (ru->source && ru->source[0]) {
                pv_buf_puts(b, "<div class=\"source\">");
                pv_html_esc(b, ru->source);
                pv_buf_puts(b, "</div>");
            }
            pv_buf_puts(b, "</li>");
        }
        pv_buf_puts(b, "</ul></div>\n");
    }
    if (!nf)
        pv_buf_printf(b, "<p>%s</p>\n", pv_tr(sv, "No eligible proposal carries a condition.",
                                             "Inget valbart förslag har något villkor."));
    pv_html_section_end(b);
}

/* ------------------------------------------------------------ model */

static void field_unit(pv_buf *b, const pv_field *f, int sv)
{
    const char *n = f->name ? f->name : "";
    if (strstr(n, "_km") || !strcmp(n, "distance_km"))
        pv_buf_puts(b, "\xC2\xA0km");
    else if (strstr(n, "sek"))
        pv_buf_puts(b, sv ? "\xC2\xA0kr" : "\xC2\xA0SEK");
}

static void vf_words(pv_buf *b, const pv_criterion *cr, int sv)
{
    const pv_valuefn *vf = &cr->vf;
    pv_buf_puts(b, "<code>");
    pv_html_esc(b, cr->field.text);
    pv_buf_puts(b, "</code>");
    if (cr->field.scope != PV_SCOPE_PROJECT) {
        const char *a = cr->agg == PV_AGG_MIN ? pv_tr(sv, "lowest", "lägsta")
                        : cr->agg == PV_AGG_MAX ? pv_tr(sv, "highest", "högsta")
                                                : pv_tr(sv, "mean", "medelvärdet");
        pv_buf_printf(b, " (%s %s)", a, pv_tr(sv, "among the partners", "bland partnerna"));
    }
    pv_buf_puts(b, ": ");
    switch (vf->type) {
    case PV_VF_LINEAR:
        pv_buf_printf(b, "%s ", pv_tr(sv, "0 points at", "0 poäng vid"));
        pv_html_numt(b, vf->worst, sv);
        field_unit(b, &cr->field, sv);
        pv_buf_printf(b, ", %s ", pv_tr(sv, "full points at", "full poäng vid"));
        pv_html_numt(b, vf->best, sv);
        field_unit(b, &cr->field, sv);
        pv_buf_printf(b, ", %s", pv_tr(sv, "linear in between", "linjärt däremellan"));
        break;
    case PV_VF_PIECEWISE:
        pv_buf_printf(b, "%s ", pv_tr(sv, "piecewise linear through", "styckvis linjärt genom"));
        for (size_t i = 0; i < vf->npts; i++) {
            pv_buf_puts(b, i ? "; " : "");
            pv_html_numt(b, vf->px[i], sv);
            field_unit(b, &cr->field, sv);
            pv_buf_puts(b, " → ");
            pv_html_pct(b, vf->py[i], 0, sv);
        }
        break;
    case PV_VF_CATEGORICAL:
        pv_buf_printf(b, "%s ", pv_tr(sv, "by category:", "efter kategori:"));
        for (size_t i = 0; i < vf->ncat; i++) {
            pv_buf_puts(b, i ? "; " : "");
            pv_buf_puts(b, "”");
            pv_html_esc(b, vf->cat_key[i]);
            pv_buf_puts(b, "” → ");
            pv_html_pct(b, vf->cat_val[i], 0, sv);
        }
        break;
    }
    pv_buf_printf(b, " %s", pv_tr(sv, "of full points", "av full poäng"));
    if (cr->has_missing) {
        pv_buf_printf(b, "; %s ", pv_tr(sv, "when missing", "när värde saknas"));
        pv_html_pct(b, cr->missing, 0, sv);
    }
    pv_buf_putc(b, '.');
}

static const char *method_words(pv_wmethod mth, int sv)
{
    switch (mth) {
    case PV_W_RANK: return pv_tr(sv, "rank order", "rangordning");
    case PV_W_SWING: return pv_tr(sv, "swing weighting", "swingviktning");
    case PV_W_AHP: return pv_tr(sv, "AHP pairwise comparison", "AHP parvisa jämförelser");
    default: return pv_tr(sv, "direct weights", "direkta vikter");
    }
}

static void ahp_line(pv_buf *b, const char *who, double lambda, double ci, double cr, int sv)
{
    pv_buf_puts(b, "<li>");
    pv_buf_puts(b, who);
    pv_buf_puts(b, ": λ<sub>max</sub> ");
    pv_html_num(b, lambda, 3, sv);
    pv_buf_puts(b, ", CI ");
    pv_html_num(b, ci, 3, sv);
    pv_buf_puts(b, ", CR ");
    pv_html_num(b, cr, 3, sv);
    if (cr > 0.10)
        pv_buf_printf(b, " — <span class=\"flag\">%s</span>",
                      pv_tr(sv, "inconsistent (CR above 0.10)", "inkonsekvent (CR över 0,10)"));
    else
        pv_buf_printf(b, " — %s", pv_tr(sv, "acceptably consistent (CR at most 0.10)",
                                        "godtagbart konsekvent (CR högst 0,10)"));
    pv_buf_puts(b, "</li>\n");
}

void pv_html_model_section(pv_buf *b, const pv_case *c, int sv)
{
    const pv_model *m = c->model;
    pv_html_section(b, "model", 1, "The model", "Modellen", sv);
    pv_buf_printf(b, "<p>%s ",
                  pv_tr(sv,
                        "Each proposal gets 0–100 points: every criterion's value (0–100 % of "
                        "full points) times its global weight. A local weight is the share among "
                        "its siblings; the global weight is the product along the path.",
                        "Varje förslag får 0–100 poäng: varje kriteriums värde (0–100 % av full "
                        "poäng) gånger dess globala vikt. Den lokala vikten är andelen bland "
                        "syskonen; den globala vikten är produkten längs vägen."));
    pv_buf_printf(b, "%s: %s.</p>\n", pv_tr(sv, "Top-level weighting", "Viktning på översta nivån"),
                  method_words(m->top_method, sv));
    pv_buf_printf(b, "<table class=\"tree\" id=\"criteria-tree\">\n<thead><tr><th>%s</th>"
                     "<th class=\"num\">%s</th><th class=\"num\">%s</th><th>%s</th></tr>"
                     "</thead>\n<tbody>\n",
                  pv_tr(sv, "Criterion", "Kriterium"), pv_tr(sv, "Local", "Lokal"),
                  pv_tr(sv, "Global", "Global"),
                  pv_tr(sv, "How the value is set", "Hur värdet sätts"));
    for (size_t i = 0; i < m->nall; i++) {
        const pv_criterion *cr = m->all[i];
        int depth = 0;
        for (const pv_criterion *p = cr->parent; p; p = p->parent)
            depth++;
        pv_buf_printf(b, "<tr class=\"criterion%s\"><td class=\"crit lvl%d\">",
                      depth ? "" : " top", depth > 3 ? 3 : depth);
        if (!depth)
            pv_buf_printf(b, "<span class=\"sw\" style=\"display:inline-block;width:10px;"
                             "height:10px;margin-right:6px;background:%s\"></span>",
                          pv_html_colour(pv_html_top_of(m, cr)));
        pv_html_esc(b, pv_crit_label(cr, sv));
        pv_buf_puts(b, " <span class=\"id\">");
        pv_html_esc(b, cr->id);
        pv_buf_puts(b, "</span>");
        if (cr->source && cr->source[0]) {
            pv_buf_puts(b, "<div class=\"source\">");
            pv_html_esc(b, cr->source);
            pv_buf_puts(b, "</div>");
        }
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_pct(b, cr->local, 1, sv);
        pv_buf_puts(b, "</td><td class=\"num\">");
        pv_html_pct(b, cr->global, 1, sv);
        pv_buf_puts(b, "</td><td class=\"small\">");
        if (cr->is_leaf)
            vf_words(b, cr, sv);
        else
            pv_buf_printf(b, "%s: %s", pv_tr(sv, "Sub-criteria weighted by", "Delkriterier viktade med"),
                          method_words(cr->child_method, sv));
        pv_buf_puts(b, "</td></tr>\n");
    }
    pv_buf_puts(b, "</tbody>\n</table>\n");
    int any_ahp = m->top_method == PV_W_AHP;
    for (size_t i = 0; i < m->nall; i++)
        any_ahp |= m->all[i]->nchildren && m->all[i]->child_method == PV_W_AHP;
    pv_buf_printf(b, "<h3>%s</h3>\n", pv_tr(sv, "AHP consistency", "AHP-konsistens"));
    if (!any_ahp)
        pv_buf_printf(b, "<p id=\"ahp\">%s</p>\n",
                      pv_tr(sv, "The model uses no pairwise comparisons (AHP).",
                            "Modellen använder inga parvisa jämförelser (AHP)."));
    else {
        pv_buf_puts(b, "<ul id=\"ahp\">\n");
        if (m->top_method == PV_W_AHP)
            ahp_line(b, pv_tr(sv, "Top level", "Översta nivån"), m->top_lambda_max, m->top_ci,
                     m->top_cr, sv);
        for (size_t i = 0; i < m->nall; i++) {
            const pv_criterion *cr = m->all[i];
            if (!cr->nchildren || cr->child_method != PV_W_AHP)
                continue;
            pv_buf tmp;
            pv_buf_init(&tmp);
            pv_html_esc(&tmp, pv_crit_label(cr, sv));
            ahp_line(b, tmp.data ? tmp.data : "", cr->lambda_max, cr->ci, cr->cr, sv);
            pv_buf_free(&tmp);
        }
        pv_buf_puts(b, "</ul>\n");
    }
    pv_buf_printf(b, "<h3>%s</h3>\n", pv_tr(sv, "The policy's rules", "Policyns regler"));
    if (!m->nrules)
        pv_buf_printf(b, "<p>%s</p>\n", pv_tr(sv, "The model has no rules.", "Modellen har inga regler."));
    else {
        pv_buf_printf(b, "<table id=\"rules\">\n<thead><tr><th>%s</th><th>%s</th><th>%s</th>"
                         "</tr></thead>\n<tbody>\n",
                      pv_tr(sv, "Rule", "Regel"), pv_tr(sv, "Effect", "Verkan"),
                      pv_tr(sv, "Because, and the policy it rests on",
                            "Skäl, och policyn den vilar på"));
        for (size_t q = 0; q < m->nrules; q++) {
            const pv_rule *ru = &m->rules[q];
            pv_buf_puts(b, "<tr class=\"rule-row\"><td><code>");
            pv_html_esc(b, ru->id);
            pv_buf_printf(b, "</code></td><td>%s</td><td>",
                          ru->action == PV_ACT_EXCLUDE ? pv_tr(sv, "excludes", "utesluter")
                                                       : pv_tr(sv, "sets a condition", "ger villkor"));
            pv_html_esc(b, ru->because);
            if (ru->source && ru->source[0]) {
                pv_buf_puts(b, "<div class=\"source\">");
                pv_html_esc(b, ru->source);
                pv_buf_puts(b, "</div>");
            }
            pv_buf_puts(b, "</td></tr>\n");
        }
        pv_buf_puts(b, "</tbody>\n</table>\n");
    }
    pv_html_section_end(b);
}

/* ------------------------------------------------------------ rank, weights */

char *pv_html_rank(const pv_case *c, const pv_ranking *r, int sv, size_t *len, pv_error *err)
{
    pv_buf b;
    pv_buf_init(&b);
    if (pv_html_begin(&b, c, sv, "Ranking of proposals", "Rangordning av förslag", "rank", err)) {
        pv_buf_free(&b);
        return NULL;
    }
    size_t nexcl = 0, best = (size_t)-1;
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        nexcl += !r->p[j].eligible;
        if (best == (size_t)-1 && r->p[j].eligible)
            best = j;
    }
    pv_buf_puts(&b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_printf(&b, sv ? "%zu förslag prövades mot policyn och poängsattes. "
                         : "%zu proposals were screened against the policy and scored. ",
                  r->n);
    if (nexcl)
        pv_buf_printf(&b, sv ? "%zu av dem uteslöts enligt policyns regler, så %zu är valbara. "
                             : "%zu of them were excluded by the policy's rules, so %zu are "
                               "eligible. ",
                      nexcl, r->n - nexcl);
    else
        pv_buf_puts(&b, pv_tr(sv, "None was excluded by the policy. ",
                              "Inget uteslöts enligt policyn. "));
    if (best != (size_t)-1) {
        pv_buf_puts(&b, pv_tr(sv, "The highest score went to ", "Högst poäng fick "));
        pv_html_esc(&b, pv_project_name(c, best));
        pv_buf_puts(&b, " (");
        pv_html_esc(&b, pv_project_id(c, best));
        pv_buf_puts(&b, pv_tr(sv, ") with ", ") med "));
        pv_html_num(&b, r->p[best].score, 2, sv);
        pv_buf_puts(&b, pv_tr(sv, " of 100 points.", " av 100 poäng."));
    }
    pv_buf_puts(&b, "</p>\n");
    pv_html_section(&b, "ranking", 0, "Ranking", "Rangordning", sv);
    pv_html_rank_table(&b, c, r, NULL, NULL, sv);
    pv_html_section_end(&b);
    pv_html_policy_sections(&b, c, r, sv);
    pv_html_model_section(&b, c, sv);
    pv_html_end(&b, sv);
    return pv_buf_finish(&b, len, err);
}

char *pv_html_weights(const pv_case *c, int sv, size_t *len, pv_error *err)
{
    pv_buf b;
    pv_buf_init(&b);
    if (pv_html_begin(&b, c, sv, "Weights of the model", "Modellens vikter", "weights", err)) {
        pv_buf_free(&b);
        return NULL;
    }
    const pv_model *m = c->model;
    pv_buf_puts(&b, "<p class=\"summary\" id=\"summary\">");
    pv_buf_printf(&b, sv ? "Modellen har %zu huvudkriterier och %zu kriterier som poängsätts. "
                         : "The model has %zu main criteria and %zu scored criteria. ",
                  m->ntop, m->nleaves);
    size_t big = 0;
    for (size_t i = 1; i < m->ntop; i++)
        if (m->top[i]->global > m->top[big]->global)
            big = i;
    if (m->ntop) {
        pv_buf_puts(&b, pv_tr(sv, "The heaviest is ", "Tyngst väger "));
        pv_html_esc(&b, pv_crit_label(m->top[big], sv));
        pv_buf_puts(&b, pv_tr(sv, " with ", " med "));
        pv_html_pct(&b, m->top[big]->global, 1, sv);
        pv_buf_puts(&b, pv_tr(sv, " of the total weight.", " av den totala vikten."));
    }
    pv_buf_puts(&b, "</p>\n");
    /* One bar per top-level criterion, on a common scale. */
    pv_html_section(&b, "weights", 0, "Main criteria", "Huvudkriterier", sv);
    double mx = 0;
    for (size_t i = 0; i < m->ntop; i++)
        mx = m->top[i]->global > mx ? m->top[i]->global : mx;
    pv_buf_puts(&b, "<div class=\"resources chart-weights\">\n");
    for (size_t i = 0; i < m->ntop; i++) {
        pv_buf_puts(&b, "<div>");
        pv_html_esc(&b, pv_crit_label(m->top[i], sv));
        pv_buf_puts(&b, "</div><div><svg class=\"resource-bar weight-bar\" viewBox=\"0 0 100 10\" "
                        "preserveAspectRatio=\"none\" role=\"img\"><rect x=\"0\" y=\"1\" width=\"");
        pv_buf_num(&b, mx > 0 ? 100 * m->top[i]->global / mx : 0, 3);
        pv_buf_printf(&b, "\" height=\"8\" fill=\"%s\"/></svg></div><div class=\"fig\">",
                      pv_html_colour(i));
        pv_html_pct(&b, m->top[i]->global, 1, sv);
        pv_buf_puts(&b, "</div>\n");
    }
    pv_buf_puts(&b, "</div>\n");
    pv_html_section_end(&b);
    pv_html_model_section(&b, c, sv);
    pv_html_end(&b, sv);
    return pv_buf_finish(&b, len, err);
}
