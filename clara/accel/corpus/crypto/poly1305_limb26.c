/*
 * class:    crypto
 * variant:  Poly1305 one-time authenticator (RFC 8439 section 2.5) with the accumulator h and
 *           the clamped key half r as five 26-bit limbs in uint32_t; each 16-byte block (plus
 *           its 2^128 pad bit, or the 0x01 byte of a short last block) is added into h and h*r
 *           is reduced modulo p = 2^130 - 5 by folding: limb products that land at 2^130 and
 *           above re-enter multiplied by 5 (precomputed 5*r[k]). The product is written as a
 *           double loop over limb indices with 64-bit column sums, then one carry pass. The
 *           final step reduces h fully (h - p selected without a branch) and adds s mod 2^128.
 *           The corpus had no MAC over a prime field (GHASH is GF(2^128), HMAC is hash-based).
 * computes: tag = ((sum_i m_i * r^(q-i+1)) mod p + s) mod 2^128, key = r (16 bytes, clamped)
 *           || s (16 bytes); RFC 8439 2.5.2 vector: key 85d6be78...f5 1b, message
 *           "Cryptographic Forum Research Group" -> a8061dc1305136c6c22b8baf0c0127a9.
 */
// clara-corpus: class=crypto entry=poly1305_tag signature=key_buf_len_out ref=poly1305 helpers=p1305_blocks,p1305_finish
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LIMB_MASK 0x3ffffffu

struct p1305 {
    uint32_t r[5];
    uint32_t r5[5];   /* 5 * r[k] */
    uint32_t h[5];
};

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* absorb nblocks full 16-byte blocks; padbit = 1 << 24 in limb 4 is the 2^128 bit */
void p1305_blocks(struct p1305 *st, const uint8_t *m, size_t nblocks, uint32_t padbit)
{
    uint32_t *h = st->h;

    while (nblocks--) {
        uint64_t d[5];
        uint32_t w0 = le32(m), w1 = le32(m + 4), w2 = le32(m + 8), w3 = le32(m + 12);

        h[0] += w0 & LIMB_MASK;
        h[1] += ((w0 >> 26) | (w1 << 6)) & LIMB_MASK;
        h[2] += ((w1 >> 20) | (w2 << 12)) & LIMB_MASK;
        h[3] += ((w2 >> 14) | (w3 << 18)) & LIMB_MASK;
        h[4] += (w3 >> 8) | padbit;

        /* d[i] = sum_j h[j] * r[i-j], wrapping terms (i - j < 0) use 5 * r[i-j+5] */
        for (int i = 0; i < 5; i++) {
            uint64_t acc = 0;
            for (int j = 0; j < 5; j++) {
                uint32_t rj = j <= i ? st->r[i - j] : st->r5[i - j + 5];
                acc += (uint64_t)h[j] * rj;
            }
            d[i] = acc;
        }

        /* carry d0 -> d1 -> ... -> d4, the carry out of d4 re-enters d0 times 5 */
        uint64_t c = 0;
        for (int i = 0; i < 5; i++) {
            d[i] += c;
            h[i] = (uint32_t)d[i] & LIMB_MASK;
            c = d[i] >> 26;
        }
        c = h[0] + c * 5;
        h[0] = (uint32_t)c & LIMB_MASK;
        h[1] += (uint32_t)(c >> 26);

        m += 16;
    }
}

void p1305_finish(struct p1305 *st, const uint8_t s[16], uint8_t tag[16])
{
    uint32_t *h = st->h;
    uint32_t g[5], c, mask;
    uint64_t f;

    /* full carry so that every limb is below 2^26 */
    c = h[1] >> 26;
    h[1] &= LIMB_MASK;
    for (int i = 2; i < 5; i++) {
        h[i] += c;
        c = h[i] >> 26;
        h[i] &= LIMB_MASK;
    }
    h[0] += c * 5;
    c = h[0] >> 26;
    h[0] &= LIMB_MASK;
    h[1] += c;

    /* g = h + 5 - 2^130; keep g if it did not borrow (h >= p) */
    c = 5;
    for (int i = 0; i < 5; i++) {
        g[i] = h[i] + c;
        c = g[i] >> 26;
        g[i] &= LIMB_MASK;
    }
    g[4] |= c << 26;
    g[4] -= 1u << 26;
    mask = (g[4] >> 31) - 1;   /* all ones when no borrow */
    for (int i = 0; i < 5; i++)
        h[i] = (h[i] & ~mask) | (g[i] & mask);

    /* h mod 2^128 as four 32-bit words, plus s */
    uint32_t w[4];
    w[0] = h[0] | h[1] << 26;
    w[1] = h[1] >> 6 | h[2] << 20;
    w[2] = h[2] >> 12 | h[3] << 14;
    w[3] = h[3] >> 18 | h[4] << 8;
    f = 0;
    for (int i = 0; i < 4; i++) {
        f += (uint64_t)w[i] + le32(s + 4 * i);
        for (int b = 0; b < 4; b++)
            tag[4 * i + b] = (uint8_t)(f >> (8 * b));
        f >>= 32;
    }
}

void poly1305_tag(const uint8_t *key, const uint8_t *msg, size_t len, uint8_t *tag)
{
    struct p1305 st;
    uint32_t t0 = le32(key), t1 = le32(key + 4), t2 = le32(key + 8), t3 = le32(key + 12);
    size_t full = len / 16;

    /* clamp: r &= 0x0ffffffc0ffffffc0ffffffc0fffffff, then split into 26-bit limbs */
    st.r[0] = t0 & 0x3ffffff;
    st.r[1] = ((t0 >> 26) | (t1 << 6)) & 0x3ffff03;
    st.r[2] = ((t1 >> 20) | (t2 << 12)) & 0x3ffc0ff;
    st.r[3] = ((t2 >> 14) | (t3 << 18)) & 0x3f03fff;
    st.r[4] = (t3 >> 8) & 0x00fffff;
    for (int i = 0; i < 5; i++) {
        st.r5[i] = st.r[i] * 5;
        st.h[i] = 0;
    }

    p1305_blocks(&st, msg, full, 1u << 24);
    if (len % 16) {
        uint8_t last[16];
        size_t rest = len % 16;
        memset(last, 0, sizeof(last));
        memcpy(last, msg + 16 * full, rest);
        last[rest] = 1;
        p1305_blocks(&st, last, 1, 0);
    }
    p1305_finish(&st, key + 16, tag);
}
