/*
 * class: hash
 * variant: multiplicative (Fibonacci) chaining over the tuple: h = h * 0x9e3779b1 + word for
 *          saddr, daddr, ports and proto, then one xor-shift (the hash_32-style bucket hash).
 * computes: 32-bit hash of (saddr, daddr, sport, dport, proto), host-order values.
 */
// clara-corpus: class=hash entry=fib_tuple_hash signature=tuple5_u32 ref=flow5-fib
#include <stddef.h>
#include <stdint.h>

#define GOLDEN32 0x9e3779b1u

uint32_t fib_tuple_hash(uint32_t s, uint32_t d, uint16_t sp, uint16_t dp, uint8_t proto)
{
    uint32_t h = s * GOLDEN32 + d;
    h = h * GOLDEN32 + ((uint32_t)sp << 16 | dp);
    h = h * GOLDEN32 + proto;
    return h ^ (h >> 15);
}
