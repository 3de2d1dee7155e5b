/*
 * class: crc
 * variant: CRC-32 (IEEE), reflected, table-less with the eight bit steps written out by a macro
 *          (hand-unrolled inner loop), table-free; the style of small bootloaders.
 * computes: CRC-32/ISO-HDLC.
 * parameters: reflected poly 0xEDB88320, init 0xFFFFFFFF, xorout 0xFFFFFFFF, check 0xCBF43926.
 */
// clara-corpus: class=crc entry=boot_crc32 signature=buf_len_u32 ref=crc-32/iso-hdlc
#include <stddef.h>
#include <stdint.h>

#define STEP(c) ((c) = ((c) >> 1) ^ (-(int32_t)((c) & 1) & 0xEDB88320u))

uint32_t boot_crc32(const uint8_t *image, size_t size)
{
    uint32_t c = 0xFFFFFFFFu;
    const uint8_t *p = image;

    while (size-- != 0) {
        c ^= *p++;
        STEP(c); STEP(c); STEP(c); STEP(c);
        STEP(c); STEP(c); STEP(c); STEP(c);
    }
    return c ^ 0xFFFFFFFFu;
}
