// -*- c++ -*-
/*
 * tcp_state_guard.hh -- TcpStateGuard: a stateful TCP filter.  Tracks
 * each connection through its handshake and teardown and drops segments
 * that fit no tracked connection (ACK and RST floods, blind resets).
 */
#ifndef SECURITY_TCPSTATEGUARD_HH
#define SECURITY_TCPSTATEGUARD_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
 * =c
 * TcpStateGuard([MAX_CONNS, SYN_TIMEOUT, EST_TIMEOUT, FIN_TIMEOUT])
 *
 * =s firewall
 * connection-tracking TCP filter
 *
 * =d
 * Input 0 takes IPv4 packets in both directions.  A SYN without ACK opens
 * a connection (up to MAX_CONNS, default 65536); the SYN-ACK, the ACK,
 * FINs and RSTs move it through its states.  Segments of a tracked
 * connection leave on output 0; segments of no connection, SYN-ACKs that
 * answer nothing, and RSTs whose sequence number lies outside the
 * receiver's window leave on output 1.  Connections idle for longer than
 * the timeout of their state (seconds: SYN_TIMEOUT 30, EST_TIMEOUT 3600,
 * FIN_TIMEOUT 60) are forgotten.  Non-TCP packets pass on output 0.
 *
 * =h stats read-only    counters and connections per state
 */
class TcpStateGuard : public Element {
  public:
    TcpStateGuard();
    ~TcpStateGuard();

    const char *class_name() const override { return "TcpStateGuard"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum State { S_SYN_SENT, S_SYN_RECV, S_ESTABLISHED, S_FIN_ONE, S_FIN_BOTH, S_CLOSED, NSTATES };

    struct Conn {
        uint8_t state;
        uint8_t fin_from;           /* bit 0: originator sent FIN, bit 1: responder */
        uint16_t pad;
        uint32_t next_seq[2];       /* [0] originator, [1] responder; host order */
        uint32_t window[2];
        Timestamp last;
        Conn() : state(S_CLOSED), fin_from(0), pad(0) {
            next_seq[0] = next_seq[1] = 0;
            window[0] = window[1] = 0;
        }
    };

  private:
    HashMap<IPFlowID, Conn> _conns;
    Vector<IPFlowID> _expired;
    uint32_t _max_conns;
    uint32_t _timeout[NSTATES];
    uint32_t _since_gc;

    uint64_t _tracked;
    uint64_t _opened;
    uint64_t _no_conn;
    uint64_t _blind_rst;
    uint64_t _table_full;

    bool expired(const Conn &c, const Timestamp &now) const {
        return (now - c.last).sec() > (Timestamp::seconds_type) _timeout[c.state];
    }
    void collect(const Timestamp &now);

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
