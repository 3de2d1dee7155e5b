/*
 * class:    lpm
 * variant:  multibit trie, stride 8 (4 levels of 256-slot tables), leaf-pushed: a slot holds
 *           either a next hop or a pointer to the next table, never both, so the lookup is
 *           four dependent loads with no "best so far" bookkeeping. The lookup reads the
 *           destination straight from the packet (4 bytes, network order) and is unrolled.
 *           A shadow array of prefix lengths is only used while building.
 * computes: IPv4 longest-prefix match -> next hop, or -1 when no route covers the address.
 */
// clara-corpus: class=lpm entry=fib8_lookup signature=lpm4_bytes init=fib8_init insert=fib8_insert
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define FIB8_PTR 0x80000000u
#define FIB8_MAX_TABLES 4096

/* slot encoding: 0 = no route, FIB8_PTR|t = child table t, otherwise next hop + 1 */
static uint32_t fib8_tables[FIB8_MAX_TABLES][256];
static uint8_t fib8_plen[FIB8_MAX_TABLES][256];   /* build-time only */
static uint32_t fib8_ntables;

void fib8_init(void)
{
    memset(fib8_tables[0], 0, sizeof(fib8_tables[0]));
    memset(fib8_plen[0], 0, sizeof(fib8_plen[0]));
    fib8_ntables = 1;
}

static void fib8_paint(uint32_t t, unsigned lo, unsigned count, uint32_t val, uint8_t len)
{
    unsigned s;

    for (s = lo; s < lo + count; s++) {
        if (fib8_plen[t][s] > len)
            continue;
        fib8_plen[t][s] = len;
        if (fib8_tables[t][s] & FIB8_PTR)
            fib8_paint(fib8_tables[t][s] & ~FIB8_PTR, 0, 256, val, len);
        else
            fib8_tables[t][s] = val;
    }
}

int fib8_insert(uint32_t prefix, unsigned len, uint32_t nh)
{
    uint32_t t = 0;
    unsigned level;

    for (level = 0; level < 4; level++) {
        unsigned shift = 24 - 8 * level;
        unsigned slot = (prefix >> shift) & 0xff;
        uint32_t child;

        if (len <= 8 * (level + 1)) {
            unsigned free_bits = 8 * (level + 1) - len;
            fib8_paint(t, slot & ~((1u << free_bits) - 1), 1u << free_bits, nh + 1, (uint8_t)len);
            return 0;
        }
        if (!(fib8_tables[t][slot] & FIB8_PTR)) {
            if (fib8_ntables >= FIB8_MAX_TABLES)
                return -1;
            child = fib8_ntables++;
            /* push whatever covered this slot down into the new table */
            for (unsigned i = 0; i < 256; i++) {
                fib8_tables[child][i] = fib8_tables[t][slot];
                fib8_plen[child][i] = fib8_plen[t][slot];
            }
            fib8_tables[t][slot] = FIB8_PTR | child;
        }
        t = fib8_tables[t][slot] & ~FIB8_PTR;
    }
    return -1;
}

int fib8_lookup(const uint8_t *daddr)
{
    uint32_t e = fib8_tables[0][daddr[0]];

    if (e & FIB8_PTR) {
        e = fib8_tables[e & ~FIB8_PTR][daddr[1]];
        if (e & FIB8_PTR) {
            e = fib8_tables[e & ~FIB8_PTR][daddr[2]];
            if (e & FIB8_PTR)
                e = fib8_tables[e & ~FIB8_PTR][daddr[3]];
        }
    }
    return e ? (int)(e - 1) : -1;
}
