// -*- c++ -*-
/*
 * count_min_heavy_hitters.hh -- CountMinHeavyHitters: estimates the bytes
 * each IPv4 flow sends in a count-min sketch and diverts the packets of
 * flows that cross a byte threshold within one measurement epoch.
 */
#ifndef MONITORING_COUNTMINHEAVYHITTERS_HH
#define MONITORING_COUNTMINHEAVYHITTERS_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * CountMinHeavyHitters([ROWS, WIDTH_BITS, THRESHOLD, EPOCH_MS, SEED, CONSERVATIVE])
 *
 * =s measurement
 * flags heavy flows with a count-min sketch
 *
 * =d
 * Input packets must have their IP header annotation set.  The flow key is
 * (src, dst, ports, protocol); ports are zero for non-first fragments and
 * for protocols other than TCP and UDP.  The sketch has ROWS rows (1-8,
 * default 4) of 2^WIDTH_BITS counters (8-16, default 12).  Each row picks
 * its counter with its own seed, derived from SEED.  With CONSERVATIVE
 * (default true) only the counters that hold the minimum are raised.
 * Every EPOCH_MS milliseconds (default 1000) the sketch is cleared.
 *
 * A packet whose flow estimate reaches THRESHOLD bytes (default 1000000)
 * leaves on output 1, if it exists, with the estimate in the
 * EXTRA_LENGTH annotation; other packets leave on output 0.
 *
 * =h stats read-only       counters
 * =h reset write-only      clear the sketch and the counters
 */
class CountMinHeavyHitters : public Element {
  public:
    CountMinHeavyHitters();
    ~CountMinHeavyHitters();

    const char *class_name() const override { return "CountMinHeavyHitters"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_ROWS = 8, MIN_WIDTH_BITS = 8, MAX_WIDTH_BITS = 16 };

  private:
    Vector<uint32_t> _cells;            // _rows << _width_bits counters
    uint32_t _seeds[MAX_ROWS];
    unsigned _rows;
    unsigned _width_bits;
    uint32_t _mask;
    uint32_t _threshold;
    uint32_t _epoch_ms;
    uint32_t _seed;
    bool _conservative;
    Timestamp _epoch_start;

    uint64_t _packets;
    uint64_t _bytes;
    uint64_t _heavy_packets;
    uint64_t _heavy_flows;
    uint64_t _epochs;
    uint64_t _no_header;

    uint32_t row_index(const uint32_t *key, unsigned row) const;
    void clear_sketch();
    void new_epoch(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
    static int reset_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
