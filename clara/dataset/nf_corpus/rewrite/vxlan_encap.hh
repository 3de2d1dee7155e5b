// -*- c++ -*-
/*
 * vxlan_encap.hh -- VxlanEncap: wraps Ethernet frames in outer
 * Ethernet/IPv4/UDP/VXLAN headers (RFC 7348), choosing the VNI from a table
 * indexed by the inner destination address.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_VXLANENCAP_HH
#define CLARA_NFCORPUS_VXLANENCAP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/etheraddress.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * VxlanEncap(SRC, DST, ETHSRC, ETHDST [, VNI, MAP, TTL, DPORT, MTU])
 *
 * =s tunnel
 * VXLAN tunnel ingress
 *
 * =d
 * Input packets are whole Ethernet frames.  The inner frame is classified:
 * for IPv4 the low 12 bits of the inner destination address index a
 * 4096-entry VNI table (entries set with MAP "INDEX VNI" arguments; unset
 * entries use VNI); other frames use VNI.  The outer UDP source port is
 * taken from a hash of the inner flow (addresses, protocol, ports) so that
 * the underlay can spread tunnels over paths (RFC 7348, section 5).  The
 * outer headers are built from a 50-byte template prepared at configure
 * time; per packet the IP length, identification and checksum, the UDP
 * source port and length and the VNI are patched in.  Frames whose outer IP
 * datagram would exceed MTU leave on output 1 (or are dropped).
 *
 * =h encapped read-only    frames encapsulated
 * =h too_big read-only     frames over the MTU
 * =h non_ip read-only      inner frames that were not IPv4
 * =h reset write-only      reset the counters
 */
class VxlanEncap : public Element {
  public:
    VxlanEncap();
    ~VxlanEncap();

    const char *class_name() const override { return "VxlanEncap"; }
    const char *port_count() const override { return PORTS_1_1X2; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    enum {
        VNI_TABLE = 4096,
        VNI_COUNTERS = 256,
        OFF_IP = 14,
        OFF_UDP = 34,
        OFF_VXLAN = 42,
        ENCAP_LEN = 50,
        VXLAN_FLAG_I = 0x08
    };
    enum { h_encapped, h_too_big, h_non_ip, h_reset };

    IPAddress _src;
    IPAddress _dst;
    EtherAddress _ethsrc;
    EtherAddress _ethdst;
    uint32_t _default_vni;
    uint16_t _dport;
    uint8_t _ttl;
    uint32_t _mtu;
    uint16_t _ip_id;

    unsigned char _tmpl[ENCAP_LEN];          // outer headers, per-packet fields zero
    uint32_t _vni_by_dst[VNI_TABLE];         // 16 KiB: inner dst low bits -> VNI
    uint32_t _vni_packets[VNI_COUNTERS];     // packets per (VNI mod 256)

    uint64_t _encapped;
    uint64_t _too_big;
    uint64_t _non_ip;

    static inline void put16(unsigned char *p, uint16_t v) {
        p[0] = (unsigned char) (v >> 8);
        p[1] = (unsigned char) v;
    }
    static inline uint32_t mix(uint32_t h, uint32_t v) {
        h ^= v;
        h *= 0x01000193U;
        h ^= h >> 15;
        return h;
    }

    uint32_t inner_hash(const unsigned char *frame, uint32_t len, uint32_t *vni);
    void build_template();

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
