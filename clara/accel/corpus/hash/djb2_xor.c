/*
 * class: hash
 * variant: djb2a (xor variant: h = h * 33 ^ c) with an explicit multiply and a do-while over
 *          a pointer, 64-bit state truncated to 32 bits on return.
 * computes: 32-bit djb2a hash (low 32 bits of the 64-bit running value).
 * parameters: initial value 5381, multiplier 33, combine by xor.
 */
// clara-corpus: class=hash entry=strhash_djb2a signature=buf_len_u32 ref=djb2a
#include <stddef.h>
#include <stdint.h>

uint32_t strhash_djb2a(const uint8_t *name, size_t namelen)
{
    uint64_t v = 5381;
    const uint8_t *c = name;
    if (namelen) {
        do {
            v = (v * 33) ^ *c++;
        } while (--namelen);
    }
    return (uint32_t)v;
}
