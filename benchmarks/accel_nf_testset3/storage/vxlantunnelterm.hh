#ifndef CLICK_VXLANTUNNELTERM_HH
#define CLICK_VXLANTUNNELTERM_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * VXLANTunnelTerm(LOCAL_VTEP, VNIS [, I<keywords> PORT, VERIFY_CSUM])
 *
 * =s vxlan
 * terminates VXLAN tunnels at a storage-leaf VTEP
 *
 * =d
 * Input: Ethernet frames.  Frames that carry IPv4/UDP to LOCAL_VTEP on PORT
 * (default 4789) with a valid VXLAN header whose VNI is in the space
 * separated list VNIS are decapsulated: the outer Ethernet, IP, UDP and
 * VXLAN headers are removed, the VNI is stored in the aggregate annotation
 * and the inner frame leaves on output 0.  When VERIFY_CSUM is true (the
 * default) a non-zero outer UDP checksum is verified first; frames that
 * fail go to output 1.  Everything else (not for us, unknown VNI, short)
 * goes to output 2.
 *
 * Most VTEPs send a zero UDP checksum; the storage fabric's software VTEPs
 * on the hypervisors do not, and silently corrupted iSCSI data was traced
 * to a flaky uplink before this check was added.
 */
class VXLANTunnelTerm : public Element { public:

    VXLANTunnelTerm();
    ~VXLANTunnelTerm();

    const char *class_name() const	{ return "VXLANTunnelTerm"; }
    const char *port_count() const	{ return "1/3"; }
    const char *processing() const	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

  private:

    enum { MAX_VNIS = 64, VXLAN_HDR_LEN = 8, VXLAN_FLAG_I = 0x08 };

    IPAddress _local_vtep;
    uint16_t _port;
    bool _verify_csum;

    uint32_t _vnis[MAX_VNIS];		// sorted
    int _nvnis;

    uint64_t _decapped;
    uint64_t _csum_errors;
    uint64_t _zero_csum;
    uint64_t _unknown_vni;
    uint64_t _not_ours;

    bool vni_allowed(uint32_t vni) const;

};

CLICK_ENDDECLS
#endif
