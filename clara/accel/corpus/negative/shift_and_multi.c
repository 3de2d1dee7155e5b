/*
 * class:    none (negative example)
 * variant:  Shift-And (bitap) multi-pattern matcher: the patterns are laid end to end in one
 *           64-bit word, sa_compile builds a mask B[byte] of the positions each byte may occupy
 *           (optionally case-insensitive for ASCII letters), and the scan keeps the set of
 *           matched prefixes as D = ((D << 1) | first) & B[c]; a pattern has matched when its
 *           final bit is set in D.  Resembles crypto/lpm (a 256-entry table lookup per byte
 *           feeding shifts and masks of a running word).
 * computes: sa_scan(buf, len, hits): adds to hits[k] the number of (overlapping) occurrences
 *           of pattern k in buf[0..len) and returns the offset just past the end of the first
 *           occurrence of any pattern, or -1.  sa_compile(pats, lens, npat, nocase): pats holds
 *           the npat patterns concatenated, lens their lengths (1..64 in total); 0 or -1.
 */
// clara-corpus: class=none entry=sa_scan signature=custom
#include <stdint.h>
#include <stddef.h>

static uint64_t sa_mask[256];
static uint64_t sa_first;
static uint64_t sa_final;
static uint8_t sa_owner[64];

int sa_compile(const uint8_t *pats, const uint8_t *lens, unsigned npat, int nocase)
{
    unsigned bit = 0;

    for (unsigned b = 0; b < 256; b++)
        sa_mask[b] = 0;
    sa_first = 0;
    sa_final = 0;
    if (npat == 0)
        return -1;
    for (unsigned k = 0; k < npat; k++) {
        if (lens[k] == 0 || bit + lens[k] > 64)
            return -1;
        sa_first |= (uint64_t)1 << bit;
        for (unsigned j = 0; j < lens[k]; j++, bit++) {
            uint8_t ch = *pats++;
            uint64_t m = (uint64_t)1 << bit;
            sa_mask[ch] |= m;
            if (nocase && ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
                sa_mask[ch ^ 0x20] |= m;
        }
        sa_final |= (uint64_t)1 << (bit - 1);
        sa_owner[bit - 1] = (uint8_t)k;
    }
    return 0;
}

long sa_scan(const uint8_t *buf, size_t len, uint32_t *hits)
{
    uint64_t d = 0;
    long first_end = -1;

    for (size_t i = 0; i < len; i++) {
        d = ((d << 1) | sa_first) & sa_mask[buf[i]];
        uint64_t done = d & sa_final;
        if (done == 0)
            continue;
        if (first_end < 0)
            first_end = (long)(i + 1);
        do {
            unsigned pos = (unsigned)__builtin_ctzll(done);
            hits[sa_owner[pos]]++;
            done &= done - 1;
        } while (done != 0);
    }
    return first_end;
}
