/*
 * class:    none (negative example)
 * variant:  classification of TCP segments by their flag byte for a SYN-flood guard:
 *           illegal combinations (SYN+FIN, SYN+RST, no flags, FIN without ACK) rejected, the
 *           rest counted per class in a switch.
 * computes: counts[0..5) per class over flags[0..n): syn, synack, ack-only, fin/rst, invalid.
 */
// clara-corpus: class=none entry=classify_flags signature=custom
#include <stdint.h>
#include <stddef.h>

enum { C_SYN, C_SYNACK, C_ACK, C_FINRST, C_BAD };

static int flag_class(uint8_t f)
{
    const uint8_t FIN = 0x01, SYN = 0x02, RST = 0x04, ACK = 0x10;
    if ((f & (SYN | FIN)) == (SYN | FIN) || (f & (SYN | RST)) == (SYN | RST) || f == 0)
        return C_BAD;
    if ((f & FIN) && !(f & ACK))
        return C_BAD;
    switch (f & (SYN | ACK | FIN | RST)) {
    case 0x02:
        return C_SYN;
    case 0x12:
        return C_SYNACK;
    case 0x10:
        return C_ACK;
    default:
        return (f & (FIN | RST)) ? C_FINRST : C_ACK;
    }
}

void classify_flags(const uint8_t *flags, size_t n, uint32_t counts[5])
{
    for (int c = 0; c < 5; c++)
        counts[c] = 0;
    for (size_t i = 0; i < n; i++)
        counts[flag_class(flags[i])]++;
}
