/*
 * class: hash
 * variant: BKDR string hash (multiplier 131), written as a pointer loop to an end pointer.
 * computes: 32-bit h = h * 131 + c over a byte buffer, h starting at 0.
 */
// clara-corpus: class=hash entry=bkdr_hash signature=buf_len_u32 ref=bkdr
#include <stddef.h>
#include <stdint.h>

uint32_t bkdr_hash(const uint8_t *s, size_t n)
{
    const uint8_t *end = s + n;
    uint32_t h = 0;
    while (s != end)
        h = h * 131u + *s++;
    return h;
}
