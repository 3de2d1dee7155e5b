// -*- c++ -*-
/*
 * bng_route_table.hh -- BngRouteTable: downstream forwarding of a BNG.
 *
 * Subscribers' framed routes (delegated prefixes, static business
 * subnets) and the aggregation routes of the access network are held in
 * a two-stage table: stage one is indexed by the 16 high bits of the
 * destination, and a stage-one entry either is a next hop or names a
 * 256-entry stage-two block indexed by the next 8 bits.  Routes may be
 * /0 to /24.
 */
#ifndef CARRIER_BNG_ROUTE_TABLE_HH
#define CARRIER_BNG_ROUTE_TABLE_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/* Stage-one entries: 0 = no route, 1..0x7FFF = next hop + 1,
   0x8000 | b = stage-two block b. */
enum { BNG_T1_BLOCK = 0x8000 };

static inline uint16_t
bng_fib_get(const uint16_t *t1, const uint16_t (*t2)[256], uint32_t dst)
{
    uint16_t v = t1[dst >> 16];
    if (v & BNG_T1_BLOCK)
        v = t2[v & 0x7FFF][(dst >> 8) & 0xFF];
    return v;
}

/*
 * =c
 * BngRouteTable(ROUTE "ADDR/LEN GW PORT", ...)
 *
 * =d
 * Input 0 takes IPv4 packets.  The destination selects a route; the packet
 * gets the route's gateway (or its own destination, for a connected route
 * with gateway 0.0.0.0) as destination IP annotation and leaves on the
 * route's PORT.  Packets without a route leave on the last output.
 */
class BngRouteTable : public Element {
  public:
    BngRouteTable();
    ~BngRouteTable();

    const char *class_name() const override { return "BngRouteTable"; }
    const char *port_count() const override { return "1/2-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_HOPS = 4096, MAX_BLOCKS = 512 };

  private:
    struct Hop {
        IPAddress gw;
        uint16_t port;
        uint32_t routes;
        uint64_t pkts;
    };

    uint16_t _t1[65536];
    uint16_t _t2[MAX_BLOCKS][256];
    int _nblocks;
    Vector<Hop> _hops;

    uint64_t _no_route;
    uint64_t _bad;
    uint64_t _forwarded;

    int hop_index(IPAddress gw, int port);
    int install(uint32_t dst, int len, uint16_t val, ErrorHandler *errh);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
