/*
 * class: hash
 * variant: 5-tuple hash for RSS-like queue selection: the tuple is packed into a 13-byte key
 *          in network order and hashed with an inline MurmurHash3 x86_32 (seed 0x2d358dcc).
 * computes: 32-bit bucket hash of (saddr, daddr, sport, dport, proto), host-order values.
 */
// clara-corpus: class=hash entry=tuple_mm3 signature=tuple5_u32 ref=flow5-murmur3
#include <stddef.h>
#include <stdint.h>

static uint32_t rotl32(uint32_t x, int r)
{
    return (x << r) | (x >> (32 - r));
}

uint32_t tuple_mm3(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    uint8_t key[13] = {
        (uint8_t)(saddr >> 24), (uint8_t)(saddr >> 16), (uint8_t)(saddr >> 8), (uint8_t)saddr,
        (uint8_t)(daddr >> 24), (uint8_t)(daddr >> 16), (uint8_t)(daddr >> 8), (uint8_t)daddr,
        (uint8_t)(sport >> 8), (uint8_t)sport, (uint8_t)(dport >> 8), (uint8_t)dport, proto,
    };
    uint32_t h = 0x2d358dccu;
    for (int b = 0; b < 3; b++) {
        const uint8_t *q = key + 4 * b;
        uint32_t k = q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
        h ^= rotl32(k * 0xcc9e2d51u, 15) * 0x1b873593u;
        h = rotl32(h, 13) * 5 + 0xe6546b64u;
    }
    h ^= rotl32(key[12] * 0xcc9e2d51u, 15) * 0x1b873593u;
    h ^= 13;
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    return h ^ (h >> 16);
}
