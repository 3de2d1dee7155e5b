/*
 * class:    crypto
 * variant:  XTEA (Needham & Wheeler 1997), 32 cycles, key word chosen by sum & 3 and
 *           (sum >> 11) & 3; the round count is a file constant; block passed as two words.
 * computes: v = XTEA_k(v) with 32 cycles.
 */
// clara-corpus: class=crypto entry=xtea_encrypt_block signature=tea_words ref=xtea
#include <stdint.h>
#include <stddef.h>
#include <string.h>

enum { XTEA_CYCLES = 32 };
static const uint32_t xtea_delta = 0x9E3779B9u;

void xtea_encrypt_block(uint32_t v[2], const uint32_t key[4])
{
    uint32_t v0 = v[0], v1 = v[1];
    uint32_t sum = 0;
    int i;

    for (i = 0; i < XTEA_CYCLES; i++) {
        v0 += (((v1 << 4) ^ (v1 >> 5)) + v1) ^ (sum + key[sum & 3]);
        sum += xtea_delta;
        v1 += (((v0 << 4) ^ (v0 >> 5)) + v0) ^ (sum + key[(sum >> 11) & 3]);
    }
    v[0] = v0;
    v[1] = v1;
}
