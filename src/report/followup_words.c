/* followup_words.c — the follow-up's words in sv and en (see followup.h). */
#include "followup.h"

#include <string.h>

const char *pv_ostatus_key(int st)
{
    static const char *const K[] = {"planned", "applied", "granted", "rejected",
                                    "running", "done",    "cancelled"};
    return st >= 0 && st < PV_OS_N ? K[st] : NULL;
}

const char *pv_ostatus_word(int st, int sv)
{
    switch (st) {
    case PV_OS_PLANNED: return pv_tr(sv, "planned", "planerad");
    case PV_OS_APPLIED: return pv_tr(sv, "applied", "ansökt");
    case PV_OS_GRANTED: return pv_tr(sv, "granted", "beviljad");
    case PV_OS_REJECTED: return pv_tr(sv, "rejected", "avslagen");
    case PV_OS_RUNNING: return pv_tr(sv, "running", "pågående");
    case PV_OS_DONE: return pv_tr(sv, "done", "klar");
    case PV_OS_CANCELLED: return pv_tr(sv, "cancelled", "inställd");
    default: return pv_tr(sv, "no report", "ingen rapport");
    }
}

const char *pv_ostatus_count_word(int st, size_t n, int sv)
{
    if (n == 1 && st >= 0)
        return pv_ostatus_word(st, sv);
    switch (st) {
    case PV_OS_PLANNED:
        return pv_tr(sv, "planned", "planerade");
    case PV_OS_APPLIED:
        return pv_tr(sv, "applied", "ansökta");
    case PV_OS_GRANTED:
        return pv_tr(sv, "granted", "beviljade");
    case PV_OS_REJECTED:
        return pv_tr(sv, "rejected", "avslagna");
    case PV_OS_RUNNING:
        return pv_tr(sv, "running", "pågående");
    case PV_OS_DONE:
        return pv_tr(sv, "done", "klara");
    case PV_OS_CANCELLED:
        return pv_tr(sv, "cancelled", "inställda");
    default:
        return pv_tr(sv, "without a report", "utan rapport");
    }
}

const char *pv_fu_heading(int i, int sv)
{
    switch (i) {
    case 0:
        return pv_tr(sv, "1. Activities and efforts carried out",
                     "1. Vilka aktiviteter och insatser som genomförts");
    case 1:
        return pv_tr(sv, "2. Resources used: working time, money and other resources",
                     "2. Omslutning i form av arbetstid, pengar och andra resurser");
    case 2:
        return pv_tr(sv, "3. How the work contributed to the department's or the "
                         "municipality's goals",
                     "3. Hur arbetet har bidragit till att uppnå förvaltningsspecifika eller "
                     "kommunövergripande mål");
    default:
        return pv_tr(sv, "4. Agreements and networks: keep, review or end",
                     "4. Avtal och nätverk: behålla, se över eller avsluta");
    }
}

const char *pv_fu_note(int i, int sv)
{
    if (i == 0)
        return pv_tr(sv, "The total's use and funding received cover every row of the register "
                         "in the period, agreements' rows too.",
                     "Totalens utfall och erhållna medel omfattar registrets alla rader under "
                     "perioden, även avtalens.");
    return pv_tr(sv, "Expected: the model's score of the same projects on the goal, on the "
                     "scale 0–5.",
                 "Förväntat: modellens poäng för samma projekt på målet, på skalan 0–5.");
}

pv_review_action pv_fu_as_review(pv_fu_action a)
{
    switch (a) {
    case PV_FU_KEEP: return PV_REV_KEEP;
    case PV_FU_REVIEW: return PV_REV_REVIEW;
    case PV_FU_END: return PV_REV_END;
    default: return PV_REV_NONE;
    }
}

void pv_fu_period(pv_buf *b, int from, int year)
{
    if (from == year)
        pv_buf_printf(b, "%d", year);
    else
        pv_buf_printf(b, "%d–%d", from, year);
}

static void date_text(pv_buf *b, int ymd)
{
    pv_buf_printf(b, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
}

/* "KR03 2027: workshop in Šiauliai; …": the activity rows of the period. */
static void activities(pv_buf *b, const pv_case *c, const pv_fu_agree *a, int years)
{
    const pv_outcomes *o = c->outcomes;
    for (size_t i = 0; i < a->nacts; i++) {
        size_t r = a->acts[i];
        int stop = b->len && b->data && b->data[b->len - 1] == '.';
        pv_buf_puts(b, !i ? "" : stop ? " " : "; ");
        const char *id = pv_cell(o->t, r, (size_t)o->col_id);
        if (o->rows[r].part < 0)
            pv_buf_printf(b, years ? "%s " : "%s: ", id);
        if (years)
            pv_buf_printf(b, "%d: ", o->rows[r].year);
        pv_buf_plain(b, pv_cell(o->t, r, (size_t)o->col_act));
    }
}

/* The situation: what the register shows, in one sentence part. */
static void situation(pv_buf *b, const pv_case *c, const pv_fu_agree *a, int year, int from,
                      int sv)
{
    if (a->nacts) {
        pv_buf_puts(b, a->active ? pv_tr(sv, "activity in ", "aktivitet ")
                                 : pv_tr(sv, "inactive agreement, yet with activity in ",
                                         "inaktivt avtal, men med aktivitet "));
        pv_fu_period(b, from, year);
        pv_buf_puts(b, ": ");
        activities(b, c, a, from != year);
        if (!a->active)
            pv_buf_puts(b, pv_tr(sv, " (renew it with this content, or end it)",
                                 " (förnya avtalet med detta innehåll, eller avsluta det)"));
        return;
    }
    pv_buf_puts(b, a->active ? pv_tr(sv, "no activity in ", "ingen aktivitet ")
                             : pv_tr(sv, "inactive agreement with no activity in ",
                                     "inaktivt avtal utan aktivitet "));
    pv_fu_period(b, from, year);
    if (a->last_activity)
        pv_buf_printf(b, " (%s %d)", pv_tr(sv, "last activity", "senaste aktivitet"),
                      a->last_activity);
    else
        pv_buf_puts(b, pv_tr(sv, " (none on record)", " (ingen registrerad)"));
}

size_t pv_fu_reasons(const pv_case *c, const pv_fu_agree *a, int year, int from, int sv,
                     char **out, size_t max)
{
    size_t n = 0;
    if (a->action == PV_FU_NONE || max < 4)
        return 0;
    pv_buf b;
    pv_buf_init(&b);
    situation(&b, c, a, year, from, sv);
    out[n++] = pv_buf_take(&b, NULL);
    pv_buf_init(&b);
    if (a->eval_old) {
        pv_buf_puts(&b, pv_tr(sv, "last evaluated ", "senast utvärderat "));
        date_text(&b, a->evaluated);
        pv_buf_printf(&b, ", %s %d %s %d", pv_tr(sv, "more than", "mer än"),
                      c->outcomes->review_months,
                      pv_tr(sv, "months before the end of", "månader före utgången av"), year);
        out[n++] = pv_buf_take(&b, NULL);
        pv_buf_init(&b);
    }
    const pv_model *m = c->model;
    int w = a->active ? 0 : 1;
    if (!m->review_because[w])
        w = 1 - w;
    if (a->action != PV_FU_KEEP && m->review_because[w]) {
        out[n++] = pv_strdup(pv_review_because(m, w, sv));
        pv_buf_printf(&b, "%s: %s", pv_tr(sv, "Source", "Källa"), m->review_source[w]);
        out[n++] = pv_buf_take(&b, NULL);
    }
    pv_buf_free(&b);
    return n;
}

void pv_fu_reasons_free(char **out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pv_free(out[i]);
}

void pv_fu_reasons_text(pv_buf *b, const pv_case *c, const pv_fu_agree *a, int year, int from,
                        int sv)
{
    char *rs[4] = {0};
    size_t n = pv_fu_reasons(c, a, year, from, sv, rs, 4);
    for (size_t k = 0; k < n; k++) {
        if (!rs[k]) {
            b->oom = 1;
            continue;
        }
        /* "…prövas. Källa: …", but "…mötet.; senast utvärderat …" */
        int stop = b->len && b->data && b->data[b->len - 1] == '.' &&
                   !(rs[k][0] >= 'a' && rs[k][0] <= 'z');
        pv_buf_puts(b, !k ? "" : stop ? " " : "; ");
        pv_buf_puts(b, rs[k]);
    }
    pv_fu_reasons_free(rs, n);
}

void pv_fu_json(pv_buf *b, const pv_case *c, const pv_fu_agree *a, int year, int from, int sv)
{
    if (a->action == PV_FU_NONE) {
        pv_buf_puts(b, "null");
        return;
    }
    pv_buf_printf(b, "{\"action\": \"%s\", \"reasons\": ",
                  pv_review_key(pv_fu_as_review(a->action)));
    pv_fu_json_reasons(b, c, a, year, from, sv);
    pv_buf_putc(b, '}');
}

void pv_fu_json_reasons(pv_buf *b, const pv_case *c, const pv_fu_agree *a, int year, int from,
                        int sv)
{
    pv_buf_putc(b, '[');
    char *rs[4] = {0};
    size_t n = pv_fu_reasons(c, a, year, from, sv, rs, 4);
    for (size_t k = 0; k < n; k++) {
        pv_buf_puts(b, k ? ", " : "");
        if (!rs[k])
            b->oom = 1;
        else
            pv_buf_json_str(b, rs[k]);
    }
    pv_fu_reasons_free(rs, n);
    pv_buf_putc(b, ']');
}

int pv_fu_select_of(const pv_case *c, size_t p, pv_fu_agree *a)
{
    memset(a, 0, sizeof *a);
    if (!c->outcomes || !c->outcomes->n)
        return 0;
    int y = c->outcomes->max_year;
    return pv_fu_agree_of(c, p, y, y, a);
}

int pv_fu_select_text(pv_buf *b, const pv_case *c, size_t p, int sv)
{
    pv_fu_agree a;
    if (pv_fu_select_of(c, p, &a)) {
        b->oom = 1;
        return 0;
    }
    int got = a.action != PV_FU_NONE;
    if (got) {
        int y = c->outcomes->max_year;
        pv_buf_printf(b, "%s %d: ", pv_tr(sv, "follow-up", "uppföljning"), y);
        pv_review_action ra = pv_fu_as_review(a.action);
        pv_buf_puts(b, pv_review_word(ra, sv));
        pv_buf_puts(b, " — ");
        pv_fu_reasons_text(b, c, &a, y, y, sv);
    }
    pv_fu_agree_free(&a);
    return got;
}

void pv_fu_select_json(pv_buf *b, const pv_case *c, size_t p, int sv)
{
    pv_fu_agree a;
    if (pv_fu_select_of(c, p, &a)) {
        b->oom = 1;
        return;
    }
    int y = c->outcomes ? c->outcomes->max_year : 0;
    pv_fu_json(b, c, &a, y, y, sv);
    pv_fu_agree_free(&a);
}

void pv_fu_facts(pv_buf *b, const pv_fu_agree *a, int sv)
{
    pv_buf_printf(b, "%s; %s ",
                  a->active ? pv_tr(sv, "active", "aktivt") : pv_tr(sv, "inactive", "inaktivt"),
                  pv_tr(sv, "last activity", "senaste aktivitet"));
    if (a->last_activity)
        pv_buf_printf(b, "%d", a->last_activity);
    else
        pv_buf_puts(b, "–");
    pv_buf_printf(b, "; %s ", pv_tr(sv, "evaluated", "utvärderat"));
    if (a->evaluated)
        pv_buf_printf(b, "%04d-%02d-%02d", a->evaluated / 10000, a->evaluated / 100 % 100,
                      a->evaluated % 100);
    else
        pv_buf_puts(b, "–");
}
