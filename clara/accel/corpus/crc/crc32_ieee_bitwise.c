/*
 * class: crc
 * variant: CRC-32 (IEEE 802.3), bitwise, reflected (LSB-first), indexed for-loops,
 *          conditional xor on the low bit.
 * computes: the CRC-32 used by Ethernet, zlib, PNG over a byte buffer.
 * parameters: width 32, poly 0x04C11DB7 (reflected 0xEDB88320), init 0xFFFFFFFF,
 *             refin/refout true, xorout 0xFFFFFFFF, check("123456789") = 0xCBF43926.
 */
// clara-corpus: class=crc entry=crc32_ieee_bitwise signature=buf_len_u32 ref=crc-32/iso-hdlc
#include <stddef.h>
#include <stdint.h>

#define CRC32_POLY_REFLECTED 0xEDB88320u

uint32_t crc32_ieee_bitwise(const uint8_t *buf, size_t len)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < len; i++) {
        crc ^= buf[i];
        for (int bit = 0; bit < 8; bit++) {
            if (crc & 1u)
                crc = (crc >> 1) ^ CRC32_POLY_REFLECTED;
            else
                crc >>= 1;
        }
    }
    return crc ^ 0xFFFFFFFFu;
}
