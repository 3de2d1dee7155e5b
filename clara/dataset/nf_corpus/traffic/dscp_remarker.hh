// -*- c++ -*-
/*
 * dscp_remarker.{cc,hh} -- DSCP rewriting through a 64-entry map.
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_DSCPREMARKER_HH
#define CLARA_NFCORPUS_DSCPREMARKER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * DscpRemarker([MAP ...] [, PORT ...] [, DEFAULT, CLEAR_ECN, TRUST])
 *
 * =s qos
 * rewrites the DSCP field of IPv4 packets
 *
 * =d
 * Input packets must carry an IP header annotation.  The packet's DSCP
 * code point (the upper six bits of ip_tos) indexes a 64-entry table that
 * gives the new code point.  The table starts as the identity (or, if
 * TRUST is false, maps everything to DEFAULT); each MAP "FROM TO" argument
 * changes one entry.  PORT "PORT DSCP" arguments (at most 16) override the
 * table for TCP and UDP packets whose destination or source port matches.
 * With CLEAR_ECN, the two ECN bits are cleared as well.  A changed TOS byte
 * is written back with an incremental (RFC 1624) header checksum update.
 *
 * Non-IPv4 packets pass unchanged.
 *
 * =h remarked read-only     packets whose TOS byte changed
 * =h seen read-only         "DSCP PACKETS" per line for incoming code points
 * =h sent read-only         "DSCP PACKETS BYTES" per line for outgoing ones
 * =h map read-only          the 64-entry table
 * =h reset write-only       zero the counters
 */
class DscpRemarker : public Element {
  public:
    DscpRemarker();
    ~DscpRemarker();

    const char *class_name() const override { return "DscpRemarker"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

    enum { NDSCP = 64, MAX_PORT_RULES = 16 };

  private:
    enum { h_remarked, h_seen, h_sent, h_map, h_reset };

    struct PortRule {
        uint16_t port;          // network order
        uint8_t dscp;
        uint8_t proto_mask;     // 1: TCP, 2: UDP
    };

    uint8_t _map[NDSCP];
    PortRule _rules[MAX_PORT_RULES];
    int _nrules;
    bool _clear_ecn;

    uint64_t _seen[NDSCP];
    uint64_t _sent_pkts[NDSCP];
    uint64_t _sent_bytes[NDSCP];
    uint64_t _remarked;
    uint64_t _rule_hits;
    uint32_t _short;

    static inline uint8_t dscp_of(uint8_t tos) { return tos >> 2; }
    static inline uint8_t make_tos(uint8_t dscp, uint8_t ecn) {
        return (uint8_t) ((dscp << 2) | (ecn & IP_ECNMASK));
    }

    int port_rule_dscp(const Packet *p, const click_ip *iph) const;
    void rewrite_tos(WritablePacket *q, uint8_t new_tos);
    void reset();

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
