/* help.c — the text of every command's --help (`partnerval NAME --help`), as
 * data: the command table in partnerval.c points here. */
#include "cli.h"

const char pv_cli_help_check[] =
    "usage: partnerval check CASE [--quiet]\n"
    "\n"
    "Validates the case, its model and its CSV files, scores every proposal, and\n"
    "prints warnings: columns no criterion uses, criteria whose values are\n"
    "constant, zero weights, values outside worst..best (clamped).\n"
    "\n"
    "      --quiet   no warning lines; the summary line still counts them\n"
    "\n"
    "Exit 0 when valid (even with warnings), 2 on invalid input.\n";

const char pv_cli_help_rank[] =
    "usage: partnerval rank CASE [--format text|md|csv|json|html|xlsx] [-o FILE]\n"
    "                           [--lang sv|en]\n"
    "                           [--date YYYY-MM-DD]\n"
    "\n"
    "Screens every proposal against the model's rules, scores it, and prints the\n"
    "ranking: eligible proposals by score (descending), then excluded ones; ties\n"
    "are broken by id.\n"
    "\n"
    "  -f, --format F   text (default), md, csv, json, html (a self-contained report)\n"
    "                   or xlsx (an Excel workbook; needs -o)\n"
    "  -o, --output F   write to F (atomically) instead of standard output (-: standard output)\n"
    "  -l, --lang L     sv or en (default: the model's language)\n"
    "      --date D     the date an HTML report shows (default: today, UTC)\n"
    "  -h, --help       this help\n";

const char pv_cli_help_select[] =
    "usage: partnerval select CASE [--format text|md|csv|json|html|xlsx] [-o FILE] [--lang sv|en]\n"
    "                              [--time-limit S] [--gap G] [--no-why] [--date YYYY-MM-DD]\n"
    "\n"
    "Chooses the portfolio of projects and partners with the highest total score\n"
    "within the case's resource limits and constraints (a MILP solved by GLPK),\n"
    "and explains why each proposal is in or out.\n"
    "\n"
    "  -f, --format F     text (default), md, csv, json, html (a self-contained report)\n"
    "                     or xlsx (an Excel workbook; needs -o)\n"
    "  -o, --output F     write to F (atomically) instead of standard output (-: standard output)\n"
    "  -l, --lang L       sv or en (default: the model's language)\n"
    "      --time-limit S solver time limit in seconds (default: case, else 60)\n"
    "      --gap G        relative MIP gap at which to stop (default: case, else 0)\n"
    "      --no-why       skip the why-in/why-out re-solves\n"
    "      --quiet        no progress on standard error (shown on a terminal after 1 s)\n"
    "      --date D       the date an HTML report shows (default: today, UTC)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit 0 with a portfolio (status optimal or feasible), 3 when infeasible (the\n"
    "report then names a minimal conflicting set of constraints), 2 on invalid\n"
    "input, 4 on a solver failure.\n";

const char pv_cli_help_export[] =
    "usage: partnerval export CASE (--lp FILE | --mps FILE)\n"
    "\n"
    "Writes the exact selection MILP in CPLEX LP or free MPS format, with the\n"
    "project and partner ids as column names, so the answer can be checked with\n"
    "glpsol or CBC. The model maximises; MPS has no objective sense every reader\n"
    "takes, so tell the solver: glpsol --freemps FILE --max, cbc FILE -max -solve\n"
    "(the file says so in a comment).\n";

const char pv_cli_help_weights[] =
    "usage: partnerval weights CASE [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "                              [--date YYYY-MM-DD]\n"
    "\n"
    "Prints every criterion's local weight (among its siblings) and global weight\n"
    "(product along its path), and for each level the weighting method (direct,\n"
    "rank, swing, ahp) with AHP's lambda_max, CI = (lambda_max - n)/(n - 1) and\n"
    "CR = CI/RI.\n";

const char pv_cli_help_compare[] =
    "usage: partnerval compare CASE [SCENARIO.json ...] [--set path=value ...]\n"
    "                          [--format text|md|csv|json|html|xlsx] [-o FILE] [--lang sv|en]\n"
    "                          [--why] [--quiet] [--date YYYY-MM-DD]\n"
    "\n"
    "Solves the base case and each scenario, and shows them side by side: value,\n"
    "resources used, selected projects, and what entered and left compared with\n"
    "the base. A scenario file is {\"name\": …, \"patch\": {…}}, an RFC 7386 merge\n"
    "patch applied to the case with its model inlined under \"model\", e.g.\n"
    "{\"model\": {\"criteria\": {\"safety\": {\"weight\": 4}}}}. Each --set makes\n"
    "one more scenario from the command line, e.g.\n"
    "--set model.criteria.safety.weight=4 (all --set together form one scenario).\n";

const char pv_cli_help_sensitivity[] =
    "usage: partnerval sensitivity CASE [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "       [--date YYYY-MM-DD] [--quiet]\n"
    "\n"
    "For every leaf criterion, varies its global weight from 0 to 1 (the other\n"
    "leaves rescaled in proportion) and reports the interval [low, high] around\n"
    "the current weight within which the selected portfolio stays the same (to\n"
    "0.001, by bisection on re-solves), and what enters and leaves beyond it.\n";

const char pv_cli_help_frontier[] =
    "usage: partnerval frontier CASE --resource R [--from A] [--to B] [--steps N]\n"
    "                           [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "       [--date YYYY-MM-DD] [--quiet]\n"
    "\n"
    "The optimal value as the limit of resource R goes from A (default 0) to B\n"
    "(default: the total demand of R), at N+1 evenly spaced limits (default\n"
    "N = 10), with the exact limits where the portfolio changes and the order in\n"
    "which projects enter.\n";

const char pv_cli_help_robust[] =
    "usage: partnerval robust CASE --samples N [--seed S] [--threads T]\n"
    "                         [--weights uniform|ranked|intervals]\n"
    "                         [--format text|md|csv|json|html] [-o FILE] [--lang sv|en]\n"
    "       [--date YYYY-MM-DD]\n"
    "\n"
    "Monte Carlo over the leaf criteria's weights: each sample is normalised and\n"
    "the portfolio re-solved. Reports each project's selection share with a 95 %\n"
    "Wilson interval (core >= 0.9, exterior <= 0.1, else borderline), the most\n"
    "frequent portfolios, and the share of samples in which the base portfolio\n"
    "is optimal. Sample i uses its own xoshiro256** stream seeded by\n"
    "splitmix64 from (S, i), so the output is the same for any --threads when\n"
    "every sample is proven optimal within the case's time limit; samples the\n"
    "limit cuts keep the best portfolio found and are counted (\"unproven\").\n"
    "  uniform    uniform on the simplex (no preference information)\n"
    "  ranked     uniform among weights that keep the model's order\n"
    "  intervals  each criterion's \"weight_range\": [lo, hi] drawn uniformly\n"
    "\n"
    "Progress goes to standard error when it is a terminal and the work takes more\n"
    "than a second; --quiet turns it off (also for sensitivity, frontier, select).\n";

const char pv_cli_help_parties[] =
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
    "  -o, --output F     write to F (atomically) instead of standard output (-: standard output)\n"
    "  -l, --lang L       sv or en (default: the model's language)\n"
    "      --sets FILE    weight sets from FILE ({\"weight_sets\": {...}} or the map)\n"
    "      --date D       the date an HTML report or workbook shows (default: today, UTC)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit 0 with the report, 2 on invalid input (no sets, a set naming an unknown\n"
    "criterion), 3 when a set or the compromise has no feasible portfolio,\n"
    "4 on a solver failure.\n";

const char pv_cli_help_followup[] =
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
    "  -o, --output F     write to F (atomically) instead of standard output (-: standard output)\n"
    "  -l, --lang L       sv or en (default: the model's language)\n"
    "      --date D       the date an HTML report or workbook shows (default: today, UTC)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit 0 with a report, 1 on wrong use, 2 on invalid input (a case without\n"
    "\"followup\", a bad outcomes file: every bad cell is listed), 4 on a failure.\n";

const char pv_cli_help_merge_patch[] =
    "usage: partnerval merge-patch TARGET.json PATCH.json\n"
    "\n"
    "Prints TARGET with PATCH applied as an RFC 7386 JSON merge patch (compact).\n";

const char pv_cli_help_serve[] =
    "usage: partnerval serve CASE [--port N] [--bind ADDR] [--lang sv|en] [--scenarios DIR]\n"
    "\n"
    "Starts a local web application on the case: weight sliders, limits,\n"
    "must / must-not, the portfolio with why, the budget frontier, robustness,\n"
    "scenarios and the HTML report. The first line on standard output is the\n"
    "address to open, http://127.0.0.1:PORT/?token=TOKEN; serves until Ctrl-C\n"
    "(SIGINT) or SIGTERM, then exits 0.\n"
    "\n"
    "  --port N         the port (default 8080; 0 picks a free one)\n"
    "  --bind ADDR      the IP address to listen on (default 127.0.0.1; any other\n"
    "                   lets others on that network reach the page: a warning)\n"
    "  -l, --lang L     sv or en (default: the model's language)\n"
    "  --scenarios DIR  where saved scenarios go (default: the case's scenarios/)\n"
    "  -h, --help       this help\n";

const char pv_cli_help_init[] =
    "usage: partnerval init DIR --model NAME [-o PROJECTS] [--lang sv|en] [--date D]\n"
    "\n"
    "Writes a runnable starter case for one of the shipped models (NAME: kristianstad,\n"
    "lidkoping, linkoping-norrkoping, norrkoping, tranas) into DIR, which must be new\n"
    "or empty (no file is ever overwritten): case.json with the municipality's\n"
    "resources, a copy of the model, projects.csv with exactly the columns the model\n"
    "reads and two example rows, projects-columns.csv saying what each column means\n"
    "and its allowed values, partners.csv with the municipality's own partners, and\n"
    "countries.csv. The CSV files are as Swedish Excel saves them (UTF-8 BOM, ';',\n"
    "decimal comma, CRLF). Then: partnerval check DIR/case.json.\n"
    "\n"
    "With -o NAME.xlsx the projects file is an Excel workbook instead (no\n"
    "projects-columns.csv): the sheet Projekt (Projects) with the columns and the two\n"
    "rows, every column's meaning shown as an input message when a cell is entered,\n"
    "drop-down lists for yes/no columns (ja/nej) and the model's categories, and a\n"
    "sheet Kolumner (Columns) describing the columns; case.json names the sheet.\n"
    "\n"
    "  --model NAME   the shipped model (models/NAME.json)\n"
    "  -o PROJECTS    the projects file's name in DIR (default projects.csv); a name\n"
    "                 ending in .xlsx writes an Excel workbook\n"
    "  --date D       the workbook's creation time (YYYY-MM-DD; default today): the\n"
    "                 same inputs and --date give the same bytes\n"
    "  -l, --lang L   language of the column descriptions: sv or en (default: the\n"
    "                 model's)\n"
    "\n"
    "The shipped models are looked up in $PARTNERVAL_DATA, then in\n"
    "BIN/../share/partnerval (installed), then beside the binary (source tree).\n";
