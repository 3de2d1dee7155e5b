/*
 * class: checksum
 * variant: RFC 1071, 64-bit accumulator, 8 big-endian 16-bit words per iteration (16 bytes,
 *          fully written out), tail loop, odd byte as the high half; fold with a loop.
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=inet_csum_x8 signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>

uint16_t inet_csum_x8(const uint8_t *b, size_t n)
{
    uint64_t a = 0;
    const uint8_t *p = b;

    while (n >= 16) {
        a += (uint64_t)((p[0] << 8) | p[1]);
        a += (uint64_t)((p[2] << 8) | p[3]);
        a += (uint64_t)((p[4] << 8) | p[5]);
        a += (uint64_t)((p[6] << 8) | p[7]);
        a += (uint64_t)((p[8] << 8) | p[9]);
        a += (uint64_t)((p[10] << 8) | p[11]);
        a += (uint64_t)((p[12] << 8) | p[13]);
        a += (uint64_t)((p[14] << 8) | p[15]);
        p += 16;
        n -= 16;
    }
    for (; n >= 2; n -= 2, p += 2)
        a += (uint64_t)((p[0] << 8) | p[1]);
    if (n)
        a += (uint64_t)p[0] << 8;
    while (a > 0xFFFF)
        a = (a >> 16) + (a & 0xFFFF);
    return (uint16_t)~a;
}
