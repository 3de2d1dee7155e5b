/*
 * class:    none (negative example)
 * variant:  LRU cache bookkeeping for a fixed pool of slots: doubly linked recency list
 *           threaded through index arrays; lookup is a linear key scan (small cache).
 * computes: lru_touch returns the slot for key (moving it to the front), evicting the
 *           least-recently-used slot for a new key.
 */
// clara-corpus: class=none entry=lru_touch signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LRU_SLOTS 16

static uint32_t lru_key[LRU_SLOTS];
static int8_t lru_prev[LRU_SLOTS], lru_next[LRU_SLOTS];
static uint8_t lru_used[LRU_SLOTS];
static int lru_head = -1, lru_tail = -1;

static void lru_unlink(int s)
{
    if (lru_prev[s] >= 0) lru_next[lru_prev[s]] = lru_next[s]; else lru_head = lru_next[s];
    if (lru_next[s] >= 0) lru_prev[lru_next[s]] = lru_prev[s]; else lru_tail = lru_prev[s];
}

static void lru_push_front(int s)
{
    lru_prev[s] = -1;
    lru_next[s] = (int8_t)lru_head;
    if (lru_head >= 0)
        lru_prev[lru_head] = (int8_t)s;
    lru_head = s;
    if (lru_tail < 0)
        lru_tail = s;
}

void lru_reset(void)
{
    memset(lru_used, 0, sizeof(lru_used));
    lru_head = lru_tail = -1;
}

int lru_touch(uint32_t key, int *evicted)
{
    int s;
    *evicted = 0;
    for (s = 0; s < LRU_SLOTS; s++) {
        if (lru_used[s] && lru_key[s] == key) {
            lru_unlink(s);
            lru_push_front(s);
            return s;
        }
    }
    for (s = 0; s < LRU_SLOTS; s++)
        if (!lru_used[s])
            break;
    if (s == LRU_SLOTS) {
        s = lru_tail;
        lru_unlink(s);
        *evicted = 1;
    }
    lru_used[s] = 1;
    lru_key[s] = key;
    lru_push_front(s);
    return s;
}
