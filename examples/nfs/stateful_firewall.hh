// -*- c++ -*-
#ifndef CLICK_STATEFULFIREWALL_HH
#define CLICK_STATEFULFIREWALL_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

StatefulFirewall(RULE, ..., KEYWORDS)

=s ip

stateful IPv4 firewall with an ordered rule list and TCP connection tracking

=d

Each RULE is "ACTION PROTO SRC SPORT DST DPORT", where ACTION is "allow" or
"deny", PROTO is "tcp", "udp", "icmp" or "any", SRC and DST are "ADDR/MASK"
prefixes or "any", and SPORT and DPORT are a port, a range "LO-HI", or
"any".  Rules are tried in order; the first match decides, and DEFAULT
decides when none matches.

Only packets that may open a connection consult the rules: a TCP SYN
without ACK, or the first UDP/ICMP packet of a flow.  An allowed opener
creates a connection entry; later packets of the connection, in either
direction, are accepted without a rule lookup as long as they are
consistent with the tracked TCP state (SYN, SYN-ACK, ACK, FIN, RST).  A TCP
packet that matches no connection and is not a SYN is dropped.  Idle
connections expire after TCP_TIMEOUT (established), HALF_OPEN_TIMEOUT
(handshake or closing) or UDP_TIMEOUT.

Accepted packets go to output 0, dropped ones to output 1 if it exists
(otherwise they are killed).  Packets need the IP header annotation.

Keywords: DEFAULT (allow|deny, default deny), TCP_TIMEOUT (s, 3600),
HALF_OPEN_TIMEOUT (s, 30), UDP_TIMEOUT (s, 60).

=h accepted, dropped, connections, rule_hits read-only
*/

class StatefulFirewall : public Element {
  public:
    StatefulFirewall();
    ~StatefulFirewall();

    const char *class_name() const { return "StatefulFirewall"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum Action { A_DENY = 0, A_ALLOW = 1 };

    struct Rule {
        uint32_t src_addr, src_mask;    /* network order */
        uint32_t dst_addr, dst_mask;
        uint16_t sport_lo, sport_hi;    /* host order */
        uint16_t dport_lo, dport_hi;
        uint8_t proto;                  /* 0 = any */
        uint8_t action;
        uint64_t hits;
    };

    /* TCP connection states, as seen by a middlebox. */
    enum ConnState {
        S_SYN_SENT,         /* SYN from initiator seen */
        S_SYN_RECEIVED,     /* SYN-ACK from responder seen */
        S_ESTABLISHED,      /* handshake ACK seen */
        S_FIN_WAIT,         /* FIN seen from one side */
        S_CLOSING,          /* FIN seen from both sides */
        S_CLOSED,           /* RST, or last ACK after both FINs */
        S_UDP               /* a UDP/ICMP pseudo-connection */
    };

    /* A connection, keyed by the flow as sent by its initiator (plus the
       protocol). */
    struct ConnKey {
        IPFlowID flow;
        uint8_t proto;

        bool operator==(const ConnKey &o) const { return flow == o.flow && proto == o.proto; }
        hashcode_t hashcode() const { return flow.hashcode() ^ proto; }
    };

    struct Conn {
        uint8_t state;
        uint8_t fin_from;       /* bit 0: initiator sent FIN, bit 1: responder */
        Timestamp last_seen;
        uint32_t packets;
    };

  private:
    Vector<Rule> _rules;
    HashMap<ConnKey, Conn> _conns;
    uint8_t _default_action;
    Timestamp _tcp_timeout;
    Timestamp _half_open_timeout;
    Timestamp _udp_timeout;

    uint64_t _accepted;
    uint64_t _dropped;

    int parse_rule(const String &text, Rule &r, ErrorHandler *errh);
    int match_rules(const click_ip *iph, uint16_t sport, uint16_t dport);
    bool track_tcp(Conn &c, bool from_initiator, uint8_t flags);
    bool conn_expired(const Conn &c, const Timestamp &now) const;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
