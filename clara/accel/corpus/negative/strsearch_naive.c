/*
 * class:    none (negative example)
 * variant:  naive substring search over packet payload (DPI signature scan): compare the
 *           needle at every offset.
 * computes: offset of the first occurrence of needle in hay, or -1.
 */
// clara-corpus: class=none entry=payload_find signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

long payload_find(const uint8_t *hay, size_t hn, const uint8_t *needle, size_t nn)
{
    size_t i, j;

    if (nn == 0)
        return 0;
    if (nn > hn)
        return -1;
    for (i = 0; i + nn <= hn; i++) {
        for (j = 0; j < nn; j++)
            if (hay[i + j] != needle[j])
                break;
        if (j == nn)
            return (long)i;
    }
    return -1;
}
