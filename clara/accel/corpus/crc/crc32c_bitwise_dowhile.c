/*
 * class: crc
 * variant: CRC-32C (Castagnoli), bitwise reflected, branch-free (mask from the low bit),
 *          do-while loops, pointer walk with a down-counting length.
 * computes: the iSCSI / SCTP / ext4 CRC.
 * parameters: width 32, poly 0x1EDC6F41 (reflected 0x82F63B78), init 0xFFFFFFFF,
 *             refin/refout true, xorout 0xFFFFFFFF, check("123456789") = 0xE3069283.
 */
// clara-corpus: class=crc entry=crc32c_sw signature=buf_len_u32 ref=crc-32/iscsi
#include <stddef.h>
#include <stdint.h>

uint32_t crc32c_sw(const uint8_t *data, size_t length)
{
    uint32_t state = ~0u;
    if (length == 0)
        return 0;
    do {
        int k = 8;
        state ^= *data++;
        do {
            uint32_t mask = -(state & 1u);
            state = (state >> 1) ^ (0x82F63B78u & mask);
        } while (--k);
    } while (--length);
    return ~state;
}
