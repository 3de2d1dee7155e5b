/*
 * class:    none (negative example)
 * variant:  LSD radix sort of 32-bit keys, four 8-bit digit passes with counting tables and
 *           prefix sums, ping-ponging between the array and a scratch buffer (shifts, masks
 *           and table lookups, but no CRC or hash).
 * computes: sorts keys[0..n) ascending (tmp is n words of scratch).
 */
// clara-corpus: class=none entry=radix_sort_u32 signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

void radix_sort_u32(uint32_t *keys, uint32_t *tmp, size_t n)
{
    uint32_t *src = keys, *dst = tmp, *t;
    unsigned shift;
    size_t i;

    for (shift = 0; shift < 32; shift += 8) {
        size_t count[256];
        size_t sum = 0;
        memset(count, 0, sizeof(count));
        for (i = 0; i < n; i++)
            count[(src[i] >> shift) & 0xff]++;
        for (i = 0; i < 256; i++) {
            size_t c = count[i];
            count[i] = sum;
            sum += c;
        }
        for (i = 0; i < n; i++)
            dst[count[(src[i] >> shift) & 0xff]++] = src[i];
        t = src;
        src = dst;
        dst = t;
    }
    /* four passes: result is back in keys */
}
