// -*- c++ -*-
/*
 * horspool_blocker.hh -- HorspoolBlocker: searches TCP payload for up to
 * four configured keywords with Boyer-Moore-Horspool (one 256-entry skip
 * table per keyword) and blocks the flows that carry one, in both
 * directions, for a while.
 *
 * Training code for Clara's compute model (nf_corpus/inspection); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_HORSPOOLBLOCKER_HH
#define CLARA_NFCORPUS_HORSPOOLBLOCKER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * HorspoolBlocker(KEYWORD, ..., [NOCASE, PORT, MIN_PAYLOAD, BLOCK_TIME,
 *                 MAX_BLOCKED, ALERT_ONLY, COLOR])
 *
 * =s inspection
 * blocks TCP flows whose payload contains a keyword
 *
 * =d
 * Expects IPv4 packets with the IP header annotation set.  One to four
 * KEYWORD arguments, each 2 to 128 bytes, are searched in the payload of
 * TCP segments (to or from PORT, when it is non-zero) of at least
 * MIN_PAYLOAD bytes (default 1), in the order given, with
 * Boyer-Moore-Horspool; with NOCASE (default true), ASCII letters match
 * either case.
 *
 * A segment holding a keyword is painted COLOR (default 1) and, unless
 * ALERT_ONLY, leaves on output 1 (or is dropped when there is none); its
 * flow, both directions, is then blocked for BLOCK_TIME seconds (default
 * 30; 0 blocks only the matching segment): every segment of a blocked flow
 * leaves the same way.  A FIN or RST of a blocked flow ends the block.  At
 * most MAX_BLOCKED flows (default 8192) are blocked at a time.
 *
 * =h hits read-only          matches per keyword
 * =h blocked read-only       segments blocked, flows blocked, table size
 * =h port_hits read-only     per keyword, non-empty port buckets
 * =h unblock write-only      forgets every blocked flow
 */
class HorspoolBlocker : public Element {
  public:
    HorspoolBlocker();
    ~HorspoolBlocker();

    const char *class_name() const override { return "HorspoolBlocker"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_KEYWORDS = 4, MAX_KEYWORD = 128, PORT_BUCKETS = 256 };

    /* A TCP connection, the same key for both directions. */
    struct ConnKey {
        uint32_t lo_addr;
        uint32_t hi_addr;
        uint16_t lo_port;
        uint16_t hi_port;

        ConnKey() : lo_addr(0), hi_addr(0), lo_port(0), hi_port(0) {}
        ConnKey(uint32_t sa, uint16_t sp, uint32_t da, uint16_t dp) {
            if (sa < da || (sa == da && sp <= dp)) {
                lo_addr = sa, lo_port = sp, hi_addr = da, hi_port = dp;
            } else {
                lo_addr = da, lo_port = dp, hi_addr = sa, hi_port = sp;
            }
        }
        bool operator==(const ConnKey &o) const {
            return lo_addr == o.lo_addr && hi_addr == o.hi_addr
                && lo_port == o.lo_port && hi_port == o.hi_port;
        }
        hashcode_t hashcode() const {
            uint32_t h = lo_addr * 0x9E3779B1U;
            h ^= (hi_addr << 11) | (hi_addr >> 21);
            h += ((uint32_t) lo_port << 16) | hi_port;
            return h ^ (h >> 16);
        }
    };

    struct Block {
        Timestamp until;
        uint32_t segments;
        uint8_t keyword;
    };

  private:
    unsigned char _kw[MAX_KEYWORDS][MAX_KEYWORD];   // folded keyword bytes
    uint8_t _skip[MAX_KEYWORDS][256];               // Horspool shifts
    uint8_t _fold[256];                             // identity or to-lower
    uint16_t _port_hits[MAX_KEYWORDS][PORT_BUCKETS];    // saturating
    uint64_t _hits[MAX_KEYWORDS];
    uint8_t _kwlen[MAX_KEYWORDS];
    int _nkw;

    HashMap<ConnKey, Block> _blocked;
    uint32_t _block_time;
    uint32_t _max_blocked;
    uint16_t _port;
    uint16_t _min_payload;
    uint8_t _color;
    bool _nocase;
    bool _alert_only;

    uint64_t _segments;
    uint64_t _searched_bytes;
    uint64_t _blocked_segments;
    uint64_t _blocked_flows;
    uint64_t _table_full;

    void build_skip(int k);
    int search(int k, const unsigned char *d, int n) const;
    void reject(Packet *p);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
