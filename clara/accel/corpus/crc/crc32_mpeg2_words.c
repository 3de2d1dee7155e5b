/*
 * class: crc
 * variant: CRC-32/MPEG-2, MSB-first bitwise, consumes the input as big-endian 32-bit words
 *          (32 shift steps per word) with a byte-wise bitwise tail; the form used for MPEG-TS
 *          PSI sections (PAT/PMT) in set-top and middlebox code.
 * computes: CRC-32/MPEG-2.
 * parameters: width 32, poly 0x04C11DB7, init 0xFFFFFFFF, refin/refout false, xorout 0x00000000,
 *             check("123456789") = 0x0376E6E7.
 */
// clara-corpus: class=crc entry=psi_crc32 signature=buf_len_u32 ref=crc-32/mpeg-2
#include <stddef.h>
#include <stdint.h>

uint32_t psi_crc32(const uint8_t *sec, size_t len)
{
    uint32_t r = 0xFFFFFFFFu;
    size_t nwords = len / 4, w;

    for (w = 0; w < nwords; w++) {
        const uint8_t *q = sec + 4 * w;
        uint32_t word = ((uint32_t)q[0] << 24) | ((uint32_t)q[1] << 16) |
                        ((uint32_t)q[2] << 8) | (uint32_t)q[3];
        r ^= word;
        for (int i = 0; i < 32; i++)
            r = (r & 0x80000000u) ? (r << 1) ^ 0x04C11DB7u : (r << 1);
    }
    for (size_t t = nwords * 4; t < len; t++) {
        r ^= (uint32_t)sec[t] << 24;
        for (int i = 0; i < 8; i++)
            r = (r & 0x80000000u) ? (r << 1) ^ 0x04C11DB7u : (r << 1);
    }
    return r;
}
