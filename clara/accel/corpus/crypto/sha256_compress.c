/*
 * class:    crypto
 * variant:  SHA-256 compression (FIPS 180-4) with a rolling 16-word message schedule
 *           (W[t & 15] recomputed in place), working variables kept in an array and
 *           rotated by index, sigma functions as static inline helpers.
 * computes: H[0..7] updated with one 64-byte block.
 */
// clara-corpus: class=crypto entry=sha256_compress signature=compress_block ref=sha256
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static const uint32_t K256[64] = {
    0x428a2f98U, 0x71374491U, 0xb5c0fbcfU, 0xe9b5dba5U,
    0x3956c25bU, 0x59f111f1U, 0x923f82a4U, 0xab1c5ed5U,
    0xd807aa98U, 0x12835b01U, 0x243185beU, 0x550c7dc3U,
    0x72be5d74U, 0x80deb1feU, 0x9bdc06a7U, 0xc19bf174U,
    0xe49b69c1U, 0xefbe4786U, 0x0fc19dc6U, 0x240ca1ccU,
    0x2de92c6fU, 0x4a7484aaU, 0x5cb0a9dcU, 0x76f988daU,
    0x983e5152U, 0xa831c66dU, 0xb00327c8U, 0xbf597fc7U,
    0xc6e00bf3U, 0xd5a79147U, 0x06ca6351U, 0x14292967U,
    0x27b70a85U, 0x2e1b2138U, 0x4d2c6dfcU, 0x53380d13U,
    0x650a7354U, 0x766a0abbU, 0x81c2c92eU, 0x92722c85U,
    0xa2bfe8a1U, 0xa81a664bU, 0xc24b8b70U, 0xc76c51a3U,
    0xd192e819U, 0xd6990624U, 0xf40e3585U, 0x106aa070U,
    0x19a4c116U, 0x1e376c08U, 0x2748774cU, 0x34b0bcb5U,
    0x391c0cb3U, 0x4ed8aa4aU, 0x5b9cca4fU, 0x682e6ff3U,
    0x748f82eeU, 0x78a5636fU, 0x84c87814U, 0x8cc70208U,
    0x90befffaU, 0xa4506cebU, 0xbef9a3f7U, 0xc67178f2U,
};

static inline uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }
static inline uint32_t bsig0(uint32_t x) { return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22); }
static inline uint32_t bsig1(uint32_t x) { return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25); }
static inline uint32_t ssig0(uint32_t x) { return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3); }
static inline uint32_t ssig1(uint32_t x) { return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10); }

void sha256_compress(uint32_t H[8], const uint8_t data[64])
{
    uint32_t W[16];
    uint32_t v[8];
    int t, i;

    for (i = 0; i < 8; i++)
        v[i] = H[i];
    for (t = 0; t < 64; t++) {
        uint32_t w, t1, t2;
        uint32_t a = v[0], b = v[1], c = v[2], d = v[3];
        uint32_t e = v[4], f = v[5], g = v[6], h = v[7];
        if (t < 16) {
            const uint8_t *p = data + 4 * t;
            w = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
        } else {
            w = ssig1(W[(t - 2) & 15]) + W[(t - 7) & 15] + ssig0(W[(t - 15) & 15]) + W[t & 15];
        }
        W[t & 15] = w;
        t1 = h + bsig1(e) + ((e & f) ^ (~e & g)) + K256[t] + w;
        t2 = bsig0(a) + ((a & b) ^ (a & c) ^ (b & c));
        v[7] = g;
        v[6] = f;
        v[5] = e;
        v[4] = d + t1;
        v[3] = c;
        v[2] = b;
        v[1] = a;
        v[0] = t1 + t2;
    }
    for (i = 0; i < 8; i++)
        H[i] += v[i];
}
