/*
 * class: crc
 * variant: non-reflected (MSB-first) CRC-32 with a table computed at first use, the index taken
 *          from the top byte of the register, as in the POSIX cksum algorithm (without the
 *          length suffix cksum appends).
 * computes: CRC-32/CKSUM: polynomial 0x04C11DB7, init 0, not reflected, xorout 0xFFFFFFFF.
 */
// clara-corpus: class=crc entry=cksum_crc32 signature=buf_len_u32 ref=crc-32/cksum helpers=cksum_table_fill
#include <stddef.h>
#include <stdint.h>

static uint32_t msb_table[256];
static int msb_table_ok;

static void cksum_table_fill(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t r = i << 24;
        for (int b = 0; b < 8; b++)
            r = (r & 0x80000000u) ? (r << 1) ^ 0x04C11DB7u : r << 1;
        msb_table[i] = r;
    }
    msb_table_ok = 1;
}

uint32_t cksum_crc32(const uint8_t *buf, size_t n)
{
    uint32_t r = 0;
    if (!msb_table_ok)
        cksum_table_fill();
    for (size_t i = 0; i < n; i++)
        r = (r << 8) ^ msb_table[(r >> 24) ^ buf[i]];
    return ~r;
}
