#ifndef CLARA_ELEMENTS_COUNTER_HH
#define CLARA_ELEMENTS_COUNTER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * Counter()
 *
 * =s counters
 * counts packets and bytes
 *
 * =d
 * Passes packets unchanged and counts them and their bytes (the packet
 * length as it reaches the element).  Unlike Click's Counter it keeps no
 * rate estimate: two 64-bit counters, two stores per packet.
 *
 * =h count read-only        packets counted
 * =h byte_count read-only   bytes counted
 * =h reset write-only       zero both counters
 */
class Counter : public Element {
  public:
    Counter();
    ~Counter();

    const char *class_name() const override { return "Counter"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    enum { h_count, h_byte_count, h_reset };

    uint64_t _count;
    uint64_t _byte_count;

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &data, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
