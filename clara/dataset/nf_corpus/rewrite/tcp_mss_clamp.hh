// -*- c++ -*-
/*
 * tcp_mss_clamp.hh -- TcpMssClamp: lowers the MSS option of TCP SYN and
 * SYN-ACK segments to what the path (e.g. a tunnel with a smaller MTU)
 * can carry, updating the TCP checksum incrementally.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_TCPMSSCLAMP_HH
#define CLARA_NFCORPUS_TCPMSSCLAMP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
 * =c
 * TcpMssClamp(MSS [, PATH "ADDR MSS", ..., BOTH_DIRECTIONS])
 *
 * =s tcp
 * clamps the TCP maximum segment size option
 *
 * =d
 * Expects IPv4 packets with the IP and transport header annotations set.
 * For TCP segments with SYN set, the option area is walked (bounded by the
 * 40 option bytes) to find the MSS option; if its value exceeds the limit
 * it is rewritten and the TCP checksum patched (RFC 1624), also when the
 * option sits at an odd offset.  The limit is MSS, or a per-destination
 * value: PATH entries give a limit for the /24 network of ADDR, stored in a
 * 4096-entry table indexed by the /24 number's low 12 bits.  By default
 * only the SYN (not the SYN-ACK) is clamped, so both ends must be behind
 * the element; BOTH_DIRECTIONS true clamps SYN-ACKs too.  Non-TCP packets
 * and non-SYN segments pass unchanged.  Packets with a malformed option
 * area leave on output 1 (or are dropped).
 *
 * =h clamped read-only     segments whose MSS was lowered
 * =h outcomes read-only    counts per outcome
 * =h histogram read-only   MSS values seen, in 64-byte buckets
 */
class TcpMssClamp : public Element {
  public:
    TcpMssClamp();
    ~TcpMssClamp();

    const char *class_name() const override { return "TcpMssClamp"; }
    const char *port_count() const override { return PORTS_1_1X2; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    enum { PATH_SLOTS = 4096, HIST_BUCKETS = 160, MAX_OPTS = 40 };
    enum {
        o_not_tcp, o_not_syn, o_no_mss, o_below, o_clamped, o_malformed,
        o_synack_skipped, o_count
    };
    enum { h_clamped, h_outcomes, h_histogram };

    uint16_t _mss;
    bool _both;
    uint16_t _path_mss[PATH_SLOTS];     // 8 KiB: 0 means "use _mss"
    uint64_t _outcome[o_count];
    uint32_t _hist[HIST_BUCKETS];       // MSS / 64, last bucket catches the rest

    static inline uint32_t path_slot(uint32_t dst_host_order) {
        return (dst_host_order >> 8) & (PATH_SLOTS - 1);
    }
    inline uint16_t limit_for(uint32_t dst_net) const {
        uint16_t m = _path_mss[path_slot(ntohl(dst_net))];
        return m ? m : _mss;
    }
    inline void note_mss(uint16_t mss) {
        uint32_t b = mss >> 6;
        _hist[b < HIST_BUCKETS ? b : HIST_BUCKETS - 1]++;
    }

    int find_mss(const unsigned char *opt, int optlen) const;
    void rewrite_mss(click_tcp *tcp, int voff, uint16_t mss);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
