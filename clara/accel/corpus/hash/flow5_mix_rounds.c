/*
 * class: hash
 * variant: hand-written flow hash: three words (saddr, daddr, ports xor proto << 8) folded in
 *          a fixed 3-round loop, each round xor / multiply by an odd constant / xor-shift /
 *          rotate, then a short avalanche (the kind of mixer NF authors write themselves).
 * computes: 32-bit hash of (saddr, daddr, sport, dport, proto), host-order values.
 */
// clara-corpus: class=hash entry=flow_mix3 signature=tuple5_u32 ref=flow5-mix3
#include <stddef.h>
#include <stdint.h>

uint32_t flow_mix3(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    static const uint32_t mul[3] = {0x27d4eb2fu, 0x165667b1u, 0xcc9e2d51u};
    uint32_t w[3] = {saddr, daddr, ((uint32_t)sport << 16 | dport) ^ ((uint32_t)proto << 8)};
    uint32_t h = 0x7f4a7c15u;
    for (int r = 0; r < 3; r++) {
        h ^= w[r];
        h *= mul[r];
        h ^= h >> 16;
        h = (h << 11) | (h >> 21);
    }
    h ^= h >> 13;
    h *= 0x85ebca6bu;
    h ^= h >> 16;
    return h;
}
