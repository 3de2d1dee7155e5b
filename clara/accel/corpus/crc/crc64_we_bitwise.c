/*
 * class: crc
 * variant: CRC-64/WE bit by bit, MSB first in a 64-bit register (the ECMA-182 polynomial with
 *          all-ones init and xorout), byte shifted into the top eight bits.
 * computes: CRC-64/WE: polynomial 0x42F0E1EBA9EA3693, init/xorout all ones, not reflected.
 */
// clara-corpus: class=crc entry=crc64_we signature=buf_len_u64 ref=crc-64/we
#include <stddef.h>
#include <stdint.h>

uint64_t crc64_we(const uint8_t *buf, size_t len)
{
    uint64_t crc = ~0ull;
    for (size_t i = 0; i < len; i++) {
        crc ^= (uint64_t)buf[i] << 56;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 63) ? (crc << 1) ^ 0x42F0E1EBA9EA3693ull : crc << 1;
    }
    return ~crc;
}
