/*
 * class:    none (negative example)
 * variant:  per-client fixed-window request limiter: a direct-mapped table indexed by
 *           client id modulo its size, counter reset when the one-second window changes.
 * computes: 1 if the request is allowed, 0 if the client exceeded its per-second quota.
 */
// clara-corpus: class=none entry=rl_allow signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RL_SLOTS 256
#define RL_QUOTA 5

struct rl_slot {
    uint32_t client;
    uint32_t window;
    uint32_t count;
};

static struct rl_slot rl_tab[RL_SLOTS];

int rl_allow(uint32_t client, uint32_t now_s)
{
    struct rl_slot *s = &rl_tab[client % RL_SLOTS];

    if (s->client != client || s->window != now_s) {
        s->client = client;
        s->window = now_s;
        s->count = 0;
    }
    if (s->count >= RL_QUOTA)
        return 0;
    s->count++;
    return 1;
}
