/*
 * class:    none (negative example)
 * variant:  binary min-heap of 64-bit deadlines (deadline << 16 | timer id) used as a
 *           timer queue: sift-up on push, sift-down on pop.
 * computes: timerq_pop returns the earliest entry (0 when empty).
 */
// clara-corpus: class=none entry=timerq_pop signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define TQ_CAP 4096

static uint64_t tq[TQ_CAP];
static size_t tq_n;

int timerq_push(uint64_t v)
{
    size_t i;
    if (tq_n >= TQ_CAP)
        return -1;
    i = tq_n++;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (tq[parent] <= v)
            break;
        tq[i] = tq[parent];
        i = parent;
    }
    tq[i] = v;
    return 0;
}

uint64_t timerq_pop(void)
{
    uint64_t top, last;
    size_t i = 0;

    if (tq_n == 0)
        return 0;
    top = tq[0];
    last = tq[--tq_n];
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= tq_n)
            break;
        if (c + 1 < tq_n && tq[c + 1] < tq[c])
            c++;
        if (last <= tq[c])
            break;
        tq[i] = tq[c];
        i = c;
    }
    tq[i] = last;
    return top;
}
