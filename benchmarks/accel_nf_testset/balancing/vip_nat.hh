// -*- c++ -*-
/*
 * vip_nat.hh -- VipNat: a destination-NAT load balancer
 * for one virtual service.  Client connections to VIP:PORT are pinned to a
 * real server and translated both ways.
 */
#ifndef BALANCING_VIPNAT_HH
#define BALANCING_VIPNAT_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * VipNat(VIP, PORT, REAL "ADDR PORT", REAL "ADDR PORT", ..., [TIMEOUT])
 *
 * =d
 * Input 0: client traffic (IPv4 TCP/UDP, network header set).  Packets for
 * VIP:PORT get the destination of their connection's real server; new
 * connections take the next real server in turn.  Input 1: server traffic;
 * packets of a known connection get VIP:PORT back as their source.
 * Output 0 and 1 carry the translated packets of input 0 and 1; output 2
 * (optional) gets everything else.  The IP header checksum is computed
 * again after the rewrite; the TCP/UDP checksum is patched.
 */
class VipNat : public Element {
  public:
    VipNat();
    ~VipNat();

    const char *class_name() const override { return "VipNat"; }
    const char *port_count() const override { return "2/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { BUCKET_BITS = 12, NBUCKETS = 1 << BUCKET_BITS, WAYS = 4, MAX_REALS = 32 };

  private:
    struct Conn {
        uint32_t client;        // network order
        uint16_t cport;         // network order
        uint8_t real;
        uint8_t live;
        uint32_t seen;          // jiffies
    };

    Conn _conn[NBUCKETS][WAYS];
    uint32_t _real_addr[MAX_REALS];
    uint16_t _real_port[MAX_REALS];
    uint64_t _real_conns[MAX_REALS];
    int _nreals;
    int _next_real;
    IPAddress _vip;
    uint16_t _vport;            // network order
    uint32_t _timeout_j;

    uint64_t _fwd, _rev, _new, _full, _other;

    static inline unsigned bucket_of(uint32_t addr, uint16_t port) {
        return ((addr ^ port) * 0x9E3779B1U) >> (32 - BUCKET_BITS);
    }

    Conn *find(uint32_t client, uint16_t cport, bool create);
    void to_real(Packet *p);
    void from_real(Packet *p);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
