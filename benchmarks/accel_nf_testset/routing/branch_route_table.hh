// -*- c++ -*-
/*
 * branch_route_table.hh -- BranchRouteTable: the whole routing table of a
 * branch-office router, a few dozen routes kept in a plain list in the
 * order they were configured or added at run time.
 */
#ifndef ROUTING_BRANCH_ROUTE_TABLE_HH
#define ROUTING_BRANCH_ROUTE_TABLE_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * BranchRouteTable(ROUTE "ADDR/MASK GW PORT [METRIC]", ..., [DROP_BOGONS BOOL])
 *
 * =d
 * Each packet's destination is compared with every route; the most
 * specific covering route wins, the lower METRIC (default 1) breaking ties
 * between equal prefixes.  The packet leaves on output PORT with the
 * gateway in the destination IP annotation.  No route: the last output.
 * With DROP_BOGONS (default true) packets from martian sources are dropped
 * first.
 *
 * =h add write-only        "ADDR/MASK GW PORT [METRIC]": append a route
 * =h table read-only       routes and their packet counts
 */
class BranchRouteTable : public Element {
  public:
    BranchRouteTable();
    ~BranchRouteTable();

    const char *class_name() const override { return "BranchRouteTable"; }
    const char *port_count() const override { return "1/2-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    struct Entry {
        uint32_t net;           // network byte order, masked
        uint32_t mask;          // network byte order
        IPAddress gw;
        int port;
        uint32_t metric;
        uint64_t packets;
    };

  private:
    Vector<Entry> _rt;
    bool _drop_bogons;
    uint64_t _no_route;
    uint64_t _bogons;

    int parse_route(const String &spec, Entry &e, ErrorHandler *errh) const;

    static String table_handler(Element *e, void *);
    static int add_handler(const String &s, Element *e, void *, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
