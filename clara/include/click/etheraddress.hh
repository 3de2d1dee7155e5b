// -*- c++ -*-
/*
 * click/etheraddress.hh -- EtherAddress, a 48-bit MAC address.
 * Inline: constructors, data, comparisons, group/broadcast tests, hashcode.
 * Out of line (declared only): parsing and unparsing.
 */
#ifndef CLICK_ETHERADDRESS_HH
#define CLICK_ETHERADDRESS_HH
#include <click/string.hh>
CLICK_DECLS

class EtherAddress {
  public:
    EtherAddress() { _data[0] = _data[1] = _data[2] = 0; }
    explicit EtherAddress(const unsigned char *data) { memcpy(_data, data, 6); }
    explicit EtherAddress(const String &text);

    static EtherAddress make_broadcast() {
        static const unsigned char bcast[6] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
        return EtherAddress(bcast);
    }

    unsigned char *data() { return reinterpret_cast<unsigned char *>(_data); }
    const unsigned char *data() const { return reinterpret_cast<const unsigned char *>(_data); }
    const uint16_t *sdata() const { return _data; }

    bool is_group() const { return data()[0] & 1; }
    bool is_local() const { return data()[0] & 2; }
    bool is_broadcast() const { return _data[0] == 0xFFFF && _data[1] == 0xFFFF && _data[2] == 0xFFFF; }
    bool empty() const { return (_data[0] | _data[1] | _data[2]) == 0; }
    explicit operator bool() const { return !empty(); }

    bool operator==(const EtherAddress &b) const {
        return _data[0] == b._data[0] && _data[1] == b._data[1] && _data[2] == b._data[2];
    }
    bool operator!=(const EtherAddress &b) const { return !(*this == b); }

    hashcode_t hashcode() const {
        return ((hashcode_t) _data[2] << 16 | _data[1]) ^ ((hashcode_t) _data[0] << 8);
    }

    String unparse() const;
    String unparse_colon() const;
    String s() const;

  private:
    uint16_t _data[3];
};

CLICK_ENDDECLS
#endif
