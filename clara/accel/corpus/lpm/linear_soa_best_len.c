/*
 * class:    lpm
 * variant:  routes kept unsorted in parallel arrays (network, netmask, length, hop); the lookup
 *           scans all of them and keeps the matching route with the greatest length.
 * computes: IPv4 longest-prefix match: 1 and the next hop in *nh, or 0 if none.
 */
// clara-corpus: class=lpm entry=soa_best_match signature=lpm4_out init=soa_routes_clear insert=soa_route_add
#include <stdint.h>
#include <stddef.h>

#define SOA_MAX 1024

static uint32_t soa_net[SOA_MAX], soa_mask[SOA_MAX], soa_hop[SOA_MAX];
static uint8_t soa_len[SOA_MAX];
static unsigned soa_n;

void soa_routes_clear(void)
{
    soa_n = 0;
}

int soa_route_add(uint32_t prefix, unsigned len, uint32_t hop)
{
    uint32_t mask = len ? ~0u << (32 - len) : 0;
    for (unsigned i = 0; i < soa_n; i++)
        if (soa_len[i] == len && soa_net[i] == prefix) {
            soa_hop[i] = hop;
            return 0;
        }
    if (soa_n == SOA_MAX)
        return -1;
    soa_net[soa_n] = prefix;
    soa_mask[soa_n] = mask;
    soa_len[soa_n] = (uint8_t)len;
    soa_hop[soa_n] = hop;
    soa_n++;
    return 0;
}

int soa_best_match(uint32_t addr, uint32_t *nh)
{
    int best = -1;
    for (unsigned i = 0; i < soa_n; i++) {
        if ((addr & soa_mask[i]) != soa_net[i])
            continue;
        if (best < 0 || soa_len[i] > soa_len[best])
            best = (int)i;
    }
    if (best < 0)
        return 0;
    *nh = soa_hop[best];
    return 1;
}
