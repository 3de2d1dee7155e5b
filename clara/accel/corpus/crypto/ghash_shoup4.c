/*
 * class:    crypto
 * variant:  GHASH (GCM, NIST SP 800-38D) with Shoup's 4-bit table method instead of the
 *           bit-serial multiply of ghash_gf128.c: a 16-entry table of nibble multiples of H
 *           (T[8] = H, T[4] = H*x, T[2] = H*x^2, T[1] = H*x^3, the rest by XOR) and a
 *           16-entry reduction table for the four bits that fall off when the accumulator is
 *           multiplied by x^4. Each block is multiplied by Horner's rule over its 32 nibbles,
 *           highest-degree nibble (low nibble of byte 15) first. Field elements are two
 *           big-endian 64-bit halves (bit 0 of the GCM polynomial = MSB of byte 0),
 *           R = 0xE1 || 0^120. Last partial block zero-padded.
 * computes: out = GHASH_H(data), Y_i = (Y_{i-1} ^ X_i) * H, Y_0 = 0.
 */
// clara-corpus: class=crypto entry=ghash_4bit signature=key_buf_len_out helpers=gh4_build,gh4_mul ref=ghash
#include <stdint.h>
#include <stddef.h>
#include <string.h>

typedef struct {
    uint64_t hi;
    uint64_t lo;
} gh4_elem;

typedef struct {
    gh4_elem htab[16];   /* htab[n] = n(x) * H, nibble n read MSB-first as x^0..x^3 */
    uint16_t red[16];    /* top 16 bits to XOR in for the 4 bits shifted out */
} gh4_key;

void gh4_build(gh4_key *k, const uint8_t h[16])
{
    gh4_elem v;
    unsigned n, b;

    v.hi = 0;
    v.lo = 0;
    for (n = 0; n < 8; n++) {
        v.hi = (v.hi << 8) | h[n];
        v.lo = (v.lo << 8) | h[8 + n];
    }
    memset(k->htab, 0, sizeof(k->htab));
    /* single-bit entries: 8 -> H, 4 -> H*x, 2 -> H*x^2, 1 -> H*x^3 */
    for (n = 8; n > 0; n >>= 1) {
        k->htab[n] = v;
        uint64_t drop = v.lo & 1;
        v.lo = (v.lo >> 1) | (v.hi << 63);
        v.hi = (v.hi >> 1) ^ (drop ? 0xE100000000000000ull : 0);
    }
    /* composite entries by linearity */
    for (n = 2; n < 16; n <<= 1) {
        for (b = 1; b < n; b++) {
            k->htab[n + b].hi = k->htab[n].hi ^ k->htab[b].hi;
            k->htab[n + b].lo = k->htab[n].lo ^ k->htab[b].lo;
        }
    }
    /* reduction: bit 3 of the dropped nibble is x^128 = R, bit 2 is x^129 = R >> 1, ... */
    for (n = 0; n < 16; n++) {
        uint16_t r = 0;
        for (b = 0; b < 4; b++)
            if (n & (8u >> b))
                r ^= (uint16_t)(0xE100u >> b);
        k->red[n] = r;
    }
}

/* z = x * H, x given as 16 bytes in GCM order */
gh4_elem gh4_mul(const gh4_key *k, const uint8_t x[16])
{
    gh4_elem z = {0, 0};
    int i;

    for (i = 15; i >= 0; i--) {
        unsigned byte = x[i];
        unsigned half;
        for (half = 0; half < 2; half++) {
            unsigned nib = half == 0 ? (byte & 0x0f) : (byte >> 4);
            /* z = z * x^4 (a no-op while z is still zero) */
            unsigned out = (unsigned)(z.lo & 0x0f);
            z.lo = (z.lo >> 4) | (z.hi << 60);
            z.hi = (z.hi >> 4) ^ ((uint64_t)k->red[out] << 48);
            z.hi ^= k->htab[nib].hi;
            z.lo ^= k->htab[nib].lo;
        }
    }
    return z;
}

void ghash_4bit(const uint8_t *h, const uint8_t *data, size_t len, uint8_t *out)
{
    gh4_key key;
    uint8_t y[16];
    size_t off = 0;
    int i;

    gh4_build(&key, h);
    memset(y, 0, sizeof(y));
    while (off < len) {
        size_t take = len - off < 16 ? len - off : 16;
        gh4_elem z;
        for (i = 0; i < (int)take; i++)
            y[i] ^= data[off + i];
        z = gh4_mul(&key, y);
        for (i = 0; i < 8; i++) {
            y[i] = (uint8_t)(z.hi >> (56 - 8 * i));
            y[8 + i] = (uint8_t)(z.lo >> (56 - 8 * i));
        }
        off += take;
    }
    memcpy(out, y, 16);
}
