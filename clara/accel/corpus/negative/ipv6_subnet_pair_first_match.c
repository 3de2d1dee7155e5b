/*
 * class:    none (negative example)
 * variant:  IPv6 policy filter over Ethernet frames: an ordered list of (source subnet,
 *           destination subnet, action, flags) rules; each rule side is ONE subnet tested by
 *           "is this address inside this subnet": the whole bytes of the prefix compared one by
 *           one, then the top bits of the partial byte under a mask. Rules flagged symmetric
 *           also match the reversed direction. The first matching rule in list order decides;
 *           nothing keeps a longest or most specific match (a /16 rule ahead of a /64 wins).
 * computes: v6_filter_classify returns the action of the first matching rule, the config's
 *           default action when none matches, or -1 for frames that are not IPv6 or too short.
 */
// clara-corpus: class=none entry=v6_filter_classify signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define V6F_MAX_RULES 16
#define V6F_SYMMETRIC 0x01

struct v6f_subnet {
    uint8_t net[16];
    uint8_t plen;      /* 0..128; 0 matches everything */
};

struct v6f_rule {
    struct v6f_subnet src;
    struct v6f_subnet dst;
    uint8_t action;
    uint8_t flags;
};

struct v6f_config {
    uint8_t nrules;
    uint8_t default_action;
    struct v6f_rule rule[V6F_MAX_RULES];
};

static inline uint16_t rd_be16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

static inline int addr_in_subnet(const uint8_t *addr, const struct v6f_subnet *sn)
{
    unsigned plen = sn->plen > 128 ? 128u : sn->plen;
    unsigned whole = plen / 8, rest = plen % 8, i;

    for (i = 0; i < whole; i++)
        if (addr[i] != sn->net[i])
            return 0;
    if (rest != 0) {
        uint8_t keep = (uint8_t)(0xFFu << (8 - rest));
        if ((addr[whole] & keep) != (sn->net[whole] & keep))
            return 0;
    }
    return 1;
}

static inline int rule_hits(const struct v6f_rule *r, const uint8_t *src, const uint8_t *dst)
{
    if (addr_in_subnet(src, &r->src) && addr_in_subnet(dst, &r->dst))
        return 1;
    if ((r->flags & V6F_SYMMETRIC) && addr_in_subnet(dst, &r->src) &&
        addr_in_subnet(src, &r->dst))
        return 1;
    return 0;
}

int v6_filter_classify(const uint8_t *frame, size_t len, const struct v6f_config *cfg)
{
    const uint8_t *ip6, *src, *dst;
    unsigned n, i;

    if (len < 14 + 40)
        return -1;
    if (rd_be16(frame + 12) != 0x86DD)
        return -1;
    ip6 = frame + 14;
    if ((ip6[0] >> 4) != 6)
        return -1;
    if ((size_t)rd_be16(ip6 + 4) + 54 > len)
        return -1;
    src = ip6 + 8;
    dst = ip6 + 24;

    n = cfg->nrules > V6F_MAX_RULES ? V6F_MAX_RULES : cfg->nrules;
    for (i = 0; i < n; i++) {
        if (rule_hits(&cfg->rule[i], src, dst))
            return cfg->rule[i].action;
    }
    return cfg->default_action;
}
