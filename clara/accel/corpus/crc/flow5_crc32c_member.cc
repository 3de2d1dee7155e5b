/*
 * class: crc
 * variant: C++ element-style class whose CRC-32C table is a member filled by the constructor;
 *          a const method hashes a fixed 13-byte flow key with a counted loop; the key is
 *          assembled with memcpy from network-order fields. Exported through an extern "C"
 *          wrapper that builds one object per call.
 * computes: CRC-32C (iSCSI) of (saddr, daddr, sport, dport, proto) packed big-endian.
 */
// clara-corpus: class=crc entry=flow_crc32c_obj signature=tuple5_u32 ref=flow5-crc32c lang=c++
#include <stddef.h>
#include <stdint.h>
#include <string.h>

namespace {

class FlowBalancer {
public:
    FlowBalancer()
    {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
            _crc_table[i] = c;
        }
    }

    uint32_t key_crc(const unsigned char *key) const
    {
        uint32_t crc = 0xFFFFFFFFu;
        for (int i = 0; i < 13; ++i)
            crc = _crc_table[(crc ^ key[i]) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

private:
    uint32_t _crc_table[256];
};

void put_be(unsigned char *p, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = static_cast<unsigned char>(v >> (8 * (bytes - 1 - i)));
}

}  // namespace

extern "C" uint32_t flow_crc32c_obj(uint32_t saddr, uint32_t daddr, uint16_t sport,
                                    uint16_t dport, uint8_t proto)
{
    unsigned char key[13];
    put_be(key, saddr, 4);
    put_be(key + 4, daddr, 4);
    put_be(key + 8, sport, 2);
    put_be(key + 10, dport, 2);
    memcpy(key + 12, &proto, 1);
    FlowBalancer lb;
    return lb.key_crc(key);
}
