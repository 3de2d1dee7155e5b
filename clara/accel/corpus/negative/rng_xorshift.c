/*
 * class:    none (negative example)
 * variant:  xorshift64* generator (Marsaglia shifts 12/25/27, multiplier
 *           0x2545F4914F6CDD1D): bit mixing of a private state, not hashing of a buffer.
 * computes: next 64-bit output; *s is advanced.
 */
// clara-corpus: class=none entry=xorshift64star signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

uint64_t xorshift64star(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1Dull;
}
