// -*- c++ -*-
/*
 * policy_port_classifier.hh -- PolicyPortClassifier: policy-based routing
 * by service.  The TCP/UDP destination port selects which routing table
 * (paint colour) a packet is looked up in, e.g. voice ports to a
 * low-latency table, bulk transfer to a cheap-transit table.
 */
#ifndef ROUTING_POLICY_PORT_CLASSIFIER_HH
#define ROUTING_POLICY_PORT_CLASSIFIER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * PolicyPortClassifier(RANGE "LO-HI TABLE", ..., [DEFAULT TABLE, PROTO tcp|udp|both])
 *
 * =d
 * RANGEs must not overlap.  A packet of the chosen protocol(s) whose
 * destination port falls in a range gets that range's TABLE in its paint
 * annotation; everything else gets DEFAULT (0).  Output 0 for classified
 * packets, output 1 (if present) for those that took the default.
 */
class PolicyPortClassifier : public Element {
  public:
    PolicyPortClassifier();
    ~PolicyPortClassifier();

    const char *class_name() const override { return "PolicyPortClassifier"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_RANGES = 512 };

    struct Range {
        uint16_t lo, hi;        // inclusive, host order
        uint8_t table;
    };

  private:
    Range _r[MAX_RANGES];       // sorted by lo, disjoint
    int _nr;
    uint8_t _default;
    bool _tcp, _udp;
    uint32_t _hits[MAX_RANGES];
    uint64_t _defaulted;

    int find(uint16_t port) const;
    int add_range(uint16_t lo, uint16_t hi, uint8_t table);

    static String hits_handler(Element *e, void *);
};

CLICK_ENDDECLS
#endif
