/*
 * class: crc
 * variant: CRC-16/MODBUS, reflected, nibble (16-entry) const table, low nibble first.
 * computes: the Modbus RTU frame CRC (transmitted low byte first).
 * parameters: width 16, poly 0x8005 (reflected 0xA001), init 0xFFFF, refin/refout true,
 *             xorout 0x0000, check("123456789") = 0x4B37.
 */
// clara-corpus: class=crc entry=modbus_crc_nibble signature=buf_len_u16 ref=crc-16/modbus
#include <stddef.h>
#include <stdint.h>

static const uint16_t mb_nibbles[16] = {
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,};

uint16_t modbus_crc_nibble(const uint8_t *frame, size_t size)
{
    uint16_t reg = 0xFFFF;
    for (size_t pos = 0; pos < size; pos++) {
        reg ^= frame[pos];
        reg = (uint16_t)((reg >> 4) ^ mb_nibbles[reg & 0xF]);
        reg = (uint16_t)((reg >> 4) ^ mb_nibbles[reg & 0xF]);
    }
    return reg;
}
