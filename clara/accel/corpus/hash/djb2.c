/*
 * class: hash
 * variant: Bernstein's djb2 string hash (h * 33 + c written as (h << 5) + h + c), over a
 *          length-delimited buffer with an index loop.
 * computes: 32-bit djb2 hash.
 * parameters: initial value 5381, multiplier 33.
 */
// clara-corpus: class=hash entry=djb2_hash signature=buf_len_u32 ref=djb2
#include <stddef.h>
#include <stdint.h>

uint32_t djb2_hash(const uint8_t *str, size_t len)
{
    uint32_t hash = 5381;
    for (size_t i = 0; i < len; i++)
        hash = ((hash << 5) + hash) + str[i];
    return hash;
}
