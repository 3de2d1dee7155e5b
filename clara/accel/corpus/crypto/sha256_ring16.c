/*
 * class:    crypto
 * variant:  SHA-256 compression with a 16-word circular message schedule (W[t & 15] updated in
 *           place from t = 16), the eight working variables in an array rotated by index
 *           arithmetic instead of by moving values.
 * computes: state = SHA-256 compression(state, 64-byte block), big-endian message words.
 */
// clara-corpus: class=crypto entry=sha256_ring_block signature=compress_block ref=sha256
#include <stdint.h>
#include <stddef.h>

static const uint32_t K256[64] = {
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

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

void sha256_ring_block(uint32_t *state, const uint8_t *block)
{
    uint32_t w[16], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 |
               (uint32_t)block[4 * i + 2] << 8 | block[4 * i + 3];
    for (int i = 0; i < 8; i++)
        v[i] = state[i];
    for (int t = 0; t < 64; t++) {
        if (t >= 16) {
            uint32_t a = w[(t + 1) & 15], b = w[(t + 14) & 15];
            uint32_t s0 = ROTR(a, 7) ^ ROTR(a, 18) ^ (a >> 3);
            uint32_t s1 = ROTR(b, 17) ^ ROTR(b, 19) ^ (b >> 10);
            w[t & 15] += s0 + s1 + w[(t + 9) & 15];
        }
        /* round t: a is v[-t mod 8], b the next slot, ...; the new a goes into h's slot */
        uint32_t *A = &v[(64 - t) & 7], *B = &v[(65 - t) & 7], *C = &v[(66 - t) & 7];
        uint32_t *D = &v[(67 - t) & 7], *E = &v[(68 - t) & 7], *F = &v[(69 - t) & 7];
        uint32_t *G = &v[(70 - t) & 7], *H = &v[(71 - t) & 7];
        uint32_t t1 = *H + (ROTR(*E, 6) ^ ROTR(*E, 11) ^ ROTR(*E, 25)) + ((*E & *F) ^ (~*E & *G)) +
                      K256[t] + w[t & 15];
        uint32_t t2 = (ROTR(*A, 2) ^ ROTR(*A, 13) ^ ROTR(*A, 22)) + ((*A & *B) ^ (*A & *C) ^ (*B & *C));
        *D += t1;
        *H = t1 + t2;   /* becomes the new a: index (64 - (t + 1)) & 7 */
    }
    for (int i = 0; i < 8; i++)   /* after 64 rounds a is back at v[0] */
        state[i] += v[i];
}
