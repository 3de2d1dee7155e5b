/*
 * class:    none (negative example)
 * variant:  5-tuple packet filter, first match wins: the rules are stored column-wise
 *           (structure of arrays: source net/mask, destination net/mask, source and
 *           destination port ranges, protocol with 0 = any, action) and scanned in the order
 *           the operator added them; the scan stops at the first rule whose every field
 *           matches and bumps that rule's hit counter. Rule ORDER decides, never the prefix
 *           length (a broad rule added first shadows a narrower one): packet classification,
 *           not longest-prefix match. Differs from negative/acl_first_match.c (array of
 *           structs, source ports always wildcard, returns the action).
 * computes: acl5_first_hit() returns the index of the first matching rule, or -1; the rule's
 *           action is available through acl5_action().
 */
// clara-corpus: class=none entry=acl5_first_hit signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define ACL5_MAX 512

static uint32_t acl5_src[ACL5_MAX], acl5_smask[ACL5_MAX];
static uint32_t acl5_dst[ACL5_MAX], acl5_dmask[ACL5_MAX];
static uint16_t acl5_sp_lo[ACL5_MAX], acl5_sp_hi[ACL5_MAX];
static uint16_t acl5_dp_lo[ACL5_MAX], acl5_dp_hi[ACL5_MAX];
static uint8_t acl5_proto[ACL5_MAX], acl5_act[ACL5_MAX];
static uint64_t acl5_hits[ACL5_MAX];
static int acl5_count;

void acl5_flush(void)
{
    acl5_count = 0;
    memset(acl5_hits, 0, sizeof acl5_hits);
}

int acl5_push(uint32_t src, uint32_t smask, uint32_t dst, uint32_t dmask,
              uint16_t sp_lo, uint16_t sp_hi, uint16_t dp_lo, uint16_t dp_hi,
              uint8_t proto, uint8_t action)
{
    int i = acl5_count;
    if (i == ACL5_MAX)
        return -1;
    acl5_src[i] = src & smask;
    acl5_smask[i] = smask;
    acl5_dst[i] = dst & dmask;
    acl5_dmask[i] = dmask;
    acl5_sp_lo[i] = sp_lo;
    acl5_sp_hi[i] = sp_hi;
    acl5_dp_lo[i] = dp_lo;
    acl5_dp_hi[i] = dp_hi;
    acl5_proto[i] = proto;
    acl5_act[i] = action;
    acl5_count = i + 1;
    return i;
}

int acl5_first_hit(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
                   uint8_t proto)
{
    int i = 0;
    while (i < acl5_count) {
        int ok = (saddr & acl5_smask[i]) == acl5_src[i] &&
                 (daddr & acl5_dmask[i]) == acl5_dst[i] &&
                 (acl5_proto[i] == 0 || acl5_proto[i] == proto) &&
                 sport >= acl5_sp_lo[i] && sport <= acl5_sp_hi[i] &&
                 dport >= acl5_dp_lo[i] && dport <= acl5_dp_hi[i];
        if (ok) {
            acl5_hits[i]++;
            return i;
        }
        i++;
    }
    return -1;
}

int acl5_action(int rule)
{
    return rule >= 0 && rule < acl5_count ? acl5_act[rule] : 0;
}

uint64_t acl5_rule_hits(int rule)
{
    return rule >= 0 && rule < acl5_count ? acl5_hits[rule] : 0;
}
