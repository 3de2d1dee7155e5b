#ifndef CLICK_ERSPANMIRROR_HH
#define CLICK_ERSPANMIRROR_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * ERSPANMirror(SRC, DST, I<keywords> RULE, MAXLEN, RATE, BURST, TTL, DSCP)
 *
 * =s telemetry
 * remote port mirroring: ERSPAN type II copies of selected frames
 *
 * =d
 * Input frames are Ethernet frames with the IP header annotation set (or
 * not, for non-IP).  Every frame leaves unchanged on output 0.  Frames
 * selected by a mirror rule are also copied, cut to MAXLEN bytes,
 * encapsulated in IPv4/GRE/ERSPAN-II from SRC to DST and sent on output 1.
 *
 * RULE is repeatable: "SESSION PREFIX [PROTO]", e.g. "RULE 7 10.1.0.0/16
 * 6".  Rules are tried in order and the first whose prefix contains the
 * source or destination address (and whose protocol matches) decides the
 * session; session 0 means "do not mirror".  RATE (bytes/s, 0 = unlimited)
 * and BURST police the mirror traffic so a busy port cannot flood the
 * analyzer.
 */

class ERSPANMirror : public Element {
  public:
    ERSPANMirror();

    const char *class_name() const override { return "ERSPANMirror"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &, ErrorHandler *) override;
    void add_handlers() override;
    void push(int, Packet *) override;

  private:
    enum { ENCAP_LEN = 20 + 8 + 8, ERSPAN_PROTO = 0x88BE, MAX_RULES = 64 };

    struct Rule {
        uint32_t net;       // network order
        uint32_t mask;
        int proto;          // -1 = any
        uint16_t session;
    };

    Rule _rules[MAX_RULES];
    int _nrules;
    IPAddress _src;
    IPAddress _dst;
    uint32_t _maxlen;
    uint8_t _ttl;
    uint8_t _dscp;

    // mirror policer (token bucket, bytes)
    uint64_t _rate;
    uint64_t _burst;
    uint64_t _tokens;
    Timestamp _last_fill;

    uint32_t _gre_seq;
    uint16_t _ip_id;

    uint64_t _mirrored;
    uint64_t _policed;
    uint64_t _truncated;
    uint64_t _alloc_fail;

    int match_session(const Packet *p) const;
    bool police(uint32_t bytes);
};

CLICK_ENDDECLS
#endif
