/* serve_cmd.c — `partnerval serve`: starts the web server (the library's
 * pv_serve_start), prints the address to open as the first line of standard
 * output, and serves until SIGINT or SIGTERM, then stops cleanly (exit 0). */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int run_serve(const pv_cli_opts *o)
{
    pv_error err;
    pv_error_clear(&err);
    /* Blocked before the server's thread starts, so that it inherits the
     * mask and the signals come to sigwait below (no handler runs). */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pv_serve_opts so = {.case_path = o->args[0], .bind = o->bind, .port = (unsigned)o->port,
                        .lang = (pv_lang)o->lang, .scenarios_dir = o->scenarios};
    pv_server *s = pv_serve_start(&so, &err);
    if (!s)
        return pv_cli_error(&err);
    printf("%s\n", pv_serve_url(s));
    fflush(stdout);
    if (o->bind && strcmp(o->bind, "127.0.0.1") && strcmp(o->bind, "::1"))
        fprintf(stderr, "partnerval: warning: listening on %s: anyone on that network can reach "
                        "the page (the token still guards it) / vem som helst i det nätet når "
                        "sidan (token skyddar den fortfarande)\n", o->bind);
    int sig = 0;
    sigwait(&set, &sig);
    pv_serve_stop(s);
    return 0;
}

const pv_cli_cmd pv_cli_serve = {
    .name = "serve", .synopsis = "CASE",
    .summary = "a local web page: live what-if for the decision meeting",
    .help = "usage: partnerval serve CASE [--port N] [--bind ADDR] [--lang sv|en] [--scenarios DIR]\n"
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
            "  -h, --help       this help\n",
    .opts = PV_OPT_BIT(PV_OPT_LANG) | PV_OPT_BIT(PV_OPT_PORT) | PV_OPT_BIT(PV_OPT_BIND) |
            PV_OPT_BIT(PV_OPT_SCENARIOS),
    .min_args = 1, .max_args = 1, .run = run_serve,
};
