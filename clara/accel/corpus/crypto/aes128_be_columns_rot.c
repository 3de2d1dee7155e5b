/*
 * class:    crypto
 * variant:  AES-128 encryption on four big-endian 32-bit column words (row 0 in the most
 *           significant byte, as the bytes sit in memory). SubBytes and ShiftRows are fused:
 *           each output column is assembled from four S-box lookups taken from the diagonal
 *           of the input columns. MixColumns works on the packed column with left rotations,
 *           written as t = w ^ rotl8(w), u = t ^ rotl16(t) (the column parity in every lane),
 *           w' = w ^ u ^ xtime4(t), where xtime4 doubles the four lanes at once with the
 *           high-bit mask m and (m - (m >> 7)) & 0x1b1b1b1b. The key schedule is expanded
 *           a whole round (four words) per iteration from an Rcon table into a local 44-word
 *           buffer, and the entry takes the raw key (no separate setkey). The S-box is a
 *           constant table (values generated from the FIPS-197 definition: inverse in
 *           GF(2^8) mod x^8 + x^4 + x^3 + x + 1, then the affine map with 0x63).
 *           Unlike aes128_colword_xtime.c (little-endian columns, computed S-box, masked
 *           ShiftRows merge, rk_in_out) and the T-table files (precomputed round tables).
 * computes: out = AES-128_K(in), FIPS-197 (10 rounds, 128-bit key).
 */
// clara-corpus: class=crypto entry=aes128_be_encrypt signature=key_in_out helpers=aesb_expand_key,aesb_sub_shift,aesb_mix_column,aesb_xtime4 ref=aes128
#include <stdint.h>
#include <stddef.h>

static const uint8_t AESB_SBOX[256] = {
    0x63, 0x7C, 0x77, 0x7B, 0xF2, 0x6B, 0x6F, 0xC5, 0x30, 0x01, 0x67, 0x2B, 0xFE, 0xD7, 0xAB, 0x76,
    0xCA, 0x82, 0xC9, 0x7D, 0xFA, 0x59, 0x47, 0xF0, 0xAD, 0xD4, 0xA2, 0xAF, 0x9C, 0xA4, 0x72, 0xC0,
    0xB7, 0xFD, 0x93, 0x26, 0x36, 0x3F, 0xF7, 0xCC, 0x34, 0xA5, 0xE5, 0xF1, 0x71, 0xD8, 0x31, 0x15,
    0x04, 0xC7, 0x23, 0xC3, 0x18, 0x96, 0x05, 0x9A, 0x07, 0x12, 0x80, 0xE2, 0xEB, 0x27, 0xB2, 0x75,
    0x09, 0x83, 0x2C, 0x1A, 0x1B, 0x6E, 0x5A, 0xA0, 0x52, 0x3B, 0xD6, 0xB3, 0x29, 0xE3, 0x2F, 0x84,
    0x53, 0xD1, 0x00, 0xED, 0x20, 0xFC, 0xB1, 0x5B, 0x6A, 0xCB, 0xBE, 0x39, 0x4A, 0x4C, 0x58, 0xCF,
    0xD0, 0xEF, 0xAA, 0xFB, 0x43, 0x4D, 0x33, 0x85, 0x45, 0xF9, 0x02, 0x7F, 0x50, 0x3C, 0x9F, 0xA8,
    0x51, 0xA3, 0x40, 0x8F, 0x92, 0x9D, 0x38, 0xF5, 0xBC, 0xB6, 0xDA, 0x21, 0x10, 0xFF, 0xF3, 0xD2,
    0xCD, 0x0C, 0x13, 0xEC, 0x5F, 0x97, 0x44, 0x17, 0xC4, 0xA7, 0x7E, 0x3D, 0x64, 0x5D, 0x19, 0x73,
    0x60, 0x81, 0x4F, 0xDC, 0x22, 0x2A, 0x90, 0x88, 0x46, 0xEE, 0xB8, 0x14, 0xDE, 0x5E, 0x0B, 0xDB,
    0xE0, 0x32, 0x3A, 0x0A, 0x49, 0x06, 0x24, 0x5C, 0xC2, 0xD3, 0xAC, 0x62, 0x91, 0x95, 0xE4, 0x79,
    0xE7, 0xC8, 0x37, 0x6D, 0x8D, 0xD5, 0x4E, 0xA9, 0x6C, 0x56, 0xF4, 0xEA, 0x65, 0x7A, 0xAE, 0x08,
    0xBA, 0x78, 0x25, 0x2E, 0x1C, 0xA6, 0xB4, 0xC6, 0xE8, 0xDD, 0x74, 0x1F, 0x4B, 0xBD, 0x8B, 0x8A,
    0x70, 0x3E, 0xB5, 0x66, 0x48, 0x03, 0xF6, 0x0E, 0x61, 0x35, 0x57, 0xB9, 0x86, 0xC1, 0x1D, 0x9E,
    0xE1, 0xF8, 0x98, 0x11, 0x69, 0xD9, 0x8E, 0x94, 0x9B, 0x1E, 0x87, 0xE9, 0xCE, 0x55, 0x28, 0xDF,
    0x8C, 0xA1, 0x89, 0x0D, 0xBF, 0xE6, 0x42, 0x68, 0x41, 0x99, 0x2D, 0x0F, 0xB0, 0x54, 0xBB, 0x16,
};

static const uint8_t AESB_RCON[10] = {
    0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36,
};

static inline uint32_t aesb_rotl(uint32_t w, unsigned n)
{
    return (w << n) | (w >> (32 - n));
}

static inline uint32_t aesb_load_be(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static inline void aesb_store_be(uint8_t *p, uint32_t w)
{
    p[0] = (uint8_t)(w >> 24);
    p[1] = (uint8_t)(w >> 16);
    p[2] = (uint8_t)(w >> 8);
    p[3] = (uint8_t)w;
}

/* S-box applied to every byte of a word, byte order kept */
static inline uint32_t aesb_sub_word(uint32_t w)
{
    return ((uint32_t)AESB_SBOX[w >> 24] << 24) | ((uint32_t)AESB_SBOX[(w >> 16) & 0xff] << 16) |
           ((uint32_t)AESB_SBOX[(w >> 8) & 0xff] << 8) | AESB_SBOX[w & 0xff];
}

void aesb_expand_key(const uint8_t key[16], uint32_t rk[44])
{
    uint32_t w0 = aesb_load_be(key), w1 = aesb_load_be(key + 4);
    uint32_t w2 = aesb_load_be(key + 8), w3 = aesb_load_be(key + 12);
    uint32_t *dst = rk;

    *dst++ = w0;
    *dst++ = w1;
    *dst++ = w2;
    *dst++ = w3;
    for (unsigned r = 0; r < 10; r++) {
        w0 ^= aesb_sub_word(aesb_rotl(w3, 8)) ^ ((uint32_t)AESB_RCON[r] << 24);
        w1 ^= w0;
        w2 ^= w1;
        w3 ^= w2;
        *dst++ = w0;
        *dst++ = w1;
        *dst++ = w2;
        *dst++ = w3;
    }
}

/* output column c, row r = S(input column c + r, row r) */
void aesb_sub_shift(uint32_t col[4])
{
    uint32_t t[4];

    for (unsigned c = 0; c < 4; c++) {
        t[c] = ((uint32_t)AESB_SBOX[col[c] >> 24] << 24) |
               ((uint32_t)AESB_SBOX[(col[(c + 1) & 3] >> 16) & 0xff] << 16) |
               ((uint32_t)AESB_SBOX[(col[(c + 2) & 3] >> 8) & 0xff] << 8) |
               (uint32_t)AESB_SBOX[col[(c + 3) & 3] & 0xff];
    }
    for (unsigned c = 0; c < 4; c++)
        col[c] = t[c];
}

uint32_t aesb_xtime4(uint32_t w)
{
    uint32_t m = w & 0x80808080u;
    return ((w ^ m) << 1) ^ ((m - (m >> 7)) & 0x1b1b1b1bu);
}

/* lane r of the result: 2 a_r ^ 3 a_{r+1} ^ a_{r+2} ^ a_{r+3} */
uint32_t aesb_mix_column(uint32_t w)
{
    uint32_t t = w ^ aesb_rotl(w, 8);     /* a_r ^ a_{r+1} */
    uint32_t u = t ^ aesb_rotl(t, 16);    /* a_0 ^ a_1 ^ a_2 ^ a_3 */
    return w ^ u ^ aesb_xtime4(t);
}

void aes128_be_encrypt(const uint8_t *key, const uint8_t *in, uint8_t *out)
{
    uint32_t rk[44];
    uint32_t col[4];
    const uint32_t *k = rk;

    aesb_expand_key(key, rk);
    for (unsigned c = 0; c < 4; c++)
        col[c] = aesb_load_be(in + 4 * c) ^ *k++;

    for (unsigned round = 1; round < 10; round++) {
        aesb_sub_shift(col);
        for (unsigned c = 0; c < 4; c++)
            col[c] = aesb_mix_column(col[c]) ^ *k++;
    }
    aesb_sub_shift(col);
    for (unsigned c = 0; c < 4; c++)
        aesb_store_be(out + 4 * c, col[c] ^ *k++);
}
