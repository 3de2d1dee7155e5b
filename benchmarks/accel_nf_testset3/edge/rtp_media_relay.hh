#ifndef CLICK_RTPMEDIARELAY_HH
#define CLICK_RTPMEDIARELAY_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * RtpMediaRelay(RELAY_ADDR, BIND "PORT PEER_ADDR PEER_PORT [SSRC]", ...)
 *
 * Media anchor of a session border controller / WebRTC TURN-less relay.
 * UDP packets sent to RELAY_ADDR:PORT are re-originated from RELAY_ADDR
 * toward the bound peer: addresses and ports are rewritten, the RTP SSRC is
 * replaced by SSRC when the binding gives one (RTCP, on odd ports, is left
 * alone), TTL is decremented, and both checksums are recomputed.  Unbound
 * ports and expiring TTLs go to output 1.
 */

class RtpMediaRelay : public Element {
  public:
    RtpMediaRelay();
    ~RtpMediaRelay();

    const char *class_name() const { return "RtpMediaRelay"; }
    const char *port_count() const { return "1/2"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    struct Binding {
        IPAddress peer;
        uint16_t peer_port;         /* network order */
        uint32_t ssrc;              /* 0: keep the sender's SSRC */
        uint64_t packets;
        uint64_t bytes;
    };

    IPAddress _relay;
    Vector<Binding> _bindings;
    HashMap<int, int> _by_port;     /* local port -> binding index */
    uint64_t _forwarded, _unbound, _expired;
};

CLICK_ENDDECLS
#endif
