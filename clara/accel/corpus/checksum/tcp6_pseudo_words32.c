/*
 * class: checksum
 * variant: TCP over IPv6 with a 64-bit accumulator of 32-bit big-endian words: the addresses
 *          as eight words, length and next header as two more, the segment four bytes at a
 *          time, tail bytes shifted into place; TCP keeps a computed 0.
 * computes: the checksum field value (big-endian word value).
 */
// clara-corpus: class=checksum entry=tcp6_checksum signature=pseudo6_u16 ref=inet-pseudo6
#include <stddef.h>
#include <stdint.h>

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

uint16_t tcp6_checksum(const uint8_t *src, const uint8_t *dst, uint8_t nh, const uint8_t *seg,
                       size_t len)
{
    uint64_t acc = 0;
    for (int k = 0; k < 16; k += 4)
        acc += (uint64_t)be32(src + k) + be32(dst + k);
    acc += (uint32_t)len;
    acc += nh;
    size_t i = 0;
    for (; i + 4 <= len; i += 4)
        acc += be32(seg + i);
    for (unsigned sh = 24; i < len; i++, sh -= 8)
        acc += (uint64_t)seg[i] << sh;
    acc = (acc >> 32) + (acc & 0xffffffffu);
    acc = (acc >> 32) + (acc & 0xffffffffu);
    uint32_t s = (uint32_t)acc;
    s = (s >> 16) + (s & 0xffff);
    s += s >> 16;
    return (uint16_t)~s;
}
