/*
 * class: checksum
 * variant: IPv4 header checksum over five native 32-bit words of a local copy of the 20-byte
 *          header whose checksum field was cleared, 64-bit sum, fold 64->16, byte swap
 *          (little-endian host): the "ip_fast_csum" shape.
 * computes: the header checksum to store at bytes 10-11, big-endian word value.
 */
// clara-corpus: class=checksum entry=iph_checksum signature=hdr20_u16 ref=ipv4-hdr
#include <stddef.h>
#include <stdint.h>
#include <string.h>

uint16_t iph_checksum(const uint8_t *hdr)
{
    uint8_t copy[20];
    uint32_t w[5];
    uint64_t acc;
    int i;

    memcpy(copy, hdr, sizeof copy);
    copy[10] = 0;
    copy[11] = 0;
    memcpy(w, copy, sizeof w);
    acc = 0;
    for (i = 0; i < 5; i++)
        acc += w[i];
    acc = (acc >> 32) + (acc & 0xFFFFFFFFu);
    acc = (acc >> 16) + (acc & 0xFFFFu);
    acc = (acc >> 16) + (acc & 0xFFFFu);
    acc = (acc >> 16) + (acc & 0xFFFFu);
    uint16_t r = (uint16_t)~acc;
    return (uint16_t)((r & 0xFF) << 8 | r >> 8);
}
