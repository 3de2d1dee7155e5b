// -*- c++ -*-
/*
 * range_acl.hh -- RangeACL: an ordered, stateless access-control list with
 * prefix, port-range, DSCP, TTL, length and TCP-flag matches; first match
 * wins; per-rule packet and byte counters.
 *
 * Training code for Clara's compute model (nf_corpus/security); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_RANGEACL_HH
#define CLARA_CORPUS_RANGEACL_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
=c

RangeACL(RULE, ..., KEYWORDS)

=s ip

stateless first-match access list with ranges

=d

Each RULE is a space-separated list of "FIELD VALUE" pairs followed by an
action word.  Fields (all optional; an absent field matches anything):

  src ADDR/LEN    dst ADDR/LEN    proto tcp|udp|icmp|NUM
  sport LO[:HI]   dport LO[:HI]   dscp LO[:HI]   ttl LO[:HI]
  len LO[:HI]     (IP total length)
  flags VALUE/MASK  (TCP flags, hexadecimal, e.g. 02/12 = SYN without ACK)

Actions: "permit", "deny", "remark N" (permit and rewrite the DSCP to N,
updating the IP checksum incrementally) and "count" (count and keep
looking).  Rules are tried in order; packets matching none get DEFAULT.
Permitted packets go to output 0, denied ones to output 1 (or are killed).

Keywords: DEFAULT (permit|deny, default permit).

=h rules read-only   per-rule packets and bytes
=h permitted, denied, remarked read-only
=h clear write-only
*/

class RangeACL : public Element {
  public:
    RangeACL();
    ~RangeACL();

    const char *class_name() const { return "RangeACL"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum Verdict { V_PERMIT, V_DENY, V_REMARK, V_COUNT };
    enum {
        M_SRC = 1 << 0, M_DST = 1 << 1, M_PROTO = 1 << 2, M_SPORT = 1 << 3,
        M_DPORT = 1 << 4, M_DSCP = 1 << 5, M_TTL = 1 << 6, M_LEN = 1 << 7,
        M_FLAGS = 1 << 8
    };
    enum { MAX_RULES = 1024, ANY_PROTO = 256 };

    struct Range16 {
        uint16_t lo, hi;
        bool contains(uint16_t v) const { return v >= lo && v <= hi; }
    };

    struct AclRule {
        uint32_t match;            /* M_* bits: which fields are tested */
        uint32_t src, src_mask;    /* network order */
        uint32_t dst, dst_mask;
        Range16 sport, dport;      /* host order */
        Range16 len;
        uint8_t dscp_lo, dscp_hi;
        uint8_t ttl_lo, ttl_hi;
        uint8_t proto;
        uint8_t flags_value, flags_mask;
        uint8_t verdict;
        uint8_t remark_dscp;
        uint64_t packets;
        uint64_t bytes;
    };

  private:
    Vector<AclRule> _rules;
    /* for each IP protocol, the index of the first rule that can match it
       (rules before it all name a different protocol) */
    int16_t _first_rule[256];
    uint8_t _default_verdict;

    uint64_t _permitted;
    uint64_t _denied;
    uint64_t _remarked;

    int parse_rule(const String &text, AclRule &r, ErrorHandler *errh);
    static bool parse_range(const String &word, uint32_t max, Range16 &r);
    bool rule_matches(const AclRule &r, const click_ip *iph, const Packet *p,
                      uint16_t sport, uint16_t dport, uint8_t tcp_flags) const;
    Packet *remark(Packet *p, uint8_t dscp);

    static String read_handler(Element *e, void *thunk);
    static int clear_handler(const String &data, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
