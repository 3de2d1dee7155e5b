// -*- c++ -*-
/*
 * postcard_export.hh -- PostcardExport: per-packet telemetry "postcards".
 * For every SAMPLE-th packet a fixed 24-byte record (observation point,
 * 5-tuple, TTL, length, time) is written into a batch; full or old batches
 * go to a collector in one UDP datagram.
 */
#ifndef SERVICES_POSTCARD_EXPORT_HH
#define SERVICES_POSTCARD_EXPORT_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * PostcardExport(SRC, DST, [SPORT, DPORT, OBS_ID, SAMPLE, BATCH, INTERVAL_MS])
 *
 * =d
 * Input: IPv4 packets, IP header first; they leave unchanged on output 0.
 * Export datagrams (SRC:SPORT -> DST:DPORT, default port 4739) leave on
 * output 1.  Each datagram carries an 8-byte header (version 1, record
 * count, export sequence) and up to BATCH (default 40) records.  Each
 * record ends in a check word over its first 22 bytes so the collector can
 * drop records damaged by middleboxes that rewrite payloads.
 */
class PostcardExport : public Element {
  public:
    PostcardExport();
    ~PostcardExport();

    const char *class_name() const override { return "PostcardExport"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return "a/ah"; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { REC_LEN = 24, MAX_BATCH = 56, EXP_HDR = 8 };

  private:
    uint8_t _batch[MAX_BATCH * REC_LEN];
    unsigned _nrec;
    Timestamp _batch_start;

    IPAddress _src;
    IPAddress _dst;
    uint16_t _sport;
    uint16_t _dport;
    uint32_t _obs_id;
    uint32_t _sample;
    uint32_t _max_batch;
    uint32_t _interval_ms;

    uint32_t _countdown;
    uint32_t _export_seq;
    uint16_t _ip_id;

    uint64_t _seen;
    uint64_t _records;
    uint64_t _datagrams;
    uint64_t _make_failed;

    void flush();
    static String read_stats(Element *e, void *thunk);
    static int write_flush(const String &, Element *e, void *, ErrorHandler *);
};

CLICK_ENDDECLS
#endif
