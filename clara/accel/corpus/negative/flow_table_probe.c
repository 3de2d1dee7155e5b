/*
 * class:    none (negative example)
 * variant:  flow-table bookkeeping with open addressing / linear probing. The hash is
 *           computed elsewhere (by the NIC's RSS or a caller) and passed in; this file only
 *           probes, compares keys, inserts and tombstones.
 * computes: flow_find_hashed returns the stored value for (key, hash) or -1.
 */
// clara-corpus: class=none entry=flow_find_hashed signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define FT_SLOTS 1024
#define FT_EMPTY 0
#define FT_USED 1
#define FT_DEAD 2

struct ft_slot {
    uint64_t key;
    uint32_t hash;
    int32_t value;
    uint8_t state;
};

static struct ft_slot ft[FT_SLOTS];

void flow_table_clear(void)
{
    memset(ft, 0, sizeof(ft));
}

int flow_insert_hashed(uint64_t key, uint32_t hash, int32_t value)
{
    unsigned i, idx;
    for (i = 0; i < FT_SLOTS; i++) {
        idx = (hash + i) & (FT_SLOTS - 1);
        if (ft[idx].state != FT_USED || (ft[idx].hash == hash && ft[idx].key == key)) {
            ft[idx].key = key;
            ft[idx].hash = hash;
            ft[idx].value = value;
            ft[idx].state = FT_USED;
            return (int)idx;
        }
    }
    return -1;
}

int flow_erase_hashed(uint64_t key, uint32_t hash)
{
    unsigned i, idx;
    for (i = 0; i < FT_SLOTS; i++) {
        idx = (hash + i) & (FT_SLOTS - 1);
        if (ft[idx].state == FT_EMPTY)
            return -1;
        if (ft[idx].state == FT_USED && ft[idx].hash == hash && ft[idx].key == key) {
            ft[idx].state = FT_DEAD;
            return 0;
        }
    }
    return -1;
}

int32_t flow_find_hashed(uint64_t key, uint32_t hash)
{
    unsigned i;
    for (i = 0; i < FT_SLOTS; i++) {
        const struct ft_slot *s = &ft[(hash + i) & (FT_SLOTS - 1)];
        if (s->state == FT_EMPTY)
            break;
        if (s->state == FT_USED && s->hash == hash && s->key == key)
            return s->value;
    }
    return -1;
}
