/*
 * class: hash
 * variant: MurmurHash3 x86_32 as a small C++ class (a running state with add_block(), tail
 *          and finish() members, the rotation a constexpr function), driven by a one-shot
 *          wrapper exported with C linkage.
 * computes: 32-bit MurmurHash3 (x86_32) of a byte buffer with a seed.
 */
// clara-corpus: class=hash entry=murmur3_cxx signature=buf_len_seed_u32 ref=murmur3-32 lang=c++
#include <stddef.h>
#include <stdint.h>
#include <string.h>

namespace {

constexpr uint32_t rotl(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

class Murmur3 {
public:
    explicit Murmur3(uint32_t seed) : h_(seed) {}

    void add_block(uint32_t k)
    {
        h_ ^= scramble(k);
        h_ = rotl(h_, 13) * 5 + 0xe6546b64u;
    }

    void add_tail(const uint8_t *t, size_t n)
    {
        uint32_t k = 0;
        for (size_t i = 0; i < n; i++)
            k |= static_cast<uint32_t>(t[i]) << (8 * i);
        if (n)
            h_ ^= scramble(k);
    }

    uint32_t finish(size_t total) const
    {
        uint32_t h = h_ ^ static_cast<uint32_t>(total);
        h ^= h >> 16;
        h *= 0x85ebca6bu;
        h ^= h >> 13;
        h *= 0xc2b2ae35u;
        return h ^ (h >> 16);
    }

private:
    static uint32_t scramble(uint32_t k) { return rotl(k * 0xcc9e2d51u, 15) * 0x1b873593u; }
    uint32_t h_;
};

}  // namespace

extern "C" uint32_t murmur3_cxx(const uint8_t *data, size_t len, uint32_t seed)
{
    Murmur3 st(seed);
    size_t off = 0;
    for (; off + 4 <= len; off += 4) {
        uint32_t k;
        memcpy(&k, data + off, 4);
        st.add_block(k);
    }
    st.add_tail(data + off, len - off);
    return st.finish(len);
}
