/*
 * class:    none (negative example)
 * variant:  TCP receive-window acceptability test (RFC 793 segment acceptance table) with
 *           32-bit serial-number arithmetic (signed differences), as in a stateful firewall.
 * computes: 1 if the segment [seq, seq+len) is acceptable for rcv_nxt/rcv_wnd, else 0.
 */
// clara-corpus: class=none entry=tcp_segment_acceptable signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static inline int seq_lt(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }
static inline int seq_leq(uint32_t a, uint32_t b) { return (int32_t)(a - b) <= 0; }

int tcp_segment_acceptable(uint32_t seq, uint32_t len, uint32_t rcv_nxt, uint32_t rcv_wnd)
{
    uint32_t wnd_end = rcv_nxt + rcv_wnd;

    if (len == 0) {
        if (rcv_wnd == 0)
            return seq == rcv_nxt;
        return seq_leq(rcv_nxt, seq) && seq_lt(seq, wnd_end);
    }
    if (rcv_wnd == 0)
        return 0;
    return (seq_leq(rcv_nxt, seq) && seq_lt(seq, wnd_end)) ||
           (seq_leq(rcv_nxt, seq + len - 1) && seq_lt(seq + len - 1, wnd_end));
}
