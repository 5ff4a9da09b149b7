/* alloc.c — the one place every allocation of the library goes through, so
 * that the allocation-failure test can make the n-th one fail. Jansson's
 * allocator is process-wide and may belong to the host program too, so it is
 * routed through here only while pv_set_alloc_funcs (or the test hook) asks
 * for it, never from a constructor. */
#include "../internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void *(*g_malloc)(size_t) = malloc;
static void *(*g_realloc)(void *, size_t) = realloc;
static void (*g_free)(void *) = free;
static unsigned long g_failures; /* allocations that returned NULL, ever */

/* Jansson reports some of its out-of-memory failures as syntax errors ("invalid
 * token"); counting failures here lets its callers tell the two apart while
 * these hooks are installed. */
static void *json_malloc_hook(size_t n)
{
    void *p = g_malloc(n);
    if (!p)
        g_failures++;
    return p;
}
static void json_free_hook(void *p) { g_free(p); }

/* Jansson's allocator before ours was installed, restored by pv_set_alloc_funcs(NULL, …). */
static json_malloc_t g_json_malloc0;
static json_free_t g_json_free0;
static int g_json_hooked;

unsigned long pv_alloc_failures(void) { return g_failures; }

/* Jansson 2.14's lexer asserts (aborts) when an allocation fails while it
 * saves a token (lex_save ignores the failure; akheron/jansson#362, unfixed).
 * The parser calls are marked so that the allocation-failure test does not
 * inject failures inside them; their allocations are still ours and counted. */
static int g_json_parsing;
void pv_alloc_json_parsing(int on) { g_json_parsing += on ? 1 : -1; }
int pv_alloc_in_json_parse(void) { return g_json_parsing > 0; }

void pv_set_alloc_funcs(void *(*m)(size_t), void *(*r)(void *, size_t), void (*f)(void *))
{
    g_malloc = m ? m : malloc;
    g_realloc = r ? r : realloc;
    g_free = f ? f : free;
    if (m || r || f) {
        if (!g_json_hooked)
            json_get_alloc_funcs(&g_json_malloc0, &g_json_free0);
        json_set_alloc_funcs(json_malloc_hook, json_free_hook);
        g_json_hooked = 1;
    } else if (g_json_hooked) {
        json_set_alloc_funcs(g_json_malloc0, g_json_free0);
        g_json_hooked = 0;
    }
}

void *pv_malloc(size_t n)
{
    void *p = g_malloc(n ? n : 1);
    if (!p)
        g_failures++;
    return p;
}

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
    else
        g_failures++;
    return p;
}

void *pv_realloc(void *p, size_t n)
{
    void *q = g_realloc(p, n ? n : 1);
    if (!q)
        g_failures++;
    return q;
}

void pv_free(void *p)
{
    if (p)
        g_free(p);
}

void *pv_calloc_err(size_t n, size_t size, pv_error *err)
{
    void *p = pv_calloc(n, size);
    if (!p)
        pv_err_nomem(err);
    return p;
}

void pv_free_each(void *const *own, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pv_free(own[i]);
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

/* The test hook: the n-th allocation (outside Jansson's parser) fails. */
static long g_fail_at, g_fail_count;
static void *fail_malloc(size_t n)
{
    if (!pv_alloc_in_json_parse() && ++g_fail_count == g_fail_at)
        return NULL;
    return malloc(n);
}
static void *fail_realloc(void *p, size_t n)
{
    if (!pv_alloc_in_json_parse() && ++g_fail_count == g_fail_at)
        return NULL;
    return realloc(p, n);
}

void pv_test_fail_alloc(long n)
{
    g_fail_at = n > 0 ? n : 0;
    g_fail_count = 0;
    if (n > 0)
        pv_set_alloc_funcs(fail_malloc, fail_realloc, free);
    else
        pv_set_alloc_funcs(NULL, NULL, NULL);
}
