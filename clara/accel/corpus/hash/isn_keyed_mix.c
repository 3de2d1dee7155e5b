/*
 * class: hash
 * variant: TCP initial sequence number generator in the RFC 6528 shape ISN = M + F(4-tuple,
 *          secret): F is a hand-written keyed mixing hash over the three tuple words (xor,
 *          multiply by odd constants, xor-shifts), M the caller's 4-microsecond clock.
 * computes: the ISN for (saddr, daddr, sport, dport) under `secret` at time `clock`.
 */
// clara-corpus: class=hash entry=isn_keyed signature=isn4_u32 ref=isn-mix
#include <stddef.h>
#include <stdint.h>

uint32_t isn_keyed(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
                   uint32_t secret, uint32_t clock)
{
    uint32_t words[3] = {saddr, daddr, (uint32_t)sport << 16 | dport};
    uint32_t h = secret ^ 0x6a09e667u;
    for (int i = 0; i < 3; i++) {
        h = (h ^ words[i]) * 0x2c1b3c6du;
        h ^= h >> 12;
        h *= 0x297a2d39u;
        h ^= h >> 15;
    }
    return h + clock;
}
