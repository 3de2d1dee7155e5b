/*
 * class: checksum
 * variant: "csum_partial": the folded one's complement sum without the final complement, so
 *          the caller can add more data (pseudo-headers) later; 32-bit big-endian words summed
 *          into a 64-bit accumulator indexed by word number, remaining bytes shifted into place.
 * computes: the 16-bit folded one's complement sum (NOT complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=csum_partial_be signature=buf_len_u16 ref=inet-sum
#include <stddef.h>
#include <stdint.h>

uint16_t csum_partial_be(const uint8_t *buff, size_t len)
{
    uint64_t result = 0;
    size_t nw = len / 4;

    for (size_t w = 0; w < nw; w++) {
        const uint8_t *q = buff + 4 * w;
        result += ((uint32_t)q[0] << 24) | ((uint32_t)q[1] << 16) | ((uint32_t)q[2] << 8) | q[3];
    }
    for (size_t r = nw * 4; r < len; r++)
        result += (uint64_t)buff[r] << (8 * (3 - (r & 3)));
    while (result >> 16)
        result = (result >> 16) + (result & 0xFFFF);
    return (uint16_t)result;
}
