// -*- c++ -*-
/*
 * click/ipflowid.hh -- IPFlowID, a TCP/UDP flow's (saddr, sport, daddr,
 * dport), addresses and ports in network byte order.
 *
 * Inline: constructors from fields, accessors, setters, reverse, hashcode,
 * comparisons.  Out of line (declared only): the constructors that parse a
 * packet or an IP header, unparse, s.
 */
#ifndef CLICK_IPFLOWID_HH
#define CLICK_IPFLOWID_HH
#include <click/ipaddress.hh>
CLICK_DECLS
class Packet;

class IPFlowID {
  public:
    IPFlowID() : _saddr(), _daddr(), _sport(0), _dport(0) {}
    IPFlowID(IPAddress saddr, uint16_t sport, IPAddress daddr, uint16_t dport)
        : _saddr(saddr), _daddr(daddr), _sport(sport), _dport(dport) {}
    /* The flow of an IPv4 TCP/UDP packet (its ip_header() and
       transport_header()); the reverse flow if reverse is true. */
    explicit IPFlowID(const Packet *p, bool reverse = false);
    explicit IPFlowID(const click_ip *iph, bool reverse = false);

    IPAddress saddr() const { return _saddr; }
    IPAddress daddr() const { return _daddr; }
    uint16_t sport() const { return _sport; }
    uint16_t dport() const { return _dport; }

    void set_saddr(IPAddress a) { _saddr = a; }
    void set_daddr(IPAddress a) { _daddr = a; }
    void set_sport(uint16_t p) { _sport = p; }
    void set_dport(uint16_t p) { _dport = p; }
    void assign(IPAddress saddr, uint16_t sport, IPAddress daddr, uint16_t dport) {
        _saddr = saddr; _daddr = daddr; _sport = sport; _dport = dport;
    }

    bool empty() const { return !_saddr && !_daddr && _sport == 0 && _dport == 0; }
    explicit operator bool() const { return !empty(); }

    /* The flow seen from the other side. */
    IPFlowID reverse() const { return IPFlowID(_daddr, _dport, _saddr, _sport); }
    IPFlowID rev() const { return reverse(); }

    hashcode_t hashcode() const {
        hashcode_t s = _saddr.addr(), d = _daddr.addr();
        s = (s << 7) | (s >> 25);
        d = (d << 19) | (d >> 13);
        return (s ^ d) ^ ((hashcode_t) _sport | ((hashcode_t) _dport << 16));
    }

    bool operator==(const IPFlowID &b) const {
        return _saddr == b._saddr && _daddr == b._daddr
            && _sport == b._sport && _dport == b._dport;
    }
    bool operator!=(const IPFlowID &b) const { return !(*this == b); }

    String unparse() const;
    String s() const;

  private:
    IPAddress _saddr;
    IPAddress _daddr;
    uint16_t _sport;
    uint16_t _dport;
};

CLICK_ENDDECLS
#endif
