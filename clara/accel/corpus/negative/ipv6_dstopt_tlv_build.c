/*
 * class:    none (negative example)
 * variant:  IPv6 Destination Options header writer (RFC 8200 section 4.2/4.6): options come
 *           as parallel arrays (type, data length, alignment code) plus one blob of data;
 *           each option is preceded by padding that meets its alignment requirement
 *           (code x << 4 | y means offset % x == y, x a power of two, 0 = none), written as
 *           Pad1 (one zero byte) or PadN (type 1, length, zero bytes). Type 0 in the list
 *           is a lone Pad1. The header ends padded to a multiple of 8 bytes, and the Hdr Ext
 *           Len byte is set to (size / 8) - 1. Byte-store and index copy loops only.
 * computes: dstopt_build(out, cap, next_hdr, types, lens, aligns, data, nopts) returns the
 *           header size written to out, or 0 if it would exceed cap or 2048 bytes.
 */
// clara-corpus: class=none entry=dstopt_build signature=custom
#include <stdint.h>
#include <stddef.h>

#define OPT_PAD1 0
#define OPT_PADN 1
#define HDR_MAX 2048

/* n bytes of padding at out[off]; returns the new offset */
static inline size_t put_pad(uint8_t *out, size_t off, size_t n)
{
    uint8_t *p = out + off;

    if (n == 1) {
        *p = OPT_PAD1;
    } else if (n >= 2) {
        size_t z = n - 2;
        *p++ = OPT_PADN;
        *p++ = (uint8_t)z;
        while (z--)
            *p++ = 0;
    }
    return off + n;
}

static inline size_t pad_for(size_t off, uint8_t align)
{
    size_t x = align >> 4, y = align & 15u;
    if (x == 0)
        return 0;
    return (y + x - (off & (x - 1))) & (x - 1);
}

static inline void put_bytes(uint8_t *d, const uint8_t *s, size_t n)
{
    size_t j;
    for (j = 0; j < n; j++)
        d[j] = s[j];
}

size_t dstopt_build(uint8_t *out, size_t cap, uint8_t next_hdr, const uint8_t *types,
                    const uint8_t *lens, const uint8_t *aligns, const uint8_t *data,
                    unsigned nopts)
{
    size_t off = 2, src = 0, pad, end, limit = cap < HDR_MAX ? cap : HDR_MAX;
    unsigned i;

    for (i = 0; i < nopts; i++) {
        if (types[i] == OPT_PAD1) {
            if (off + 1 > limit)
                return 0;
            off = put_pad(out, off, 1);
            continue;
        }
        pad = pad_for(off, aligns[i]);
        if (off + pad + 2 + lens[i] > limit)
            return 0;
        off = put_pad(out, off, pad);
        out[off] = types[i];
        out[off + 1] = lens[i];
        put_bytes(out + off + 2, data + src, lens[i]);
        off += 2 + (size_t)lens[i];
        src += lens[i];
    }

    end = (off + 7) & ~(size_t)7;
    if (end > limit)
        return 0;
    put_pad(out, off, end - off);
    out[0] = next_hdr;
    out[1] = (uint8_t)(end / 8 - 1);
    return end;
}
