// -*- c++ -*-
/*
 * host_route_table.hh -- HostRouteTable: forwards IPv4 packets by exact
 * /32 host routes kept in a hash table, with one default route; decrements
 * the TTL, checks the next hop's MTU and counts traffic per next hop.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_HOSTROUTETABLE_HH
#define CLARA_NFCORPUS_HOSTROUTETABLE_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * HostRouteTable(ROUTE, ..., [DROP_MARTIANS, DEFAULT_MTU])
 *
 * =s iproute
 * exact-match host routes plus a default route
 *
 * =d
 * Each ROUTE is "ADDR GATEWAY PORT [MTU]" (a host address, the next hop,
 * 0.0.0.0 for a directly attached host, and an output port) or
 * "default GATEWAY PORT [MTU]".  Routes sharing a gateway and port share
 * one next-hop record (at most 256).  Input packets must have their IP
 * header annotation set.  A packet whose destination is a host route, or
 * any packet if there is a default route, has its TTL decremented (with an
 * incremental checksum update), its destination IP annotation set to the
 * next hop, and leaves on that next hop's port.  Packets that cannot be
 * forwarded leave on the last output with the paint annotation giving the
 * reason: 1 no route, 2 TTL expired, 3 too big with DF set, 4 martian
 * source (DROP_MARTIANS, default true), 5 bad header.  Packets larger than
 * the MTU without DF are forwarded and counted (a fragmenter follows).
 *
 * =h routes read-only       the host routes
 * =h nexthops read-only     per-next-hop counters
 * =h errors read-only       per-reason counters
 * =h add write-only         "ADDR GATEWAY PORT [MTU]"
 * =h remove write-only      "ADDR"
 */
class HostRouteTable : public Element {
  public:
    HostRouteTable();
    ~HostRouteTable();

    const char *class_name() const override { return "HostRouteTable"; }
    const char *port_count() const override { return "1/2-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_HOPS = 256, NO_HOP = 0xFFFF, NREASONS = 8 };
    enum Reason { R_OK = 0, R_NO_ROUTE = 1, R_TTL = 2, R_TOO_BIG = 3,
                  R_MARTIAN = 4, R_BAD_HEADER = 5 };

    struct NextHop {
        IPAddress gw;
        uint16_t port;
        uint16_t mtu;
        uint32_t routes;        /* host routes using this next hop */
        uint64_t packets;
        uint64_t bytes;
        uint64_t oversize;      /* forwarded above the MTU (no DF) */
    };

  private:
    HashMap<IPAddress, uint16_t> _hosts;
    NextHop _hops[MAX_HOPS];            // 10 KiB of next-hop records
    uint64_t _reason_count[NREASONS];
    uint16_t _nhops;
    uint16_t _default_hop;
    uint16_t _default_mtu;
    bool _drop_martians;

    /* Class A 0/8, 127/8, multicast and class E sources are never valid. */
    static inline bool martian(uint32_t src_net) {
        uint8_t first = (uint8_t) (ntohl(src_net) >> 24);
        switch (first) {
        case 0:
        case 127:
            return true;
        default:
            return first >= 224;
        }
    }
    inline uint16_t lookup(IPAddress dst) const {
        const uint16_t *h = _hosts.findp(dst);
        return h ? *h : _default_hop;
    }

    int find_or_add_hop(IPAddress gw, int port, int mtu);
    int parse_route(const String &text, bool *is_default, IPAddress *addr,
                    IPAddress *gw, int *port, int *mtu) const;
    int add_route(const String &text, ErrorHandler *errh);
    void reject(Packet *p, Reason r);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
