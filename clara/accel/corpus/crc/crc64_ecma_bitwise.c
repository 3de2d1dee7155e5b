/*
 * class: crc
 * variant: CRC-64/ECMA-182, MSB-first bitwise, 64-bit register, byte placed into the top
 *          8 bits, for/for loops.
 * computes: the ECMA-182 (DLT tape) CRC-64.
 * parameters: width 64, poly 0x42F0E1EBA9EA3693, init 0, refin/refout false, xorout 0,
 *             check("123456789") = 0x6C40DF5F0B497347.
 */
// clara-corpus: class=crc entry=crc64_ecma182 signature=buf_len_u64 ref=crc-64/ecma-182
#include <stddef.h>
#include <stdint.h>

#define ECMA182_POLY 0x42F0E1EBA9EA3693ull

uint64_t crc64_ecma182(const uint8_t *data, size_t n)
{
    uint64_t crc = 0;
    for (size_t i = 0; i < n; i++) {
        crc ^= (uint64_t)data[i] << 56;
        for (int b = 0; b < 8; b++)
            crc = (crc & (1ull << 63)) ? (crc << 1) ^ ECMA182_POLY : crc << 1;
    }
    return crc;
}
