/*
 * class: checksum
 * variant: incremental API over arbitrary chunks: the context keeps a 32-bit sum and a pending
 *          odd byte, so a chunk boundary may split a 16-bit word; final() folds and complements.
 * computes: Internet checksum (complemented) of the concatenated chunks, big-endian word value.
 */
// clara-corpus: class=checksum entry=inet_stream_oneshot signature=struct_u16 ref=inet api=inet_stream_init,inet_stream_update,inet_stream_final helpers=inet_stream_init,inet_stream_update,inet_stream_final
#include <stddef.h>
#include <stdint.h>

struct inet_stream {
    uint32_t sum;
    uint8_t pending;
    uint8_t have_pending;
};

void inet_stream_init(struct inet_stream *s)
{
    s->sum = 0;
    s->pending = 0;
    s->have_pending = 0;
}

void inet_stream_update(struct inet_stream *s, const uint8_t *p, size_t n)
{
    size_t i = 0;
    if (s->have_pending && n) {
        s->sum += (uint32_t)s->pending << 8 | p[0];
        s->have_pending = 0;
        i = 1;
    }
    for (; i + 1 < n; i += 2) {
        s->sum += (uint32_t)p[i] << 8 | p[i + 1];
        if (s->sum & 0x80000000u)
            s->sum = (s->sum & 0xffff) + (s->sum >> 16);
    }
    if (i < n) {
        s->pending = p[i];
        s->have_pending = 1;
    }
}

uint16_t inet_stream_final(struct inet_stream *s)
{
    uint32_t t = s->sum;
    if (s->have_pending)
        t += (uint32_t)s->pending << 8;
    while (t >> 16)
        t = (t & 0xffff) + (t >> 16);
    return (uint16_t)~t;
}

uint16_t inet_stream_oneshot(const uint8_t *p, size_t n)
{
    struct inet_stream s;
    inet_stream_init(&s);
    inet_stream_update(&s, p, n);
    return inet_stream_final(&s);
}
