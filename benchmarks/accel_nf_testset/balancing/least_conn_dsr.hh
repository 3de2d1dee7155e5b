// -*- c++ -*-
/*
 * least_conn_dsr.hh -- LeastConnDSR: direct-server-return load balancer that
 * sends each new TCP connection to the real server with the fewest active
 * connections (relative to its weight).  Only the Ethernet destination is
 * rewritten; servers answer clients directly.
 */
#ifndef BALANCING_LEASTCONNDSR_HH
#define BALANCING_LEASTCONNDSR_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * LeastConnDSR(ETH, SERVER "MAC WEIGHT", SERVER "MAC WEIGHT", ...)
 *
 * =d
 * Input: Ethernet frames carrying IPv4 TCP for the service.  SYNs open a
 * connection entry on the least loaded server; later segments follow their
 * entry; FIN or RST closes it.  Frames leave on output 0 with ether_dhost
 * set to the server's MAC and ether_shost set to ETH.  Segments of unknown
 * connections and non-TCP frames go to output 1.
 */
class LeastConnDSR : public Element {
  public:
    LeastConnDSR();
    ~LeastConnDSR();

    const char *class_name() const override { return "LeastConnDSR"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { TABLE = 16384, TMASK = TABLE - 1, PROBES = 8, MAX_SERVERS = 32 };

  private:
    struct Entry {
        uint64_t key;               // 0 = empty
        uint8_t server;
        uint8_t closing;
    };

    Entry _tab[TABLE];
    EtherAddress _eth;
    EtherAddress _mac[MAX_SERVERS];
    uint32_t _weight[MAX_SERVERS];
    uint32_t _active[MAX_SERVERS];
    uint64_t _total[MAX_SERVERS];
    int _nservers;

    uint64_t _unknown, _table_full, _not_tcp;

    static inline uint64_t conn_key(const click_ip *iph, const click_tcp *th) {
        return ((uint64_t) ntohl(iph->ip_src.s_addr) << 32)
            | ((uint64_t) ntohs(th->th_sport) << 16)
            | ((uint64_t) (ntohs(th->th_dport) & 0x7FFF) << 1) | 1;
    }

    int least_loaded() const;
    Entry *lookup(uint64_t key, uint16_t sport, bool insert);
    void release(Entry *e);

    static String read_servers(Element *e, void *);
};

CLICK_ENDDECLS
#endif
