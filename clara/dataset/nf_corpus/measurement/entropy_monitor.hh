// -*- c++ -*-
/*
 * entropy_monitor.hh -- EntropyMonitor: per-interval histograms of the
 * source-address bytes and the transport ports, turned into normalized
 * entropies at the end of each interval and compared with a moving
 * baseline (entropy shifts flag scans, floods and worm outbreaks).
 *
 * Training code for Clara's compute model (nf_corpus/measurement); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_ENTROPYMONITOR_HH
#define CLARA_NFCORPUS_ENTROPYMONITOR_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * EntropyMonitor([INTERVAL, MAX_PACKETS, WARMUP, DEVIATION, MIN_DELTA])
 *
 * =s measurement
 * detects shifts in the entropy of addresses and ports
 *
 * =d
 * Counts every IPv4 packet in six histograms: one per byte of the source
 * address (256 bins each) and, for TCP and UDP, one of source ports and one
 * of destination ports (folded into 1024 bins).  An interval ends after
 * INTERVAL (default 1 s) or MAX_PACKETS packets (default 65536), whichever
 * comes first.  At its end the normalized entropy of each histogram (per
 * mille of the maximum) is computed with an integer log2 table and compared
 * with an exponentially weighted mean and mean deviation of earlier
 * intervals.  After WARMUP intervals (default 8), a feature deviating by
 * more than DEVIATION (default 3) mean deviations and at least MIN_DELTA per
 * mille (default 50) is anomalous.  During the next interval, packets are
 * painted with the bit mask of anomalous features and sent to output 1 if
 * it exists; otherwise (and when all is normal) they leave on output 0.
 *
 * =h entropy read-only    the last interval's entropies and baselines
 * =h history read-only    the last 64 intervals, one line each
 * =h alarms read-only     recent anomalies "INTERVAL MASK"
 */
class EntropyMonitor : public Element {
  public:
    EntropyMonitor();
    ~EntropyMonitor();

    const char *class_name() const override { return "EntropyMonitor"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { F_SRC0 = 0, F_SRC1, F_SRC2, F_SRC3, F_SPORT, F_DPORT, NFEAT };
    enum { PORT_BINS = 1024, HISTORY = 64, MAX_ALARMS = 128 };

    struct Alarm {
        uint32_t interval;
        uint8_t mask;
        uint16_t value[NFEAT];
    };

  private:
    uint32_t _src_hist[4][256];
    uint32_t _sport_hist[PORT_BINS];
    uint32_t _dport_hist[PORT_BINS];
    uint32_t _ip_packets;
    uint32_t _port_packets;

    int32_t _mean_q4[NFEAT];        /* baseline, per mille << 4 */
    int32_t _dev_q4[NFEAT];
    uint16_t _last[NFEAT];
    uint16_t _history[HISTORY][NFEAT];
    Vector<Alarm> _alarms;

    Timestamp _interval;
    Timestamp _start;
    uint32_t _max_packets;
    uint32_t _intervals;
    uint32_t _warmup;
    uint32_t _deviation;
    uint32_t _min_delta;
    uint8_t _alarm_mask;
    uint64_t _flagged;

    static uint32_t log2_q16(uint32_t x);
    static uint32_t entropy_pm(const uint32_t *hist, int nbins, uint32_t total, int bits);
    static inline uint32_t port_bin(uint16_t port) {
        // well-known ports keep their own bin; the rest fold by hash
        if (port < PORT_BINS / 2)
            return port;
        return PORT_BINS / 2 + (((uint32_t) port * 0x9E37U) >> 7) % (PORT_BINS / 2);
    }

    void end_interval(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
