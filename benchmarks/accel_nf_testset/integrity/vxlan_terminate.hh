// -*- c++ -*-
/*
 * vxlan_terminate.hh -- VxlanTerminate: the receive side of a VXLAN tunnel
 * endpoint (RFC 7348).  Checks the outer UDP datagram, the VXLAN header and
 * the VNI, then strips everything up to the inner Ethernet frame.
 */
#ifndef ACCEL_TESTSET_VXLAN_TERMINATE_HH
#define ACCEL_TESTSET_VXLAN_TERMINATE_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/hashmap.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/* Sum over the UDP pseudo-header and the whole datagram (checksum field
   included), folded and complemented: zero for an intact datagram.  The
   result is in host order. */
static inline uint16_t
udp_verify_sum(const click_ip *iph, const unsigned char *dgram, uint32_t ulen)
{
    const unsigned char *sa = reinterpret_cast<const unsigned char *>(&iph->ip_src);
    const unsigned char *da = reinterpret_cast<const unsigned char *>(&iph->ip_dst);
    uint32_t s = 0;
    s += ((uint32_t) sa[0] << 8) | sa[1];
    s += ((uint32_t) sa[2] << 8) | sa[3];
    s += ((uint32_t) da[0] << 8) | da[1];
    s += ((uint32_t) da[2] << 8) | da[3];
    s += IP_PROTO_UDP;
    s += ulen;
    uint32_t i = 0;
    for (; i + 1 < ulen; i += 2)
        s += ((uint32_t) dgram[i] << 8) | dgram[i + 1];
    if (ulen & 1)
        s += (uint32_t) dgram[ulen - 1] << 8;
    while (s >> 16)
        s = (s & 0xFFFF) + (s >> 16);
    return (uint16_t) ~s;
}

struct vxlan_hdr {
    uint8_t  vx_flags;          /* 0x08: VNI valid */
    uint8_t  vx_rsvd1[3];
    uint8_t  vx_vni[3];
    uint8_t  vx_rsvd2;
};

/*
 * =c
 * VxlanTerminate(LOCAL, [PORT, VNI "ID [PAINT]", ..., STRICT_RESERVED])
 *
 * =s encapsulation
 * decapsulates VXLAN packets addressed to this VTEP
 *
 * =d
 * Input: IPv4 packets with the network header annotation set.  Packets
 * must be UDP to LOCAL:PORT (PORT defaults to 4789) and carry a VXLAN header
 * with the I flag set and a VNI listed in a VNI entry.  A non-zero UDP
 * checksum is verified.  The inner Ethernet frame leaves on output 0 with
 * the VNI in the AGGREGATE annotation and the entry's PAINT (default 0) in
 * the paint annotation; the outer source address is remembered per VNI.
 * Everything else leaves on output 1 if it exists and is dropped otherwise.
 * With STRICT_RESERVED (default false) non-zero reserved bits are errors.
 *
 * =h stats read-only   counters
 * =h vnis read-only    per-VNI counters and last remote VTEP
 */
class VxlanTerminate : public Element {
  public:
    VxlanTerminate();
    ~VxlanTerminate();

    const char *class_name() const override { return "VxlanTerminate"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { VXLAN_PORT = 4789, VXLAN_FLAG_I = 0x08, INNER_MIN = 14 };

    struct Vni {
        uint8_t paint;
        IPAddress last_remote;
        uint64_t packets;
        uint64_t bytes;
        Vni() : paint(0), packets(0), bytes(0) {}
    };

  private:
    HashMap<uint32_t, Vni> _vnis;
    IPAddress _local;
    uint16_t _port;
    bool _strict;

    uint64_t _in;
    uint64_t _out;
    uint64_t _not_ours;
    uint64_t _bad_len;
    uint64_t _bad_sum;
    uint64_t _zero_sum;
    uint64_t _bad_flags;
    uint64_t _unknown_vni;

    void error_out(Packet *p, uint64_t &counter) {
        counter++;
        checked_output_push(1, p);
    }

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
