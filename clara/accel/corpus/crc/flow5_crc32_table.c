/*
 * class: crc
 * variant: CRC-32 of a fixed 13-byte flow key (a load balancer's bucket choice): the tuple is
 *          packed in network order into a local array and the byte-table CRC runs a counted
 *          13-step loop; the reflected table is built on first use.
 * computes: CRC-32/ISO-HDLC of (saddr, daddr, sport, dport, proto) packed big-endian.
 */
// clara-corpus: class=crc entry=flow_crc32 signature=tuple5_u32 ref=flow5-crc32 helpers=fc_table_init
#include <stddef.h>
#include <stdint.h>

static uint32_t fc_table[256];
static int fc_ready;

static void fc_table_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ ((c & 1) ? 0xEDB88320u : 0);
        fc_table[i] = c;
    }
    fc_ready = 1;
}

uint32_t flow_crc32(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    uint8_t key[13];
    for (int i = 0; i < 4; i++) {
        key[i] = (uint8_t)(saddr >> (24 - 8 * i));
        key[4 + i] = (uint8_t)(daddr >> (24 - 8 * i));
    }
    key[8] = (uint8_t)(sport >> 8);
    key[9] = (uint8_t)sport;
    key[10] = (uint8_t)(dport >> 8);
    key[11] = (uint8_t)dport;
    key[12] = proto;
    if (!fc_ready)
        fc_table_init();
    uint32_t crc = 0xFFFFFFFFu;
    for (int i = 0; i < 13; ++i)
        crc = fc_table[(crc ^ key[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
