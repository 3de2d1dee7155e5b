/*
 * class:    none (negative example)
 * variant:  Knuth-Morris-Pratt search with the failure function built on the stack
 *           (patterns up to 256 bytes), used for an HTTP header scanner.
 * computes: offset of the first match of pat in text, or -1.
 */
// clara-corpus: class=none entry=kmp_find signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define KMP_MAX_PAT 256

long kmp_find(const uint8_t *text, size_t n, const uint8_t *pat, size_t m)
{
    int fail[KMP_MAX_PAT];
    size_t i;
    int k;

    if (m == 0)
        return 0;
    if (m > KMP_MAX_PAT)
        return -1;
    fail[0] = 0;
    k = 0;
    for (i = 1; i < m; i++) {
        while (k > 0 && pat[i] != pat[k])
            k = fail[k - 1];
        if (pat[i] == pat[k])
            k++;
        fail[i] = k;
    }
    k = 0;
    for (i = 0; i < n; i++) {
        while (k > 0 && text[i] != pat[k])
            k = fail[k - 1];
        if (text[i] == pat[k])
            k++;
        if ((size_t)k == m)
            return (long)(i + 1 - m);
    }
    return -1;
}
