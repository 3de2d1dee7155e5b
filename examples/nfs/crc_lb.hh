// -*- c++ -*-
#ifndef CLICK_CRCLB_HH
#define CLICK_CRCLB_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
=c

CRCLoadBalancer(BACKEND, ..., [SEED S, SLOTS N])

=s loadbalancing

stateless L4 load balancer hashing the 5-tuple with CRC32

=d

Each BACKEND is an IPv4 address.  For each TCP or UDP packet the element
computes a CRC32 (IEEE 802.3 polynomial, reflected, table-driven) over the
flow's 5-tuple (source and destination address, ports and protocol) seeded
with SEED, maps it through an indirection table of SLOTS entries (a power
of two, default 256) to a backend, rewrites the destination address to that
backend with incremental IP and TCP/UDP checksum updates, and emits the
packet on output 0.  Every packet of a flow reaches the same backend; the
indirection table spreads flows evenly across backends (each backend owns
SLOTS/N slots).  Other packets go to output 1 if it exists, else are
dropped.  Packets need IP and transport header annotations.

=h backends read-only
Per backend: address, packets, bytes.
=h unbalanced read-only
Packets that were not TCP/UDP.
*/

class CRCLoadBalancer : public Element {
  public:
    CRCLoadBalancer();
    ~CRCLoadBalancer();

    const char *class_name() const { return "CRCLoadBalancer"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum { MAX_BACKENDS = 64, MAX_SLOTS = 4096 };

    struct Backend {
        uint32_t addr;          /* network order */
        uint64_t packets;
        uint64_t bytes;
    };

  private:
    uint32_t _crc_table[256];
    uint8_t _slot_backend[MAX_SLOTS];
    Backend _backends[MAX_BACKENDS];
    int _nbackends;
    uint32_t _nslots;
    uint32_t _seed;
    uint64_t _unbalanced;

    uint32_t crc32_tuple(const click_ip *iph, uint16_t sport, uint16_t dport) const;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
