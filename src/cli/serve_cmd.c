/* serve_cmd.c — `partnerval serve`: starts the web server (the library's
 * pv_serve_start), prints the address to open as the first line of standard
 * output, and serves until SIGINT or SIGTERM, then stops cleanly (exit 0). */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int pv_cli_run_serve(const pv_cli_opts *o)
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
