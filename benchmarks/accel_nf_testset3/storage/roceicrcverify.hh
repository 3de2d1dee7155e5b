#ifndef CLICK_ROCEICRCVERIFY_HH
#define CLICK_ROCEICRCVERIFY_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 *
 * RoCEv2ICRCVerify([UDP_PORT, I<keywords> CHECK_PSN, DROP_BAD])
 *
 * =s roce
 *
 * verifies the invariant CRC of RoCEv2 (IPv4) packets
 *
 * =d
 *
 * Expects Ethernet frames, optionally 802.1Q tagged, carrying IPv4/UDP
 * RoCEv2 traffic (UDP destination port UDP_PORT, default 4791).  Recomputes
 * the 4-byte invariant CRC that trails every RoCEv2 packet and compares it
 * with the received one.  Fields that routers may change on the way (DSCP/ECN,
 * TTL, IP checksum, UDP checksum, the BTH FECN/BECN byte) are replaced by
 * ones before the CRC is taken, as the InfiniBand annex requires.
 *
 * Output 0 gets packets with a good ICRC, output 1 packets with a bad one
 * (unless DROP_BAD is true), output 2 everything that is not RoCEv2.
 *
 * If CHECK_PSN is true (the default), the element also watches the packet
 * sequence numbers of each destination QP and counts gaps.
 */
class RoCEv2ICRCVerify : public Element { public:

    RoCEv2ICRCVerify();
    ~RoCEv2ICRCVerify();

    const char *class_name() const	{ return "RoCEv2ICRCVerify"; }
    const char *port_count() const	{ return "1/3"; }
    const char *processing() const	{ return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();

    void push(int port, Packet *p);

  private:

    enum { OUT_GOOD = 0, OUT_BAD = 1, OUT_OTHER = 2 };
    enum { ROCE_BTH_LEN = 12, ROCE_ICRC_LEN = 4, ICRC_LRH_ONES = 8,
	   PSN_SLOTS = 1024, PSN_MASK = 0xFFFFFF };

    uint32_t _crc_tab[4][256];
    uint32_t _expected_psn[PSN_SLOTS];

    uint16_t _udp_port;
    bool _check_psn;
    bool _drop_bad;

    uint64_t _good;
    uint64_t _bad_icrc;
    uint64_t _other;
    uint64_t _malformed;
    uint64_t _psn_gaps;
    uint64_t _psn_dups;

    int classify(Packet *p);
    uint32_t icrc_update(uint32_t crc, const unsigned char *buf, uint32_t len) const;
    void track_psn(const unsigned char *bth);

    static String read_counter(Element *e, void *user_data);

};

CLICK_ENDDECLS
#endif
