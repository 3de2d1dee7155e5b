/*
 * class:    crypto
 * variant:  GHASH (GCM, NIST SP 800-38D): bit-serial multiplication in GF(2^128) with the
 *           reflected bit order of GCM (bit 0 = MSB of byte 0), reduction polynomial
 *           R = 0xE1 || 0^120, operands held as two big-endian 64-bit halves. The entry
 *           folds a buffer of 16-byte blocks (last block zero-padded) into Y = (Y ^ X_i) * H.
 * computes: out = GHASH_H(data).
 */
// clara-corpus: class=crypto entry=ghash_update signature=key_buf_len_out helpers=gf128_mul ref=ghash
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct be128 {
    uint64_t hi, lo;
};

static struct be128 be128_load(const uint8_t *p)
{
    struct be128 r = {0, 0};
    int i;
    for (i = 0; i < 8; i++) {
        r.hi = (r.hi << 8) | p[i];
        r.lo = (r.lo << 8) | p[8 + i];
    }
    return r;
}

static void be128_store(uint8_t *p, struct be128 v)
{
    int i;
    for (i = 7; i >= 0; i--) {
        p[i] = (uint8_t)v.hi;
        p[8 + i] = (uint8_t)v.lo;
        v.hi >>= 8;
        v.lo >>= 8;
    }
}

struct be128 gf128_mul(struct be128 x, struct be128 y)
{
    struct be128 z = {0, 0};
    struct be128 v = y;
    int i;

    for (i = 0; i < 128; i++) {
        uint64_t bit = i < 64 ? (x.hi >> (63 - i)) & 1 : (x.lo >> (127 - i)) & 1;
        uint64_t carry;
        if (bit) {
            z.hi ^= v.hi;
            z.lo ^= v.lo;
        }
        carry = v.lo & 1;
        v.lo = (v.lo >> 1) | (v.hi << 63);
        v.hi >>= 1;
        if (carry)
            v.hi ^= 0xE100000000000000ull;
    }
    return z;
}

void ghash_update(const uint8_t *h, const uint8_t *data, size_t len, uint8_t *out)
{
    struct be128 H = be128_load(h);
    struct be128 Y = {0, 0};
    uint8_t last[16];

    while (len > 0) {
        struct be128 X;
        if (len >= 16) {
            X = be128_load(data);
            data += 16;
            len -= 16;
        } else {
            memset(last, 0, sizeof(last));
            memcpy(last, data, len);
            X = be128_load(last);
            len = 0;
        }
        Y.hi ^= X.hi;
        Y.lo ^= X.lo;
        Y = gf128_mul(Y, H);
    }
    be128_store(out, Y);
}
