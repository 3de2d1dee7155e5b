/*
 * class:    none (negative example)
 * variant:  two's-complement 8-bit checksum as used by IPMI/PMBus-style management frames
 *           (the byte that makes the 8-bit sum zero) and its verification.
 * computes: zero_sum8 returns (-sum(bytes)) mod 256; zero_sum_ok checks a frame ending in it.
 */
// clara-corpus: class=none entry=zero_sum8 signature=custom
#include <stdint.h>
#include <stddef.h>

uint8_t zero_sum8(const uint8_t *p, size_t n)
{
    uint8_t s = 0;
    for (size_t i = 0; i < n; i++)
        s = (uint8_t)(s + p[i]);
    return (uint8_t)(0x100 - s);
}

int zero_sum_ok(const uint8_t *frame, size_t n)
{
    uint8_t s = 0;
    for (size_t i = 0; i < n; i++)
        s = (uint8_t)(s + frame[i]);
    return s == 0;
}
