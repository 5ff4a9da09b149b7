/* snapshot.c — input files held in memory, so that `partnerval serve` keeps
 * answering from the last good state of a case while the coordinator saves
 * a broken file on disk. pv_read_file answers from the installed snapshot
 * for the paths it holds (byte for byte what was read when it was taken),
 * and adds what it reads from disk to the snapshot being recorded. Paths
 * are compared as the readers spell them (the case's folder joined with
 * the name the case gives), which is the same on every load of one case.
 *
 * Installing, recording and freeing are for one thread at a time (serve's
 * request thread, between requests); lookups may run in worker threads
 * while nothing is installed or recorded. */
#include "../internal.h"

#include <string.h>

struct pv_snapshot {
    size_t n, cap;
    char **path, **data;
    size_t *len;
    int oom; /* a file read while recording could not be kept */
};

static pv_snapshot *g_use;    /* pv_read_file answers from it */
static pv_snapshot *g_record; /* pv_read_file adds what it reads to it */

pv_snapshot *pv_snapshot_new(void) { return pv_calloc(1, sizeof(pv_snapshot)); }

void pv_snapshot_free(pv_snapshot *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        pv_free(s->path[i]);
        pv_free(s->data[i]);
    }
    pv_free(s->path);
    pv_free(s->data);
    pv_free(s->len);
    pv_free(s);
}

int pv_snapshot_ok(const pv_snapshot *s) { return s && !s->oom; }

pv_snapshot *pv_snapshot_use(pv_snapshot *s)
{
    pv_snapshot *old = g_use;
    g_use = s;
    return old;
}

pv_snapshot *pv_snapshot_record(pv_snapshot *s)
{
    pv_snapshot *old = g_record;
    g_record = s;
    return old;
}

int pv_snapshot_read(const char *path, char **data, size_t *len)
{
    const pv_snapshot *s = g_use;
    for (size_t i = 0; s && i < s->n; i++)
        if (!strcmp(s->path[i], path)) {
            char *d = pv_malloc(s->len[i] + 1);
            if (d) {
                memcpy(d, s->data[i], s->len[i]);
                d[s->len[i]] = '\0';
                *len = s->len[i];
            }
            *data = d;
            return 1;
        }
    return 0;
}

void pv_snapshot_note(const char *path, const char *data, size_t len)
{
    pv_snapshot *s = g_record;
    if (!s || s->oom)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->path[i], path))
            return; /* read twice in one load: the first is kept */
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        char **p = pv_realloc(s->path, cap * sizeof *p);
        if (p)
            s->path = p;
        char **d = p ? pv_realloc(s->data, cap * sizeof *d) : NULL;
        if (d)
            s->data = d;
        size_t *l = d ? pv_realloc(s->len, cap * sizeof *l) : NULL;
        if (!l) {
            s->oom = 1;
            return;
        }
        s->len = l;
        s->cap = cap;
    }
    char *pc = pv_strdup(path), *dc = pv_malloc(len + 1);
    if (!pc || !dc) {
        pv_free(pc);
        pv_free(dc);
        s->oom = 1;
        return;
    }
    memcpy(dc, data, len);
    dc[len] = '\0';
    s->path[s->n] = pc;
    s->data[s->n] = dc;
    s->len[s->n++] = len;
}
