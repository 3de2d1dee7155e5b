/*
 * class:    none (negative example)
 * variant:  mirrors a bitmap of n 32-bit words in place (bit k <-> bit 32n-1-k, bit k being
 *           bit k%32 of word k/32), e.g. to turn a port/slot bitmap between LSB-first and
 *           MSB-first numbering: the word order is reversed from both ends and each word is
 *           bit-reversed with SWAR mask-and-shift steps of 1, 2, 4, 8 and 16 bits (magic
 *           constants 0x55555555, 0x33333333, 0x0F0F0F0F, 0x00FF00FF). Big constants, shifts
 *           and xor-free bit shuffling over a buffer, like a reflected CRC or a hash mix.
 * computes: words[0..n) mirrored in place.
 */
// clara-corpus: class=none entry=bitmap_mirror signature=custom
#include <stdint.h>
#include <stddef.h>

static uint32_t rev_bits32(uint32_t x)
{
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
    x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
    return (x >> 16) | (x << 16);
}

void bitmap_mirror(uint32_t *words, size_t n)
{
    size_t lo = 0, hi = n;

    while (hi > lo + 1) {
        uint32_t a = words[lo], b = words[hi - 1];
        words[lo++] = rev_bits32(b);
        words[--hi] = rev_bits32(a);
    }
    if (hi == lo + 1)
        words[lo] = rev_bits32(words[lo]);
}
