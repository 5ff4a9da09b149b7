/* parties_cmd.c — `partnerval parties`: party weight sets side by side, the
 * max-min compromise and the minimax-regret portfolio. */
#include "cli.h"

static const char PARTIES_HELP[] =
    "usage: partnerval parties CASE [--sets FILE] [--format text|md|csv|json|html|xlsx]\n"
    "                               [-o FILE] [--lang sv|en] [--date YYYY-MM-DD]\n"
    "\n"
    "Solves the case once per weight set (the case's \"weight_sets\": {\"S\": PATCH, ...},\n"
    "each an RFC 7386 merge patch of the model, or those of --sets FILE), then finds\n"
    "the max-min compromise (the portfolio whose lowest satisfaction V_k(x) / V_k*\n"
    "is highest) and the minimax-regret portfolio (the smallest largest loss\n"
    "V_k* - V_k(x)), and shows per project the share of sets that choose it and\n"
    "per pair of sets a conflict index.\n"
    "\n"
    "  -f, --format F     text (default), md, csv, json, html (projects x sets)\n"
    "                     or xlsx (an Excel workbook; needs -o)\n"
    "  -o, --output F     write to F (atomically) instead of standard output\n"
    "  -l, --lang L       sv or en (default: the model's language)\n"
    "      --sets FILE    weight sets from FILE ({\"weight_sets\": {...}} or the map)\n"
    "      --date D       the date an HTML report or workbook shows (default: today, UTC)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit 0 with the report, 2 on invalid input (no sets, a set naming an unknown\n"
    "criterion), 3 when a set or the compromise has no feasible portfolio,\n"
    "4 on a solver failure.\n";

static int run_parties(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    pv_parties *p = rc ? NULL : pv_parties_run(run.c, run.r, o->sets_file, &run.err);
    size_t len = 0;
    char *text = p ? pv_render_parties(run.c, run.r, p, run.fmt, run.lang, &len, &run.err) : NULL;
    pv_parties_free(p);
    return pv_cli_finish(&run, rc, text, len);
}

const pv_cli_cmd pv_cli_parties = {
    .name = "parties", .synopsis = "CASE [--sets FILE]",
    .summary = "party weight sets: max-min compromise, regret, conflict",
    .help = PARTIES_HELP,
    .opts = PV_OPTS_REPORT | PV_OPT_BIT(PV_OPT_SETS_FILE),
    .min_args = 1, .max_args = 1, .run = run_parties,
};
