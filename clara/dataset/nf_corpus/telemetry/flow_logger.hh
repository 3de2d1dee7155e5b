// -*- c++ -*-
/*
 * flow_logger.{cc,hh} -- FlowLogger: writes flow start and end events
 * (SYN, FIN/RST, idle timeout) into a fixed in-object ring of 4096 records
 * that a control-plane reader exports.
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_FLOWLOGGER_HH
#define CLARA_NFCORPUS_FLOWLOGGER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * FlowLogger([IDLE, MAX_FLOWS, MIDSTREAM, SWEEP_INTERVAL])
 *
 * =s measurement
 * flow start/end event log in a ring buffer
 *
 * =d
 * Tracks IPv4 TCP and UDP conversations (both directions share one entry,
 * keyed by the direction seen first).  A TCP conversation starts with a SYN
 * (or with any packet if MIDSTREAM is true); a UDP one with its first
 * packet.  It ends when both sides sent a FIN, when either sent a RST, or
 * after IDLE without packets (idle conversations are found by a walk of the
 * table every SWEEP_INTERVAL).  Start and end events are appended to a ring
 * of 4096 32-byte records; end records carry the packet and byte totals
 * and the duration.  A reader drains the ring with the export handler;
 * records overwritten before they were exported are counted as lost.
 * Packets pass unchanged.
 *
 * =h export read-only      unexported records, one per line, then marks
 *                          them exported
 * =h active read-only      conversations being tracked
 * =h events read-only      "START FIN RST IDLE FLUSH" event counts
 * =h lost read-only        records overwritten before export
 * =h flush write-only      end every active conversation now
 */
class FlowLogger : public Element {
  public:
    FlowLogger();
    ~FlowLogger();

    const char *class_name() const override { return "FlowLogger"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

    enum { RING = 4096 };
    enum Event { EV_START = 0, EV_END_FIN, EV_END_RST, EV_END_IDLE, EV_END_FLUSH, NEVENTS };

    struct FlowRecord {             // 32 bytes
        uint32_t saddr;
        uint32_t daddr;
        uint16_t sport;
        uint16_t dport;
        uint8_t proto;
        uint8_t event;
        uint8_t tcp_flags;          // union of the flags seen
        uint8_t dir_mask;           // bit 0: forward seen, bit 1: reverse seen
        uint32_t start_ms;          // since initialize()
        uint32_t duration_ms;
        uint32_t packets;
        uint32_t bytes;             // saturating
    };

    struct Conversation {
        int64_t first_ns;
        int64_t last_ns;
        uint64_t bytes;
        uint32_t packets;
        uint8_t proto;
        uint8_t flags;
        uint8_t fin_mask;           // which directions sent a FIN
        uint8_t dir_mask;
        Conversation()
            : first_ns(0), last_ns(0), bytes(0), packets(0), proto(0), flags(0),
              fin_mask(0), dir_mask(0) {}
    };

  private:
    enum { h_export, h_active, h_events, h_lost, h_flush };

    FlowRecord _ring[RING];         // 128 KiB
    uint32_t _head;                 // next record to write
    uint32_t _export_tail;          // next record to export
    uint64_t _written;
    uint64_t _exported;
    uint64_t _lost;

    HashMap<IPFlowID, Conversation> _active;
    Vector<IPFlowID> _doomed;

    uint64_t _events[NEVENTS];
    int64_t _epoch_ns;
    int64_t _idle_ns;
    int64_t _sweep_ns;
    int64_t _next_sweep_ns;
    uint32_t _max_flows;
    bool _midstream;
    uint64_t _overflow;
    uint64_t _skipped;

    static inline uint32_t ms_between(int64_t from_ns, int64_t to_ns) {
        int64_t d = to_ns - from_ns;
        if (d <= 0)
            return 0;
        d /= 1000000;
        return d > 0xFFFFFFFFLL ? 0xFFFFFFFFU : (uint32_t) d;
    }

    void log(const IPFlowID &key, const Conversation &c, Event ev, int64_t now_ns);
    void sweep(int64_t now_ns, bool all);
    String drain();

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
