// -*- c++ -*-
/*
 * hyperloglog_sources.hh -- HyperLogLogSources: estimates, per destination
 * prefix, how many distinct source addresses sent to it, with one
 * HyperLogLog sketch per prefix.
 *
 * Training code for Clara's compute model (nf_corpus/measurement); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_HYPERLOGLOGSOURCES_HH
#define CLARA_NFCORPUS_HYPERLOGLOGSOURCES_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * HyperLogLogSources([PREFIX_LEN, PRECISION, THRESHOLD, INTERVAL, SEED, COLOR])
 *
 * =s measurement
 * counts distinct sources per destination prefix
 *
 * =d
 * Groups IPv4 packets by the PREFIX_LEN-bit prefix of their destination
 * (default 24) and keeps, per prefix, a HyperLogLog sketch of 2^PRECISION
 * one-byte registers (PRECISION 4-8, default 6) fed with a hash of the
 * source address.  At most 256 prefixes are tracked at once.  Whenever a
 * register grows, the prefix's estimate is recomputed (harmonic mean of the
 * registers, with linear counting for small cardinalities).  The estimate is
 * written into the packet's AGGREGATE annotation.  Packets to a prefix whose
 * estimate has reached THRESHOLD (default 1000 sources, a likely flood
 * victim) are painted COLOR and leave on output 1 if it exists.  Every
 * INTERVAL seconds (default 10) a new epoch starts: sketches restart empty
 * and prefixes not seen for a whole epoch are dropped.
 *
 * =h estimates read-only  "PREFIX ESTIMATE PACKETS" per prefix
 * =h prefixes, alarms, untracked read-only
 */
class HyperLogLogSources : public Element {
  public:
    HyperLogLogSources();
    ~HyperLogLogSources();

    const char *class_name() const override { return "HyperLogLogSources"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_PRECISION = 8, MAX_REGS = 1 << MAX_PRECISION, MAX_SLOTS = 256 };

    struct PrefixState {
        uint32_t prefix;        /* network byte order */
        uint32_t estimate;
        uint32_t packets;
        uint32_t epoch;
        uint16_t zeros;         /* registers still zero */
        uint8_t alarmed;
        uint8_t max_rank;
    };

  private:
    uint8_t _regs[MAX_SLOTS][MAX_REGS];         // 64 KiB of registers
    PrefixState _state[MAX_SLOTS];
    uint64_t _pow2neg[40];                      // 2^(32-r): the register weights
    uint32_t _linear[MAX_REGS + 1];             // m ln(m/z) for z zero registers
    HashMap<uint32_t, uint16_t> _slot_of;
    Vector<uint16_t> _free_slots;
    Vector<uint32_t> _stale;

    uint32_t _mask;
    uint32_t _threshold;
    uint32_t _seed;
    uint32_t _epoch;
    uint32_t _alpha_q16;
    Timestamp _interval;
    Timestamp _epoch_start;
    uint8_t _precision;
    uint8_t _prefix_len;
    uint8_t _color;

    uint64_t _alarms;
    uint64_t _untracked;
    uint64_t _recomputes;

    static inline uint32_t fmix32(uint32_t h) {
        h ^= h >> 16;
        h *= 0x85EBCA6BU;
        h ^= h >> 13;
        h *= 0xC2B2AE35U;
        h ^= h >> 16;
        return h;
    }
    static uint32_t log2_q16(uint32_t x);

    uint32_t estimate(int slot);
    int find_slot(uint32_t prefix);
    void new_epoch(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
