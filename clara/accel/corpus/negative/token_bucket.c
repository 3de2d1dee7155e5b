/*
 * class:    none (negative example)
 * variant:  single-rate token bucket policer (rate in bytes/s, burst in bytes), refilled
 *           lazily from a nanosecond clock with integer arithmetic.
 * computes: 1 if the packet conforms (tokens consumed), 0 if it exceeds.
 */
// clara-corpus: class=none entry=tb_conform signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct token_bucket {
    uint64_t rate_bps;     /* bytes per second */
    uint64_t burst;        /* bucket depth, bytes */
    uint64_t tokens;       /* current fill, bytes */
    uint64_t last_ns;
};

int tb_conform(struct token_bucket *tb, uint64_t now_ns, uint32_t pkt_len)
{
    if (now_ns > tb->last_ns) {
        uint64_t add = (now_ns - tb->last_ns) * tb->rate_bps / 1000000000ull;
        tb->tokens += add;
        if (tb->tokens > tb->burst)
            tb->tokens = tb->burst;
        tb->last_ns = now_ns;
    }
    if (tb->tokens >= pkt_len) {
        tb->tokens -= pkt_len;
        return 1;
    }
    return 0;
}
