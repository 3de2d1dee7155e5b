// -*- c++ -*-
/*
 * multicast_replicator.hh -- MulticastReplicator: replicates IPv4
 * multicast packets to the outputs that are members of the destination
 * group; membership is configured statically or learned by snooping IGMP
 * reports, and learned memberships expire.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_MULTICASTREPLICATOR_HH
#define CLARA_NFCORPUS_MULTICASTREPLICATOR_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * MulticastReplicator([GROUP "ADDR PORT...", ..., DEC_TTL, MEMBERSHIP_TIMEOUT, SCOPE_TTL])
 *
 * =s multicast
 * copies multicast packets to the member outputs of their group
 *
 * =d
 * Input 0 takes IPv4 packets with the IP header annotation set.  A packet
 * to a group with members is cloned to every member output (the last
 * member gets the original); packets to unknown groups, to groups without
 * members, with a TTL at or below the group's scope (SCOPE_TTL, default 1)
 * or to non-multicast destinations are dropped.  With DEC_TTL (default
 * true) the TTL is decremented once, before replication.  Up to 256
 * groups and 32 outputs.  GROUP entries give static members.  Input 1, if
 * present, takes IGMP messages whose paint annotation names the output the
 * report arrived from: v1/v2 reports and v3 records join, v2 leaves and v3
 * include-nothing records leave.  Learned memberships expire after
 * MEMBERSHIP_TIMEOUT seconds (default 260) without a report.
 *
 * =h groups read-only        groups and member masks
 * =h stats read-only         counters
 * =h port_counts read-only   with a group address parameter: copies per output
 */
class MulticastReplicator : public Element {
  public:
    MulticastReplicator();
    ~MulticastReplicator();

    const char *class_name() const override { return "MulticastReplicator"; }
    const char *port_count() const override { return "1-2/1-32"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_GROUPS = 256, MAX_OUTPUTS = 32, NO_GROUP = 0xFFFF };
    enum {
        IGMP_QUERY = 0x11, IGMP_V1_REPORT = 0x12, IGMP_V2_REPORT = 0x16,
        IGMP_V2_LEAVE = 0x17, IGMP_V3_REPORT = 0x22
    };

  private:
    HashMap<IPAddress, uint16_t> _group_index;
    IPAddress _group_addr[MAX_GROUPS];
    uint32_t _members[MAX_GROUPS];          // learned | static members
    uint32_t _static[MAX_GROUPS];
    uint8_t _scope_ttl[MAX_GROUPS];
    uint64_t _group_packets[MAX_GROUPS];
    uint32_t _copies[MAX_GROUPS][MAX_OUTPUTS];      // 32 KiB
    uint16_t _expiry[MAX_GROUPS][MAX_OUTPUTS];      // 16 KiB, seconds mod 2^16
    uint16_t _ngroups;
    uint16_t _timeout_s;
    uint8_t _default_scope;
    bool _dec_ttl;

    uint64_t _replicated;
    uint64_t _copies_made;
    uint64_t _not_multicast;
    uint64_t _unknown_group;
    uint64_t _no_members;
    uint64_t _out_of_scope;
    uint64_t _joins;
    uint64_t _leaves;
    uint64_t _expired;
    uint64_t _bad_igmp;

    static inline uint16_t now16(const Timestamp &now) {
        return (uint16_t) now.sec();
    }
    static inline bool passed(uint16_t now, uint16_t deadline) {
        return (int16_t) (now - deadline) > 0;
    }
    inline uint32_t output_mask() const {
        return noutputs() >= 32 ? 0xFFFFFFFFU : ((1U << noutputs()) - 1);
    }

    int group_slot(IPAddress group, bool create);
    void join(IPAddress group, int port, const Timestamp &now);
    void leave(IPAddress group, int port);
    uint32_t live_members(int g, uint16_t now);
    void replicate(Packet *p);
    void snoop(Packet *p);

    static String read_handler(Element *e, void *thunk);
    static int port_counts_handler(int op, String &s, Element *e,
                                   const Handler *h, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
