/*
 * class: crc
 * variant: CRC-32C (Castagnoli) with a zlib-style running-value API: the previous CRC is
 *          un-inverted on entry and inverted on return, so calls chain; the reflected table
 *          (0x82F63B78) is built on first use with a nested loop.
 * computes: CRC-32C: init 0xFFFFFFFF, reflected, xorout 0xFFFFFFFF (chainable).
 */
// clara-corpus: class=crc entry=crc32c_update signature=update_u32 ref=crc-32/iscsi helpers=c32c_init
#include <stddef.h>
#include <stdint.h>

static uint32_t c32c_table[256];
static int c32c_ready;

static void c32c_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t v = i;
        for (int j = 0; j < 8; j++)
            v = (v >> 1) ^ (0x82F63B78u & (0u - (v & 1u)));
        c32c_table[i] = v;
    }
    c32c_ready = 1;
}

uint32_t crc32c_update(uint32_t prev, const uint8_t *buf, size_t len)
{
    uint32_t crc = ~prev;
    if (!c32c_ready)
        c32c_init();
    for (size_t i = 0; i < len; i++)
        crc = c32c_table[(uint8_t)(crc ^ buf[i])] ^ (crc >> 8);
    return ~crc;
}
