// -*- c++ -*-
/*
 * ordered_rule_acl.hh -- OrderedRuleAcl: a classic stateless firewall
 * rule list.  Rules are tried in order and the first one that matches
 * decides, as in an iptables chain or a router ACL.
 */
#ifndef SECURITY_ORDEREDRULEACL_HH
#define SECURITY_ORDEREDRULEACL_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * OrderedRuleAcl(RULE "ACTION PROTO SRC DST [SPORTS [DPORTS]]", ..., [DEFAULT ACTION])
 *
 * =s firewall
 * first-match IPv4 access control list
 *
 * =d
 * ACTION is permit, deny or reject.  PROTO is tcp, udp, icmp, any or a
 * number.  SRC and DST are ADDR/LEN prefixes or "any".  SPORTS and DPORTS
 * are a port, a range LO-HI, or "any" (only meaningful for tcp and udp).
 * Rules are tried in the order given; the first match decides.  permit
 * sends the packet to output 0, deny to output 1, reject to output 2 (for
 * an element that generates an ICMP or RST), falling back to output 1.
 * Non-first fragments match on addresses and protocol only; a rule with
 * port conditions never matches them.  Unmatched packets get DEFAULT
 * (default deny).
 *
 * =h rules read-only     the rules with their hit counters
 */
class OrderedRuleAcl : public Element {
  public:
    OrderedRuleAcl();
    ~OrderedRuleAcl();

    const char *class_name() const override { return "OrderedRuleAcl"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum Verdict { V_PERMIT = 0, V_DENY = 1, V_REJECT = 2 };

    struct Rule {
        uint32_t src, src_mask;     /* network order */
        uint32_t dst, dst_mask;
        uint16_t sport_lo, sport_hi;
        uint16_t dport_lo, dport_hi;
        int16_t proto;              /* -1 = any */
        uint8_t verdict;
        uint8_t has_ports;
        uint64_t hits;
        String text;
    };

  private:
    Vector<Rule> _rules;
    uint8_t _default;
    uint64_t _default_hits;
    uint64_t _short;

    int parse_rule(const String &text, Rule &r, ErrorHandler *errh);
    static bool parse_range(const String &s, uint16_t &lo, uint16_t &hi);
    static String read_rules(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
