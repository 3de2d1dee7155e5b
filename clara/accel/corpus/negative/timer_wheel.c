/*
 * class:    none (negative example)
 * variant:  hashed timing wheel (Varghese & Lauck scheme 6): 256 slots of intrusive singly
 *           linked timer lists; each entry stores its absolute expiry; advancing the wheel
 *           walks the slots between the last and the current tick.
 * computes: tw_advance returns how many timers expired, their ids written to expired[].
 */
// clara-corpus: class=none entry=tw_advance signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define TW_SLOTS 256
#define TW_TIMERS 1024

struct tw_timer {
    uint32_t expiry;
    int32_t next;
    uint8_t armed;
};

static struct tw_timer tw_t[TW_TIMERS];
static int32_t tw_slot[TW_SLOTS];
static uint32_t tw_now;

void tw_init(uint32_t now)
{
    int i;
    for (i = 0; i < TW_SLOTS; i++)
        tw_slot[i] = -1;
    memset(tw_t, 0, sizeof(tw_t));
    tw_now = now;
}

int tw_add(int id, uint32_t expiry)
{
    unsigned s;
    if (id < 0 || id >= TW_TIMERS || expiry <= tw_now)
        return -1;
    s = expiry % TW_SLOTS;
    tw_t[id].expiry = expiry;
    tw_t[id].armed = 1;
    tw_t[id].next = tw_slot[s];
    tw_slot[s] = id;
    return 0;
}

unsigned tw_advance(uint32_t now, int32_t *expired, unsigned max)
{
    unsigned n = 0;
    while (tw_now < now) {
        int32_t *link;
        tw_now++;
        link = &tw_slot[tw_now % TW_SLOTS];
        while (*link >= 0) {
            struct tw_timer *t = &tw_t[*link];
            if (t->expiry <= tw_now && n < max) {
                expired[n++] = *link;
                t->armed = 0;
                *link = t->next;
            } else {
                link = &t->next;
            }
        }
    }
    return n;
}
