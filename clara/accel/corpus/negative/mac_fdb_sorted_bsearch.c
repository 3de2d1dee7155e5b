/*
 * class:    none (negative example)
 * variant:  L2 bridge forwarding decision over a forwarding database kept as an array of
 *           {mac[6], port, static} entries sorted by MAC address (byte-wise order). Lookups are
 *           exact-match binary searches with two entry pointers (lo, hi) and a byte-by-byte
 *           three-way MAC compare; the source MAC is also looked up to drop frames that spoof a
 *           static entry from another port. Six-byte keys, no masks, no lengths: set lookup,
 *           not longest-prefix match.
 * computes: fdb_forward returns the output port, FDB_FLOOD (-2) for group destinations and
 *           unknown unicast, FDB_DROP (-1) for short frames, spoofed sources and destinations
 *           on the ingress port.
 */
// clara-corpus: class=none entry=fdb_forward signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define FDB_DROP (-1)
#define FDB_FLOOD (-2)

struct fdb_entry {
    uint8_t mac[6];
    uint16_t port;
    uint8_t is_static;
    uint8_t pad;
};

static inline int mac_compare(const uint8_t *a, const uint8_t *b)
{
    for (int i = 0; i < 6; i++) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

static inline int mac_is_group(const uint8_t *mac)
{
    return mac[0] & 0x01;
}

static inline const struct fdb_entry *fdb_search(const struct fdb_entry *tab, size_t n,
                                                 const uint8_t *mac)
{
    const struct fdb_entry *lo = tab, *hi = tab + n;

    while (lo < hi) {
        const struct fdb_entry *mid = lo + (hi - lo) / 2;
        int c = mac_compare(mid->mac, mac);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int fdb_forward(const struct fdb_entry *tab, size_t n, const uint8_t *frame, size_t len,
                uint16_t in_port)
{
    const uint8_t *dmac = frame, *smac = frame + 6;
    const struct fdb_entry *e;

    if (len < 14)
        return FDB_DROP;
    if (!mac_is_group(smac)) {
        e = fdb_search(tab, n, smac);
        if (e != NULL && e->is_static && e->port != in_port)
            return FDB_DROP;
    } else {
        return FDB_DROP;                        /* group source address is invalid */
    }
    if (mac_is_group(dmac))
        return FDB_FLOOD;
    e = fdb_search(tab, n, dmac);
    if (e == NULL)
        return FDB_FLOOD;
    if (e->port == in_port)
        return FDB_DROP;
    return e->port;
}
