/*
 * class:    none (negative example)
 * variant:  a naive TCP initial sequence number source: a base value plus the clock scaled to
 *           the 4-microsecond tick and a per-connection counter; no hashing of the tuple at
 *           all (the RFC 793 clock scheme that RFC 6528 replaced).
 * computes: isn_next returns base + (clock / 4) * 64 + n for the n-th call since isn_reset(base).
 */
// clara-corpus: class=none entry=isn_next signature=custom
#include <stdint.h>
#include <stddef.h>

static uint32_t isn_base, isn_count;

void isn_reset(uint32_t base)
{
    isn_base = base;
    isn_count = 0;
}

uint32_t isn_next(uint32_t clock_us)
{
    uint32_t ticks = clock_us >> 2;
    return isn_base + ticks * 64u + isn_count++;
}
