// -*- c++ -*-
/*
 * gtpu_decap.hh -- GtpuDecap: the user-plane receive side of a GTP-U
 * tunnel endpoint (3GPP TS 29.281): header validation, extension header
 * walk, TEID lookup and removal of the outer IPv4/UDP/GTP-U headers.
 */
#ifndef ACCEL_TESTSET_GTPU_DECAP_HH
#define ACCEL_TESTSET_GTPU_DECAP_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

struct gtpu_hdr {
    uint8_t  gt_flags;          /* version(3) PT(1) spare(1) E(1) S(1) PN(1) */
    uint8_t  gt_type;
    uint16_t gt_length;         /* octets after the first 8 */
    uint32_t gt_teid;
};

/*
 * =c
 * GtpuDecap(TEID "ID [PAINT]", ..., [PORT, ALLOW_UNKNOWN_EXT])
 *
 * =s encapsulation
 * decapsulates GTP-U G-PDUs
 *
 * =d
 * Input: IPv4 packets with the network header annotation set.  UDP to PORT
 * (default 2152) carrying a version-1 GTP-U header is parsed, including the
 * optional sequence/N-PDU fields and the chain of extension headers.  A
 * G-PDU for a configured TEID loses its outer headers and leaves on output
 * 0 with the TEID's PAINT in the paint annotation, the TEID in the
 * AGGREGATE annotation and the QoS flow identifier of a PDU session
 * container (if any) in annotation byte 22.  Echo requests leave on output
 * 1 for the path-management element.  Everything else (unknown TEID, end
 * markers, error indications, malformed packets) leaves on output 2.
 * Extension types whose "comprehension required" bit is set and that the
 * element does not know are errors unless ALLOW_UNKNOWN_EXT.
 *
 * =h stats read-only   counters
 */
class GtpuDecap : public Element {
  public:
    GtpuDecap();
    ~GtpuDecap();

    const char *class_name() const override { return "GtpuDecap"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { GTPU_PORT = 2152, T_ECHO_REQ = 1, T_ECHO_RESP = 2, T_ERROR_IND = 26,
           T_END_MARKER = 254, T_GPDU = 255, F_E = 0x04, F_S = 0x02, F_PN = 0x01,
           EXT_NONE = 0x00, EXT_UDP_PORT = 0x40, EXT_PDCP = 0xC0, EXT_PDU_SESSION = 0x85,
           QFI_ANNO_OFFSET = 22, MAX_EXT = 8 };

    struct Tunnel {
        uint8_t paint;
        uint64_t packets;
        uint64_t bytes;
        Tunnel() : paint(0), packets(0), bytes(0) {}
    };

  private:
    HashMap<uint32_t, Tunnel> _tunnels;
    uint16_t _port;
    bool _allow_unknown_ext;

    uint64_t _in;
    uint64_t _decapped;
    uint64_t _echo;
    uint64_t _unknown_teid;
    uint64_t _signalling;
    uint64_t _malformed;
    uint64_t _bad_ext;

    int parse_extensions(const unsigned char *p, const unsigned char *end,
                         uint8_t first, uint8_t *qfi) const;
    void other(Packet *p, uint64_t &counter) {
        counter++;
        output(2).push(p);
    }

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
