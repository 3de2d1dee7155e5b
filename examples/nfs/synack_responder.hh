#ifndef CLARA_EXAMPLES_SYNACKRESPONDER_HH
#define CLARA_EXAMPLES_SYNACKRESPONDER_HH
#include <click/element.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
 * =c
 * SynAckResponder([MSS, WINDOW, TTL, SECRET, PORTS])
 *
 * =s tcp
 * answers TCP SYNs with SYN-ACKs built in place
 *
 * =d
 * Models the SYN-handling fast path of a TCP SYN proxy / SYN-flood
 * protector (or of a stateless TCP responder such as a scanner's
 * listener): every pure SYN (SYN set; ACK, RST, FIN clear) is turned into
 * the matching SYN-ACK in place, without allocating a new packet:
 * Ethernet and IP addresses and TCP ports are swapped, the acknowledgement
 * number becomes the peer's sequence number plus one, and the sequence
 * number is a fresh ISN.  The ISN follows RFC 6528: a keyed hash of the
 * 4-tuple plus a per-element counter that advances with every SYN.  The
 * reply carries one TCP option, MSS.  IP and TCP checksums are recomputed.
 *
 * Input packets must have their IP header annotation set (as after
 * CheckIPHeader).  SYN-ACKs leave on output 0 (back towards the sender);
 * everything else -- non-TCP, non-SYN, fragments, SYNs with IP options,
 * SYNs to ports not in PORTS -- leaves unchanged on output 1.
 *
 * Keyword arguments:
 * =item MSS     Integer.  MSS option value to advertise.  Default 1460.
 * =item WINDOW  Integer.  Receive window to advertise.  Default 65535.
 * =item TTL     Integer.  TTL of the replies.  Default 64.
 * =item SECRET  Integer.  Key of the ISN hash.  Default 0x5eed1234.
 * =item PORTS   Space-separated list of up to 16 listening ports.  Empty
 *               (the default) answers every port.
 *
 * =h syns read-only       pure SYNs seen
 * =h replies read-only    SYN-ACKs sent
 * =h passed read-only     packets sent to output 1
 * =h ports read-only      listening ports
 * =h reset write-only     reset the counters
 */
class SynAckResponder : public Element {
  public:
    SynAckResponder();
    ~SynAckResponder();

    const char *class_name() const override { return "SynAckResponder"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

  private:
    enum { MAX_PORTS = 16, MSS_OPTION_LEN = 4 };
    enum { h_syns, h_replies, h_passed, h_ports, h_reset };

    uint16_t _mss;
    uint16_t _window;
    uint8_t _ttl;
    uint32_t _secret;

    uint16_t _ports[MAX_PORTS];     // host byte order
    int _nports;

    uint32_t _isn_counter;          // advances by ISN_STEP per SYN
    uint16_t _ip_id;

    uint64_t _syns;
    uint64_t _replies;
    uint64_t _passed;

    bool port_listening(uint16_t dport) const;
    uint32_t next_isn(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport);
    WritablePacket *make_synack(Packet *p);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
