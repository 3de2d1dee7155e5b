// -*- c-basic-offset: 4 -*-
#ifndef CLICK_HLLFLOWCOUNTER_HH
#define CLICK_HLLFLOWCOUNTER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * HLLFlowCounter([PRECISION, KEY, SEED])
 *
 * =s telemetry
 * estimates the number of distinct sources / flows with HyperLogLog
 *
 * =d
 * Passes packets through unchanged while feeding a HyperLogLog sketch with
 * 2^PRECISION one-byte registers.  KEY selects what is counted: SRC (source
 * addresses), PAIR (address pairs) or FLOW (5-tuple plus VLAN and ingress
 * paint, so tenants sharing address space count separately).  The estimate
 * is read from the "estimate" handler; "reset" clears the registers.
 */

class HLLFlowCounter : public Element {
  public:
    HLLFlowCounter();

    const char *class_name() const override	{ return "HLLFlowCounter"; }
    const char *port_count() const override	{ return PORTS_1_1; }

    int configure(Vector<String> &, ErrorHandler *) override;
    void add_handlers() override;

    Packet *simple_action(Packet *) override;

    enum { KEY_SRC = 0, KEY_PAIR = 1, KEY_FLOW = 2 };
    enum { MAX_PRECISION = 16 };

  private:
    uint8_t _reg[1 << MAX_PRECISION];
    unsigned _precision;
    int _key;
    uint32_t _seed;

    uint64_t _count;
    uint64_t _skipped;
    uint64_t _reg_updates;

    double estimate() const;
    static String read_estimate(Element *, void *);
    static int write_reset(const String &, Element *, void *, ErrorHandler *);
};

CLICK_ENDDECLS
#endif
