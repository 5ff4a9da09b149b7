/* alloc.c — the one place every allocation of the library goes through, so
 * that the allocation-failure test can make the n-th one fail. */
#include "../internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void *(*g_malloc)(size_t) = malloc;
static void *(*g_realloc)(void *, size_t) = realloc;
static void (*g_free)(void *) = free;

void pv_set_alloc_funcs(void *(*m)(size_t), void *(*r)(void *, size_t), void (*f)(void *))
{
    g_malloc = m ? m : malloc;
    g_realloc = r ? r : realloc;
    g_free = f ? f : free;
    json_set_alloc_funcs(g_malloc, g_free);
}

void *pv_malloc(size_t n) { return g_malloc(n ? n : 1); }

void *pv_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t total = n * size;
    if (total == 0)
        total = 1;
    void *p = g_malloc(total);
    if (p)
        memset(p, 0, total);
    return p;
}

void *pv_realloc(void *p, size_t n) { return g_realloc(p, n ? n : 1); }

void pv_free(void *p)
{
    if (p)
        g_free(p);
}

char *pv_strndup(const char *s, size_t n)
{
    char *d = pv_malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *pv_strdup(const char *s) { return s ? pv_strndup(s, strlen(s)) : NULL; }

int pv_grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem)
            return -1;
        nc *= 2;
    }
    void *p = pv_realloc(*arr, nc * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = nc;
    return 0;
}
