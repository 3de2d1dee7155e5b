/*
 * class:    crypto
 * variant:  ChaCha20 block function (RFC 8439 section 2.3): 16-word state from the
 *           "expand 32-byte k" constants, key, 32-bit block counter and 96-bit nonce;
 *           quarter round as a macro, 10 double rounds (column + diagonal), feed-forward
 *           addition, little-endian serialisation.
 * computes: one 64-byte keystream block.
 */
// clara-corpus: class=crypto entry=chacha20_block signature=chacha_block ref=chacha20
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define CC_ROTL(v, c) (((v) << (c)) | ((v) >> (32 - (c))))
#define CC_QR(a, b, c, d)              \
    do {                               \
        a += b; d ^= a; d = CC_ROTL(d, 16); \
        c += d; b ^= c; b = CC_ROTL(b, 12); \
        a += b; d ^= a; d = CC_ROTL(d, 8);  \
        c += d; b ^= c; b = CC_ROTL(b, 7);  \
    } while (0)

void chacha20_block(const uint32_t key[8], uint32_t counter, const uint32_t nonce[3],
                    uint8_t out[64])
{
    uint32_t in[16], x[16];
    int i;

    in[0] = 0x61707865u;
    in[1] = 0x3320646eu;
    in[2] = 0x79622d32u;
    in[3] = 0x6b206574u;
    for (i = 0; i < 8; i++)
        in[4 + i] = key[i];
    in[12] = counter;
    in[13] = nonce[0];
    in[14] = nonce[1];
    in[15] = nonce[2];
    memcpy(x, in, sizeof(x));

    for (i = 0; i < 10; i++) {
        CC_QR(x[0], x[4], x[8], x[12]);
        CC_QR(x[1], x[5], x[9], x[13]);
        CC_QR(x[2], x[6], x[10], x[14]);
        CC_QR(x[3], x[7], x[11], x[15]);
        CC_QR(x[0], x[5], x[10], x[15]);
        CC_QR(x[1], x[6], x[11], x[12]);
        CC_QR(x[2], x[7], x[8], x[13]);
        CC_QR(x[3], x[4], x[9], x[14]);
    }
    for (i = 0; i < 16; i++) {
        uint32_t v = x[i] + in[i];
        out[4 * i + 0] = (uint8_t)v;
        out[4 * i + 1] = (uint8_t)(v >> 8);
        out[4 * i + 2] = (uint8_t)(v >> 16);
        out[4 * i + 3] = (uint8_t)(v >> 24);
    }
}
