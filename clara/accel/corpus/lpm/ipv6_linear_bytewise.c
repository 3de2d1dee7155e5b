/*
 * class:    lpm
 * variant:  IPv6 routes in an unsorted array of 16-byte prefixes; each lookup compares whole
 *           bytes first and then the partial byte under its mask, and remembers the matching
 *           route with the longest prefix.
 * computes: IPv6 longest-prefix match: next hop, or -1 if none.
 */
// clara-corpus: class=lpm entry=v6scan_lookup signature=lpm6_b8 init=v6scan_reset insert=v6scan_add
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define V6SCAN_MAX 512

struct v6scan_route {
    uint8_t prefix[16];
    unsigned len;
    int32_t hop;
};

static struct v6scan_route v6scan_tab[V6SCAN_MAX];
static unsigned v6scan_count;

void v6scan_reset(void)
{
    v6scan_count = 0;
}

static int v6scan_covers(const uint8_t *prefix, unsigned len, const uint8_t *addr)
{
    unsigned whole = len / 8, rest = len % 8;
    for (unsigned i = 0; i < whole; i++)
        if (prefix[i] != addr[i])
            return 0;
    if (rest) {
        uint8_t m = (uint8_t)(0xff << (8 - rest));
        if ((addr[whole] & m) != prefix[whole])
            return 0;
    }
    return 1;
}

int v6scan_add(const uint8_t *prefix, unsigned len, uint32_t hop)
{
    for (unsigned i = 0; i < v6scan_count; i++)
        if (v6scan_tab[i].len == len && memcmp(v6scan_tab[i].prefix, prefix, 16) == 0) {
            v6scan_tab[i].hop = (int32_t)hop;
            return 0;
        }
    if (v6scan_count == V6SCAN_MAX)
        return -1;
    memcpy(v6scan_tab[v6scan_count].prefix, prefix, 16);
    v6scan_tab[v6scan_count].len = len;
    v6scan_tab[v6scan_count].hop = (int32_t)hop;
    v6scan_count++;
    return 0;
}

int32_t v6scan_lookup(const uint8_t *addr)
{
    int32_t hop = -1;
    int best_len = -1;
    for (unsigned i = 0; i < v6scan_count; i++) {
        const struct v6scan_route *r = &v6scan_tab[i];
        if ((int)r->len > best_len && v6scan_covers(r->prefix, r->len, addr)) {
            best_len = (int)r->len;
            hop = r->hop;
        }
    }
    return hop;
}
