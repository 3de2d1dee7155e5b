/*
 * class: hash
 * variant: MurmurHash3 x64_128 style: two 64-bit lanes, 16-byte blocks as two little-endian
 *          64-bit words assembled with shifts, the 1..15 byte tail built by loops instead of a
 *          switch, fmix64 on both lanes, result as two 64-bit words.
 * computes: 128-bit Murmur3 (x64 variant) with a 32-bit seed; out[0] = h1, out[1] = h2.
 * parameters: c1 0x87c37b91114253d5, c2 0x4cf5ad432745937f; rotations 31/33 (keys), 27/31
 *             (lanes); lane constants 0x52dce729, 0x38495ab5; fmix64 0xff51afd7ed558ccd,
 *             0xc4ceb9fe1a85ec53.
 */
// clara-corpus: class=hash entry=mmh3_x64_128 signature=buf_len_u128 ref=murmur3-x64-128 helpers=fmix64,get_le64
#include <stddef.h>
#include <stdint.h>

#define ROTL64(x, r) (((x) << (r)) | ((x) >> (64 - (r))))

static uint64_t fmix64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

static uint64_t get_le64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

void mmh3_x64_128(const uint8_t *key, size_t len, uint32_t seed, uint64_t out[2])
{
    const uint64_t c1 = 0x87c37b91114253d5ULL;
    const uint64_t c2 = 0x4cf5ad432745937fULL;
    uint64_t h1 = seed, h2 = seed;
    size_t nblocks = len / 16;
    size_t b;

    for (b = 0; b < nblocks; b++) {
        uint64_t k1 = get_le64(key + 16 * b);
        uint64_t k2 = get_le64(key + 16 * b + 8);

        k1 *= c1; k1 = ROTL64(k1, 31); k1 *= c2; h1 ^= k1;
        h1 = ROTL64(h1, 27); h1 += h2; h1 = h1 * 5 + 0x52dce729;

        k2 *= c2; k2 = ROTL64(k2, 33); k2 *= c1; h2 ^= k2;
        h2 = ROTL64(h2, 31); h2 += h1; h2 = h2 * 5 + 0x38495ab5;
    }

    const uint8_t *tail = key + nblocks * 16;
    size_t rem = len & 15;
    uint64_t t1 = 0, t2 = 0;
    for (size_t i = rem; i > 8; i--)
        t2 = (t2 << 8) | tail[i - 1];
    for (size_t i = (rem > 8 ? 8 : rem); i > 0; i--)
        t1 = (t1 << 8) | tail[i - 1];
    if (rem > 8) {
        t2 *= c2; t2 = ROTL64(t2, 33); t2 *= c1; h2 ^= t2;
    }
    if (rem > 0) {
        t1 *= c1; t1 = ROTL64(t1, 31); t1 *= c2; h1 ^= t1;
    }

    h1 ^= (uint64_t)len;
    h2 ^= (uint64_t)len;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    out[0] = h1;
    out[1] = h2;
}
