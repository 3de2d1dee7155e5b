/*
 * class: crc
 * variant: CRC-32C, reflected, slice-by-8: an 8x256 table built by an init function, the main
 *          loop folds two 32-bit little-endian words per step (native load through memcpy,
 *          assumes a little-endian host like the x86/ARM NF hosts it targets); byte-wise tail.
 * computes: CRC-32/ISCSI (Castagnoli).
 * parameters: width 32, reflected poly 0x82F63B78, init 0xFFFFFFFF, xorout 0xFFFFFFFF,
 *             check("123456789") = 0xE3069283.
 */
// clara-corpus: class=crc entry=crc32c_sb8 signature=buf_len_u32 ref=crc-32/iscsi helpers=crc32c_sb8_init
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CASTAGNOLI_REV 0x82F63B78u

static uint32_t sb8[8][256];

static void crc32c_sb8_init(void)
{
    unsigned n, k;
    for (n = 0; n < 256; n++) {
        uint32_t crc = n;
        for (k = 0; k < 8; k++)
            crc = crc & 1 ? (crc >> 1) ^ CASTAGNOLI_REV : crc >> 1;
        sb8[0][n] = crc;
    }
    for (n = 0; n < 256; n++) {
        uint32_t crc = sb8[0][n];
        for (k = 1; k < 8; k++) {
            crc = sb8[0][crc & 0xff] ^ (crc >> 8);
            sb8[k][n] = crc;
        }
    }
}

uint32_t crc32c_sb8(const uint8_t *next, size_t len)
{
    static int once;
    uint32_t crc = 0xFFFFFFFFu;

    if (!once) {
        crc32c_sb8_init();
        once = 1;
    }
    for (; len >= 8; len -= 8, next += 8) {
        uint32_t lo, hi;
        memcpy(&lo, next, 4);
        memcpy(&hi, next + 4, 4);
        lo ^= crc;
        crc = sb8[7][lo & 0xff] ^ sb8[6][(lo >> 8) & 0xff] ^
              sb8[5][(lo >> 16) & 0xff] ^ sb8[4][lo >> 24] ^
              sb8[3][hi & 0xff] ^ sb8[2][(hi >> 8) & 0xff] ^
              sb8[1][(hi >> 16) & 0xff] ^ sb8[0][hi >> 24];
    }
    for (; len; len--, next++)
        crc = sb8[0][(crc ^ *next) & 0xff] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}
