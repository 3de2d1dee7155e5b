/*
 * class:    none (negative example)
 * variant:  L2 flooding / multicast egress: the packet descriptor is enqueued on every port
 *           of a 128-port membership bitmap (two 64-bit words) that is link-up, except the
 *           ingress port (split horizon). A per-word loop with shifts first builds a
 *           backpressure mask of full queues (those ports count a drop); the remaining set
 *           bits are walked lowest first with ctz and m &= m - 1, the descriptor stored in
 *           each port's power-of-two ring (free-running head/tail indices, masked).
 * computes: flood_enqueue(q, member, link_up, in_port, desc, sent) returns the number of
 *           ports enqueued and lists them in sent[] in increasing order; q->drops counts
 *           the skipped full ports. in_port is masked to the port range.
 */
// clara-corpus: class=none entry=flood_enqueue signature=custom
#include <stdint.h>
#include <stddef.h>

#define PQ_PORTS 128
#define PQ_WORDS (PQ_PORTS / 64)
#define PQ_DEPTH 8

struct port_queues {
    uint32_t ring[PQ_PORTS][PQ_DEPTH];
    uint32_t head[PQ_PORTS]; /* producer, free running */
    uint32_t tail[PQ_PORTS]; /* consumer, free running */
    uint32_t drops[PQ_PORTS];
};

static inline int queue_full(const struct port_queues *q, unsigned port)
{
    return q->head[port] - q->tail[port] >= PQ_DEPTH;
}

static inline void queue_put(struct port_queues *q, unsigned port, uint32_t desc)
{
    q->ring[port][q->head[port] & (PQ_DEPTH - 1)] = desc;
    q->head[port]++;
}

static inline uint64_t full_mask(const struct port_queues *q, unsigned word, uint64_t cand)
{
    uint64_t full = 0;
    unsigned b;
    for (b = 0; b < 64; b++) {
        if (((cand >> b) & 1) && queue_full(q, word * 64 + b))
            full |= (uint64_t)1 << b;
    }
    return full;
}

unsigned flood_enqueue(struct port_queues *q, const uint64_t *member, const uint64_t *link_up,
                       unsigned in_port, uint32_t desc, uint16_t *sent)
{
    unsigned w, n = 0;

    in_port &= PQ_PORTS - 1;
    for (w = 0; w < PQ_WORDS; w++) {
        uint64_t m = member[w] & link_up[w];
        uint64_t full, f;

        if (in_port / 64 == w)
            m &= ~((uint64_t)1 << (in_port % 64));
        full = full_mask(q, w, m);
        for (f = full; f; f &= f - 1)
            q->drops[w * 64 + (unsigned)__builtin_ctzll(f)]++;
        m &= ~full;
        while (m) {
            unsigned port = w * 64 + (unsigned)__builtin_ctzll(m);
            m &= m - 1;
            queue_put(q, port, desc);
            sent[n++] = (uint16_t)port;
        }
    }
    return n;
}
