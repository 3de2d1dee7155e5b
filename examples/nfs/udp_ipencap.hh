#ifndef CLARA_EXAMPLES_UDPIPENCAP_HH
#define CLARA_EXAMPLES_UDPIPENCAP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * UDPIPEncapsulator(SRC, SPORT, DST, DPORT [, CHECKSUM, TTL, TOS, DF, MAXLENGTH])
 *
 * =s udp
 * encapsulates packets in static UDP/IP headers
 *
 * =d
 * Models the UDP/IP encapsulation stage of a tunnel endpoint (VXLAN/GTP-U
 * style overlays, or a telemetry exporter): it pushes 28 bytes in front of
 * every packet and fills an IPv4 header and a UDP header from the
 * configuration.  The IP header is pre-built at configure time as a template;
 * per packet only the length, identification and checksum change, and the IP
 * checksum is updated incrementally from the template's partial sum (RFC 1624
 * style) instead of being recomputed over 20 bytes.  The UDP checksum
 * (optional, CHECKSUM) covers the pseudo-header and the whole datagram.
 * Sets the network header and the destination IP annotation.
 *
 * Packets whose encapsulated length would exceed MAXLENGTH (default 65535)
 * are dropped and counted.
 *
 * Keyword arguments:
 * =item CHECKSUM  Boolean.  Compute the UDP checksum.  Default true.
 * =item TTL       Integer.  IP TTL.  Default 64.
 * =item TOS       Integer.  IP TOS/DSCP byte.  Default 0.
 * =item DF        Boolean.  Set the Don't Fragment bit.  Default false.
 * =item MAXLENGTH Integer.  Largest allowed IP datagram.  Default 65535.
 *
 * =h count read-only     packets encapsulated
 * =h bytes read-only     bytes emitted, after encapsulation
 * =h drops read-only     packets dropped (too long, or no headroom)
 * =h src / dst read-only configured addresses
 * =h reset write-only    reset the counters
 */
class UDPIPEncapsulator : public Element {
  public:
    UDPIPEncapsulator();
    ~UDPIPEncapsulator();

    const char *class_name() const override { return "UDPIPEncapsulator"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    enum { h_count, h_bytes, h_drops, h_src, h_dst, h_reset };

    IPAddress _saddr;
    IPAddress _daddr;
    uint16_t _sport;            // network byte order
    uint16_t _dport;            // network byte order
    bool _cksum;
    bool _df;
    uint8_t _ttl;
    uint8_t _tos;
    uint32_t _maxlen;

    click_ip _iph_template;     // pre-built header, ip_len/ip_id/ip_sum zero
    uint32_t _template_sum;     // unfolded one's complement sum of the template
    uint16_t _id;               // next IP identification (host order)

    uint64_t _count;
    uint64_t _bytes;
    uint64_t _drops;

    static uint16_t fold_sum(uint32_t sum);
    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
