/*
 * class:    none (negative example)
 * variant:  8x8 bit-matrix transpose of a 64-bit word with the three swap steps and their
 *           magic masks (as used to turn per-port bitmaps into per-queue bitmaps), applied to
 *           an array of words.
 * computes: every word of `m` transposed in place (bit 8*r + c -> bit 8*c + r).
 */
// clara-corpus: class=none entry=transpose8_all signature=custom
#include <stdint.h>
#include <stddef.h>

static uint64_t transpose8(uint64_t x)
{
    uint64_t t;
    t = (x ^ (x >> 7)) & 0x00AA00AA00AA00AAull;
    x = x ^ t ^ (t << 7);
    t = (x ^ (x >> 14)) & 0x0000CCCC0000CCCCull;
    x = x ^ t ^ (t << 14);
    t = (x ^ (x >> 28)) & 0x00000000F0F0F0F0ull;
    x = x ^ t ^ (t << 28);
    return x;
}

void transpose8_all(uint64_t *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        m[i] = transpose8(m[i]);
}
