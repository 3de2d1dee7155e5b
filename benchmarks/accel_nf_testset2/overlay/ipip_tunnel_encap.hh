// -*- c++ -*-
/*
 * ipip_tunnel_encap.hh -- IpipTunnelEncap: IPv4-in-IPv4 tunnel ingress
 * (RFC 2003) with RFC 6040 ECN handling and tunnel MTU enforcement.
 */
#ifndef OVERLAY_IPIP_TUNNEL_ENCAP_HH
#define OVERLAY_IPIP_TUNNEL_ENCAP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * IpipTunnelEncap(SRC, DST, [TTL, MTU, DF, ECN, DSCP])
 *
 * =s tunnel
 * encapsulates IPv4 packets in an outer IPv4 header
 *
 * =d
 * Input: IPv4 packets, network header annotation set.  Each gets a fresh
 * 20-byte outer header from SRC to DST (protocol 4) with TTL (default 64)
 * and a complete header checksum, so no SetIPChecksum is needed after it.
 * DF is "copy" (default), "set" or "clear".  ECN is "normal" (default;
 * RFC 6040 normal mode: the outer header copies the inner ECN field, CE
 * included) or "compat" (outer header not-ECT).  DSCP copies the inner DSCP
 * when true (default).
 * A packet whose outer length would exceed MTU (default 1500) and whose
 * inner DF is set leaves on output 1 with the tunnel MTU, minus the outer
 * header, in the EXTRA_LENGTH annotation, for an ICMP "fragmentation needed"
 * generator; without DF it is encapsulated anyway and left to a fragmenter.
 *
 * =h stats read-only       counters
 * =h mtu read/write        tunnel MTU
 */
class IpipTunnelEncap : public Element {
  public:
    IpipTunnelEncap();
    ~IpipTunnelEncap();

    const char *class_name() const override { return "IpipTunnelEncap"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum DfMode { DF_COPY, DF_SET, DF_CLEAR };

  private:
    IPAddress _src;
    IPAddress _dst;
    uint8_t _ttl;
    bool _ecn_compat;
    bool _copy_dscp;
    DfMode _df;
    unsigned _mtu;
    uint16_t _next_id;

    uint64_t _encapsulated;
    uint64_t _too_big;
    uint64_t _oversize_sent;
    uint64_t _not_ip;
    uint64_t _ce_seen;

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
