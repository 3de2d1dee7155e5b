/*
 * class:    lpm
 * variant:  binary trie whose nodes point at route entries (prefix, length, next hop) kept in a
 *           separate array; the lookup remembers the last route entry pointer it passed and
 *           reports it through an out parameter. Depth-limited loop `for (i = 0; i <= 32;)`.
 * computes: IPv4 longest-prefix match: 1 and the next hop in *nh, or 0 if no route covers it.
 */
// clara-corpus: class=lpm entry=fib_route_lookup signature=lpm4_out init=fib_route_reset insert=fib_route_add
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct route {
    uint32_t prefix;
    uint8_t len;
    uint32_t nexthop;
};

struct fnode {
    struct fnode *sub[2];
    const struct route *rt;
};

#define FIB_NODE_CAP 40000
#define FIB_ROUTE_CAP 2048

static struct fnode fib_nodes[FIB_NODE_CAP];
static struct route fib_routes[FIB_ROUTE_CAP];
static size_t fib_nnodes, fib_nroutes;

void fib_route_reset(void)
{
    memset(fib_nodes, 0, sizeof fib_nodes);
    fib_nnodes = 1;
    fib_nroutes = 0;
}

int fib_route_add(uint32_t prefix, unsigned len, uint32_t nexthop)
{
    struct fnode *n = &fib_nodes[0];
    for (unsigned i = 0; i < len; i++) {
        unsigned b = prefix >> (31 - i) & 1;
        if (!n->sub[b]) {
            if (fib_nnodes == FIB_NODE_CAP)
                return -1;
            n->sub[b] = &fib_nodes[fib_nnodes++];
        }
        n = n->sub[b];
    }
    if (!n->rt) {
        if (fib_nroutes == FIB_ROUTE_CAP)
            return -1;
        n->rt = &fib_routes[fib_nroutes++];
    }
    struct route *r = &fib_routes[n->rt - fib_routes];
    r->prefix = prefix;
    r->len = (uint8_t)len;
    r->nexthop = nexthop;
    return 0;
}

int fib_route_lookup(uint32_t daddr, uint32_t *nh)
{
    const struct fnode *n = &fib_nodes[0];
    const struct route *best = NULL;
    for (unsigned i = 0; n && i <= 32; i++) {
        if (n->rt)
            best = n->rt;
        if (i == 32)
            break;
        n = n->sub[(daddr >> (31 - i)) & 1];
    }
    if (!best)
        return 0;
    *nh = best->nexthop;
    return 1;
}
