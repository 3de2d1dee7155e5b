/*
 * class:    lpm
 * variant:  binary trie in a growable node array with int child indices (0 = none, the root
 *           is node 0) and an int route index per node (-1 = none); the lookup is a counted
 *           loop over the 32 address bits that stops at the first missing child.
 * computes: IPv4 longest-prefix match: next hop of the longest route covering `dst`,
 *           -1 (0xffffffff) if none.
 */
// clara-corpus: class=lpm entry=route_find signature=lpm4_global init=route_table_clear insert=route_table_add
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

struct tnode {
    int child[2];
    int route;
};

static struct tnode *nodes;
static int n_nodes, cap_nodes;
static uint32_t *hops;
static int n_hops, cap_hops;

void route_table_clear(void)
{
    free(nodes);
    free(hops);
    cap_nodes = 64;
    nodes = malloc(sizeof(*nodes) * (size_t)cap_nodes);
    n_nodes = 1;
    nodes[0].child[0] = nodes[0].child[1] = 0;
    nodes[0].route = -1;
    hops = NULL;
    n_hops = cap_hops = 0;
}

static int new_node(void)
{
    if (n_nodes == cap_nodes) {
        cap_nodes *= 2;
        nodes = realloc(nodes, sizeof(*nodes) * (size_t)cap_nodes);
    }
    nodes[n_nodes].child[0] = nodes[n_nodes].child[1] = 0;
    nodes[n_nodes].route = -1;
    return n_nodes++;
}

int route_table_add(uint32_t prefix, unsigned len, uint32_t hop)
{
    int n = 0;
    for (unsigned i = 0; i < len; i++) {
        int b = (prefix >> (31 - i)) & 1;
        if (nodes[n].child[b] == 0) {
            int fresh = new_node();
            nodes[n].child[b] = fresh;
        }
        n = nodes[n].child[b];
    }
    if (nodes[n].route < 0) {
        if (n_hops == cap_hops) {
            cap_hops = cap_hops ? 2 * cap_hops : 64;
            hops = realloc(hops, sizeof(*hops) * (size_t)cap_hops);
        }
        nodes[n].route = n_hops++;
    }
    hops[nodes[n].route] = hop;
    return 0;
}

uint32_t route_find(uint32_t dst)
{
    int best = nodes[0].route;
    int n = 0;
    for (int depth = 0; depth < 32; ++depth) {
        n = nodes[n].child[(dst >> (31 - depth)) & 1];
        if (n == 0)
            break;
        if (nodes[n].route >= 0)
            best = nodes[n].route;
    }
    return best < 0 ? 0xffffffffu : hops[best];
}
