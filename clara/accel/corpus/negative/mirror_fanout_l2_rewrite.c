/*
 * class:    none (negative example)
 * variant:  port mirroring / L2 multicast replication: one received frame is copied into a
 *           fixed-stride output buffer once per target; each copy gets the target's
 *           destination MAC and the mirror port's source MAC (6-byte store loops) and, when
 *           the target has a nonzero TCI, an 802.1Q tag: an untagged frame is copied in two
 *           pieces around a pushed 4-byte tag, a tagged frame has its TCI overwritten.
 *           Copies use an index loop unrolled by two. Targets whose copy would exceed the
 *           stride get length 0.
 * computes: mirror_fanout(pkt, len, src_mac, targets, n, out, stride, out_len) fills
 *           out + i * stride and out_len[i] for each target; returns the number of copies
 *           made (0 for frames shorter than 14 bytes).
 */
// clara-corpus: class=none entry=mirror_fanout signature=custom
#include <stdint.h>
#include <stddef.h>

struct mirror_target {
    uint8_t mac[6];
    uint16_t tci; /* 0: leave the VLAN tagging as received */
};

static inline void copy_span(uint8_t *d, const uint8_t *s, size_t n)
{
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        d[i] = s[i];
        d[i + 1] = s[i + 1];
    }
    if (i < n)
        d[i] = s[i];
}

static inline void put_mac(uint8_t *d, const uint8_t *mac)
{
    int i;
    for (i = 0; i < 6; i++)
        d[i] = mac[i];
}

static inline void put16(uint8_t *d, uint16_t v)
{
    d[0] = (uint8_t)(v >> 8);
    d[1] = (uint8_t)v;
}

size_t mirror_fanout(const uint8_t *pkt, size_t len, const uint8_t *src_mac,
                     const struct mirror_target *targets, unsigned n, uint8_t *out,
                     size_t stride, uint16_t *out_len)
{
    int tagged;
    size_t made = 0;
    unsigned i;

    if (len < 14)
        return 0;
    tagged = pkt[12] == 0x81 && pkt[13] == 0x00 && len >= 18;

    for (i = 0; i < n; i++) {
        const struct mirror_target *t = &targets[i];
        uint8_t *o = out + (size_t)i * stride;
        size_t olen = len;

        if (t->tci != 0 && !tagged)
            olen = len + 4;
        if (olen > stride || olen > 0xffff) {
            out_len[i] = 0;
            continue;
        }
        if (t->tci != 0 && !tagged) {
            copy_span(o, pkt, 12);
            put16(o + 12, 0x8100);
            put16(o + 14, t->tci);
            copy_span(o + 16, pkt + 12, len - 12);
        } else {
            copy_span(o, pkt, len);
            if (t->tci != 0)
                put16(o + 14, t->tci);
        }
        put_mac(o, t->mac);
        put_mac(o + 6, src_mac);
        out_len[i] = (uint16_t)olen;
        made++;
    }
    return made;
}
