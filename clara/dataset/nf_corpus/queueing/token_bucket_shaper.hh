// -*- c++ -*-
/*
 * token_bucket_shaper.hh -- TokenBucketShaper: per-class single-rate
 * three-colour marking (srTCM, RFC 2697 style) with up to 64 classes
 * chosen by DSCP; committed and excess buckets in 64-bit fixed point,
 * refilled from Timestamp deltas.
 *
 * Training code for Clara's compute model (nf_corpus/queueing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_TOKENBUCKETSHAPER_HH
#define CLARA_CORPUS_TOKENBUCKETSHAPER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
=c

TokenBucketShaper(KEYWORDS)

=s qos

srTCM marker with per-DSCP-class token buckets

=d

Class 0 is the default class, described by RATE (bytes/s), CBS and EBS
(bytes).  Each CLASS argument adds one more class:

  CLASS "DSCPS RATE CBS EBS"    e.g. CLASS "10/12/14 250000 6000 12000"

where DSCPS is a '/'-separated list of DSCP values or LO-HI ranges.  A
packet's DSCP selects its class; unlisted DSCPs use class 0.  The class's
committed bucket (size CBS) is refilled at RATE; tokens that overflow it
fill the excess bucket (size EBS).  Packets are coloured green (committed
tokens), yellow (excess tokens) or red.  With COLOR_AWARE, the AF drop
precedence of the arriving DSCP is the pre-colour and a packet is never
promoted.  With REMARK, AF-coded DSCPs are rewritten to the drop
precedence of the colour (the IP checksum is updated incrementally).
Green leaves on output 0, yellow on output 1 (0 if there is one output),
red on output 2 (killed if DROP_RED, else the last output).

Keywords: RATE, CBS, EBS (class 0; mandatory), CLASS (repeatable),
COLOR_AWARE (bool, false), REMARK (bool, false), DROP_RED (bool, false).

=h stats read-only   per-class green/yellow/red packets and bytes
=h reset write-only
*/

class TokenBucketShaper : public Element {
  public:
    TokenBucketShaper();
    ~TokenBucketShaper();

    const char *class_name() const { return "TokenBucketShaper"; }
    const char *port_count() const { return "1/1-3"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum { MAX_CLASSES = 64, TOKEN_SHIFT = 16, RATE_SHIFT = 32 };
    enum Color { GREEN = 0, YELLOW = 1, RED = 2 };

    struct Bucket {
        uint64_t tc;            /* committed tokens, bytes << TOKEN_SHIFT */
        uint64_t te;            /* excess tokens */
        uint64_t cbs;           /* bucket sizes, same unit */
        uint64_t ebs;
        uint64_t rate_q32;      /* bytes per nanosecond << RATE_SHIFT */
        int64_t max_delta_ns;   /* time to fill both buckets from empty */
        int64_t last_ns;
        uint64_t pkts[3];
        uint64_t bytes[3];
    };

  private:
    Bucket _classes[MAX_CLASSES];
    uint8_t _dscp_class[64];
    uint8_t _remark[3][64];     /* colour x arriving DSCP -> new DSCP */
    int _nclasses;
    bool _color_aware;
    bool _remark_on;
    bool _drop_red;
    uint64_t _remarked;
    uint64_t _non_ip;

    int parse_class(const String &text, int cls, ErrorHandler *errh);
    static int setup_bucket(Bucket &b, uint64_t rate, uint64_t cbs, uint64_t ebs,
                            ErrorHandler *errh);
    void refill(Bucket &b, int64_t now_ns);
    Color meter(Bucket &b, uint32_t len, Color pre);
    static inline Color af_precolor(uint8_t dscp) {
        // AF classes are 0b xxx dd0 with xxx in 1..4; dd = drop precedence
        uint8_t cls = dscp >> 3, dp = (dscp >> 1) & 3;
        if (cls < 1 || cls > 4 || (dscp & 1) || dp == 0)
            return GREEN;
        return dp == 1 ? GREEN : (dp == 2 ? YELLOW : RED);
    }
    Packet *rewrite_dscp(Packet *p, uint8_t new_dscp);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
