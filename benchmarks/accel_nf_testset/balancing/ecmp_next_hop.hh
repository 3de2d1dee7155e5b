// -*- c++ -*-
/*
 * ecmp_next_hop.hh -- EcmpNextHop: weighted equal-cost multipath
 * selection among next hops, flow-consistent, with a bucket table so a
 * failed next hop only moves its own flows.
 */
#ifndef BALANCING_ECMPNEXTHOP_HH
#define BALANCING_ECMPNEXTHOP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * EcmpNextHop(HOP "GW WEIGHT", HOP "GW WEIGHT", ...)
 *
 * =d
 * Input: IPv4 packets with the network header set.  Every flow maps to one
 * of BUCKETS buckets; buckets are dealt to the next hops in proportion to
 * their weights.  The chosen gateway is written to the destination IP
 * annotation and its index to the paint annotation (for a PaintSwitch).
 * The "down" handler takes a gateway out: its buckets are dealt to the
 * remaining hops, other buckets keep their hop.
 */
class EcmpNextHop : public Element {
  public:
    EcmpNextHop();
    ~EcmpNextHop();

    const char *class_name() const override { return "EcmpNextHop"; }
    const char *port_count() const override { return PORTS_1_1; }
    const char *processing() const override { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { MAX_HOPS = 16, BUCKETS = 256 };

  private:
    uint32_t _table[256];
    uint32_t _gw[MAX_HOPS];
    uint16_t _weight[MAX_HOPS];
    bool _up[MAX_HOPS];
    int _nhops;
    uint8_t _bucket[BUCKETS];
    uint64_t _hits[MAX_HOPS];
    uint64_t _no_l4;

    void make_table();
    uint32_t flow_crc(const uint8_t *p, int n) const;
    void deal_buckets(bool keep_live);

    static String read_hops(Element *e, void *);
    static int write_down(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
