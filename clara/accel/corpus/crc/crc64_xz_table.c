/*
 * class: crc
 * variant: CRC-64/XZ (the reflected ECMA-182 polynomial with inversion, as used by xz/lzma),
 *          256-entry uint64_t table built on first use, pointer/end loop, running-value API.
 * computes: CRC-64/XZ (a.k.a. CRC-64/GO-ECMA).
 * parameters: width 64, poly 0x42F0E1EBA9EA3693 (reflected 0xC96C5795D7870F42), init all ones,
 *             refin/refout true, xorout all ones, check("123456789") = 0x995DC9BBDF1939FA.
 */
// clara-corpus: class=crc entry=xz_crc64 signature=update_u64 ref=crc-64/xz helpers=xz_crc64_table_gen
#include <stddef.h>
#include <stdint.h>

static uint64_t xz64_tab[256];

static void xz_crc64_table_gen(void)
{
    const uint64_t poly = 0xC96C5795D7870F42ull;
    for (int i = 0; i < 256; ++i) {
        uint64_t c = (uint64_t)i;
        for (int j = 0; j < 8; ++j)
            c = (c & 1) ? (c >> 1) ^ poly : (c >> 1);
        xz64_tab[i] = c;
    }
}

uint64_t xz_crc64(uint64_t crc, const uint8_t *buf, size_t size)
{
    const uint8_t *const end = buf + size;
    if (xz64_tab[128] == 0)
        xz_crc64_table_gen();
    crc = ~crc;
    while (buf < end)
        crc = xz64_tab[(uint8_t)crc ^ *buf++] ^ (crc >> 8);
    return ~crc;
}
