/*
 * class: hash  (C++17 file: .cc)
 * variant: FNV-1a 64-bit as a C++ template functor parameterised by basis and prime, fed by a
 *          range-for over a small span-like view; entry exported with C linkage.
 * computes: 64-bit FNV-1a of a byte buffer.
 * parameters: offset basis 0xCBF29CE484222325, prime 0x100000001B3.
 */
// clara-corpus: class=hash entry=fnv1a64_cxx signature=buf_len_u64 ref=fnv1a-64 lang=c++
#include <stddef.h>
#include <stdint.h>

namespace {

struct ByteView {
    const uint8_t *b;
    size_t n;
    const uint8_t *begin() const { return b; }
    const uint8_t *end() const { return b + n; }
};

template <typename Word, Word Basis, Word Prime>
struct Fnv1a {
    Word operator()(ByteView v) const
    {
        Word h = Basis;
        for (uint8_t c : v) {
            h ^= static_cast<Word>(c);
            h *= Prime;
        }
        return h;
    }
};

using Fnv1a64 = Fnv1a<uint64_t, 0xCBF29CE484222325ULL, 0x100000001B3ULL>;

}  // namespace

extern "C" uint64_t fnv1a64_cxx(const uint8_t *data, size_t len)
{
    return Fnv1a64{}(ByteView{data, len});
}
