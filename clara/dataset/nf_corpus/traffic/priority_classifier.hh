// -*- c++ -*-
/*
 * priority_classifier.{cc,hh} -- protocol/port based priority classes.
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_PRIORITYCLASSIFIER_HH
#define CLARA_NFCORPUS_PRIORITYCLASSIFIER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * PriorityClassifier(RULE ... [, DEFAULT, ACK_PRIO, DSCP_PRIO])
 *
 * =s qos
 * sorts IPv4 packets into priority classes, one output per class
 *
 * =d
 * Each output is a priority class; output 0 is the most urgent.  RULE
 * arguments fill two 65536-entry port tables (TCP and UDP) and a
 * 256-entry protocol table:
 *
 *   RULE tcp 22 0          TCP port 22 -> class 0
 *   RULE udp 5060-5061 1   UDP ports 5060..5061 -> class 1
 *   RULE proto 1 0         IP protocol 1 (ICMP) -> class 0
 *
 * For TCP and UDP the more urgent of the source and destination ports'
 * classes wins.  With ACK_PRIO, TCP segments without payload (bare ACKs,
 * SYNs, FINs) go to class 0.  With DSCP_PRIO, Expedited Forwarding (DSCP
 * 46) and network control (48, 56) traffic goes to class 0 as well.
 * Other packets, non-IP ones included, go to DEFAULT (the last output if
 * not given).
 *
 * =h classes read-only    "CLASS PACKETS BYTES" per line
 * =h reset write-only     zero the counters
 */
class PriorityClassifier : public Element {
  public:
    PriorityClassifier();
    ~PriorityClassifier();

    const char *class_name() const override { return "PriorityClassifier"; }
    const char *port_count() const override { return "1/1-8"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { MAX_CLASSES = 8, NPORTS = 65536, NO_CLASS = 0xFF };

  private:
    enum { h_classes, h_reset };

    uint8_t _tcp_class[NPORTS];     // by host-order port
    uint8_t _udp_class[NPORTS];
    uint8_t _proto_class[256];
    uint8_t _dscp_class[64];

    int _nclasses;
    uint8_t _default;
    bool _ack_prio;

    uint64_t _class_pkts[MAX_CLASSES];
    uint64_t _class_bytes[MAX_CLASSES];
    uint32_t _non_ip;

    static inline uint8_t more_urgent(uint8_t a, uint8_t b) {
        return a < b ? a : b;       // NO_CLASS (0xFF) loses to any class
    }

    int parse_rule(const String &rule, ErrorHandler *errh);
    uint8_t classify(const Packet *p) const;
    uint8_t classify_tcp(const Packet *p, const click_ip *iph) const;

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
