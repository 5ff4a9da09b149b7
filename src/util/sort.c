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
