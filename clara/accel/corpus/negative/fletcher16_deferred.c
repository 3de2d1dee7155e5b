/*
 * class:    none (negative example)
 * variant:  Fletcher-16 (8-bit Fletcher as in RFC 1146's TCP alternate checksum): two running
 *           sums modulo 255 over the bytes, kept in 32-bit accumulators and reduced only every
 *           5802 bytes (the longest run that cannot overflow) by folding the high bits back in
 *           (256 = 1 mod 255). NOT the RFC 1071 Internet checksum that the `checksum` class
 *           means: the modulus is 255 not 65535, the second sum weights bytes by position, and
 *           there is no ones'-complement of 16-bit words.
 * computes: (sum2 << 8) | sum1 with both sums in 0..254 (e.g. "abcde" -> 0xC8F0).
 */
// clara-corpus: class=none entry=fletcher16 signature=custom
#include <stdint.h>
#include <stddef.h>

#define F16_BLOCK 5802

static uint32_t mod255(uint32_t s)
{
    while (s >> 8)
        s = (s & 0xffu) + (s >> 8);
    return s == 255u ? 0u : s;
}

uint16_t fletcher16(const uint8_t *buf, size_t len)
{
    uint32_t a = 0, b = 0;

    while (len) {
        size_t run = len < F16_BLOCK ? len : F16_BLOCK;
        len -= run;
        do {
            a += *buf++;
            b += a;
        } while (--run);
        a = mod255(a);
        b = mod255(b);
    }
    return (uint16_t)((b << 8) | a);
}
