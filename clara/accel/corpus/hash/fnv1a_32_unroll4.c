/*
 * class: hash
 * variant: FNV-1a 32-bit with the byte loop unrolled by four and a remainder loop; prime and
 *          basis as named constants.
 * computes: 32-bit FNV-1a of a byte buffer.
 */
// clara-corpus: class=hash entry=fnv1a32_x4 signature=buf_len_u32 ref=fnv1a-32
#include <stddef.h>
#include <stdint.h>

#define FNV32_BASIS 2166136261u
#define FNV32_PRIME 16777619u

uint32_t fnv1a32_x4(const uint8_t *p, size_t n)
{
    uint32_t h = FNV32_BASIS;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        h = (h ^ p[i]) * FNV32_PRIME;
        h = (h ^ p[i + 1]) * FNV32_PRIME;
        h = (h ^ p[i + 2]) * FNV32_PRIME;
        h = (h ^ p[i + 3]) * FNV32_PRIME;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * FNV32_PRIME;
    return h;
}
