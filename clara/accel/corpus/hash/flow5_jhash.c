/*
 * class: hash
 * variant: 5-tuple flow hash for a connection table, built from jhash_3words: the three words
 *          are saddr, daddr and (sport << 16 | dport) ^ proto; lookup3's final() mixes them.
 * computes: 32-bit bucket hash of (saddr, daddr, sport, dport, proto), host-order values.
 * parameters: initval 0x9e3779b9 (the flow-table seed), JHASH_INITVAL 0xdeadbeef;
 *             a, b, c each get initval + JHASH_INITVAL + 12 added before final().
 */
// clara-corpus: class=hash entry=flow_hash5 signature=tuple5_u32 ref=flow5-jhash helpers=jhash_3words
#include <stddef.h>
#include <stdint.h>

#define FLOW_SEED 0x9e3779b9u

static inline uint32_t rol(uint32_t v, int s)
{
    return (v << s) | (v >> (32 - s));
}

static uint32_t jhash_3words(uint32_t a, uint32_t b, uint32_t c, uint32_t initval)
{
    initval += 0xdeadbeefu + (3u << 2);
    a += initval;
    b += initval;
    c += initval;
    c ^= b; c -= rol(b, 14);
    a ^= c; a -= rol(c, 11);
    b ^= a; b -= rol(a, 25);
    c ^= b; c -= rol(b, 16);
    a ^= c; a -= rol(c, 4);
    b ^= a; b -= rol(a, 14);
    c ^= b; c -= rol(b, 24);
    return c;
}

uint32_t flow_hash5(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    uint32_t ports = ((uint32_t)sport << 16) | dport;
    return jhash_3words(saddr, daddr, ports ^ proto, FLOW_SEED);
}
