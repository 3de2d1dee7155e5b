/*
 * class: crc
 * variant: CRC-32 (IEEE), reflected, slice-by-4: four 256-entry tables generated at first
 *          call, input consumed as little-endian 32-bit words (assembled from bytes), byte loop for the
 *          unaligned head and the tail.
 * computes: CRC-32/ISO-HDLC.
 * parameters: reflected poly 0xEDB88320, init 0xFFFFFFFF, xorout 0xFFFFFFFF, check 0xCBF43926.
 */
// clara-corpus: class=crc entry=crc32_slice_by_4 signature=buf_len_u32 ref=crc-32/iso-hdlc helpers=s4_tables_init
#include <stddef.h>
#include <stdint.h>

static uint32_t s4_tab[4][256];
static int s4_ready;

static void s4_tables_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
        s4_tab[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = s4_tab[0][i];
        for (int t = 1; t < 4; t++) {
            c = (c >> 8) ^ s4_tab[0][c & 0xFF];
            s4_tab[t][i] = c;
        }
    }
    s4_ready = 1;
}

static inline uint32_t load_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

uint32_t crc32_slice_by_4(const uint8_t *buf, size_t len)
{
    uint32_t crc = 0xFFFFFFFFu;

    if (!s4_ready)
        s4_tables_init();
    while (len && ((uintptr_t)buf & 3u)) {
        crc = s4_tab[0][(crc ^ *buf++) & 0xFF] ^ (crc >> 8);
        len--;
    }
    while (len >= 4) {
        crc ^= load_le32(buf);
        crc = s4_tab[3][crc & 0xFF] ^ s4_tab[2][(crc >> 8) & 0xFF] ^
              s4_tab[1][(crc >> 16) & 0xFF] ^ s4_tab[0][crc >> 24];
        buf += 4;
        len -= 4;
    }
    while (len--)
        crc = s4_tab[0][(crc ^ *buf++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
