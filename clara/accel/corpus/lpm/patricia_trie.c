/*
 * class:    lpm
 * variant:  path-compressed (Patricia-style) binary trie: every node stores its full key and
 *           prefix length, one-child chains are collapsed, branching nodes are created on
 *           demand when two keys diverge. Nodes come from a static pool, linked by pointers.
 *           Lookup verifies each visited node's key under its mask (skipped bits are checked).
 * computes: IPv4 longest-prefix match; returns 1 and stores the next hop in *nh when a route
 *           matches, 0 otherwise.
 */
// clara-corpus: class=lpm entry=pt_lookup signature=lpm4_out init=pt_init insert=pt_insert
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define PT_MAX_NODES 8192

struct pt_node {
    uint32_t key;
    uint8_t plen;
    uint8_t has_nh;
    uint32_t nh;
    struct pt_node *kid[2];
};

static struct pt_node pt_nodes[PT_MAX_NODES];
static unsigned pt_count;
static struct pt_node *pt_root;

static inline uint32_t pt_mask(unsigned len)
{
    return len == 0 ? 0u : 0xffffffffu << (32 - len);
}

static inline unsigned pt_bit(uint32_t key, unsigned pos)
{
    return (key >> (31 - pos)) & 1u;
}

static unsigned pt_common(uint32_t a, unsigned alen, uint32_t b, unsigned blen)
{
    uint32_t diff = a ^ b;
    unsigned n = 0;
    unsigned lim = alen < blen ? alen : blen;

    while (n < lim && !(diff & (0x80000000u >> n)))
        n++;
    return n;
}

static struct pt_node *pt_alloc(uint32_t key, unsigned plen)
{
    struct pt_node *n;

    if (pt_count >= PT_MAX_NODES)
        return NULL;
    n = &pt_nodes[pt_count++];
    memset(n, 0, sizeof(*n));
    n->key = key & pt_mask(plen);
    n->plen = (uint8_t)plen;
    return n;
}

void pt_init(void)
{
    pt_count = 0;
    pt_root = NULL;
}

int pt_insert(uint32_t key, unsigned len, uint32_t nh)
{
    struct pt_node **link = &pt_root;
    struct pt_node *leaf, *branch;

    key &= pt_mask(len);
    while (*link) {
        struct pt_node *n = *link;
        unsigned common = pt_common(n->key, n->plen, key, len);

        if (common == n->plen) {
            if (n->plen == len) {
                n->has_nh = 1;
                n->nh = nh;
                return 0;
            }
            link = &n->kid[pt_bit(key, n->plen)];
            continue;
        }
        /* the new key diverges inside n's compressed path */
        leaf = pt_alloc(key, len);
        if (!leaf)
            return -1;
        leaf->has_nh = 1;
        leaf->nh = nh;
        if (common == len) {
            leaf->kid[pt_bit(n->key, len)] = n;
            *link = leaf;
            return 0;
        }
        branch = pt_alloc(key, common);
        if (!branch)
            return -1;
        branch->kid[pt_bit(key, common)] = leaf;
        branch->kid[pt_bit(n->key, common)] = n;
        *link = branch;
        return 0;
    }
    leaf = pt_alloc(key, len);
    if (!leaf)
        return -1;
    leaf->has_nh = 1;
    leaf->nh = nh;
    *link = leaf;
    return 0;
}

int pt_lookup(uint32_t addr, uint32_t *nh)
{
    const struct pt_node *n = pt_root;
    int found = 0;

    while (n != NULL) {
        if ((addr ^ n->key) & pt_mask(n->plen))
            break;
        if (n->has_nh) {
            *nh = n->nh;
            found = 1;
        }
        if (n->plen >= 32)
            break;
        n = n->kid[pt_bit(addr, n->plen)];
    }
    return found;
}
