/*
 * class:    none (negative example)
 * variant:  periodic flow-table aging: a scan over the entry array expires entries idle for
 *           longer than the timeout and compacts the live ones to the front.
 * computes: the number of live entries left in e[0..n) (compacted), given `now`.
 */
// clara-corpus: class=none entry=age_flows signature=custom
#include <stdint.h>
#include <stddef.h>

struct flow_entry {
    uint64_t key;
    uint64_t last_seen;
    uint32_t packets;
    uint32_t pad;
};

size_t age_flows(struct flow_entry *e, size_t n, uint64_t now, uint64_t timeout)
{
    size_t keep = 0;
    for (size_t i = 0; i < n; i++) {
        if (now - e[i].last_seen > timeout)
            continue;
        if (keep != i)
            e[keep] = e[i];
        keep++;
    }
    return keep;
}
