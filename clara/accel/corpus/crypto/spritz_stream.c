/*
 * class:    crypto
 * variant:  Spritz (Rivest and Schuldt, 2014), the sponge-like successor of RC4: a byte
 *           permutation S[256] with six registers (i, j, k, z, a, w). The key is absorbed a
 *           nibble at a time (each nibble swaps S[a] with S[128 + nibble]); a Shuffle
 *           (Whip(512) / Crush / Whip / Crush / Whip) runs before the first output; the
 *           output function is z = S[j + S[i + S[z + k]]] and the update
 *           i += w; j = k + S[j + S[i]]; k = i + k + S[j]; swap S[i], S[j]. Unlike the RC4
 *           files there are three moving indices, a step w, nibble absorption, the
 *           sort-like Crush pass, and encryption is addition mod 256, not XOR.
 *           N = 256; Whip steps w to the next odd value (gcd(w, 256) = 1).
 * computes: out[n] = in[n] + Squeeze-byte_n (mod 256) after KeySetup(key) (Spritz Encrypt
 *           without an IV). Published check: Squeeze(8) after Absorb("ABC") is
 *           77 9a 8e 01 f9 e9 cb c0.
 * parameters: key of keylen bytes, len message bytes.
 */
// clara-corpus: class=crypto entry=spritz_encrypt signature=opaque ref=spritz helpers=spritz_absorb,spritz_shuffle,spritz_whip,spritz_crush,spritz_update,spritz_drip
#include <stdint.h>
#include <stddef.h>

typedef struct {
    uint8_t s[256];
    uint8_t i, j, k, z, a, w;
} spritz_state;

static void spritz_swap(spritz_state *st, uint8_t x, uint8_t y)
{
    uint8_t t = st->s[x];
    st->s[x] = st->s[y];
    st->s[y] = t;
}

void spritz_update(spritz_state *st)
{
    st->i = (uint8_t)(st->i + st->w);
    st->j = (uint8_t)(st->k + st->s[(uint8_t)(st->j + st->s[st->i])]);
    st->k = (uint8_t)(st->i + st->k + st->s[st->j]);
    spritz_swap(st, st->i, st->j);
}

void spritz_whip(spritz_state *st, unsigned r)
{
    for (unsigned v = 0; v < r; v++)
        spritz_update(st);
    st->w = (uint8_t)(st->w + 2);   /* next w coprime to 256 */
}

void spritz_crush(spritz_state *st)
{
    for (unsigned v = 0; v < 128; v++) {
        uint8_t far = (uint8_t)(255 - v);
        if (st->s[v] > st->s[far])
            spritz_swap(st, (uint8_t)v, far);
    }
}

void spritz_shuffle(spritz_state *st)
{
    spritz_whip(st, 512);
    spritz_crush(st);
    spritz_whip(st, 512);
    spritz_crush(st);
    spritz_whip(st, 512);
    st->a = 0;
}

static void spritz_absorb_nibble(spritz_state *st, unsigned x)
{
    if (st->a == 128)
        spritz_shuffle(st);
    spritz_swap(st, st->a, (uint8_t)(128 + x));
    st->a++;
}

void spritz_absorb(spritz_state *st, const uint8_t *data, size_t n)
{
    for (size_t p = 0; p < n; p++) {
        spritz_absorb_nibble(st, data[p] & 0x0f);
        spritz_absorb_nibble(st, data[p] >> 4);
    }
}

uint8_t spritz_drip(spritz_state *st)
{
    if (st->a > 0)
        spritz_shuffle(st);
    spritz_update(st);
    st->z = st->s[(uint8_t)(st->j + st->s[(uint8_t)(st->i + st->s[(uint8_t)(st->z + st->k)])])];
    return st->z;
}

void spritz_encrypt(const uint8_t *key, size_t keylen, const uint8_t *in, size_t len,
                    uint8_t *out)
{
    spritz_state st;

    for (unsigned v = 0; v < 256; v++)
        st.s[v] = (uint8_t)v;
    st.i = st.j = st.k = st.z = st.a = 0;
    st.w = 1;
    spritz_absorb(&st, key, keylen);
    for (size_t n = 0; n < len; n++)
        out[n] = (uint8_t)(in[n] + spritz_drip(&st));
}
