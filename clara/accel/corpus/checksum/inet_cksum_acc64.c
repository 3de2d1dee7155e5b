/*
 * class: checksum
 * variant: RFC 1071 with a wide accumulator: 32-bit native words summed into a 64-bit register
 *          (CSUM_ACC_BITS=64, default) or 16-bit native words into a 32-bit register
 *          (CSUM_ACC_BITS=32); a 2-byte and 1-byte tail; folds 64->32->16 with end-around carry;
 *          the host-order result is swapped to network order (little-endian host).
 * computes: Internet checksum (complemented), big-endian word value.
 * parameters: CSUM_ACC_BITS in {32, 64}.
 */
// clara-corpus: class=checksum entry=csum_wide signature=buf_len_u16 ref=inet widths=CSUM_ACC_BITS:32,64
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifndef CSUM_ACC_BITS
#define CSUM_ACC_BITS 64
#endif

static inline uint16_t csum_fold64(uint64_t s)
{
    s = (s & 0xFFFFFFFFull) + (s >> 32);
    s = (s & 0xFFFFFFFFull) + (s >> 32);
    s = (s & 0xFFFFull) + (s >> 16);
    s = (s & 0xFFFFull) + (s >> 16);
    s = (s & 0xFFFFull) + (s >> 16);
    return (uint16_t)s;
}

uint16_t csum_wide(const uint8_t *p, size_t len)
{
#if CSUM_ACC_BITS == 64
    uint64_t acc = 0;
    while (len >= 4) {
        uint32_t w;
        memcpy(&w, p, 4);
        acc += w;
        p += 4;
        len -= 4;
    }
#else
    uint32_t acc = 0;
#endif
    while (len >= 2) {
        uint16_t h;
        memcpy(&h, p, 2);
        acc += h;
        p += 2;
        len -= 2;
    }
    if (len)
        acc += p[0];
    uint16_t folded = (uint16_t)~csum_fold64(acc);
    return (uint16_t)(folded >> 8 | folded << 8);
}
