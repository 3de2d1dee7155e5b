/*
 * class:    none (negative example)
 * variant:  session-timeout queue kept as an array of {deadline, id} sorted by deadline:
 *           arming finds the insertion point with an upper-bound binary search (equal
 *           deadlines stay in arming order) and opens a gap with memmove; expiry finds how many
 *           leading timers have deadline <= now with the same search, reports their ids in
 *           order and closes the gap with memmove. Time-ordered search, not prefix match.
 * computes: tq_expire(now, fired, max) returns k = min(max, #deadlines <= now), writes the k
 *           earliest ids to fired[] and removes them; tq_arm returns 0, or -1 when full.
 */
// clara-corpus: class=none entry=tq_expire signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define TQ_CAP 512

struct tq_timer {
    uint64_t deadline;
    uint32_t id;
    uint32_t flags;
};

static struct tq_timer tq[TQ_CAP];
static size_t tq_len;

static inline uint64_t tq_deadline_at(size_t i)
{
    return tq[i].deadline;
}

/* first index whose deadline is > t (so every timer before it is due at t) */
static inline size_t tq_upper_bound(uint64_t t)
{
    size_t lo = 0, hi = tq_len;

    while (lo < hi) {
        size_t mid = (lo + hi) >> 1;
        if (tq_deadline_at(mid) <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void tq_reset(void)
{
    tq_len = 0;
}

size_t tq_pending(void)
{
    return tq_len;
}

int tq_arm(uint64_t deadline, uint32_t id)
{
    size_t at;

    if (tq_len == TQ_CAP)
        return -1;
    at = tq_upper_bound(deadline);
    memmove(&tq[at + 1], &tq[at], (tq_len - at) * sizeof(tq[0]));
    tq[at].deadline = deadline;
    tq[at].id = id;
    tq[at].flags = 0;
    tq_len++;
    return 0;
}

size_t tq_expire(uint64_t now, uint32_t *fired, size_t max)
{
    size_t due, i;

    if (tq_len == 0 || tq_deadline_at(0) > now)
        return 0;                               /* nothing due: the head is the earliest */
    due = tq_upper_bound(now);
    if (due > max)
        due = max;
    for (i = 0; i < due; i++)
        fired[i] = tq[i].id;
    memmove(&tq[0], &tq[due], (tq_len - due) * sizeof(tq[0]));
    tq_len -= due;
    return due;
}
