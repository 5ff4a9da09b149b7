/* parties_cmd.c — `partnerval parties`: party weight sets side by side, the
 * max-min compromise and the minimax-regret portfolio. */
#include "cli.h"

static const char PARTIES_HELP[] =
    "usage: partnerval parties CASE [--sets FILE] [--format text|md|csv|json|html] [-o FILE]\n"
    "                               [--lang sv|en] [--date YYYY-MM-DD]\n"
    "\n"
    "Solves the case once per weight set (the case's \"weight_sets\": {\"S\": PATCH, ...},\n"
    "each an RFC 7386 merge patch of the model, or those of --sets FILE), then finds\n"
    "the max-min compromise (the portfolio whose lowest satisfaction V_k(x) / V_k*\n"
    "is highest) and the minimax-regret portfolio (the smallest largest loss\n"
    "V_k* - V_k(x)), and shows per project the share of sets that choose it and\n"
    "per pair of sets a conflict index.\n"
    "\n"
    "  -f, --format F     text (default), md, csv, json or html (projects x sets)\n"
    "  -o, --output F     write to F (atomically) instead of standard output\n"
    "  -l, --lang L       sv or en (default: the model's language)\n"
    "      --sets FILE    weight sets from FILE ({\"weight_sets\": {...}} or the map)\n"
    "      --date D       the date an HTML report shows (default: today, UTC)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit 0 with the report, 2 on invalid input (no sets, a set naming an unknown\n"
    "criterion), 3 when a set or the compromise has no feasible portfolio,\n"
    "4 on a solver failure.\n";

static int run_parties(const pv_cli_opts *o)
{
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load(o->args[0], &err);
    pv_ranking *r = c ? pv_rank(c, &err) : NULL;
    pv_parties *p = r ? pv_parties_run(c, r, o->sets_file, &err) : NULL;
    size_t len = 0;
    char *text =
        p ? pv_render_parties(c, r, p, (pv_format)o->fmt, (pv_lang)o->lang, &len, &err) : NULL;
    int rc = text ? pv_cli_emit(c, o->out, text, len, &err) : pv_cli_error(&err);
    pv_parties_free(p);
    pv_ranking_free(r);
    pv_case_free(c);
    return rc;
}

const pv_cli_cmd pv_cli_parties = {
    .name = "parties", .synopsis = "CASE [--sets FILE]",
    .summary = "party weight sets: max-min compromise, regret, conflict",
    .help = PARTIES_HELP,
    .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_SETS_FILE),
    .min_args = 1, .max_args = 1, .run = run_parties,
};
