/*
 * class:    none (negative example)
 * variant:  middlebox TCP header rewrite: data offset and the 9 flag bits (NS..FIN) read by
 *           small accessors, the options of a SYN searched for MSS (kind 2, length 4) and
 *           window scale (kind 3, length 3); the MSS is clamped to the flow's maximum and the
 *           shift count (at most 14, RFC 7323) remembered. Later segments' windows are scaled
 *           by that shift, capped at the flow's byte limit by rewriting the 16-bit field
 *           (cap >> shift). The TCP checksum is left to the offload engine (no checksum code).
 * computes: 1 if the header was rewritten, 0 if not, -1 malformed (short, bad data offset,
 *           SYN together with FIN or RST, or no flag at all); fl->last_wnd holds the effective
 *           (scaled) window of the segment, unscaled for a SYN.
 */
// clara-corpus: class=none entry=tcp_clamp_segment signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define TH_FIN 0x001u
#define TH_SYN 0x002u
#define TH_RST 0x004u
#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_MSS 2
#define TCPOPT_WSCALE 3
#define WSCALE_MAX 14

struct tcp_clamp_flow {
    uint16_t mss_max;
    uint8_t wscale;     /* peer's shift count learned from its SYN */
    uint8_t pad;
    uint32_t wnd_cap;   /* 0 = no window cap */
    uint32_t last_wnd;
    uint32_t rewrites;
};

static inline unsigned rd16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static inline void wr16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static inline size_t tcp_doff(const uint8_t *th)
{
    return (size_t)(th[12] >> 4) << 2;
}

static inline unsigned tcp_flags(const uint8_t *th)
{
    return (unsigned)(th[12] & 0x01) << 8 | th[13];
}

/* offset of option `kind` with length `want` in opts[0..n), or -1 */
static inline long opt_find(const uint8_t *opts, size_t n, uint8_t kind, uint8_t want)
{
    size_t i = 0;

    while (i < n && opts[i] != TCPOPT_EOL) {
        if (opts[i] == TCPOPT_NOP) {
            i++;
            continue;
        }
        if (i + 1 >= n || opts[i + 1] < 2 || i + opts[i + 1] > n)
            return -1;
        if (opts[i] == kind)
            return opts[i + 1] == want ? (long)i : -1;
        i += opts[i + 1];
    }
    return -1;
}

int tcp_clamp_segment(uint8_t *th, size_t len, struct tcp_clamp_flow *fl)
{
    size_t doff;
    unsigned flags;
    long o;
    int changed = 0;
    uint32_t wnd;

    if (len < 20)
        return -1;
    doff = tcp_doff(th);
    flags = tcp_flags(th);
    if (doff < 20 || doff > len || flags == 0)
        return -1;
    if (flags & TH_SYN) {
        if (flags & (TH_FIN | TH_RST))
            return -1;
        o = opt_find(th + 20, doff - 20, TCPOPT_MSS, 4);
        if (o >= 0 && rd16(th + 20 + o + 2) > fl->mss_max) {
            wr16(th + 20 + o + 2, fl->mss_max);
            changed = 1;
        }
        o = opt_find(th + 20, doff - 20, TCPOPT_WSCALE, 3);
        fl->wscale = (uint8_t)(o < 0 ? 0 : th[20 + o + 2] > WSCALE_MAX ? WSCALE_MAX
                                                                     : th[20 + o + 2]);
        fl->last_wnd = rd16(th + 14);
    } else {
        wnd = (uint32_t)rd16(th + 14) << fl->wscale;
        if (fl->wnd_cap != 0 && wnd > fl->wnd_cap) {
            wr16(th + 14, fl->wnd_cap >> fl->wscale);
            wnd = (uint32_t)rd16(th + 14) << fl->wscale;
            changed = 1;
        }
        fl->last_wnd = wnd;
    }
    fl->rewrites += (uint32_t)changed;
    return changed;
}
