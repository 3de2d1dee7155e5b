// -*- c++ -*-
/*
 * upf_ipv6_pdr.hh -- UpfIpv6Pdr: packet detection for IPv6 PDU sessions.
 *
 * An IPv6 UE gets a /64 (or, with prefix delegation, a shorter prefix) and
 * the SMF installs one PDR per prefix.  Framed routes and network-instance
 * wide catch-alls add shorter prefixes.  The element matches the UE-side
 * address of each IPv6 packet (destination on N6 downlink, source on N3
 * uplink after decapsulation) against the installed prefixes and picks the
 * most specific PDR.
 */
#ifndef CARRIER_UPF_IPV6_PDR_HH
#define CARRIER_UPF_IPV6_PDR_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * UpfIpv6Pdr(PDR "PREFIX/LEN ID PORT", ..., [UPLINK])
 *
 * =d
 * Input 0 takes IPv6 packets (no link header).  The matched PDR's ID goes
 * into the aggregate annotation and the packet leaves on its PORT.  Packets
 * that match no PDR, or are not IPv6, leave on the last output.
 */
class UpfIpv6Pdr : public Element {
  public:
    UpfIpv6Pdr();
    ~UpfIpv6Pdr();

    const char *class_name() const override { return "UpfIpv6Pdr"; }
    const char *port_count() const override { return "1/2-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_NODES = 32768, MAX_PDRS = 512, HDR6_LEN = 40 };

  private:
    struct Pdr {
        uint32_t id;
        uint16_t port;
        uint8_t len;
        uint64_t pkts;
        uint64_t bytes;
    };

    // node 0 is the root; a child index of 0 means "no child"
    int32_t _child[MAX_NODES][2];
    int16_t _rule[MAX_NODES];
    int _nnodes;
    Vector<Pdr> _pdrs;

    bool _uplink;
    uint64_t _no_match;
    uint64_t _not_v6;

    static bool parse_prefix6(const String &s, uint8_t addr[16], int *len);
    int insert(const uint8_t addr[16], int len, int rule);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
