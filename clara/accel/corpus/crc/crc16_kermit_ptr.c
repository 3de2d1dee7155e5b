/*
 * class: crc
 * variant: CRC-16/KERMIT (the reflected CCITT CRC, as in HDLC/X.25 without inversion),
 *          bitwise with pointer walk, data bit and register bit compared separately
 *          (bit-serial hardware emulation style).
 * computes: CRC-16/KERMIT.
 * parameters: width 16, poly 0x1021 (reflected 0x8408), init 0x0000, refin/refout true,
 *             xorout 0x0000, check("123456789") = 0x2189.
 */
// clara-corpus: class=crc entry=kermit_crc signature=buf_len_u16 ref=crc-16/kermit
#include <stddef.h>
#include <stdint.h>

uint16_t kermit_crc(const uint8_t *s, size_t n)
{
    const uint8_t *end = s + n;
    uint16_t fcs = 0;

    for (const uint8_t *q = s; q != end; q++) {
        uint8_t octet = *q;
        for (int i = 0; i < 8; i++) {
            unsigned fb = (fcs ^ octet) & 1u;
            fcs >>= 1;
            if (fb)
                fcs ^= 0x8408u;
            octet >>= 1;
        }
    }
    return fcs;
}
