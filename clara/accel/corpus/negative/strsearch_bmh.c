/*
 * class:    none (negative example)
 * variant:  Boyer-Moore-Horspool search: 256-entry bad-character shift table, comparison
 *           from the end of the window.
 * computes: offset of the first match, or -1.
 */
// clara-corpus: class=none entry=bmh_search signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

long bmh_search(const uint8_t *hay, size_t hlen, const uint8_t *pat, size_t plen)
{
    size_t shift[256];
    size_t i, pos;

    if (plen == 0)
        return 0;
    if (plen > hlen)
        return -1;
    for (i = 0; i < 256; i++)
        shift[i] = plen;
    for (i = 0; i + 1 < plen; i++)
        shift[pat[i]] = plen - 1 - i;
    pos = 0;
    while (pos + plen <= hlen) {
        size_t j = plen - 1;
        while (hay[pos + j] == pat[j]) {
            if (j == 0)
                return (long)pos;
            j--;
        }
        pos += shift[hay[pos + plen - 1]];
    }
    return -1;
}
