/* partnerval — the command-line tool. Thin: parses options, calls
 * libpartnerval through include/partnerval.h only, prints, and maps error
 * codes to exit codes (0 ok, 1 usage, 2 invalid input, 3 infeasible,
 * 4 solver or internal failure). */
#include "partnerval.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *USAGE =
    "usage: partnerval COMMAND [OPTIONS] CASE\n"
    "\n"
    "Commands:\n"
    "  check CASE      validate the case, model and data; print warnings\n"
    "  rank CASE       screen and score every proposal; print the ranking\n"
    "  select CASE     choose the best portfolio within the resource limits (GLPK)\n"
    "  export CASE     write the selection MILP (--lp FILE or --mps FILE)\n"
    "  weights CASE    print local and global weights, AHP consistency\n"
    "  compare CASE SCENARIO...    solve scenarios side by side (also --set path=value)\n"
    "  sensitivity CASE            weight intervals within which the portfolio holds\n"
    "  frontier CASE --resource R  the optimal value as one limit varies\n"
    "  robust CASE --samples N     selection shares over random weights\n"
    "  merge-patch TARGET PATCH    apply an RFC 7386 merge patch (to check scenarios)\n"
    "  compare CASE SCENARIO...  solve scenarios side by side (--set path=value)\n"
    "  sensitivity CASE          weight intervals within which the portfolio holds\n"
    "  frontier CASE --resource R  optimal value as a limit varies\n"
    "  robust CASE --samples N   selection shares over random weights\n"
    "  merge-patch TARGET PATCH  apply an RFC 7386 merge patch (for checking scenarios)\n"
    "\n"
    "Run 'partnerval COMMAND --help' for a command's options.\n"
    "Exit codes: 0 ok, 1 usage, 2 invalid input, 3 infeasible, 4 solver or internal failure.\n";

int pv_cli_error(const pv_error *err)
{
    char msg[2048];
    fprintf(stderr, "partnerval: error: %s\n", pv_error_format(err, msg, sizeof msg));
    return err->code ? err->code : PV_EINTERNAL;
}

int pv_cli_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "partnerval: error: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(see 'partnerval --help')\n");
    return PV_EUSAGE;
}

int pv_cli_emit(const pv_case *c, const char *out, char *text, size_t len, pv_error *err)
{
    int rc = 0;
    if (out) {
        if (pv_write_file_atomic(c, out, text, len, err))
            rc = pv_cli_error(err);
    } else if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
        fprintf(stderr, "partnerval: error: cannot write to standard output\n");
        rc = PV_EINTERNAL;
    }
    pv_free(text);
    return rc;
}

static const char *RANK_HELP =
    "usage: partnerval rank CASE [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "                           [--date YYYY-MM-DD]\n"
    "\n"
    "Screens every proposal against the model's rules, scores it, and prints the\n"
    "ranking: eligible proposals by score (descending), then excluded ones; ties\n"
    "are broken by id.\n"
    "\n"
    "  -f, --format F   text (default), md, csv, json or html (a self-contained report)\n"
    "  -o, --output F   write to F (atomically) instead of standard output\n"
    "  -l, --lang L     sv or en (default: the model's language)\n"
    "      --date D     the date an HTML report shows (default: today, UTC)\n"
    "  -h, --help       this help\n";

static const char *CHECK_HELP =
    "usage: partnerval check CASE\n"
    "\n"
    "Validates the case, its model and its CSV files, scores every proposal, and\n"
    "prints warnings: columns no criterion uses, criteria whose values are\n"
    "constant, zero weights, values outside worst..best (clamped).\n"
    "Exit 0 when valid (even with warnings), 2 on invalid input.\n";

int pv_cli_common_opts(int argc, char **argv, const char *help, pv_cli_opts *o)
{
    static const struct option longopts[] = {{"format", required_argument, 0, 'f'},
                                              {"output", required_argument, 0, 'o'},
                                              {"lang", required_argument, 0, 'l'},
                                              {"time-limit", required_argument, 0, 'T'},
                                              {"gap", required_argument, 0, 'G'},
                                              {"no-why", no_argument, 0, 'W'},
                                              {"lp", required_argument, 0, 'L'},
                                              {"mps", required_argument, 0, 'M'},
                                              {"help", no_argument, 0, 'h'},
                                              {"date", required_argument, 0, 'D'},
                                              {0, 0, 0, 0}};
    memset(o, 0, sizeof *o);
    o->fmt = PV_FMT_TEXT;
    o->lang = PV_LANG_DEFAULT;
    o->time_limit = -1;
    o->gap = -1;
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":f:o:l:h", longopts, NULL)) != -1) {
        char *end;
        switch (ch) {
        case 'f':
            if ((o->fmt = pv_format_parse(optarg)) < 0)
                return pv_cli_usage("unknown format '%s' (text, md, csv, json, html)", optarg);
            break;
        case 'o': o->out = optarg; break;
        case 'l':
            if ((o->lang = pv_lang_parse(optarg)) < 0)
                return pv_cli_usage("unknown language '%s' (sv, en)", optarg);
            break;
        case 'T':
            o->time_limit = strtod(optarg, &end);
            if (*end || !(o->time_limit > 0) || o->time_limit > 86400)
                return pv_cli_usage("--time-limit takes seconds in (0, 86400], not '%s'", optarg);
            break;
        case 'G':
            o->gap = strtod(optarg, &end);
            if (*end || !(o->gap >= 0) || o->gap >= 1)
                return pv_cli_usage("--gap takes a relative gap in [0, 1), not '%s'", optarg);
            break;
        case 'W': o->no_why = 1; break;
        case 'D':
            if (pv_set_report_date(optarg))
                return pv_cli_usage("--date takes YYYY-MM-DD, not '%s'", optarg);
            break;
        case 'L': o->lp = optarg; break;
        case 'M': o->mps = optarg; break;
        case 'h':
            fputs(help, stdout);
            return -1;
        case ':': return pv_cli_usage("option '%s' needs a value", argv[optind - 1]);
        default: return pv_cli_usage("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return pv_cli_usage(optind >= argc ? "no case file given%s" : "too many arguments%s", "");
    o->case_path = argv[optind];
    return 0;
}

static int cmd_rank(int argc, char **argv)
{
    pv_cli_opts o;
    int rc = pv_cli_common_opts(argc, argv, RANK_HELP, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load(o.case_path, &err);
    pv_ranking *r = c ? pv_rank(c, &err) : NULL;
    size_t len = 0;
    char *text = r ? pv_render_rank(c, r, (pv_format)o.fmt, (pv_lang)o.lang, &len, &err) : NULL;
    rc = text ? pv_cli_emit(c, o.out, text, len, &err) : pv_cli_error(&err);
    pv_ranking_free(r);
    pv_case_free(c);
    return rc;
}

static const char *WEIGHTS_HELP =
    "usage: partnerval weights CASE [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "                              [--date YYYY-MM-DD]\n"
    "\n"
    "Prints every criterion's local weight (among its siblings) and global weight\n"
    "(product along its path), and for each level the weighting method (direct,\n"
    "rank, swing, ahp) with AHP's lambda_max, CI = (lambda_max - n)/(n - 1) and\n"
    "CR = CI/RI.\n";

static int cmd_weights(int argc, char **argv)
{
    pv_cli_opts o;
    int rc = pv_cli_common_opts(argc, argv, WEIGHTS_HELP, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load(o.case_path, &err);
    size_t len = 0;
    char *text = c ? pv_render_weights(c, (pv_format)o.fmt, (pv_lang)o.lang, &len, &err) : NULL;
    rc = text ? pv_cli_emit(c, o.out, text, len, &err) : pv_cli_error(&err);
    pv_case_free(c);
    return rc;
}

static int cmd_check(int argc, char **argv)
{
    pv_cli_opts o;
    int rc = pv_cli_common_opts(argc, argv, CHECK_HELP, &o);
    if (rc)
        return rc < 0 ? 0 : rc;
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load(o.case_path, &err);
    pv_warnings *w = c ? pv_check(c, &err) : NULL;
    if (!w) {
        rc = pv_cli_error(&err);
    } else {
        for (size_t i = 0; i < pv_warnings_count(w); i++)
            fprintf(stderr, "partnerval: warning: %s\n", pv_warnings_get(w, i));
        printf("%s: ok: %zu projects, %zu warning%s\n", o.case_path, pv_case_project_count(c),
               pv_warnings_count(w), pv_warnings_count(w) == 1 ? "" : "s");
    }
    pv_warnings_free(w);
    pv_case_free(c);
    return rc;
}

int main(int argc, char **argv)
{
    pv_cli_harden();
    if (argc < 2) {
        fputs(USAGE, stderr);
        return PV_EUSAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(USAGE, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        printf("partnerval %s (GLPK %s)\n", PV_VERSION, pv_glpk_version());
        return 0;
    }
    if (!strcmp(cmd, "rank"))
        return cmd_rank(argc - 1, argv + 1);
    if (!strcmp(cmd, "check"))
        return cmd_check(argc - 1, argv + 1);
    if (!strcmp(cmd, "weights"))
        return cmd_weights(argc - 1, argv + 1);
    if (!strcmp(cmd, "select"))
        return pv_cli_select(argc - 1, argv + 1);
    if (!strcmp(cmd, "export"))
        return pv_cli_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "compare"))
        return pv_cli_compare(argc - 1, argv + 1);
    if (!strcmp(cmd, "sensitivity"))
        return pv_cli_sensitivity(argc - 1, argv + 1);
    if (!strcmp(cmd, "frontier"))
        return pv_cli_frontier(argc - 1, argv + 1);
    if (!strcmp(cmd, "robust"))
        return pv_cli_robust(argc - 1, argv + 1);
    if (!strcmp(cmd, "merge-patch"))
        return pv_cli_merge_patch(argc - 1, argv + 1);
    fprintf(stderr, "partnerval: error: unknown command '%s'\n", cmd);
    fputs(USAGE, stderr);
    return PV_EUSAGE;
}
