// -*- c++ -*-
/*
 * sctp_udp_decap.hh -- SctpUdpDecap: terminates the UDP encapsulation of
 * SCTP (RFC 6951) and forwards the SCTP packet natively.
 */
#ifndef OVERLAY_SCTP_UDP_DECAP_HH
#define OVERLAY_SCTP_UDP_DECAP_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * SctpUdpDecap([PORT, VERIFY, LEARN])
 *
 * =s tunnel
 * strips UDP encapsulation from SCTP packets
 *
 * =d
 * Input: IPv4 packets with the network header annotation set (after
 * CheckIPHeader).  UDP datagrams to PORT (default 9899) that carry a whole
 * SCTP packet are checked against the SCTP CRC32c (unless VERIFY is false),
 * the UDP header is removed, the IP protocol becomes 132 and the header
 * checksum is adjusted.  With LEARN (default true) the UDP source port of
 * each remote address is remembered for the reverse direction.  Everything
 * else, and SCTP packets that fail the check, leave on output 1.
 *
 * =h stats read-only       counters
 * =h peers read-only       learned remote encapsulation ports
 */
class SctpUdpDecap : public Element {
  public:
    SctpUdpDecap();
    ~SctpUdpDecap();

    const char *class_name() const override { return "SctpUdpDecap"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { SCTP_COMMON_HEADER = 12, SCTP_UDP_PORT = 9899 };

  private:
    uint16_t _port;
    bool _verify;
    bool _learn;

    HashMap<IPAddress, uint16_t> _peers;

    uint64_t _decapsulated;
    uint64_t _not_ours;
    uint64_t _bad_len;
    uint64_t _fragments;
    uint64_t _bad_crc;
    uint64_t _port_changes;

    Packet *bounce(Packet *p) {
        checked_output_push(1, p);
        return 0;
    }

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
