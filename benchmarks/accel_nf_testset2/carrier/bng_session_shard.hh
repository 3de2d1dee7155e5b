// -*- c++ -*-
/*
 * bng_session_shard.hh -- BngSessionShard: spreads PPPoE subscriber
 * sessions over the BNG's worker shards.
 *
 * Every subscriber session (client MAC, S-VLAN, C-VLAN, PPPoE session id)
 * must always reach the same worker, which owns that session's state
 * (accounting, policing, lawful-intercept flags).  The element parses the
 * access frame, forms the session key, reduces a 32-bit digest of the key to
 * a shard, and keeps a direct-mapped per-session usage cache on the way.
 * PPPoE discovery and PPP control protocols go to the control output.
 */
#ifndef CARRIER_BNG_SESSION_SHARD_HH
#define CARRIER_BNG_SESSION_SHARD_HH
#include <click/element.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * BngSessionShard(SHARDS N)
 *
 * =d
 * Input: Ethernet frames from the access network, optionally with an
 * 802.1ad/802.1Q outer tag and an 802.1Q inner tag.  PPPoE session frames
 * carrying IPv4 or IPv6 leave on output (digest mod N); discovery frames and
 * PPP control frames leave on output N; anything else leaves on output N+1
 * if present and is dropped otherwise.
 */
class BngSessionShard : public Element {
  public:
    BngSessionShard();
    ~BngSessionShard();

    const char *class_name() const override { return "BngSessionShard"; }
    const char *port_count() const override { return "1/2-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_SHARDS = 64, CACHE = 4096, KEY_LEN = 12, PPPOE_HDR = 6 };
    enum { PPP_IPV4 = 0x0021, PPP_IPV6 = 0x0057 };

  private:
    struct Usage {
        uint8_t key[KEY_LEN];
        uint32_t digest;
        uint32_t pkts;
        uint64_t bytes;
    };

    int _shards;
    uint64_t _shard_pkts[MAX_SHARDS];
    Usage _cache[CACHE];

    uint64_t _control;
    uint64_t _other;
    uint64_t _evictions;
    uint64_t _bad_pppoe;

    void not_session(Packet *p);
    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
