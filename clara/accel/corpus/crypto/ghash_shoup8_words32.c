/*
 * class:    crypto
 * variant:  GHASH (GCM, NIST SP 800-38D) with an 8-bit Shoup table: M[b] = b(x) * H for all
 *           256 byte values b (byte bit 0x80 is the coefficient of x^0), built from the eight
 *           single-bit entries H, H*x, ..., H*x^7 and XOR-combined; a 256-entry reduction
 *           table R[b] (16 bits) gives what the byte shifted out by a multiply by x^8 folds
 *           back into the top of the element. A block is multiplied byte by byte by Horner's
 *           rule, byte 15 (highest degree) first: Z = Z * x^8 ^ M[y_k]. Field elements are
 *           four big-endian 32-bit words w[0] (bits x^0..x^31) .. w[3]; the shift by eight
 *           bits runs across the words. Unlike ghash_shoup4.c (16-entry nibble table, two
 *           64-bit halves) and ghash_gf128.c (bit-serial multiply).
 * computes: out = GHASH_H(data): Y_0 = 0, Y_i = (Y_{i-1} ^ X_i) * H in GF(2^128) mod
 *           x^128 + x^7 + x^2 + x + 1; the last partial block is zero-padded.
 */
// clara-corpus: class=crypto entry=ghash_8bit_table signature=key_buf_len_out helpers=gh8_prepare,gh8_mul ref=ghash
#include <stdint.h>
#include <stddef.h>
#include <string.h>

typedef struct {
    uint32_t w[4];
} gh8_elem;

typedef struct {
    gh8_elem m[256];
    uint16_t red[256];
} gh8_table;

static void gh8_load(gh8_elem *e, const uint8_t *p)
{
    for (int i = 0; i < 4; i++)
        e->w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
                  (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
}

static void gh8_store(uint8_t *p, const gh8_elem *e)
{
    for (int i = 0; i < 4; i++) {
        p[4 * i] = (uint8_t)(e->w[i] >> 24);
        p[4 * i + 1] = (uint8_t)(e->w[i] >> 16);
        p[4 * i + 2] = (uint8_t)(e->w[i] >> 8);
        p[4 * i + 3] = (uint8_t)e->w[i];
    }
}

/* multiply by x: shift right one bit across the words, reduce with 0xE1 << 120 */
static void gh8_times_x(gh8_elem *e)
{
    uint32_t out = e->w[3] & 1;

    e->w[3] = (e->w[3] >> 1) | (e->w[2] << 31);
    e->w[2] = (e->w[2] >> 1) | (e->w[1] << 31);
    e->w[1] = (e->w[1] >> 1) | (e->w[0] << 31);
    e->w[0] >>= 1;
    if (out)
        e->w[0] ^= 0xE1000000u;
}

void gh8_prepare(gh8_table *t, const uint8_t h[16])
{
    gh8_elem v;

    memset(t, 0, sizeof(*t));
    gh8_load(&v, h);
    /* single bits: byte value 0x80 >> s is x^s */
    for (unsigned bit = 0x80; bit != 0; bit >>= 1) {
        t->m[bit] = v;
        gh8_times_x(&v);
    }
    for (unsigned b = 2; b < 256; b <<= 1)
        for (unsigned low = 1; low < b; low++)
            for (int i = 0; i < 4; i++)
                t->m[b + low].w[i] = t->m[b].w[i] ^ t->m[low].w[i];

    /* red[b]: the low byte b (x^120..x^127) times x^8, i.e. only reduction terms */
    for (unsigned b = 0; b < 256; b++) {
        gh8_elem r = {{0, 0, 0, b}};
        for (int s = 0; s < 8; s++)
            gh8_times_x(&r);
        t->red[b] = (uint16_t)(r.w[0] >> 16);
    }
}

/* y = y * H using the tables */
void gh8_mul(const gh8_table *t, gh8_elem *y)
{
    uint8_t bytes[16];
    gh8_elem z = {{0, 0, 0, 0}};

    gh8_store(bytes, y);
    for (int k = 15; k >= 0; k--) {
        uint32_t spill = z.w[3] & 0xff;
        z.w[3] = (z.w[3] >> 8) | (z.w[2] << 24);
        z.w[2] = (z.w[2] >> 8) | (z.w[1] << 24);
        z.w[1] = (z.w[1] >> 8) | (z.w[0] << 24);
        z.w[0] = (z.w[0] >> 8) ^ ((uint32_t)t->red[spill] << 16);
        for (int i = 0; i < 4; i++)
            z.w[i] ^= t->m[bytes[k]].w[i];
    }
    *y = z;
}

void ghash_8bit_table(const uint8_t *h, const uint8_t *data, size_t len, uint8_t *out)
{
    static gh8_table tab;
    gh8_elem y = {{0, 0, 0, 0}};

    gh8_prepare(&tab, h);
    for (size_t off = 0; off < len; off += 16) {
        uint8_t blk[16];
        gh8_elem x;
        size_t n = len - off < 16 ? len - off : 16;

        memset(blk, 0, sizeof(blk));
        memcpy(blk, data + off, n);
        gh8_load(&x, blk);
        for (int i = 0; i < 4; i++)
            y.w[i] ^= x.w[i];
        gh8_mul(&tab, &y);
    }
    gh8_store(out, &y);
}
