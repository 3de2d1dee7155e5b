#ifndef OT_INGRESS_GUARD_HH
#define OT_INGRESS_GUARD_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * OtIngressGuard(MIN_TTL, DROP_FRAGMENTS, LOCAL_TTL)
 *
 * First element behind the OT-side port of a cell/area zone firewall.
 * Sanity-checks every IPv4 packet before any protocol inspection runs:
 * version and lengths, the header checksum, source-routing options,
 * fragment attacks (tiny first fragments, overlapping offsets into the
 * TCP header), impossible TCP flag combinations, and the GTSM-style TTL
 * rule for field protocols (Modbus 502, DNP3 20000, S7comm 102, EtherNet/IP
 * 44818): such traffic must come from the local segment (TTL >= LOCAL_TTL).
 *
 * Input: Ethernet-stripped IPv4 (data() at the IP header).
 * Output 0: clean packets (network/transport headers set).
 * Output 1: rejected packets; the reason is in the paint annotation.
 */

enum OtgReason {
    OTG_OK = 0, OTG_SHORT, OTG_VERSION, OTG_HLEN, OTG_TOTLEN, OTG_CKSUM,
    OTG_SRCROUTE, OTG_TTL, OTG_FRAG, OTG_TCPFLAGS, OTG_MARTIAN, OTG_NREASONS
};

/* One's-complement sum of an IPv4 header, 32 bits at a time.  The header
 * is hl_words (>= 5) 32-bit words; returns the complemented 16-bit sum,
 * which is zero for a header with a correct checksum. */
static inline uint16_t
otg_ipv4_hdr_sum(const click_ip *iph, unsigned hl_words)
{
    const uint32_t *w = reinterpret_cast<const uint32_t *>(iph);
    uint64_t s = (uint64_t) w[0] + w[1] + w[2] + w[3] + w[4];
    for (unsigned i = 5; i < hl_words; i++)
	s += w[i];
    s = (s & 0xFFFFFFFFu) + (s >> 32);
    s = (s & 0xFFFFu) + (s >> 16);
    s = (s & 0xFFFFu) + (s >> 16);
    s = (s & 0xFFFFu) + (s >> 16);
    return (uint16_t) ~s;
}

class OtIngressGuard : public Element { public:

    OtIngressGuard();

    const char *class_name() const	{ return "OtIngressGuard"; }
    const char *port_count() const	{ return "1/2"; }
    const char *processing() const	{ return PUSH; }
    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

  private:

    unsigned _min_ttl;
    unsigned _local_ttl;
    bool _drop_fragments;

    uint32_t _reason_count[OTG_NREASONS];
    uint64_t _passed;

    static bool field_protocol_port(uint16_t port_host);
    static bool bad_tcp_flags(uint8_t flags);
    static int scan_options(const uint8_t *opt, int optlen);

    void reject(Packet *p, int why) {
	_reason_count[why]++;
	SET_PAINT_ANNO(p, why);
	output(1).push(p);
    }

};

CLICK_ENDDECLS
#endif
