// -*- c++ -*-
/*
 * shift_or_matcher.hh -- ShiftOrMatcher: bit-parallel (shift-or) search for
 * one configured byte pattern of up to 64 bytes in TCP/UDP payload, with
 * the automaton state optionally carried across the segments of a TCP
 * stream; counts matches and diverts matching packets.
 *
 * Training code for Clara's compute model (nf_corpus/inspection); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_SHIFTORMATCHER_HH
#define CLARA_NFCORPUS_SHIFTORMATCHER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
CLICK_DECLS

/*
 * =c
 * ShiftOrMatcher(PATTERN, [NOCASE, PROTO, PORT, OFFSET, DEPTH, MAX_MATCHES,
 *                STREAM, MAX_FLOWS, COUNT_ONLY])
 *
 * =s inspection
 * finds one byte pattern in payloads with the shift-or algorithm
 *
 * =d
 * Expects IPv4 packets with the IP header annotation set.  PATTERN is 1 to
 * 64 bytes; "\xHH", "\r", "\n", "\t", "\0" and "\\" escapes are understood.
 * With NOCASE, ASCII letters match either case.  The payload of TCP
 * segments and UDP datagrams (PROTO: 6, 17 or 0 for both; default 0) to
 * PORT (0: any port) is scanned from byte OFFSET, at most DEPTH bytes
 * (0: to the end).  At most MAX_MATCHES matches (default 16) are counted
 * in one packet.
 *
 * With STREAM (TCP only), the search state of each flow is kept in a
 * HashMap keyed by the flow, so a match may span segments; the state is
 * reset when a segment does not start where the previous one ended and
 * forgotten on FIN or RST.  At most MAX_FLOWS flows (default 16384) are
 * tracked.
 *
 * A packet with a match has the number of matches in its AGGREGATE
 * annotation and the offset of the first match end in the user annotation
 * at byte 22; it leaves on output 1 (unless COUNT_ONLY is true or output 1
 * does not exist).  Other packets leave on output 0.
 *
 * =h matches read-only          total matches
 * =h packets read-only          packets scanned, with a match, diverted
 * =h spanning read-only         matches that began in an earlier segment
 * =h offsets read-only          histogram of match offsets (32-byte buckets)
 * =h flows read-only            tracked stream flows
 * =h reset write-only           clears counters and stream state
 */
class ShiftOrMatcher : public Element {
  public:
    ShiftOrMatcher();
    ~ShiftOrMatcher();

    const char *class_name() const override { return "ShiftOrMatcher"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_PATTERN = 64, OFFSET_BUCKETS = 48, FIRST_MATCH_ANNO_OFFSET = 22 };

    struct StreamState {
        uint64_t state;             // shift-or state after the last byte
        uint32_t next_seq;          // sequence number expected next
        uint32_t matches;
        uint32_t segments;
    };

  private:
    uint64_t _mask[256];                    // 2 KiB: bit i clear iff byte matches pattern[i]
    uint64_t _accept;                       // bit m-1
    unsigned char _pattern[MAX_PATTERN];
    int _plen;
    bool _nocase;
    bool _stream;
    bool _count_only;
    uint8_t _proto;
    uint16_t _port;
    uint32_t _offset;
    uint32_t _depth;
    uint32_t _max_matches;
    uint32_t _max_flows;

    HashMap<IPFlowID, StreamState> _flows;

    uint64_t _scanned;
    uint64_t _bytes;
    uint64_t _matched_packets;
    uint64_t _matches;
    uint64_t _diverted;
    uint64_t _spanning;
    uint64_t _resyncs;
    uint64_t _offset_hist[OFFSET_BUCKETS];

    static int unescape(const String &in, unsigned char *out, int cap);
    void build_masks();
    inline uint64_t run(const unsigned char *d, int n, uint64_t state,
                        int *nmatch, int *first_end);
    void forget_flow(const IPFlowID &flow);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
