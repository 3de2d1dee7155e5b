/*
 * class: hash
 * variant: Bob Jenkins' one-at-a-time hash, for loop over an index, shifts written out.
 * computes: 32-bit OAAT hash of a byte buffer (no seed; initial value 0).
 * parameters: per byte h += b; h += h << 10; h ^= h >> 6; final h += h << 3; h ^= h >> 11;
 *             h += h << 15.
 */
// clara-corpus: class=hash entry=one_at_a_time signature=buf_len_u32 ref=oaat
#include <stddef.h>
#include <stdint.h>

uint32_t one_at_a_time(const uint8_t *key, size_t length)
{
    uint32_t hash = 0;
    for (size_t i = 0; i < length; ++i) {
        hash += key[i];
        hash += hash << 10;
        hash ^= hash >> 6;
    }
    hash += hash << 3;
    hash ^= hash >> 11;
    hash += hash << 15;
    return hash;
}
