// -*- c++ -*-
/*
 * mpls_labeler.hh -- MplsLabeler: a small MPLS label edge/transit element.
 * Pushes a label onto IPv4 frames (ingress) and swaps or pops the top label
 * of MPLS frames (transit / penultimate hop), with TTL propagation.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_MPLSLABELER_HH
#define CLARA_NFCORPUS_MPLSLABELER_HH
#include <click/element.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * MplsLabeler([FEC "SLOT LABEL", ..., SWAP "IN OUT", ..., POP IN, ..., MAXDEPTH])
 *
 * =s mpls
 * pushes, swaps and pops MPLS labels on Ethernet frames
 *
 * =d
 * Input 0 takes Ethernet frames carrying IPv4.  The inner destination's top
 * 10 bits pick a forwarding-equivalence slot in a 1024-entry FEC table; a
 * non-zero entry is the label pushed (TTL copied from the IP header, which
 * is decremented).  Frames without a FEC entry pass unchanged.
 *
 * Input 1 takes MPLS frames (EtherType 0x8847).  The label stack is walked
 * (at most MAXDEPTH entries, default 8) to find the bottom of stack and
 * validate the TTLs.  The top label indexes an 8192-entry incoming-label
 * table (label mod 8192): SWAP entries rewrite the label and decrement the
 * TTL; POP entries remove the label and, at the bottom of the stack, copy
 * the TTL into the IPv4 header (checksum updated incrementally) and restore
 * the IPv4 EtherType.  Everything leaves on output 0; frames with an
 * unknown label, an expired TTL or a malformed stack leave on output 1 (or
 * are dropped).
 *
 * =h pushed read-only     labels pushed
 * =h swapped read-only    labels swapped
 * =h popped read-only     labels popped
 * =h errors read-only     frames rejected
 * =h depth_hist read-only stack depths seen (1..MAXDEPTH)
 */
class MplsLabeler : public Element {
  public:
    MplsLabeler();
    ~MplsLabeler();

    const char *class_name() const override { return "MplsLabeler"; }
    const char *port_count() const override { return "2/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

  private:
    enum {
        ILM_SIZE = 8192,        // incoming label map
        FEC_SIZE = 1024,
        MAX_DEPTH_LIMIT = 16,
        LSE_LEN = 4,
        ACT_NONE = 0, ACT_SWAP = 1, ACT_POP = 2
    };
    enum { h_pushed, h_swapped, h_popped, h_errors, h_depth_hist };

    // One incoming-label entry: action in the top bits, label below.
    uint32_t _ilm[ILM_SIZE];            // 32 KiB
    uint32_t _fec[FEC_SIZE];            // 4 KiB: pushed label (0: none)
    uint32_t _depth_hist[MAX_DEPTH_LIMIT + 1];
    int _max_depth;

    uint64_t _pushed;
    uint64_t _swapped;
    uint64_t _popped;
    uint64_t _errors;

    static inline uint32_t lse_label(uint32_t lse) { return lse >> 12; }
    static inline uint32_t lse_tc(uint32_t lse) { return (lse >> 9) & 7; }
    static inline bool lse_bos(uint32_t lse) { return (lse >> 8) & 1; }
    static inline uint32_t lse_ttl(uint32_t lse) { return lse & 0xFF; }
    static inline uint32_t make_lse(uint32_t label, uint32_t tc, bool bos, uint32_t ttl) {
        return (label << 12) | (tc << 9) | ((bos ? 1U : 0U) << 8) | (ttl & 0xFF);
    }
    static inline uint32_t load_lse(const unsigned char *p) {
        return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
    }
    static inline void store_lse(unsigned char *p, uint32_t v) {
        p[0] = v >> 24;
        p[1] = v >> 16;
        p[2] = v >> 8;
        p[3] = v;
    }

    int walk_stack(const unsigned char *stack, int avail);
    void push_label(Packet *p);
    void process_mpls(Packet *p);
    void set_ip_ttl(unsigned char *ipbytes, uint8_t ttl);
    void error(Packet *p);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
