// -*- c++ -*-
/*
 * tenant_balancer.hh -- TenantBalancer: per-tenant gateway selection for
 * a multi-tenant edge.  The tenant is the 802.1Q VLAN ID; each tenant owns
 * a group of gateways and its flows are spread over that group.
 */
#ifndef BALANCING_TENANTBALANCER_HH
#define BALANCING_TENANTBALANCER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

namespace tbal {

enum : uint32_t {
    K1 = 0x9E3779B1U, K2 = 0x85EBCA77U, K3 = 0xC2B2AE3DU,
    K4 = 0x27D4EB2FU, K5 = 0x165667B1U
};

static inline uint32_t rol(uint32_t v, int r)
{
    return (v << r) | (v >> (32 - r));
}

static inline uint32_t load32(const uint8_t *p)
{
    return (uint32_t) p[0] | ((uint32_t) p[1] << 8)
        | ((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
}

static inline uint32_t xround(uint32_t acc, uint32_t lane)
{
    acc += lane * K2;
    acc = rol(acc, 13);
    return acc * K1;
}

static inline uint32_t key_digest(const uint8_t *p, size_t len, uint32_t seed)
{
    const uint8_t *end = p + len;
    uint32_t h;
    if (len >= 16) {
        uint32_t v1 = seed + K1 + K2, v2 = seed + K2;
        uint32_t v3 = seed, v4 = seed - K1;
        const uint8_t *limit = end - 16;
        do {
            v1 = xround(v1, load32(p));
            v2 = xround(v2, load32(p + 4));
            v3 = xround(v3, load32(p + 8));
            v4 = xround(v4, load32(p + 12));
            p += 16;
        } while (p <= limit);
        h = rol(v1, 1) + rol(v2, 7) + rol(v3, 12) + rol(v4, 18);
    } else
        h = seed + K5;
    h += (uint32_t) len;
    while (p + 4 <= end) {
        h += load32(p) * K3;
        h = rol(h, 17) * K4;
        p += 4;
    }
    while (p < end) {
        h += (*p++) * K5;
        h = rol(h, 11) * K1;
    }
    h ^= h >> 15;
    h *= K2;
    h ^= h >> 13;
    h *= K3;
    h ^= h >> 16;
    return h;
}

}

/*
 * =c
 * TenantBalancer(GROUP "VLAN GW GW ...", ..., [SEED, UNTAGGED VLAN])
 *
 * =d
 * Input: Ethernet frames, 802.1Q tagged or not (untagged frames belong to
 * tenant UNTAGGED, default 1).  IPv4 frames of a known tenant get a
 * gateway of that tenant's group in the destination IP annotation and
 * leave on output 0; unknown tenants and non-IP frames leave on output 1.
 */
class TenantBalancer : public Element {
  public:
    TenantBalancer();
    ~TenantBalancer();

    const char *class_name() const override { return "TenantBalancer"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_GROUPS = 32, MAX_GW = 8, NO_GROUP = 0xFF };

  private:
    struct Group {
        uint16_t vlan;
        uint8_t ngw;
        uint32_t gw[MAX_GW];
        uint64_t picks[MAX_GW];
    };

    uint8_t _group_of[4096];        // VLAN ID -> group index
    Group _groups[MAX_GROUPS];
    int _ngroups;
    uint32_t _seed;
    uint16_t _untagged;

    uint64_t _steered, _unknown, _non_ip;

    static String read_groups(Element *e, void *);
};

CLICK_ENDDECLS
#endif
