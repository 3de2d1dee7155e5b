/*
 * class: hash
 * variant: SipHash-1-3 (one compression round per word, three finalization rounds), the ARX
 *          round as a static function over a 4-word state array, words read little-endian by
 *          a byte loop.
 * computes: 64-bit SipHash-1-3 of a byte buffer under a 16-byte key.
 */
// clara-corpus: class=hash entry=siphash13 signature=key_buf_len_u64 ref=siphash-1-3 helpers=sip_round,rd64
#include <stddef.h>
#include <stdint.h>

static uint64_t rotl64(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

static void sip_round(uint64_t v[4])
{
    v[0] += v[1]; v[1] = rotl64(v[1], 13); v[1] ^= v[0]; v[0] = rotl64(v[0], 32);
    v[2] += v[3]; v[3] = rotl64(v[3], 16); v[3] ^= v[2];
    v[0] += v[3]; v[3] = rotl64(v[3], 21); v[3] ^= v[0];
    v[2] += v[1]; v[1] = rotl64(v[1], 17); v[1] ^= v[2]; v[2] = rotl64(v[2], 32);
}

static uint64_t rd64(const uint8_t *p, size_t n)
{
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++)
        x |= (uint64_t)p[i] << (8 * i);
    return x;
}

uint64_t siphash13(const uint8_t *key, const uint8_t *in, size_t len)
{
    uint64_t k0 = rd64(key, 8), k1 = rd64(key + 8, 8);
    uint64_t v[4] = {k0 ^ 0x736f6d6570736575ull, k1 ^ 0x646f72616e646f6dull,
                     k0 ^ 0x6c7967656e657261ull, k1 ^ 0x7465646279746573ull};
    size_t full = len & ~(size_t)7;
    for (size_t i = 0; i < full; i += 8) {
        uint64_t m = rd64(in + i, 8);
        v[3] ^= m;
        sip_round(v);
        v[0] ^= m;
    }
    uint64_t b = ((uint64_t)len << 56) | rd64(in + full, len - full);
    v[3] ^= b;
    sip_round(v);
    v[0] ^= b;
    v[2] ^= 0xff;
    for (int r = 0; r < 3; r++)
        sip_round(v);
    return v[0] ^ v[1] ^ v[2] ^ v[3];
}
