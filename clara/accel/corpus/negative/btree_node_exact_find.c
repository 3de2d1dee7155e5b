/*
 * class:    none (negative example)
 * variant:  B-tree of session ids: fixed-size nodes (up to 8 sorted 32-bit keys, their values,
 *           9 child indices into a node pool, -1 in leaves) built by the control plane. The
 *           lookup descends from the root; inside a node a bisection finds the first key >= the
 *           searched id, an equal key returns its value, otherwise the search continues in the
 *           child between the neighbouring keys. Exact keys, bounded depth; no prefixes.
 * computes: bt_lookup(pool, root, key, miss) returns the value stored with key, else miss.
 */
// clara-corpus: class=none entry=bt_lookup signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define BT_KEYS 8
#define BT_MAX_DEPTH 24

struct bt_node {
    uint32_t key[BT_KEYS];
    int32_t val[BT_KEYS];
    int32_t child[BT_KEYS + 1];
    uint16_t nkeys;
    uint16_t is_leaf;
};

static inline uint32_t bt_key(const struct bt_node *nd, unsigned i)
{
    return nd->key[i];
}

static inline unsigned bt_node_lower_bound(const struct bt_node *nd, uint32_t key)
{
    unsigned lo = 0, len = nd->nkeys > BT_KEYS ? BT_KEYS : nd->nkeys;

    for (; len > 0;) {
        unsigned half = len >> 1;
        if (bt_key(nd, lo + half) < key) {
            lo += half + 1;
            len -= half + 1;
        } else {
            len = half;
        }
    }
    return lo;
}

int32_t bt_lookup(const struct bt_node *pool, int32_t root, uint32_t key, int32_t miss)
{
    int32_t cur = root;
    int depth;

    for (depth = 0; depth < BT_MAX_DEPTH && cur >= 0; depth++) {
        const struct bt_node *nd = &pool[cur];
        unsigned i = bt_node_lower_bound(nd, key);

        if (i < nd->nkeys && bt_key(nd, i) == key)
            return nd->val[i];
        if (nd->is_leaf)
            break;
        cur = nd->child[i];
    }
    return miss;
}
