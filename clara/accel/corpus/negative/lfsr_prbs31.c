/*
 * class:    none (negative example)
 * variant:  PRBS-31 test-pattern generator (x^31 + x^28 + 1 linear feedback shift register,
 *           as used by link testers), producing bytes MSB first, eight register steps per byte.
 * computes: fills out[0..n) with the PRBS-31 stream; returns the register state.
 */
// clara-corpus: class=none entry=prbs31_fill signature=custom
#include <stdint.h>
#include <stddef.h>

uint32_t prbs31_fill(uint32_t state, uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = 0;
        for (int b = 0; b < 8; b++) {
            uint32_t fb = ((state >> 30) ^ (state >> 27)) & 1u;
            state = ((state << 1) | fb) & 0x7fffffffu;
            byte = (uint8_t)((byte << 1) | fb);
        }
        out[i] = byte;
    }
    return state;
}
