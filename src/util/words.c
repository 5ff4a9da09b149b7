/* words.c — how the readers understand what users type: the one yes/no
 * reader, "did you mean" suggestions by edit distance, and the Unicode
 * normalisation hint for ids that look the same but are not. */
#include "../internal.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- yes/no */

static const char *const YES[] = {"yes", "ja", "true", "sant", "1", "x"};
static const char *const NO[] = {"no", "nej", "false", "falskt", "0"};

/* ASCII case-insensitive comparison of s[0..n) with word (lower case). */
static int word_eq(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char a = s[i], b = word[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (char)(b - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return 1;
}

size_t pv_trim_blanks(const char **s)
{
    const char *t = *s;
    while (*t == ' ' || *t == '\t')
        t++;
    size_t n = strlen(t);
    while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    *s = t;
    return n;
}

int pv_yesno(const char *s)
{
    if (!s)
        return PV_YN_EMPTY;
    size_t n = pv_trim_blanks(&s);
    if (!n)
        return PV_YN_EMPTY;
    for (size_t i = 0; i < sizeof YES / sizeof *YES; i++)
        if (word_eq(s, n, YES[i]))
            return PV_YN_YES;
    for (size_t i = 0; i < sizeof NO / sizeof *NO; i++)
        if (word_eq(s, n, NO[i]))
            return PV_YN_NO;
    return PV_YN_BAD;
}

int pv_yesno_word(const char *s)
{
    int v = pv_yesno(s);
    if (v != PV_YN_YES && v != PV_YN_NO)
        return 0;
    while (*s == ' ' || *s == '\t')
        s++;
    return *s != '1' && *s != '0' && *s != 'x' && *s != 'X';
}

const char *pv_yes_no(int yes, int sv) { return yes ? (sv ? "ja" : "yes") : (sv ? "nej" : "no"); }

const char *pv_yesno_spellings(void)
{
    return "yes/no, ja/nej, true/false, sant/falskt, 1/0, x (yes)";
}

/* --------------------------------------------------------- edit distance */

/* Optimal string alignment distance between a and b (bytes), or max + 1 as
 * soon as it must exceed max. O(|a| × |b|) time, three rows of memory; only
 * called on the way to an error message. */
size_t pv_edit_distance(const char *a, const char *b, size_t max)
{
    size_t n = strlen(a), m = strlen(b);
    if ((n > m ? n - m : m - n) > max)
        return max + 1;
    if (m > 256 || n > 256)
        return strcmp(a, b) ? max + 1 : 0;
    size_t r0[258], r1[258], r2[258];
    size_t *pp = r0, *prev = r1, *cur = r2;
    for (size_t j = 0; j <= m; j++)
        prev[j] = pp[j] = j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        size_t best = cur[0];
        for (size_t j = 1; j <= m; j++) {
            size_t v = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            cur[j] = v;
            if (v < best)
                best = v;
        }
        if (best > max)
            return max + 1;
        size_t *t = pp;
        pp = prev;
        prev = cur;
        cur = t;
    }
    return prev[m] > max ? max + 1 : prev[m];
}

const char *pv_suggest_among(const char *word, const char *const *cands, size_t n)
{
    pv_suggest s;
    pv_suggest_init(&s, word, 2);
    for (size_t i = 0; i < n; i++)
        pv_suggest_offer(&s, cands[i]);
    return s.best;
}

void pv_suggest_init(pv_suggest *s, const char *word, size_t max)
{
    /* A short word is close to everything: at most a third of its length
     * may differ ('LV' suggests nothing, 'rgia' 'riga', 'maxx' 'max'). */
    size_t n = word ? strlen(word) : 0;
    if (max > n / 3)
        max = n / 3;
    s->word = word;
    s->max = max;
    s->best = NULL;
    s->dist = max + 1;
}

void pv_suggest_offer(pv_suggest *s, const char *cand)
{
    if (!cand || !s->word || !strcmp(cand, s->word) || s->dist == 0)
        return;
    /* An ASCII case difference alone is the closest there is. */
    if (strlen(cand) == strlen(s->word) && word_eq(s->word, strlen(s->word), cand)) {
        s->dist = 0;
        s->best = cand;
        return;
    }
    size_t d = pv_edit_distance(s->word, cand, s->dist - 1 < s->max ? s->dist - 1 : s->max);
    /* Strictly closer wins; ties keep the first offered (callers offer in a
     * fixed order, so the suggestion is deterministic). */
    if (d < s->dist && d <= s->max) {
        s->dist = d;
        s->best = cand;
    }
}

const char *pv_suggest_hint(const pv_suggest *s, char *buf, size_t size)
{
    if (!size)
        return buf;
    buf[0] = '\0';
    if (s->best)
        snprintf(buf, size, "; did you mean '%s'?", s->best);
    return buf;
}

/* ------------------------------------------------ Unicode normalisation */

/* Latin letters with one combining mark, U+00C0..U+024F: (precomposed, base,
 * mark), from Unicode's canonical decompositions (generated with Python's
 * unicodedata). Enough to tell a user that "Åre" typed on a Mac (NFD) is not
 * byte for byte the "Åre" of the data (NFC). */
static const struct {
    unsigned short cp;
    char base;
    unsigned short mark;
} NFD[] = {
    {0x00C0, 'A', 0x0300}, {0x00C1, 'A', 0x0301}, {0x00C2, 'A', 0x0302}, {0x00C3, 'A', 0x0303},
    {0x00C4, 'A', 0x0308}, {0x00C5, 'A', 0x030A}, {0x00C7, 'C', 0x0327}, {0x00C8, 'E', 0x0300},
    {0x00C9, 'E', 0x0301}, {0x00CA, 'E', 0x0302}, {0x00CB, 'E', 0x0308}, {0x00CC, 'I', 0x0300},
    {0x00CD, 'I', 0x0301}, {0x00CE, 'I', 0x0302}, {0x00CF, 'I', 0x0308}, {0x00D1, 'N', 0x0303},
    {0x00D2, 'O', 0x0300}, {0x00D3, 'O', 0x0301}, {0x00D4, 'O', 0x0302}, {0x00D5, 'O', 0x0303},
    {0x00D6, 'O', 0x0308}, {0x00D9, 'U', 0x0300}, {0x00DA, 'U', 0x0301}, {0x00DB, 'U', 0x0302},
    {0x00DC, 'U', 0x0308}, {0x00DD, 'Y', 0x0301}, {0x00E0, 'a', 0x0300}, {0x00E1, 'a', 0x0301},
    {0x00E2, 'a', 0x0302}, {0x00E3, 'a', 0x0303}, {0x00E4, 'a', 0x0308}, {0x00E5, 'a', 0x030A},
    {0x00E7, 'c', 0x0327}, {0x00E8, 'e', 0x0300}, {0x00E9, 'e', 0x0301}, {0x00EA, 'e', 0x0302},
    {0x00EB, 'e', 0x0308}, {0x00EC, 'i', 0x0300}, {0x00ED, 'i', 0x0301}, {0x00EE, 'i', 0x0302},
    {0x00EF, 'i', 0x0308}, {0x00F1, 'n', 0x0303}, {0x00F2, 'o', 0x0300}, {0x00F3, 'o', 0x0301},
    {0x00F4, 'o', 0x0302}, {0x00F5, 'o', 0x0303}, {0x00F6, 'o', 0x0308}, {0x00F9, 'u', 0x0300},
    {0x00FA, 'u', 0x0301}, {0x00FB, 'u', 0x0302}, {0x00FC, 'u', 0x0308}, {0x00FD, 'y', 0x0301},
    {0x00FF, 'y', 0x0308}, {0x0100, 'A', 0x0304}, {0x0101, 'a', 0x0304}, {0x0102, 'A', 0x0306},
    {0x0103, 'a', 0x0306}, {0x0104, 'A', 0x0328}, {0x0105, 'a', 0x0328}, {0x0106, 'C', 0x0301},
    {0x0107, 'c', 0x0301}, {0x0108, 'C', 0x0302}, {0x0109, 'c', 0x0302}, {0x010A, 'C', 0x0307},
    {0x010B, 'c', 0x0307}, {0x010C, 'C', 0x030C}, {0x010D, 'c', 0x030C}, {0x010E, 'D', 0x030C},
    {0x010F, 'd', 0x030C}, {0x0112, 'E', 0x0304}, {0x0113, 'e', 0x0304}, {0x0114, 'E', 0x0306},
    {0x0115, 'e', 0x0306}, {0x0116, 'E', 0x0307}, {0x0117, 'e', 0x0307}, {0x0118, 'E', 0x0328},
    {0x0119, 'e', 0x0328}, {0x011A, 'E', 0x030C}, {0x011B, 'e', 0x030C}, {0x011C, 'G', 0x0302},
    {0x011D, 'g', 0x0302}, {0x011E, 'G', 0x0306}, {0x011F, 'g', 0x0306}, {0x0120, 'G', 0x0307},
    {0x0121, 'g', 0x0307}, {0x0122, 'G', 0x0327}, {0x0123, 'g', 0x0327}, {0x0124, 'H', 0x0302},
    {0x0125, 'h', 0x0302}, {0x0128, 'I', 0x0303}, {0x0129, 'i', 0x0303}, {0x012A, 'I', 0x0304},
    {0x012B, 'i', 0x0304}, {0x012C, 'I', 0x0306}, {0x012D, 'i', 0x0306}, {0x012E, 'I', 0x0328},
    {0x012F, 'i', 0x0328}, {0x0130, 'I', 0x0307}, {0x0134, 'J', 0x0302}, {0x0135, 'j', 0x0302},
    {0x0136, 'K', 0x0327}, {0x0137, 'k', 0x0327}, {0x0139, 'L', 0x0301}, {0x013A, 'l', 0x0301},
    {0x013B, 'L', 0x0327}, {0x013C, 'l', 0x0327}, {0x013D, 'L', 0x030C}, {0x013E, 'l', 0x030C},
    {0x0143, 'N', 0x0301}, {0x0144, 'n', 0x0301}, {0x0145, 'N', 0x0327}, {0x0146, 'n', 0x0327},
    {0x0147, 'N', 0x030C}, {0x0148, 'n', 0x030C}, {0x014C, 'O', 0x0304}, {0x014D, 'o', 0x0304},
    {0x014E, 'O', 0x0306}, {0x014F, 'o', 0x0306}, {0x0150, 'O', 0x030B}, {0x0151, 'o', 0x030B},
    {0x0154, 'R', 0x0301}, {0x0155, 'r', 0x0301}, {0x0156, 'R', 0x0327}, {0x0157, 'r', 0x0327},
    {0x0158, 'R', 0x030C}, {0x0159, 'r', 0x030C}, {0x015A, 'S', 0x0301}, {0x015B, 's', 0x0301},
    {0x015C, 'S', 0x0302}, {0x015D, 's', 0x0302}, {0x015E, 'S', 0x0327}, {0x015F, 's', 0x0327},
    {0x0160, 'S', 0x030C}, {0x0161, 's', 0x030C}, {0x0162, 'T', 0x0327}, {0x0163, 't', 0x0327},
    {0x0164, 'T', 0x030C}, {0x0165, 't', 0x030C}, {0x0168, 'U', 0x0303}, {0x0169, 'u', 0x0303},
    {0x016A, 'U', 0x0304}, {0x016B, 'u', 0x0304}, {0x016C, 'U', 0x0306}, {0x016D, 'u', 0x0306},
    {0x016E, 'U', 0x030A}, {0x016F, 'u', 0x030A}, {0x0170, 'U', 0x030B}, {0x0171, 'u', 0x030B},
    {0x0172, 'U', 0x0328}, {0x0173, 'u', 0x0328}, {0x0174, 'W', 0x0302}, {0x0175, 'w', 0x0302},
    {0x0176, 'Y', 0x0302}, {0x0177, 'y', 0x0302}, {0x0178, 'Y', 0x0308}, {0x0179, 'Z', 0x0301},
    {0x017A, 'z', 0x0301}, {0x017B, 'Z', 0x0307}, {0x017C, 'z', 0x0307}, {0x017D, 'Z', 0x030C},
    {0x017E, 'z', 0x030C}, {0x01A0, 'O', 0x031B}, {0x01A1, 'o', 0x031B}, {0x01AF, 'U', 0x031B},
    {0x01B0, 'u', 0x031B}, {0x01CD, 'A', 0x030C}, {0x01CE, 'a', 0x030C}, {0x01CF, 'I', 0x030C},
    {0x01D0, 'i', 0x030C}, {0x01D1, 'O', 0x030C}, {0x01D2, 'o', 0x030C}, {0x01D3, 'U', 0x030C},
    {0x01D4, 'u', 0x030C}, {0x01E6, 'G', 0x030C}, {0x01E7, 'g', 0x030C}, {0x01E8, 'K', 0x030C},
    {0x01E9, 'k', 0x030C}, {0x01EA, 'O', 0x0328}, {0x01EB, 'o', 0x0328}, {0x01F0, 'j', 0x030C},
    {0x01F4, 'G', 0x0301}, {0x01F5, 'g', 0x0301}, {0x01F8, 'N', 0x0300}, {0x01F9, 'n', 0x0300},
    {0x0200, 'A', 0x030F}, {0x0201, 'a', 0x030F}, {0x0202, 'A', 0x0311}, {0x0203, 'a', 0x0311},
    {0x0204, 'E', 0x030F}, {0x0205, 'e', 0x030F}, {0x0206, 'E', 0x0311}, {0x0207, 'e', 0x0311},
    {0x0208, 'I', 0x030F}, {0x0209, 'i', 0x030F}, {0x020A, 'I', 0x0311}, {0x020B, 'i', 0x0311},
    {0x020C, 'O', 0x030F}, {0x020D, 'o', 0x030F}, {0x020E, 'O', 0x0311}, {0x020F, 'o', 0x0311},
    {0x0210, 'R', 0x030F}, {0x0211, 'r', 0x030F}, {0x0212, 'R', 0x0311}, {0x0213, 'r', 0x0311},
    {0x0214, 'U', 0x030F}, {0x0215, 'u', 0x030F}, {0x0216, 'U', 0x0311}, {0x0217, 'u', 0x0311},
    {0x0218, 'S', 0x0326}, {0x0219, 's', 0x0326}, {0x021A, 'T', 0x0326}, {0x021B, 't', 0x0326},
    {0x021E, 'H', 0x030C}, {0x021F, 'h', 0x030C}, {0x0226, 'A', 0x0307}, {0x0227, 'a', 0x0307},
    {0x0228, 'E', 0x0327}, {0x0229, 'e', 0x0327}, {0x022E, 'O', 0x0307}, {0x022F, 'o', 0x0307},
    {0x0232, 'Y', 0x0304}, {0x0233, 'y', 0x0304}};

static unsigned next_cp(const unsigned char **p)
{
    const unsigned char *s = *p;
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (n == 2)
        c &= 0x1F;
    else if (n == 3)
        c &= 0x0F;
    else if (n == 4)
        c &= 0x07;
    size_t i = 1;
    for (; i < n && s[i]; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *p += i;
    return c;
}

/* Decomposes the next character of *p into out (base, then mark); returns
 * how many code points it wrote (1 or 2). */
static int next_nfd(const unsigned char **p, unsigned out[2])
{
    unsigned c = next_cp(p);
    size_t lo = 0, hi = sizeof NFD / sizeof *NFD;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (NFD[mid].cp == c) {
            out[0] = (unsigned char)NFD[mid].base;
            out[1] = NFD[mid].mark;
            return 2;
        }
        if (NFD[mid].cp < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    out[0] = c;
    return 1;
}

int pv_nfd_cmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    unsigned pa[2] = {0, 0}, qa[2] = {0, 0};
    int np = 0, nq = 0, ip = 0, iq = 0;
    for (;;) {
        if (ip == np) {
            if (!*p)
                return iq == nq && !*q ? 0 : -1;
            np = next_nfd(&p, pa);
            ip = 0;
        }
        if (iq == nq) {
            if (!*q)
                return 1;
            nq = next_nfd(&q, qa);
            iq = 0;
        }
        unsigned x = pa[ip++], y = qa[iq++];
        if (x != y)
            return x < y ? -1 : 1;
    }
}

int pv_same_after_normalising(const char *a, const char *b)
{
    return strcmp(a, b) != 0 && pv_nfd_cmp(a, b) == 0;
}

void pv_utf8_trim_partial(char *s)
{
    size_t n = strlen(s), i = n;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80 && n - i < 3)
        i--;
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t want = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : 4;
    if (lead >= 0x80 && n - (i - 1) < want)
        s[i - 1] = '\0';
}

/* The next character of s, folded to lower case for ASCII and Latin-1
 * letters (À..Þ to à..þ, not ×): enough for Swedish and English labels. */
static unsigned fold_next(const unsigned char **s)
{
    unsigned c = next_cp(s);
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    return c;
}

int pv_str_cmp_fold(const char *a, const char *b)
{
    while (*a == ' ' || *a == '\t')
        a++;
    while (*b == ' ' || *b == '\t')
        b++;
    size_t na = strlen(a), nb = strlen(b);
    while (na && (a[na - 1] == ' ' || a[na - 1] == '\t'))
        na--;
    while (nb && (b[nb - 1] == ' ' || b[nb - 1] == '\t'))
        nb--;
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    const unsigned char *pe = p + na, *qe = q + nb;
    while (p < pe && q < qe) {
        unsigned x = fold_next(&p), y = fold_next(&q);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return (q < qe) - (p < pe);
}

int pv_str_eq_fold(const char *a, const char *b) { return pv_str_cmp_fold(a, b) == 0; }
