/*
 * class: checksum
 * variant: RFC 1071 with a 16-bit register and an end-around carry after every addition
 *          (the way the sum is defined), big-endian words assembled from byte pairs, an odd last
 *          byte padded with a zero low byte.
 * computes: Internet checksum (complemented), as a big-endian word value.
 */
// clara-corpus: class=checksum entry=ones_complement_checksum signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>

uint16_t ones_complement_checksum(const uint8_t *octets, size_t n)
{
    uint16_t acc = 0;
    size_t i;

    for (i = 0; i + 1 < n; i += 2) {
        uint16_t w = (uint16_t)((octets[i] << 8) | octets[i + 1]);
        uint32_t t = (uint32_t)acc + w;
        acc = (uint16_t)((t & 0xFFFFu) + (t >> 16));
    }
    if (i < n) {
        uint32_t t = (uint32_t)acc + ((uint32_t)octets[i] << 8);
        acc = (uint16_t)((t & 0xFFFFu) + (t >> 16));
    }
    return (uint16_t)~acc;
}
