/*
 * class: hash
 * variant: Jenkins lookup3 "hashlittle" style: mix() and final() as macros over three 32-bit
 *          registers, 12-byte blocks read as little-endian words from bytes, the last block
 *          added by a fall-through switch on the remaining length (length 0 returns c unmixed).
 * computes: 32-bit lookup3 hash with an initval (seed).
 * parameters: a = b = c = 0xdeadbeef + len + initval; rotations 4,6,8,16,19,4 (mix) and
 *             14,11,25,16,4,14,24 (final).
 */
// clara-corpus: class=hash entry=hashlittle_bytes signature=buf_len_seed_u32 ref=lookup3
#include <stddef.h>
#include <stdint.h>

#define rot(x, k) (((x) << (k)) | ((x) >> (32 - (k))))

#define mix(a, b, c)                                                                      \
    do {                                                                                  \
        a -= c; a ^= rot(c, 4);  c += b;                                                  \
        b -= a; b ^= rot(a, 6);  a += c;                                                  \
        c -= b; c ^= rot(b, 8);  b += a;                                                  \
        a -= c; a ^= rot(c, 16); c += b;                                                  \
        b -= a; b ^= rot(a, 19); a += c;                                                  \
        c -= b; c ^= rot(b, 4);  b += a;                                                  \
    } while (0)

#define final(a, b, c)                                                                    \
    do {                                                                                  \
        c ^= b; c -= rot(b, 14);                                                          \
        a ^= c; a -= rot(c, 11);                                                          \
        b ^= a; b -= rot(a, 25);                                                          \
        c ^= b; c -= rot(b, 16);                                                          \
        a ^= c; a -= rot(c, 4);                                                           \
        b ^= a; b -= rot(a, 14);                                                          \
        c ^= b; c -= rot(b, 24);                                                          \
    } while (0)

uint32_t hashlittle_bytes(const uint8_t *k, size_t length, uint32_t initval)
{
    uint32_t a, b, c;

    a = b = c = 0xdeadbeefu + (uint32_t)length + initval;
    while (length > 12) {
        a += k[0] + ((uint32_t)k[1] << 8) + ((uint32_t)k[2] << 16) + ((uint32_t)k[3] << 24);
        b += k[4] + ((uint32_t)k[5] << 8) + ((uint32_t)k[6] << 16) + ((uint32_t)k[7] << 24);
        c += k[8] + ((uint32_t)k[9] << 8) + ((uint32_t)k[10] << 16) + ((uint32_t)k[11] << 24);
        mix(a, b, c);
        length -= 12;
        k += 12;
    }
    switch (length) {
    case 12: c += (uint32_t)k[11] << 24; /* fall through */
    case 11: c += (uint32_t)k[10] << 16; /* fall through */
    case 10: c += (uint32_t)k[9] << 8;   /* fall through */
    case 9:  c += k[8];                  /* fall through */
    case 8:  b += (uint32_t)k[7] << 24;  /* fall through */
    case 7:  b += (uint32_t)k[6] << 16;  /* fall through */
    case 6:  b += (uint32_t)k[5] << 8;   /* fall through */
    case 5:  b += k[4];                  /* fall through */
    case 4:  a += (uint32_t)k[3] << 24;  /* fall through */
    case 3:  a += (uint32_t)k[2] << 16;  /* fall through */
    case 2:  a += (uint32_t)k[1] << 8;   /* fall through */
    case 1:  a += k[0];
        break;
    case 0:
        return c;
    }
    final(a, b, c);
    return c;
}
