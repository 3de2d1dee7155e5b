// -*- c++ -*-
/*
 * tcp_flag_sanity.hh -- TcpFlagSanity: validates TCP flag combinations,
 * header length and the option list; counts anomalies per kind.
 *
 * Training code for Clara's compute model (nf_corpus/security); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_TCPFLAGSANITY_HH
#define CLARA_CORPUS_TCPFLAGSANITY_HH
#include <click/element.hh>
CLICK_DECLS

/*
=c

TcpFlagSanity(KEYWORDS)

=s tcp

drops TCP segments with impossible flags, header lengths or options

=d

Checks every TCP first fragment for: illegal flag combinations (no flags
at all, SYN+FIN, SYN+RST, FIN+RST, FIN without ACK, the "Xmas" FIN+PSH+URG
set); a data offset below 5 words or beyond the segment; port 0; options
that run past the header, have impossible lengths, appear twice, or are
only legal on a SYN (MSS, window scale, SACK-permitted) but appear on
another segment; window scale above 14; MSS below MIN_MSS.  Reserved
header bits and an urgent pointer without URG are counted but tolerated;
with CLEAR_RESERVED the reserved bits are cleared (and the TCP checksum
updated incrementally).

Severe anomalies send the segment to output 1 (or kill it); with STRICT
false they are only counted.  Non-TCP packets pass.

Keywords: STRICT (bool, default true), MIN_MSS (default 88),
CLEAR_RESERVED (bool, default false), MAX_OPTIONS (1-40, default 40).

=h anomalies read-only  count per anomaly kind
=h checked, dropped, by_port read-only
*/

class TcpFlagSanity : public Element {
  public:
    TcpFlagSanity();
    ~TcpFlagSanity();

    const char *class_name() const { return "TcpFlagSanity"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum Anomaly {
        A_NULL_SCAN = 0, A_XMAS, A_SYN_FIN, A_SYN_RST, A_FIN_RST, A_FIN_NO_ACK,
        A_SHORT_HEADER, A_HEADER_OVERRUN, A_PORT_ZERO,
        A_OPT_TRUNCATED, A_OPT_BAD_LENGTH, A_OPT_DUPLICATE, A_OPT_SYN_ONLY,
        A_WSCALE_TOO_BIG, A_MSS_TOO_SMALL, A_OPT_UNKNOWN,
        A_RESERVED_BITS, A_URP_NO_URG, A_SYN_WITH_DATA,
        NANOMALIES,
        A_FIRST_MILD = A_OPT_UNKNOWN     /* this and later: counted only */
    };
    enum { PORT_BUCKETS = 1024, MAX_TCP_OPTLEN = 40 };

  private:
    uint64_t _anomalies[NANOMALIES];
    uint8_t _flag_class[256];            /* flags byte -> anomaly + 1, or 0 */
    uint32_t _by_port[PORT_BUCKETS];     /* severe anomalies by dport bucket */
    uint16_t _min_mss;
    uint8_t _max_options;
    bool _strict;
    bool _clear_reserved;

    uint64_t _checked;
    uint64_t _dropped;

    static inline bool severe(int a) { return a < A_FIRST_MILD; }
    inline void note(uint32_t &mask, int a) {
        _anomalies[a]++;
        mask |= 1U << a;
    }

    void build_flag_table();
    void check_options(const click_tcp *th, unsigned hlen, uint32_t &mask);
    Packet *clear_reserved(Packet *p);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
