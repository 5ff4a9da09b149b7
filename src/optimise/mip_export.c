/*
 * mip_export.c — pv_export: the selection MILP in LP or MPS format, written
 * by GLPK to an unnamed temporary file and then by the one writer to its place.
 */
/* O_TMPFILE: Linux; the code falls back where it fails. */
#define _GNU_SOURCE
#include "glpk_driver.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* GLPK writes only to a named file. It gets a file without a name in $TMPDIR
 * (O_TMPFILE, or a mkstemp name removed at once with the fatal signals
 * blocked), reached as /proc/self/fd/N, so that no signal can leave a file
 * behind; the text is then read back and written by the one writer. Without
 * /proc, the named file is used with SIGINT, SIGTERM and SIGHUP blocked until
 * it is removed. Returns the descriptor (path set) or -1 + err. */
static int scratch_file(char *path, size_t size, int *named, sigset_t *old, pv_error *err)
{
    const char *dir = getenv("TMPDIR");
    dir = dir && dir[0] ? dir : "/tmp";
    sigset_t fatal;
    sigemptyset(&fatal);
    sigaddset(&fatal, SIGINT);
    sigaddset(&fatal, SIGTERM);
    sigaddset(&fatal, SIGHUP);
    *named = 0;
    int fd = -1;
#ifdef O_TMPFILE
    fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
    sigprocmask(SIG_BLOCK, &fatal, old);
    if (fd < 0) {
        snprintf(path, size, "%s/partnerval-XXXXXX", dir);
        if ((fd = mkstemp(path)) < 0) {
            sigprocmask(SIG_SETMASK, old, NULL);
            pv_err(err, PV_EINTERNAL, dir, 0, 0,
                   "cannot create a temporary file: %s (set TMPDIR to a writable folder)",
                   strerror(errno));
            return -1;
        }
        unlink(path);
    }
    snprintf(path, size, "/proc/self/fd/%d", fd);
    if (access(path, W_OK) == 0) {
        sigprocmask(SIG_SETMASK, old, NULL);
        return fd;
    }
    /* no /proc: a name, with the signals blocked until it is gone */
    close(fd);
    snprintf(path, size, "%s/partnerval-XXXXXX", dir);
    if ((fd = mkstemp(path)) < 0) {
        sigprocmask(SIG_SETMASK, old, NULL);
        pv_err(err, PV_EINTERNAL, dir, 0, 0,
               "cannot create a temporary file: %s (set TMPDIR to a writable folder)",
               strerror(errno));
        return -1;
    }
    *named = 1;
    return fd;
}

/* MPS has no objective sense every reader takes (glpsol rejects an OBJSENSE
 * section, CBC ignores it): both minimise unless told, and the minimum of
 * this model is the empty portfolio. GLPK's header comments say nothing of
 * it, so one more comment line before NAME does. Returns the new text (data
 * freed), or NULL + err. */
static char *mps_note(char *data, size_t *len, pv_error *err)
{
    static const char note[] = "* Objective: maximise (MPS has no sense every reader takes: "
                               "glpsol --max, cbc -max)\n";
    const char *name = strstr(data, "\nNAME");
    size_t at = name ? (size_t)(name - data) + 1 : 0, n = sizeof note - 1;
    char *out = pv_malloc(*len + n + 1);
    if (!out) {
        pv_free(data);
        pv_err_nomem(err);
        return NULL;
    }
    memcpy(out, data, at);
    memcpy(out + at, note, n);
    memcpy(out + at + n, data + at, *len - at + 1);
    pv_free(data);
    *len += n;
    return out;
}

int pv_mip_write(pv_mip *m, pv_export_fmt fmt, const char *path, pv_error *err)
{
    char tmp[4096];
    int named;
    sigset_t old;
    int fd = scratch_file(tmp, sizeof tmp, &named, &old, err);
    if (fd < 0)
        return -1;
    int rc = pv_lp_write(m, fmt != PV_EXPORT_LP, tmp);
    size_t len = 0;
    char *data = rc ? NULL : pv_read_file(tmp, &len, err);
    if (named) {
        unlink(tmp);
        sigprocmask(SIG_SETMASK, &old, NULL);
    }
    close(fd);
    if (rc) {
        if (rc < 0)
            pv_lp_error(err);
        else
            pv_err(err, PV_EINTERNAL, path, 0, 0, "GLPK could not write the model");
        return -1;
    }
    if (data && fmt != PV_EXPORT_LP)
        data = mps_note(data, &len, err);
    if (!data)
        return -1;
    rc = pv_write_file_atomic(m->c, path, data, len, err);
    pv_free(data);
    return rc ? -1 : 0;
}

int pv_export(const pv_case *c, const pv_ranking *r, pv_export_fmt fmt, const char *path,
              pv_error *err)
{
    if (!c || !r || !path) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "pv_export: no case, ranking or path");
        return -1;
    }
    pv_mip *m = pv_mip_build(c, r, err);
    if (!m)
        return -1;
    int rc = pv_mip_write(m, fmt, path, err);
    pv_mip_free(m);
    return rc;
}
