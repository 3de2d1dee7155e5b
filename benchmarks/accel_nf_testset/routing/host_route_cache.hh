// -*- c++ -*-
/*
 * host_route_cache.hh -- HostRouteCache: /32 host routes (attached hosts,
 * loopbacks, VIPs) answered before the prefix table.  Keyed by the full
 * destination address in an open-addressed slot array.
 */
#ifndef ROUTING_HOST_ROUTE_CACHE_HH
#define ROUTING_HOST_ROUTE_CACHE_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * HostRouteCache(HOST "ADDR GW PORT", ...)
 *
 * =d
 * A packet whose destination is a configured host leaves on output 0 with
 * the gateway (or the host itself) in the destination IP annotation and
 * PORT in the paint annotation.  Other packets leave unchanged on output 1
 * towards the prefix table.
 *
 * =h add write-only        "ADDR GW PORT"
 * =h remove write-only     "ADDR"
 * =h stats read-only       hits, misses, occupancy
 */
class HostRouteCache : public Element {
  public:
    HostRouteCache();
    ~HostRouteCache();

    const char *class_name() const override { return "HostRouteCache"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { SLOTS = 4096, MAX_PROBE = 32 };
    enum { EMPTY = 0, LIVE = 1, GONE = 2 };

  private:
    struct Slot {
        uint32_t addr;          // network byte order
        IPAddress gw;
        uint8_t state;
        uint8_t port;
        uint32_t hits;
    };

    Slot _slot[SLOTS];
    int _live;
    uint64_t _hits;
    uint64_t _misses;

    static inline unsigned home(uint32_t addr) {
        return ntohl(addr) & (SLOTS - 1);       // hosts differ in the low bits
    }

    int insert(uint32_t addr, IPAddress gw, uint8_t port);
    int remove(uint32_t addr);

    static String stats_handler(Element *e, void *);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
