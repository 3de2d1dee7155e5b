#ifndef CLARA_ELEMENTS_UNSTRIP_HH
#define CLARA_ELEMENTS_UNSTRIP_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * Unstrip(LENGTH)
 *
 * =s basicmod
 * puts bytes back at the front of packets
 *
 * =d
 * Extends every packet LENGTH bytes towards the front of its buffer, the
 * inverse of Strip(LENGTH): after Strip(14) -> ... -> Unstrip(14) the
 * packet starts with its original Ethernet header again.  The bytes are not
 * written: they are whatever the headroom holds.  If the headroom is too
 * small the data is moved (or copied, when shared) to make room; a packet
 * that cannot be extended is dropped.
 *
 * =h length read-only     bytes added per packet
 */
class Unstrip : public Element {
  public:
    Unstrip();
    ~Unstrip();

    const char *class_name() const override { return "Unstrip"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    unsigned _nbytes;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
