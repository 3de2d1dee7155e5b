#ifndef CLICK_EVPNPREFIXROUTE_HH
#define CLICK_EVPNPREFIXROUTE_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
=c

EVPNPrefixRoute(PREFIX VTEP VNI, ...)

=s vxlan

picks the remote VTEP and L3 VNI for a tenant destination (EVPN type-5)

=d

Each argument is an EVPN IP-prefix route as the fabric controller pushes it:
an IPv4 prefix, the VTEP that advertises it and the L3 VNI to use.  For each
packet, the destination address annotation (or, if zero, the IP header's
destination) is looked up; the most specific route wins.  The VTEP address
is written to the destination address annotation and the VNI to the
aggregate annotation, ready for a VXLAN encapsulator.  Packets with no
route are dropped and counted.

Routes live in a 16-way (4 bits per level) trie; shorter prefixes are
expanded to the level boundary when they are installed.  A route for 0.0.0.0/0
is the default.
*/

class EVPNPrefixRoute : public Element { public:

    EVPNPrefixRoute();
    ~EVPNPrefixRoute();

    const char *class_name() const	{ return "EVPNPrefixRoute"; }
    const char *port_count() const	{ return PORTS_1_1; }
    const char *processing() const	{ return AGNOSTIC; }

    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    Packet *simple_action(Packet *);

  private:

    enum { STRIDE = 4, FANOUT = 16, MAX_NEXTHOPS = 4096, MAX_NODES = 65536 };

    struct TrieNode {
	int32_t child[FANOUT];		// -1: no child
	uint16_t nh[FANOUT];		// 0: no route, else next hop index + 1
	uint8_t plen[FANOUT];		// length of the prefix behind nh[]
    };

    struct NextHop {
	IPAddress vtep;
	uint32_t vni;
	uint64_t hits;
    };

    TrieNode *_nodes;
    int _nnodes;
    NextHop _nexthops[MAX_NEXTHOPS];
    int _nnexthops;
    uint16_t _default_nh;

    uint32_t _cache_dst;		// one-entry cache for back-to-back packets
    uint16_t _cache_nh;

    uint64_t _lookups;
    uint64_t _cache_hits;
    uint64_t _no_route;

    int new_node();
    int add_route(uint32_t prefix, int len, uint16_t nh);
    uint16_t lookup(uint32_t addr) const;

    static String read_routes(Element *, void *);

};

CLICK_ENDDECLS
#endif
