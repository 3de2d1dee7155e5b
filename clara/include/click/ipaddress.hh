// -*- c++ -*-
/*
 * click/ipaddress.hh -- IPAddress, an IPv4 address in network byte order.
 *
 * Inline: constructors from uint32_t / in_addr / bytes, addr, data,
 * comparisons, masking, prefix tests, hashcode (all members, so calls
 * demangle as IPAddress::...).  Out of line (declared only): parsing and
 * unparsing (String constructor, unparse, s), mask_to_prefix_len,
 * make_prefix.
 */
#ifndef CLICK_IPADDRESS_HH
#define CLICK_IPADDRESS_HH
#include <click/string.hh>
#include <clicknet/ip.h>
CLICK_DECLS

class IPAddress {
  public:
    IPAddress() : _addr(0) {}
    /* From a network-byte-order word. */
    IPAddress(uint32_t a) : _addr(a) {}
    IPAddress(struct in_addr ina) : _addr(ina.s_addr) {}
    /* From 4 bytes in network order. */
    explicit IPAddress(const unsigned char *data) {
        memcpy(&_addr, data, 4);
    }
    /* Parses dotted-quad text; the zero address if it is not one. */
    explicit IPAddress(const String &text);

    static IPAddress make_prefix(int prefix_len);
    static IPAddress make_broadcast() { return IPAddress(0xFFFFFFFFU); }

    uint32_t addr() const { return _addr; }
    struct in_addr in_addr() const { struct in_addr a; a.s_addr = _addr; return a; }
    operator struct in_addr() const { return in_addr(); }
    unsigned char *data() { return reinterpret_cast<unsigned char *>(&_addr); }
    const unsigned char *data() const { return reinterpret_cast<const unsigned char *>(&_addr); }
    uint32_t *data32() { return &_addr; }

    bool empty() const { return _addr == 0; }
    explicit operator bool() const { return _addr != 0; }
    bool is_multicast() const { return (_addr & htonl(0xF0000000U)) == htonl(0xE0000000U); }
    bool is_broadcast() const { return _addr == 0xFFFFFFFFU; }

    /* The prefix length of this netmask, or -1 if it is not a netmask. */
    int mask_to_prefix_len() const;
    /* True iff this address is in the prefix (a, mask). */
    bool matches_prefix(IPAddress a, IPAddress mask) const {
        return ((_addr ^ a._addr) & mask._addr) == 0;
    }
    /* True iff this netmask is at least as specific as mask. */
    bool mask_as_specific(IPAddress mask) const {
        return (_addr & mask._addr) == mask._addr;
    }
    bool mask_more_specific(IPAddress mask) const {
        return ((_addr << 1) & mask._addr) == mask._addr;
    }

    bool operator==(IPAddress b) const { return _addr == b._addr; }
    bool operator==(uint32_t b) const { return _addr == b; }
    bool operator!=(IPAddress b) const { return _addr != b._addr; }
    bool operator!=(uint32_t b) const { return _addr != b; }
    IPAddress operator&(IPAddress b) const { return IPAddress(_addr & b._addr); }
    IPAddress operator|(IPAddress b) const { return IPAddress(_addr | b._addr); }
    IPAddress operator^(IPAddress b) const { return IPAddress(_addr ^ b._addr); }
    IPAddress operator~() const { return IPAddress(~_addr); }
    IPAddress &operator&=(IPAddress b) { _addr &= b._addr; return *this; }
    IPAddress &operator|=(IPAddress b) { _addr |= b._addr; return *this; }
    IPAddress &operator^=(IPAddress b) { _addr ^= b._addr; return *this; }

    hashcode_t hashcode() const { return _addr; }

    String unparse() const;
    String unparse_mask() const;
    String unparse_with_mask(IPAddress mask) const;
    String s() const;

  private:
    uint32_t _addr;
};

CLICK_ENDDECLS
#endif
