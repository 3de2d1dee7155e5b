/*
 * class: hash
 * variant: symmetric flow hash (both directions of a connection hash alike): the addresses and
 *          the ports are ordered before mixing; lookup3's final() mixes (lo addr, hi addr,
 *          ports ^ proto), each offset by a constant.
 * computes: 32-bit symmetric hash of (saddr, daddr, sport, dport, proto), host-order values.
 */
// clara-corpus: class=hash entry=sym_flow_hash signature=tuple5_u32 ref=flow5-sym
#include <stddef.h>
#include <stdint.h>

#define ROT(x, k) (((x) << (k)) | ((x) >> (32 - (k))))

uint32_t sym_flow_hash(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
                       uint8_t proto)
{
    const uint32_t off = 0x3c6ef372u;
    uint32_t a = (saddr < daddr ? saddr : daddr) + off;
    uint32_t b = (saddr < daddr ? daddr : saddr) + off;
    uint32_t lo = sport < dport ? sport : dport, hi = sport < dport ? dport : sport;
    uint32_t c = ((lo << 16 | hi) ^ proto) + off;
    c ^= b; c -= ROT(b, 14);
    a ^= c; a -= ROT(c, 11);
    b ^= a; b -= ROT(a, 25);
    c ^= b; c -= ROT(b, 16);
    a ^= c; a -= ROT(c, 4);
    b ^= a; b -= ROT(a, 14);
    c ^= b; c -= ROT(b, 24);
    return c;
}
