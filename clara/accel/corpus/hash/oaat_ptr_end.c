/*
 * class: hash
 * variant: Jenkins one-at-a-time over a pointer range (`while (p < end)`), the per-byte step
 *          and the final avalanche written with compound assignments.
 * computes: 32-bit one-at-a-time hash of a byte buffer (initial value 0).
 */
// clara-corpus: class=hash entry=oaat_range signature=buf_len_u32 ref=oaat
#include <stddef.h>
#include <stdint.h>

uint32_t oaat_range(const uint8_t *p, size_t n)
{
    const uint8_t *end = p + n;
    uint32_t h = 0;
    while (p < end) {
        h += *p++;
        h += h << 10;
        h ^= h >> 6;
    }
    h += h << 3;
    h ^= h >> 11;
    h += h << 15;
    return h;
}
