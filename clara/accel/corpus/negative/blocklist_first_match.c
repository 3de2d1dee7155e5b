/*
 * class:    none (negative example)
 * variant:  compile-time block list of (address, mask) rules scanned in rule order with a
 *           counted loop over the fixed table; the first matching rule wins (an ACL: the
 *           order is the operator's, not prefix length), its hit counter is bumped.
 * computes: index of the first rule matching the host-order source address, or -1.
 */
// clara-corpus: class=none entry=blocklist_match signature=custom
#include <stdint.h>
#include <stddef.h>

#define NUM_RULES 8

static const struct {
    uint32_t addr, mask;
} rules[NUM_RULES] = {
    {0x0A000000u, 0xFF000000u}, {0xC0A80000u, 0xFFFF0000u}, {0xAC100000u, 0xFFF00000u},
    {0x64400000u, 0xFFC00000u}, {0xC6120000u, 0xFFFE0000u}, {0xCB007100u, 0xFFFFFF00u},
    {0x0A0A0A0Au, 0xFFFFFFFFu}, {0xE0000000u, 0xF0000000u},
};
static uint64_t rule_hits[NUM_RULES];

int blocklist_match(uint32_t saddr)
{
    for (int i = 0; i < NUM_RULES; i++) {
        if ((saddr & rules[i].mask) == rules[i].addr) {
            rule_hits[i]++;
            return i;
        }
    }
    return -1;
}
