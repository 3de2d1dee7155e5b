/*
 * class: crc
 * variant: CRC-32 (IEEE), reflected, 16-entry nibble table (two lookups per byte), the
 *          small-footprint choice for microcontrollers. Const literal table.
 * computes: CRC-32/ISO-HDLC.
 * parameters: reflected poly 0xEDB88320, init 0xFFFFFFFF, xorout 0xFFFFFFFF, check 0xCBF43926.
 */
// clara-corpus: class=crc entry=crc32_nibble signature=buf_len_u32 ref=crc-32/iso-hdlc
#include <stddef.h>
#include <stdint.h>

static const uint32_t nib_tab[16] = {
    0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu,
    0x76DC4190u, 0x6B6B51F4u, 0x4DB26158u, 0x5005713Cu,
    0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
    0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu,
};

uint32_t crc32_nibble(const uint8_t *msg, size_t n)
{
    uint32_t acc = 0xFFFFFFFFu;
    size_t idx;

    for (idx = 0; idx < n; ++idx) {
        acc ^= (uint32_t)msg[idx];
        acc = (acc >> 4) ^ nib_tab[acc & 0x0F];
        acc = (acc >> 4) ^ nib_tab[acc & 0x0F];
    }
    return ~acc;
}
