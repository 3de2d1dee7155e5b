/*
 * class: crc
 * variant: CRC-64/GO-ISO (the ISO 3309 polynomial x^64 + x^4 + x^3 + x + 1), reflected bitwise
 *          with the polynomial as a 64-bit mask selected by the low bit, index loop, 64-bit
 *          register.
 * computes: CRC-64/GO-ISO, as used by Go's hash/crc64 ISO table and some storage formats.
 * parameters: width 64, poly 0x000000000000001B (reflected 0xD800000000000000), init all ones,
 *             refin/refout true, xorout all ones, check("123456789") = 0xB90956C775A41001.
 */
// clara-corpus: class=crc entry=crc64_iso signature=buf_len_u64 ref=crc-64/go-iso
#include <stddef.h>
#include <stdint.h>

uint64_t crc64_iso(const uint8_t *buf, size_t len)
{
    uint64_t v = ~(uint64_t)0;
    for (size_t i = 0; i < len; i++) {
        v ^= buf[i];
        for (unsigned j = 0; j < 8; j++)
            v = (v >> 1) ^ (0xD800000000000000ull & (0 - (v & 1)));
    }
    return ~v;
}
