/*
 * class:    none (negative example)
 * variant:  GRE (RFC 2784/2890) header parse: version check, optional checksum (+4 bytes,
 *           not verified here), key and sequence fields located from the flag bits.
 * computes: the payload offset (>= 4) and the key in *key (0 if absent), or -1.
 */
// clara-corpus: class=none entry=gre_parse signature=custom
#include <stdint.h>
#include <stddef.h>

int gre_parse(const uint8_t *g, size_t len, uint32_t *key, uint16_t *proto)
{
    if (len < 4)
        return -1;
    uint16_t flags = (uint16_t)(g[0] << 8 | g[1]);
    if (flags & 0x0007)
        return -1;          /* version must be 0 */
    size_t off = 4;
    *proto = (uint16_t)(g[2] << 8 | g[3]);
    if (flags & 0x8000)
        off += 4;
    *key = 0;
    if (flags & 0x2000) {
        if (off + 4 > len)
            return -1;
        *key = (uint32_t)g[off] << 24 | (uint32_t)g[off + 1] << 16 | (uint32_t)g[off + 2] << 8 |
               g[off + 3];
        off += 4;
    }
    if (flags & 0x1000)
        off += 4;
    return off > len ? -1 : (int)off;
}
