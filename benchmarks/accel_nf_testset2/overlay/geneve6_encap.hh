// -*- c++ -*-
/*
 * geneve6_encap.hh -- Geneve6Encap: Geneve (RFC 8926) over IPv6 tunnel
 * ingress for Ethernet frames, with per-flow UDP source port entropy.
 */
#ifndef OVERLAY_GENEVE6_ENCAP_HH
#define OVERLAY_GENEVE6_ENCAP_HH
#include <click/element.hh>
#include <clicknet/ether.h>
#include <clicknet/udp.h>
CLICK_DECLS

/* Outer IPv6 header as sent. */
struct ovl_ip6_hdr {
    uint32_t vtc_flow;          /* version 6, traffic class, flow label */
    uint16_t plen;              /* payload length */
    uint8_t nxt;                /* next header */
    uint8_t hlim;               /* hop limit */
    uint8_t src[16];
    uint8_t dst[16];
};

/* Spreads flows over source ports and flow labels: 32-bit words of the
   inner flow key, multiply-rotate per word, then the final avalanche. */
static inline uint32_t
flow_entropy(const uint32_t *w, int nwords, uint32_t seed)
{
    uint32_t h = seed;
    for (int i = 0; i < nwords; ++i) {
        uint32_t k = w[i] * 0xCC9E2D51U;
        k = (k << 15) | (k >> 17);
        h ^= k * 0x1B873593U;
        h = (h << 13) | (h >> 19);
        h = h * 5 + 0xE6546B64U;
    }
    h ^= (uint32_t) nwords * 4;
    h ^= h >> 16;
    h *= 0x85EBCA6BU;
    h ^= h >> 13;
    h *= 0xC2B2AE35U;
    h ^= h >> 16;
    return h;
}

/*
 * =c
 * Geneve6Encap(SRC, DST, VNI, [DPORT, SPORT_MIN, SPORT_MAX, HLIM, TCLASS,
 *              SEED, CHECKSUM, MTU])
 *
 * =s tunnel
 * encapsulates Ethernet frames in Geneve/UDP/IPv6
 *
 * =d
 * Input: Ethernet frames.  Output 0: IPv6 packets from SRC to DST carrying
 * UDP to DPORT (default 6081) and a Geneve header for VNI, protocol type
 * 0x6558, no options.  The UDP source port (SPORT_MIN..SPORT_MAX, default
 * 49152..65535) and the IPv6 flow label are derived from the inner flow
 * (IPv4/IPv6 addresses, protocol and ports; the MAC addresses otherwise),
 * so one inner flow keeps one outer path.  The UDP checksum, with the IPv6
 * pseudo-header, is computed unless CHECKSUM is false (RFC 6935 zero
 * checksum).  Frames that would exceed MTU (default 1500) leave on output 1.
 */
class Geneve6Encap : public Element {
  public:
    Geneve6Encap();
    ~Geneve6Encap();

    const char *class_name() const override { return "Geneve6Encap"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { IP6_HLEN = 40, GENEVE_HLEN = 8, OUTER = IP6_HLEN + 8 + GENEVE_HLEN };

  private:
    uint8_t _src[16];
    uint8_t _dst[16];
    uint32_t _vni;
    uint16_t _dport;
    uint16_t _sport_lo;
    uint32_t _sport_span;
    uint8_t _hlim;
    uint8_t _tclass;
    uint32_t _seed;
    bool _checksum;
    uint32_t _mtu;

    uint64_t _packets;
    uint64_t _ip4_flows;
    uint64_t _ip6_flows;
    uint64_t _l2_flows;
    uint64_t _too_big;

    static bool parse_ip6(const String &text, uint8_t out[16]);
    uint16_t udp6_checksum(const unsigned char *udp, uint32_t len) const;

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
