/*
 * class: hash
 * variant: 32-bit Pearson hash with the four 8-bit lanes advanced together in a single pass:
 *          one read of each input byte feeds four table lookups h_k = T[h_k ^ c] held in
 *          separate registers (the other Pearson files run one lane after another, rereading
 *          the input four times). Lane k starts at T[(c0 + k) mod 256]. The permutation T is
 *          a Fisher-Yates shuffle of 0..255 driven by the LCG x = x * 1103515245 + 12345
 *          (x0 = 1, j = (x >> 16) mod (i + 1), i from 255 down to 1), made on first use.
 * computes: 32-bit hash of buf[0..len), lane 0 in the top byte; an empty input uses c0 = 0.
 */
// clara-corpus: class=hash entry=pearson_onepass signature=buf_len_u32 ref=pearson helpers=pearson_shuffle
#include <stddef.h>
#include <stdint.h>

static uint8_t pt[256];
static int pt_made;

static void pearson_shuffle(void)
{
    uint32_t lcg = 1;
    unsigned i = 255;

    for (unsigned v = 0; v < 256; v++)
        pt[v] = (uint8_t)v;
    do {
        unsigned j;
        uint8_t tmp;

        lcg = lcg * 1103515245u + 12345u;
        j = (lcg >> 16) % (i + 1);
        tmp = pt[j];
        pt[j] = pt[i];
        pt[i] = tmp;
    } while (--i != 0);
    pt_made = 1;
}

uint32_t pearson_onepass(const uint8_t *buf, size_t len)
{
    uint8_t c0, h0, h1, h2, h3;

    if (!pt_made)
        pearson_shuffle();
    c0 = len ? buf[0] : 0;
    h0 = pt[c0];
    h1 = pt[(uint8_t)(c0 + 1)];
    h2 = pt[(uint8_t)(c0 + 2)];
    h3 = pt[(uint8_t)(c0 + 3)];
    for (size_t i = 1; i < len; i++) {
        uint8_t c = buf[i];
        h0 = pt[h0 ^ c];
        h1 = pt[h1 ^ c];
        h2 = pt[h2 ^ c];
        h3 = pt[h3 ^ c];
    }
    return ((uint32_t)h0 << 24) | ((uint32_t)h1 << 16) | ((uint32_t)h2 << 8) | h3;
}
