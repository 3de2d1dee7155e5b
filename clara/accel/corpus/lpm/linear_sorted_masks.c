/*
 * class:    lpm
 * variant:  linear scan over a route array kept sorted by prefix length, longest first
 *           (insertion into place on add); each entry holds network and netmask, so the first
 *           match is the longest. A table handle is passed around (small embedded router).
 * computes: IPv4 longest-prefix match -> gateway id, or -1 for no route.
 */
// clara-corpus: class=lpm entry=rtab_match signature=lpm4_ctx init=rtab_open insert=rtab_add
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RTAB_CAP 2048

struct rtab_ent {
    uint32_t network;
    uint32_t netmask;
    int gateway;
    int masklen;
};

struct rtab {
    int n;
    struct rtab_ent ent[RTAB_CAP];
};

static struct rtab rtab_main;

struct rtab *rtab_open(void)
{
    rtab_main.n = 0;
    return &rtab_main;
}

int rtab_add(struct rtab *t, uint32_t network, unsigned masklen, int gateway)
{
    int pos;

    if (t->n >= RTAB_CAP)
        return -1;
    pos = t->n;
    while (pos > 0 && t->ent[pos - 1].masklen < (int)masklen) {
        t->ent[pos] = t->ent[pos - 1];
        pos--;
    }
    t->ent[pos].netmask = masklen ? 0xffffffffu << (32 - masklen) : 0;
    t->ent[pos].network = network & t->ent[pos].netmask;
    t->ent[pos].gateway = gateway;
    t->ent[pos].masklen = (int)masklen;
    t->n++;
    return 0;
}

int rtab_match(const struct rtab *t, uint32_t dst)
{
    const struct rtab_ent *e = t->ent;
    const struct rtab_ent *end = t->ent + t->n;

    for (; e != end; e++) {
        if ((dst & e->netmask) == e->network)
            return e->gateway;
    }
    return -1;
}
