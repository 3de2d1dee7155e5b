/*
 * class: crc
 * variant: CRC-8/AUTOSAR bit by bit, MSB first: the byte is xored into the register, eight
 *          steps shift left and xor the polynomial 0x2F when the top bit was set (tested on the
 *          register before the shift).
 * computes: CRC-8/AUTOSAR: init 0xFF, not reflected, xorout 0xFF.
 */
// clara-corpus: class=crc entry=crc8_autosar signature=buf_len_u8 ref=crc-8/autosar
#include <stddef.h>
#include <stdint.h>

uint8_t crc8_autosar(const uint8_t *p, size_t n)
{
    uint8_t r = 0xFF;
    for (size_t i = 0; i < n; ++i) {
        r ^= p[i];
        for (int k = 8; k > 0; --k)
            r = (r & 0x80) ? (uint8_t)((r << 1) ^ 0x2F) : (uint8_t)(r << 1);
    }
    return (uint8_t)(r ^ 0xFF);
}
