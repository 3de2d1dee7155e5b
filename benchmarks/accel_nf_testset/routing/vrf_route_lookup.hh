// -*- c++ -*-
/*
 * vrf_route_lookup.hh -- VrfRouteLookup: per-VRF IPv4 route lookup for a
 * multi-tenant edge router.  The VRF comes from the packet's VLAN tag
 * annotation through a 4096-entry map; each VRF has its own routing tree
 * in a shared pool of nodes.
 */
#ifndef ROUTING_VRF_ROUTE_LOOKUP_HH
#define ROUTING_VRF_ROUTE_LOOKUP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * VrfRouteLookup(VLAN "VID VRF", ..., ROUTE "VRF ADDR/LEN GW PORT", ...)
 *
 * =d
 * Input: IPv4 packets with the network header set and the VLAN TCI
 * annotation holding the arrival VLAN.  The VLAN picks a VRF (0-15); the
 * destination is looked up in that VRF's routes.  A hit sets the
 * destination IP annotation to GW (or the destination itself when GW is
 * 0.0.0.0, a connected route), the paint annotation to PORT, and leaves on
 * output 0.  No route: output 1.  Unknown VLAN: output 2 (if present).
 *
 * =h routes read-only      route count and per-route hits
 * =h stats read-only       counters
 */
class VrfRouteLookup : public Element {
  public:
    VrfRouteLookup();
    ~VrfRouteLookup();

    const char *class_name() const override { return "VrfRouteLookup"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_VRF = 16, MAX_NODES = 8192, MAX_ROUTES = 2048, NO_VRF = 0xFF };

  private:
    struct Node {
        uint16_t next[2];       // 0 = no child (node 0 is never used)
        uint16_t route;         // route index + 1, 0 = none
    };

    struct Route {
        IPAddress gw;
        uint32_t hits;
        uint8_t port;
        uint8_t len;
        uint8_t vrf;
    };

    Node _nodes[MAX_NODES];
    uint16_t _nnodes;
    uint16_t _root[MAX_VRF];
    Route _routes[MAX_ROUTES];
    uint16_t _nroutes;
    uint8_t _vrf_of_vlan[4096];

    uint64_t _forwarded;
    uint64_t _no_route;
    uint64_t _no_vrf;
    uint64_t _runts;

    int add_route(unsigned vrf, uint32_t prefix, int len, IPAddress gw, unsigned port);
    int find_route(unsigned vrf, uint32_t dst) const;
    uint16_t new_node();

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
