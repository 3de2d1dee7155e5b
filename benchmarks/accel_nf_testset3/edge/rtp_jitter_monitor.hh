#ifndef CLICK_RTPJITTERMONITOR_HH
#define CLICK_RTPJITTERMONITOR_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * RtpJitterMonitor([CLOCK_RATE, MAX_STREAMS, SAMPLE, MAX_JITTER_MS])
 *
 * Passive stream quality probe for a streaming edge.  For every RTP stream
 * (told apart by SSRC, up to MAX_STREAMS) it keeps the RFC 3550 receiver
 * statistics: extended highest sequence number with wrap-around and source
 * probation, cumulative loss, a 64-packet loss bitmap, and the interarrival
 * jitter estimate (in CLOCK_RATE units, default 90 kHz video).  Jitter goes
 * to the AGGREGATE annotation.  One in SAMPLE packets (randomly chosen) is
 * copied to output 1 for deep inspection, and so is every packet of a stream
 * whose jitter exceeds MAX_JITTER_MS.
 */

class RtpJitterMonitor : public Element {
  public:
    RtpJitterMonitor();
    ~RtpJitterMonitor();

    const char *class_name() const { return "RtpJitterMonitor"; }
    const char *port_count() const { return "1/1-2"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { MAX_DROPOUT = 3000, MAX_MISORDER = 100, MIN_SEQUENTIAL = 2, SLOTS = 64 };

    struct Stream {
        uint32_t ssrc;
        bool used;
        uint16_t max_seq;
        uint32_t cycles;            /* shifted count of seq wraps */
        uint32_t base_seq;
        uint32_t bad_seq;
        uint32_t probation;
        uint32_t received;
        uint64_t recent;            /* bit i: max_seq - i arrived */
        int32_t last_transit;
        uint32_t jitter;            /* RFC 3550 A.8, scaled by 16 */
    };

    Stream *_streams;
    unsigned _nstreams;
    uint32_t _clock_rate;
    uint32_t _sample;
    uint32_t _max_jitter_ms;
    uint32_t _rng;

    uint64_t _packets, _table_full, _sampled;

    Stream *find_stream(uint32_t ssrc);
    bool update_seq(Stream &s, uint16_t seq);
    uint32_t next_random();
    static unsigned count_ones(uint64_t x);
    static String read_loss(Element *e, void *);
};

CLICK_ENDDECLS
#endif
