/*
 * class:    lpm
 * variant:  multibit trie, stride 4, malloc'd 16-way nodes, leaf-pushed at build time from a
 *           route list: a slot is either a final next hop or a pointer to a deeper node. The
 *           lookup consumes a nibble per level until it meets a final slot.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=nib_lookup signature=lpm4_global init=nib_init insert=nib_add finalize=nib_build miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

struct nib_node;
struct nib_slot {
    struct nib_node *down;   /* NULL: final */
    uint32_t hop;
};
struct nib_node {
    struct nib_slot s[16];
};

struct nib_route {
    uint32_t pfx;
    unsigned len;
    uint32_t hop;
};

#define NIB_MAXR 4096
static struct nib_route nib_routes[NIB_MAXR];
static unsigned nib_nroutes;
static struct nib_node *nib_root;

static void nib_free(struct nib_node *n)
{
    if (!n)
        return;
    for (int i = 0; i < 16; i++)
        nib_free(n->s[i].down);
    free(n);
}

void nib_init(void)
{
    nib_free(nib_root);
    nib_root = NULL;
    nib_nroutes = 0;
}

int nib_add(uint32_t pfx, unsigned len, uint32_t hop)
{
    for (unsigned i = 0; i < nib_nroutes; i++)
        if (nib_routes[i].pfx == pfx && nib_routes[i].len == len) {
            nib_routes[i].hop = hop;
            return 0;
        }
    if (nib_nroutes == NIB_MAXR)
        return -1;
    nib_routes[nib_nroutes].pfx = pfx;
    nib_routes[nib_nroutes].len = len;
    nib_routes[nib_nroutes].hop = hop;
    nib_nroutes++;
    return 0;
}

static uint32_t mask_of(unsigned len)
{
    return len ? 0xffffffffu << (32 - len) : 0;
}

/* Node covering the `depth`-bit prefix `base`; `inherited` is the hop of the longest route of
 * length <= depth covering it. */
static struct nib_node *nib_make(uint32_t base, unsigned depth, uint32_t inherited)
{
    struct nib_node *n = calloc(1, sizeof *n);
    for (unsigned v = 0; v < 16; v++) {
        uint32_t sub = base | (v << (28 - depth));
        unsigned best_len = 0;
        uint32_t hop = inherited;
        int deeper = 0;
        for (unsigned i = 0; i < nib_nroutes; i++) {
            const struct nib_route *r = &nib_routes[i];
            if (r->len > depth && r->len <= depth + 4 && (sub & mask_of(r->len)) == r->pfx &&
                r->len >= best_len) {
                best_len = r->len;
                hop = r->hop;
            }
            if (r->len > depth + 4 && (r->pfx & mask_of(depth + 4)) == sub)
                deeper = 1;
        }
        n->s[v].hop = hop;
        if (deeper)
            n->s[v].down = nib_make(sub, depth + 4, hop);
    }
    return n;
}

void nib_build(void)
{
    uint32_t dflt = 0xffffffffu;
    for (unsigned i = 0; i < nib_nroutes; i++)
        if (nib_routes[i].len == 0)
            dflt = nib_routes[i].hop;
    nib_free(nib_root);
    nib_root = nib_make(0, 0, dflt);
}

uint32_t nib_lookup(uint32_t ip)
{
    const struct nib_node *n = nib_root;
    unsigned shift = 28;
    for (;;) {
        const struct nib_slot *s = &n->s[(ip >> shift) & 0xf];
        if (!s->down)
            return s->hop;
        n = s->down;
        shift -= 4;
    }
}
