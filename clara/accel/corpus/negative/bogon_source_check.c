/*
 * class:    none (negative example)
 * variant:  anti-spoofing check of source addresses against the fixed list of special-purpose
 *           ranges (RFC 6890-style: this network, loopback, link-local, multicast, ...), kept
 *           as (prefix, length) pairs; a mask is made from each length; any match rejects.
 * computes: the number of addresses in src[0..n) that fall in a special-purpose range.
 */
// clara-corpus: class=none entry=count_bogons signature=custom
#include <stdint.h>
#include <stddef.h>

static const uint32_t bogon_net[] = {0x00000000u, 0x7F000000u, 0xA9FE0000u, 0xE0000000u,
                                     0xF0000000u, 0xC0000200u};
static const uint8_t bogon_len[] = {8, 8, 16, 4, 4, 24};

static int is_bogon(uint32_t a)
{
    for (unsigned k = 0; k < sizeof bogon_len; k++) {
        uint32_t mask = 0xFFFFFFFFu << (32 - bogon_len[k]);
        if ((a & mask) == bogon_net[k])
            return 1;
    }
    return 0;
}

size_t count_bogons(const uint32_t *src, size_t n)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++)
        bad += (size_t)is_bogon(src[i]);
    return bad;
}
