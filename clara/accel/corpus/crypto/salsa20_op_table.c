/*
 * class:    crypto
 * variant:  Salsa20 core (the Salsa20 hash function of Bernstein's specification) driven by a
 *           table of its 32 elementary steps per double round: each step is
 *           x[dst] ^= rotl(x[a] + x[b], rot) with (dst, a, b) from the table and the rotation
 *           7, 9, 13 or 18 chosen by the step's position. Within the column round and the
 *           row round the four independent quarterrounds are interleaved step-major (all
 *           four "7" steps, then the "9" steps, ...), which the specification allows since
 *           they touch disjoint words. Ten double rounds loop over the table; the state is
 *           copied in and the input added back at the end. Unlike salsa20_core.c (quarterround
 *           / rowround / columnround functions called on pointers).
 * computes: out = Salsa20(in) = in + doubleround^10(in), word-wise mod 2^32, on 16 host-order
 *           words.
 */
// clara-corpus: class=crypto entry=salsa20_tabled signature=words16 helpers=salsa_double_round ref=salsa20
#include <stdint.h>
#include <stddef.h>

/* {dst, a, b}: x[dst] ^= rotl(x[a] + x[b], SALSA_ROT[(step / 4) % 4]) */
static const uint8_t SALSA_STEPS[32][3] = {
    /* column round: quarterrounds on (0,4,8,12) (5,9,13,1) (10,14,2,6) (15,3,7,11) */
    { 4,  0, 12}, { 9,  5,  1}, {14, 10,  6}, { 3, 15, 11},
    { 8,  4,  0}, {13,  9,  5}, { 2, 14, 10}, { 7,  3, 15},
    {12,  8,  4}, { 1, 13,  9}, { 6,  2, 14}, {11,  7,  3},
    { 0, 12,  8}, { 5,  1, 13}, {10,  6,  2}, {15, 11,  7},
    /* row round: quarterrounds on (0,1,2,3) (5,6,7,4) (10,11,8,9) (15,12,13,14) */
    { 1,  0,  3}, { 6,  5,  4}, {11, 10,  9}, {12, 15, 14},
    { 2,  1,  0}, { 7,  6,  5}, { 8, 11, 10}, {13, 12, 15},
    { 3,  2,  1}, { 4,  7,  6}, { 9,  8, 11}, {14, 13, 12},
    { 0,  3,  2}, { 5,  4,  7}, {10,  9,  8}, {15, 14, 13},
};

static const unsigned SALSA_ROT[4] = {7, 9, 13, 18};

void salsa_double_round(uint32_t x[16])
{
    for (unsigned step = 0; step < 32; step++) {
        const uint8_t *op = SALSA_STEPS[step];
        uint32_t sum = x[op[1]] + x[op[2]];
        unsigned r = SALSA_ROT[(step >> 2) & 3];
        x[op[0]] ^= (sum << r) | (sum >> (32 - r));
    }
}

void salsa20_tabled(uint32_t out[16], const uint32_t in[16])
{
    uint32_t x[16];
    unsigned n;

    for (n = 0; n < 16; n++)
        x[n] = in[n];
    for (n = 0; n < 20; n += 2)
        salsa_double_round(x);
    for (n = 0; n < 16; n++)
        out[n] = x[n] + in[n];
}
