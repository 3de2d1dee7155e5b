/*
 * class:    hash
 * variant:  simple tabulation hashing of the fixed 13-byte flow key (Zobrist style): one
 *           256-entry table of random 32-bit words per key byte position, the hash is the
 *           xor of the 13 looked-up words. The bytes are taken straight from the integer
 *           arguments by shifts (saddr, daddr, sport, dport big-endian, then proto), no
 *           key buffer is assembled. The 13 x 256 words are the high halves of a
 *           xorshift64* stream (x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
 *           out = x * 0x2545f4914f6cdd1d) from x0 = 0x853c49e6748fea9b, table 0 first,
 *           filled on first use.
 * computes: 32-bit hash of (saddr, daddr, sport, dport, proto); no initial value, no
 *           rotation or finalizer.
 */
// clara-corpus: class=hash entry=flow5_tab_hash signature=tuple5_u32 ref=flow5-tab helpers=flow5_tab_fill
#include <stddef.h>
#include <stdint.h>

#define F5_KEY_BYTES 13

static uint32_t f5_tab[F5_KEY_BYTES][256];
static int f5_tab_filled;

static void flow5_tab_fill(void)
{
    uint64_t x = 0x853c49e6748fea9bull;

    for (int pos = 0; pos < F5_KEY_BYTES; pos++) {
        for (int v = 0; v < 256; v++) {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            f5_tab[pos][v] = (uint32_t)((x * 0x2545f4914f6cdd1dull) >> 32);
        }
    }
    f5_tab_filled = 1;
}

uint32_t flow5_tab_hash(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
                        uint8_t proto)
{
    uint32_t h = 0;
    int pos = 0;

    if (!f5_tab_filled)
        flow5_tab_fill();
    for (int sh = 24; sh >= 0; sh -= 8)
        h ^= f5_tab[pos++][(saddr >> sh) & 0xffu];
    for (int sh = 24; sh >= 0; sh -= 8)
        h ^= f5_tab[pos++][(daddr >> sh) & 0xffu];
    h ^= f5_tab[pos++][sport >> 8];
    h ^= f5_tab[pos++][sport & 0xffu];
    h ^= f5_tab[pos++][dport >> 8];
    h ^= f5_tab[pos++][dport & 0xffu];
    h ^= f5_tab[pos][proto];
    return h;
}
