// -*- c++ -*-
/*
 * flow_size_histogram.{cc,hh} -- log2 histograms of finished flows.
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_FLOWSIZEHISTOGRAM_HH
#define CLARA_NFCORPUS_FLOWSIZEHISTOGRAM_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * FlowSizeHistogram([TIMEOUT, MAX_FLOWS, SWEEP])
 *
 * =s measurement
 * histograms of flow sizes, packet counts and durations
 *
 * =d
 * Tracks every unidirectional IPv4 TCP or UDP flow in a HashMap: bytes,
 * packets, first and last packet times.  A TCP flow ends with its FIN or
 * RST; any flow also ends after TIMEOUT seconds without packets (checked
 * by a sweep of the table every SWEEP packets).  When a flow ends, its byte
 * count, packet count and duration (in microseconds) are added to log2
 * histograms, per protocol (TCP, UDP).  Packets pass unchanged.
 *
 * At most MAX_FLOWS flows are tracked; packets of further new flows are
 * counted as untracked.
 *
 * =h active read-only        flows being tracked
 * =h finished read-only      flows ended (FIN, RST, timeout)
 * =h bytes read-only         "LOG2 TCP UDP" per line of the byte histogram
 * =h packets read-only       the same for packet counts
 * =h durations read-only     the same for durations in microseconds
 * =h flush write-only        end every active flow now
 */
class FlowSizeHistogram : public Element {
  public:
    FlowSizeHistogram();
    ~FlowSizeHistogram();

    const char *class_name() const override { return "FlowSizeHistogram"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

    enum { NBINS = 64, NPROTO = 2, P_TCP = 0, P_UDP = 1 };
    enum EndReason { END_FIN = 0, END_RST, END_TIMEOUT, END_FLUSH, NREASONS };

    struct FlowStats {
        uint64_t bytes;
        uint32_t packets;
        uint16_t proto;
        uint16_t flags_seen;    // union of TCP flags
        Timestamp first;
        Timestamp last;
        FlowStats() : bytes(0), packets(0), proto(0), flags_seen(0) {}
    };

  private:
    enum { h_active, h_finished, h_bytes, h_packets, h_durations, h_flush };

    HashMap<IPFlowID, FlowStats> _flows;
    Vector<IPFlowID> _expired;  // scratch list for the sweep

    uint64_t _byte_hist[NPROTO][NBINS];
    uint32_t _pkt_hist[NPROTO][NBINS];
    uint32_t _dur_hist[NPROTO][NBINS];
    uint64_t _ended[NREASONS];

    Timestamp _timeout;
    uint32_t _max_flows;
    uint32_t _sweep_every;
    uint32_t _until_sweep;

    uint64_t _untracked;
    uint64_t _ignored;

    // floor(log2(v)) by a loop over the bits; 0 for v <= 1.
    static inline int log2_loop(uint64_t v) {
        int b = 0;
        while (v >>= 1)
            b++;
        return b;
    }
    static int log2_fast(uint64_t v);

    void finish(const IPFlowID &key, const FlowStats &fs, EndReason why);
    void sweep(const Timestamp &now, bool all);
    String histogram(int which) const;

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
