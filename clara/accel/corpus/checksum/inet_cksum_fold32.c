/*
 * class: checksum
 * variant: RFC 1071 Internet checksum; 32-bit accumulator of native 16-bit words (memcpy loads),
 *          odd trailing byte added in host (little-endian) position, carries folded at the end
 *          in a while loop, complemented, then converted to network order (bswap) since the sum
 *          of native words on a little-endian host is the byte-swapped sum.
 * computes: the 16-bit one's complement of the one's complement sum of the buffer.
 * parameters: none; result is the big-endian word value to store in the header.
 */
// clara-corpus: class=checksum entry=in_cksum signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>
#include <string.h>

uint16_t in_cksum(const uint8_t *addr, size_t count)
{
    uint32_t sum = 0;
    uint16_t word, answer;

    while (count > 1) {
        memcpy(&word, addr, 2);
        sum += word;
        addr += 2;
        count -= 2;
    }
    if (count > 0)
        sum += *addr;
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    answer = (uint16_t)~sum;
    return (uint16_t)((answer << 8) | (answer >> 8));
}
