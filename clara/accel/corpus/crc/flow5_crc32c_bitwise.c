/*
 * class: crc
 * variant: CRC-32C over a flow key struct copied byte by byte (fixed 13 bytes, network order),
 *          bit by bit with a mask-select of the reflected Castagnoli polynomial; used as a
 *          queue-selection hash.
 * computes: CRC-32C (iSCSI) of (saddr, daddr, sport, dport, proto) packed big-endian.
 */
// clara-corpus: class=crc entry=flow_crc32c signature=tuple5_u32 ref=flow5-crc32c
#include <stddef.h>
#include <stdint.h>

struct flow_key {
    uint8_t b[13];
};

uint32_t flow_crc32c(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
                     uint8_t proto)
{
    struct flow_key k;
    uint32_t words[2] = {saddr, daddr};
    for (int w = 0; w < 2; w++)
        for (int i = 0; i < 4; i++)
            k.b[4 * w + i] = (uint8_t)(words[w] >> (24 - 8 * i));
    k.b[8] = (uint8_t)(sport >> 8);
    k.b[9] = (uint8_t)(sport & 0xff);
    k.b[10] = (uint8_t)(dport >> 8);
    k.b[11] = (uint8_t)(dport & 0xff);
    k.b[12] = proto;
    uint32_t crc = ~0u;
    for (unsigned i = 0; i < sizeof k.b; i++) {
        crc ^= k.b[i];
        for (int bit = 0; bit < 8; bit++)
            crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1u)));
    }
    return ~crc;
}
