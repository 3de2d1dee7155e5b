// -*- c++ -*-
/*
 * ipfix_flow_meter.hh -- IpfixFlowMeter: flow meter and IPFIX (RFC 7011)
 * exporter; expired flows become data records of one fixed template.
 */
#ifndef SERVICES_IPFIX_FLOW_METER_HH
#define SERVICES_IPFIX_FLOW_METER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * IpfixFlowMeter(SRC, COLLECTOR, [DPORT, DOMAIN, ACTIVE, IDLE, SAMPLE, MAX_FLOWS])
 *
 * =d
 * Input: IPv4 packets, IP header first, passed through on output 0.  One
 * in SAMPLE packets (random sampling, default 1 = all) is metered.  Flows
 * idle for IDLE seconds (default 15) or active for ACTIVE seconds (default
 * 60) are exported in IPFIX messages to COLLECTOR:DPORT (default 4739) on
 * output 1; the template set is repeated every 20 messages.
 */
class IpfixFlowMeter : public Element {
  public:
    IpfixFlowMeter();
    ~IpfixFlowMeter();

    const char *class_name() const override { return "IpfixFlowMeter"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return "a/ah"; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum {
        TEMPLATE_ID = 256, NFIELDS = 10, REC_LEN = 46, MSG_HDR = 16, SET_HDR = 4,
        MAX_MSG = 1400, TEMPLATE_EVERY = 20
    };

    struct Flow {
        uint64_t packets;
        uint64_t octets;
        Timestamp first;
        Timestamp last;
        uint8_t proto;
        uint8_t tcp_flags;
    };

  private:
    HashMap<IPFlowID, Flow> _flows;
    Vector<IPFlowID> _expired;

    uint8_t _msg[MAX_MSG];
    unsigned _msg_len;          // bytes used, including headers
    unsigned _set_off;          // where the open data set starts
    unsigned _nrec;

    IPAddress _src;
    IPAddress _collector;
    uint16_t _dport;
    uint32_t _domain;
    uint32_t _active_s;
    uint32_t _idle_s;
    uint32_t _sample;
    uint32_t _max_flows;

    uint32_t _rng;
    uint32_t _seq;
    uint32_t _messages;
    uint16_t _ip_id;
    Timestamp _last_scan;

    uint64_t _metered;
    uint64_t _exported;
    uint64_t _table_full;

    void add_record(const IPFlowID &id, const Flow &f, const Timestamp &now);
    void flush(const Timestamp &now);
    void scan(const Timestamp &now);
    static String read_stats(Element *e, void *thunk);
};

static inline uint8_t *
ipfix_put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t) (v >> 8);
    p[1] = (uint8_t) v;
    return p + 2;
}

static inline uint8_t *
ipfix_put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t) (v >> 24);
    p[1] = (uint8_t) (v >> 16);
    p[2] = (uint8_t) (v >> 8);
    p[3] = (uint8_t) v;
    return p + 4;
}

static inline uint8_t *
ipfix_put64(uint8_t *p, uint64_t v)
{
    return ipfix_put32(ipfix_put32(p, (uint32_t) (v >> 32)), (uint32_t) v);
}

CLICK_ENDDECLS
#endif
