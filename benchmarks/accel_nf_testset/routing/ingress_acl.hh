// -*- c++ -*-
/*
 * ingress_acl.hh -- IngressAcl: an interface access list in front of the
 * routing step.  Rules are tried in the order written; the first that
 * matches decides.
 */
#ifndef ROUTING_INGRESS_ACL_HH
#define ROUTING_INGRESS_ACL_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * IngressAcl(RULE "permit|deny SRC/MASK DST/MASK PROTO SPORTS DPORTS", ...,
 *            [DEFAULT permit|deny, LOG_ONE_IN N])
 *
 * =d
 * PROTO is a number or "any"; SPORTS and DPORTS are "any", "N" or "LO-HI"
 * and only constrain TCP and UDP.  Permitted packets leave on output 0,
 * denied ones on output 1.  With LOG_ONE_IN N (default 0, off) about one
 * denied packet in N is also copied to output 2 for logging.
 *
 * =h counters read-only    per-rule match counts
 */
class IngressAcl : public Element {
  public:
    IngressAcl();
    ~IngressAcl();

    const char *class_name() const override { return "IngressAcl"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    struct Rule {
        uint32_t src, src_mask;         // network byte order
        uint32_t dst, dst_mask;
        int proto;                      // -1 = any
        uint16_t sport_lo, sport_hi;    // host order, inclusive
        uint16_t dport_lo, dport_hi;
        bool permit;
        uint64_t matches;
    };

  private:
    Vector<Rule> _rules;
    bool _default_permit;
    uint32_t _log_one_in;
    uint32_t _rng;                      // sampling state, never 0
    uint64_t _default_hits;
    uint64_t _logged;

    static bool parse_ports(const String &s, uint16_t &lo, uint16_t &hi);
    int parse_rule(const String &s, Rule &r) const;

    inline uint32_t next_random() {
        uint32_t x = _rng;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return _rng = x;
    }

    static String counters_handler(Element *e, void *);
};

CLICK_ENDDECLS
#endif
