// -*- c++ -*-
/*
 * ecmp_next_hop.hh -- EcmpNextHop: picks one of several equal-cost next
 * hops for a packet whose route resolved to a multipath group, keeping
 * every packet of a flow on the same path.
 */
#ifndef ROUTING_ECMP_NEXT_HOP_HH
#define ROUTING_ECMP_NEXT_HOP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * EcmpNextHop(GROUP "ID GW PORT [GW PORT ...]", ..., [SEED N, L4 BOOL])
 *
 * =d
 * Input: IPv4 packets whose paint annotation holds the multipath group ID
 * chosen by the route lookup.  The flow's addresses, protocol and (with L4,
 * the default, and for unfragmented TCP/UDP) ports select a member through
 * a 64-bucket table per group.  The member's gateway goes to the
 * destination IP annotation, its PORT to the paint annotation, the flow
 * value to the aggregate annotation; output 0.  Unknown group: output 1.
 *
 * =h members read-only     per-member packet counts
 */
class EcmpNextHop : public Element {
  public:
    EcmpNextHop();
    ~EcmpNextHop();

    const char *class_name() const override { return "EcmpNextHop"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { NGROUPS = 256, MAXPATHS = 16, NBUCKETS = 64 };

  private:
    struct Member {
        IPAddress gw;
        uint8_t port;
        uint64_t packets;
    };

    struct Group {
        uint8_t npaths;
        uint8_t bucket[NBUCKETS];       // member index per bucket
        Member path[MAXPATHS];
    };

    Group _grp[NGROUPS];
    uint32_t _seed;
    bool _use_ports;
    uint64_t _unknown_group;
    uint64_t _short;

    static String members_handler(Element *e, void *);
};

CLICK_ENDDECLS
#endif
