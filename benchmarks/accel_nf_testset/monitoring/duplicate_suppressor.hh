// -*- c++ -*-
/*
 * duplicate_suppressor.hh -- DuplicateSuppressor: drops (or diverts) IPv4
 * packets already seen recently, e.g. copies that reach a collector over
 * two mirror ports, remembered in two generations of a Bloom filter.
 */
#ifndef MONITORING_DUPLICATESUPPRESSOR_HH
#define MONITORING_DUPLICATESUPPRESSOR_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/* 64-bit FNV-1a step over n bytes, starting from h. */
static inline uint64_t
dup_fold(uint64_t h, const unsigned char *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= 0x00000100000001B3ULL;
    }
    return h;
}

/*
 * =c
 * DuplicateSuppressor([BITS_LOG2, PROBES, PREFIX, ROTATE_MS, ROTATE_COUNT])
 *
 * =s measurement
 * suppresses duplicate packets seen on several taps
 *
 * =d
 * A packet's identity covers the IPv4 fields that no router changes (all
 * but TTL and checksum, and the TOS byte, which may be re-marked) and the
 * first PREFIX bytes (default 32, at most 128) after the IP header.  The
 * identity sets PROBES bits (1-8, default 4) in a filter of 2^BITS_LOG2
 * bits (16-24, default 20).  A packet whose bits are all set in the
 * current or the previous generation is a duplicate and leaves on output
 * 1 (or is dropped); others are recorded and leave on output 0.  The
 * current generation becomes the previous one every ROTATE_MS
 * milliseconds (default 500) or after ROTATE_COUNT insertions (default
 * 2^BITS_LOG2 / 8).
 *
 * =h stats read-only       counters
 */
class DuplicateSuppressor : public Element {
  public:
    DuplicateSuppressor();
    ~DuplicateSuppressor();

    const char *class_name() const override { return "DuplicateSuppressor"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

  private:
    Vector<uint64_t> _gen[2];
    int _cur;
    unsigned _bits_log2;
    uint32_t _bit_mask;
    unsigned _probes;
    unsigned _prefix;
    uint32_t _rotate_ms;
    uint32_t _rotate_count;
    uint32_t _inserted;
    Timestamp _last_rotate;

    uint64_t _seen;
    uint64_t _dups;
    uint64_t _rotations;
    uint64_t _short;

    void rotate(const Timestamp &now);
    bool test_bits(const Vector<uint64_t> &g, uint32_t h1, uint32_t h2) const;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
