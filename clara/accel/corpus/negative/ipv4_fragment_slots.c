/*
 * class:    none (negative example)
 * variant:  IPv4 fragmentation on egress into fixed-size output slots: every fragment gets
 *           a copy of the whole header (options included, copied as 32-bit words), its
 *           total length and fragment field rewritten (offset in 8-byte units added to the
 *           original offset, MF set on all but the last, the last keeping the original MF),
 *           the header checksum field zeroed for the transmit offload, and its payload
 *           chunk copied with a do/while byte loop. A packet that fits is copied unchanged.
 * computes: ip_fragment(pkt, len, mtu, out, slot, max_frags, frag_len) writes fragment k at
 *           out + k * slot and its length to frag_len[k]; returns the number of fragments,
 *           or 0 if the header is invalid, DF is set on a packet over the MTU, the MTU leaves
 *           no room for 8 payload bytes, mtu > slot, or more than max_frags are needed.
 */
// clara-corpus: class=none entry=ip_fragment signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define IP_DF 0x4000u
#define IP_MF 0x2000u
#define IP_OFFMASK 0x1fffu

static inline unsigned get16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static inline void set16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)(v & 0xff);
}

static inline void copy_words(uint8_t *d, const uint8_t *s, size_t nwords)
{
    size_t i;
    for (i = 0; i < nwords; i++) {
        uint32_t w;
        memcpy(&w, s + 4 * i, 4);
        memcpy(d + 4 * i, &w, 4);
    }
}

static inline void copy_bytes(uint8_t *d, const uint8_t *s, size_t n)
{
    if (n == 0)
        return;
    do {
        *d++ = *s++;
    } while (--n);
}

size_t ip_fragment(const uint8_t *pkt, size_t len, size_t mtu, uint8_t *out, size_t slot,
                   unsigned max_frags, uint16_t *frag_len)
{
    size_t hl, tl, data, chunk, done, nfrag;
    unsigned field, base_off;

    if (len < 20 || (pkt[0] >> 4) != 4)
        return 0;
    hl = (size_t)(pkt[0] & 15) * 4;
    tl = get16(pkt + 2);
    if (hl < 20 || tl < hl || tl > len || mtu > slot || max_frags == 0)
        return 0;
    if (tl <= mtu) {
        copy_bytes(out, pkt, tl);
        frag_len[0] = (uint16_t)tl;
        return 1;
    }
    field = get16(pkt + 6);
    if ((field & IP_DF) || mtu < hl + 8)
        return 0;

    chunk = (mtu - hl) & ~(size_t)7;
    data = tl - hl;
    nfrag = (data + chunk - 1) / chunk;
    if (nfrag > max_frags)
        return 0;
    base_off = field & IP_OFFMASK;

    for (done = 0, nfrag = 0; done < data; nfrag++) {
        uint8_t *f = out + nfrag * slot;
        size_t piece = data - done < chunk ? data - done : chunk;
        unsigned nf = (field & ~(IP_MF | IP_OFFMASK)) |
                      ((base_off + (unsigned)(done >> 3)) & IP_OFFMASK);

        if (done + piece < data || (field & IP_MF))
            nf |= IP_MF;
        copy_words(f, pkt, hl / 4);
        set16(f + 2, (unsigned)(hl + piece));
        set16(f + 6, nf);
        set16(f + 10, 0);
        copy_bytes(f + hl, pkt + hl + done, piece);
        frag_len[nfrag] = (uint16_t)(hl + piece);
        done += piece;
    }
    return nfrag;
}
