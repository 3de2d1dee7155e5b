// -*- c++ -*-
/*
 * payload_replay_detector.hh -- PayloadReplayDetector: spots the same UDP
 * or TCP payload repeated by the same source within a short window
 * (replayed requests, reflection triggers, retransmission storms) by a
 * 16-bit fingerprint of the payload's first bytes.
 */
#ifndef MONITORING_PAYLOADREPLAYDETECTOR_HH
#define MONITORING_PAYLOADREPLAYDETECTOR_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * PayloadReplayDetector([SPAN, MIN_PAYLOAD, WINDOW_MS, REPEATS])
 *
 * =s measurement
 * detects repeated payloads from one source
 *
 * =d
 * For TCP and UDP packets with at least MIN_PAYLOAD payload bytes (default
 * 8), a fingerprint is computed over the first SPAN payload bytes (8-256,
 * default 64).  The fingerprint selects one of 65536 slots remembering the
 * source address, payload length and last time.  A packet matching its
 * slot within WINDOW_MS milliseconds (default 2000) is a repeat; once a
 * slot has seen REPEATS repeats (default 3) further repeats leave on
 * output 1 (or are dropped).  Everything else leaves on output 0.
 *
 * =h stats read-only       counters
 */
class PayloadReplayDetector : public Element {
  public:
    PayloadReplayDetector();
    ~PayloadReplayDetector();

    const char *class_name() const override { return "PayloadReplayDetector"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    struct Slot {
        uint32_t src;
        uint16_t len;
        uint16_t repeats;
        int64_t last_ms;
    };

  private:
    uint16_t _tab[256];
    Vector<Slot> _slots;
    unsigned _span;
    unsigned _min_payload;
    uint32_t _window_ms;
    unsigned _repeats;

    uint64_t _checked;
    uint64_t _repeat_hits;
    uint64_t _flagged;
    uint64_t _evictions;
    uint64_t _skipped;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
