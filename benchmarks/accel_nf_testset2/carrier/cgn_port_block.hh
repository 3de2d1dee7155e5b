// -*- c++ -*-
/*
 * cgn_port_block.hh -- CgnPortBlock: carrier-grade NAT44 with port-block
 * allocation (RFC 6888 style bulk port allocation).
 *
 * Each subscriber (private address + access VLAN, since access VRFs reuse
 * the shared 100.64.0.0/10 space) gets one block of BLOCK consecutive ports
 * on one public address the first time it sends.  The public address is
 * chosen from the subscriber's key so that a subscriber keeps its public
 * address across restarts (paired pooling); the block within that address
 * is the next free one.  Logging only needs one record per block.
 */
#ifndef CARRIER_CGN_PORT_BLOCK_HH
#define CARRIER_CGN_PORT_BLOCK_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/* Scatter a subscriber key over the table (32-bit, byte-order-free). */
static inline uint32_t
cgn_key_scatter(const uint8_t *key, int len, uint32_t seed)
{
    const uint32_t m1 = 0xcc9e2d51U, m2 = 0x1b873593U;
    uint32_t h = seed;
    int words = len >> 2;
    for (int i = 0; i < words; ++i) {
        const uint8_t *q = key + 4 * i;
        uint32_t k = (uint32_t) q[0] | ((uint32_t) q[1] << 8)
            | ((uint32_t) q[2] << 16) | ((uint32_t) q[3] << 24);
        k *= m1;
        k = (k << 15) | (k >> 17);
        k *= m2;
        h ^= k;
        h = (h << 13) | (h >> 19);
        h = h * 5 + 0xe6546b64U;
    }
    const uint8_t *rest = key + 4 * words;
    uint32_t k = 0;
    switch (len & 3) {
    case 3:
        k ^= (uint32_t) rest[2] << 16;
        /* fall through */
    case 2:
        k ^= (uint32_t) rest[1] << 8;
        /* fall through */
    case 1:
        k ^= rest[0];
        k *= m1;
        k = (k << 15) | (k >> 17);
        k *= m2;
        h ^= k;
    }
    h ^= (uint32_t) len;
    h ^= h >> 16;
    h *= 0x85ebca6bU;
    h ^= h >> 13;
    h *= 0xc2b2ae35U;
    h ^= h >> 16;
    return h;
}

/*
 * =c
 * CgnPortBlock(PUBLIC ADDR, ..., [BLOCK, PORT_MIN, SEED])
 *
 * =d
 * Input 0 takes outbound IPv4 TCP/UDP packets from subscribers; the access
 * VLAN comes from the VLAN_TCI annotation.  Translated packets leave on
 * output 0; packets that cannot be translated (no block left, not TCP/UDP,
 * fragments) leave on output 1 if it exists.
 */
class CgnPortBlock : public Element {
  public:
    CgnPortBlock();
    ~CgnPortBlock();

    const char *class_name() const override { return "CgnPortBlock"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { NSUB = 8192, PROBE = 16, MAX_PUBLIC = 64 };

  private:
    struct Sub {
        uint32_t priv;          // network order; 0 = empty slot
        uint16_t vlan;
        uint8_t pub;            // index into _public
        uint8_t used;
        uint16_t block_base;    // first port of the block (host order)
        uint32_t pkts;
    };

    Sub _subs[NSUB];
    Vector<IPAddress> _public;
    uint16_t _next_block[MAX_PUBLIC];
    uint16_t _blocks_per_ip;
    uint16_t _block;
    uint16_t _port_min;
    uint32_t _seed;

    uint64_t _translated;
    uint64_t _new_subs;
    uint64_t _exhausted;
    uint64_t _table_full;
    uint64_t _untranslatable;

    Sub *find_or_add(uint32_t priv, uint16_t vlan);
    void patch_sum(uint16_t *sum, uint32_t was, uint32_t now) const;
    void reject(Packet *p);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
