// -*- c++ -*-
/*
 * ip6in4_decap.hh -- Ip6in4Decap: terminates IPv6-in-IPv4 tunnels (IP
 * protocol 41: configured 6in4 tunnels, RFC 4213, and 6to4, RFC 3056).
 * Validates the outer and inner headers, applies the 6to4 address and
 * prefix checks, propagates ECN per RFC 6040, keeps per-tunnel statistics
 * and removes the outer IPv4 header.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel); written for
 * the corpus, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_IP6IN4DECAP_HH
#define CLARA_NFCORPUS_IP6IN4DECAP_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * Ip6in4Decap([TUNNEL ..., ALLOW ..., KEYWORDS])
 *
 * =s tunnel
 * removes the IPv4 header of IPv6-in-IPv4 packets
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set and protocol 41.
 * The outer header must not be a fragment and its total length must
 * cover exactly one inner IPv6 packet (version 6, payload length plus 40).
 *
 * TUNNEL "REMOTE [LOCAL]" declares a configured tunnel: packets from
 * REMOTE (and to LOCAL, if given) are accepted.  With SIXTOFOUR true,
 * packets from other sources are accepted if the inner source is a 6to4
 * address (2002::/16) whose embedded IPv4 address is the outer source
 * and not a bogon (0/8, 127/8, 224/4, 240/4), or if the inner source
 * falls in one of the ALLOW prefixes ("2001:db8::/32", at most 64, scanned
 * linearly: the relays we accept traffic from).  Inner sources that are
 * multicast, loopback, unspecified or IPv4-mapped are refused, as is an
 * inner hop limit of zero.
 *
 * ECN is propagated from the outer to the inner header (RFC 6040): an
 * outer CE mark turns an ECT inner packet into CE and makes a not-ECT
 * inner packet invalid.  The outer header is removed, the network header
 * annotation points at the IPv6 header, the inner destination is copied to
 * the DST_IP6 annotation and the tunnel's index to the paint annotation.
 * Good packets leave on output 0, bad ones on output 1.
 *
 * =h decapped, refused read-only
 * =h tunnels read-only   "INDEX REMOTE PACKETS BYTES DROPS" lines
 * =h prefixes read-only  ALLOW prefix hit counts
 */
class Ip6in4Decap : public Element {
  public:
    Ip6in4Decap();
    ~Ip6in4Decap();

    const char *class_name() const override { return "Ip6in4Decap"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { IP6_HLEN = 40, MAX_TUNNELS = 256, MAX_PREFIXES = 64, SIXTOFOUR_INDEX = 0 };
    enum { d_proto, d_outer, d_version, d_length, d_tunnel, d_spoof, d_prefix,
           d_source, d_hlim, d_ecn, d_count };

    struct Tunnel {
        IPAddress remote;
        IPAddress local;
        uint64_t packets;
        uint64_t bytes;
        uint32_t drops[d_count];
        uint32_t ce_marked;
        uint8_t used;
    };

    struct Prefix6 {
        uint8_t addr[16];
        uint8_t len;
        uint32_t hits;
    };

  private:
    Tunnel _tunnels[MAX_TUNNELS];
    int _ntunnels;
    HashMap<IPAddress, int> _by_remote;
    Prefix6 _prefixes[MAX_PREFIXES];
    int _nprefixes;
    bool _sixtofour;

    uint64_t _decapped;
    uint64_t _refused;
    uint32_t _global_drops[d_count];

    static inline uint16_t be16(const unsigned char *p) {
        return (uint16_t) ((p[0] << 8) | p[1]);
    }
    static bool prefix_match(const Prefix6 &pf, const unsigned char *a) {
        int full = pf.len >> 3;
        for (int i = 0; i < full; i++)
            if (pf.addr[i] != a[i])
                return false;
        int rest = pf.len & 7;
        if (!rest)
            return true;
        uint8_t mask = (uint8_t) (0xFF << (8 - rest));
        return ((pf.addr[full] ^ a[full]) & mask) == 0;
    }
    static bool bogon_v4(const unsigned char *a) {
        return a[0] == 0 || a[0] == 127 || a[0] >= 224;
    }

    int parse_prefix(const String &s, Prefix6 &pf) const;
    bool bad_source(const unsigned char *src) const;
    int find_prefix(const unsigned char *src);
    void refuse(Packet *p, int why, int tunnel);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
