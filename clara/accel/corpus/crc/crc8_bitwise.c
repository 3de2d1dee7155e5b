/*
 * class: crc
 * variant: CRC-8 bitwise, MSB-first, shift-then-test of the carried-out top bit held in an
 *          int, nested for loops.
 * computes: CRC-8/SMBUS.
 * parameters: width 8, poly 0x07, init 0x00, no reflection, xorout 0x00, check = 0xF4.
 */
// clara-corpus: class=crc entry=crc8_compute signature=buf_len_u8 ref=crc-8/smbus
#include <stddef.h>
#include <stdint.h>

uint8_t crc8_compute(const uint8_t *data, size_t len)
{
    unsigned int r = 0;
    for (size_t j = 0; j < len; j++) {
        r ^= data[j];
        for (unsigned b = 8; b > 0; b--) {
            r <<= 1;
            if (r & 0x100u)
                r ^= 0x107u;
        }
    }
    return (uint8_t)r;
}
