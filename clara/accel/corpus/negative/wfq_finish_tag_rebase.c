/*
 * class:    none (negative example)
 * variant:  self-clocked fair queueing tagger at enqueue: the system virtual time follows the
 *           tag of the packet in service (given by the dequeue side), a packet starts at
 *           max(virtual time, its queue's last finish) and finishes len / weight later, with
 *           the division done by a per-queue Q16 reciprocal weight and virtual time in 1/256
 *           byte units; queue index = given id masked; all tags are rebased when they near
 *           the top of the 32-bit range.
 * computes: the finish tag of the packet.
 */
// clara-corpus: class=none entry=wfq_on_enqueue signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define WFQ_QUEUES     16u
#define WFQ_QMASK      (WFQ_QUEUES - 1u)
#define WFQ_VT_SHIFT    8                 /* virtual time in 1/256 units */
#define WFQ_REBASE_AT  0xC0000000u
#define WFQ_WIRE_EXTRA 24u                /* preamble, SFD, FCS, inter-frame gap */

struct wfq_sched {
    uint32_t vtime;
    uint32_t finish[WFQ_QUEUES];
    uint32_t inv_weight[WFQ_QUEUES];      /* 65536 / weight, 0 = unset (weight 1) */
    uint32_t rebases;
};

static inline uint32_t wfq_recip(uint32_t w)
{
    if (w == 0)
        w = 1;
    if (w > 65536u)
        w = 65536u;
    return 65536u / w;
}

static inline uint32_t wfq_max(uint32_t a, uint32_t b)
{
    return a > b ? a : b;
}

static inline uint32_t wfq_cost(uint32_t len, uint32_t inv_w)
{
    uint64_t wire = (uint64_t)len + WFQ_WIRE_EXTRA;
    return (uint32_t)((wire * inv_w) >> (16 - WFQ_VT_SHIFT));
}

static inline void wfq_rebase(struct wfq_sched *s)
{
    uint32_t base = s->vtime;
    for (uint32_t i = 0; i < WFQ_QUEUES; i++)
        s->finish[i] = s->finish[i] > base ? s->finish[i] - base : 0;
    s->vtime = 0;
    s->rebases++;
}

void wfq_set_weight(struct wfq_sched *s, uint32_t qid, uint32_t weight)
{
    s->inv_weight[qid & WFQ_QMASK] = wfq_recip(weight);
}

uint32_t wfq_on_enqueue(struct wfq_sched *s, uint32_t qid, uint32_t len, uint32_t in_service_tag)
{
    uint32_t q = qid & WFQ_QMASK;
    uint32_t inv = s->inv_weight[q] ? s->inv_weight[q] : wfq_recip(1);
    uint32_t cost = wfq_cost(len, inv);

    s->vtime = wfq_max(s->vtime, in_service_tag);
    uint32_t start = wfq_max(s->vtime, s->finish[q]);
    if (start >= WFQ_REBASE_AT - cost) {
        wfq_rebase(s);
        start = wfq_max(s->vtime, s->finish[q]);
    }
    s->finish[q] = start + cost;
    return s->finish[q];
}
