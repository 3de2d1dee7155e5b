/*
 * class:    lpm
 * variant:  IPv6 routes kept in an array sorted by prefix length (longest first, insertion
 *           into place); each entry stores its prefix and a 16-byte mask, the lookup compares
 *           the masked address byte by byte and returns the first full match.
 * computes: IPv6 longest-prefix match (network-order address bytes): next hop, or -1.
 */
// clara-corpus: class=lpm entry=r6_match signature=lpm6_b8 init=r6_flush insert=r6_add
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define R6_MAX 1024

struct r6_entry {
    uint8_t net[16];
    uint8_t mask[16];
    unsigned len;
    uint32_t hop;
};

static struct r6_entry r6[R6_MAX];
static unsigned r6_n;

void r6_flush(void)
{
    r6_n = 0;
}

int r6_add(const uint8_t prefix[16], unsigned len, uint32_t hop)
{
    struct r6_entry e;
    for (unsigned k = 0; k < 16; k++) {
        unsigned bits = len > 8 * k ? len - 8 * k : 0;
        e.mask[k] = bits >= 8 ? 0xff : (uint8_t)(0xff00u >> bits);
        e.net[k] = prefix[k] & e.mask[k];
    }
    e.len = len;
    e.hop = hop;
    for (unsigned i = 0; i < r6_n; i++)
        if (r6[i].len == len && memcmp(r6[i].net, e.net, 16) == 0) {
            r6[i].hop = hop;
            return 0;
        }
    if (r6_n == R6_MAX)
        return -1;
    unsigned pos = r6_n;
    while (pos > 0 && r6[pos - 1].len < len) {
        r6[pos] = r6[pos - 1];
        pos--;
    }
    r6[pos] = e;
    r6_n++;
    return 0;
}

int32_t r6_match(const uint8_t addr[16])
{
    for (unsigned i = 0; i < r6_n; i++) {
        const struct r6_entry *e = &r6[i];
        unsigned k = 0;
        while (k < 16 && (addr[k] & e->mask[k]) == e->net[k])
            k++;
        if (k == 16)
            return (int32_t)e->hop;
    }
    return -1;
}
