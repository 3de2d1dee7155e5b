/*
 * class: checksum
 * variant: IPv4 header checksum over the ten 16-bit words of a 20-byte header, skipping word 5
 *          (the checksum field) inside the loop instead of assuming it is zero.
 * computes: the header checksum field value, big-endian word value.
 */
// clara-corpus: class=checksum entry=iph_csum_skip signature=hdr20_u16 ref=ipv4-hdr
#include <stddef.h>
#include <stdint.h>

uint16_t iph_csum_skip(const uint8_t *iph)
{
    uint32_t s = 0;
    for (int w = 0; w < 10; w++) {
        if (w == 5)
            continue;
        s += (uint32_t)iph[2 * w] << 8 | iph[2 * w + 1];
    }
    s = (s >> 16) + (s & 0xffff);
    s = (s >> 16) + (s & 0xffff);
    return (uint16_t)~s;
}
