#ifndef CLICK_STORAGETENANTPOLICER_HH
#define CLICK_STORAGETENANTPOLICER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * StorageTenantPolicer(TENANT "ID RATE BURST", ..., MATCH "PRIO ID SRC/MASK PORTLO-PORTHI", ...
 *                      [, ACTION remark|drop])
 *
 * =s qos
 * per-tenant token-bucket policing of storage traffic
 *
 * =d
 * Each TENANT has a committed rate (kilobytes per second) and a burst
 * (bytes).  MATCH entries map traffic to tenants: a source prefix and a
 * destination TCP/UDP port range; they are tried in PRIO order (lowest
 * first) and the first that matches wins.  Unmatched traffic is not
 * policed.
 *
 * Conforming packets pass unchanged.  Exceeding packets are dropped
 * (ACTION drop) or have their DSCP lowered to the next drop precedence of
 * their assured-forwarding class (ACTION remark, the default); the IP
 * checksum is left for a following SetIPChecksum.
 */
class StorageTenantPolicer : public Element {
  public:
    StorageTenantPolicer();
    ~StorageTenantPolicer();

    const char *class_name() const	{ return "StorageTenantPolicer"; }
    const char *port_count() const	{ return PORTS_1_1; }
    const char *processing() const	{ return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();

    Packet *simple_action(Packet *p);

  private:
    enum { MAX_TENANTS = 64, MAX_MATCHES = 256 };

    struct Bucket {
	uint32_t id;
	uint64_t rate_Bps;
	uint64_t burst;
	uint64_t tokens;	// bytes, scaled by 2^10
	Timestamp last;
	uint64_t conform, exceed;
    };

    struct Match {
	uint32_t prio;
	uint32_t src, mask;	// network order
	uint16_t port_lo, port_hi;
	int tenant;
    };

    Bucket m_buckets[MAX_TENANTS];
    int m_nbuckets;
    Match m_matches[MAX_MATCHES];
    int m_nmatches;
    bool m_drop;
    uint64_t m_active_mask;	// tenants that have seen traffic
    uint64_t m_unmatched;

    int classify(const click_ip *iph, uint16_t dport) const;
    bool conform(Bucket &b, uint32_t len, const Timestamp &now);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
