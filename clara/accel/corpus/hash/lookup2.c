/*
 * class: hash
 * variant: Bob Jenkins' 1996 hash ("lookup2"): a = b = golden ratio, c = initval; 12-byte
 *          blocks added as little-endian words and scrambled by the nine-line subtract /
 *          xor-shift mix(); the last 0..11 bytes go into a, b and the upper bytes of c (c's
 *          low byte holds the length) by a fall-through switch.
 * computes: 32-bit lookup2 hash of a byte buffer with an initial value (seed).
 */
// clara-corpus: class=hash entry=lookup2_hash signature=buf_len_seed_u32 ref=lookup2
#include <stddef.h>
#include <stdint.h>

#define MIX(a, b, c)                                  \
    do {                                              \
        a -= b; a -= c; a ^= (c >> 13);               \
        b -= c; b -= a; b ^= (a << 8);                \
        c -= a; c -= b; c ^= (b >> 13);               \
        a -= b; a -= c; a ^= (c >> 12);               \
        b -= c; b -= a; b ^= (a << 16);               \
        c -= a; c -= b; c ^= (b >> 5);                \
        a -= b; a -= c; a ^= (c >> 3);                \
        b -= c; b -= a; b ^= (a << 10);               \
        c -= a; c -= b; c ^= (b >> 15);               \
    } while (0)

#define LE32(k) ((uint32_t)(k)[0] | (uint32_t)(k)[1] << 8 | (uint32_t)(k)[2] << 16 | \
                 (uint32_t)(k)[3] << 24)

uint32_t lookup2_hash(const uint8_t *k, size_t length, uint32_t initval)
{
    uint32_t a = 0x9e3779b9u, b = 0x9e3779b9u, c = initval;
    size_t len = length;

    while (len >= 12) {
        a += LE32(k);
        b += LE32(k + 4);
        c += LE32(k + 8);
        MIX(a, b, c);
        k += 12;
        len -= 12;
    }
    c += (uint32_t)length;
    switch (len) {
    case 11: c += (uint32_t)k[10] << 24; /* fall through */
    case 10: c += (uint32_t)k[9] << 16;  /* fall through */
    case 9:  c += (uint32_t)k[8] << 8;   /* fall through */
    case 8:  b += (uint32_t)k[7] << 24;  /* fall through */
    case 7:  b += (uint32_t)k[6] << 16;  /* fall through */
    case 6:  b += (uint32_t)k[5] << 8;   /* fall through */
    case 5:  b += k[4];                  /* fall through */
    case 4:  a += (uint32_t)k[3] << 24;  /* fall through */
    case 3:  a += (uint32_t)k[2] << 16;  /* fall through */
    case 2:  a += (uint32_t)k[1] << 8;   /* fall through */
    case 1:  a += k[0];
    }
    MIX(a, b, c);
    return c;
}
