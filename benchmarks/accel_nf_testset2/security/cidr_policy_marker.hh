// -*- c++ -*-
/*
 * cidr_policy_marker.hh -- CidrPolicyMarker: applies a blocklist feed of
 * CIDR blocks, each with an action (pass, drop, scrub, or remark DSCP),
 * to the source address of IPv4 packets.  A more specific block overrides
 * a broader one, so /32 exceptions can punch holes in a blocked /16.
 */
#ifndef SECURITY_CIDRPOLICYMARKER_HH
#define SECURITY_CIDRPOLICYMARKER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * CidrPolicyMarker(ENTRY "ADDR/LEN ACTION [DSCP]", ..., [DEFAULT ACTION])
 *
 * =s firewall
 * per-source policy from a CIDR blocklist, most specific block wins
 *
 * =d
 * ACTION is one of pass, drop, scrub or remark.  pass and remark send the
 * packet to output 0 (remark first rewrites the DSCP field to DSCP, e.g.
 * to a scavenger class, and fixes the IP checksum); scrub sends it to
 * output 2 (a scrubbing centre), drop to output 1.  Packets from no listed
 * block get DEFAULT (default pass).  The list is meant for a few hundred
 * entries (a feed such as a DROP list plus local exceptions).
 *
 * =h stats read-only     per-entry hit counters
 */
class CidrPolicyMarker : public Element {
  public:
    CidrPolicyMarker();
    ~CidrPolicyMarker();

    const char *class_name() const override { return "CidrPolicyMarker"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum Action { A_PASS = 0, A_DROP = 1, A_SCRUB = 2, A_REMARK = 3 };

    struct Block {
        uint32_t net;           /* network order, already masked */
        uint32_t mask;          /* network order */
        uint8_t len;
        uint8_t action;
        uint8_t dscp;
        uint8_t pad;
        uint64_t hits;
    };

  private:
    Vector<Block> _blocks;
    uint8_t _default_action;
    uint64_t _default_hits;
    uint64_t _remarked;
    uint64_t _bad;

    static int parse_action(const String &word, uint8_t *action);
    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
