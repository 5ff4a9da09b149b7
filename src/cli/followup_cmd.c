/* followup_cmd.c — `partnerval followup`: the annual follow-up report. */
#include <math.h>
#include <stdio.h>

#include "cli.h"

static const char FOLLOWUP_HELP[] =
    "usage: partnerval followup CASE --year YYYY [--from YYYY] [--format text|md|csv|json|html]\n"
    "                                [-o FILE] [--lang sv|en] [--date YYYY-MM-DD]\n"
    "\n"
    "The annual follow-up that the policies ask for: the decided portfolio (the\n"
    "case's selection) against the outcomes register that the case names in\n"
    "\"followup\" (see data/README.md): per project its status, activities,\n"
    "planned against actual use of every resource and the deviation, external\n"
    "funding planned against received; the same per department and in total; the\n"
    "contribution to each goal (the model's top-level criteria) beside what the\n"
    "decision expected; and for every own agreement keep, review or end_candidate\n"
    "with the policy sentence that asks for it.\n"
    "\n"
    "      --year Y       the year followed up (required)\n"
    "      --from Y       the first year of a period (default: --year): each year's\n"
    "                     figures and the change from the year before\n"
    "  -f, --format F     text (default), md, csv, json or html (a self-contained report)\n"
    "  -o, --output F     write to F (atomically) instead of standard output\n"
    "  -l, --lang L       sv or en (default: the model's language)\n"
    "      --date D       the date an HTML report shows (default: today, UTC)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit 0 with a report, 1 on wrong use, 2 on invalid input (a case without\n"
    "\"followup\", a bad outcomes file: every bad cell is listed), 4 on a failure.\n";

static int run_followup(const pv_cli_opts *o)
{
    if (!o->year)
        return pv_cli_usage("followup needs --year YYYY");
    long from = o->year;
    if (o->from >= 0) {
        if (o->from != floor(o->from) || o->from < 2000 || o->from > o->year)
            return pv_cli_usage("--from takes a year from 2000 to --year (%ld)", o->year);
        from = (long)o->from;
    }
    int rc;
    pv_error err;
    pv_error_clear(&err);
    /* every input error at once (a register's bad cells above all), as check lists them */
    pv_errors *all = NULL;
    pv_case *c = pv_case_load_all(o->args[0], &all, &err);
    if (!c && pv_errors_count(all) > 0) {
        rc = pv_cli_errors(all);
        pv_errors_free(all);
        return rc;
    }
    pv_errors_free(all);
    pv_ranking *r = c ? pv_rank(c, &err) : NULL;
    pv_followup *f = r ? pv_followup_run(c, r, (int)o->year, (int)from, &err) : NULL;
    size_t len = 0;
    char *text =
        f ? pv_render_followup(c, r, f, (pv_format)o->fmt, (pv_lang)o->lang, &len, &err) : NULL;
    if (!text)
        rc = pv_cli_error(&err);
    else
        rc = pv_cli_emit(c, o->out, text, len, &err);
    pv_followup_free(f);
    pv_ranking_free(r);
    pv_case_free(c);
    return rc;
}

const pv_cli_cmd pv_cli_followup = {
    .name = "followup", .synopsis = "CASE --year Y",
    .summary = "the annual follow-up: plan against outcome, goals, agreements",
    .help = FOLLOWUP_HELP,
    .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_YEAR) | PV_OPT_BIT(PV_OPT_FROM),
    .min_args = 1, .max_args = 1, .run = run_followup,
};
