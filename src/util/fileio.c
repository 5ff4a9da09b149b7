/* fileio.c — reading inputs with limits, and the one writer of output files.
 *
 * The writer's promises (README, "Hardening"):
 *  - a regular file (new or existing) is replaced atomically: the data goes to
 *    an unnamed O_TMPFILE in the target's folder, which is given a name and
 *    renamed over the target only when complete; where the file system has no
 *    O_TMPFILE, a named temporary file is used with every catchable fatal
 *    signal blocked, so that it is removed before the signal acts;
 *  - a symbolic link is followed: the file it points to is replaced, the link
 *    stays;
 *  - an existing device, FIFO or socket is written in place (so -o /dev/null
 *    and -o /dev/stdout behave as users expect), never replaced;
 *  - a new file gets 0666 & ~umask; a replaced one keeps its mode (and owner,
 *    where the process may set it);
 *  - SIGXFSZ is ignored while writing, so a file-size limit is a write error
 *    (EFBIG) with a message, not a silent death. */
/* O_TMPFILE, AT_EMPTY_PATH: Linux; the code falls back where they fail. */
#define _GNU_SOURCE
#include "../internal.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

size_t pv_max_file_bytes(pv_error *err)
{
    const char *e = getenv("PARTNERVAL_MAX_FILE_BYTES");
    if (!e || !*e)
        return (size_t)512 * 1024 * 1024;
    /* digits only: strtoull would take "-1" as 2^64 - 1, no limit at all */
    char *end = NULL;
    errno = 0;
    unsigned long long v = strspn(e, "0123456789") == strlen(e) ? strtoull(e, &end, 10) : 0;
    if (errno || v == 0 || v > (unsigned long long)SIZE_MAX / 2) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0,
               "PARTNERVAL_MAX_FILE_BYTES is '%.40s': give a whole number of bytes above 0 "
               "(or unset it for the default 536870912)",
               e);
        return 0;
    }
    return (size_t)v;
}

char *pv_read_file(const char *path, size_t *len, pv_error *err)
{
    char *d;
    if (pv_snapshot_read(path, &d, len)) {
        if (!d)
            pv_err_nomem(err);
        return d;
    }
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
        size_t n = strlen(path);
        struct stat cs;
        /* a case folder given for its case file, as `init` makes them */
        if (fstatat(fd, "case.json", &cs, 0) == 0 && S_ISREG(cs.st_mode))
            pv_err(err, PV_EINPUT, path, 0, 0, "is a directory, not a file; did you mean '%s%scase.json'?",
                   path, n && path[n - 1] == '/' ? "" : "/");
        else
            pv_err(err, PV_EINPUT, path, 0, 0, "is a directory, not a file");
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        pv_err(err, PV_EINPUT, path, 0, 0, "not a regular file");
        close(fd);
        return NULL;
    }
    size_t max = pv_max_file_bytes(err);
    if (!max) {
        close(fd);
        return NULL;
    }
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
    pv_snapshot_note(path, data, n);
    return data;
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Exit code of a failed write: the user named an impossible place (1), or
 * the system could not take the data (4: disk or inodes full, quota, EFBIG). */
static int write_errno_code(int e)
{
    switch (e) {
    case EACCES:
    case EPERM:
    case ENOENT:
    case ENOTDIR:
    case EROFS:
    case EISDIR:
    case ENAMETOOLONG:
    case ELOOP:
    case ENXIO:
        return PV_EUSAGE;
    default:
        return PV_EINTERNAL;
    }
}

/* The path a write to `path` must replace: symbolic links in the last
 * component are followed (a dangling link names the file to create). */
static char *resolve_links(const char *path, pv_error *err)
{
    char *cur = pv_strdup(path);
    if (!cur) {
        pv_err_nomem(err);
        return NULL;
    }
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        if (hops == 40) {
            pv_err(err, PV_EUSAGE, path, 0, 0, "too many levels of symbolic links");
            pv_free(cur);
            return NULL;
        }
        char target[PATH_MAX];
        ssize_t n = readlink(cur, target, sizeof target - 1);
        if (n < 0 || n == (ssize_t)sizeof target - 1) {
            pv_err(err, PV_EUSAGE, path, 0, 0, "cannot read the symbolic link");
            pv_free(cur);
            return NULL;
        }
        target[n] = '\0';
        const char *slash = strrchr(cur, '/');
        size_t dirlen = target[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
        char *next = pv_malloc(dirlen + (size_t)n + 1);
        if (!next) {
            pv_err_nomem(err);
            pv_free(cur);
            return NULL;
        }
        memcpy(next, cur, dirlen);
        memcpy(next + dirlen, target, (size_t)n + 1);
        pv_free(cur);
        cur = next;
    }
}

static int write_all(int fd, const char *data, size_t len)
{
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        off += (size_t)w;
    }
    return 0;
}

/* Signals that end the process and can be caught: blocked while a named
 * temporary file exists, so that it is removed before any of them acts. */
static void fatal_signals(sigset_t *set)
{
    static const int sigs[] = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT,   SIGPIPE, SIGALRM,
                               SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF};
    sigemptyset(set);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaddset(set, sigs[i]);
}

static int stop_pending(void)
{
    sigset_t pend;
    return sigpending(&pend) == 0 &&
           (sigismember(&pend, SIGINT) == 1 || sigismember(&pend, SIGTERM) == 1 ||
            sigismember(&pend, SIGHUP) == 1);
}

/* The descriptor that path names when it is one of the system's names of an
 * open descriptor (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N),
 * -2 when it names one that is not open, else -1. Such a target is the descriptor itself: written
 * where it stands (a pipe, a terminal, a file opened with >>), never replaced, since the link
 * behind the name leads to "pipe:[…]" or to the file the shell opened (following it replaced a >>
 * log instead of appending to it). */
static int fd_name(const char *path)
{
    if (!strcmp(path, "/dev/stdout"))
        return fcntl(1, F_GETFD) < 0 ? -2 : 1;
    if (!strcmp(path, "/dev/stderr"))
        return fcntl(2, F_GETFD) < 0 ? -2 : 2;
    const char *p = !strncmp(path, "/dev/fd/", 8)          ? path + 8
                    : !strncmp(path, "/proc/self/fd/", 14) ? path + 14
                                                           : NULL;
    if (!p || *p < '0' || *p > '9')
        return -1;
    char *end;
    errno = 0;
    long n = strtol(p, &end, 10);
    if (*end || errno || n > INT_MAX)
        return -1;
    return fcntl((int)n, F_GETFD) < 0 ? -2 : (int)n;
}

/* Writes data to descriptor n (named shown), after what stdio holds for it. */
static int write_fd(int n, const char *shown, const char *data, size_t len, pv_error *err)
{
    if (n == -2) {
        pv_err(err, PV_EUSAGE, shown, 0, 0, "names a descriptor that is not open");
        return -1;
    }
    if ((n == 1 && fflush(stdout) != 0) || (n == 2 && fflush(stderr) != 0) ||
        write_all(n, data, len) != 0) {
        pv_err(err, write_errno_code(errno), shown, 0, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}

/* A device, FIFO or socket that exists: written in place, never replaced. */
/* Writes data to fd; on failure closes fd and returns -1 with err. */
static int write_or_close(int fd, const char *shown, const char *data, size_t len, pv_error *err)
{
    if (write_all(fd, data, len) == 0)
        return 0;
    int e = errno;
    close(fd);
    pv_err(err, PV_EINTERNAL, shown, 0, 0, "cannot write: %s", strerror(e));
    return -1;
}

static int write_in_place(const char *path, const char *shown, const char *data, size_t len,
                          pv_error *err)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        pv_err(err, write_errno_code(e), shown, 0, 0, "cannot open for writing: %s",
               strerror(e));
        return -1;
    }
    if (write_or_close(fd, shown, data, len, err))
        return -1;
    if (close(fd) != 0) {
        pv_err(err, PV_EINTERNAL, shown, 0, 0, "cannot write: %s", strerror(errno));
        return -1;
    }
    return 0;
}

/* Mode and owner of the new file: those of the file it replaces, else
 * 0666 & ~umask (O_TMPFILE and mkstemp do not give that by themselves). */
static void set_mode(int fd, const struct stat *old)
{
    if (old) {
        if (fchown(fd, old->st_uid, old->st_gid) != 0) {
            /* not permitted: the file becomes the writer's, as with any editor */
        }
        fchmod(fd, old->st_mode & 07777);
        return;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
}

static size_t dir_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (size_t)(slash - path) + 1 : 0;
}

/* Gives the unnamed file fd a temporary name beside target, then renames it
 * over target. Returns 0, or -1 with errno set (the name removed). */
static int link_and_rename(int fd, const char *target, char *tmp, size_t tmpsize)
{
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    unsigned long long r = (unsigned long long)getpid() * 2654435761ULL ^
                           (unsigned long long)time(NULL) ^ (unsigned long long)(uintptr_t)tmp;
    for (int attempt = 0; attempt < 100; attempt++) {
        r = r * 6364136223846793005ULL + 1442695040888963407ULL;
        snprintf(tmp, tmpsize, "%s.tmp.%06llx", target, (r >> 20) & 0xffffffULL);
        if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0 ||
            linkat(fd, "", AT_FDCWD, tmp, AT_EMPTY_PATH) == 0) {
            if (rename(tmp, target) == 0)
                return 0;
            int e = errno;
            unlink(tmp);
            errno = e;
            return -1;
        }
        if (errno != EEXIST)
            return -1;
    }
    return -1;
}

/* An unnamed file in target's folder, mode set: fd, or -1 with errno set. */
static int open_tmpfile(const char *target, const struct stat *old)
{
    size_t dl = dir_len(target);
    char *dir = pv_strndup(dl ? target : ".", dl ? dl : 1);
    if (!dir) {
        errno = ENOMEM;
        return -1;
    }
    /* O_RDWR: a streamed file is read back where it cannot be linked */
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    int e = errno;
    pv_free(dir);
    if (fd >= 0)
        set_mode(fd, old);
    errno = e;
    return fd;
}

/* Room for a temporary name beside target (*size bytes), every catchable
 * fatal signal blocked (the old mask in *prev). NULL + err, nothing blocked,
 * when out of memory. */
static char *begin_tmp(const char *target, size_t *size, sigset_t *prev, pv_error *err)
{
    *size = strlen(target) + 32;
    char *tmp = pv_malloc(*size);
    if (!tmp) {
        pv_err_nomem(err);
        return NULL;
    }
    sigset_t stop;
    fatal_signals(&stop);
    sigprocmask(SIG_BLOCK, &stop, prev);
    return tmp;
}

/* Gives the complete unnamed file fd its name (signals blocked meanwhile).
 * 0; -1 with err; 1 when this system cannot link it (no /proc and no
 * CAP_DAC_READ_SEARCH): the caller then writes a named file. fd stays open. */
static int name_tmpfile(int fd, const char *target, const char *shown, pv_error *err)
{
    size_t tmpsize;
    sigset_t prev;
    char *tmp = begin_tmp(target, &tmpsize, &prev, err);
    if (!tmp)
        return -1;
    int rc = -1;
    if (stop_pending()) {
        pv_err(err, PV_EINTERRUPTED, shown, 0, 0, "interrupted; not written");
    } else if (link_and_rename(fd, target, tmp, tmpsize) == 0) {
        rc = 0;
    } else {
        int e = errno;
        if (e == ENOENT || e == EPERM || e == EXDEV || e == EOPNOTSUPP)
            rc = 1;
        else
            pv_err(err, write_errno_code(e), shown, 0, 0, "cannot write: %s", strerror(e));
    }
    sigprocmask(SIG_SETMASK, &prev, NULL);
    pv_free(tmp);
    return rc;
}

/* Replaces target through a named temporary file, every catchable fatal
 * signal blocked while the name exists. */
static int write_named(const char *target, const char *shown, const struct stat *old,
                       const char *data, size_t len, pv_error *err)
{
    size_t tmpsize;
    sigset_t prev;
    char *tmp = begin_tmp(target, &tmpsize, &prev, err);
    if (!tmp)
        return -1;
    int rc = -1, e;
    snprintf(tmp, tmpsize, "%s.tmp.XXXXXX", target);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        e = errno;
        pv_err(err, write_errno_code(e), shown, 0, 0,
               "cannot create a temporary file beside it: %s", strerror(e));
        goto done;
    }
    set_mode(fd, old);
    if (write_all(fd, data, len) != 0) {
        e = errno;
        close(fd);
        unlink(tmp);
        pv_err(err, PV_EINTERNAL, shown, 0, 0, "cannot write: %s", strerror(e));
    } else if (stop_pending()) {
        close(fd);
        unlink(tmp);
        pv_err(err, PV_EINTERRUPTED, shown, 0, 0, "interrupted; not written");
    } else if (close(fd) != 0 || rename(tmp, target) != 0) {
        e = errno;
        unlink(tmp);
        pv_err(err, PV_EINTERNAL, shown, 0, 0, "cannot write: %s", strerror(e));
    } else
        rc = 0;
done:
    sigprocmask(SIG_SETMASK, &prev, NULL);
    pv_free(tmp);
    return rc;
}

/* 1 when open_tmpfile's errno means "no O_TMPFILE here": use a named file. */
static int no_tmpfile(int e) { return e == EOPNOTSUPP || e == EISDIR || e == EINVAL; }

/* Names the complete unnamed file fd (closing it); where it cannot be
 * linked, reads it back and writes a named file. */
static int finish_tmpfile(int fd, const char *target, const char *shown, const struct stat *old,
                          pv_error *err)
{
    int rc = name_tmpfile(fd, target, shown, err);
    if (rc == 1) {
        struct stat st;
        char *data = NULL;
        rc = -1;
        if (fstat(fd, &st) != 0 || !(data = pv_malloc((size_t)st.st_size + 1)))
            pv_err_nomem(err);
        else if (pread(fd, data, (size_t)st.st_size, 0) != st.st_size)
            pv_err(err, PV_EINTERNAL, shown, 0, 0, "cannot write: %s", strerror(errno));
        else
            rc = write_named(target, shown, old, data, (size_t)st.st_size, err);
        pv_free(data);
    }
    if (close(fd) != 0 && rc == 0) {
        pv_err(err, PV_EINTERNAL, shown, 0, 0, "cannot write: %s", strerror(errno));
        rc = -1;
    }
    return rc;
}

/* Replaces the regular (or new) file target with data. The unnamed file
 * vanishes by itself on any death, even SIGKILL, so signals need blocking
 * only while it is given its name. */
static int replace_file(const char *target, const char *shown, const struct stat *old,
                        const char *data, size_t len, pv_error *err)
{
    int fd = open_tmpfile(target, old);
    if (fd < 0) {
        int e = errno;
        if (no_tmpfile(e))
            return write_named(target, shown, old, data, len, err);
        if (e == ENOMEM) {
            pv_err_nomem(err);
            return -1;
        }
        pv_err(err, write_errno_code(e), shown, 0, 0,
               "cannot create a temporary file beside it: %s", strerror(e));
        return -1;
    }
    if (write_or_close(fd, shown, data, len, err))
        return -1;
    return finish_tmpfile(fd, target, shown, old, err);
}

/* Refuses an empty name and any input of the case; the target with links
 * resolved (pv_free), or NULL + err. */
static char *output_target(const pv_case *c, const char *path, pv_error *err)
{
    if (!path || !*path) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "the output file name is empty");
        return NULL;
    }
    if (c) {
        for (size_t i = 0; i < c->ninputs; i++)
            if (same_file(path, c->inputs[i])) {
                pv_err(err, PV_EUSAGE, path, 0, 0,
                       "refusing to overwrite an input file of the case");
                return NULL;
            }
    }
    return resolve_links(path, err);
}

/* An existing regular file without any write permission is one its owner
 * marked read-only: replacing it by a rename would not ask (and root may
 * write anything), so it is refused. 1 (err filled) when refused. */
static int read_only(const struct stat *st, const char *path, pv_error *err)
{
    if (!S_ISREG(st->st_mode) || (st->st_mode & 0222))
        return 0;
    pv_err(err, PV_EUSAGE, path, 0, 0,
           "is read-only, so it is not replaced: make it writable, or give another name");
    return 1;
}

int pv_write_file_atomic(const pv_case *c, const char *path, const char *data, size_t len,
                         pv_error *err)
{
    struct sigaction ign, old_xfsz;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    int n = path ? fd_name(path) : -1;
    if (n != -1) {
        sigaction(SIGXFSZ, &ign, &old_xfsz);
        int r = write_fd(n, path, data, len, err);
        sigaction(SIGXFSZ, &old_xfsz, NULL);
        return r;
    }
    char *target = output_target(c, path, err);
    if (!target)
        return -1;
    sigaction(SIGXFSZ, &ign, &old_xfsz);
    int rc;
    struct stat st;
    if (stat(target, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            pv_err(err, PV_EUSAGE, path, 0, 0, "is a directory");
            rc = -1;
        } else if (read_only(&st, path, err))
            rc = -1;
        else if (!S_ISREG(st.st_mode))
            rc = write_in_place(target, path, data, len, err);
        else
            rc = replace_file(target, path, &st, data, len, err);
    } else
        rc = replace_file(target, path, NULL, data, len, err);
    sigaction(SIGXFSZ, &old_xfsz, NULL);
    pv_free(target);
    return rc;
}

/* The folder for temporary files: $TMPDIR when it is an absolute path, else /tmp. */
static const char *tmp_dir(void)
{
    const char *d = getenv("TMPDIR");
    return d && d[0] == '/' ? d : "/tmp";
}

static char *read_back(int fd, size_t *len, pv_error *err)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "cannot read the temporary file: %s",
               strerror(errno));
        return NULL;
    }
    size_t n = (size_t)st.st_size, got = 0;
    char *data = pv_malloc(n + 1);
    if (!data) {
        pv_err_nomem(err);
        return NULL;
    }
    while (got < n) {
        ssize_t r = read(fd, data + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            pv_err(err, PV_EINTERNAL, NULL, 0, 0, "cannot read the temporary file: %s",
                   r < 0 ? strerror(errno) : "it shrank");
            pv_free(data);
            return NULL;
        }
        got += (size_t)r;
    }
    data[n] = '\0';
    *len = n;
    return data;
}

char *pv_render_via_file(int (*fn)(const char *path, void *ctx), void *ctx, size_t *len,
                         pv_error *err)
{
    const char *dir = tmp_dir();
    char path[PATH_MAX];
    char *data = NULL;
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) {
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        if (access(path, W_OK) == 0) {
            if (fn(path, ctx) == 0)
                data = read_back(fd, len, err);
            close(fd);
            return data;
        }
        close(fd); /* no /proc: a named file below */
    }
    if (snprintf(path, sizeof path, "%s/partnerval.XXXXXX", dir) >= (int)sizeof path) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "TMPDIR is too long");
        return NULL;
    }
    sigset_t stop, prev;
    fatal_signals(&stop);
    sigprocmask(SIG_BLOCK, &stop, &prev);
    fd = mkstemp(path);
    if (fd < 0)
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "cannot create a temporary file in %s: %s", dir,
               strerror(errno));
    else {
        if (fn(path, ctx) == 0)
            data = read_back(fd, len, err);
        close(fd);
        unlink(path);
    }
    sigprocmask(SIG_SETMASK, &prev, NULL);
    return data;
}

/* ------------------------------------------------------- streamed writes */

/* A report written while it is rendered: into the unnamed file when the
 * target is a regular (or new) file and O_TMPFILE works, else gathered in
 * memory and written by pv_write_file_atomic's path at the end (a device or
 * FIFO gets nothing until the report is complete; a named temporary file
 * exists only while signals are blocked). The same promises either way. */
struct pv_outfile {
    int fd;       /* the unnamed file, or -1: gathered in mem */
    int fdn;      /* a descriptor's name (/dev/stdout): that descriptor at the end, else -1 */
    int werr;     /* errno of a failed write to fd, 0 */
    int has_old;  /* target exists (old holds its stat) */
    struct stat old;
    char *target; /* links resolved */
    char *shown;  /* the name the user gave */
    pv_buf mem;
    struct sigaction old_xfsz;
};

static void outfile_free(pv_outfile *f)
{
    if (f->fd >= 0)
        close(f->fd);
    sigaction(SIGXFSZ, &f->old_xfsz, NULL);
    pv_buf_free(&f->mem);
    pv_free(f->target);
    pv_free(f->shown);
    pv_free(f);
}

pv_outfile *pv_outfile_open(const pv_case *c, const char *path, pv_error *err)
{
    int fdn = path ? fd_name(path) : -1;
    if (fdn == -2) {
        write_fd(fdn, path, "", 0, err);
        return NULL;
    }
    char *target = fdn >= 0 ? pv_strdup(path) : output_target(c, path, err);
    if (!target && fdn >= 0)
        pv_err_nomem(err);
    if (!target)
        return NULL;
    pv_outfile *f = pv_calloc(1, sizeof *f);
    char *shown = pv_strdup(path);
    if (!f || !shown) {
        pv_free(f);
        pv_free(shown);
        pv_free(target);
        pv_err_nomem(err);
        return NULL;
    }
    f->fd = -1;
    f->fdn = fdn;
    f->target = target;
    f->shown = shown;
    pv_buf_init(&f->mem);
    struct sigaction ign;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGXFSZ, &ign, &f->old_xfsz);
    if (fdn >= 0)
        return f; /* in memory, written to the descriptor at the end */
    f->has_old = stat(target, &f->old) == 0;
    if (f->has_old && S_ISDIR(f->old.st_mode)) {
        pv_err(err, PV_EUSAGE, path, 0, 0, "is a directory");
        outfile_free(f);
        return NULL;
    }
    if (f->has_old && read_only(&f->old, path, err)) {
        outfile_free(f);
        return NULL;
    }
    if (f->has_old && !S_ISREG(f->old.st_mode))
        return f; /* a device or FIFO: in memory, written in place at the end */
    f->fd = open_tmpfile(target, f->has_old ? &f->old : NULL);
    if (f->fd < 0) {
        int e = errno;
        if (no_tmpfile(e))
            return f; /* in memory, a named temporary file at the end */
        if (e == ENOMEM)
            pv_err_nomem(err);
        else
            pv_err(err, write_errno_code(e), path, 0, 0,
                   "cannot create a temporary file beside it: %s", strerror(e));
        outfile_free(f);
        return NULL;
    }
    return f;
}

int pv_outfile_write(void *ctx, const char *data, size_t len)
{
    pv_outfile *f = ctx;
    if (f->fd < 0) {
        pv_buf_put(&f->mem, data, len);
        return f->mem.oom ? -1 : 0;
    }
    if (f->werr)
        return -1;
    if (write_all(f->fd, data, len) != 0) {
        f->werr = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

int pv_outfile_commit(pv_outfile *f, int failed, pv_error *err)
{
    int rc = -1;
    if (f->werr)
        pv_err(err, PV_EINTERNAL, f->shown, 0, 0, "cannot write: %s", strerror(f->werr));
    else if (failed || f->mem.oom)
        pv_err_nomem(err);
    else if (f->fdn >= 0)
        rc = write_fd(f->fdn, f->shown, f->mem.data ? f->mem.data : "", f->mem.len, err);
    else if (f->fd >= 0) {
        rc = finish_tmpfile(f->fd, f->target, f->shown, f->has_old ? &f->old : NULL, err);
        f->fd = -1; /* closed */
    } else if (f->has_old && !S_ISREG(f->old.st_mode))
        rc = write_in_place(f->target, f->shown, f->mem.data ? f->mem.data : "", f->mem.len,
                            err);
    else
        rc = replace_file(f->target, f->shown, f->has_old ? &f->old : NULL,
                          f->mem.data ? f->mem.data : "", f->mem.len, err);
    outfile_free(f);
    return rc;
}
