/*
 * class: checksum
 * variant: four independent 32-bit lanes over 8-byte strides (big-endian pairs), combined
 *          and folded at the end; a scalar loop finishes the remainder.
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=cksum_lanes signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>

uint16_t cksum_lanes(const uint8_t *b, size_t n)
{
    uint32_t l0 = 0, l1 = 0, l2 = 0, l3 = 0;
    size_t i = 0;

    for (; i + 8 <= n; i += 8) {
        l0 += (uint32_t)(b[i] << 8 | b[i + 1]);
        l1 += (uint32_t)(b[i + 2] << 8 | b[i + 3]);
        l2 += (uint32_t)(b[i + 4] << 8 | b[i + 5]);
        l3 += (uint32_t)(b[i + 6] << 8 | b[i + 7]);
    }
    uint64_t all = (uint64_t)l0 + l1 + l2 + l3;
    for (; i + 1 < n; i += 2)
        all += (uint32_t)(b[i] << 8 | b[i + 1]);
    if (i < n)
        all += (uint32_t)b[i] << 8;
    while (all >> 16)
        all = (all & 0xffff) + (all >> 16);
    return (uint16_t)~all;
}
