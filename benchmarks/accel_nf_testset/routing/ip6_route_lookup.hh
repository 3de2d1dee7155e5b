// -*- c++ -*-
/*
 * ip6_route_lookup.hh -- IP6RouteLookup: IPv6 unicast route lookup.
 * One open-addressed table per configured prefix length; the lookup
 * probes lengths in a binary-search order, guided by marker entries.
 */
#ifndef ROUTING_IP6_ROUTE_LOOKUP_HH
#define ROUTING_IP6_ROUTE_LOOKUP_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * IP6RouteLookup(ROUTE "PREFIX/LEN PORT", ...)
 *
 * =d
 * Input: IPv6 packets, network header set.  The hop limit is checked and
 * decremented; the destination picks the most specific ROUTE, whose PORT
 * goes to the paint annotation, and the packet leaves on output 0.  Hop
 * limit exhausted: output 1.  No route or malformed: output 2.
 *
 * =h forwarded, hop_limit_drops, no_route read-only   counters
 */
class IP6RouteLookup : public Element {
  public:
    IP6RouteLookup() : _slots(0), _nlens(0) { _out[0] = _out[1] = _out[2] = 0; }
    ~IP6RouteLookup() {}

    const char *class_name() const override { return "IP6RouteLookup"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void cleanup(CleanupStage) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_LENGTHS = 40, SLOTS = 1024, NO_ROUTE = 0xFFFF };

    struct Prefix6 {
        uint64_t hi, lo;        // host order, masked
        int len;
        uint16_t port;
    };

  private:
    struct Slot {
        uint64_t hi, lo;
        uint16_t best;          // port of the longest route covering this entry
        uint8_t used;
        uint8_t real;           // a configured route, not just a marker
    };

    Slot *_slots;               // _nlens tables of SLOTS slots
    uint8_t _lens[MAX_LENGTHS]; // distinct prefix lengths, ascending
    int _nlens;
    Vector<Prefix6> _routes;

    uint64_t _out[3];

    static inline void cut(uint64_t &hi, uint64_t &lo, int len) {
        if (len > 64)
            lo &= ~0ULL << (128 - len);
        else
            hi = len ? hi & (~0ULL << (64 - len)) : 0, lo = 0;
    }

    int level_of(int len) const;
    Slot *place(int level, uint64_t hi, uint64_t lo);
    uint32_t bucket(uint64_t hi, uint64_t lo) const;
    const Slot *probe(int level, uint64_t hi, uint64_t lo) const;
    int lookup(uint64_t hi, uint64_t lo) const;
    uint16_t scan_best(uint64_t hi, uint64_t lo, int len) const;
    int build();

    static bool parse_addr(const String &s, uint64_t &hi, uint64_t &lo);
};

CLICK_ENDDECLS
#endif
