/*
 * class: hash
 * variant: Thomas Wang's 32-bit integer hash applied to a tuple folded into one word
 *          (saddr ^ rotl(daddr, 16) ^ ports ^ proto): add-shift / xor-shift steps and a
 *          multiply by 2057.
 * computes: 32-bit hash of (saddr, daddr, sport, dport, proto), host-order values.
 */
// clara-corpus: class=hash entry=wang_tuple signature=tuple5_u32 ref=flow5-wang helpers=wang32
#include <stddef.h>
#include <stdint.h>

static uint32_t wang32(uint32_t key)
{
    key = ~key + (key << 15);
    key = key ^ (key >> 12);
    key = key + (key << 2);
    key = key ^ (key >> 4);
    key = key * 2057u;
    key = key ^ (key >> 16);
    return key;
}

uint32_t wang_tuple(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    uint32_t k = saddr ^ ((daddr << 16) | (daddr >> 16)) ^ ((uint32_t)sport << 16 | dport) ^ proto;
    return wang32(k);
}
