/*
 * class:    crypto
 * variant:  RC4 written with pointer arithmetic throughout: the key schedule walks the
 *           permutation with a pointer (`*(S + j)`) and the key with a pointer that wraps at
 *           the key's end; the keystream generator produces four keystream bytes at a time
 *           into a small buffer, reinterprets it as a 32-bit word and XORs whole 32-bit
 *           words of the input (loaded and stored with memcpy), with a byte tail. The
 *           context holds the permutation and two uint8_t indices that carry over between
 *           calls.
 *           Unlike rc4_stream.c (byte loop over arrays), rc4_int_state.c (int cells, swap
 *           helper) and rc4_u16_state.c (16-bit cells).
 * computes: out = in XOR RC4 keystream (KSA with j = j + S[i] + key[i mod keylen], PRGA
 *           i = i + 1, j = j + S[i], swap, K = S[S[i] + S[j]]); key of keylen bytes (1..256).
 */
// clara-corpus: class=crypto entry=rc4p_process signature=rc4_ctx setkey=rc4p_init helpers=rc4p_init,rc4p_next ref=rc4
#include <stdint.h>
#include <stddef.h>
#include <string.h>

typedef struct {
    uint8_t S[256];
    uint8_t i;
    uint8_t j;
} rc4p_ctx;

void rc4p_init(void *ctx, const uint8_t *key, size_t keylen)
{
    rc4p_ctx *c = (rc4p_ctx *)ctx;
    uint8_t *p = c->S;
    uint8_t *const end = c->S + 256;
    const uint8_t *kp = key;
    const uint8_t *const kend = key + keylen;
    uint8_t j = 0;

    for (unsigned v = 0; p != end; ++p, ++v)
        *p = (uint8_t)v;
    for (p = c->S; p != end; ++p) {
        uint8_t *q;
        uint8_t t;
        j = (uint8_t)(j + *p + *kp);
        if (++kp == kend)
            kp = key;
        q = c->S + j;
        t = *p;
        *p = *q;
        *q = t;
    }
    c->i = 0;
    c->j = 0;
}

/* one keystream byte; *pi and *pj are the running indices */
uint8_t rc4p_next(uint8_t *S, uint8_t *pi, uint8_t *pj)
{
    uint8_t *a, *b, t;

    *pi = (uint8_t)(*pi + 1);
    a = S + *pi;
    *pj = (uint8_t)(*pj + *a);
    b = S + *pj;
    t = *a;
    *a = *b;
    *b = t;
    return *(S + (uint8_t)(*a + *b));
}

void rc4p_process(void *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
    rc4p_ctx *c = (rc4p_ctx *)ctx;
    uint8_t i = c->i, j = c->j;
    const uint8_t *src = in;
    uint8_t *dst = out;
    const uint8_t *const stop = in + len;

    while (stop - src >= 4) {
        uint8_t kb[4];
        uint32_t word, kw;
        for (uint8_t *k = kb; k != kb + 4; ++k)
            *k = rc4p_next(c->S, &i, &j);
        /* byte n of the keystream word pairs with input byte n in any host byte order */
        memcpy(&kw, kb, 4);
        memcpy(&word, src, 4);
        word ^= kw;
        memcpy(dst, &word, 4);
        src += 4;
        dst += 4;
    }
    while (src != stop)
        *dst++ = *src++ ^ rc4p_next(c->S, &i, &j);
    c->i = i;
    c->j = j;
}
