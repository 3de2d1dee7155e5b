/*
 * class: hash
 * variant: TCP ISN generator (RFC 6528 shape) whose F is a 4-round keyed mixing loop: each
 *          round xors in one word (the two addresses, the ports, the secret), multiplies by
 *          an odd constant from a small table, xor-shifts and rotates; the clock is added.
 * computes: the ISN for (saddr, daddr, sport, dport) under `secret` at time `clock`.
 */
// clara-corpus: class=hash entry=isn_rounds signature=isn4_u32 ref=isn-rounds
#include <stddef.h>
#include <stdint.h>

uint32_t isn_rounds(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
                    uint32_t secret, uint32_t clock)
{
    static const uint32_t odd[4] = {0x85EBCA6Bu, 0xC2B2AE35u, 0x27D4EB2Du, 0x165667B1u};
    uint32_t in[4] = {saddr, daddr, (uint32_t)sport << 16 | dport, secret};
    uint32_t h = secret;
    for (int r = 0; r < 4; r++) {
        h ^= in[r];
        h *= odd[r];
        h ^= h >> 13;
        h = (h << 9) | (h >> 23);
    }
    return h + clock;
}
