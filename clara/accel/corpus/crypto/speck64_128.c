/*
 * class:    crypto
 * variant:  Speck64/128 block cipher (NSA, 2013): 27 ARX rounds on two 32-bit words
 *           (rotate right 8, add, xor key; rotate left 3, xor), the key schedule run in the
 *           same loop as the rounds.
 * computes: v = Speck64/128_k(v) in place; v = {x, y}, k = {k0, l0, l1, l2}.
 */
// clara-corpus: class=crypto entry=speck64_encrypt signature=tea_words ref=speck64
#include <stdint.h>
#include <stddef.h>

#define ROR(x, r) (((x) >> (r)) | ((x) << (32 - (r))))
#define ROL(x, r) (((x) << (r)) | ((x) >> (32 - (r))))

void speck64_encrypt(uint32_t v[2], const uint32_t k[4])
{
    uint32_t x = v[0], y = v[1];
    uint32_t a = k[0];
    uint32_t l[3] = {k[1], k[2], k[3]};
    for (uint32_t i = 0; i < 27; i++) {
        x = (ROR(x, 8) + y) ^ a;
        y = ROL(y, 3) ^ x;
        uint32_t nl = (a + ROR(l[i % 3], 8)) ^ i;
        l[i % 3] = nl;
        a = ROL(a, 3) ^ nl;
    }
    v[0] = x;
    v[1] = y;
}
