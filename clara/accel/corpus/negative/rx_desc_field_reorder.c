/*
 * class:    none (negative example)
 * variant:  byte reorder of fixed-size records by a constant index table: a driver turns the
 *           16-byte RX completion descriptors a NIC writes (little-endian fields in device
 *           order) into the host's packet-metadata layout (network-order fields in another
 *           order) with one gather per output byte, out[i] = in[MAP[i]], MAP[i] = 0xff meaning
 *           "zero". The table holds positions, not values: no data byte indexes a table, so
 *           this is a permutation of fields and not an S-box or a cipher round.
 *           Device layout: 0-1 length, 2-3 VLAN tag, 4-7 RSS hash, 8 status, 9 error bits,
 *           10 packet type, 11 reserved, 12-15 timestamp. Host layout: 0-3 timestamp (BE),
 *           4-7 RSS hash (BE), 8-9 length (BE), 10-11 VLAN (BE), 12 packet type, 13 status,
 *           14 error bits, 15 zero.
 * computes: for each of n records, host[16k + i] = MAP[i] == 0xff ? 0 : dev[16k + MAP[i]];
 *           returns the number of records whose status byte has the "descriptor done" bit.
 */
// clara-corpus: class=none entry=rx_desc_reorder signature=custom
#include <stdint.h>
#include <stddef.h>

#define DESC_BYTES 16
#define DESC_ZERO 0xff
#define STATUS_DD 0x01

static const uint8_t DEV_TO_HOST[DESC_BYTES] = {
    15, 14, 13, 12,   /* timestamp, byte-swapped */
    7, 6, 5, 4,       /* RSS hash, byte-swapped */
    1, 0,             /* length */
    3, 2,             /* VLAN tag */
    10,               /* packet type */
    8,                /* status */
    9,                /* error bits */
    DESC_ZERO,
};

size_t rx_desc_reorder(const uint8_t *dev, uint8_t *host, size_t n)
{
    size_t done = 0;

    for (size_t k = 0; k < n; k++) {
        const uint8_t *src = dev + k * DESC_BYTES;
        uint8_t *dst = host + k * DESC_BYTES;
        for (unsigned i = 0; i < DESC_BYTES; i++) {
            uint8_t from = DEV_TO_HOST[i];
            dst[i] = from == DESC_ZERO ? 0 : src[from];
        }
        if (src[8] & STATUS_DD)
            done++;
    }
    return done;
}
