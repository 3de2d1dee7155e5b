/*
 * class:    none (negative example)
 * variant:  management-plane allow list: a small static array of (network, netmask) entries
 *           checked with a counted loop over the fixed list; any match allows the packet.
 *           Order and lengths do not matter (membership, not longest match).
 * computes: 1 if the host-order source address is in one of the allowed subnets, else 0.
 */
// clara-corpus: class=none entry=mgmt_allowed signature=custom
#include <stdint.h>
#include <stddef.h>

#define N_ALLOWED 5

struct subnet {
    uint32_t net;
    uint32_t mask;
};

static const struct subnet allowed[N_ALLOWED] = {
    {0x0A140000u, 0xFFFF0000u}, {0xC0A80A00u, 0xFFFFFF00u}, {0xAC100000u, 0xFFFF0000u},
    {0x0A000001u, 0xFFFFFFFFu}, {0x64400000u, 0xFFC00000u},
};

int mgmt_allowed(uint32_t src)
{
    int ok = 0;
    for (int i = 0; i < N_ALLOWED; i++)
        ok |= (src & allowed[i].mask) == allowed[i].net;
    return ok;
}
