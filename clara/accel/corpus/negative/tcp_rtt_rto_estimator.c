/*
 * class:    none (negative example)
 * variant:  TCP retransmission timer (RFC 6298) driven per ACK: SRTT kept scaled by 8 and
 *           RTTVAR scaled by 4 so that the 1/8 and 1/4 gains are shifts, the first sample
 *           seeds both, Karn's rule skips samples of retransmitted segments, a timeout doubles
 *           the RTO; RTO = SRTT + max(G, 4 * RTTVAR) clamped to [1 s, 60 s].
 * computes: the retransmission timeout in milliseconds after one ACK or timeout event.
 */
// clara-corpus: class=none entry=tcp_rtt_on_ack signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RTT_CLOCK_G        1u      /* clock granularity, ms */
#define RTT_MIN_RTO     1000u      /* RFC 6298 (2.4) */
#define RTT_MAX_RTO    60000u      /* RFC 6298 (2.5) */
#define RTT_INIT_RTO    1000u
#define RTT_SANE_MAX  120000u      /* larger samples come from a bogus timestamp echo */

#define ACK_F_RETRANS   0x1u       /* the acknowledged segment was retransmitted */
#define ACK_F_TIMEOUT   0x2u       /* event is a timer expiry, not an ACK */

struct tcp_rtt_est {
    uint32_t srtt_x8;      /* SRTT << 3 */
    uint32_t rttvar_x4;    /* RTTVAR << 2 */
    uint32_t rto;          /* ms, 0 before the first event */
    uint32_t backoff;      /* doublings since the last valid sample */
    uint32_t samples;
};

static inline uint32_t rtt_clamp(uint32_t v, uint32_t lo, uint32_t hi)
{
    if (v < lo)
        return lo;
    if (v > hi)
        return hi;
    return v;
}

static inline uint32_t rtt_absdiff(uint32_t a, uint32_t b)
{
    return a > b ? a - b : b - a;
}

static inline void rtt_seed(struct tcp_rtt_est *e, uint32_t r)
{
    e->srtt_x8 = r << 3;       /* SRTT <- R */
    e->rttvar_x4 = r << 1;     /* RTTVAR <- R/2, times 4 */
}

static inline void rtt_smooth(struct tcp_rtt_est *e, uint32_t r)
{
    /* RTTVAR <- 3/4 RTTVAR + 1/4 |SRTT - R'|, with the SRTT before this sample */
    uint32_t err = rtt_absdiff(e->srtt_x8 >> 3, r);
    e->rttvar_x4 = e->rttvar_x4 - (e->rttvar_x4 >> 2) + err;
    /* SRTT <- 7/8 SRTT + 1/8 R' */
    e->srtt_x8 = e->srtt_x8 - (e->srtt_x8 >> 3) + r;
}

static inline uint32_t rtt_compute_rto(const struct tcp_rtt_est *e)
{
    uint32_t var_term = e->rttvar_x4;          /* K * RTTVAR with K = 4 */
    if (var_term < RTT_CLOCK_G)
        var_term = RTT_CLOCK_G;
    return rtt_clamp((e->srtt_x8 >> 3) + var_term, RTT_MIN_RTO, RTT_MAX_RTO);
}

uint32_t tcp_rtt_on_ack(struct tcp_rtt_est *e, uint32_t now_ms, uint32_t tsecr_ms,
                        uint32_t flags)
{
    if (flags & ACK_F_TIMEOUT) {
        e->backoff++;
        e->rto = rtt_clamp(e->rto << 1, RTT_MIN_RTO, RTT_MAX_RTO);
        return e->rto;
    }
    if (e->rto == 0)
        e->rto = RTT_INIT_RTO;
    if (flags & ACK_F_RETRANS)
        return e->rto;                          /* Karn: ambiguous sample */

    uint32_t r = now_ms - tsecr_ms;             /* wraps like the timestamp clock */
    if (r > RTT_SANE_MAX)
        return e->rto;
    if (r == 0)
        r = 1;

    if (e->samples == 0)
        rtt_seed(e, r);
    else
        rtt_smooth(e, r);
    e->samples++;
    e->backoff = 0;
    e->rto = rtt_compute_rto(e);
    return e->rto;
}
