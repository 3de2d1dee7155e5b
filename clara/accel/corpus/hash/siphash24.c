/*
 * class: hash
 * variant: SipHash-2-4 style keyed hash: four 64-bit state words, SIPROUND as a macro (ARX),
 *          2 compression rounds per 8-byte little-endian word, length byte in the top of the
 *          last word, 4 finalisation rounds; written from the paper's description.
 * computes: 64-bit SipHash-2-4 of a buffer under a 128-bit key (k0, k1 little-endian).
 * parameters: init constants "somepseudorandomlygeneratedbytes"; rotations 13,32,16,21,17,32.
 */
// clara-corpus: class=hash entry=siphash_2_4 signature=key_buf_len_u64 ref=siphash-2-4
#include <stddef.h>
#include <stdint.h>

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND                                                                          \
    do {                                                                                  \
        v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);                        \
        v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                                            \
        v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                                            \
        v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);                        \
    } while (0)

static uint64_t u8to64_le(const uint8_t *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
           (uint64_t)p[7] << 56;
}

uint64_t siphash_2_4(const uint8_t *k, const uint8_t *in, size_t inlen)
{
    uint64_t k0 = u8to64_le(k), k1 = u8to64_le(k + 8);
    uint64_t v0 = 0x736f6d6570736575ULL ^ k0;
    uint64_t v1 = 0x646f72616e646f6dULL ^ k1;
    uint64_t v2 = 0x6c7967656e657261ULL ^ k0;
    uint64_t v3 = 0x7465646279746573ULL ^ k1;
    const uint8_t *end = in + (inlen - (inlen % 8));
    uint64_t m, b = (uint64_t)inlen << 56;
    int i;

    for (; in != end; in += 8) {
        m = u8to64_le(in);
        v3 ^= m;
        for (i = 0; i < 2; ++i)
            SIPROUND;
        v0 ^= m;
    }
    for (i = (int)(inlen & 7) - 1; i >= 0; --i)
        b |= (uint64_t)in[i] << (8 * i);
    v3 ^= b;
    SIPROUND;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    for (i = 0; i < 4; ++i)
        SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}
