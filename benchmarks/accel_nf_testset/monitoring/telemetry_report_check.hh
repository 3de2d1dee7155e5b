// -*- c++ -*-
/*
 * telemetry_report_check.hh -- TelemetryReportCheck: the front end of an
 * in-band telemetry collector.  It validates the outer IPv4 header and the
 * integrity byte of each telemetry report, tracks report sequence gaps per
 * exporter, and keeps per-switch queue and latency summaries.
 */
#ifndef MONITORING_TELEMETRYREPORTCHECK_HH
#define MONITORING_TELEMETRYREPORTCHECK_HH
#include <click/element.hh>
CLICK_DECLS

/* 8-bit check over a byte run, generator x^8+x^2+x+1, MSB first, zero
   preset, half a byte at a time. */
static inline uint8_t
report_check_step(uint8_t c, const unsigned char *p, unsigned n)
{
    static const uint8_t nib[16] = {
        0x00, 0x07, 0x0E, 0x09, 0x1C, 0x1B, 0x12, 0x15,
        0x38, 0x3F, 0x36, 0x31, 0x24, 0x23, 0x2A, 0x2D
    };
    for (unsigned i = 0; i < n; ++i) {
        c ^= p[i];
        c = (uint8_t) (c << 4) ^ nib[c >> 4];
        c = (uint8_t) (c << 4) ^ nib[c >> 4];
    }
    return c;
}

/*
 * =c
 * TelemetryReportCheck([PORT, MAX_HOPS])
 *
 * =s telemetry
 * validates telemetry reports and summarises per-switch metadata
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set.  Packets whose
 * IPv4 header checksum is wrong leave on output 1.  UDP packets to PORT
 * (default 32766) carry a report: an 8-byte header (version/exporter,
 * hop count, flags, check byte, 32-bit sequence number) and hop count
 * 8-byte hop records (switch id, queue depth, hop latency in
 * microseconds).  The check byte covers every other report byte.  Bad or
 * truncated reports, or reports with more than MAX_HOPS hops (default 8),
 * leave on output 1; good reports and other packets leave on output 0.
 *
 * =h stats read-only       counters
 * =h switches read-only    per-switch summaries
 */
class TelemetryReportCheck : public Element {
  public:
    TelemetryReportCheck();
    ~TelemetryReportCheck();

    const char *class_name() const override { return "TelemetryReportCheck"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { NEXPORTERS = 16, NSWITCHES = 32, HDR_LEN = 8, HOP_LEN = 8 };

    struct SwitchStats {
        uint32_t id;
        uint32_t reports;
        uint16_t max_queue;
        uint64_t latency_sum;
    };

  private:
    uint16_t _port;
    unsigned _max_hops;

    uint32_t _last_seq[NEXPORTERS];
    bool _seq_valid[NEXPORTERS];
    SwitchStats _sw[NSWITCHES];
    int _nsw;

    uint64_t _packets;
    uint64_t _bad_ip;
    uint64_t _reports;
    uint64_t _bad_reports;
    uint64_t _truncated;
    uint64_t _seq_gaps;
    uint64_t _table_full;

    void account_hop(const unsigned char *rec);
    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
