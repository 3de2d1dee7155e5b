// -*- c++ -*-
/*
 * gre_tunnel_encap.hh -- GreTunnelEncap: GRE header (RFC 2784) with the
 * key and sequence number extensions (RFC 2890).
 */
#ifndef OVERLAY_GRE_TUNNEL_ENCAP_HH
#define OVERLAY_GRE_TUNNEL_ENCAP_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * GreTunnelEncap([PROTO, KEY, KEYS, SEQUENCE, CHECKSUM, MAX_LENGTH])
 *
 * =s tunnel
 * prepends a GRE header
 *
 * =d
 * Input: the passenger packet (an IPv4 packet for PROTO 0x0800, the
 * default; an Ethernet frame for 0x6558).  The element prepends a GRE
 * header with the checksum (CHECKSUM, default true), key and sequence
 * number (SEQUENCE, default false) fields as configured.  The key is KEY,
 * or, when KEYS lists several keys, KEYS[paint annotation] so that one
 * element serves several tunnels; a paint value with no key sends the
 * packet to output 1.  Packets longer than MAX_LENGTH (default 65515)
 * also go to output 1.  A downstream IPEncap(47, SRC, DST) adds the
 * delivery header.
 *
 * =h stats read-only       counters
 */
class GreTunnelEncap : public Element {
  public:
    GreTunnelEncap();
    ~GreTunnelEncap();

    const char *class_name() const override { return "GreTunnelEncap"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        GRE_CSUM = 0x8000, GRE_KEY = 0x2000, GRE_SEQ = 0x1000,
        MAX_TUNNELS = 64
    };

  private:
    uint16_t _proto;
    uint16_t _flags;
    uint32_t _hlen;
    uint32_t _max_length;
    uint32_t _keys[MAX_TUNNELS];
    uint32_t _seqs[MAX_TUNNELS];
    int _nkeys;

    uint64_t _packets;
    uint64_t _bytes;
    uint64_t _no_tunnel;
    uint64_t _too_long;

    void drop(Packet *p, uint64_t &counter) {
        counter++;
        checked_output_push(1, p);
    }

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
