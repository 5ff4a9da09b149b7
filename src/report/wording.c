/* wording.c — status words and reasons, once for every format (see wording.h). */
#include "wording.h"
#include "report.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

const char *pv_status_key(pv_status st)
{
    switch (st) {
    case PV_STATUS_OPTIMAL: return "optimal";
    case PV_STATUS_FEASIBLE: return "feasible";
    case PV_STATUS_INFEASIBLE: return "infeasible";
    default: return "error";
    }
}

/* "genomförbar" pairs with "ogenomförbar", the usual Swedish for a plan that
 * cannot be carried out; "möjlig"/"omöjlig" and "tillåten" had crept in. */
const char *pv_status_word(pv_status st, int sv)
{
    switch (st) {
    case PV_STATUS_OPTIMAL: return pv_tr(sv, "optimal", "optimal");
    case PV_STATUS_FEASIBLE:
        return pv_tr(sv, "feasible (not proven optimal)", "genomförbar (ej bevisat optimal)");
    case PV_STATUS_INFEASIBLE: return pv_infeasible_word(sv);
    default: return pv_tr(sv, "error", "fel");
    }
}

int pv_status_has_portfolio(pv_status st)
{
    return st == PV_STATUS_OPTIMAL || st == PV_STATUS_FEASIBLE;
}

const char *pv_eligible_word(int eligible, int sv)
{
    return pv_standing_word(eligible ? PV_STAND_ELIGIBLE : PV_STAND_EXCLUDED, sv);
}

const char *pv_standing_word(pv_standing st, int sv)
{
    static const char *const W[][2] = {{"excluded", "utesluten"},
                                       {"eligible", "valbar"},
                                       {"selected", "vald"},
                                       {"not selected", "inte vald"}};
    return W[st][sv != 0];
}

const char *pv_standing_key(pv_standing st)
{
    static const char *const K[] = {"excluded", "eligible", "selected", "not_selected"};
    return K[st];
}

const char *pv_excluded_by_word(int sv) { return pv_tr(sv, "excluded by", "utesluten av"); }

/* [{"id": "min_score" | criterion id, "value": …, "min": …}] for the
 * thresholds project p falls below. */
void pv_json_below(pv_buf *b, const pv_case *c, const pv_proj_result *p)
{
    pv_buf_puts(b, ", \"below_threshold\": [");
    if (p->below_min_score) {
        pv_buf_puts(b, "{\"id\": \"min_score\", \"value\": ");
        pv_buf_num(b, p->score, 6);
        pv_json_keyed_num(b, ", \"min\": ", c->min_score);
        pv_buf_putc(b, '}');
    }
    for (size_t i = 0; i < p->nbelow; i++) {
        const pv_criterion *cr = c->model->all[p->below[i]];
        pv_buf_puts(b, i || p->below_min_score ? ", {\"id\": " : "{\"id\": ");
        pv_buf_json_str(b, cr->id);
        pv_json_keyed_num(b, ", \"value\": ", pv_criterion_value(c, cr, NULL, p->value));
        pv_json_keyed_num(b, ", \"min\": ", cr->min);
        pv_buf_putc(b, '}');
    }
    pv_buf_putc(b, ']');
}

/* Does a selected project use partner p? */
static int used(const pv_case *c, const pv_selection *s, size_t p)
{
    for (size_t j = 0; j < s->nproj; j++)
        for (size_t k = 0; s->x[j] && k < c->proj_npartners[j]; k++)
            if (c->proj_partners[j][k] == p)
                return 1;
    return 0;
}

pv_review_action pv_review_of(const pv_case *c, const pv_selection *s, size_t p)
{
    if (!c->partner_agreement || !c->partner_agreement[p] || !pv_status_has_portfolio(s->status))
        return PV_REV_NONE;
    int u = used(c, s, p);
    if (c->partner_active[p])
        return u ? PV_REV_KEEP : PV_REV_REVIEW;
    return u ? PV_REV_REVIVE : PV_REV_END;
}

pv_review_action pv_review_listed(const pv_case *c, const pv_selection *s, size_t p)
{
    return s->listed[p] ? pv_review_of(c, s, p) : PV_REV_NONE;
}

const char *pv_review_key(pv_review_action a)
{
    static const char *K[] = {"", "keep", "review", "revive", "end_candidate"};
    return K[a];
}

const char *pv_review_word(pv_review_action a, int sv)
{
    switch (a) {
    case PV_REV_KEEP: return pv_tr(sv, "keep", "behålls");
    case PV_REV_REVIEW: return pv_tr(sv, "review", "ses över");
    case PV_REV_REVIVE: return pv_tr(sv, "revive", "återupptas");
    case PV_REV_END: return pv_tr(sv, "candidate for ending", "kandidat för avslut");
    default: return "";
    }
}

/* "KR03, KR06": the selected projects that use partner p. */
static void users(pv_buf *b, const pv_case *c, const pv_selection *s, size_t p)
{
    int first = 1;
    for (size_t j = 0; j < s->nproj; j++)
        for (size_t k = 0; s->x[j] && k < c->proj_npartners[j]; k++)
            if (c->proj_partners[j][k] == p) {
                pv_buf_printf(b, "%s%s", first ? "" : ", ", pv_project_id(c, j));
                first = 0;
                break;
            }
}

int pv_review_reason(pv_buf *b, const pv_case *c, const pv_selection *s, size_t p, size_t k,
                     int sv)
{
    pv_review_action a = pv_review_of(c, s, p);
    const pv_model *m = c->model;
    int w = a == PV_REV_REVIEW ? 0 : 1;
    int cite = a != PV_REV_KEEP && a != PV_REV_NONE && m->review_because[w];
    if (a == PV_REV_NONE || k > (cite ? 2u : 0u))
        return 0;
    if (k == 1) {
        pv_buf_puts(b, pv_review_because(m, w, sv));
        return 1;
    }
    if (k == 2) {
        pv_buf_printf(b, "%s: %s", pv_tr(sv, "Source", "Källa"), m->review_source[w]);
        return 1;
    }
    switch (a) {
    case PV_REV_KEEP:
        pv_buf_puts(b, pv_tr(sv, "active agreement used by the selected ",
                             "aktivt avtal som används av valda "));
        pv_buf_puts(b, pv_tr(sv, "project(s) ", "projekt "));
        users(b, c, s, p);
        break;
    case PV_REV_REVIEW:
        pv_buf_puts(b, pv_tr(sv, "active agreement that no selected project uses",
                             "aktivt avtal som inget valt projekt använder"));
        if (c->keep_existing)
            pv_buf_puts(b, pv_tr(sv, " (the case keeps every active agreement)",
                                 " (fallet behåller alla aktiva avtal)"));
        break;
    case PV_REV_REVIVE:
        pv_buf_puts(b, pv_tr(sv, "inactive agreement used by the selected project(s) ",
                             "inaktivt avtal som används av valda projekt "));
        users(b, c, s, p);
        pv_buf_puts(b, pv_tr(sv, "; the project is the test of whether the agreement can "
                                 "be given content",
                             "; projektet prövar om avtalet kan fyllas med innehåll"));
        break;
    default:
        pv_buf_puts(b, pv_tr(sv, "inactive agreement that no selected project uses",
                             "inaktivt avtal som inget valt projekt använder"));
        break;
    }
    return 1;
}

/* Every reason of partner p's review, joined by "; " (text, CSV, HTML). */
void pv_review_reasons(pv_buf *b, const pv_case *c, const pv_selection *s, size_t p, int sv)
{
    for (size_t k = 0;; k++) {
        pv_buf t;
        pv_buf_init(&t);
        int got = pv_review_reason(&t, c, s, p, k, sv);
        if (got) {
            /* "…prövas. Källa: …", not "…prövas.; Källa: …" */
            int stop = b->len && b->data && b->data[b->len - 1] == '.';
            pv_buf_puts(b, !k ? "" : stop ? " " : "; ");
            pv_buf_puts(b, t.data ? t.data : "");
        }
        pv_buf_free(&t);
        if (!got)
            break;
    }
}

const char *pv_infeasible_word(int sv) { return pv_tr(sv, "infeasible", "ogenomförbar"); }

const char *pv_why_infeasible_heading(int sv)
{
    return pv_tr(sv, "Why no portfolio is feasible", "Varför ingen portfölj är genomförbar");
}

/* ------------------------------------------------------------ names */

const char *pv_res_name(const pv_case *c, size_t k, int sv)
{
    const pv_resource *r = &c->res[k];
    const char *n = sv ? r->name_sv : r->name_en;
    return n ? n : r->id;
}

void pv_res_heading(pv_buf *b, const pv_case *c, size_t k, int sv, const char *pre,
                    const char *post)
{
    const char *u = pv_res_unit(c, k, sv);
    pv_buf_puts(b, pre);
    pv_buf_plain(b, pv_res_name(c, k, sv));
    pv_buf_puts(b, post);
    if (u[0])
        pv_buf_printf(b, " (%s)", u);
}

const char *pv_res_unit(const pv_case *c, size_t k, int sv)
{
    const pv_resource *r = &c->res[k];
    const char *u = sv ? r->unit_sv : r->unit_en;
    if (u)
        return u;
    if (strstr(r->id, "sek"))
        return sv ? "kr" : "SEK";
    if (strstr(r->id, "hour"))
        return "h";
    return "";
}

void pv_res_amount(pv_buf *b, const pv_case *c, size_t k, double x, int sv)
{
    pv_html_num(b, x, fabs(x - round(x)) < 1e-9 ? 0 : 2, sv);
    const char *u = pv_res_unit(c, k, sv);
    if (u[0]) {
        pv_buf_puts(b, "\xC2\xA0");
        pv_buf_puts(b, u);
    }
}

const char *pv_cons_name(const pv_constraint *q, int sv)
{
    const char *n = !sv && q->label_en ? q->label_en : q->label;
    return n && n[0] ? n : q->id;
}

const char *pv_review_because(const pv_model *m, int w, int sv)
{
    return !sv && m->review_because_en[w] ? m->review_because_en[w] : m->review_because[w];
}

const char *pv_rule_because(const pv_rule *ru, int sv)
{
    const char *t = !sv && ru->because_en ? ru->because_en : ru->because;
    return t ? t : "";
}

const char *pv_rule_name(const pv_rule *ru, int sv)
{
    const char *n = sv ? ru->name_sv : ru->name_en;
    return n ? n : ru->id;
}

void pv_cons_bounds(pv_buf *b, const pv_constraint *q, int sv,
                    void (*num)(pv_buf *, double, int, int))
{
    int dec = q->type == PV_C_SHARE ? 2 : 0;
    if (q->has_min) {
        pv_buf_puts(b, pv_tr(sv, ", at least ", ", minst "));
        num(b, q->min, dec, sv);
    }
    if (q->has_max) {
        pv_buf_puts(b, pv_tr(sv, ", at most ", ", högst "));
        num(b, q->max, dec, sv);
    }
}

const char *pv_ctype_word(pv_ctype t, int sv)
{
    static const char *EN[] = {"count",    "share",        "requires",     "mutually exclusive",
                               "decided",  "max partners", "min partners"};
    static const char *SV[] = {"antal",    "andel",         "kräver",     "utesluter varandra",
                               "beslutat", "högst antal partner", "minst antal partner"};
    return sv ? SV[t] : EN[t];
}

const char *pv_group_name(const pv_case *c, size_t g, int sv)
{
    if (g < c->nres)
        return pv_res_name(c, g, sv);
    if (g < c->nres + c->ncons)
        return pv_cons_name(&c->cons[g - c->nres], sv);
    return pv_tr(sv, "every active agreement is kept", "alla aktiva avtal behålls");
}

/* ------------------------------------------------------------ use */

double pv_proj_use(const pv_case *c, size_t j, size_t k) { return c->res[k].a[j]; }

static int names_partner(const pv_case *c, size_t j, size_t p)
{
    for (size_t l = 0; l < c->proj_npartners[j]; l++)
        if (c->proj_partners[j][l] == p)
            return 1;
    return 0;
}

double pv_proj_partner_use(const pv_case *c, const pv_selection *s, size_t j, size_t k)
{
    double f = 0;
    for (size_t l = 0; l < c->proj_npartners[j]; l++) {
        size_t p = c->proj_partners[j][l];
        int seen = c->keep_existing && c->partner_active[p];
        for (size_t l2 = 0; l2 < l && !seen; l2++)
            seen = c->proj_partners[j][l2] == p;
        for (size_t i = 0; s && i < s->nproj && !seen; i++)
            seen = i != j && s->x[i] && names_partner(c, i, p);
        if (!seen)
            f += c->res[k].f[p];
    }
    return f;
}

void pv_amounts_prose(pv_buf *b, const pv_case *c, const double *x, int sv)
{
    size_t n = 0, shown = 0;
    for (size_t k = 0; k < c->nres; k++)
        n += x[k] != 0;
    for (size_t k = 0; k < c->nres; k++) {
        if (n && x[k] == 0)
            continue;
        if (shown)
            pv_buf_puts(b, shown + 1 == (n ? n : c->nres) ? pv_tr(sv, " and ", " och ") : ", ");
        pv_res_amount(b, c, k, x[k], sv);
        shown++;
    }
}

/* Bytes that can never start a control sequence (pv_ctrl_seq looks at a
 * sequence's first byte: below 0x20, 0x7f, or a 0xc2 / 0xe2 lead) are copied
 * as runs: a report writes many names, and byte by byte was most of its time. */
static size_t safe_run(const char *s, const char *stop)
{
    size_t n = 0;
    for (unsigned char ch; (ch = (unsigned char)s[n]) >= 0x20 && ch != 0x7f && ch != 0xc2 &&
                           ch != 0xe2 && !(stop && strchr(stop, ch));
         n++)
        ;
    return n;
}

void pv_buf_plain(pv_buf *b, const char *s)
{
    while (s && *s) {
        size_t run = safe_run(s, NULL);
        if (run) {
            pv_buf_put(b, s, run);
            s += run;
            continue;
        }
        size_t n = pv_ctrl_seq(s);
        pv_buf_putc(b, n ? '?' : *s);
        s += n ? n : 1;
    }
}

void pv_title(pv_buf *b, const char *label, const char *name, int md)
{
    pv_buf_printf(b, md ? "# %s: " : "%s: ", label);
    (md ? pv_buf_md : pv_buf_plain)(b, name);
    pv_buf_puts(b, "\n\n");
}

/* An ASCII letter or digit (a UTF-8 byte is not: Unicode punctuation such as
 * ” may flank emphasis, so _ next to one is escaped, which is harmless). */
static int word_char(int ch)
{
    return (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

void pv_buf_md(pv_buf *b, const char *s)
{
    for (const char *p = s; p && *p; p++) {
        size_t run = safe_run(p, "|\\*`[]~_&<");
        if (run) {
            pv_buf_put(b, p, run);
            p += run - 1;
            continue;
        }
        unsigned char ch = (unsigned char)*p;
        size_t n = pv_ctrl_seq(p);
        if (n > 1) { /* a multi-byte control: one '?' */
            pv_buf_putc(b, '?');
            p += n - 1;
            continue;
        }
        int prev = p > s ? (unsigned char)p[-1] : 0;
        /* inside a word (budget_sek) _ is never emphasis: left as typed; &
         * only where it could start an entity (&amp;), < only a tag */
        int esc = strchr("|\\*`[]~", ch) != NULL ||
                  (ch == '_' && (!word_char(prev) || !word_char((unsigned char)p[1]))) ||
                  (ch == '&' && (p[1] == '#' || word_char((unsigned char)p[1]))) ||
                  (ch == '<' && p[1] &&
                   (strchr("/!?", p[1]) || ((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z')));
        if (esc)
            pv_buf_putc(b, '\\');
        pv_buf_putc(b, ch < 0x20 || ch == 0x7f ? '?' : (char)ch);
    }
}

/* ------------------------------------------------------------ reasons */

/* An amount of the objective: points, or points × the weighting column. */
static void points(pv_buf *b, const pv_case *c, double x, int sv, int sentence)
{
    if (sentence)
        pv_html_num(b, x, 2, sv);
    else
        pv_fmt_num(b, x, 2, sv);
    pv_buf_puts(b, pv_tr(sv, " points", " poäng"));
    if (c->obj_column)
        pv_buf_printf(b, " × %s", c->obj_column);
}

/* A re-solve found a portfolio better than the selection by gain (only when
 * the time limit cut the main search): said instead of a negative loss. */
static void better_found(pv_buf *b, const pv_case *c, double gain, int sv, int sentence)
{
    pv_buf_puts(b, pv_tr(sv, "a portfolio better by ", "en portfölj som är "));
    points(b, c, gain, sv, sentence);
    pv_buf_puts(b, pv_tr(sv,
                         " exists this way: the time limit stopped the search before it "
                         "found it (run again with a longer --time-limit)",
                         " bättre finns på det sättet: tidsgränsen stoppade sökningen innan "
                         "den hittades (kör igen med längre --time-limit)"));
}

void pv_objective_text(pv_buf *b, const pv_case *c, int sv)
{
    if (!c->obj_column)
        pv_buf_puts(b, pv_tr(sv, "the sum of the selected projects' scores (each project counts "
                                 "its quality score, whatever its size)",
                             "summan av de valda projektens poäng (varje projekt räknas med sin "
                             "kvalitetspoäng, oavsett storlek)"));
    else
        pv_buf_printf(b, sv ? "summan av poäng × %s över de valda projekten (varje projekts "
                              "kvalitetspoäng gånger dess värde i kolumnen %s, så att värdet "
                              "växer med projektet)"
                            : "the sum of score × %s over the selected projects (each project's "
                              "quality score times its value in the column %s, so that value "
                              "scales with the project)",
                      c->obj_column, c->obj_column);
    if (c->cofin)
        pv_buf_puts(b, pv_tr(sv, ", as an expected value: a project that awaits a co-financing "
                                 "decision counts with the probability that it is granted",
                             ", som förväntat värde: ett projekt som väntar på beslut om "
                             "medfinansiering räknas med sannolikheten att det beviljas"));
}

void pv_objective_put(pv_buf *b, const pv_case *c, int sv, void (*put)(pv_buf *, const char *))
{
    pv_buf t;
    pv_buf_init(&t);
    pv_objective_text(&t, c, sv);
    put(b, t.data ? t.data : "");
    pv_buf_free(&t);
}

void pv_objective_line(pv_buf *b, const pv_case *c, int sv, int md)
{
    pv_buf_printf(b, "%s: ", pv_tr(sv, "Maximised", "Maximerat"));
    pv_objective_text(b, c, sv);
    pv_buf_puts(b, md ? "\n\n" : "\n\n");
}

void pv_json_maximised(pv_buf *b, const pv_case *c, int sv)
{
    pv_buf_printf(b, "\"maximised\": {\"type\": \"%s\", \"column\": ",
                  c->obj_column ? "weighted" : "sum");
    if (c->obj_column)
        pv_buf_json_str(b, c->obj_column);
    else
        pv_buf_puts(b, "null");
    if (sv >= 0) {
        pv_buf_puts(b, ", \"text\": ");
        pv_objective_put(b, c, sv, pv_buf_json_str);
    }
    pv_buf_putc(b, '}');
}

void pv_flags_text(pv_buf *b, const pv_case *c, const pv_proj_result *p, int sv, int mode)
{
    for (size_t k = 0; p->eligible && k < p->nflags; k++) {
        const pv_rule *ru = &c->model->rules[p->flags[k]];
        pv_buf t;
        pv_buf_init(&t);
        pv_buf_printf(&t, "%s ", pv_tr(sv, "flag", "villkor"));
        pv_buf_plain(&t, pv_rule_name(ru, sv));
        pv_buf_puts(&t, ": ");
        pv_buf_plain(&t, pv_rule_because(ru, sv));
        pv_buf_puts(b, mode ? "; " : "       ");
        if (mode == 1)
            pv_buf_md(b, t.data);
        else
            pv_buf_puts(b, t.data ? t.data : "");
        pv_buf_puts(b, mode ? "" : "\n");
        pv_buf_free(&t);
    }
}

void pv_objective_head(pv_buf *b, const pv_case *c, int sv, int md)
{
    pv_buf_printf(b, "%s%s: ", md ? "- " : "", pv_tr(sv, "Maximised", "Maximerat"));
    pv_objective_put(b, c, sv, pv_buf_plain);
    pv_buf_putc(b, '\n');
    if (c->has_min_score) {
        pv_buf_printf(b, "%s%s: ", md ? "- " : "", pv_tr(sv, "Quality threshold", "Kvalitetsgräns"));
        pv_fmt_num(b, c->min_score, 2, sv);
        pv_buf_printf(b, " %s\n", pv_tr(sv, "points", "poäng"));
    }
}

void pv_json_review(pv_buf *b, const pv_case *c, const pv_selection *s, size_t p, int sv)
{
    pv_review_action a = s->listed[p] ? pv_review_of(c, s, p) : PV_REV_NONE;
    if (a == PV_REV_NONE) {
        pv_buf_puts(b, "null");
        return;
    }
    pv_buf_printf(b, "{\"action\": \"%s\", \"reasons\": [", pv_review_key(a));
    for (size_t k = 0;; k++) {
        pv_buf t;
        pv_buf_init(&t);
        int got = pv_review_reason(&t, c, s, p, k, sv);
        if (got) {
            pv_buf_puts(b, k ? ", " : "");
            pv_buf_json_str(b, t.data ? t.data : "");
        }
        pv_buf_free(&t);
        if (!got)
            break;
    }
    pv_buf_puts(b, "]}");
}

int pv_threshold_text(pv_buf *b, const pv_case *c, const pv_proj_result *p, int sv)
{
    if (!p->below_min_score && !p->nbelow)
        return 0;
    pv_buf_puts(b, pv_tr(sv, "below the quality threshold: ", "under kvalitetsgränsen: "));
    if (p->below_min_score) {
        pv_buf_puts(b, pv_tr(sv, "score ", "poäng "));
        pv_fmt_num(b, p->score, 2, sv);
        pv_buf_puts(b, pv_tr(sv, " < minimum ", " < lägsta "));
        pv_fmt_num(b, c->min_score, 2, sv);
    }
    for (size_t i = 0; i < p->nbelow; i++) {
        const pv_criterion *cr = c->model->all[p->below[i]];
        pv_buf_puts(b, i || p->below_min_score ? "; " : "");
        pv_buf_printf(b, "%s %s ", pv_tr(sv, "criterion", "kriteriet"), pv_crit_label(cr, sv));
        pv_fmt_num(b, pv_criterion_value(c, cr, NULL, p->value), 2, sv);
        pv_buf_puts(b, pv_tr(sv, " < minimum ", " < lägsta "));
        pv_fmt_num(b, cr->min, 2, sv); /* by name: the key (crit.min) is for JSON */
    }
    return 1;
}

/* What choosing j takes: its own use plus the partner fees it triggers. */
static void need_of(const pv_case *c, const pv_selection *s, size_t j, double *need)
{
    for (size_t k = 0; k < c->nres; k++)
        need[k] = pv_proj_use(c, j, k) + pv_proj_partner_use(c, s, j, k);
}

/* lead, what j needs of every resource, then end ("…: costs 10 kr;"); only
 * bare where there are no resources or more than 64. */
static void need_clause(pv_buf *b, const pv_case *c, const pv_selection *s, size_t j,
                        const char *lead, const char *end, const char *bare, int sv)
{
    if (c->nres && c->nres <= 64) {
        double need[64];
        need_of(c, s, j, need);
        pv_buf_puts(b, lead);
        pv_amounts_prose(b, c, need, sv);
        pv_buf_puts(b, end);
    } else
        pv_buf_puts(b, bare);
}

static void why_in(pv_buf *b, const pv_case *c, const pv_selection *s, size_t j, int sv,
                   int sentence)
{
    const pv_why *w = &s->why[j];
    pv_buf_puts(b, pv_tr(sv, "selected", "vald"));
    need_clause(b, c, s, j, pv_tr(sv, ": costs ", ": kostar "), ";", ":", sv);
    if (isnan(w->loss)) {
        pv_buf_puts(b, pv_tr(sv, " no feasible portfolio without it",
                             " ingen genomförbar portfölj utan det"));
        return;
    }
    if (w->loss < 0) {
        pv_buf_putc(b, ' ');
        better_found(b, c, -w->loss, sv, sentence);
        return;
    }
    pv_buf_puts(b, pv_tr(sv, " without it the portfolio loses ", " utan det förlorar portföljen "));
    points(b, c, w->loss, sv, sentence);
}

/* "A (P1), B (P2) och C (P3)": names first, as a reader knows the projects */
static void id_list(pv_buf *b, const pv_case *c, const size_t *ix, size_t n, int sv)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            pv_buf_puts(b, i + 1 == n ? pv_tr(sv, " and ", " och ") : ", ");
        pv_proj_ref(b, c, ix[i]);
    }
}

/* "; held back by: Budget (115 000 kr over), Högst fyra …" */
static void blocking_clause(pv_buf *b, const pv_case *c, const pv_selection *s, size_t j,
                            const pv_why *w, int sv)
{
    if (!w->nblocking)
        return;
    pv_buf_puts(b, pv_tr(sv, "; held back by: ", "; hindras av: "));
    for (size_t i = 0; i < w->nblocking; i++) {
        size_t g = w->blocking[i];
        pv_buf_puts(b, i ? ", " : "");
        pv_buf_plain(b, pv_group_name(c, g, sv));
        /* the amount over is nominal use against the limit, which a
         * co-financing commitment other than worst case does not test */
        if (g < c->nres && !(c->cofin && c->cofin->commit != PV_COMMIT_WORST)) {
            double over = s->res_used[g] + pv_proj_use(c, j, g) +
                          pv_proj_partner_use(c, s, j, g) - c->res[g].limit;
            pv_buf_puts(b, " (");
            pv_res_amount(b, c, g, over, sv);
            pv_buf_puts(b, pv_tr(sv, " over)", " för mycket)"));
        }
    }
}

/* What project j adds to the objective: its score (times the objective's
 * column), times its award probability when co-financing is uncertain. */
static double proj_value(const pv_case *c, const pv_ranking *r, size_t j)
{
    return pv_cofin_p(c, j) * pv_objective_coef(c, j, r->p[j].score);
}

static void why_out(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                    size_t j, int sv, int sentence)
{
    const pv_why *w = &s->why[j];
    int better = w->loss < 0;
    pv_buf_puts(b, pv_tr(sv, "not selected", "inte vald"));
    need_clause(b, c, s, j, pv_tr(sv, ": needs ", ": kräver "), "; ", ": ", sv);
    if (w->ndisplaced) {
        double sum = 0;
        for (size_t i = 0; i < w->ndisplaced; i++)
            sum += proj_value(c, r, w->displaced[i]);
        pv_buf_puts(b, pv_tr(sv, "to make room, ", "för att få plats måste "));
        id_list(b, c, w->displaced, w->ndisplaced, sv);
        pv_buf_puts(b, pv_tr(sv, " (together ", " (tillsammans "));
        points(b, c, sum, sv, sentence);
        pv_buf_puts(b, pv_tr(sv, ") would have to go", ") bort"));
        if (w->nentering) { /* what comes in with it: the loss is the balance */
            double in = 0;
            for (size_t i = 0; i < w->nentering; i++)
                in += proj_value(c, r, w->entering[i]);
            pv_buf_puts(b, pv_tr(sv, " and ", " och "));
            id_list(b, c, w->entering, w->nentering, sv);
            pv_buf_puts(b, " (");
            points(b, c, in, sv, sentence);
            pv_buf_puts(b, pv_tr(sv, ") would come in", ") komma in"));
        }
        pv_buf_puts(
            b, better ? ", "
                      : pv_tr(sv, ", and the portfolio would lose ", ", och portföljen förlorar "));
    } else if (!better)
        pv_buf_puts(b, pv_tr(sv, "taking it in would cost ", "att ta in det skulle kosta "));
    if (better)
        better_found(b, c, -w->loss, sv, sentence);
    else
        points(b, c, w->loss, sv, sentence);
    blocking_clause(b, c, s, j, w, sv);
}

static void why_cannot_fit(pv_buf *b, const pv_case *c, const pv_why *w, int sv, int sentence)
{
    (void)sentence;
    size_t k = (size_t)w->resource;
    pv_buf_puts(b, pv_tr(sv, "cannot fit: it needs ", "får inte plats: det behöver "));
    pv_res_amount(b, c, k, w->excess, sv);
    pv_buf_puts(b, pv_tr(sv, " more than the whole limit of ", " mer än hela ramen på "));
    pv_res_amount(b, c, k, c->res[k].limit, sv);
    pv_buf_puts(b, " (");
    pv_buf_plain(b, pv_res_name(c, k, sv));
    pv_buf_putc(b, ')');
}

static void why_excluded(pv_buf *b, const pv_case *c, const pv_proj_result *p, int sv, int cite)
{
    for (size_t i = 0; i < p->nexcluded; i++) {
        const pv_rule *ru = &c->model->rules[p->excluded_by[i]];
        pv_buf_printf(b, "%s%s (", i ? "; " : "", pv_tr(sv, "excluded", "utesluten"));
        pv_buf_plain(b, pv_rule_name(ru, sv));
        pv_buf_puts(b, "): ");
        pv_buf_plain(b, pv_rule_because(ru, sv));
        if (cite && ru->source && ru->source[0]) {
            pv_buf_printf(b, " %s ", pv_tr(sv, "Source:", "Källa:"));
            pv_buf_plain(b, ru->source);
        }
    }
    if (p->below_min_score || p->nbelow) {
        pv_buf_puts(b, p->nexcluded ? "; " : pv_tr(sv, "not eligible: ", "inte valbar: "));
        pv_threshold_text(b, c, p, sv);
    }
}

static void why_body(pv_buf *b, const pv_case *c, const pv_ranking *r, const pv_selection *s,
                     size_t j, pv_why_kind k, int sv, int sentence, int cite)
{
    const pv_why *w = &s->why[j];
    switch (k) {
    case PV_WHY_NONE:
        if (s->status == PV_STATUS_INFEASIBLE)
            pv_buf_puts(b, pv_tr(sv, "no feasible portfolio", "ingen genomförbar portfölj"));
        else
            pv_buf_puts(b, s->x[j] ? pv_tr(sv, "selected", "vald")
                                   : pv_tr(sv, "not selected", "inte vald"));
        break;
    case PV_WHY_IN: why_in(b, c, s, j, sv, sentence); break;
    case PV_WHY_OUT: why_out(b, c, r, s, j, sv, sentence); break;
    case PV_WHY_CANNOT_FIT: why_cannot_fit(b, c, w, sv, sentence); break;
    case PV_WHY_CONFLICT:
        pv_buf_puts(b, pv_tr(sv, "not selected: no feasible portfolio includes it",
                             "inte vald: ingen genomförbar portfölj rymmer det"));
        break;
    case PV_WHY_FORCED_IN:
        pv_buf_printf(b, "%s ", pv_tr(sv, "selected: decided in by", "vald: beslutad genom"));
        pv_buf_plain(b, pv_cons_name(&c->cons[w->cons], sv));
        break;
    case PV_WHY_FORCED_OUT:
        pv_buf_printf(b, "%s ",
                      pv_tr(sv, "not selected: decided out by", "inte vald: bortvald genom"));
        pv_buf_plain(b, pv_cons_name(&c->cons[w->cons], sv));
        break;
    case PV_WHY_EXCLUDED: why_excluded(b, c, &r->p[j], sv, cite); break;
    }
    if ((k == PV_WHY_IN || k == PV_WHY_OUT) && !w->exact)
        pv_buf_puts(b, pv_tr(sv, " (not proven)", " (ej bevisat)"));
}

char *pv_why_text(const pv_case *c, const pv_ranking *r, const pv_selection *s, size_t j,
                  int sv, int sentence, int cite)
{
    const pv_proj_result *p = &r->p[j];
    pv_why_kind k = s->have_why ? s->why[j].kind : PV_WHY_NONE;
    if (!p->eligible)
        k = PV_WHY_EXCLUDED;
    pv_buf b;
    pv_buf_init(&b);
    /* The table beside the reason says selected or not already. */
    if (!sentence || k != PV_WHY_NONE || s->status == PV_STATUS_INFEASIBLE)
        why_body(&b, c, r, s, j, k, sv, sentence, cite);
    if (sentence && b.data && b.len) {
        b.data[0] = (char)toupper((unsigned char)b.data[0]);
        if (b.data[b.len - 1] != '.')
            pv_buf_putc(&b, '.');
    }
    if (!b.data && !b.oom)
        pv_buf_puts(&b, "");
    return pv_buf_take(&b, NULL);
}

/* ------------------------------------------------------------ co-financing */

const char *pv_cofin_commit_text(pv_commit commit, int sv)
{
    switch (commit) {
    case PV_COMMIT_EXPECTED:
        return pv_tr(sv,
                     "Commitment: expected – each limit holds for the expected use, where an "
                     "application's co-funding counts times its award probability.",
                     "Åtagande: väntevärde – varje gräns hålls för den förväntade användningen, "
                     "där en ansökans medfinansiering räknas gånger sannolikheten att den "
                     "beviljas.");
    case PV_COMMIT_CHANCE:
        return pv_tr(sv,
                     "Commitment: chance – the probability that a limit is overrun may be at most "
                     "alpha (solved over seeded scenarios of granted applications).",
                     "Åtagande: risknivå – sannolikheten att en gräns överskrids får vara högst "
                     "alfa (löst över slumpade scenarier av beviljade ansökningar).");
    default:
        return pv_tr(sv,
                     "Commitment: worst case – every limit holds even if every application is "
                     "granted.",
                     "Åtagande: värsta fall – varje gräns hålls även om alla ansökningar "
                     "beviljas.");
    }
}

int pv_over_limits(const pv_case *c, const pv_selection *s)
{
    for (size_t k = 0; k < c->nres; k++)
        if (s->res_used[k] > c->res[k].limit + 1e-9 * (1 + fabs(c->res[k].limit)))
            return 1;
    return 0;
}

const char *pv_cofin_over_text(int sv)
{
    return pv_tr(sv,
                 "A use above 100 % counts every application as granted; the co-financing "
                 "commitment allows it, since they are rarely all granted (see Co-financing).",
                 "Användning över 100 % räknar med att alla ansökningar beviljas; åtagandet för "
                 "medfinansiering tillåter det, eftersom de sällan beviljas alla (se "
                 "Medfinansiering).");
}

const char *pv_cofin_objective_text(int sv)
{
    return pv_tr(sv,
                 "The total score is the expected score: a project that runs only if its "
                 "application is granted counts its score times the award probability; every "
                 "other project counts in full.",
                 "Totalpoängen är den förväntade poängen: ett projekt som bara genomförs om "
                 "ansökan beviljas räknas med sin poäng gånger sannolikheten att den beviljas; "
                 "övriga projekt räknas fullt ut.");
}

/* ------------------------------------------------------------ party weight sets */

const char *pv_parties_maxmin_text(int sv)
{
    return pv_tr(sv,
                 "The compromise maximises the lowest satisfaction: a set's satisfaction is the "
                 "compromise's value under the set's weights divided by the set's own optimum.",
                 "Kompromissen ger den högsta möjliga lägsta tillfredsställelsen: en viktnings "
                 "tillfredsställelse är kompromissens värde med viktningens vikter delat med "
                 "viktningens eget optimum.");
}

const char *pv_parties_regret_text(int sv)
{
    return pv_tr(sv,
                 "The minimax-regret portfolio makes the largest loss of any set, its own "
                 "optimum minus the portfolio's value under its weights, as small as possible.",
                 "Portföljen med minsta största förlust gör den största förlusten för någon "
                 "viktning, dess eget optimum minus portföljens värde med dess vikter, så liten "
                 "som möjligt.");
}

void pv_time_limit_note(pv_buf *b, size_t samples, int sv)
{
    if (samples)
        pv_buf_printf(b,
                      sv ? "%zu av urvalen nådde tidsgränsen: deras portföljer är de bästa som "
                           "hittades, inte bevisat optimala, och kan bli andra på en annan dator "
                           "eller med ett annat --threads"
                         : "%zu of the samples reached the time limit: their portfolios are the "
                           "best found, not proven optimal, and may differ on another machine "
                           "or with another --threads",
                      samples);
    else
        pv_buf_puts(b, pv_tr(sv,
                             "Not every solve was proven optimal (the time limit ended "
                             "some): the results may be off",
                             "Alla lösningar är inte bevisat optimala (tidsgränsen avbröt "
                             "några): resultaten kan vara fel"));
    pv_buf_puts(b, pv_tr(sv, " (raise solver.time_limit_s in the case).",
                         " (höj solver.time_limit_s i fallet)."));
}

const char *pv_parties_conflict_text(int sv)
{
    return pv_tr(sv,
                 "Conflict index of two sets: 1 minus the overlap of their optimal portfolios, "
                 "weighted by score (0 = same portfolio, 1 = nothing in common).",
                 "Konfliktindex för två viktningar: 1 minus överlappningen mellan deras bästa "
                 "portföljer, vägd med poäng (0 = samma portfölj, 1 = inget gemensamt).");
}
