// -*- c++ -*-
/*
 * service_chain_classifier.hh -- ServiceChainClassifier: the classifier at
 * the head of a service function chain.  Matches IPv4 traffic against an
 * ordered rule list and encapsulates matching packets in NSH (RFC 8300)
 * over Ethernet towards the first service function forwarder.
 */
#ifndef SERVICES_SERVICE_CHAIN_CLASSIFIER_HH
#define SERVICES_SERVICE_CHAIN_CLASSIFIER_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/ipaddress.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * ServiceChainClassifier(SRC_ETH, SFF_ETH, RULE "SRC DST PROTO PORTS SPI SI", ...)
 *
 * =d
 * Input: IPv4 packets, IP header first.  RULE fields: SRC and DST are
 * ADDR/LEN prefixes, PROTO a protocol number or "-", PORTS a destination
 * port or LO-HI range or "-".  The first rule that matches (rules are
 * tried in order) gives the service path (SPI, 24 bits) and starting
 * service index (SI).  The packet gets an 8-byte NSH (MD type 2, no
 * metadata) and an Ethernet header (SRC_ETH -> SFF_ETH, type 0x894F) and
 * leaves on output 0.  Unmatched traffic leaves unchanged on output 1.
 */
class ServiceChainClassifier : public Element {
  public:
    ServiceChainClassifier();
    ~ServiceChainClassifier();

    const char *class_name() const override { return "ServiceChainClassifier"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_RULES = 64, ETHERTYPE_NSH = 0x894F, NSH_LEN = 8, NSH_NP_IPV4 = 1 };

    struct Rule {
        uint32_t src, src_mask;         // host order
        uint32_t dst, dst_mask;
        int16_t proto;                  // -1: any
        uint16_t port_lo, port_hi;
        uint32_t spi;
        uint8_t si;
        uint64_t hits;
    };

  private:
    Rule _rules[MAX_RULES];
    int _nrules;
    EtherAddress _src_eth;
    EtherAddress _sff_eth;
    uint8_t _nsh_ttl;

    uint64_t _classified;
    uint64_t _bypassed;
    uint64_t _push_failed;

    int parse_rule(const String &s, Rule &r, ErrorHandler *errh, int n);
    static String read_rules(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
