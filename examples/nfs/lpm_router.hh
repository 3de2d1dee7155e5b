// -*- c++ -*-
#ifndef CLICK_LPMROUTER_HH
#define CLICK_LPMROUTER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
=c

LPMRouter(ROUTE, ..., [MAX_NODES N])

=s iproute

IPv4 longest-prefix-match router with a binary trie

=d

Each ROUTE is "ADDR/MASK [GATEWAY] OUTPUT".  For every packet, the element
finds the longest prefix that contains the destination address (the
destination IP annotation if set, else the header's ip_dst), sets the
destination IP annotation to the route's gateway (if any), decrements the
TTL with an incremental checksum update, and pushes the packet to the
route's output.  Packets whose TTL would expire, and packets with no route,
go to the last output, which must not be a route output (e.g. to
ICMPError); if no such output exists they are dropped.

The routing table is a binary trie over the destination bits, built at
configuration time in a node pool (an array of fixed-size nodes indexed by
int, at most MAX_NODES, default 65536): the packet path allocates nothing.

=h lookups, misses, ttl_expired, nodes read-only
=h table read-only
The routes, one per line.
*/

class LPMRouter : public Element {
  public:
    LPMRouter();
    ~LPMRouter();

    const char *class_name() const { return "LPMRouter"; }
    const char *port_count() const { return "1/-"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    struct Route {
        IPAddress addr;
        IPAddress mask;
        IPAddress gw;
        int port;
    };

    /* A trie node: children for the next bit being 0 or 1, and the route
       whose prefix ends at this node (-1 for none).  Indices into
       _nodes / _routes; child 0 is "no child" (the root is node 0 and is
       never a child). */
    struct Node {
        int child[2];
        int route;
    };

  private:
    Node *_nodes;               /* the node pool */
    int _nnodes;
    int _max_nodes;
    Vector<Route> _routes;
    int _max_route_port;

    uint64_t _lookups;
    uint64_t _misses;
    uint64_t _ttl_expired;

    int add_route(const Route &r, ErrorHandler *errh);
    int lookup(uint32_t dst_host_order) const;
    void drop_or_error(Packet *p);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
