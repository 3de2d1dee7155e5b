/*
 * class: checksum
 * variant: UDP-over-IPv4 checksum: builds the 12-byte pseudo-header in a local array
 *          (src, dst, zero, proto, length), sums it and the datagram with one helper that
 *          carries a running 32-bit sum across calls, maps a computed 0 to 0xFFFF (RFC 768).
 * computes: the UDP checksum field value (big-endian word value); l4 has its checksum zeroed.
 */
// clara-corpus: class=checksum entry=udp4_csum signature=pseudo4_u16 ref=inet-pseudo-udp helpers=sum_be16
#include <stddef.h>
#include <stdint.h>

static uint32_t sum_be16(uint32_t running, const uint8_t *p, size_t n)
{
    while (n >= 2) {
        running += (uint32_t)((p[0] << 8) | p[1]);
        p += 2;
        n -= 2;
    }
    if (n)
        running += (uint32_t)p[0] << 8;
    return running;
}

uint16_t udp4_csum(uint32_t src, uint32_t dst, uint8_t proto, const uint8_t *dgram, size_t len)
{
    uint8_t ph[12];
    uint32_t acc;
    uint16_t ck;

    ph[0] = (uint8_t)(src >> 24);
    ph[1] = (uint8_t)(src >> 16);
    ph[2] = (uint8_t)(src >> 8);
    ph[3] = (uint8_t)src;
    ph[4] = (uint8_t)(dst >> 24);
    ph[5] = (uint8_t)(dst >> 16);
    ph[6] = (uint8_t)(dst >> 8);
    ph[7] = (uint8_t)dst;
    ph[8] = 0;
    ph[9] = proto;
    ph[10] = (uint8_t)(len >> 8);
    ph[11] = (uint8_t)len;
    acc = sum_be16(0, ph, sizeof ph);
    acc = sum_be16(acc, dgram, len);
    acc = (acc >> 16) + (acc & 0xFFFF);
    acc += acc >> 16;
    ck = (uint16_t)~acc;
    return ck == 0 ? 0xFFFF : ck;
}
