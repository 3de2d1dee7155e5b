/*
 * class: checksum
 * variant: RFC 1071, big-endian words, loop unrolled by 2 into two independent 32-bit partial
 *          sums (to break the dependency chain), merged and folded twice at the end.
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=cksum_u2 signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>

#define BE16(p) ((uint32_t)(p)[0] << 8 | (uint32_t)(p)[1])

uint16_t cksum_u2(const uint8_t *data, size_t nbytes)
{
    uint32_t s0 = 0, s1 = 0;
    size_t k = 0;

    for (; k + 4 <= nbytes; k += 4) {
        s0 += BE16(data + k);
        s1 += BE16(data + k + 2);
    }
    for (; k + 2 <= nbytes; k += 2)
        s0 += BE16(data + k);
    if (k < nbytes)
        s1 += (uint32_t)data[k] << 8;
    s0 += s1;
    s0 = (s0 >> 16) + (s0 & 0xffff);
    s0 += s0 >> 16;
    return (uint16_t)(~s0 & 0xffff);
}
