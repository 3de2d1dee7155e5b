/*
 * class:    crypto
 * variant:  Poly1305 (RFC 8439 section 2.5) on full 32-bit limbs with 64-bit products: the
 *           accumulator is h0..h3 (32 bits each) plus a small h4 holding the bits at 2^128
 *           and above; r is four 32-bit words. Clamping clears the low two bits of r1..r3, so
 *           s_k = r_k + (r_k >> 2) = 5 * r_k / 4 exactly, and a product that lands at
 *           2^(128 + 32m) re-enters at 2^(32m) multiplied by s (2^128 = 5/4 mod p). Each
 *           block computes the five column sums d0..d4 written out term by term, one carry
 *           chain through 32-bit words, then the bits of d4 above 2^130 are folded back as
 *           5 * (d4 >> 2). The final reduction adds 5 and keeps h + 5 - 2^130 when it does
 *           not go negative (a mask), then adds s with a 64-bit carry. Unlike
 *           poly1305_limb26.c (five 26-bit limbs, double loop over limb indices, 5*r table).
 * computes: tag = ((sum_i m_i * r^(q-i+1)) mod (2^130 - 5) + s) mod 2^128, key = r || s
 *           (32 bytes), message blocks little-endian with a 2^(8*blocklen) pad bit.
 */
// clara-corpus: class=crypto entry=poly1305_mac32 signature=key_buf_len_out ref=poly1305 helpers=pw32_block,pw32_emit
#include <stdint.h>
#include <stddef.h>
#include <string.h>

typedef struct {
    uint32_t r0, r1, r2, r3;
    uint32_t s1, s2, s3;      /* 5/4 * r1, r2, r3 */
    uint32_t h0, h1, h2, h3, h4;
} pw32_state;

static uint32_t pw32_le(const uint8_t *p)
{
    uint32_t v = 0;
    for (int b = 3; b >= 0; b--)
        v = (v << 8) | p[b];
    return v;
}

/* h = (h + block + hibit * 2^128) * r  mod 2^130 - 5 (partially reduced) */
void pw32_block(pw32_state *st, const uint8_t m[16], uint32_t hibit)
{
    uint64_t d0, d1, d2, d3, d4, c;
    uint32_t h0, h1, h2, h3, h4;

    c = (uint64_t)st->h0 + pw32_le(m);
    h0 = (uint32_t)c;
    c = (c >> 32) + st->h1 + pw32_le(m + 4);
    h1 = (uint32_t)c;
    c = (c >> 32) + st->h2 + pw32_le(m + 8);
    h2 = (uint32_t)c;
    c = (c >> 32) + st->h3 + pw32_le(m + 12);
    h3 = (uint32_t)c;
    h4 = st->h4 + (uint32_t)(c >> 32) + hibit;

    d0 = (uint64_t)h0 * st->r0 + (uint64_t)h1 * st->s3 + (uint64_t)h2 * st->s2 +
         (uint64_t)h3 * st->s1;
    d1 = (uint64_t)h0 * st->r1 + (uint64_t)h1 * st->r0 + (uint64_t)h2 * st->s3 +
         (uint64_t)h3 * st->s2 + (uint64_t)h4 * st->s1;
    d2 = (uint64_t)h0 * st->r2 + (uint64_t)h1 * st->r1 + (uint64_t)h2 * st->r0 +
         (uint64_t)h3 * st->s3 + (uint64_t)h4 * st->s2;
    d3 = (uint64_t)h0 * st->r3 + (uint64_t)h1 * st->r2 + (uint64_t)h2 * st->r1 +
         (uint64_t)h3 * st->r0 + (uint64_t)h4 * st->s3;
    d4 = (uint64_t)h4 * st->r0;

    d1 += d0 >> 32;
    d2 += d1 >> 32;
    d3 += d2 >> 32;
    d4 += d3 >> 32;

    /* bits from 2^130 up: 2^130 = 5 (mod p) */
    c = (d4 >> 2) * 5 + (uint32_t)d0;
    st->h0 = (uint32_t)c;
    c = (c >> 32) + (uint32_t)d1;
    st->h1 = (uint32_t)c;
    c = (c >> 32) + (uint32_t)d2;
    st->h2 = (uint32_t)c;
    c = (c >> 32) + (uint32_t)d3;
    st->h3 = (uint32_t)c;
    st->h4 = (uint32_t)(d4 & 3) + (uint32_t)(c >> 32);
}

void pw32_emit(pw32_state *st, const uint8_t s[16], uint8_t tag[16])
{
    uint32_t h[5] = {st->h0, st->h1, st->h2, st->h3, st->h4};
    uint32_t g[5];
    uint64_t c;
    uint32_t keep_g;

    /* fold anything at 2^130 and above once more */
    c = (uint64_t)(h[4] >> 2) * 5;
    h[4] &= 3;
    for (int k = 0; k < 4; k++) {
        c += h[k];
        h[k] = (uint32_t)c;
        c >>= 32;
    }
    h[4] += (uint32_t)c;

    /* g = h + 5; if g reaches 2^130 then h >= p and the answer is g - 2^130 */
    c = 5;
    for (int k = 0; k < 4; k++) {
        c += h[k];
        g[k] = (uint32_t)c;
        c >>= 32;
    }
    g[4] = h[4] + (uint32_t)c;
    keep_g = 0u - (g[4] >> 2 & 1);
    for (int k = 0; k < 4; k++)
        h[k] = (h[k] & ~keep_g) | (g[k] & keep_g);

    c = 0;
    for (int k = 0; k < 4; k++) {
        c += (uint64_t)h[k] + pw32_le(s + 4 * k);
        tag[4 * k] = (uint8_t)c;
        tag[4 * k + 1] = (uint8_t)(c >> 8);
        tag[4 * k + 2] = (uint8_t)(c >> 16);
        tag[4 * k + 3] = (uint8_t)(c >> 24);
        c >>= 32;
    }
}

void poly1305_mac32(const uint8_t *key, const uint8_t *msg, size_t len, uint8_t *tag)
{
    pw32_state st;

    st.r0 = pw32_le(key) & 0x0fffffffu;
    st.r1 = pw32_le(key + 4) & 0x0ffffffcu;
    st.r2 = pw32_le(key + 8) & 0x0ffffffcu;
    st.r3 = pw32_le(key + 12) & 0x0ffffffcu;
    st.s1 = st.r1 + (st.r1 >> 2);
    st.s2 = st.r2 + (st.r2 >> 2);
    st.s3 = st.r3 + (st.r3 >> 2);
    st.h0 = st.h1 = st.h2 = st.h3 = st.h4 = 0;

    while (len >= 16) {
        pw32_block(&st, msg, 1);
        msg += 16;
        len -= 16;
    }
    if (len) {
        uint8_t pad[16] = {0};
        memcpy(pad, msg, len);
        pad[len] = 0x01;
        pw32_block(&st, pad, 0);
    }
    pw32_emit(&st, key + 16, tag);
}
