// -*- c++ -*-
#ifndef CLICK_FLOWNAT_HH
#define CLICK_FLOWNAT_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

FlowNAT(PUBLIC_IP, KEYWORDS)

=s nat

network address and port translator (NAPT) with a flow table and timeouts

=d

Translates TCP and UDP flows between a private network and one public
address.  Input 0 takes packets from the inside; input 1 takes packets from
the outside.  Output 0 emits translated outbound packets, output 1
translated inbound packets, and output 2 (optional) rejected packets
(unknown inbound flows, exhausted ports or mappings, non-TCP/UDP).  Packets
must carry IP and transport header annotations.

Each mapping lives in a pool allocated at initialization and is found by two
HashMaps keyed by IPFlowID: the inside view of the flow (outbound lookups)
and the outside view of the reply flow (inbound lookups).  Public ports are
allocated from a rotor over [PORT_LO, PORT_HI]; a port whose mapping has
been idle longer than the protocol's timeout is reclaimed.  Closed TCP
flows (FIN in both directions, or RST) time out after CLOSED_TIMEOUT.

Keywords:

=item PORT_LO, PORT_HI
Public port range.  Default 1024-65535.
=item CAPACITY
Maximum number of mappings.  Default 65536.
=item TCP_TIMEOUT, UDP_TIMEOUT, CLOSED_TIMEOUT
Idle timeouts in seconds.  Defaults 300, 30 and 4.

=h mappings read-only
=h translated_out, translated_in, rejected, reclaimed read-only
*/

class FlowNAT : public Element {
  public:
    FlowNAT();
    ~FlowNAT();

    const char *class_name() const { return "FlowNAT"; }
    const char *port_count() const { return "2/2-3"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void cleanup(CleanupStage stage);
    void add_handlers();
    void push(int port, Packet *p);

    enum { P_TCP = 0, P_UDP = 1, NPROTO = 2 };
    enum { F_FIN_OUT = 1, F_FIN_IN = 2, F_RST = 4 };

    struct Mapping {
        IPFlowID inside;        /* flow as sent by the inside host */
        IPFlowID outside;       /* reply flow as seen on the public side */
        uint16_t public_port;   /* network order */
        uint8_t proto;          /* P_TCP or P_UDP, 0xFF if free */
        uint8_t tcp_flags;      /* F_FIN_OUT | F_FIN_IN | F_RST */
        Timestamp last_used;
        uint64_t packets;
        uint64_t bytes;
        int next_free;
    };

  private:
    HashMap<IPFlowID, int> _out_map[NPROTO];    /* inside flow -> mapping */
    HashMap<IPFlowID, int> _in_map[NPROTO];     /* reply flow -> mapping */
    Vector<Mapping> _pool;
    Vector<int> _port_owner[NPROTO];            /* (port - lo) -> mapping or -1 */
    int _free_head;
    int _nmappings;

    IPAddress _public_ip;
    uint16_t _port_lo;
    uint16_t _port_hi;
    uint32_t _port_rotor[NPROTO];
    uint32_t _capacity;
    Timestamp _timeout[NPROTO];
    Timestamp _closed_timeout;

    uint64_t _translated_out;
    uint64_t _translated_in;
    uint64_t _rejected;
    uint64_t _reclaimed;

    void outbound(WritablePacket *p, int proto);
    void inbound(WritablePacket *p, int proto);
    int create_mapping(const IPFlowID &inside, int proto, const Timestamp &now);
    void free_mapping(int m);
    bool expired(const Mapping &m, const Timestamp &now) const;
    void reject(Packet *p);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
