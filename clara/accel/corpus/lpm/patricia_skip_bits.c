/*
 * class:    lpm
 * variant:  path-compressed binary trie where each node stores the prefix bits it covers (key
 *           and length) and branches on the bit right after them; the lookup checks the
 *           node's whole key with one mask compare (so skipped bits are verified), records the
 *           route if the node carries one, then follows the branch bit. Node splitting on
 *           insert; pool of nodes with int links.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=pc_lookup signature=lpm4_global init=pc_init insert=pc_insert miss=0xffffffff
#include <stdint.h>
#include <stddef.h>

#define PC_CAP 4096

struct pc_node {
    uint32_t key;      /* the first `len` bits are significant */
    uint8_t len;
    uint8_t has_route;
    uint32_t hop;
    int32_t kid[2];    /* -1: none */
};

static struct pc_node pc[PC_CAP];
static int32_t pc_used;

static uint32_t pc_mask(unsigned len)
{
    return len ? 0xffffffffu << (32 - len) : 0;
}

static int32_t pc_new(uint32_t key, unsigned len)
{
    if (pc_used == PC_CAP)
        return -1;
    struct pc_node *n = &pc[pc_used];
    n->key = key & pc_mask(len);
    n->len = (uint8_t)len;
    n->has_route = 0;
    n->hop = 0;
    n->kid[0] = n->kid[1] = -1;
    return pc_used++;
}

void pc_init(void)
{
    pc_used = 0;
    pc_new(0, 0);
}

static unsigned common_len(uint32_t a, uint32_t b, unsigned max)
{
    uint32_t d = a ^ b;
    unsigned c = d ? (unsigned)__builtin_clz(d) : 32;
    return c < max ? c : max;
}

int pc_insert(uint32_t pfx, unsigned len, uint32_t hop)
{
    int32_t *link = NULL;
    int32_t n = 0;
    for (;;) {
        struct pc_node *node = &pc[n];
        unsigned c = common_len(node->key, pfx, node->len < len ? node->len : len);
        if (c < node->len) {
            /* split: a new node for the common part takes n's place */
            int32_t mid = pc_new(pfx, c);
            if (mid < 0)
                return -1;
            pc[mid].kid[(pc[n].key >> (31 - c)) & 1] = n;
            *link = mid;            /* the root has len 0, so c < len(root) never happens */
            n = mid;
            node = &pc[n];
        }
        if (node->len == len) {
            node->has_route = 1;
            node->hop = hop;
            return 0;
        }
        unsigned b = (pfx >> (31 - node->len)) & 1;
        if (node->kid[b] < 0) {
            int32_t leaf = pc_new(pfx, len);
            if (leaf < 0)
                return -1;
            pc[leaf].has_route = 1;
            pc[leaf].hop = hop;
            pc[n].kid[b] = leaf;
            return 0;
        }
        link = &pc[n].kid[b];
        n = *link;
    }
}

uint32_t pc_lookup(uint32_t addr)
{
    uint32_t best = 0xffffffffu;
    int32_t n = 0;
    while (n >= 0) {
        const struct pc_node *node = &pc[n];
        if ((addr & pc_mask(node->len)) != node->key)
            break;
        if (node->has_route)
            best = node->hop;
        if (node->len == 32)
            break;
        n = node->kid[(addr >> (31 - node->len)) & 1];
    }
    return best;
}
