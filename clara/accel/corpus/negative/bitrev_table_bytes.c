/*
 * class:    none (negative example)
 * variant:  bit reversal of every byte of a buffer through a 256-entry table built at first
 *           use by a shift loop (LSB-first serial line framing). Table + shifts + buffer
 *           loop, but no polynomial division.
 * computes: reverses the bit order of each byte of buf in place; returns the count of bytes
 *           that changed.
 */
// clara-corpus: class=none entry=reverse_bits_inplace signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static uint8_t rev_tab[256];
static int rev_ready;

static void rev_init(void)
{
    unsigned v, b;
    for (v = 0; v < 256; v++) {
        uint8_t r = 0;
        for (b = 0; b < 8; b++)
            if (v & (1u << b))
                r |= (uint8_t)(0x80u >> b);
        rev_tab[v] = r;
    }
    rev_ready = 1;
}

size_t reverse_bits_inplace(uint8_t *buf, size_t n)
{
    size_t i, changed = 0;
    if (!rev_ready)
        rev_init();
    for (i = 0; i < n; i++) {
        uint8_t r = rev_tab[buf[i]];
        changed += (r != buf[i]);
        buf[i] = r;
    }
    return changed;
}
