/*
 * class:    crypto
 * variant:  Salsa20/20 core (Bernstein's specification): quarterround, rowround and
 *           columnround written as separate functions over a word array exactly as the
 *           spec composes them, 10 double rounds, then the feed-forward addition.
 * computes: out = Salsa20(in) on sixteen 32-bit words.
 */
// clara-corpus: class=crypto entry=salsa20_core signature=words16 helpers=salsa_quarterround,salsa_rowround,salsa_columnround ref=salsa20
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static uint32_t salsa_rotl(uint32_t u, int c)
{
    return (u << c) | (u >> (32 - c));
}

void salsa_quarterround(uint32_t *y0, uint32_t *y1, uint32_t *y2, uint32_t *y3)
{
    *y1 ^= salsa_rotl(*y0 + *y3, 7);
    *y2 ^= salsa_rotl(*y1 + *y0, 9);
    *y3 ^= salsa_rotl(*y2 + *y1, 13);
    *y0 ^= salsa_rotl(*y3 + *y2, 18);
}

void salsa_rowround(uint32_t y[16])
{
    salsa_quarterround(&y[0], &y[1], &y[2], &y[3]);
    salsa_quarterround(&y[5], &y[6], &y[7], &y[4]);
    salsa_quarterround(&y[10], &y[11], &y[8], &y[9]);
    salsa_quarterround(&y[15], &y[12], &y[13], &y[14]);
}

void salsa_columnround(uint32_t x[16])
{
    salsa_quarterround(&x[0], &x[4], &x[8], &x[12]);
    salsa_quarterround(&x[5], &x[9], &x[13], &x[1]);
    salsa_quarterround(&x[10], &x[14], &x[2], &x[6]);
    salsa_quarterround(&x[15], &x[3], &x[7], &x[11]);
}

void salsa20_core(uint32_t out[16], const uint32_t in[16])
{
    uint32_t x[16];
    int i;

    for (i = 0; i < 16; i++)
        x[i] = in[i];
    for (i = 0; i < 10; i++) {
        salsa_columnround(x);
        salsa_rowround(x);
    }
    for (i = 0; i < 16; i++)
        out[i] = x[i] + in[i];
}
