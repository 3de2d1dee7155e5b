/*
 * class: hash
 * variant: FNV-1 32-bit (multiply, then xor), pointer walk to an end pointer.
 * computes: 32-bit FNV-1 of a byte buffer.
 * parameters: offset basis 0x811C9DC5 (2166136261), FNV prime 0x01000193 (16777619).
 */
// clara-corpus: class=hash entry=fnv1_32 signature=buf_len_u32 ref=fnv1-32
#include <stddef.h>
#include <stdint.h>

#define FNV32_OFFSET 2166136261u
#define FNV32_PRIME 16777619u

uint32_t fnv1_32(const uint8_t *s, size_t n)
{
    uint32_t h = FNV32_OFFSET;
    const uint8_t *e = s + n;
    while (s < e) {
        h *= FNV32_PRIME;
        h ^= (uint32_t)*s++;
    }
    return h;
}
