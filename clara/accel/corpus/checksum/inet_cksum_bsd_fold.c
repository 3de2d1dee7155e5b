/*
 * class: checksum
 * variant: BSD-style: a signed 32-bit sum of big-endian words, folded early whenever the top
 *          bit is set (so the accumulator never overflows), REDUCE macro at the end.
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=in_cksum_bsd signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>

#define REDUCE(s) do { (s) = ((s) >> 16) + ((s) & 0xffff); (s) += (s) >> 16; } while (0)

uint16_t in_cksum_bsd(const uint8_t *addr, size_t count)
{
    int32_t sum = 0;
    size_t i = 0;

    while (count - i > 1) {
        sum += (addr[i] << 8) + addr[i + 1];
        if (sum & 0x40000000)
            REDUCE(sum);
        i += 2;
    }
    if (i < count)
        sum += addr[i] << 8;
    REDUCE(sum);
    return (uint16_t)(~sum & 0xffff);
}
