#ifndef CLICK_SFLOWAGENT_HH
#define CLICK_SFLOWAGENT_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

SFlowAgent(AGENT, COLLECTOR, I<keywords> RATE, HEADER_BYTES, ...)

=s telemetry

sFlow v5 agent: random 1-in-N packet sampling, exports raw-header samples

=d

Every packet is forwarded on output 0.  On average one packet in RATE is
sampled; for each sampled packet an sFlow version 5 datagram holding one
flow sample with a raw packet header record (the first HEADER_BYTES of the
frame) is built and emitted on output 1 as a complete Ethernet/IPv4/UDP
frame addressed to COLLECTOR:PORT.

Keywords: RATE (default 1024), HEADER_BYTES (128), PORT (6343), SRCETH,
DSTETH, SUBAGENT, IFINDEX (source ifIndex; 0 means the paint annotation).
*/

class SFlowAgent : public Element { public:
    SFlowAgent();

    const char *class_name() const override	{ return "SFlowAgent"; }
    const char *port_count() const override	{ return "1/2"; }
    const char *processing() const override	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *) override;
    int initialize(ErrorHandler *) override;
    void add_handlers() override;
    void push(int, Packet *) override;

  private:
    IPAddress _agent;
    IPAddress _collector;
    uint16_t _cport;
    EtherAddress _srceth;
    EtherAddress _dsteth;
    uint32_t _subagent;
    uint32_t _ifindex;
    uint32_t _rate;
    uint32_t _header_bytes;
    uint32_t _prng;
    uint32_t _skip;
    uint32_t _pool;
    uint32_t _dgram_seq;
    uint32_t _sample_seq;
    uint32_t _drops;
    uint16_t _ip_id;
    Timestamp _boot;

    uint32_t next_random();
    uint32_t next_skip();
    WritablePacket *make_datagram(const Packet *sampled);
};

CLICK_ENDDECLS
#endif
