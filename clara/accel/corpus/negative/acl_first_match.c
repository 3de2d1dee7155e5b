/*
 * class:    none (negative example)
 * variant:  5-tuple ACL classification by linear first-match over an ordered rule list
 *           (address/mask pairs, port ranges, protocol wildcard), as in a simple firewall.
 *           Rule order decides, not prefix length: this is packet classification, not LPM.
 * computes: action of the first matching rule, or the default action (0 = deny) if none.
 */
// clara-corpus: class=none entry=acl_classify signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define ACL_MAX 256

struct acl_rule {
    uint32_t src, src_mask;
    uint32_t dst, dst_mask;
    uint16_t sport_lo, sport_hi;
    uint16_t dport_lo, dport_hi;
    uint8_t proto;  /* 0 = any */
    uint8_t action;
};

static struct acl_rule acl[ACL_MAX];
static unsigned acl_n;

void acl_clear(void)
{
    acl_n = 0;
}

int acl_append(uint32_t src, uint32_t src_mask, uint32_t dst, uint32_t dst_mask,
               uint16_t dport_lo, uint16_t dport_hi, uint8_t proto, uint8_t action)
{
    struct acl_rule *r;
    if (acl_n >= ACL_MAX)
        return -1;
    r = &acl[acl_n++];
    r->src = src & src_mask;
    r->src_mask = src_mask;
    r->dst = dst & dst_mask;
    r->dst_mask = dst_mask;
    r->sport_lo = 0;
    r->sport_hi = 0xffff;
    r->dport_lo = dport_lo;
    r->dport_hi = dport_hi;
    r->proto = proto;
    r->action = action;
    return 0;
}

int acl_classify(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    unsigned i;
    for (i = 0; i < acl_n; i++) {
        const struct acl_rule *r = &acl[i];
        if ((saddr & r->src_mask) != r->src || (daddr & r->dst_mask) != r->dst)
            continue;
        if (r->proto && r->proto != proto)
            continue;
        if (sport < r->sport_lo || sport > r->sport_hi || dport < r->dport_lo || dport > r->dport_hi)
            continue;
        return r->action;
    }
    return 0;
}
