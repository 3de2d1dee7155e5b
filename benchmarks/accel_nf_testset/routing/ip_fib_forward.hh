// -*- c++ -*-
/*
 * ip_fib_forward.hh -- IPFibForward: the IPv4 forwarding step of a small
 * router.  Checks the header, looks the destination up in a byte-indexed
 * table tree (four levels of 256 slots), decrements the TTL and rewrites
 * the header checksum.
 */
#ifndef ROUTING_IP_FIB_FORWARD_HH
#define ROUTING_IP_FIB_FORWARD_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/* 16-bit ones'-complement sum of an IPv4 header of hlen bytes (a multiple
   of 4), returned complemented: 0 for a header whose checksum is right,
   the value to store when ip_sum was zeroed first. */
static inline uint16_t
ip_header_sum(const unsigned char *hdr, unsigned hlen)
{
    uint32_t acc = 0;
    const unsigned char *end = hdr + hlen;
    for (const unsigned char *w = hdr; w < end; w += 2)
        acc += ((uint32_t) w[0] << 8) | w[1];
    while (acc >> 16)
        acc = (acc & 0xFFFF) + (acc >> 16);
    return (uint16_t) ~acc;
}

/*
 * =c
 * IPFibForward(ROUTE "ADDR/LEN GW PORT", ..., [CHECK_SUM BOOL])
 *
 * =d
 * Input: IPv4 packets, network header set.  Output 0: forwarded, with the
 * next hop in the destination IP annotation and the port in the paint
 * annotation.  Output 1: TTL expired (to an ICMP time-exceeded source).
 * Output 2: no route or bad header.  CHECK_SUM (default true) verifies the
 * incoming header checksum first.
 */
class IPFibForward : public Element {
  public:
    IPFibForward();
    ~IPFibForward();

    const char *class_name() const override { return "IPFibForward"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { NBLOCKS = 96, NHOPS = 1024 };

  private:
    struct Slot {
        uint16_t child;         // block index, 0 = none (block 0 is the root)
        uint16_t hop;           // next-hop index, 0 = none
        uint8_t plen;           // length of the prefix that wrote hop
    };

    struct Hop {
        IPAddress gw;
        uint8_t port;
        uint32_t uses;
    };

    Slot _blk[NBLOCKS][256];
    uint16_t _nblk;
    Hop _hop[NHOPS];
    uint16_t _nhop;
    bool _check_sum;

    uint64_t _fwd;
    uint64_t _expired;
    uint64_t _miss;
    uint64_t _bad;

    int insert(uint32_t prefix, int len, uint16_t hop);
    int hop_index(IPAddress gw, unsigned port);

    static String stats_handler(Element *e, void *);
};

CLICK_ENDDECLS
#endif
