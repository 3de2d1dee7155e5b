/*
 * class:    crypto
 * variant:  SHA-1 compression (FIPS 180-4): full 80-word message schedule expanded up
 *           front, then four 20-step loops, one per round function/constant; big-endian
 *           word loads through a macro.
 * computes: h[0..4] updated with one 64-byte block.
 */
// clara-corpus: class=crypto entry=sha1_process_block signature=compress_block ref=sha1
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define SHA1_ROTL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
#define SHA1_LOAD(p) (((uint32_t)(p)[0] << 24) | ((uint32_t)(p)[1] << 16) | ((uint32_t)(p)[2] << 8) | (uint32_t)(p)[3])

void sha1_process_block(uint32_t h[5], const uint8_t blk[64])
{
    uint32_t W[80];
    uint32_t A, B, C, D, E, tmp;
    int t;

    for (t = 0; t < 16; t++)
        W[t] = SHA1_LOAD(blk + 4 * t);
    for (t = 16; t < 80; t++)
        W[t] = SHA1_ROTL(W[t - 3] ^ W[t - 8] ^ W[t - 14] ^ W[t - 16], 1);

    A = h[0];
    B = h[1];
    C = h[2];
    D = h[3];
    E = h[4];
    for (t = 0; t < 20; t++) {
        tmp = SHA1_ROTL(A, 5) + ((B & C) | (~B & D)) + E + W[t] + 0x5A827999u;
        E = D; D = C; C = SHA1_ROTL(B, 30); B = A; A = tmp;
    }
    for (; t < 40; t++) {
        tmp = SHA1_ROTL(A, 5) + (B ^ C ^ D) + E + W[t] + 0x6ED9EBA1u;
        E = D; D = C; C = SHA1_ROTL(B, 30); B = A; A = tmp;
    }
    for (; t < 60; t++) {
        tmp = SHA1_ROTL(A, 5) + ((B & C) | (B & D) | (C & D)) + E + W[t] + 0x8F1BBCDCu;
        E = D; D = C; C = SHA1_ROTL(B, 30); B = A; A = tmp;
    }
    for (; t < 80; t++) {
        tmp = SHA1_ROTL(A, 5) + (B ^ C ^ D) + E + W[t] + 0xCA62C1D6u;
        E = D; D = C; C = SHA1_ROTL(B, 30); B = A; A = tmp;
    }
    h[0] += A;
    h[1] += B;
    h[2] += C;
    h[3] += D;
    h[4] += E;
}
