/*
 * class: hash
 * variant: Paul Hsieh's SuperFastHash: 16-bit little-endian halves added and xor-shifted per
 *          4-byte step, a 1..3 byte tail with sign-extended last byte, six-step avalanche.
 * computes: 32-bit SuperFastHash of a byte buffer (initial value = length; 0 for length 0).
 */
// clara-corpus: class=hash entry=sf_hash signature=buf_len_u32 ref=sfh
#include <stddef.h>
#include <stdint.h>

#define GET16(d) ((uint32_t)(d)[0] | (uint32_t)(d)[1] << 8)

uint32_t sf_hash(const uint8_t *data, size_t len)
{
    uint32_t hash = (uint32_t)len, tmp;
    size_t rem;

    if (len == 0)
        return 0;
    rem = len & 3;
    len >>= 2;
    for (; len > 0; len--) {
        hash += GET16(data);
        tmp = (GET16(data + 2) << 11) ^ hash;
        hash = (hash << 16) ^ tmp;
        data += 4;
        hash += hash >> 11;
    }
    switch (rem) {
    case 3:
        hash += GET16(data);
        hash ^= hash << 16;
        hash ^= (uint32_t)(int32_t)(int8_t)data[2] << 18;
        hash += hash >> 11;
        break;
    case 2:
        hash += GET16(data);
        hash ^= hash << 11;
        hash += hash >> 17;
        break;
    case 1:
        hash += (uint32_t)(int32_t)(int8_t)data[0];
        hash ^= hash << 10;
        hash += hash >> 1;
        break;
    }
    hash ^= hash << 3;
    hash += hash >> 5;
    hash ^= hash << 4;
    hash += hash >> 17;
    hash ^= hash << 25;
    hash += hash >> 6;
    return hash;
}
