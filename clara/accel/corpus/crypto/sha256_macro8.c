/*
 * class:    crypto
 * variant:  SHA-256 compression with the round as a macro over eight named registers; the
 *           64 rounds run as 8 loop iterations of 8 macro invocations with rotated argument
 *           lists, the full 64-word schedule expanded first.
 * computes: state = SHA-256 compression(state, 64-byte block).
 */
// clara-corpus: class=crypto entry=sha256_m8 signature=compress_block ref=sha256
#include <stdint.h>
#include <stddef.h>

static const uint32_t KK[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u,
    0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u,
    0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu,
    0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u,
    0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u,
    0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u,
    0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u,
    0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u,
    0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};

#define RR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define EP0(x) (RR(x, 2) ^ RR(x, 13) ^ RR(x, 22))
#define EP1(x) (RR(x, 6) ^ RR(x, 11) ^ RR(x, 25))
#define SG0(x) (RR(x, 7) ^ RR(x, 18) ^ ((x) >> 3))
#define SG1(x) (RR(x, 17) ^ RR(x, 19) ^ ((x) >> 10))
#define STEP(a, b, c, d, e, f, g, h, i)                                          \
    do {                                                                         \
        uint32_t t1_ = (h) + EP1(e) + (((e) & (f)) ^ (~(e) & (g))) + KK[i] + W[i]; \
        uint32_t t2_ = EP0(a) + (((a) & (b)) ^ ((a) & (c)) ^ ((b) & (c)));        \
        (d) += t1_;                                                              \
        (h) = t1_ + t2_;                                                         \
    } while (0)

void sha256_m8(uint32_t *st, const uint8_t *blk)
{
    uint32_t W[64];
    for (int i = 0; i < 16; i++, blk += 4)
        W[i] = (uint32_t)blk[0] << 24 | (uint32_t)blk[1] << 16 | (uint32_t)blk[2] << 8 | blk[3];
    for (int i = 16; i < 64; i++)
        W[i] = SG1(W[i - 2]) + W[i - 7] + SG0(W[i - 15]) + W[i - 16];
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7];
    for (int i = 0; i < 64; i += 8) {
        STEP(a, b, c, d, e, f, g, h, i);
        STEP(h, a, b, c, d, e, f, g, i + 1);
        STEP(g, h, a, b, c, d, e, f, i + 2);
        STEP(f, g, h, a, b, c, d, e, i + 3);
        STEP(e, f, g, h, a, b, c, d, i + 4);
        STEP(d, e, f, g, h, a, b, c, i + 5);
        STEP(c, d, e, f, g, h, a, b, i + 6);
        STEP(b, c, d, e, f, g, h, a, i + 7);
    }
    st[0] += a; st[1] += b; st[2] += c; st[3] += d;
    st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}
