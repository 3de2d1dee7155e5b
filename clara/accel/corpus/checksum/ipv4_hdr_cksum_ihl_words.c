/*
 * class: checksum
 * variant: IPv4 header checksum over `ihl` 32-bit words read as big-endian integers (the
 *          caller passes 20 bytes, ihl = 5), checksum field masked out of word 2, 64-bit sum
 *          folded with a loop.
 * computes: the header checksum field value, big-endian word value.
 */
// clara-corpus: class=checksum entry=ipv4_csum_ihl5 signature=hdr20_u16 ref=ipv4-hdr
#include <stddef.h>
#include <stdint.h>

uint16_t ipv4_csum_ihl5(const uint8_t *h)
{
    const unsigned ihl = 5;
    uint64_t s = 0;
    for (unsigned k = 0; k < ihl; k++) {
        uint32_t word = (uint32_t)h[4 * k] << 24 | (uint32_t)h[4 * k + 1] << 16 |
                        (uint32_t)h[4 * k + 2] << 8 | h[4 * k + 3];
        if (k == 2)
            word &= 0xffff0000u;
        s += word;
    }
    do {
        s = (s & 0xffff) + (s >> 16);
    } while (s > 0xffff);
    return (uint16_t)~s;
}
