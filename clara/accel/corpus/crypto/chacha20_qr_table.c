/*
 * class:    crypto
 * variant:  ChaCha20 block function driven by a table of the eight quarter-round index
 *           quadruples (four column rounds, four diagonal rounds) looped ten times; the
 *           quarter round is a function on the state array; output serialised little-endian.
 * computes: the 64-byte ChaCha20 keystream block for (key, counter, nonce), RFC 8439.
 */
// clara-corpus: class=crypto entry=chacha_qr_block signature=chacha_block helpers=chacha_qr ref=chacha20
#include <stdint.h>
#include <stddef.h>

static const uint8_t QR_IDX[8][4] = {
    {0, 4, 8, 12}, {1, 5, 9, 13}, {2, 6, 10, 14}, {3, 7, 11, 15},
    {0, 5, 10, 15}, {1, 6, 11, 12}, {2, 7, 8, 13}, {3, 4, 9, 14},
};

#define RL(v, c) (((v) << (c)) | ((v) >> (32 - (c))))

static void chacha_qr(uint32_t *x, int a, int b, int c, int d)
{
    x[a] += x[b]; x[d] ^= x[a]; x[d] = RL(x[d], 16);
    x[c] += x[d]; x[b] ^= x[c]; x[b] = RL(x[b], 12);
    x[a] += x[b]; x[d] ^= x[a]; x[d] = RL(x[d], 8);
    x[c] += x[d]; x[b] ^= x[c]; x[b] = RL(x[b], 7);
}

void chacha_qr_block(const uint32_t key[8], uint32_t counter, const uint32_t nonce[3],
                     uint8_t out[64])
{
    uint32_t in[16] = {0x61707865u, 0x3320646eu, 0x79622d32u, 0x6b206574u};
    for (int i = 0; i < 8; i++)
        in[4 + i] = key[i];
    in[12] = counter;
    in[13] = nonce[0];
    in[14] = nonce[1];
    in[15] = nonce[2];
    uint32_t x[16];
    for (int i = 0; i < 16; i++)
        x[i] = in[i];
    for (int dr = 0; dr < 10; dr++)
        for (int q = 0; q < 8; q++)
            chacha_qr(x, QR_IDX[q][0], QR_IDX[q][1], QR_IDX[q][2], QR_IDX[q][3]);
    for (int i = 0; i < 16; i++) {
        uint32_t v = x[i] + in[i];
        out[4 * i] = (uint8_t)v;
        out[4 * i + 1] = (uint8_t)(v >> 8);
        out[4 * i + 2] = (uint8_t)(v >> 16);
        out[4 * i + 3] = (uint8_t)(v >> 24);
    }
}
