#ifndef CLICK_QUICCIDBALANCER_HH
#define CLICK_QUICCIDBALANCER_HH
#include <click/element.hh>
#include <click/vector.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * QuicCidBalancer(VIP, BACKEND ADDR, ..., [SID N, ..., SID_LEN, CID_LEN,
 *                 CONFIG_ID, TABLE_SIZE, SEED])
 *
 * Routes QUIC datagrams sent to VIP by destination connection ID.  A DCID
 * whose first octet carries our QUIC-LB CONFIG_ID holds a plaintext server
 * ID (SID_LEN bytes) that names the backend; any other DCID goes through a
 * Maglev table so that all balancer instances agree.  The destination is
 * rewritten; output 0 forwards, output 1 takes malformed or foreign packets.
 */

static inline uint32_t
qcb_rotl(uint32_t v, unsigned r)
{
    return (v << r) | (v >> (32 - r));
}

/* MurmurHash3, x86 32-bit flavour; reads blocks little-endian on any host. */
static inline uint32_t
qcb_murmur3_32(const uint8_t *data, uint32_t len, uint32_t seed)
{
    const uint32_t c1 = 0xcc9e2d51, c2 = 0x1b873593;
    uint32_t h = seed;
    uint32_t nblocks = len >> 2;
    const uint8_t *p = data;

    for (uint32_t i = 0; i < nblocks; i++, p += 4) {
        uint32_t k = (uint32_t) p[0] | ((uint32_t) p[1] << 8)
            | ((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
        k *= c1;
        k = qcb_rotl(k, 15);
        k *= c2;
        h ^= k;
        h = qcb_rotl(h, 13);
        h = h * 5 + 0xe6546b64;
    }

    uint32_t t = 0;
    switch (len & 3) {
    case 3:
        t ^= (uint32_t) p[2] << 16;
        /* fallthrough */
    case 2:
        t ^= (uint32_t) p[1] << 8;
        /* fallthrough */
    case 1:
        t ^= p[0];
        t *= c1;
        t = qcb_rotl(t, 15);
        t *= c2;
        h ^= t;
    }

    h ^= len;
    h ^= h >> 16;
    h *= 0x85ebca6b;
    h ^= h >> 13;
    h *= 0xc2b2ae35;
    h ^= h >> 16;
    return h;
}

class QuicCidBalancer : public Element {
  public:
    QuicCidBalancer();

    const char *class_name() const { return "QuicCidBalancer"; }
    const char *port_count() const { return "1/2"; }
    const char *processing() const { return PUSH; }
    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { QUIC_LB_UNROUTABLE = 7, MAX_CID_LEN = 20 };
    IPAddress _vip;
    Vector<IPAddress> _backends;
    Vector<unsigned> _sids;
    Vector<int> _lookup;
    uint32_t _table_size;
    uint32_t _seed;
    unsigned _cid_len;
    unsigned _sid_len;
    unsigned _config_id;

    uint64_t _npackets, _nsid_routed, _nmaglev, _nbad;

    static bool is_prime(uint32_t n);
    void populate();
    int find_sid(uint32_t sid) const;
    int classify(const Packet *p);
};

CLICK_ENDDECLS
#endif
