/*
 * class:    none (negative example)
 * variant:  per-host policer assignment kept in a singly linked list sorted by IPv4 host
 *           address (nodes from a static pool, pointer links, insertion keeps the order and
 *           replaces a duplicate); the lookup walks the list while the node's address is below
 *           the key and stops early: exact host match, no masks, no prefixes.
 * computes: host_list_find returns the policer id stored for addr, or -1.
 */
// clara-corpus: class=none entry=host_list_find signature=custom
#include <stdint.h>
#include <stddef.h>

struct host_node {
    uint32_t addr;
    int32_t policer;
    struct host_node *next;
};

#define HOST_POOL 2048
static struct host_node host_pool[HOST_POOL];
static size_t host_count;
static struct host_node *host_head;

void host_list_reset(void)
{
    host_count = 0;
    host_head = NULL;
}

/* 1 = added, 0 = replaced, -1 = pool full */
int host_list_insert(uint32_t addr, int32_t policer)
{
    struct host_node **pp = &host_head;
    struct host_node *n;

    while (*pp && (*pp)->addr < addr)
        pp = &(*pp)->next;
    if (*pp && (*pp)->addr == addr) {
        (*pp)->policer = policer;
        return 0;
    }
    if (host_count >= HOST_POOL)
        return -1;
    n = &host_pool[host_count++];
    n->addr = addr;
    n->policer = policer;
    n->next = *pp;
    *pp = n;
    return 1;
}

int32_t host_list_find(uint32_t addr)
{
    const struct host_node *n = host_head;

    while (n != NULL && n->addr < addr)
        n = n->next;
    if (n != NULL && n->addr == addr)
        return n->policer;
    return -1;
}
