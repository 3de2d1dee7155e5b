/*
 * class: checksum
 * variant: UDP/TCP over IPv6 (RFC 8200 section 8.1): the pseudo-header is the two 16-byte
 *          addresses, the 32-bit upper-layer length and the next-header value; summed as
 *          big-endian words with the segment, a computed 0 sent as 0xFFFF (UDP rule).
 * computes: the checksum field value (big-endian word value); l4 has its checksum zeroed.
 */
// clara-corpus: class=checksum entry=l4_csum_v6 signature=pseudo6_u16 ref=inet-pseudo6-udp helpers=add_words
#include <stddef.h>
#include <stdint.h>

static uint32_t add_words(uint32_t s, const uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i + 1 < n; i += 2)
        s += (uint32_t)p[i] << 8 | p[i + 1];
    if (i < n)
        s += (uint32_t)p[i] << 8;
    return s;
}

uint16_t l4_csum_v6(const uint8_t *saddr, const uint8_t *daddr, uint8_t next_header,
                    const uint8_t *l4, size_t len)
{
    uint32_t s = add_words(0, saddr, 16);
    s = add_words(s, daddr, 16);
    s += (uint32_t)(len >> 16) + (uint32_t)(len & 0xffff);
    s += next_header;
    s = add_words(s, l4, len);
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    uint16_t r = (uint16_t)~s;
    return r ? r : 0xffff;
}
