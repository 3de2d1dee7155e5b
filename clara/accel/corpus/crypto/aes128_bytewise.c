/*
 * class:    crypto
 * variant:  AES-128 encryption, textbook byte-oriented: 4x4 byte state (column-major as in
 *           FIPS-197), separate SubBytes / ShiftRows / MixColumns (xtime) / AddRoundKey
 *           steps, 176-byte expanded key. The S-box is built once from log/antilog tables
 *           over generator 3, followed by the affine transform. The entry expands the key
 *           and encrypts one block (embedded-style API with no context object).
 * computes: out = AES-128_K(in), FIPS-197.
 */
// clara-corpus: class=crypto entry=aes128_ecb_encrypt signature=key_in_out helpers=aes_build_sbox,aes_key_expansion,aes_sub_bytes,aes_shift_rows,aes_mix_columns,aes_add_round_key ref=aes128
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static uint8_t sbox[256];
static uint8_t sbox_ok;

static uint8_t xtime(uint8_t x)
{
    return (uint8_t)((x << 1) ^ (((x >> 7) & 1) * 0x1b));
}

void aes_build_sbox(void)
{
    uint8_t exp_t[256], log_t[256];
    uint8_t x = 1;
    int i;

    for (i = 0; i < 255; i++) {
        exp_t[i] = x;
        log_t[x] = (uint8_t)i;
        x ^= xtime(x); /* multiply by 3 */
    }
    sbox[0] = 0x63;
    for (i = 1; i < 256; i++) {
        uint8_t inv = exp_t[(255 - log_t[i]) % 255];
        uint8_t s = inv;
        uint8_t r = inv;
        int k;
        for (k = 0; k < 4; k++) {
            r = (uint8_t)((r << 1) | (r >> 7));
            s ^= r;
        }
        sbox[i] = s ^ 0x63;
    }
    sbox_ok = 1;
}

void aes_key_expansion(const uint8_t *key, uint8_t *w)
{
    uint8_t rc = 1;
    int i;

    memcpy(w, key, 16);
    for (i = 16; i < 176; i += 4) {
        uint8_t t[4];
        memcpy(t, w + i - 4, 4);
        if (i % 16 == 0) {
            uint8_t first = t[0];
            t[0] = sbox[t[1]] ^ rc;
            t[1] = sbox[t[2]];
            t[2] = sbox[t[3]];
            t[3] = sbox[first];
            rc = xtime(rc);
        }
        w[i + 0] = w[i - 16] ^ t[0];
        w[i + 1] = w[i - 15] ^ t[1];
        w[i + 2] = w[i - 14] ^ t[2];
        w[i + 3] = w[i - 13] ^ t[3];
    }
}

void aes_add_round_key(uint8_t st[16], const uint8_t *rk)
{
    int i;
    for (i = 0; i < 16; i++)
        st[i] ^= rk[i];
}

void aes_sub_bytes(uint8_t st[16])
{
    int i;
    for (i = 0; i < 16; i++)
        st[i] = sbox[st[i]];
}

void aes_shift_rows(uint8_t st[16])
{
    /* state byte (row r, column c) lives at st[4*c + r]; row r rotates left by r */
    uint8_t tmp[16];
    int r, c;
    for (c = 0; c < 4; c++)
        for (r = 0; r < 4; r++)
            tmp[4 * c + r] = st[4 * ((c + r) & 3) + r];
    memcpy(st, tmp, 16);
}

void aes_mix_columns(uint8_t st[16])
{
    int c;
    for (c = 0; c < 4; c++) {
        uint8_t *col = st + 4 * c;
        uint8_t a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3];
        uint8_t all = a0 ^ a1 ^ a2 ^ a3;
        col[0] ^= all ^ xtime(a0 ^ a1);
        col[1] ^= all ^ xtime(a1 ^ a2);
        col[2] ^= all ^ xtime(a2 ^ a3);
        col[3] ^= all ^ xtime(a3 ^ a0);
    }
}

void aes128_ecb_encrypt(const uint8_t *key, const uint8_t *in, uint8_t *out)
{
    uint8_t w[176];
    uint8_t st[16];
    int round;

    if (!sbox_ok)
        aes_build_sbox();
    aes_key_expansion(key, w);
    memcpy(st, in, 16);
    aes_add_round_key(st, w);
    for (round = 1; round <= 10; round++) {
        aes_sub_bytes(st);
        aes_shift_rows(st);
        if (round != 10)
            aes_mix_columns(st);
        aes_add_round_key(st, w + 16 * round);
    }
    memcpy(out, st, 16);
}
