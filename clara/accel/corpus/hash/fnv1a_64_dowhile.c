/*
 * class: hash
 * variant: FNV-1a 64-bit with a do/while over a decrementing count (guarded for length 0) and
 *          the 64-bit prime 0x100000001b3.
 * computes: 64-bit FNV-1a of a byte buffer.
 */
// clara-corpus: class=hash entry=fnv64a_do signature=buf_len_u64 ref=fnv1a-64
#include <stddef.h>
#include <stdint.h>

uint64_t fnv64a_do(const uint8_t *buf, size_t len)
{
    uint64_t hv = 0xcbf29ce484222325ull;
    if (len) {
        do {
            hv ^= (uint64_t)*buf++;
            hv *= 0x100000001b3ull;
        } while (--len);
    }
    return hv;
}
