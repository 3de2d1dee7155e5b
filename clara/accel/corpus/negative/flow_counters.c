/*
 * class:    none (negative example)
 * variant:  per-flow accounting: packet and byte counters, first/last seen timestamps,
 *           TCP flag union and a running maximum packet size in a flow record array.
 * computes: updates record idx; returns the flow's new byte total.
 */
// clara-corpus: class=none entry=flow_account signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct flow_record {
    uint64_t packets;
    uint64_t bytes;
    uint64_t first_ns;
    uint64_t last_ns;
    uint32_t max_len;
    uint8_t tcp_flags;
    uint8_t pad[3];
};

uint64_t flow_account(struct flow_record *tbl, uint32_t idx, uint32_t len, uint8_t flags,
                      uint64_t now_ns)
{
    struct flow_record *r = &tbl[idx];

    if (r->packets == 0)
        r->first_ns = now_ns;
    r->packets++;
    r->bytes += len;
    r->last_ns = now_ns;
    if (len > r->max_len)
        r->max_len = len;
    r->tcp_flags |= flags;
    return r->bytes;
}
