/*
 * class: crc
 * variant: CRC-32 (IEEE), reflected, generic slice-by-N: CRC_SLICES tables (N = 1, 2, 4, 8 or 16,
 *          chosen at build time, default 8) generated at first call; each step consumes N bytes
 *          with an inner loop over the tables (the register's bytes enter the first four
 *          lookups), byte-wise tail.
 * computes: CRC-32/ISO-HDLC.
 * parameters: reflected poly 0xEDB88320, init 0xFFFFFFFF, xorout 0xFFFFFFFF, check 0xCBF43926;
 *             CRC_SLICES in {1, 2, 4, 8, 16}.
 */
// clara-corpus: class=crc entry=crc32_sliced signature=buf_len_u32 ref=crc-32/iso-hdlc helpers=slices_init widths=CRC_SLICES:1,2,4,16
#include <stddef.h>
#include <stdint.h>

#ifndef CRC_SLICES
#define CRC_SLICES 8
#endif

static uint32_t slice_tab[CRC_SLICES][256];
static int slice_tab_ready;

static void slices_init(void)
{
    for (uint32_t b = 0; b < 256; b++) {
        uint32_t r = b;
        for (int k = 0; k < 8; k++)
            r = (r & 1) ? (r >> 1) ^ 0xEDB88320u : (r >> 1);
        slice_tab[0][b] = r;
    }
    for (int t = 1; t < CRC_SLICES; t++)
        for (uint32_t b = 0; b < 256; b++)
            slice_tab[t][b] = (slice_tab[t - 1][b] >> 8) ^ slice_tab[0][slice_tab[t - 1][b] & 0xFF];
    slice_tab_ready = 1;
}

uint32_t crc32_sliced(const uint8_t *src, size_t n)
{
    uint32_t reg = 0xFFFFFFFFu;

    if (!slice_tab_ready)
        slices_init();
    while (n >= CRC_SLICES) {
        uint32_t next = CRC_SLICES < 4 ? reg >> (8 * (CRC_SLICES % 4)) : 0;
        for (int k = 0; k < CRC_SLICES; k++) {
            uint8_t idx = src[k];
            if (k < 4)
                idx ^= (uint8_t)(reg >> (8 * k));
            next ^= slice_tab[CRC_SLICES - 1 - k][idx];
        }
        reg = next;
        src += CRC_SLICES;
        n -= CRC_SLICES;
    }
    while (n--)
        reg = (reg >> 8) ^ slice_tab[0][(reg ^ *src++) & 0xFF];
    return reg ^ 0xFFFFFFFFu;
}
