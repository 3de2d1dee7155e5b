/*
 * class:    none (negative example)
 * variant:  DNS wire-format name decoder (RFC 1035 4.1.4): length-prefixed labels,
 *           compression pointers (0xC0) with a hop limit against loops, dotted output.
 * computes: writes the dotted name into out (NUL-terminated); returns the number of bytes
 *           the name occupies at `off` in the message, or -1 when malformed.
 */
// clara-corpus: class=none entry=dns_read_name signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

int dns_read_name(const uint8_t *msg, size_t msglen, size_t off, char *out, size_t outlen)
{
    size_t pos = off, w = 0;
    int consumed = -1, hops = 0;

    if (outlen == 0)
        return -1;
    for (;;) {
        uint8_t l;
        if (pos >= msglen)
            return -1;
        l = msg[pos];
        if ((l & 0xc0) == 0xc0) {
            if (pos + 1 >= msglen || ++hops > 16)
                return -1;
            if (consumed < 0)
                consumed = (int)(pos + 2 - off);
            pos = ((size_t)(l & 0x3f) << 8) | msg[pos + 1];
            continue;
        }
        if (l & 0xc0)
            return -1;
        if (l == 0) {
            if (consumed < 0)
                consumed = (int)(pos + 1 - off);
            break;
        }
        if (pos + 1 + l > msglen || w + l + 2 > outlen)
            return -1;
        if (w > 0)
            out[w++] = '.';
        memcpy(out + w, msg + pos + 1, l);
        w += l;
        pos += 1 + (size_t)l;
    }
    out[w] = '\0';
    return consumed;
}
