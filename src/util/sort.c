/* sort.c — stable merge sort of indices with a context, because qsort has
 * none and its order of equal elements is unspecified. */
#include "../internal.h"

#include <string.h>

int pv_sort_idx(size_t *idx, size_t n, int (*cmp)(size_t, size_t, const void *), const void *ctx)
{
    if (n < 2)
        return 0;
    size_t *tmp = pv_calloc(n, sizeof *tmp);
    if (!tmp)
        return -1;
    size_t *src = idx, *dst = tmp;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t a = lo, b = mid, o = lo;
            while (a < mid && b < hi)
                dst[o++] = cmp(src[a], src[b], ctx) <= 0 ? src[a++] : src[b++];
            while (a < mid)
                dst[o++] = src[a++];
            while (b < hi)
                dst[o++] = src[b++];
        }
        size_t *s = src;
        src = dst;
        dst = s;
    }
    if (src != idx)
        memcpy(idx, src, n * sizeof *idx);
    pv_free(tmp);
    return 0;
}

typedef struct keyctx {
    const double *key;
    size_t stride;
    int desc;
} keyctx;

static int key_cmp(size_t a, size_t b, const void *ctx)
{
    const keyctx *k = ctx;
    double x = k->key[a * k->stride], y = k->key[b * k->stride];
    if (k->desc) {
        double t = x;
        x = y;
        y = t;
    }
    return x < y ? -1 : x > y;
}

int pv_sort_idx_by_key(size_t *idx, size_t n, const double *key, size_t stride, int desc)
{
    keyctx k = {key, stride, desc};
    return pv_sort_idx(idx, n, key_cmp, &k);
}
