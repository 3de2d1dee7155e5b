#ifndef CLICK_PTPTIMESTAMPER_HH
#define CLICK_PTPTIMESTAMPER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

PTPTimestamper([I<keywords> ASYMMETRY, UDP])

=s telemetry

PTP (IEEE 1588v2) transparent-clock residence-time correction

=d

Acts as the egress side of an end-to-end transparent clock.  Input packets
are Ethernet frames whose timestamp annotation holds their ingress time.
For PTP event messages (Sync, Delay_Req, Pdelay_Req, Pdelay_Resp), the
residence time (now minus the ingress timestamp) plus ASYMMETRY
nanoseconds is added to the correctionField.  For two-step Sync messages
the residence time is remembered and added to the matching Follow_Up
instead.  PTP over Ethernet (EtherType 0x88F7, optionally 802.1Q tagged) and
over UDP/IPv4 (ports 319/320, if UDP is true) are recognised; the UDP
checksum of a rewritten IPv4 message is cleared.

PTP messages leave on output 0; anything else on output 1 if present.
Handler C<histogram> gives the residence times as a log2 histogram.
*/

class PTPTimestamper : public Element { public:

    PTPTimestamper();

    const char *class_name() const override	{ return "PTPTimestamper"; }
    const char *port_count() const override	{ return "1/1-2"; }
    const char *processing() const override	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *) override;
    void add_handlers() override;

    void push(int, Packet *) override;

  private:

    enum { PTP_HDR_LEN = 34, PENDING = 32, HIST_BUCKETS = 32 };

    struct Pending {
        uint8_t port_identity[10];
        uint16_t seq;
        bool used;
        int64_t residence_ns;
    };

    int64_t _asymmetry;
    bool _udp;
    Pending _pending[PENDING];
    unsigned _pending_next;
    uint64_t _hist[HIST_BUCKETS];

    uint64_t _corrected;
    uint64_t _followups;
    uint64_t _orphan_followups;
    uint64_t _no_timestamp;
    uint64_t _non_ptp;

    unsigned char *find_ptp(WritablePacket *q, click_udp **udp);
    void add_correction(unsigned char *ptp, int64_t ns);
    static String read_histogram(Element *, void *);

};

CLICK_ENDDECLS
#endif
