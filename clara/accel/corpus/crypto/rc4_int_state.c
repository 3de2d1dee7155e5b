/*
 * class:    crypto
 * variant:  RC4 with an int state array (as older code keeps it), i and j as ints masked with
 *           & 0xff, a swap helper, and the key index wrapped by a separate counter instead of a
 *           modulo; state and indices live in one struct passed as void *.
 * computes: out[k] = in[k] ^ keystream[k]; the keystream continues across calls.
 */
// clara-corpus: class=crypto entry=rc4_apply signature=rc4_ctx setkey=rc4_schedule helpers=rc4_schedule,rc4_swap ref=rc4
#include <stdint.h>
#include <stddef.h>

struct rc4_state {
    int x, y;
    int m[256];
};

static void rc4_swap(int *m, int a, int b)
{
    int t = m[a];
    m[a] = m[b];
    m[b] = t;
}

void rc4_schedule(void *ctx, const uint8_t *key, size_t keylen)
{
    struct rc4_state *st = ctx;
    size_t k = 0;
    int j = 0;
    for (int i = 0; i < 256; i++)
        st->m[i] = i;
    for (int i = 0; i < 256; i++) {
        j = (j + st->m[i] + key[k]) & 0xff;
        rc4_swap(st->m, i, j);
        if (++k == keylen)
            k = 0;
    }
    st->x = st->y = 0;
}

void rc4_apply(void *ctx, const uint8_t *in, uint8_t *out, size_t len)
{
    struct rc4_state *st = ctx;
    int x = st->x, y = st->y;
    int *m = st->m;
    for (size_t n = 0; n < len; n++) {
        x = (x + 1) & 0xff;
        int a = m[x];
        y = (y + a) & 0xff;
        int b = m[y];
        m[x] = b;
        m[y] = a;
        out[n] = (uint8_t)(in[n] ^ m[(a + b) & 0xff]);
    }
    st->x = x;
    st->y = y;
}
