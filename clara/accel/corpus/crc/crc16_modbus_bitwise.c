/*
 * class: crc
 * variant: CRC-16/MODBUS, reflected bitwise, while loops, the low bit saved before the shift.
 * computes: the Modbus RTU CRC as found in PLC firmware.
 * parameters: width 16, reflected poly 0xA001, init 0xFFFF, xorout 0x0000, check = 0x4B37.
 */
// clara-corpus: class=crc entry=mb_rtu_crc signature=buf_len_u16 ref=crc-16/modbus
#include <stddef.h>
#include <stdint.h>

uint16_t mb_rtu_crc(const uint8_t *pdu, size_t pdu_len)
{
    uint16_t crc = 0xFFFFu;
    size_t n = 0;

    while (n < pdu_len) {
        int shifts = 0;
        crc ^= (uint16_t)pdu[n++];
        while (shifts++ < 8) {
            int lsb = crc & 0x0001;
            crc >>= 1;
            if (lsb)
                crc ^= 0xA001u;
        }
    }
    return crc;
}
