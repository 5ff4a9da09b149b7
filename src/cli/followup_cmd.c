/* followup_cmd.c — `partnerval followup`: the annual follow-up report. */
#include <math.h>
#include <stdio.h>

#include "cli.h"

static const char FOLLOWUP_HELP[] =
    "usage: partnerval followup CASE --year YYYY [--from YYYY]\n"
    "                                [--format text|md|csv|json|html|xlsx] [-o FILE]\n"
    "                                [--lang sv|en] [--date YYYY-MM-DD]\n"
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
    "  -f, --format F     text (default), md, csv, json, html (a self-contained report)\n"
    "                     or xlsx (an Excel workbook; needs -o)\n"
    "  -o, --output F     write to F (atomically) instead of standard output\n"
    "  -l, --lang L       sv or en (default: the model's language)\n"
    "      --date D       the date an HTML report or workbook shows (default: today, UTC)\n"
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
    pv_cli_run run;
    /* every input error at once (a register's bad cells above all), as check lists them */
    int rc = pv_cli_load(&run, o, PV_CLI_RANK | PV_CLI_ALL_ERRORS);
    pv_followup *f = rc ? NULL : pv_followup_run(run.c, run.r, (int)o->year, (int)from, &run.err);
    size_t len = 0;
    char *text =
        f ? pv_render_followup(run.c, run.r, f, run.fmt, run.lang, &len, &run.err) : NULL;
    pv_followup_free(f);
    return pv_cli_finish(&run, rc, text, len);
}

const pv_cli_cmd pv_cli_followup = {
    .name = "followup", .synopsis = "CASE --year Y",
    .summary = "the annual follow-up: plan against outcome, goals, agreements",
    .help = FOLLOWUP_HELP,
    .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_YEAR) | PV_OPT_BIT(PV_OPT_FROM),
    .min_args = 1, .max_args = 1, .run = run_followup,
};
