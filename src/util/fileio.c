/* fileio.c — reading inputs with limits, and atomic (temp + rename) writes. */
#include "../internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

size_t pv_max_file_bytes(void)
{
    const char *e = getenv("PARTNERVAL_MAX_FILE_BYTES");
    if (e && *e) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(e, &end, 10);
        if (!errno && *end == '\0' && v > 0)
            return (size_t)v;
    }
    return (size_t)512 * 1024 * 1024;
}

char *pv_read_file(const char *path, size_t *len, pv_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        pv_err(err, PV_EINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        pv_err(err, PV_EINPUT, path, 0, 0, "cannot stat: %s", strerror(errno));
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        pv_err(err, PV_EINPUT, path, 0, 0, "is a directory, not a file");
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        pv_err(err, PV_EINPUT, path, 0, 0, "not a regular file");
        close(fd);
        return NULL;
    }
    size_t max = pv_max_file_bytes();
    if ((unsigned long long)st.st_size > (unsigned long long)max) {
        pv_err(err, PV_EINPUT, path, 0, 0,
               "file is %lld bytes, larger than the limit of %zu bytes "
               "(set PARTNERVAL_MAX_FILE_BYTES to raise it)",
               (long long)st.st_size, max);
        close(fd);
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *data = pv_malloc(cap);
    if (!data) {
        pv_err_nomem(err);
        close(fd);
        return NULL;
    }
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > max) {
                pv_err(err, PV_EINPUT, path, 0, 0, "file grew beyond the limit of %zu bytes", max);
                pv_free(data);
                close(fd);
                return NULL;
            }
            char *p = pv_realloc(data, cap * 2);
            if (!p) {
                pv_err_nomem(err);
                pv_free(data);
                close(fd);
                return NULL;
            }
            data = p;
            cap *= 2;
        }
        ssize_t r = read(fd, data + n, cap - 1 - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            pv_err(err, PV_EINPUT, path, 0, 0, "cannot read: %s", strerror(errno));
            pv_free(data);
            close(fd);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    data[n] = '\0';
    *len = n;
    return data;
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int pv_write_file_atomic(const pv_case *c, const char *path, const char *data, size_t len,
                         pv_error *err)
{
    if (c) {
        for (size_t i = 0; i < c->ninputs; i++)
            if (same_file(path, c->inputs[i])) {
                pv_err(err, PV_EUSAGE, path, 0, 0,
                       "refusing to overwrite an input file of the case");
                return -1;
            }
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        pv_err(err, PV_EUSAGE, path, 0, 0, "is a directory");
        return -1;
    }
    size_t n = strlen(path);
    char *tmp = pv_malloc(n + 32);
    if (!tmp) {
        pv_err_nomem(err);
        return -1;
    }
    snprintf(tmp, n + 32, "%s.tmp.XXXXXX", path);
    /* No signal may end the process while the temporary file exists: they
     * are blocked until it is renamed or removed (see unblock below). */
    sigset_t stop, old;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    sigprocmask(SIG_BLOCK, &stop, &old);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        pv_err(err, PV_EUSAGE, path, 0, 0, "cannot create a temporary file beside it: %s",
               strerror(errno));
        pv_free(tmp);
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            pv_err(err, PV_EINTERNAL, path, 0, 0, "cannot write: %s", strerror(errno));
            close(fd);
            unlink(tmp);
            sigprocmask(SIG_SETMASK, &old, NULL);
            pv_free(tmp);
            return -1;
        }
        off += (size_t)w;
    }
    /* mkstemp creates 0600; reports are documents meant to be shared. */
    fchmod(fd, 0644);
    /* A stop signal that came meanwhile: the run was cancelled, so the file
     * must not appear. Remove the temporary file, then let the signal act. */
    sigset_t pend;
    int cancelled = sigpending(&pend) == 0 && (sigismember(&pend, SIGINT) == 1 ||
                                               sigismember(&pend, SIGTERM) == 1 ||
                                               sigismember(&pend, SIGHUP) == 1);
    if (cancelled || close(fd) != 0 || rename(tmp, path) != 0) {
        if (cancelled) {
            close(fd);
            pv_err(err, PV_EINTERRUPTED, path, 0, 0, "interrupted; not written");
        } else
            pv_err(err, PV_EINTERNAL, path, 0, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
        sigprocmask(SIG_SETMASK, &old, NULL);
        pv_free(tmp);
        return -1;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    pv_free(tmp);
    return 0;
}
