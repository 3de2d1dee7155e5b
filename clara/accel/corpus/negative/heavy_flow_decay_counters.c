/*
 * class:    none (negative example)
 * variant:  heavy-flow detector on a direct-mapped array of 16-bit scores indexed by a given
 *           flow index masked to the table size: per packet a saturating add of the length in
 *           64-byte units and of a packet count; every 100 ms all byte scores decay by 7/8
 *           (c - c/8, per elapsed period, at most eight catch-up periods) and packet counts
 *           are halved per period.
 * computes: (packets << 16) | byte score of the packet's slot after the update.
 */
// clara-corpus: class=none entry=hh_on_packet signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define HH_SLOTS        512u
#define HH_MASK         (HH_SLOTS - 1u)
#define HH_PERIOD_MS    100u
#define HH_MAX_CATCHUP    8u
#define HH_SAT       0xffffu
#define HH_HEAVY      40000u

static uint16_t hh_bytes[HH_SLOTS];     /* decayed byte score, 64-byte units */
static uint16_t hh_pkts[HH_SLOTS];      /* packets, halved each period */
static uint32_t hh_last_decay;
static uint32_t hh_heavy_events;

void hh_reset(uint32_t now_ms)
{
    memset(hh_bytes, 0, sizeof(hh_bytes));
    memset(hh_pkts, 0, sizeof(hh_pkts));
    hh_last_decay = now_ms;
    hh_heavy_events = 0;
}

uint32_t hh_heavy_count(void)
{
    return hh_heavy_events;
}

static inline uint16_t hh_sat_add(uint16_t c, uint32_t inc)
{
    uint32_t s = (uint32_t)c + inc;
    return (uint16_t)(s > HH_SAT ? HH_SAT : s);
}

static inline uint16_t hh_decay_7_8(uint16_t c)
{
    return (uint16_t)(c - (c >> 3));
}

static inline uint32_t hh_len_units(uint32_t len)
{
    uint32_t u = (len + 63u) >> 6;
    return u ? u : 1u;
}

static inline void hh_age_all(uint32_t rounds)
{
    for (uint32_t i = 0; i < HH_SLOTS; i++) {
        uint16_t b = hh_bytes[i];
        for (uint32_t r = 0; r < rounds; r++)
            b = hh_decay_7_8(b);
        hh_bytes[i] = b;
        hh_pkts[i] = (uint16_t)(hh_pkts[i] >> rounds);
    }
}

uint32_t hh_on_packet(uint32_t now_ms, uint32_t flow_idx, uint32_t len)
{
    uint32_t elapsed = now_ms - hh_last_decay;

    if (elapsed >= HH_PERIOD_MS) {
        uint32_t rounds = elapsed / HH_PERIOD_MS;
        if (rounds > HH_MAX_CATCHUP)
            rounds = HH_MAX_CATCHUP;
        hh_age_all(rounds);
        hh_last_decay = now_ms - elapsed % HH_PERIOD_MS;
    }

    uint32_t slot = flow_idx & HH_MASK;
    hh_bytes[slot] = hh_sat_add(hh_bytes[slot], hh_len_units(len));
    hh_pkts[slot] = hh_sat_add(hh_pkts[slot], 1u);
    if (hh_bytes[slot] >= HH_HEAVY)
        hh_heavy_events++;
    return ((uint32_t)hh_pkts[slot] << 16) | hh_bytes[slot];
}
