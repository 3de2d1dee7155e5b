/*
 * class:    lpm
 * variant:  binary trie of calloc'd nodes with `zero`/`one` child pointers and a valid flag,
 *           a table object passed to every call; the lookup follows
 *           `n = (addr & bit) ? n->one : n->zero` while shifting the bit right.
 * computes: IPv4 longest-prefix match in table `t`: next hop, or -1 if none.
 */
// clara-corpus: class=lpm entry=ptrie_match signature=lpm4_ctx init=ptrie_new insert=ptrie_add
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

struct pnode {
    struct pnode *zero, *one;
    int valid;
    uint32_t nh;
};

struct ptrie {
    struct pnode root;
};

struct ptrie *ptrie_new(void)
{
    return calloc(1, sizeof(struct ptrie));
}

int ptrie_add(struct ptrie *t, uint32_t pfx, unsigned plen, uint32_t nh)
{
    struct pnode *n = &t->root;
    uint32_t bit = 0x80000000u;
    for (unsigned i = 0; i < plen; i++, bit >>= 1) {
        struct pnode **next = (pfx & bit) ? &n->one : &n->zero;
        if (!*next && !(*next = calloc(1, sizeof(struct pnode))))
            return -1;
        n = *next;
    }
    n->valid = 1;
    n->nh = nh;
    return 0;
}

int ptrie_match(const struct ptrie *t, uint32_t addr)
{
    const struct pnode *n = &t->root;
    uint32_t bit = 0x80000000u;
    int hop = -1;
    while (n) {
        if (n->valid)
            hop = (int)n->nh;
        n = (addr & bit) ? n->one : n->zero;
        bit >>= 1;
    }
    return hop;
}
