// -*- c++ -*-
/*
 * handshake_rtt.hh -- HandshakeRTT: passive round-trip-time monitor.  It
 * times TCP handshakes (SYN to SYN-ACK as seen at the tap), smooths the
 * samples per server, and keeps a log-scale histogram of all samples.
 */
#ifndef MONITORING_HANDSHAKERTT_HH
#define MONITORING_HANDSHAKERTT_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * HandshakeRTT([MAX_PENDING, PENDING_TIMEOUT_MS, MAX_SERVERS])
 *
 * =s measurement
 * measures TCP handshake round-trip times
 *
 * =d
 * A SYN (without ACK) starts a pending handshake keyed by its flow.  The
 * matching SYN-ACK, whose acknowledgement number is the SYN's sequence
 * number plus one, gives a sample: the time between the two packets.  Per
 * server (the SYN-ACK's source), the smoothed RTT and its variation follow
 * the usual gains (1/8 and 1/4); the sample goes in the RTT_US annotation
 * (AGGREGATE) of the SYN-ACK.  Samples are also counted in 32 power-of-two
 * buckets of microseconds.  At most MAX_PENDING handshakes (default 65536)
 * are tracked; those older than PENDING_TIMEOUT_MS (default 3000) are
 * forgotten.  Packets pass unchanged.
 *
 * =h servers read-only     smoothed RTT per server
 * =h histogram read-only   the sample histogram
 */
class HandshakeRTT : public Element {
  public:
    HandshakeRTT();
    ~HandshakeRTT();

    const char *class_name() const override { return "HandshakeRTT"; }
    const char *port_count() const override { return PORTS_1_1; }
    const char *processing() const override { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    struct Pending {
        Timestamp sent;
        uint32_t isn;
        Pending() : isn(0) {}
    };

    struct Smoothed {
        int32_t srtt8;          // 8 x smoothed RTT, microseconds
        int32_t rttvar4;        // 4 x RTT variation
        uint32_t samples;
        Smoothed() : srtt8(0), rttvar4(0), samples(0) {}
    };

  private:
    HashMap<IPFlowID, Pending> _pending;
    HashMap<IPAddress, Smoothed> _servers;
    Vector<IPFlowID> _stale;
    uint32_t _hist[32];

    unsigned _max_pending;
    uint32_t _timeout_ms;
    unsigned _max_servers;

    uint64_t _syns;
    uint64_t _samples;
    uint64_t _unmatched;
    uint64_t _expired;

    void expire(const Timestamp &now);
    static void smooth(Smoothed &s, int32_t us);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
