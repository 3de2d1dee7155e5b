/*
 * class:    crypto
 * variant:  AES-128 encryption, 32-bit T-table implementation: the S-box is derived at first
 *           use from its definition (multiplicative inverse in GF(2^8) via x^254, then the
 *           affine map), four 256-entry T-tables fold SubBytes+ShiftRows+MixColumns into
 *           table loads and XORs; the state is four big-endian column words. Key schedule in
 *           aes_tt_expand_key (44 round-key words).
 * computes: one 16-byte block E_K(in) (FIPS-197), given the expanded key.
 */
// clara-corpus: class=crypto entry=aes_tt_encrypt signature=rk_in_out setkey=aes_tt_expand_key helpers=aes_tt_expand_key,aes_tt_tables_init ref=aes128
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static uint8_t tt_sbox[256];
static uint32_t tt_T0[256], tt_T1[256], tt_T2[256], tt_T3[256];
static int tt_ready;

static uint8_t gf_mul(uint8_t a, uint8_t b)
{
    uint8_t r = 0;
    while (b) {
        if (b & 1)
            r ^= a;
        a = (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return r;
}

static uint8_t gf_inv(uint8_t x)
{
    /* x^254 = x^-1 in GF(2^8); 0 maps to 0 */
    uint8_t r = 1, base = x;
    unsigned e = 254;
    while (e) {
        if (e & 1)
            r = gf_mul(r, base);
        base = gf_mul(base, base);
        e >>= 1;
    }
    return x ? r : 0;
}

static inline uint32_t ror32(uint32_t v, unsigned n)
{
    return (v >> n) | (v << (32 - n));
}

void aes_tt_tables_init(void)
{
    unsigned i;
    for (i = 0; i < 256; i++) {
        uint8_t b = gf_inv((uint8_t)i), s = b;
        int k;
        for (k = 1; k <= 4; k++)
            s ^= (uint8_t)((b << k) | (b >> (8 - k)));
        s ^= 0x63;
        tt_sbox[i] = s;
    }
    for (i = 0; i < 256; i++) {
        uint8_t s = tt_sbox[i];
        uint32_t w = ((uint32_t)gf_mul(s, 2) << 24) | ((uint32_t)s << 16) | ((uint32_t)s << 8) |
                     gf_mul(s, 3);
        tt_T0[i] = w;
        tt_T1[i] = ror32(w, 8);
        tt_T2[i] = ror32(w, 16);
        tt_T3[i] = ror32(w, 24);
    }
    tt_ready = 1;
}

static inline uint32_t load_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static inline void store_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

void aes_tt_expand_key(const uint8_t key[16], uint32_t rk[44])
{
    uint32_t rcon = 0x01;
    int i;

    if (!tt_ready)
        aes_tt_tables_init();
    for (i = 0; i < 4; i++)
        rk[i] = load_be32(key + 4 * i);
    for (i = 4; i < 44; i++) {
        uint32_t t = rk[i - 1];
        if ((i & 3) == 0) {
            t = ((uint32_t)tt_sbox[(t >> 16) & 0xff] << 24) | ((uint32_t)tt_sbox[(t >> 8) & 0xff] << 16) |
                ((uint32_t)tt_sbox[t & 0xff] << 8) | tt_sbox[t >> 24];
            t ^= rcon << 24;
            rcon = (rcon << 1) ^ ((rcon & 0x80) ? 0x11b : 0);
        }
        rk[i] = rk[i - 4] ^ t;
    }
}

void aes_tt_encrypt(const uint32_t rk[44], const uint8_t in[16], uint8_t out[16])
{
    uint32_t s0, s1, s2, s3, t0, t1, t2, t3;
    int r;

    s0 = load_be32(in) ^ rk[0];
    s1 = load_be32(in + 4) ^ rk[1];
    s2 = load_be32(in + 8) ^ rk[2];
    s3 = load_be32(in + 12) ^ rk[3];
    for (r = 1; r < 10; r++) {
        const uint32_t *k = rk + 4 * r;
        t0 = tt_T0[s0 >> 24] ^ tt_T1[(s1 >> 16) & 0xff] ^ tt_T2[(s2 >> 8) & 0xff] ^ tt_T3[s3 & 0xff] ^ k[0];
        t1 = tt_T0[s1 >> 24] ^ tt_T1[(s2 >> 16) & 0xff] ^ tt_T2[(s3 >> 8) & 0xff] ^ tt_T3[s0 & 0xff] ^ k[1];
        t2 = tt_T0[s2 >> 24] ^ tt_T1[(s3 >> 16) & 0xff] ^ tt_T2[(s0 >> 8) & 0xff] ^ tt_T3[s1 & 0xff] ^ k[2];
        t3 = tt_T0[s3 >> 24] ^ tt_T1[(s0 >> 16) & 0xff] ^ tt_T2[(s1 >> 8) & 0xff] ^ tt_T3[s2 & 0xff] ^ k[3];
        s0 = t0;
        s1 = t1;
        s2 = t2;
        s3 = t3;
    }
#define TT_LAST(a, b, c, d)                                                                 \
    (((uint32_t)tt_sbox[(a) >> 24] << 24) | ((uint32_t)tt_sbox[((b) >> 16) & 0xff] << 16) | \
     ((uint32_t)tt_sbox[((c) >> 8) & 0xff] << 8) | tt_sbox[(d) & 0xff])
    store_be32(out, TT_LAST(s0, s1, s2, s3) ^ rk[40]);
    store_be32(out + 4, TT_LAST(s1, s2, s3, s0) ^ rk[41]);
    store_be32(out + 8, TT_LAST(s2, s3, s0, s1) ^ rk[42]);
    store_be32(out + 12, TT_LAST(s3, s0, s1, s2) ^ rk[43]);
#undef TT_LAST
}
