// -*- c++ -*-
/*
 * fragment_tracker.hh -- FragmentTracker: follows IPv4 fragments per
 * datagram, keeps a short list of the byte ranges received, drops
 * overlapping or malformed fragments (teardrop-style attacks) and times out
 * datagrams that never complete.  Fragments are not reassembled.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_FRAGMENTTRACKER_HH
#define CLARA_NFCORPUS_FRAGMENTTRACKER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * FragmentTracker([TIMEOUT_MS, MAX_DATAGRAMS, MIN_FRAGMENT, SWEEP_EVERY])
 *
 * =s ip
 * checks IPv4 fragments for overlaps and incomplete datagrams
 *
 * =d
 * Input packets must have their IP header annotation set.  Unfragmented
 * packets pass on output 0.  Each fragment is filed under its datagram
 * (source, destination, IP ID, protocol); the byte ranges received so far
 * are kept merged and sorted, at most 8 disjoint ranges per datagram.  A
 * fragment is dropped (output 1 if present) when it overlaps data already
 * received, would need a ninth range, disagrees with the known datagram
 * length, is not a multiple of 8 bytes while more fragments follow, is
 * smaller than MIN_FRAGMENT bytes (default 0) while more follow, or extends
 * past 65535 bytes.  Other fragments pass on output 0.  A datagram that is
 * complete is forgotten; one that is not complete TIMEOUT_MS milliseconds
 * (default 30000) after its first fragment is timed out; later fragments
 * of it start a new datagram.  At most MAX_DATAGRAMS (default 16384)
 * datagrams are tracked.  The table is swept every SWEEP_EVERY fragments
 * (default 1024); the last 512 timed-out datagrams are kept for the
 * timeouts handler.
 *
 * =h stats read-only       counters
 * =h timeouts read-only    recently timed-out datagrams
 * =h histogram read-only   fragments per completed datagram
 */
class FragmentTracker : public Element {
  public:
    FragmentTracker();
    ~FragmentTracker();

    const char *class_name() const override { return "FragmentTracker"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_RANGES = 8, NHIST = 64, NTIMEOUTS = 512, MAX_END = 65515 };
    enum Verdict { V_OK, V_COMPLETE, V_OVERLAP, V_TOO_MANY, V_BAD_LENGTH,
                   V_BAD_SIZE, V_TINY, V_FULL, V_NVERDICTS };

    struct FragKey {
        uint32_t src;
        uint32_t dst;
        uint16_t id;
        uint8_t proto;
        uint8_t pad;

        FragKey() : src(0), dst(0), id(0), proto(0), pad(0) {}
        FragKey(uint32_t s, uint32_t d, uint16_t i, uint8_t p)
            : src(s), dst(d), id(i), proto(p), pad(0) {}
        bool operator==(const FragKey &o) const {
            return src == o.src && dst == o.dst && id == o.id && proto == o.proto;
        }
        hashcode_t hashcode() const {
            uint32_t h = src * 0x01000193U;
            h ^= dst + 0x7F4A7C15U + (h << 6) + (h >> 2);
            h ^= ((uint32_t) id << 8 | proto) * 0x9E3779B1U;
            return h;
        }
    };

    struct Range {
        uint16_t lo;            /* first byte */
        uint16_t hi;            /* one past the last byte */
    };

    struct Datagram {
        Timestamp first_seen;
        uint32_t bytes;
        uint16_t total_len;     /* payload length once the last fragment is seen */
        uint16_t nfrags;
        uint8_t nranges;
        Range ranges[MAX_RANGES];
        Datagram() : bytes(0), total_len(0), nfrags(0), nranges(0) {}
    };

    struct TimeoutRecord {
        FragKey key;
        uint32_t bytes;
        uint16_t total_len;
        uint16_t nfrags;
    };

  private:
    HashMap<FragKey, Datagram> _table;
    Vector<FragKey> _old;                   // sweep scratch
    TimeoutRecord _timeouts[NTIMEOUTS];     // 10 KiB
    uint32_t _hist[NHIST];
    uint64_t _verdicts[V_NVERDICTS];
    uint32_t _timeout_pos;
    uint32_t _timeout_ms;
    uint32_t _max_datagrams;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;
    uint16_t _min_fragment;

    uint64_t _unfragmented;
    uint64_t _fragments;
    uint64_t _timed_out;

    inline bool too_old(const Datagram &d, const Timestamp &now) const {
        return (now - d.first_seen).msecval() >= (int64_t) _timeout_ms;
    }
    inline bool complete(const Datagram &d) const {
        return d.total_len && d.nranges == 1 && d.ranges[0].lo == 0
            && d.ranges[0].hi == d.total_len;
    }

    Verdict add_range(Datagram &d, uint16_t lo, uint16_t hi);
    void record_timeout(const FragKey &k, const Datagram &d);
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
