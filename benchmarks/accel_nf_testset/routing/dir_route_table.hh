// -*- c++ -*-
/*
 * dir_route_table.hh -- DirRouteTable: IPv4 route lookup in directly
 * indexed tables.  The first table has one word per /16; words flagged
 * EXT point at a 256-word group indexed by the third address byte, whose
 * words may point again at a group indexed by the last byte.  Tables live
 * on the heap and are filled once in configure().
 */
#ifndef ROUTING_DIR_ROUTE_TABLE_HH
#define ROUTING_DIR_ROUTE_TABLE_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

enum {
    DRT_EXT = 0x80000000u,      // word points at a group
    DRT_IDX = 0x00FFFFFFu       // group number, or next-hop index (0 = none)
};

/* Next-hop index for dst (host byte order), 0 when nothing matches. */
static inline uint32_t
drt_lookup(const uint32_t *top, const uint32_t *groups, uint32_t dst)
{
    uint32_t w = top[dst >> 16];
    if (w & DRT_EXT) {
        w = groups[((w & DRT_IDX) << 8) | ((dst >> 8) & 0xFF)];
        if (w & DRT_EXT)
            w = groups[((w & DRT_IDX) << 8) | (dst & 0xFF)];
    }
    return w & DRT_IDX;
}

/*
 * =c
 * DirRouteTable(ROUTE "ADDR/LEN GW PORT", ..., [GROUPS N])
 *
 * =d
 * Input: IPv4 packets (network header set).  A hit decrements the TTL,
 * patches the header checksum, sets the destination IP annotation to the
 * gateway and the paint annotation to PORT, and leaves on output 0.  No
 * route or TTL <= 1: output 1.  GROUPS (default 1024) bounds the number of
 * 256-word second/third level groups.
 */
class DirRouteTable : public Element {
  public:
    DirRouteTable();
    ~DirRouteTable();

    const char *class_name() const override { return "DirRouteTable"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return "a/ah"; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void cleanup(CleanupStage stage) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    struct Route {
        uint32_t prefix;        // host order, masked
        int len;
        uint32_t hop;
    };

    struct NextHop {
        IPAddress gw;
        uint8_t port;
    };

  private:
    uint32_t *_top;             // 65536 words
    uint32_t *_groups;          // _max_groups * 256 words
    uint32_t _ngroups;
    uint32_t _max_groups;
    Vector<NextHop> _hops;      // index 0 unused

    uint64_t _hits;
    uint64_t _misses;
    uint64_t _ttl_drops;

    int alloc_group(uint32_t fill);
    int install(const Route &r);
    int build(Vector<Route> &routes);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
