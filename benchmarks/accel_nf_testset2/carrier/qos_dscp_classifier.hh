// -*- c++ -*-
/*
 * qos_dscp_classifier.hh -- QosDscpClassifier: maps subscriber traffic to a
 * QoS class (5QI / QFI on a UPF, a scheduler queue on a BNG) with an ordered
 * list of operator rules, as in a PCC rule set or a BNG's QoS policy-map.
 * Rules are tried in their configured order and the first one that matches
 * wins; the operator orders them by precedence.
 */
#ifndef CARRIER_QOS_DSCP_CLASSIFIER_HH
#define CARRIER_QOS_DSCP_CLASSIFIER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * QosDscpClassifier(RULE "SRC DST PROTO PORTS DSCP -> CLASS PORT", ...,
 *                   [DEFAULT_CLASS, DEFAULT_PORT])
 *
 * =d
 * SRC and DST are ADDR/LEN or "-", PROTO a number or "-", PORTS a
 * destination-port range LO-HI or a single port or "-", DSCP a number
 * 0-63 or "-".  The class goes into the paint annotation; the packet leaves
 * on the rule's output PORT.
 */
class QosDscpClassifier : public Element {
  public:
    QosDscpClassifier();
    ~QosDscpClassifier();

    const char *class_name() const override { return "QosDscpClassifier"; }
    const char *port_count() const override { return "1/1-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { ANY_PROTO = 256, ANY_DSCP = 64, MAX_RULES = 256 };

  private:
    struct Rule {
        uint32_t src, src_mask;     // network order
        uint32_t dst, dst_mask;
        uint16_t proto;
        uint16_t dscp;
        uint16_t port_lo, port_hi;
        uint8_t cls;
        uint8_t out;
        uint64_t hits;
    };

    Rule _rules[MAX_RULES];
    int _nrules;
    uint8_t _default_class;
    int _default_port;
    uint64_t _defaulted;
    uint64_t _non_ip;

    bool parse_rule(const String &s, Rule &r, ErrorHandler *errh, int idx);
    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
