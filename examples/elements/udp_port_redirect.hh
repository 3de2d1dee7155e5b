#ifndef CLARA_ELEMENTS_UDPPORTREDIRECT_HH
#define CLARA_ELEMENTS_UDPPORTREDIRECT_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * UDPPortRedirect(PORT, PROXY, PROXY_PORT [, CAPACITY, TIMEOUT])
 *
 * =s udp
 * redirects UDP traffic for one port to a proxy and rewrites replies back
 *
 * =d
 * A transparent-proxy redirector, e.g. for DNS (PORT 53): clients keep
 * addressing their server while a local proxy answers.  Packets need the
 * IP header annotation (after CheckIPHeader).
 *
 * Input 0 takes packets from the clients.  A UDP packet (not a later
 * fragment) to destination port PORT is recorded in the flow table under
 * its client endpoint (source address and port), with the server it was
 * sent to; its destination is rewritten to PROXY:PROXY_PORT, the IP and UDP
 * checksums are updated incrementally (a zero UDP checksum stays zero), and
 * it leaves on output 0.  Other packets leave on output 0 unchanged.
 *
 * Input 1 takes packets from the proxy.  A UDP packet from
 * PROXY:PROXY_PORT is looked up by its destination (the client endpoint):
 * on a hit its source is rewritten back to the server the client asked,
 * the checksums are updated, and it leaves on output 1; without an entry
 * it is dropped.  Other packets leave on output 1 unchanged.
 *
 * The flow table is a direct-mapped array of CAPACITY slots (a power of two,
 * at most 4096) indexed by a hash of the client endpoint.  An entry lives
 * TIMEOUT seconds after its client's last query; a query whose slot holds
 * another client's live entry is dropped (counted in "collisions"), as a
 * redirected query whose reply cannot be mapped back is useless.
 *
 * Keyword arguments:
 * =item CAPACITY  Unsigned.  Flow table slots.  Default 1024.
 * =item TIMEOUT   Time.  Entry lifetime after the last query.  Default 30s.
 *
 * =h redirected read-only  queries redirected to the proxy
 * =h restored read-only    replies rewritten back
 * =h unmatched read-only   replies from the proxy without an entry
 * =h collisions read-only  queries dropped: their slot was taken
 * =h passed read-only      packets passed unchanged (both inputs)
 * =h flows read-only       live entries
 */
class UDPPortRedirect : public Element {
  public:
    UDPPortRedirect();
    ~UDPPortRedirect();

    const char *class_name() const override { return "UDPPortRedirect"; }
    const char *port_count() const override { return "2/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { MAX_CAPACITY = 4096 };

  private:
    enum { h_redirected, h_restored, h_unmatched, h_collisions, h_passed, h_flows };

    struct Flow {
        uint32_t client_ip;     // network order; 0 = free slot
        uint32_t server_ip;
        uint16_t client_port;
        uint16_t server_port;
        Timestamp expires;
    };

    Flow _table[MAX_CAPACITY];
    uint32_t _capacity;
    Timestamp _timeout;

    uint16_t _port;             // network order
    uint32_t _proxy_ip;         // network order
    uint16_t _proxy_port;       // network order

    uint64_t _redirected;
    uint64_t _restored;
    uint64_t _unmatched;
    uint64_t _collisions;
    uint64_t _passed;

    uint32_t slot_of(uint32_t ip, uint16_t port) const;
    const click_udp *redirectable(const Packet *p) const;
    void query(Packet *p);
    void reply(Packet *p);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
