// -*- c++ -*-
#ifndef CLICK_MININAT_HH
#define CLICK_MININAT_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
=c

MiniNAT(PUBLIC_IP [, PORT_LO, PORT_HI])

=s nat

minimal TCP network address and port translator

=d

The NAT element of the Clara paper (SOSP'21), Figure 4, made runnable.
Input 0 takes TCP/IPv4 packets arriving from the outside: their (public
address, public port, peer address, peer port) is looked up in int_map and,
on a hit, the destination is rewritten to the inside host's address and port
and the packet leaves on output 0 (towards the inside).  Input 1 takes
packets from the inside: the first packet of a flow allocates a public port
and records the mapping in both directions; the source is rewritten to
PUBLIC_IP and the allocated port and the packet leaves on output 1.  Packets
without a mapping, and non-TCP packets, are dropped.  Both paths expect
annotated IP and transport headers (e.g. after CheckIPHeader).

=h translated read-only
Packets translated (both directions).
=h misses read-only
Inbound packets without a mapping.
=h mappings read-only
Current number of mappings.
*/

class MiniNAT : public Element {
  public:
    MiniNAT();
    ~MiniNAT();

    const char *class_name() const { return "MiniNAT"; }
    const char *port_count() const { return "2/2"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    /* Key of int_map: an inbound packet's (dst, src) addresses and ports. */
    struct int_key {
        uint32_t src_ip;        /* public address (the packet's ip_dst)  */
        uint32_t dst_ip;        /* peer address (the packet's ip_src)    */
        uint16_t src_port;      /* public port (the packet's th_dport)   */
        uint16_t dst_port;      /* peer port (the packet's th_sport)     */

        bool operator==(const int_key &o) const {
            return src_ip == o.src_ip && dst_ip == o.dst_ip
                && src_port == o.src_port && dst_port == o.dst_port;
        }
        hashcode_t hashcode() const {
            return src_ip ^ (dst_ip * 0x9E3779B1U) ^ ((uint32_t) src_port << 16 | dst_port);
        }
    };

    /* The inside endpoint a mapping translates back to. */
    struct flow {
        uint32_t int_ip;
        uint16_t int_port;
    };

    /* Key of ext_map: an outbound packet's inside and peer endpoints. */
    struct ext_key {
        uint32_t int_ip;
        uint32_t peer_ip;
        uint16_t int_port;
        uint16_t peer_port;

        bool operator==(const ext_key &o) const {
            return int_ip == o.int_ip && peer_ip == o.peer_ip
                && int_port == o.int_port && peer_port == o.peer_port;
        }
        hashcode_t hashcode() const {
            return int_ip ^ (peer_ip * 0x85EBCA6BU) ^ ((uint32_t) int_port << 16 | peer_port);
        }
    };

  private:
    HashMap<int_key, flow> int_map;         /* inbound: public side -> inside */
    HashMap<ext_key, uint16_t> ext_map;     /* outbound: inside -> public port */

    IPAddress _public_ip;
    uint16_t _port_lo;
    uint16_t _port_hi;
    uint16_t _next_port;

    uint64_t _translated;
    uint64_t _misses;

    void inbound(Packet *p);
    void outbound(Packet *p);
    uint16_t allocate_port();

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
