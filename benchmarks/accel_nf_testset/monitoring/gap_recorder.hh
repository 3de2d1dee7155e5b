// -*- c++ -*-
/*
 * gap_recorder.hh -- GapRecorder: records the inter-arrival times of the
 * packets of selected flows compactly (delta of successive gaps, zigzag,
 * variable-length bytes, runs of equal gaps collapsed) and exports a
 * record packet whenever a flow's buffer fills.
 */
#ifndef MONITORING_GAPRECORDER_HH
#define MONITORING_GAPRECORDER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * GapRecorder([MAX_FLOWS, RECORD_BYTES, RESOLUTION_US])
 *
 * =s telemetry
 * compact per-flow inter-arrival time records
 *
 * =d
 * Tracks up to MAX_FLOWS (default 1024) TCP/UDP flows.  Gaps are measured
 * in units of RESOLUTION_US microseconds (default 10).  Each flow
 * accumulates up to RECORD_BYTES (32-240, default 200) encoded bytes; a
 * full buffer is exported on output 1 as a record: 4-byte source, 4-byte
 * destination, 2+2-byte ports, 4-byte first timestamp (ms), 2-byte packet
 * count, 2-byte encoded length, then the encoding.  Packets leave on
 * output 0 unchanged.
 *
 * =h stats read-only       counters
 */
class GapRecorder : public Element {
  public:
    GapRecorder();
    ~GapRecorder();

    const char *class_name() const override { return "GapRecorder"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_RECORD = 240, REC_HDR = 20 };

    struct Trace {
        IPFlowID flow;
        Timestamp first;
        Timestamp last;
        int32_t last_gap;
        uint16_t packets;
        uint16_t len;
        uint8_t run;
        uint8_t buf[MAX_RECORD + 8];
    };

  private:
    HashMap<IPFlowID, int> _index;
    Vector<Trace> _traces;
    unsigned _max_flows;
    unsigned _record_bytes;
    uint32_t _resolution_us;

    uint64_t _packets;
    uint64_t _records;
    uint64_t _untracked;
    uint64_t _export_fail;

    static unsigned put_varint(uint8_t *out, uint32_t v);
    void flush_run(Trace &t);
    void export_trace(Trace &t);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
