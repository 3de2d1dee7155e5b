/*
 * class: hash
 * variant: TCP ISN generator with a Jenkins-style F: the tuple words are offset by the secret
 *          and mixed with lookup3's final() (written as a helper), then the clock is added.
 * computes: the ISN for (saddr, daddr, sport, dport) under `secret` at time `clock`.
 */
// clara-corpus: class=hash entry=isn_jenkins signature=isn4_u32 ref=isn-jhash helpers=jfinal
#include <stddef.h>
#include <stdint.h>

static inline uint32_t rol32(uint32_t v, unsigned s)
{
    return (v << s) | (v >> (32 - s));
}

static uint32_t jfinal(uint32_t a, uint32_t b, uint32_t c)
{
    c ^= b; c -= rol32(b, 14);
    a ^= c; a -= rol32(c, 11);
    b ^= a; b -= rol32(a, 25);
    c ^= b; c -= rol32(b, 16);
    a ^= c; a -= rol32(c, 4);
    b ^= a; b -= rol32(a, 14);
    c ^= b; c -= rol32(b, 24);
    return c;
}

uint32_t isn_jenkins(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
                     uint32_t secret, uint32_t clock)
{
    uint32_t f = jfinal(saddr + secret, daddr + 0x9e3779b9u,
                        ((uint32_t)sport << 16 | dport) ^ secret);
    return f + clock;
}
