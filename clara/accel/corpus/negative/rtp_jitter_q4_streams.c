/*
 * class:    none (negative example)
 * variant:  RTP receiver statistics (RFC 3550 section 6.4.1 and appendix A.1) for a table of
 *           streams selected by a given index masked to the table size: transit time
 *           difference D of consecutive packets, interarrival jitter J += (|D| - J) / 16 kept
 *           in 1/16 timestamp units, extended highest sequence number with wrap cycles;
 *           the report converts 90 kHz units to microseconds by a multiply-and-shift.
 * computes: the stream's jitter in microseconds after the packet.
 */
// clara-corpus: class=none entry=rtp_on_packet signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RTP_STREAMS        64u           /* power of two */
#define RTP_MAX_DROPOUT  3000u
#define RTP_RESYNC   (1u << 24)          /* |D| this large is a timestamp jump, not jitter */
#define RTP_US_PER_TICK_Q16 728178u      /* 1e6 / 90000 in Q16 */

struct rtp_stream {
    uint32_t last_transit;
    uint32_t jitter_q4;       /* J * 16 */
    uint32_t ext_max;         /* wrap cycles in the upper half, highest seq in the lower */
    uint32_t received;
    uint32_t active;
};

struct rtp_rx {
    struct rtp_stream s[RTP_STREAMS];
    uint32_t resyncs;
};

static inline struct rtp_stream *rtp_slot(struct rtp_rx *rx, uint32_t idx)
{
    return &rx->s[idx & (RTP_STREAMS - 1u)];
}

static inline uint32_t rtp_abs_delta(uint32_t a, uint32_t b)
{
    int32_t d = (int32_t)(a - b);
    return d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
}

static inline uint32_t rtp_jitter_step(uint32_t j_q4, uint32_t absd)
{
    /* J16 <- J16 + |D| - J16 / 16 */
    return j_q4 + absd - (j_q4 >> 4);
}

static inline uint32_t rtp_ticks_to_us(uint32_t ticks)
{
    return (uint32_t)(((uint64_t)ticks * RTP_US_PER_TICK_Q16) >> 16);
}

static inline void rtp_seq_track(struct rtp_stream *st, uint16_t seq)
{
    uint16_t max_seq = (uint16_t)(st->ext_max & 0xffffu);
    uint16_t ahead = (uint16_t)(seq - max_seq);

    if (ahead != 0 && ahead < RTP_MAX_DROPOUT) {
        uint32_t cycles = st->ext_max & 0xffff0000u;
        if (seq < max_seq)
            cycles += 0x10000u;                 /* sequence number wrapped */
        st->ext_max = cycles | (uint32_t)seq;
    }
    /* duplicates, reordered and very old packets leave the maximum alone */
}

uint32_t rtp_on_packet(struct rtp_rx *rx, uint32_t stream_idx, uint32_t arrival_ts,
                       uint32_t rtp_ts, uint16_t seq)
{
    struct rtp_stream *st = rtp_slot(rx, stream_idx);
    uint32_t transit = arrival_ts - rtp_ts;

    if (!st->active) {
        st->active = 1;
        st->last_transit = transit;
        st->jitter_q4 = 0;
        st->ext_max = seq;
        st->received = 1;
        return 0;
    }
    st->received++;
    rtp_seq_track(st, seq);

    uint32_t absd = rtp_abs_delta(transit, st->last_transit);
    st->last_transit = transit;
    if (absd >= RTP_RESYNC) {
        rx->resyncs++;
        return rtp_ticks_to_us(st->jitter_q4 >> 4);
    }
    st->jitter_q4 = rtp_jitter_step(st->jitter_q4, absd);
    return rtp_ticks_to_us(st->jitter_q4 >> 4);
}
