/*
 * class: crc
 * variant: CRC-32/AUTOSAR (polynomial 0xF4ACFB13, reflected 0xC8DF352F), byte table built on
 *          first use by eight shift/xor steps per entry, lookup loop over a pointer pair.
 * computes: CRC-32/AUTOSAR: init 0xFFFFFFFF, reflected in/out, xorout 0xFFFFFFFF.
 */
// clara-corpus: class=crc entry=crc32_autosar signature=buf_len_u32 ref=crc-32/autosar helpers=autosar_table_init
#include <stddef.h>
#include <stdint.h>

static uint32_t autosar_tab[256];
static int autosar_ready;

static void autosar_table_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (c >> 1) ^ 0xC8DF352Fu : c >> 1;
        autosar_tab[n] = c;
    }
    autosar_ready = 1;
}

uint32_t crc32_autosar(const uint8_t *p, size_t len)
{
    const uint8_t *end = p + len;
    uint32_t c = 0xFFFFFFFFu;
    if (!autosar_ready)
        autosar_table_init();
    while (p != end)
        c = autosar_tab[(c ^ *p++) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}
