/*
 * class:    none (negative example)
 * variant:  population count (Kernighan's clear-lowest-bit loop) and find-first-set
 *           (binary narrowing) over an array of 64-bit words, as used for port-mask and
 *           free-queue bookkeeping.
 * computes: total number of set bits; *first receives the index of the lowest set bit
 *           (or -1 if none).
 */
// clara-corpus: class=none entry=mask_popcount_ffs signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static int ffs64(uint64_t w)
{
    int n = 0;
    if (!w)
        return -1;
    if (!(w & 0xffffffffull)) { n += 32; w >>= 32; }
    if (!(w & 0xffffull)) { n += 16; w >>= 16; }
    if (!(w & 0xffull)) { n += 8; w >>= 8; }
    if (!(w & 0xfull)) { n += 4; w >>= 4; }
    if (!(w & 0x3ull)) { n += 2; w >>= 2; }
    if (!(w & 0x1ull)) { n += 1; }
    return n;
}

unsigned mask_popcount_ffs(const uint64_t *words, size_t nwords, long *first)
{
    unsigned total = 0;
    size_t i;

    *first = -1;
    for (i = 0; i < nwords; i++) {
        uint64_t w = words[i];
        if (*first < 0 && w)
            *first = (long)(i * 64 + (size_t)ffs64(w));
        while (w) {
            w &= w - 1;
            total++;
        }
    }
    return total;
}
