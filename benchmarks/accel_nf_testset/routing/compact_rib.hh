// -*- c++ -*-
/*
 * compact_rib.hh -- CompactRib: IPv4 policy-routing table for one routing
 * instance.  Routes sit in a tree of nodes where each node holds a whole
 * prefix and children are chosen by the first bit after it, so runs of
 * single-child levels never exist and a lookup touches few nodes.
 */
#ifndef ROUTING_COMPACT_RIB_HH
#define ROUTING_COMPACT_RIB_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * CompactRib(ROUTE "ADDR/LEN GW OUTPUT", ..., [TABLE_ID N])
 *
 * =d
 * Only packets whose paint annotation equals TABLE_ID (default 0) are
 * routed here; others leave unchanged on the last output.  A route sends
 * the packet to OUTPUT with GW in the destination IP annotation.  No
 * route: the last output as well, with the aggregate annotation set to 1.
 */
class CompactRib : public Element {
  public:
    CompactRib();
    ~CompactRib();

    const char *class_name() const override { return "CompactRib"; }
    const char *port_count() const override { return "1/1-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { CAPACITY = 4096, NIL = 0 };

  private:
    struct Node {
        uint32_t key;           // host order, zero past len
        uint8_t len;
        uint8_t has_route;
        uint16_t kid[2];        // NIL = none
        uint16_t route;         // index into _gw / _out
    };

    Node _node[CAPACITY];       // _node[0] unused (NIL)
    uint16_t _n;
    uint16_t _root;
    IPAddress _gw[CAPACITY];
    uint16_t _out[CAPACITY];
    uint32_t _count[CAPACITY];
    uint16_t _nroutes;
    uint8_t _table_id;

    uint64_t _routed;
    uint64_t _unrouted;
    uint64_t _foreign;

    static inline uint32_t netmask(int len) {
        return len ? 0xFFFFFFFFu << (32 - len) : 0;
    }

    /* Route index for a (host order), or -1. */
    inline int best_route(uint32_t a) const {
        int found = -1;
        uint16_t i = _root;
        while (i != NIL) {
            const Node &x = _node[i];
            if ((a ^ x.key) & netmask(x.len))
                break;
            if (x.has_route)
                found = x.route;
            if (x.len == 32)
                break;
            i = x.kid[(a >> (31 - x.len)) & 1];
        }
        return found;
    }

    uint16_t make_node(uint32_t key, int len);
    int add(uint32_t key, int len, uint16_t route);
};

CLICK_ENDDECLS
#endif
