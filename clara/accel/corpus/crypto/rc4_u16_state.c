/*
 * class:    crypto
 * variant:  RC4 with the permutation held in 16-bit cells and the two indices as unsigned ints
 *           wrapped with & 255 (no uint8_t arithmetic); the key schedule walks the key with its
 *           own counter that restarts at the key's end; the keystream loop is a for loop over
 *           an index that XORs into the output.
 * computes: out[k] = in[k] ^ keystream[k] for len bytes; state kept between calls.
 */
// clara-corpus: class=crypto entry=rc4w_stream signature=rc4_ctx setkey=rc4w_key helpers=rc4w_key ref=rc4
#include <stdint.h>
#include <stddef.h>

struct rc4w {
    uint16_t perm[256];
    unsigned x, y;
};

void rc4w_key(struct rc4w *st, const uint8_t *key, size_t keylen)
{
    unsigned k = 0, y = 0;
    for (unsigned x = 0; x < 256; x++)
        st->perm[x] = (uint16_t)x;
    for (unsigned x = 0; x < 256; x++) {
        uint16_t hold = st->perm[x];
        y = (y + hold + key[k]) & 255;
        st->perm[x] = st->perm[y];
        st->perm[y] = hold;
        if (++k >= keylen)
            k = 0;
    }
    st->x = 0;
    st->y = 0;
}

void rc4w_stream(struct rc4w *st, const uint8_t *in, uint8_t *out, size_t len)
{
    unsigned x = st->x, y = st->y;
    for (size_t n = 0; n < len; n++) {
        x = (x + 1) & 255;
        uint16_t a = st->perm[x];
        y = (y + a) & 255;
        uint16_t b = st->perm[y];
        st->perm[x] = b;
        st->perm[y] = a;
        out[n] = (uint8_t)(in[n] ^ st->perm[(a + b) & 255]);
    }
    st->x = x;
    st->y = y;
}
