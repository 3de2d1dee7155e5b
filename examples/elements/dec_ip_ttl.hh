#ifndef CLARA_ELEMENTS_DECIPTTL_HH
#define CLARA_ELEMENTS_DECIPTTL_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * DecIPTTL([MULTICAST])
 *
 * =s ip
 * decrements the IP time-to-live, drops expired packets
 *
 * =d
 * Expects packets with the IP header annotation set (after CheckIPHeader).
 * A packet whose TTL is 0 or 1 has expired: it leaves on output 1 if the
 * element has two outputs (e.g. towards an ICMP time-exceeded generator),
 * else it is dropped.  Otherwise the TTL is decremented and the header
 * checksum updated incrementally (RFC 1624: one 16-bit word changed), and
 * the packet leaves on output 0.
 *
 * Keyword arguments:
 * =item MULTICAST  Boolean.  Whether to decrement the TTL of multicast
 *                  packets too; if false they pass unchanged.  Default true.
 *
 * =h count read-only     packets decremented
 * =h drops read-only     expired packets
 */
class DecIPTTL : public Element {
  public:
    DecIPTTL();
    ~DecIPTTL();

    const char *class_name() const override { return "DecIPTTL"; }
    const char *port_count() const override { return PORTS_1_1X2; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    enum { h_count, h_drops };

    bool _multicast;
    uint64_t _count;
    uint64_t _drops;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
