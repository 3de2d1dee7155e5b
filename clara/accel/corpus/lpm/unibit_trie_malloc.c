/*
 * class:    lpm
 * variant:  binary trie with individually malloc'd nodes (left/right pointers), a FIB
 *           handle passed to every call, descent driven by a moving single-bit mask.
 *           Uses <stdlib.h> (calloc) for node allocation.
 * computes: IPv4 longest-prefix match returning the output port of the longest matching
 *           route, or -1 if no route covers the address.
 */
// clara-corpus: class=lpm entry=bt_fib_lookup signature=lpm4_ctx init=bt_fib_create insert=bt_fib_insert
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

struct bt_node {
    struct bt_node *left;
    struct bt_node *right;
    int has_route;
    int port;
};

struct bt_fib {
    struct bt_node *root;
    size_t n_routes;
    size_t n_nodes;
};

struct bt_fib *bt_fib_create(void)
{
    struct bt_fib *fib = (struct bt_fib *)calloc(1, sizeof(*fib));
    if (!fib)
        return NULL;
    fib->root = (struct bt_node *)calloc(1, sizeof(struct bt_node));
    if (!fib->root) {
        free(fib);
        return NULL;
    }
    fib->n_nodes = 1;
    return fib;
}

int bt_fib_insert(struct bt_fib *fib, uint32_t net, unsigned masklen, int port)
{
    struct bt_node *node = fib->root;
    uint32_t probe = 0x80000000u;

    while (masklen--) {
        struct bt_node **slot = (net & probe) ? &node->right : &node->left;
        if (*slot == NULL) {
            *slot = (struct bt_node *)calloc(1, sizeof(struct bt_node));
            if (*slot == NULL)
                return -1;
            fib->n_nodes++;
        }
        node = *slot;
        probe >>= 1;
    }
    if (!node->has_route)
        fib->n_routes++;
    node->has_route = 1;
    node->port = port;
    return 0;
}

int bt_fib_lookup(const struct bt_fib *fib, uint32_t ip)
{
    const struct bt_node *node = fib->root;
    uint32_t probe = 0x80000000u;
    int port = -1;

    while (node) {
        if (node->has_route)
            port = node->port;
        if (probe == 0)
            break;
        node = (ip & probe) ? node->right : node->left;
        probe >>= 1;
    }
    return port;
}
