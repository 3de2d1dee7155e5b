// -*- c++ -*-
/*
 * icmp_error_generator.hh -- IcmpErrorGenerator: answers expiring and
 * undeliverable IPv4 datagrams with ICMP time-exceeded, port-unreachable
 * or protocol-unreachable errors built in a fresh packet, rate-limited by
 * a token counter.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_ICMPERRORGENERATOR_HH
#define CLARA_NFCORPUS_ICMPERRORGENERATOR_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <clicknet/ip.h>
#include <clicknet/icmp.h>
CLICK_DECLS

/*
 * =c
 * IcmpErrorGenerator(LOCAL, [KEYWORDS])
 *
 * =s icmp
 * generates ICMP errors for expired or undeliverable datagrams
 *
 * =d
 * LOCAL is this node's IPv4 address; it is the source of every error.
 * A datagram addressed elsewhere whose TTL is 0 or 1 would expire on this
 * hop: it is answered with ICMP time exceeded (in transit).  A datagram
 * addressed to LOCAL is answered with port unreachable if it is UDP and
 * its destination port is not one of the PORT arguments (an 8 KiB port
 * bitmap), and with protocol unreachable if its protocol is not ICMP, TCP,
 * UDP or one of the PROTO arguments.
 *
 * As RFC 1122 requires, no error is sent about an ICMP error message, a
 * non-initial fragment, a datagram to a broadcast or multicast address or
 * a datagram whose source is not a unicast address.  Errors carry the
 * offending IP header and QUOTE (default 8) bytes of its payload; the new
 * IP and ICMP checksums are computed from scratch.  Errors are limited to
 * RATE per second with bursts of BURST; an error found no token for is
 * suppressed.  Error packets leave on output 1, the offending datagrams on
 * output 2 (or are dropped); everything else passes on output 0.
 *
 * Keywords: PORT (repeatable), PROTO (repeatable), TTL (of the errors,
 * default 64), TOS (default 0xC0), QUOTE (8..488), RATE (default 100),
 * BURST (default 20), CHECK_TTL (bool, default true).
 *
 * =h time_exceeded, port_unreach, proto_unreach read-only  errors sent
 * =h suppressed read-only   errors not sent for lack of tokens
 * =h exempt read-only       error conditions for which RFC 1122 forbids errors
 */
class IcmpErrorGenerator : public Element {
  public:
    IcmpErrorGenerator();
    ~IcmpErrorGenerator();

    const char *class_name() const override { return "IcmpErrorGenerator"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    // MAX_QUOTE keeps an error about a datagram with a 60-byte header
    // within the 576 bytes every host must accept (RFC 1812 4.3.2.3)
    enum { PORT_WORDS = 65536 / 64, PROTO_WORDS = 256 / 64,
           MAX_QUOTE = 576 - 20 - 8 - 60 };

  private:
    IPAddress _local;
    uint8_t _ttl;
    uint8_t _tos;
    uint16_t _quote;
    bool _check_ttl;

    uint64_t _open_ports[PORT_WORDS];       // 8 KiB: open UDP ports
    uint64_t _protos[PROTO_WORDS];          // protocols handled locally

    // token counter: tokens are kept in units of 1/CLICK_HZ
    uint32_t _rate;
    uint32_t _burst;
    uint64_t _tokens;
    click_jiffies_t _last_refill;

    uint16_t _ip_id;
    uint64_t _sent[3];
    uint64_t _suppressed;
    uint64_t _exempt;
    uint64_t _alloc_failures;

    enum { e_time_exceeded = 0, e_port_unreach, e_proto_unreach };

    inline bool port_open(uint16_t port) const {
        return (_open_ports[port >> 6] >> (port & 63)) & 1;
    }
    inline bool proto_handled(uint8_t p) const {
        return (_protos[p >> 6] >> (p & 63)) & 1;
    }
    static inline bool is_icmp_error(uint8_t type) {
        switch (type) {
        case ICMP_UNREACH:
        case ICMP_SOURCEQUENCH:
        case ICMP_REDIRECT:
        case ICMP_TIMXCEED:
        case ICMP_PARAMPROB:
            return true;
        default:
            return false;
        }
    }
    static inline bool unicast_source(uint32_t a_net) {
        uint32_t a = ntohl(a_net);
        if (a == 0 || a == 0xFFFFFFFFU)
            return false;
        if ((a >> 24) == 127 || (a >> 28) == 0xE || (a >> 28) == 0xF)
            return false;
        return true;
    }

    bool take_token();
    bool exempt(const Packet *p, const click_ip *iph) const;
    WritablePacket *make_error(const Packet *p, const click_ip *iph,
                               uint8_t type, uint8_t code);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
