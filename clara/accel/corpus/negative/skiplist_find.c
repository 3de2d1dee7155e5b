/*
 * class:    none (negative example)
 * variant:  skip list of timers/sessions keyed by a 32-bit id: up to 8 levels, node levels
 *           from a small xorshift generator; the search walks each level's forward pointers
 *           from the top level down (pointer chasing in nested loops, exact match).
 * computes: sl_find returns the value for `key`, or -1.
 */
// clara-corpus: class=none entry=sl_find signature=custom
#include <stdint.h>
#include <stddef.h>

#define SL_LEVELS 8
#define SL_CAP 4096

struct sl_node {
    uint32_t key;
    int32_t value;
    struct sl_node *next[SL_LEVELS];
};

static struct sl_node sl_pool[SL_CAP];
static struct sl_node sl_head;
static size_t sl_used;
static uint32_t sl_rand = 0x1234567u;

void sl_clear(void)
{
    for (int l = 0; l < SL_LEVELS; l++)
        sl_head.next[l] = NULL;
    sl_used = 0;
}

static int sl_level(void)
{
    int lvl = 1;
    sl_rand ^= sl_rand << 13;
    sl_rand ^= sl_rand >> 17;
    sl_rand ^= sl_rand << 5;
    uint32_t r = sl_rand;
    while (lvl < SL_LEVELS && (r & 3) == 0) {
        lvl++;
        r >>= 2;
    }
    return lvl;
}

int sl_insert(uint32_t key, int32_t value)
{
    struct sl_node *update[SL_LEVELS];
    struct sl_node *x = &sl_head;
    for (int l = SL_LEVELS - 1; l >= 0; l--) {
        while (x->next[l] && x->next[l]->key < key)
            x = x->next[l];
        update[l] = x;
    }
    if (x->next[0] && x->next[0]->key == key) {
        x->next[0]->value = value;
        return 0;
    }
    if (sl_used == SL_CAP)
        return -1;
    struct sl_node *n = &sl_pool[sl_used++];
    int lvl = sl_level();
    n->key = key;
    n->value = value;
    for (int l = 0; l < SL_LEVELS; l++)
        n->next[l] = NULL;
    for (int l = 0; l < lvl; l++) {
        n->next[l] = update[l]->next[l];
        update[l]->next[l] = n;
    }
    return 0;
}

int32_t sl_find(uint32_t key)
{
    const struct sl_node *x = &sl_head;
    for (int l = SL_LEVELS - 1; l >= 0; l--)
        while (x->next[l] && x->next[l]->key < key)
            x = x->next[l];
    x = x->next[0];
    return (x && x->key == key) ? x->value : -1;
}
