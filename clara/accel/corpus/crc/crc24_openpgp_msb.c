/*
 * class: crc
 * variant: CRC-24 as in OpenPGP (RFC 4880 section 6.1): MSB first in a 32-bit register, each
 *          byte shifted into bits 23..16, eight steps testing bit 24 after the shift, result
 *          masked to 24 bits.
 * computes: CRC-24/OPENPGP: polynomial 0x864CFB, init 0xB704CE, not reflected, xorout 0.
 */
// clara-corpus: class=crc entry=crc24_openpgp signature=buf_len_u32 ref=crc-24/openpgp
#include <stddef.h>
#include <stdint.h>

#define CRC24_INIT 0xB704CEu
#define CRC24_POLY 0x1864CFBu

uint32_t crc24_openpgp(const uint8_t *octets, size_t len)
{
    uint32_t crc = CRC24_INIT;
    for (size_t i = 0; i < len; i++) {
        crc ^= (uint32_t)octets[i] << 16;
        for (int k = 0; k < 8; k++) {
            crc <<= 1;
            if (crc & 0x1000000u)
                crc ^= CRC24_POLY;
        }
    }
    return crc & 0xFFFFFFu;
}
