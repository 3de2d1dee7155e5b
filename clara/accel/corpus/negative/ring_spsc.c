/*
 * class:    none (negative example)
 * variant:  single-producer/single-consumer ring of packet descriptors, power-of-two size,
 *           free-running head/tail counters masked on access.
 * computes: ring_push returns 0 on success, -1 when full (ring_pop: 1/0 with *out).
 */
// clara-corpus: class=none entry=ring_push signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RING_SIZE 256
#define RING_MASK (RING_SIZE - 1)

static uint64_t ring_slots[RING_SIZE];
static volatile uint32_t ring_head; /* producer */
static volatile uint32_t ring_tail; /* consumer */

void ring_reset(void)
{
    ring_head = ring_tail = 0;
}

int ring_push(uint64_t desc)
{
    uint32_t h = ring_head;
    if (h - ring_tail == RING_SIZE)
        return -1;
    ring_slots[h & RING_MASK] = desc;
    ring_head = h + 1;
    return 0;
}

int ring_pop(uint64_t *out)
{
    uint32_t t = ring_tail;
    if (t == ring_head)
        return 0;
    *out = ring_slots[t & RING_MASK];
    ring_tail = t + 1;
    return 1;
}
