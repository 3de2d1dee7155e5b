#ifndef CLICK_ECSGEOSTEER_HH
#define CLICK_ECSGEOSTEER_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * EcsGeoSteer(REGION PREFIX, ..., [USE_ECS, MIN_ECS_LEN])
 *
 * GeoDNS front end.  Each argument "N PREFIX" says that clients in PREFIX are
 * served by region N; queries are steered to output N, the resolver instance
 * that answers with that region's edge addresses.  The client address is the
 * EDNS Client Subnet (RFC 7871) address when the query carries one with at
 * least MIN_ECS_LEN bits (and USE_ECS is true), else the packet's source.
 * Queries of unknown clients, and anything that is not a DNS query, leave on
 * the last output.
 */

class EcsGeoSteer : public Element {
  public:
    EcsGeoSteer();

    const char *class_name() const { return "EcsGeoSteer"; }
    const char *port_count() const { return "1/2-"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    /* one level of a 4-bit-stride trie */
    struct Node {
        int32_t child[16];      /* -1: none */
        uint16_t region[16];
        uint8_t plen[16];       /* prefix length + 1 of the stored region; 0: empty */
    };

    Vector<Node> _trie;
    bool _use_ecs;
    unsigned _min_ecs_len;
    uint64_t _n_ecs, _n_src, _n_unknown, _n_notdns;

    int new_node();
    void insert(uint32_t addr, int len, int region);
    int lookup(uint32_t addr) const;
    bool client_address(const Packet *p, uint32_t *addr);
};

CLICK_ENDDECLS
#endif
