// -*- c++ -*-
#ifndef CLICK_CMSHEAVYHITTER_HH
#define CLICK_CMSHEAVYHITTER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
=c

CMSHeavyHitter(THRESHOLD, KEYWORDS)

=s measurement

flags heavy-hitter flows with a count-min sketch, reset every interval

=d

Counts every IPv4 packet (or its bytes, if BYTES is true) in a count-min
sketch of ROWS rows by WIDTH counters, keyed by the flow's 5-tuple (or only
the source address, if KEY is "src").  Row i hashes the key with its own
multiply-shift hash (independent random multipliers drawn at
initialization).  The estimate of a key's count is the minimum of its ROWS
counters; with CONSERVATIVE, an update raises only the counters that are at
the current minimum.  A packet whose key's estimate reaches THRESHOLD in the
current interval is a heavy hitter: it is painted with COLOR and emitted on
output 1 (if present; else on output 0); the key is reported (recorded in
the "hitters" handler) the first time it crosses the threshold.  Other
packets go to output 0.

Every INTERVAL (milliseconds, default 1000) of packet time -- the packet's
timestamp annotation, or Timestamp::now() if unset -- the sketch is
cleared.

Keywords: ROWS (1-8, default 4), WIDTH (power of two up to 16384, default
4096), INTERVAL, BYTES (bool), CONSERVATIVE (bool), KEY (flow|src), COLOR
(paint annotation value, default 1).

=h hitters read-only
Heavy hitters reported in the current interval (key hash and estimate).
=h intervals, packets, heavy_packets read-only
=h reset write-only
Clears the sketch.
*/

class CMSHeavyHitter : public Element {
  public:
    CMSHeavyHitter();
    ~CMSHeavyHitter();

    const char *class_name() const { return "CMSHeavyHitter"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void add_handlers();
    Packet *simple_action(Packet *p);
    void push(int port, Packet *p);

    enum { MAX_ROWS = 8, MAX_WIDTH = 16384, MAX_REPORTS = 256 };

    struct Report {
        uint64_t key;
        uint32_t estimate;
    };

  private:
    uint32_t _sketch[MAX_ROWS * MAX_WIDTH];     /* row-major counters */
    uint64_t _mult[MAX_ROWS];                   /* per-row odd multipliers */
    int _rows;
    uint32_t _width;
    int _width_bits;
    uint32_t _threshold;
    Timestamp _interval;
    Timestamp _interval_start;
    bool _count_bytes;
    bool _conservative;
    bool _src_only;
    uint8_t _color;

    Vector<Report> _reports;
    uint64_t _intervals;
    uint64_t _packets;
    uint64_t _heavy_packets;

    uint64_t flow_key(const Packet *p) const;
    uint32_t update(uint64_t key, uint32_t amount);
    void reset_sketch(const Timestamp &now);
    bool classify(Packet *p);

    static String read_handler(Element *e, void *thunk);
    static int reset_handler(const String &data, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
