/*
 * class: hash
 * variant: 64-bit flow hash written by hand: the tuple is packed into two 64-bit words, each
 *          folded into the state with an xor, a multiply by an odd 64-bit constant and an
 *          xor-shift in a two-round loop, and the state is folded to 32 bits.
 * computes: 32-bit hash of (saddr, daddr, sport, dport, proto), host-order values.
 */
// clara-corpus: class=hash entry=flow_mix64 signature=tuple5_u32 ref=flow5-mix64
#include <stddef.h>
#include <stdint.h>

uint32_t flow_mix64(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    uint64_t w[2] = {(uint64_t)saddr << 32 | daddr,
                     (uint64_t)sport << 48 | (uint64_t)dport << 32 | proto};
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 2; i++) {
        h ^= w[i];
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    h *= 0x94D049BB133111EBull;
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}
