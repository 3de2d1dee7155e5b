// -*- c++ -*-
/*
 * victim_syn_sketch.hh -- VictimSynSketch: spots SYN-flood victims with a
 * count-min sketch of connection attempts per destination service and
 * sends traffic to hot services to a scrubbing path.
 */
#ifndef SECURITY_VICTIMSYNSKETCH_HH
#define SECURITY_VICTIMSYNSKETCH_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
 * =c
 * VictimSynSketch(THRESHOLD, [WINDOW_MS, SRC_PREFIX, SEED, ALL_TCP])
 *
 * =s ddos
 * count-min sketch of TCP SYNs per (destination, port)
 *
 * =d
 * Every TCP SYN (every TCP packet if ALL_TCP) is counted in a 4 x 4096
 * count-min sketch keyed by destination address, destination port,
 * protocol and the source address masked to SRC_PREFIX bits (default 0:
 * all sources together).  The sketch is cleared every WINDOW_MS
 * milliseconds (default 1000).  A packet whose key has an estimated count
 * of at least THRESHOLD in the current window leaves on output 1 (the
 * scrubbing path); other packets leave on output 0.  Non-IPv4 or short
 * packets leave on output 0 untouched.
 *
 * =h stats read-only   counters
 * =h reset write-only  clear the sketch
 */
class VictimSynSketch : public Element {
  public:
    VictimSynSketch();
    ~VictimSynSketch();

    const char *class_name() const override { return "VictimSynSketch"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { ROWS = 4, WIDTH = 4096, KEYLEN = 11 };

  private:
    uint32_t _count[ROWS][WIDTH];
    uint32_t _row_init[ROWS];

    uint32_t _threshold;
    uint32_t _window_ms;
    uint32_t _src_mask;         /* network byte order */
    uint32_t _seed;
    bool _all_tcp;
    int64_t _window_start;

    uint64_t _counted;
    uint64_t _hot;
    uint64_t _windows;
    uint32_t _max_estimate;

    uint32_t key_hash(const uint8_t *k, uint32_t len, uint32_t initval) const;
    void roll(int64_t now_ms);

    static String read_stats(Element *e, void *thunk);
    static int write_reset(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
