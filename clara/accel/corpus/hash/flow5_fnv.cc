/*
 * class: hash  (C++17 file: .cc)
 * variant: 5-tuple flow hash: the tuple is serialised into a 13-byte network-order key
 *          (saddr, daddr, sport, dport, proto) by a small struct method, then hashed with
 *          FNV-1a 32; entry exported with C linkage.
 * computes: 32-bit FNV-1a of the 13-byte key.
 * parameters: FNV-1a 32 (basis 0x811C9DC5, prime 0x01000193).
 */
// clara-corpus: class=hash entry=flow_key_hash signature=tuple5_u32 ref=flow5-fnv lang=c++
#include <stddef.h>
#include <stdint.h>

namespace flowtab {

struct FlowKey {
    uint32_t src, dst;
    uint16_t sp, dp;
    uint8_t proto;

    size_t pack(uint8_t out[13]) const
    {
        size_t n = 0;
        for (int s = 24; s >= 0; s -= 8)
            out[n++] = static_cast<uint8_t>(src >> s);
        for (int s = 24; s >= 0; s -= 8)
            out[n++] = static_cast<uint8_t>(dst >> s);
        out[n++] = static_cast<uint8_t>(sp >> 8);
        out[n++] = static_cast<uint8_t>(sp);
        out[n++] = static_cast<uint8_t>(dp >> 8);
        out[n++] = static_cast<uint8_t>(dp);
        out[n++] = proto;
        return n;
    }
};

inline uint32_t fnv1a(const uint8_t *p, size_t n)
{
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < n; ++i)
        h = (h ^ p[i]) * 0x01000193u;
    return h;
}

}  // namespace flowtab

extern "C" uint32_t flow_key_hash(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
                                  uint8_t proto)
{
    flowtab::FlowKey key{saddr, daddr, sport, dport, proto};
    uint8_t bytes[13];
    size_t n = key.pack(bytes);
    return flowtab::fnv1a(bytes, n);
}
