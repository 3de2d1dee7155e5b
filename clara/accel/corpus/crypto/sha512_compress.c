/*
 * class:    crypto
 * variant:  SHA-512 compression function (FIPS 180-4 section 6.4): 64-bit words, a
 *           128-byte block read as 16 big-endian words, an 80-word message schedule
 *           W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16] with
 *           sigma0 = ROTR1 ^ ROTR8 ^ SHR7, sigma1 = ROTR19 ^ ROTR61 ^ SHR6, and 80 rounds
 *           with Sigma0 = ROTR28 ^ ROTR34 ^ ROTR39, Sigma1 = ROTR14 ^ ROTR18 ^ ROTR41 over the
 *           eight working variables kept in an array that is rotated by index (the round
 *           writes the new a/e through (80 - t) & 7 instead of moving eight variables).
 *           The only 64-bit-word hash of the corpus (the SHA-256 files use 32-bit words,
 *           64 rounds and other rotation amounts).
 * computes: state[0..8) += rounds(state, block) for one block; K = first 64 bits of the
 *           fractional parts of the cube roots of the first 80 primes.
 */
// clara-corpus: class=crypto entry=sha512_compress signature=opaque ref=sha512 helpers=sha512_schedule
#include <stdint.h>
#include <stddef.h>

static const uint64_t K512[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full,
    0xe9b5dba58189dbbcull, 0x3956c25bf348b538ull, 0x59f111f1b605d019ull,
    0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull, 0xd807aa98a3030242ull,
    0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull,
    0xc19bf174cf692694ull, 0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull,
    0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull, 0x2de92c6f592b0275ull,
    0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full,
    0xbf597fc7beef0ee4ull, 0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull,
    0x06ca6351e003826full, 0x142929670a0e6e70ull, 0x27b70a8546d22ffcull,
    0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull,
    0x92722c851482353bull, 0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull,
    0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull, 0xd192e819d6ef5218ull,
    0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull,
    0x34b0bcb5e19b48a8ull, 0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull,
    0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull, 0x748f82ee5defb2fcull,
    0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull,
    0xc67178f2e372532bull, 0xca273eceea26619cull, 0xd186b8c721c0c207ull,
    0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull, 0x06f067aa72176fbaull,
    0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull,
    0x431d67c49c100d4cull, 0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull,
    0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

#define ROR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

void sha512_schedule(uint64_t w[80], const uint8_t block[128])
{
    for (int t = 0; t < 16; t++) {
        const uint8_t *p = block + 8 * t;
        uint64_t v = 0;
        for (int b = 0; b < 8; b++)
            v = (v << 8) | p[b];
        w[t] = v;
    }
    for (int t = 16; t < 80; t++) {
        uint64_t x = w[t - 15], y = w[t - 2];
        uint64_t s0 = ROR64(x, 1) ^ ROR64(x, 8) ^ (x >> 7);
        uint64_t s1 = ROR64(y, 19) ^ ROR64(y, 61) ^ (y >> 6);
        w[t] = s1 + w[t - 7] + s0 + w[t - 16];
    }
}

void sha512_compress(uint64_t state[8], const uint8_t block[128])
{
    uint64_t w[80];
    uint64_t v[8];   /* v[(o + n) & 7] is working variable n (a = 0 ... h = 7) at offset o */

    sha512_schedule(w, block);
    for (int n = 0; n < 8; n++)
        v[n] = state[n];

    for (int t = 0; t < 80; t++) {
        unsigned o = (unsigned)(80 - t) & 7;   /* a lives at v[o] */
        uint64_t a = v[o], b = v[(o + 1) & 7], c = v[(o + 2) & 7];
        uint64_t e = v[(o + 4) & 7], f = v[(o + 5) & 7], g = v[(o + 6) & 7];
        uint64_t h = v[(o + 7) & 7];
        uint64_t t1 = h + (ROR64(e, 14) ^ ROR64(e, 18) ^ ROR64(e, 41)) + ((e & f) ^ (~e & g)) +
                      K512[t] + w[t];
        uint64_t t2 = (ROR64(a, 28) ^ ROR64(a, 34) ^ ROR64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        /* the old h slot becomes the new a, the old d slot the new e */
        v[(o + 3) & 7] += t1;
        v[(o + 7) & 7] = t1 + t2;
    }

    /* after 80 rounds (a multiple of 8) the offset is back at 0 */
    for (int n = 0; n < 8; n++)
        state[n] += v[n];
}
