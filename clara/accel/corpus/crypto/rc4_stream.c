/*
 * class:    crypto
 * variant:  RC4 stream cipher: key-scheduling (KSA) into a context, then PRGA XORing the
 *           keystream into the output; i/j kept in the context between calls.
 * computes: out[k] = in[k] ^ keystream[k] for len bytes.
 */
// clara-corpus: class=crypto entry=arc4_crypt signature=rc4_ctx setkey=arc4_setkey helpers=arc4_setkey ref=rc4
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct arc4_ctx {
    uint8_t S[256];
    uint8_t i, j;
};

void arc4_setkey(struct arc4_ctx *ctx, const uint8_t *key, size_t keylen)
{
    unsigned i;
    uint8_t j = 0, t;

    for (i = 0; i < 256; i++)
        ctx->S[i] = (uint8_t)i;
    for (i = 0; i < 256; i++) {
        j = (uint8_t)(j + ctx->S[i] + key[i % keylen]);
        t = ctx->S[i];
        ctx->S[i] = ctx->S[j];
        ctx->S[j] = t;
    }
    ctx->i = 0;
    ctx->j = 0;
}

void arc4_crypt(struct arc4_ctx *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
    uint8_t i = ctx->i, j = ctx->j;
    uint8_t *S = ctx->S;

    while (len--) {
        uint8_t si, sj;
        i++;
        si = S[i];
        j = (uint8_t)(j + si);
        sj = S[j];
        S[i] = sj;
        S[j] = si;
        *out++ = *in++ ^ S[(uint8_t)(si + sj)];
    }
    ctx->i = i;
    ctx->j = j;
}
