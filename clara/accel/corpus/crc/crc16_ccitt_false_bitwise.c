/*
 * class: crc
 * variant: CRC-16/CCITT-FALSE (a.k.a. CRC-16/IBM-3740), MSB-first bitwise, byte shifted into
 *          the top of the register, test of bit 15 before the shift.
 * computes: the "CCITT" CRC used by many serial protocols and file formats.
 * parameters: width 16, poly 0x1021, init 0xFFFF, refin/refout false, xorout 0x0000,
 *             check("123456789") = 0x29B1.
 */
// clara-corpus: class=crc entry=crc16_ccitt signature=buf_len_u16 ref=crc-16/ibm-3740
#include <stddef.h>
#include <stdint.h>

#define CCITT_POLY 0x1021u

uint16_t crc16_ccitt(const uint8_t *buf, size_t len)
{
    uint16_t crc = 0xFFFF;
    for (size_t i = 0; i < len; ++i) {
        crc ^= (uint16_t)((uint16_t)buf[i] << 8);
        for (int k = 0; k < 8; ++k) {
            if (crc & 0x8000u)
                crc = (uint16_t)((crc << 1) ^ CCITT_POLY);
            else
                crc = (uint16_t)(crc << 1);
        }
    }
    return crc;
}
