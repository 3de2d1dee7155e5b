/*
 * class: hash
 * variant: FNV-1a 32-bit (xor, then multiply) with the prime multiplication expanded into
 *          shifts and adds (0x01000193 = 2^24 + 2^8 + 0x93), the form used on cores without a
 *          fast multiplier; indexed for loop.
 * computes: 32-bit FNV-1a of a byte buffer.
 * parameters: offset basis 0x811C9DC5, prime 0x01000193.
 */
// clara-corpus: class=hash entry=fnv1a_hash32 signature=buf_len_u32 ref=fnv1a-32
#include <stddef.h>
#include <stdint.h>

uint32_t fnv1a_hash32(const uint8_t *bytes, size_t len)
{
    uint32_t hval = 0x811C9DC5u;
    for (size_t i = 0; i < len; i++) {
        hval ^= bytes[i];
        hval += (hval << 1) + (hval << 4) + (hval << 7) + (hval << 8) + (hval << 24);
    }
    return hval;
}
