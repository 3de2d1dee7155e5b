/*
 * class:    crypto
 * variant:  AES-128 encryption, byte-oriented with a separate key schedule (rk_in_out): the
 *           schedule keeps the 44 round-key words big-endian in uint32_t (RotWord as a
 *           rotate, SubWord byte by byte, Rcon doubled with xtime in the loop), and the
 *           cipher keeps the state as a flat 16-byte array, extracting round-key bytes with
 *           shifts inside a per-round AddRoundKey loop. ShiftRows is a gather through a
 *           constant 16-entry permutation fused with SubBytes; MixColumns uses a general
 *           shift-and-add GF(2^8) multiply (gf_mul(a, 2), gf_mul(a, 3)) per byte. The S-box
 *           is computed once: the field inverse found by search (the y with x * y = 1) and
 *           the affine map as parity of the byte masked with the rotated matrix row 0xF1,
 *           xor 0x63. Unlike aes128_bytewise.c (log/antilog S-box, 176-byte key buffer,
 *           key_in_out) and aes128_state2d_fly.c (constant S-box, [row][col] state, on-the-fly
 *           keys).
 * computes: out = AES-128_K(in), FIPS-197, rk filled by aesr_setkey(K).
 */
// clara-corpus: class=crypto entry=aesr_encrypt signature=rk_in_out setkey=aesr_setkey helpers=aesr_setkey,aesr_init_sbox,aesr_gf_mul,aesr_add_round_key,aesr_sub_shift,aesr_mix ref=aes128
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static uint8_t aesr_sbox[256];
static int aesr_have_sbox;

/* new state byte i = old state byte SHIFT_SRC[i] (column-major, rows rotated left by r) */
static const uint8_t SHIFT_SRC[16] = {
    0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11,
};

uint8_t aesr_gf_mul(uint8_t a, uint8_t b)
{
    uint8_t acc = 0;

    for (int bit = 0; bit < 8; bit++) {
        if (b & (1u << bit))
            acc ^= a;
        a = (uint8_t)((a & 0x80) ? ((a << 1) ^ 0x1b) : (a << 1));
    }
    return acc;
}

static unsigned parity8(unsigned v)
{
    v ^= v >> 4;
    v ^= v >> 2;
    v ^= v >> 1;
    return v & 1;
}

void aesr_init_sbox(void)
{
    for (unsigned x = 0; x < 256; x++) {
        unsigned inv = 0, s = 0;

        for (unsigned y = 1; y < 256 && x != 0; y++) {
            if (aesr_gf_mul((uint8_t)x, (uint8_t)y) == 1) {
                inv = y;
                break;
            }
        }
        /* bit i of the affine output = parity(inv & rotl8(0xF1, i)) */
        for (unsigned i = 0; i < 8; i++) {
            unsigned row = ((0xF1u << i) | (0xF1u >> (8 - i))) & 0xff;
            s |= parity8(inv & row) << i;
        }
        aesr_sbox[x] = (uint8_t)(s ^ 0x63);
    }
    aesr_have_sbox = 1;
}

void aesr_setkey(const uint8_t *key, uint32_t *rk)
{
    uint8_t rcon = 0x01;

    if (!aesr_have_sbox)
        aesr_init_sbox();
    for (int i = 0; i < 4; i++)
        rk[i] = (uint32_t)key[4 * i] << 24 | (uint32_t)key[4 * i + 1] << 16 |
                (uint32_t)key[4 * i + 2] << 8 | key[4 * i + 3];
    for (int i = 4; i < 44; i++) {
        uint32_t temp = rk[i - 1];
        if (i % 4 == 0) {
            uint32_t sub = 0;
            temp = (temp << 8) | (temp >> 24);
            for (int sh = 24; sh >= 0; sh -= 8)
                sub |= (uint32_t)aesr_sbox[(temp >> sh) & 0xff] << sh;
            temp = sub ^ ((uint32_t)rcon << 24);
            rcon = aesr_gf_mul(rcon, 2);
        }
        rk[i] = rk[i - 4] ^ temp;
    }
}

void aesr_add_round_key(uint8_t st[16], const uint32_t *rk, int round)
{
    for (int c = 0; c < 4; c++) {
        uint32_t w = rk[4 * round + c];
        for (int r = 0; r < 4; r++)
            st[4 * c + r] ^= (uint8_t)(w >> (24 - 8 * r));
    }
}

void aesr_sub_shift(uint8_t st[16])
{
    uint8_t tmp[16];

    for (int i = 0; i < 16; i++)
        tmp[i] = aesr_sbox[st[SHIFT_SRC[i]]];
    memcpy(st, tmp, 16);
}

void aesr_mix(uint8_t st[16])
{
    for (int c = 0; c < 4; c++) {
        uint8_t *col = st + 4 * c;
        uint8_t a[4];
        memcpy(a, col, 4);
        for (int r = 0; r < 4; r++)
            col[r] = aesr_gf_mul(a[r], 2) ^ aesr_gf_mul(a[(r + 1) & 3], 3) ^ a[(r + 2) & 3] ^
                     a[(r + 3) & 3];
    }
}

void aesr_encrypt(const uint32_t *rk, const uint8_t *in, uint8_t *out)
{
    uint8_t st[16];

    if (!aesr_have_sbox)
        aesr_init_sbox();
    memcpy(st, in, 16);
    aesr_add_round_key(st, rk, 0);
    for (int round = 1; round <= 10; round++) {
        aesr_sub_shift(st);
        if (round != 10)
            aesr_mix(st);
        aesr_add_round_key(st, rk, round);
    }
    memcpy(out, st, 16);
}
