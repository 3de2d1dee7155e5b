/*
 * class: crc
 * variant: CRC-16/USB bit by bit, reflected (polynomial 0x8005 reflected to 0xA001), the bit loop
 *          testing the low bit before the shift, `while (len--)` over the bytes.
 * computes: CRC-16/USB: init 0xFFFF, reflected in/out, xorout 0xFFFF.
 */
// clara-corpus: class=crc entry=usb_crc16 signature=buf_len_u16 ref=crc-16/usb
#include <stddef.h>
#include <stdint.h>

uint16_t usb_crc16(const uint8_t *data, size_t len)
{
    uint16_t crc = 0xFFFF;
    while (len--) {
        crc ^= *data++;
        for (unsigned bit = 0; bit < 8; bit++) {
            int lsb = crc & 1;
            crc >>= 1;
            if (lsb)
                crc ^= 0xA001;
        }
    }
    return (uint16_t)~crc;
}
