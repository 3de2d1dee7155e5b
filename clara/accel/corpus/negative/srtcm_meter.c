/*
 * class:    none (negative example)
 * variant:  single-rate three-color marker (RFC 2697, color-blind): committed and excess token
 *           buckets refilled from elapsed time, a packet is green if C has enough tokens,
 *           yellow if E has, else red.
 * computes: the color (0 green, 1 yellow, 2 red) of each packet of a batch.
 */
// clara-corpus: class=none entry=srtcm_color_batch signature=custom
#include <stdint.h>
#include <stddef.h>

struct srtcm {
    uint64_t cir_bytes_per_s, cbs, ebs;
    uint64_t tc, te;
    uint64_t last_ns;
};

void srtcm_init(struct srtcm *m, uint64_t cir, uint64_t cbs, uint64_t ebs)
{
    m->cir_bytes_per_s = cir;
    m->cbs = m->tc = cbs;
    m->ebs = m->te = ebs;
    m->last_ns = 0;
}

static int srtcm_color(struct srtcm *m, uint64_t now_ns, uint32_t len)
{
    uint64_t add = (now_ns - m->last_ns) * m->cir_bytes_per_s / 1000000000ull;
    m->last_ns = now_ns;
    uint64_t room_c = m->cbs - m->tc;
    if (add <= room_c) {
        m->tc += add;
    } else {
        m->tc = m->cbs;
        add -= room_c;
        m->te = m->te + add > m->ebs ? m->ebs : m->te + add;
    }
    if (m->tc >= len) {
        m->tc -= len;
        return 0;
    }
    if (m->te >= len) {
        m->te -= len;
        return 1;
    }
    return 2;
}

void srtcm_color_batch(struct srtcm *m, const uint64_t *ts, const uint32_t *lens, size_t n,
                       uint8_t *colors)
{
    for (size_t i = 0; i < n; i++)
        colors[i] = (uint8_t)srtcm_color(m, ts[i], lens[i]);
}
