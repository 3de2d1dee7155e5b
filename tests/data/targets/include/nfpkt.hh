// nfpkt.hh -- a small Click-like framework header for the target-reader tests.
// Every function here is inline, so at -O2 its code is inlined into the NF source file and
// the assembly reader must charge it to the NF line that called it.
#ifndef NFPKT_HH
#define NFPKT_HH
#include <stddef.h>
#include <stdint.h>

namespace nf {

inline uint32_t load_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

inline uint16_t load_be16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

inline uint32_t fold16(uint32_t sum)
{
    sum = (sum & 0xffff) + (sum >> 16);
    return (sum & 0xffff) + (sum >> 16);
}

inline uint32_t mix32(uint32_t a, uint32_t b)
{
    a ^= b * 0x9e3779b1u;
    a = (a << 13) | (a >> 19);
    return a * 5 + 0xe6546b64u;
}

struct IPHeader {
    uint8_t ver_ihl, tos;
    uint16_t len, id, off;
    uint8_t ttl, proto;
    uint16_t sum;
    uint32_t src, dst;
};

class Packet {
  public:
    const uint8_t *data() const { return _data; }
    uint8_t *writable_data() { return _data; }
    uint32_t length() const { return _length; }
    const IPHeader *ip_header() const
    {
        return reinterpret_cast<const IPHeader *>(_data + _network_offset);
    }
    bool has_network_header() const { return _network_offset < _length; }
    void kill() { _length = 0; }

  private:
    uint8_t *_data;
    uint32_t _length;
    uint32_t _network_offset;
};

template <typename V, size_t N>
class FlowTable {
  public:
    V *find_insert(uint32_t key)
    {
        size_t i = mix32(key, 0) & (N - 1);
        for (size_t probe = 0; probe < N; ++probe, i = (i + 1) & (N - 1)) {
            if (_keys[i] == key)
                return &_values[i];
            if (_keys[i] == 0) {
                _keys[i] = key;
                return &_values[i];
            }
        }
        return nullptr;
    }
    size_t capacity() const { return N; }

  private:
    uint32_t _keys[N] = {};
    V _values[N] = {};
};

class Element {
  public:
    virtual ~Element() {}
    virtual const char *class_name() const = 0;
    virtual int port_count() const { return 1; }
};

}  // namespace nf
#endif
