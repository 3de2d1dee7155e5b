/*
 * class: crc
 * variant: CRC-16/CCITT-FALSE of the flow key as a bucket index: MSB-first table built on first
 *          use, the 13 key bytes taken from the tuple fields by shifts inside the loop (no key
 *          buffer), result widened to 32 bits.
 * computes: CRC-16/IBM-3740 of (saddr, daddr, sport, dport, proto) packed big-endian.
 */
// clara-corpus: class=crc entry=flow_crc16 signature=tuple5_u32 ref=flow5-crc16 helpers=f16_init,key_byte
#include <stddef.h>
#include <stdint.h>

static uint16_t f16_tab[256];
static int f16_ok;

static void f16_init(void)
{
    for (int v = 0; v < 256; v++) {
        uint16_t r = (uint16_t)(v << 8);
        for (int b = 0; b < 8; b++)
            r = (uint16_t)((r & 0x8000) ? (r << 1) ^ 0x1021 : r << 1);
        f16_tab[v] = r;
    }
    f16_ok = 1;
}

static uint8_t key_byte(uint32_t s, uint32_t d, uint32_t ports, uint8_t proto, int i)
{
    if (i < 4)
        return (uint8_t)(s >> (24 - 8 * i));
    if (i < 8)
        return (uint8_t)(d >> (24 - 8 * (i - 4)));
    if (i < 12)
        return (uint8_t)(ports >> (24 - 8 * (i - 8)));
    return proto;
}

uint32_t flow_crc16(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    uint32_t ports = (uint32_t)sport << 16 | dport;
    uint16_t r = 0xFFFF;
    if (!f16_ok)
        f16_init();
    for (int i = 0; i < 13; i++)
        r = (uint16_t)((r << 8) ^ f16_tab[((r >> 8) ^ key_byte(saddr, daddr, ports, proto, i)) & 0xFF]);
    return r;
}
