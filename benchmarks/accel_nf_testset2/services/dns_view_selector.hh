// -*- c++ -*-
/*
 * dns_view_selector.hh -- DnsViewSelector: sends each DNS query to the
 * server instance ("view") configured for the client's network, using the
 * EDNS Client Subnet option when a forwarder supplied one.
 */
#ifndef SERVICES_DNS_VIEW_SELECTOR_HH
#define SERVICES_DNS_VIEW_SELECTOR_HH
#include <click/element.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * DnsViewSelector(VIEW "ADDR/LEN PORT", ..., [DEFAULT, USE_ECS])
 *
 * =d
 * Input: DNS queries, IPv4/UDP, IP header first.  The client address is
 * the ECS address (RFC 7871, IPv4 family, only its SOURCE PREFIX-LENGTH
 * bits count) when USE_ECS is true (default) and the query carries one,
 * else the IP source.  The most specific VIEW containing it names the
 * output port; without one the query leaves on DEFAULT (default 0).
 */
class DnsViewSelector : public Element {
  public:
    DnsViewSelector();
    ~DnsViewSelector();

    const char *class_name() const override { return "DnsViewSelector"; }
    const char *port_count() const override { return "1/1-16"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_NODES = 8192, MAX_PORTS = 16, T_OPT = 41, O_ECS = 8 };

  private:
    uint16_t _kid[MAX_NODES][2];
    int8_t _out[MAX_NODES];
    unsigned _nnodes;

    int _default_port;
    bool _use_ecs;

    uint64_t _by_port[MAX_PORTS];
    uint64_t _ecs_used;
    uint64_t _malformed;

    int add_view(uint32_t addr, int len, int port);
    int select(uint32_t addr, int known_bits) const;
    bool find_ecs(const uint8_t *m, unsigned mlen, uint32_t *addr, int *bits) const;
    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
