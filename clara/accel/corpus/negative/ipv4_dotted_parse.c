/*
 * class:    none (negative example)
 * variant:  strict dotted-quad parser (inet_pton-like: four decimal octets 0..255, no
 *           leading zeros, no trailing garbage), used when loading configuration.
 * computes: 1 and *out = host-order address on success, 0 on a syntax error.
 */
// clara-corpus: class=none entry=parse_dotted_quad signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

int parse_dotted_quad(const char *s, uint32_t *out)
{
    uint32_t addr = 0;
    int octet;

    for (octet = 0; octet < 4; octet++) {
        unsigned v = 0, digits = 0;
        if (octet > 0) {
            if (*s != '.')
                return 0;
            s++;
        }
        while (*s >= '0' && *s <= '9') {
            if (digits > 0 && v == 0)
                return 0; /* leading zero */
            v = v * 10 + (unsigned)(*s - '0');
            if (v > 255)
                return 0;
            digits++;
            s++;
        }
        if (digits == 0)
            return 0;
        addr = (addr << 8) | v;
    }
    if (*s != '\0')
        return 0;
    *out = addr;
    return 1;
}
