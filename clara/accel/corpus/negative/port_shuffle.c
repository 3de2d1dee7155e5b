/*
 * class:    none (negative example)
 * variant:  ephemeral-port randomisation: a Fisher-Yates shuffle of a port array driven by a
 *           xorshift32 generator (the swap partner is an index computed from generator output).
 * computes: permutes ports[0..n) in place; returns the final generator state.
 */
// clara-corpus: class=none entry=shuffle_ports signature=custom
#include <stdint.h>
#include <stddef.h>

uint32_t shuffle_ports(uint16_t *ports, size_t n, uint32_t state)
{
    for (size_t i = n; i > 1; i--) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        size_t j = state % i;
        uint16_t t = ports[i - 1];
        ports[i - 1] = ports[j];
        ports[j] = t;
    }
    return state;
}
