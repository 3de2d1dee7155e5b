/*
 * class: crc
 * variant: MSB-first 16-bit table CRC with polynomial 0x1021, table built at first use; the
 *          register is inverted on return (CRC-16/GENIBUS, a.k.a. CRC-16/DARC / EPC).
 * computes: CRC-16/GENIBUS: init 0xFFFF, not reflected, xorout 0xFFFF.
 */
// clara-corpus: class=crc entry=genibus_crc signature=buf_len_u16 ref=crc-16/genibus helpers=genibus_init
#include <stddef.h>
#include <stdint.h>

static uint16_t gtab[256];
static int gtab_ok;

static void genibus_init(void)
{
    for (int v = 0; v < 256; v++) {
        uint16_t r = (uint16_t)(v << 8);
        for (int b = 0; b < 8; b++)
            r = (uint16_t)((r & 0x8000) ? (r << 1) ^ 0x1021 : r << 1);
        gtab[v] = r;
    }
    gtab_ok = 1;
}

uint16_t genibus_crc(const uint8_t *d, size_t n)
{
    uint16_t r = 0xFFFF;
    if (!gtab_ok)
        genibus_init();
    while (n-- > 0)
        r = (uint16_t)((r << 8) ^ gtab[((r >> 8) ^ *d++) & 0xFF]);
    return (uint16_t)(r ^ 0xFFFF);
}
