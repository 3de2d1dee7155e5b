#ifndef CLICK_CANUDPGATEWAY_HH
#define CLICK_CANUDPGATEWAY_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * CanUdpGateway(FILTER id/mask PASS|DROP, ..., BLOCK_PGN pgn, ..., E2E id, ...)
 *
 * Vehicle / machine gateway between a CAN bus segment tunnelled over UDP
 * (Cannelloni v2 framing: version, op, seq, count, then frames of
 * can_id(4, BE, with EFF/RTR/ERR flags) + len(1) [+ fd flags(1)] + data)
 * and the Ethernet backbone.  Frames are matched against an ordered
 * acceptance list, J1939 PGNs of memory-access and proprietary services can
 * be blocked, and messages listed with E2E must carry a valid 4-bit alive
 * counter and XOR check byte (byte 0 = XOR of bytes 1..n-1, counter in the
 * low nibble of byte 1).  Rejected frames are cut out of the datagram.
 *
 * Output 0: datagrams with at least one surviving frame.  Output 1:
 * datagrams that are empty after filtering, or malformed.
 */

#define CAN_EFF_FLAG	0x80000000U
#define CAN_RTR_FLAG	0x40000000U
#define CAN_ERR_FLAG	0x20000000U
#define CAN_EFF_MASK	0x1FFFFFFFU
#define CAN_SFF_MASK	0x000007FFU
#define CANFD_FLAG_LEN	0x80

class CanUdpGateway : public Element { public:

    CanUdpGateway();

    const char *class_name() const	{ return "CanUdpGateway"; }
    const char *port_count() const	{ return "1/2"; }
    const char *processing() const	{ return PUSH; }
    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();
    void push(int, Packet *);

  private:

    enum { MAX_FILTERS = 32, MAX_PGN = 16, MAX_E2E = 16 };

    struct Filter { uint32_t id, mask; bool pass; uint32_t hits; };
    struct E2eMsg { uint32_t id; uint8_t last_counter; bool seen; uint32_t errors; };

    Filter _filters[MAX_FILTERS];
    int _nfilters;
    uint32_t _blocked_pgn[MAX_PGN];
    int _npgn;
    E2eMsg _e2e[MAX_E2E];
    int _ne2e;
    uint8_t _last_seq;

    uint32_t _frames_in, _frames_out, _filtered, _pgn_blocked, _e2e_errors;
    uint32_t _seq_gaps, _malformed;

    bool accept_frame(uint32_t can_id, const uint8_t *data, unsigned len);

};

CLICK_ENDDECLS
#endif
