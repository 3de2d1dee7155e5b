/*
 * class:    none (negative example)
 * variant:  egress filter over a constant, compile-time list of (network, prefix length,
 *           verdict) rules; the check loops a constant EGRESS_RULES times over the list, turns
 *           each rule's length into a netmask, and returns the verdict of the FIRST rule that
 *           covers the destination. The list deliberately has narrower rules after broader
 *           ones (10.1.2.0/24 after 10.0.0.0/8, 192.168.100.0/24 after 192.168.0.0/16), which
 *           are therefore never reached: first match in rule order, not longest match.
 *           Differs from negative/blocklist_first_match.c and subnet_allowlist.c (rules given
 *           as address/mask pairs, index or membership results).
 * computes: egress_verdict(daddr): 1 = permit, 0 = deny; no rule matching -> deny.
 */
// clara-corpus: class=none entry=egress_verdict signature=custom
#include <stdint.h>
#include <stddef.h>

#define EGRESS_RULES 9

enum { DENY = 0, PERMIT = 1 };

static const struct egress_rule {
    uint32_t net;
    uint8_t len;
    uint8_t verdict;
} egress_rules[EGRESS_RULES] = {
    {0x0A000000u, 8, DENY},     /* 10.0.0.0/8 */
    {0x0A010200u, 24, PERMIT},  /* 10.1.2.0/24, shadowed by the rule above */
    {0xC0A80000u, 16, PERMIT},  /* 192.168.0.0/16 */
    {0xC0A86400u, 24, DENY},    /* 192.168.100.0/24, shadowed */
    {0xAC100000u, 12, PERMIT},  /* 172.16.0.0/12 */
    {0xC6336407u, 32, PERMIT},  /* 198.51.100.7/32 */
    {0xC6336400u, 24, DENY},    /* 198.51.100.0/24 */
    {0xE0000000u, 4, DENY},     /* 224.0.0.0/4 multicast */
    {0x64400000u, 10, PERMIT},  /* 100.64.0.0/10 */
};

int egress_verdict(uint32_t daddr)
{
    for (int i = 0; i < EGRESS_RULES; i++) {
        unsigned len = egress_rules[i].len;
        uint32_t mask = len == 0 ? 0u : ~0u << (32 - len);
        if ((daddr & mask) == egress_rules[i].net)
            return egress_rules[i].verdict;
    }
    return DENY;
}
