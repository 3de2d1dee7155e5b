/*
 * class: checksum
 * variant: NAT-style update for a rewritten 32-bit field (an IPv4 address): RFC 1624 eqn. 3
 *          applied to both 16-bit halves at once, in a 64-bit sum folded to 16 bits.
 * computes: HC' after a 32-bit field changes from `from` to `to` (host-order values; the
 *           checksum is a big-endian word value).
 */
// clara-corpus: class=checksum entry=csum_replace4 signature=incr32_u16 ref=rfc1624-32
#include <stddef.h>
#include <stdint.h>

uint16_t csum_replace4(uint16_t check, uint32_t from, uint32_t to)
{
    uint64_t s = (uint16_t)~check;
    s += (uint16_t)~(from >> 16);
    s += (uint16_t)~(from & 0xffff);
    s += to >> 16;
    s += to & 0xffff;
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}
