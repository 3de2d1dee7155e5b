/*
 * class: crc  (C++17 file: .cc)
 * variant: CRC-32 (IEEE), reflected, byte table generated at compile time by a constexpr
 *          function into a std-free array class, template policy for the polynomial, range
 *          loop over a pointer pair; entry exported with C linkage.
 * computes: CRC-32/ISO-HDLC; the template also instantiates with the Castagnoli polynomial.
 * parameters: reflected poly 0xEDB88320, init 0xFFFFFFFF, xorout 0xFFFFFFFF, check 0xCBF43926.
 */
// clara-corpus: class=crc entry=crc32_cxx signature=buf_len_u32 ref=crc-32/iso-hdlc lang=c++
#include <stddef.h>
#include <stdint.h>

namespace fcs {

struct Table {
    uint32_t v[256];
};

template <uint32_t RevPoly>
constexpr Table make_table()
{
    Table t{};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1u) ? (c >> 1) ^ RevPoly : (c >> 1);
        t.v[i] = c;
    }
    return t;
}

template <uint32_t RevPoly>
class Crc32 {
public:
    void update(const uint8_t *first, const uint8_t *last)
    {
        for (const uint8_t *it = first; it != last; ++it)
            reg_ = kTable.v[(reg_ ^ *it) & 0xFFu] ^ (reg_ >> 8);
    }
    uint32_t value() const { return ~reg_; }

private:
    static constexpr Table kTable = make_table<RevPoly>();
    uint32_t reg_ = 0xFFFFFFFFu;
};

}  // namespace fcs

extern "C" uint32_t crc32_cxx(const uint8_t *buf, size_t len)
{
    fcs::Crc32<0xEDB88320u> engine;
    engine.update(buf, buf + len);
    return engine.value();
}
