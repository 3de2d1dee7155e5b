/*
 * class:    none (negative example)
 * variant:  flow table as an (unbalanced) binary search tree keyed by a 64-bit flow id, nodes
 *           from a pool linked by pointers; the lookup chases left/right pointers by comparing
 *           keys (exact match, no prefixes).
 * computes: bst_find returns the value stored for `key`, or -1.
 */
// clara-corpus: class=none entry=bst_find signature=custom
#include <stdint.h>
#include <stddef.h>

struct bst_node {
    uint64_t key;
    int32_t value;
    struct bst_node *lo, *hi;
};

#define BST_CAP 4096
static struct bst_node bst_pool[BST_CAP];
static size_t bst_used;
static struct bst_node *bst_root;

void bst_clear(void)
{
    bst_used = 0;
    bst_root = NULL;
}

int bst_put(uint64_t key, int32_t value)
{
    struct bst_node **link = &bst_root;
    while (*link) {
        if (key == (*link)->key) {
            (*link)->value = value;
            return 0;
        }
        link = key < (*link)->key ? &(*link)->lo : &(*link)->hi;
    }
    if (bst_used == BST_CAP)
        return -1;
    struct bst_node *n = &bst_pool[bst_used++];
    n->key = key;
    n->value = value;
    n->lo = n->hi = NULL;
    *link = n;
    return 0;
}

int32_t bst_find(uint64_t key)
{
    const struct bst_node *n = bst_root;
    while (n) {
        if (key == n->key)
            return n->value;
        n = key < n->key ? n->lo : n->hi;
    }
    return -1;
}
