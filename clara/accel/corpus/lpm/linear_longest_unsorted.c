/*
 * class:    lpm
 * variant:  linear scan over an unsorted route array (append on insert, overwrite on repeat);
 *           every entry is tested with a mask derived from its length and the longest match
 *           so far is kept (the first thing many small routers do).
 * computes: IPv4 longest-prefix match: next hop, or -1 if none.
 */
// clara-corpus: class=lpm entry=scan_best_route signature=lpm4_global init=scan_reset insert=scan_add
#include <stdint.h>
#include <stddef.h>

#define SCAN_MAX 2048

static struct {
    uint32_t net;
    uint32_t mask;
    int len;
    uint32_t gw;
} scan_tab[SCAN_MAX];
static int scan_n;

void scan_reset(void)
{
    scan_n = 0;
}

int scan_add(uint32_t net, unsigned len, uint32_t gw)
{
    uint32_t mask = len ? ~0u << (32 - len) : 0;
    for (int i = 0; i < scan_n; i++)
        if (scan_tab[i].net == net && scan_tab[i].len == (int)len) {
            scan_tab[i].gw = gw;
            return 0;
        }
    if (scan_n == SCAN_MAX)
        return -1;
    scan_tab[scan_n].net = net;
    scan_tab[scan_n].mask = mask;
    scan_tab[scan_n].len = (int)len;
    scan_tab[scan_n].gw = gw;
    scan_n++;
    return 0;
}

uint32_t scan_best_route(uint32_t dst)
{
    int best_len = -1;
    uint32_t gw = 0xffffffffu;
    for (int i = 0; i < scan_n; i++) {
        if ((dst & scan_tab[i].mask) == scan_tab[i].net && scan_tab[i].len > best_len) {
            best_len = scan_tab[i].len;
            gw = scan_tab[i].gw;
        }
    }
    return gw;
}
