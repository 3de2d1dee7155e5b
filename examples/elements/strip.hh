#ifndef CLARA_ELEMENTS_STRIP_HH
#define CLARA_ELEMENTS_STRIP_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * Strip(LENGTH)
 *
 * =s basicmod
 * removes bytes from the front of packets
 *
 * =d
 * Removes LENGTH bytes from the front of every packet, e.g. Strip(14) drops
 * an Ethernet header before IP processing.  The bytes stay in the buffer's
 * headroom (the MAC header annotation still points at them), so Unstrip
 * can put them back.  A packet shorter than LENGTH is left empty.
 *
 * =h length read-only     bytes removed per packet
 */
class Strip : public Element {
  public:
    Strip();
    ~Strip();

    const char *class_name() const override { return "Strip"; }
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
