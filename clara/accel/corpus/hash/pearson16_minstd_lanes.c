/*
 * class:    hash
 * variant:  16-bit Pearson hashing from two 8-bit lanes (Pearson's extension: lane 0 starts
 *           at T[c0], lane 1 at T[(c0 + 1) mod 256], both continue h = T[h ^ c] over the
 *           remaining bytes), the lanes run one after the other through a pointer loop.
 *           The permutation T is made on first use by a forward Fisher-Yates shuffle
 *           (i = 0..254 swaps T[i] with T[i + r mod (256 - i)]) driven by the Park-Miller
 *           "minimal standard" generator x = 16807 x mod (2^31 - 1), x0 = 1.
 * computes: 16-bit hash of buf[0..len), lane 0 in the high byte; an empty input uses c0 = 0.
 * parameters: MINSTD multiplier 16807, modulus 2147483647, seed 1.
 */
// clara-corpus: class=hash entry=pearson16 signature=buf_len_u16 ref=pearson16-minstd helpers=pearson16_shuffle,pearson16_lane
#include <stddef.h>
#include <stdint.h>

#define MINSTD_M 2147483647u
#define MINSTD_A 16807u

static uint8_t p16_table[256];
static int p16_ready;

static void pearson16_shuffle(void)
{
    uint32_t x = 1;
    int i;

    for (i = 0; i < 256; i++)
        p16_table[i] = (uint8_t)i;
    for (i = 0; i < 255; i++) {
        uint32_t span = 256u - (uint32_t)i;
        uint32_t j;
        uint8_t t;

        x = (uint32_t)(((uint64_t)x * MINSTD_A) % MINSTD_M);
        j = (uint32_t)i + x % span;
        t = p16_table[i];
        p16_table[i] = p16_table[j];
        p16_table[j] = t;
    }
    p16_ready = 1;
}

/* one 8-bit Pearson lane whose first step reads T[first] */
static uint8_t pearson16_lane(uint8_t first, const uint8_t *p, const uint8_t *end)
{
    uint8_t h = p16_table[first];

    for (; p < end; p++)
        h = p16_table[(uint8_t)(h ^ *p)];
    return h;
}

uint16_t pearson16(const uint8_t *buf, size_t len)
{
    uint8_t c0 = len ? buf[0] : 0;
    const uint8_t *rest = len ? buf + 1 : buf;
    const uint8_t *end = buf + len;
    uint8_t hi, lo;

    if (!p16_ready)
        pearson16_shuffle();
    hi = pearson16_lane(c0, rest, end);
    lo = pearson16_lane((uint8_t)(c0 + 1u), rest, end);
    return (uint16_t)((hi << 8) | lo);
}
