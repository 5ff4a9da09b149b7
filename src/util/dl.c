/*
 * dl.c — the outside libraries that only some commands need, loaded when
 * first needed rather than when the program starts.
 *
 * libmicrohttpd (serve) brings GnuTLS and seven more libraries; libzip,
 * libxlsxwriter (workbooks) and the SHA-256 of the HTML and workbook reports
 * bring OpenSSL's libcrypto. Loading them all at start cost every command
 * about 6 ms on this project's machine (README, "Start-up"): more than a
 * small selection's whole solve. Each library still lives in its one file,
 * which lists the functions it calls (PV_DL_FIELD, PV_DL_BIND) and asks for
 * them here before its first call.
 */
#include "../internal.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* dlopen and dlerror are not reentrant together: one load at a time. */
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

void *pv_dl_sym(void *so, const char *name, const char **missing)
{
    void *f = dlsym(so, name);
    if (!f && !*missing)
        *missing = name;
    return f;
}

int pv_dl_need(pv_dl *d, pv_error *err)
{
    pthread_mutex_lock(&g_lock);
    if (!d->state) {
        /* libxlsxwriter and libzip need libcrypto, which the checksums open
         * by name as well. When the dependency was opened by name first,
         * glibc 2.36's loader keeps track of every block; in the other order
         * a server's later dlopen of it by name loses 40 bytes (valgrind,
         * tests/scripts/serve.sh). Never closed, like the library itself; a
         * failure here shows as the library's own. */
        if (d->first)
            (void)dlopen(d->first, RTLD_NOW | RTLD_LOCAL);
        void *so = dlopen(d->soname, RTLD_NOW | RTLD_LOCAL);
        const char *missing = NULL;
        if (!so) {
            const char *why = dlerror();
            snprintf(d->why, sizeof d->why, "%s", why ? why : "not found");
        } else if (d->bind(so, &missing), missing) {
            snprintf(d->why, sizeof d->why, "it has no function %s", missing);
            dlclose(so);
            so = NULL;
        }
        d->state = so ? 1 : -1;
    }
    int ok = d->state > 0;
    char why[sizeof d->why];
    snprintf(why, sizeof why, "%s", d->why);
    /* The dynamic loader's words when the library is there but memory is
     * not (ulimit -v): installing a package would not help, and a later call
     * (a server's next request) may find the memory, so it is not remembered. */
    int nomem = !ok && (strstr(why, "failed to map") || strstr(why, "annot allocate memory"));
    if (nomem)
        d->state = 0;
    pthread_mutex_unlock(&g_lock);
    if (ok)
        return 0;
    if (nomem)
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "out of memory loading %s for %s (%s)", d->soname,
               d->purpose, why);
    else
        pv_err(err, PV_EINTERNAL, NULL, 0, 0,
               "%s needs the library %s, which could not be loaded (%s): install the Debian "
               "package %s (`make deps` does)",
               d->purpose, d->soname, why, d->package);
    return -1;
}
