/*
 * class:    crypto
 * variant:  SHA-1 compression with a 16-word circular schedule (w[t & 15] recomputed from
 *           t = 16 with a rotate by 1), the round function and constant chosen by a switch on
 *           t / 20.
 * computes: state = SHA-1 compression(state, 64-byte block), big-endian words.
 */
// clara-corpus: class=crypto entry=sha1_ring signature=compress_block ref=sha1
#include <stdint.h>
#include <stddef.h>

static inline uint32_t rol(uint32_t x, int n)
{
    return (x << n) | (x >> (32 - n));
}

void sha1_ring(uint32_t *h, const uint8_t *blk)
{
    uint32_t w[16];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)blk[4 * i] << 24 | (uint32_t)blk[4 * i + 1] << 16 |
               (uint32_t)blk[4 * i + 2] << 8 | blk[4 * i + 3];
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; t++) {
        if (t >= 16)
            w[t & 15] = rol(w[(t + 13) & 15] ^ w[(t + 8) & 15] ^ w[(t + 2) & 15] ^ w[t & 15], 1);
        uint32_t f, k;
        switch (t / 20) {
        case 0:
            f = (b & c) | (~b & d);
            k = 0x5a827999u;
            break;
        case 1:
            f = b ^ c ^ d;
            k = 0x6ed9eba1u;
            break;
        case 2:
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdcu;
            break;
        default:
            f = b ^ c ^ d;
            k = 0xca62c1d6u;
            break;
        }
        uint32_t tmp = rol(a, 5) + f + e + k + w[t & 15];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = tmp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}
