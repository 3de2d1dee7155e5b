/*
 * class: hash
 * variant: sdbm string hash (h = c + (h << 6) + (h << 16) - h, i.e. h * 65599 + c), while loop.
 * computes: 32-bit sdbm hash of a byte buffer.
 * parameters: initial value 0, multiplier 65599.
 */
// clara-corpus: class=hash entry=sdbm_hash signature=buf_len_u32 ref=sdbm
#include <stddef.h>
#include <stdint.h>

uint32_t sdbm_hash(const uint8_t *s, size_t n)
{
    uint32_t h = 0;
    size_t i = 0;
    while (i < n) {
        h = s[i] + (h << 6) + (h << 16) - h;
        i++;
    }
    return h;
}
