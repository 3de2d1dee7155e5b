/*
 * class: checksum
 * variant: IPv4 header checksum written out word by word (no loop), the way a fast path for a
 *          fixed 20-byte header is often hand-unrolled; checksum field bytes 10-11 left out.
 * computes: the header checksum field value, big-endian word value.
 */
// clara-corpus: class=checksum entry=ip4_hdr_sum_fixed signature=hdr20_u16 ref=ipv4-hdr helpers=be16at
#include <stddef.h>
#include <stdint.h>

static inline uint32_t be16at(const uint8_t *h, int off)
{
    return (uint32_t)h[off] << 8 | h[off + 1];
}

uint16_t ip4_hdr_sum_fixed(const uint8_t *h)
{
    uint32_t s = be16at(h, 0) + be16at(h, 2) + be16at(h, 4) + be16at(h, 6) + be16at(h, 8);
    s += be16at(h, 12) + be16at(h, 14) + be16at(h, 16) + be16at(h, 18);
    s = (s & 0xffff) + (s >> 16);
    s += s >> 16;
    return (uint16_t)(0xffff ^ (s & 0xffff));
}
