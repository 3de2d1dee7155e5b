/*
 * class: crc
 * variant: CRC-16/ARC (the "IBM"/"ANSI" CRC-16), reflected, 256-entry table built by an
 *          init function with a static guard, indexed loop.
 * computes: the CRC-16 of ARC archives, LHA, USB data packets (same poly).
 * parameters: width 16, poly 0x8005 (reflected 0xA001), init 0x0000, refin/refout true,
 *             xorout 0x0000, check("123456789") = 0xBB3D.
 */
// clara-corpus: class=crc entry=arc_crc16 signature=buf_len_u16 ref=crc-16/arc helpers=arc_crc16_build
#include <stddef.h>
#include <stdint.h>

static uint16_t arc_tab[256];

static void arc_crc16_build(uint16_t *t)
{
    for (unsigned i = 0; i < 256; i++) {
        uint16_t r = (uint16_t)i;
        for (unsigned j = 0; j < 8; j++)
            r = (uint16_t)((r >> 1) ^ ((r & 1u) ? 0xA001u : 0u));
        t[i] = r;
    }
}

uint16_t arc_crc16(const uint8_t *data, size_t len)
{
    static int built;
    uint16_t crc = 0;

    if (!built) {
        arc_crc16_build(arc_tab);
        built = 1;
    }
    for (size_t i = 0; i < len; i++)
        crc = (uint16_t)((crc >> 8) ^ arc_tab[(crc ^ data[i]) & 0xFF]);
    return crc;
}
