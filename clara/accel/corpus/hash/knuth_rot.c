/*
 * class: hash
 * variant: Knuth's rotating string hash (TAOCP vol. 3): h = (h << 5) ^ (h >> 27) ^ c, i.e. a
 *          5-bit rotate then xor, starting from the length.
 * computes: 32-bit rotating hash of a byte buffer.
 */
// clara-corpus: class=hash entry=knuth_hash signature=buf_len_u32 ref=knuth
#include <stddef.h>
#include <stdint.h>

uint32_t knuth_hash(const uint8_t *p, size_t n)
{
    uint32_t h = (uint32_t)n;
    for (size_t i = 0; i < n; i++)
        h = ((h << 5) ^ (h >> 27)) ^ p[i];
    return h;
}
