// -*- c++ -*-
/*
 * sticky_sessions.hh -- StickySessions: client-affinity ("persistence")
 * for a load-balanced service.  A client that was sent to a backend keeps
 * going there until it has been idle for TIMEOUT seconds; new clients get
 * a backend at random in proportion to the backend weights.
 */
#ifndef BALANCING_STICKYSESSIONS_HH
#define BALANCING_STICKYSESSIONS_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * StickySessions(BACKEND "ADDR WEIGHT", ..., [TIMEOUT, PER_PORT, SEED])
 *
 * =d
 * Input: IPv4 packets with the network header set.  The affinity key is
 * the client address, and with PER_PORT true also the protocol and the
 * service (destination) port.  The backend goes into the destination IP
 * annotation; the packet leaves on output 0.  Non-IP or truncated packets
 * leave on output 1.
 */
class StickySessions : public Element {
  public:
    StickySessions();
    ~StickySessions();

    const char *class_name() const override { return "StickySessions"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_BACKENDS = 64, SWEEP_EVERY = 4096 };

  private:
    struct Sticky {
        uint8_t backend;
        uint32_t packets;
        Timestamp last;
        Sticky() : backend(0), packets(0) {}
    };

    HashMap<uint64_t, Sticky> _map;
    Vector<uint64_t> _dead;
    IPAddress _backend[MAX_BACKENDS];
    uint32_t _cum_weight[MAX_BACKENDS];   // running sums
    int _nbackends;
    uint64_t _lcg;
    Timestamp _timeout;
    bool _per_port;
    uint32_t _since_sweep;

    uint64_t _new_clients, _returning, _expired, _other;

    static inline uint64_t pack(const click_ip *iph, uint16_t dport, bool per_port) {
        uint64_t k = (uint64_t) ntohl(iph->ip_src.s_addr) << 24;
        if (per_port)
            k |= ((uint64_t) iph->ip_p << 16) | ntohs(dport);
        return k;
    }
    int choose();
    void sweep(const Timestamp &now);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
