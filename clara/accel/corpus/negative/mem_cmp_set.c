/*
 * class:    none (negative example)
 * variant:  memcmp-like comparison (word-at-a-time while equal, then bytewise) and a
 *           memset-like fill used to clear packet metadata.
 * computes: <0, 0 or >0 like memcmp.
 */
// clara-corpus: class=none entry=meta_memcmp signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

void meta_fill(void *p, uint8_t v, size_t n)
{
    uint8_t *b = (uint8_t *)p;
    while (n--)
        *b++ = v;
}

int meta_memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *x = (const uint8_t *)a, *y = (const uint8_t *)b;
    size_t i = 0;

    while (i + 4 <= n) {
        uint32_t wa, wb;
        memcpy(&wa, x + i, 4);
        memcpy(&wb, y + i, 4);
        if (wa != wb)
            break;
        i += 4;
    }
    for (; i < n; i++)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}
