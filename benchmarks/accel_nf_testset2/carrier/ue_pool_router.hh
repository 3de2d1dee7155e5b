// -*- c++ -*-
/*
 * ue_pool_router.hh -- UePoolRouter: N6 downlink steering of a UPF.
 *
 * Packets arriving from the data network are addressed to a UE.  Every UE
 * address belongs to an address pool that the SMF allocated for one DNN/APN
 * (a slice may own several pools, and operators carve more specific pools
 * out of bigger ones for enterprise APNs).  The element finds the most
 * specific pool that holds the destination and sends the packet to the
 * output configured for that pool.
 */
#ifndef CARRIER_UE_POOL_ROUTER_HH
#define CARRIER_UE_POOL_ROUTER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * UePoolRouter(POOL "ADDR/LEN PORT [NAME]", ..., [DROP_TTL_EXPIRED])
 *
 * =d
 * Input 0 takes IPv4 packets (network header at data() or annotated).  The
 * destination is matched against the configured UE pools; the packet leaves
 * on the pool's PORT with the paint annotation set to the pool index.
 * Unknown destinations leave on the last output.
 */
class UePoolRouter : public Element {
  public:
    UePoolRouter();
    ~UePoolRouter();

    const char *class_name() const override { return "UePoolRouter"; }
    const char *port_count() const override { return "1/2-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_POOLS = 1024, MAX_NODES = 2 * MAX_POOLS + 2, NONE = -1 };

  private:
    struct PoolNode {
        uint32_t pfx;           // host order, bits beyond len are zero
        uint8_t len;
        int16_t pool;           // pool index stored at this node, or NONE
        int32_t kid[2];
    };

    struct Pool {
        IPAddress addr;
        uint8_t len;
        uint16_t port;
        uint64_t pkts;
        uint64_t bytes;
    };

    PoolNode _nodes[MAX_NODES];
    int _nnodes;
    int32_t _root;
    Vector<Pool> _pools;
    Vector<String> _pool_names;

    bool _drop_ttl;
    uint64_t _misses;
    uint64_t _short;
    uint64_t _ttl_drops;

    int alloc_node(uint32_t pfx, int len, int pool);
    bool add_pool(uint32_t pfx, int len, int pool);
    int match(uint32_t addr) const;

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
