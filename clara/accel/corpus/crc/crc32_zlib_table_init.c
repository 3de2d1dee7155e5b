/*
 * class: crc
 * variant: CRC-32 (IEEE), byte-wise table lookup, table computed lazily on first use,
 *          pointer walking with a while loop, zlib-style running value API
 *          (pass the previous result, 0 to start; pre/post inversion inside).
 * computes: CRC-32/ISO-HDLC, identical to zlib's crc32(prev, buf, len).
 * parameters: reflected poly 0xEDB88320, init 0xFFFFFFFF, xorout 0xFFFFFFFF, check 0xCBF43926.
 */
// clara-corpus: class=crc entry=zcrc32_update signature=update_u32 ref=crc-32/iso-hdlc helpers=zcrc_make_table
#include <stddef.h>
#include <stdint.h>

static uint32_t zcrc_table[256];
static int zcrc_table_ready;

static void zcrc_make_table(void)
{
    uint32_t n, k, c;
    for (n = 0; n < 256; n++) {
        c = n;
        for (k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        zcrc_table[n] = c;
    }
    zcrc_table_ready = 1;
}

uint32_t zcrc32_update(uint32_t prev, const uint8_t *p, size_t n)
{
    const uint8_t *end = p + n;
    uint32_t c;

    if (!zcrc_table_ready)
        zcrc_make_table();
    c = prev ^ 0xFFFFFFFFu;
    while (p != end)
        c = zcrc_table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}
