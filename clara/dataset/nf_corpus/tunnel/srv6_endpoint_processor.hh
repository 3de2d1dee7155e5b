// -*- c++ -*-
/*
 * srv6_endpoint_processor.hh -- Srv6EndpointProcessor: an SRv6 segment
 * endpoint (RFC 8754 / RFC 8986).  Matches the IPv6 destination against a
 * table of local SIDs, walks to the Segment Routing Header, and performs
 * End / End.X (advance to the next segment), optionally with penultimate
 * segment pop, or End.DT4 / End.DT6 style decapsulation.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel); written for
 * the corpus, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_SRV6ENDPOINTPROCESSOR_HH
#define CLARA_NFCORPUS_SRV6ENDPOINTPROCESSOR_HH
#include <click/element.hh>
#include <click/hashmap.hh>
CLICK_DECLS

/*
 * =c
 * Srv6EndpointProcessor(SID ..., [KEYWORDS])
 *
 * =s tunnel
 * processes the segment routing header at an SRv6 endpoint
 *
 * =d
 * Input: IPv6 packets; the network header annotation, if set, points at
 * the IPv6 header, otherwise the packet starts with it.  Headers are read
 * as raw bytes.  Packets whose destination is not a local SID pass
 * unchanged on output 0 (transit).
 *
 * SID "ADDRESS BEHAVIOR [PORT] [psp]" defines a local SID; BEHAVIOR is
 * end, end.x (PORT: the adjacency output, 3 or above), end.dt4 or end.dt6.
 * For end and end.x the hop-by-hop and destination options headers are
 * skipped (at most MAX_EXT) to reach the routing header, which must be of
 * type 4 with a consistent length, last entry and segments left; its TLVs
 * (Pad1, PadN, HMAC, others) are walked.  With segments left above zero,
 * the hop limit and segments left are decremented and the next segment is
 * copied into the destination address; with psp, a segments-left of zero
 * after the update removes the SRH.  The packet leaves on output 0 (end)
 * or the adjacency output (end.x), with the new destination in the
 * DST_IP6 annotation.  With segments left zero the packet is for this node
 * and leaves on output 1.  end.dt4 / end.dt6 remove the outer IPv6 header
 * and extension headers and send the inner packet on output 1.  Errors
 * (bad header, hop limit, type) leave on output 2.
 *
 * Keywords: MAX_EXT (default 4), REQUIRE_HMAC (bool, false).
 *
 * =h forwarded, decapped, local, errors, transit read-only
 * =h sids read-only      "INDEX BEHAVIOR PACKETS BYTES" lines
 */
class Srv6EndpointProcessor : public Element {
  public:
    Srv6EndpointProcessor();
    ~Srv6EndpointProcessor();

    const char *class_name() const override { return "Srv6EndpointProcessor"; }
    const char *port_count() const override { return "1/3-16"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        IP6_HLEN = 40, IP6_OFF_PLEN = 4, IP6_OFF_NXT = 6, IP6_OFF_HLIM = 7,
        IP6_OFF_SRC = 8, IP6_OFF_DST = 24,
        NH_HOPOPTS = 0, NH_IPIP = 4, NH_IPV6 = 41, NH_ROUTING = 43,
        NH_DSTOPTS = 60, NH_NONE = 59,
        SRH_TYPE = 4, SRH_FIXED = 8, SEG_LEN = 16,
        TLV_PAD1 = 0, TLV_PADN = 4, TLV_HMAC = 5,
        FIRST_ADJ_PORT = 3
    };
    enum Behavior { B_END = 1, B_END_X, B_END_DT4, B_END_DT6 };
    enum { err_short, err_version, err_hlim, err_ext, err_srh, err_tlv,
           err_hmac, err_inner, err_count };

    struct Sid {
        uint32_t w[4];
        Sid() { w[0] = w[1] = w[2] = w[3] = 0; }
        explicit Sid(const unsigned char *a) { memcpy(w, a, 16); }
        bool operator==(const Sid &o) const {
            return w[0] == o.w[0] && w[1] == o.w[1] && w[2] == o.w[2] && w[3] == o.w[3];
        }
        hashcode_t hashcode() const {
            return (w[0] * 0x9E3779B1U) ^ (w[1] * 0x85EBCA77U)
                ^ (w[2] * 0xC2B2AE3DU) ^ w[3];
        }
    };

    struct LocalSid {
        uint8_t behavior;
        uint8_t port;
        uint8_t psp;
        uint8_t index;
        uint64_t packets;
        uint64_t bytes;
        LocalSid() : behavior(0), port(0), psp(0), index(0), packets(0), bytes(0) {}
    };

  private:
    HashMap<Sid, LocalSid> _sids;
    int _max_ext;
    bool _require_hmac;
    int _nsids;

    uint64_t _forwarded;
    uint64_t _decapped;
    uint64_t _local;
    uint64_t _transit;
    uint64_t _errors;
    uint32_t _err[err_count];
    uint32_t _tlv_seen[256];
    uint32_t _sl_hist[32];

    static inline uint16_t be16(const unsigned char *p) {
        return (uint16_t) ((p[0] << 8) | p[1]);
    }
    static int parse_ip6(const String &s, unsigned char *out);

    int skip_ext(const unsigned char *ip6, int avail, uint8_t *nxt, int want) const;
    int walk_tlvs(const unsigned char *tlv, int len, bool *has_hmac);
    Packet *pop_srh(Packet *p, int srh_off, int srh_len, uint8_t srh_nxt);
    void error(Packet *p, int why);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
