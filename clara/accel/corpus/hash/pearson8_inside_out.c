/*
 * class:    hash
 * variant:  classic 8-bit Pearson hashing (h = 0, then h = T[h ^ c] for every byte, one lane,
 *           8-bit result). The permutation T is built on first use by the "inside-out"
 *           Fisher-Yates shuffle, which fills the table while it shuffles it (for i = 0..255:
 *           j = r mod (i + 1); T[i] = T[j]; T[j] = i) instead of swapping inside a prepared
 *           identity table; r comes from the 32-bit LCG x = 1664525 x + 1013904223
 *           (x0 = 0x2545f491), taking bits 8..31 (j = (x >> 8) mod (i + 1)).
 * computes: 8-bit Pearson hash of buf[0..len); the empty input hashes to 0.
 * parameters: LCG multiplier 1664525, increment 1013904223, seed 0x2545f491.
 */
// clara-corpus: class=hash entry=pearson8_hash signature=buf_len_u8 ref=pearson8-inside-out helpers=pearson8_make_table
#include <stddef.h>
#include <stdint.h>

static uint8_t pearson8_T[256];
static uint8_t pearson8_have_T;

static void pearson8_make_table(void)
{
    uint32_t x = 0x2545f491u;
    unsigned i;

    for (i = 0; i < 256; i++) {
        unsigned j;

        x = x * 1664525u + 1013904223u;
        j = (unsigned)((x >> 8) % (i + 1u));
        pearson8_T[i] = pearson8_T[j];  /* j == i: overwritten by the next line */
        pearson8_T[j] = (uint8_t)i;
    }
    pearson8_have_T = 1;
}

uint8_t pearson8_hash(const uint8_t *buf, size_t len)
{
    const uint8_t *p = buf;
    const uint8_t *end = buf + len;
    uint8_t h = 0;

    if (!pearson8_have_T)
        pearson8_make_table();
    while (p != end)
        h = pearson8_T[h ^ *p++];
    return h;
}
