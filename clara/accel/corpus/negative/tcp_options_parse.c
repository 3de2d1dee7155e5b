/*
 * class:    none (negative example)
 * variant:  TCP options parser for SYN processing: MSS, window scale, SACK-permitted and
 *           timestamps; each option checked for its fixed length.
 * computes: bit mask of options found (1 MSS, 2 WSCALE, 4 SACK_OK, 8 TS); *mss and *wscale set
 *           when present.
 */
// clara-corpus: class=none entry=tcp_syn_options signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

enum { OPT_MSS = 1, OPT_WSCALE = 2, OPT_SACKOK = 4, OPT_TS = 8 };

unsigned tcp_syn_options(const uint8_t *tcph, uint16_t *mss, uint8_t *wscale)
{
    unsigned doff = (unsigned)(tcph[12] >> 4) * 4;
    const uint8_t *opt = tcph + 20, *end = tcph + doff;
    unsigned found = 0;

    while (opt < end) {
        unsigned kind = opt[0], len;
        if (kind == 0)
            break;
        if (kind == 1) {
            opt++;
            continue;
        }
        if (opt + 2 > end)
            break;
        len = opt[1];
        if (len < 2 || opt + len > end)
            break;
        switch (kind) {
        case 2:
            if (len == 4) {
                *mss = (uint16_t)(opt[2] << 8 | opt[3]);
                found |= OPT_MSS;
            }
            break;
        case 3:
            if (len == 3) {
                *wscale = opt[2] > 14 ? 14 : opt[2];
                found |= OPT_WSCALE;
            }
            break;
        case 4:
            if (len == 2)
                found |= OPT_SACKOK;
            break;
        case 8:
            if (len == 10)
                found |= OPT_TS;
            break;
        default:
            break;
        }
        opt += len;
    }
    return found;
}
