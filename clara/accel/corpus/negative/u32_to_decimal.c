/*
 * class:    none (negative example)
 * variant:  unsigned-to-decimal conversion for log lines, dividing by 10 with the
 *           multiply-by-0xCCCCCCCD-and-shift trick in a 64-bit product, digits written
 *           backwards into a small buffer and copied out.
 * computes: writes the decimal digits of v to out (no terminator); returns their count.
 */
// clara-corpus: class=none entry=u32_to_dec signature=custom
#include <stdint.h>
#include <stddef.h>

static uint32_t div10(uint32_t v)
{
    return (uint32_t)(((uint64_t)v * 0xCCCCCCCDull) >> 35);
}

size_t u32_to_dec(uint32_t v, char *out)
{
    char tmp[10];
    size_t n = 0;
    do {
        uint32_t q = div10(v);
        tmp[n++] = (char)('0' + (v - q * 10));
        v = q;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}
