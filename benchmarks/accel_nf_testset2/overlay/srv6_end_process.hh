// -*- c++ -*-
/*
 * srv6_end_process.hh -- Srv6EndProcess: the SRv6 endpoint behaviours End
 * (RFC 8754 section 4.3.1.1, RFC 8986 section 4.1) and decapsulation at
 * the final segment (End.DX4/End.DX6-like).
 */
#ifndef OVERLAY_SRV6_END_PROCESS_HH
#define OVERLAY_SRV6_END_PROCESS_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * Srv6EndProcess(SID ADDR, ..., [DECAP, CHECK_TLVS])
 *
 * =s srv6
 * processes IPv6 packets addressed to a local SRv6 SID
 *
 * =d
 * Input: IPv6 packets, the data starting at the IPv6 header.  Packets whose
 * destination is none of the local SIDs pass to output 0 untouched.  For a
 * local SID, hop-by-hop and destination options are skipped and the
 * Segment Routing Header is checked: the segment list must fit the header,
 * Segments Left must not exceed Last Entry, no segment may be multicast or
 * unspecified, and (CHECK_TLVS, default true) the TLVs after the list must
 * be well formed with all-zero padding.  With Segments Left > 0 the
 * element decrements it, copies the next segment into the destination,
 * decrements the hop limit and sends the packet to output 0.  With
 * Segments Left = 0 and an IPv4 or IPv6 packet inside, DECAP (default
 * true) strips the outer header and extension headers and sends the inner
 * packet to output 1.  Errors (hop limit, malformed SRH, nothing to decap)
 * go to output 2.
 *
 * =h stats read-only       counters
 */
class Srv6EndProcess : public Element {
  public:
    Srv6EndProcess();
    ~Srv6EndProcess();

    const char *class_name() const override { return "Srv6EndProcess"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        IP6_LEN = 40, NH_HOPOPTS = 0, NH_IPV4 = 4, NH_IPV6 = 41, NH_ROUTING = 43,
        NH_DSTOPTS = 60, SRH_TYPE = 4, SEG_LEN = 16,
        TLV_PAD1 = 0, TLV_PADN = 4, TLV_HMAC = 5
    };

    struct Sid {
        uint8_t a[16];
    };

  private:
    Vector<Sid> _sids;
    bool _decap;
    bool _check_tlvs;

    uint64_t _transit;
    uint64_t _advanced;
    uint64_t _decapsulated;
    uint64_t _hlim_expired;
    uint64_t _malformed;
    uint64_t _hmac_tlvs;
    uint64_t _no_inner;

    static bool text_to_sid(const String &text, Sid &sid);
    bool check_tlvs(const unsigned char *t, unsigned len);
    void error(Packet *p, uint64_t &counter) {
        counter++;
        output(2).push(p);
    }

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
