/*
 * class:    none (negative example)
 * variant:  CoDel dequeue-side decision (RFC 8289): sojourn time against a 5 ms target over a
 *           100 ms interval, drop spacing by the control law interval / sqrt(count) with
 *           1/sqrt(count) kept in Q16 and refreshed by one integer Newton step per change of
 *           count; wrapping microsecond clock compared by signed differences.
 * computes: 1 if the packet at the head should be dropped, 0 to send it.
 */
// clara-corpus: class=none entry=codel_on_dequeue signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define CODEL_TARGET_US      5000u
#define CODEL_INTERVAL_US  100000u
#define CODEL_MTU            1514u
#define CODEL_ONE_Q16       65536u

struct codel_vars {
    uint32_t count;
    uint32_t lastcount;
    uint32_t rec_inv_sqrt;    /* 1 / sqrt(count), Q16 */
    uint32_t first_above;     /* 0: sojourn below target */
    uint32_t drop_next;
    uint32_t dropping;
    uint32_t drops;
};

static inline int codel_after_eq(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b) >= 0;
}

static inline void codel_newton(struct codel_vars *v)
{
    /* y <- y * (3 - count * y^2) / 2 */
    uint64_t y = v->rec_inv_sqrt;
    uint64_t y2 = (y * y) >> 16;
    uint64_t three = 3ull << 16;
    uint64_t cy2 = (uint64_t)v->count * y2;
    uint64_t t = cy2 >= three ? 0 : three - cy2;
    v->rec_inv_sqrt = (uint32_t)((y * t) >> 17);
}

static inline uint32_t codel_control_law(uint32_t t, uint32_t rec_q16)
{
    return t + (uint32_t)(((uint64_t)CODEL_INTERVAL_US * rec_q16) >> 16);
}

static inline int codel_ok_to_drop(struct codel_vars *v, uint32_t now, uint32_t sojourn,
                                   uint32_t backlog)
{
    if (sojourn < CODEL_TARGET_US || backlog <= CODEL_MTU) {
        v->first_above = 0;
        return 0;
    }
    if (v->first_above == 0) {
        v->first_above = now + CODEL_INTERVAL_US;
        return 0;
    }
    return codel_after_eq(now, v->first_above);
}

int codel_on_dequeue(struct codel_vars *v, uint32_t now, uint32_t enq_ts, uint32_t backlog)
{
    uint32_t sojourn = now - enq_ts;
    int ok = codel_ok_to_drop(v, now, sojourn, backlog);

    if (v->dropping) {
        if (!ok) {
            v->dropping = 0;
            return 0;
        }
        if (!codel_after_eq(now, v->drop_next))
            return 0;
        v->count++;
        codel_newton(v);
        v->drop_next = codel_control_law(v->drop_next, v->rec_inv_sqrt);
        v->drops++;
        return 1;
    }
    if (!ok)
        return 0;

    v->dropping = 1;
    uint32_t delta = v->count - v->lastcount;
    if (delta > 1 && now - v->drop_next < 16u * CODEL_INTERVAL_US) {
        v->count = delta;                       /* resume near the previous rate */
        codel_newton(v);
    } else {
        v->count = 1;
        v->rec_inv_sqrt = CODEL_ONE_Q16;
    }
    v->lastcount = v->count;
    v->drop_next = codel_control_law(now, v->rec_inv_sqrt);
    v->drops++;
    return 1;
}
