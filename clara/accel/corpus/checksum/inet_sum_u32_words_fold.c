/*
 * class: checksum
 * variant: partial sum (no complement) for chaining: 32-bit big-endian words into a 64-bit
 *          sum, a 16-bit and an 8-bit tail step, fold with a helper called twice.
 * computes: the 16-bit folded one's complement sum (NOT complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=csum_partial_words signature=buf_len_u16 ref=inet-sum helpers=fold_once
#include <stddef.h>
#include <stdint.h>

static uint64_t fold_once(uint64_t v)
{
    return (v & 0xffff) + (v >> 16);
}

uint16_t csum_partial_words(const uint8_t *p, size_t n)
{
    uint64_t s = 0;
    while (n >= 4) {
        s += (uint64_t)p[0] << 24 | (uint64_t)p[1] << 16 | (uint64_t)p[2] << 8 | p[3];
        p += 4;
        n -= 4;
    }
    if (n >= 2) {
        s += (uint64_t)p[0] << 8 | p[1];
        p += 2;
        n -= 2;
    }
    if (n)
        s += (uint64_t)p[0] << 8;
    while (s >> 16)
        s = fold_once(fold_once(s));
    return (uint16_t)s;
}
