/*
 * class: crc
 * variant: CRC-32C, reflected bitwise over 32-bit little-endian words: each word is xored into
 *          the register whole and 32 single-bit steps follow; trailing bytes one at a time.
 *          Uses a ternary-free multiply by the low bit.
 * computes: CRC-32/ISCSI.
 * parameters: reflected poly 0x82F63B78, init 0xFFFFFFFF, xorout 0xFFFFFFFF, check 0xE3069283.
 */
// clara-corpus: class=crc entry=crc32c_wordwise signature=buf_len_u32 ref=crc-32/iscsi
#include <stddef.h>
#include <stdint.h>

uint32_t crc32c_wordwise(const uint8_t *in, size_t len)
{
    uint32_t x = 0xFFFFFFFFu;
    size_t off = 0;

    for (; off + 4 <= len; off += 4) {
        x ^= (uint32_t)in[off] | (uint32_t)in[off + 1] << 8 |
             (uint32_t)in[off + 2] << 16 | (uint32_t)in[off + 3] << 24;
        for (unsigned b = 0; b < 32; b++)
            x = (x >> 1) ^ (0x82F63B78u * (x & 1u));
    }
    for (; off < len; off++) {
        x ^= in[off];
        for (unsigned b = 0; b < 8; b++)
            x = (x >> 1) ^ (0x82F63B78u * (x & 1u));
    }
    return ~x;
}
