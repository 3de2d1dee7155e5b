/*
 * class: hash
 * variant: connection-table hash over a 4-word key array (addresses, ports, protocol), one
 *          murmur-style scramble per word in a counted loop (multiply, rotate 15, multiply,
 *          xor into h, rotate 13, h * 5 + c), then the fmix32 finalizer.
 * computes: 32-bit hash of (saddr, daddr, sport, dport, proto), host-order values.
 */
// clara-corpus: class=hash entry=conn_hash4 signature=tuple5_u32 ref=flow5-rounds4
#include <stddef.h>
#include <stdint.h>

#define ROTL(x, r) (((x) << (r)) | ((x) >> (32 - (r))))

uint32_t conn_hash4(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    uint32_t key[4] = {saddr, daddr, (uint32_t)sport << 16 | dport, proto};
    uint32_t h = 0x6A09E667u;
    for (int i = 0; i < 4; i++) {
        uint32_t k = key[i] * 0xCC9E2D51u;
        k = ROTL(k, 15) * 0x1B873593u;
        h ^= k;
        h = ROTL(h, 13) * 5 + 0xE6546B64u;
    }
    h ^= 16;
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    return h ^ (h >> 16);
}
