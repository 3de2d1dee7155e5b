/*
 * class:    crypto
 * variant:  AES-128 encryption on four little-endian column words (row 0 in the low byte):
 *           SubBytes byte by byte through an S-box computed at setkey time (field inverse as
 *           x^254 by square-and-multiply, then the affine map with 8-bit rotations);
 *           ShiftRows as a masked merge of the four columns (no byte shuffling); MixColumns
 *           column-wise on a whole word with a packed four-lane xtime
 *           ((w & 0x7f7f7f7f) << 1 ^ 0x1b per overflowing lane) and word rotations.
 *           The key schedule is separate (setkey) and fills 44 round-key column words.
 *           Unlike the T-table files (big-endian words, precomputed round tables) and the
 *           byte-array files, nothing here is tabulated beyond the S-box.
 * computes: out = AES-128_K(in), FIPS-197, with rk from aesc_setkey(K).
 */
// clara-corpus: class=crypto entry=aesc_encrypt signature=rk_in_out setkey=aesc_setkey helpers=aesc_setkey,aesc_make_sbox,aesc_mix_word,aesc_sub_word ref=aes128
#include <stdint.h>
#include <stddef.h>

static uint8_t aesc_sbox[256];
static int aesc_sbox_ready;

static uint8_t gf_mul8(uint8_t a, uint8_t b)
{
    uint8_t p = 0;
    while (b) {
        if (b & 1)
            p ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return p;
}

void aesc_make_sbox(void)
{
    for (unsigned v = 0; v < 256; v++) {
        /* inverse = v^254 = v^(2+4+8+16+32+64+128) */
        uint8_t sq = (uint8_t)v, inv = 1;
        for (int e = 1; e < 8; e++) {
            sq = gf_mul8(sq, sq);
            inv = gf_mul8(inv, sq);
        }
        /* affine map: b ^ rotl(b,1) ^ rotl(b,2) ^ rotl(b,3) ^ rotl(b,4) ^ 0x63 */
        unsigned twice = (unsigned)inv | ((unsigned)inv << 8);
        uint8_t s = inv;
        for (int r = 1; r <= 4; r++)
            s ^= (uint8_t)(twice >> (8 - r));
        aesc_sbox[v] = s ^ 0x63;
    }
    aesc_sbox_ready = 1;
}

uint32_t aesc_sub_word(uint32_t w)
{
    uint32_t r = 0;
    for (int b = 0; b < 32; b += 8)
        r |= (uint32_t)aesc_sbox[(w >> b) & 0xff] << b;
    return r;
}

static inline uint32_t rotr32(uint32_t w, int n)
{
    return (w >> n) | (w << (32 - n));
}

static inline uint32_t xtime4(uint32_t w)
{
    uint32_t hi = (w >> 7) & 0x01010101u;
    return ((w & 0x7f7f7f7fu) << 1) ^ (hi * 0x1bu);
}

/* column (a0 a1 a2 a3), a0 in the low byte -> (2a0^3a1^a2^a3, ...) */
uint32_t aesc_mix_word(uint32_t w)
{
    uint32_t n1 = rotr32(w, 8);   /* lane r holds a_{r+1} */
    uint32_t n2 = rotr32(w, 16);
    uint32_t n3 = rotr32(w, 24);
    return xtime4(w ^ n1) ^ n1 ^ n2 ^ n3;
}

void aesc_setkey(const uint8_t *key, uint32_t *rk)
{
    uint32_t rcon = 1;

    if (!aesc_sbox_ready)
        aesc_make_sbox();
    for (int i = 0; i < 4; i++)
        rk[i] = (uint32_t)key[4 * i] | (uint32_t)key[4 * i + 1] << 8 |
                (uint32_t)key[4 * i + 2] << 16 | (uint32_t)key[4 * i + 3] << 24;
    for (int i = 4; i < 44; i++) {
        uint32_t t = rk[i - 1];
        if ((i & 3) == 0) {
            t = aesc_sub_word(rotr32(t, 8)) ^ rcon;
            rcon = xtime4(rcon);
        }
        rk[i] = rk[i - 4] ^ t;
    }
}

void aesc_encrypt(const uint32_t *rk, const uint8_t *in, uint8_t *out)
{
    uint32_t c[4], t[4];

    if (!aesc_sbox_ready)
        aesc_make_sbox();
    for (int i = 0; i < 4; i++)
        c[i] = ((uint32_t)in[4 * i] | (uint32_t)in[4 * i + 1] << 8 |
                (uint32_t)in[4 * i + 2] << 16 | (uint32_t)in[4 * i + 3] << 24) ^ rk[i];

    for (int round = 1; round <= 10; round++) {
        for (int i = 0; i < 4; i++)
            c[i] = aesc_sub_word(c[i]);
        /* ShiftRows: row r of column i comes from column i + r */
        for (int i = 0; i < 4; i++)
            t[i] = (c[i] & 0x000000ffu) | (c[(i + 1) & 3] & 0x0000ff00u) |
                   (c[(i + 2) & 3] & 0x00ff0000u) | (c[(i + 3) & 3] & 0xff000000u);
        for (int i = 0; i < 4; i++)
            c[i] = (round < 10 ? aesc_mix_word(t[i]) : t[i]) ^ rk[4 * round + i];
    }

    for (int i = 0; i < 4; i++)
        for (int b = 0; b < 4; b++)
            out[4 * i + b] = (uint8_t)(c[i] >> (8 * b));
}
