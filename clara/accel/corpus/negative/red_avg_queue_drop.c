/*
 * class:    none (negative example)
 * variant:  RED active queue management at enqueue (Floyd/Jacobson 1993): average queue by an
 *           EWMA with weight 2^-9 in 2^10 fixed point (arithmetic shift of a signed
 *           difference), idle-time decay (1 - w)^m by halvings plus single steps, linear drop
 *           probability between the thresholds by a precomputed reciprocal of the range,
 *           count correction pa = pb / (1 - count * pb); the random value is given (Q16).
 * computes: 1 if the arriving packet is dropped, 0 if it is queued.
 */
// clara-corpus: class=none entry=red_on_enqueue signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RED_FP          10          /* avg_fp = average bytes << RED_FP */
#define RED_WLOG         9          /* w_q = 1/512 */
#define RED_HALF_STEPS 355u         /* (1 - 1/512)^355 ~ 1/2 */
#define RED_P_ONE    65536u         /* probabilities in Q16 */

typedef struct {
    uint64_t avg_fp;
    uint64_t inv_range;             /* 2^32 / (max_th - min_th) */
    uint32_t min_th, max_th;        /* bytes */
    uint32_t max_p;                 /* Q16 */
    uint32_t inv_pkt_time;          /* 65536 / typical packet time (us) */
    uint32_t last_us;
    uint32_t count;                 /* packets since the last drop */
    uint32_t drops;
    uint32_t pad;
} red_queue_t;

void red_setup(red_queue_t *q, uint32_t min_th, uint32_t max_th, uint32_t max_p_q16,
               uint32_t pkt_time_us)
{
    uint32_t range = max_th > min_th ? max_th - min_th : 1u;
    memset(q, 0, sizeof(*q));
    q->min_th = min_th;
    q->max_th = max_th;
    q->max_p = max_p_q16;
    q->inv_range = (1ull << 32) / range;
    q->inv_pkt_time = RED_P_ONE / (pkt_time_us ? pkt_time_us : 1u);
}

static inline uint64_t red_idle_decay(uint64_t avg, uint32_t m)
{
    while (m >= RED_HALF_STEPS && avg != 0) {
        avg >>= 1;
        m -= RED_HALF_STEPS;
    }
    for (; m != 0 && avg != 0; m--)
        avg -= avg >> RED_WLOG;
    return avg;
}

static inline uint64_t red_ewma(uint64_t avg, uint32_t qlen)
{
    int64_t diff = ((int64_t)qlen << RED_FP) - (int64_t)avg;
    return (uint64_t)((int64_t)avg + (diff >> RED_WLOG));
}

static inline uint32_t red_prob_base(const red_queue_t *q, uint32_t avg_b)
{
    uint64_t frac = ((uint64_t)(avg_b - q->min_th) * q->inv_range) >> 16;   /* Q16 */
    return (uint32_t)((frac * q->max_p) >> 16);
}

static inline uint32_t red_prob_adjust(uint32_t pb, uint32_t count)
{
    uint64_t cpb = (uint64_t)count * pb;
    if (cpb >= RED_P_ONE)
        return RED_P_ONE;
    return (uint32_t)(((uint64_t)pb << 16) / (RED_P_ONE - cpb));
}

int red_on_enqueue(red_queue_t *q, uint32_t now_us, uint32_t qlen_bytes, uint32_t rnd16)
{
    if (qlen_bytes == 0) {
        uint32_t idle = now_us - q->last_us;
        uint32_t m = (uint32_t)(((uint64_t)idle * q->inv_pkt_time) >> 16);
        q->avg_fp = red_idle_decay(q->avg_fp, m);
    } else {
        q->avg_fp = red_ewma(q->avg_fp, qlen_bytes);
    }
    q->last_us = now_us;

    uint32_t avg_b = (uint32_t)(q->avg_fp >> RED_FP);
    int drop = 0;
    if (avg_b < q->min_th) {
        q->count = 0;
    } else if (avg_b >= q->max_th) {
        drop = 1;
    } else {
        q->count++;
        uint32_t pa = red_prob_adjust(red_prob_base(q, avg_b), q->count);
        drop = (rnd16 & 0xffffu) < pa;
    }
    if (drop) {
        q->count = 0;
        q->drops++;
    }
    return drop;
}
