/*
 * class: crc
 * variant: CRC-8/MAXIM (Dallas 1-Wire), reflected, table built by an explicit init function
 *          that the entry calls once, loop counts the remaining bytes down.
 * computes: the 1-Wire ROM / DS18B20 scratchpad CRC.
 * parameters: width 8, poly 0x31 (reflected 0x8C), init 0x00, refin/refout true, xorout 0x00,
 *             check("123456789") = 0xA1.
 */
// clara-corpus: class=crc entry=onewire_crc8 signature=buf_len_u8 ref=crc-8/maxim-dow helpers=onewire_crc8_init
#include <stddef.h>
#include <stdint.h>

static uint8_t ow_lut[256];
static uint8_t ow_lut_valid = 0;

static void onewire_crc8_init(void)
{
    for (int v = 0; v < 256; v++) {
        uint8_t x = (uint8_t)v;
        for (int i = 0; i < 8; i++)
            x = (uint8_t)((x & 0x01) ? ((x >> 1) ^ 0x8C) : (x >> 1));
        ow_lut[v] = x;
    }
    ow_lut_valid = 1;
}

uint8_t onewire_crc8(const uint8_t *rom, size_t remaining)
{
    uint8_t h = 0;
    if (!ow_lut_valid)
        onewire_crc8_init();
    while (remaining > 0) {
        h = ow_lut[h ^ *rom];
        ++rom;
        --remaining;
    }
    return h;
}
