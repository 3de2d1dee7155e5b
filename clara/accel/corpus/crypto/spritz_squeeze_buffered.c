/*
 * class:    crypto
 * variant:  Spritz (Rivest and Schuldt, 2014) written as a small sponge object: the six
 *           registers are named fields of a struct held as `unsigned` and wrapped with
 *           `& 0xff` (no uint8_t arithmetic), the permutation is `unsigned char perm[256]`.
 *           Separate helpers for Update, Whip (w advanced with a `do ... while` until it is
 *           odd, i.e. coprime to N = 256), Crush (min/max exchange of the mirrored pair),
 *           Shuffle (a three-pass loop: Whip(2N), then Crush between passes), AbsorbNibble /
 *           AbsorbByte, Output and a Squeeze that fills a keystream buffer. The entry squeezes
 *           the keystream in 64-byte chunks into a local buffer and then adds it to the
 *           message, instead of producing one byte per call like spritz_stream.c.
 * computes: out[n] = in[n] + z_n (mod 256), z_0 z_1 ... = Squeeze after Absorb(key) (Spritz
 *           Encrypt without an IV); Update: i += w; j = k + S[j + S[i]]; k = i + k + S[j];
 *           swap S[i], S[j]. Output: z = S[j + S[i + S[z + k]]]. Published check:
 *           Squeeze(8) after Absorb("ABC") = 77 9a 8e 01 f9 e9 cb c0.
 * parameters: N = 256, key of keylen bytes, len message bytes.
 */
// clara-corpus: class=crypto entry=spritz_crypt_buffered signature=opaque ref=spritz helpers=sprz_update,sprz_whip,sprz_crush,sprz_shuffle,sprz_absorb_nibble,sprz_absorb_byte,sprz_output,sprz_squeeze
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define SPRZ_N 256u
#define SPRZ_CHUNK 64

struct sprz_sponge {
    unsigned char perm[SPRZ_N];
    unsigned reg_i, reg_j, reg_k, reg_z, reg_a, reg_w;
};

static void sprz_exchange(struct sprz_sponge *sp, unsigned x, unsigned y)
{
    unsigned char hold = sp->perm[x];
    sp->perm[x] = sp->perm[y];
    sp->perm[y] = hold;
}

void sprz_update(struct sprz_sponge *sp)
{
    unsigned char *p = sp->perm;

    sp->reg_i = (sp->reg_i + sp->reg_w) & 0xff;
    sp->reg_j = (sp->reg_k + p[(sp->reg_j + p[sp->reg_i]) & 0xff]) & 0xff;
    sp->reg_k = (sp->reg_i + sp->reg_k + p[sp->reg_j]) & 0xff;
    sprz_exchange(sp, sp->reg_i, sp->reg_j);
}

void sprz_whip(struct sprz_sponge *sp, unsigned rounds)
{
    while (rounds-- > 0)
        sprz_update(sp);
    do {
        sp->reg_w = (sp->reg_w + 1) & 0xff;
    } while ((sp->reg_w & 1) == 0);
}

void sprz_crush(struct sprz_sponge *sp)
{
    unsigned char *lo = sp->perm;
    unsigned char *hi = sp->perm + SPRZ_N - 1;

    /* the smaller value of each mirrored pair goes to the lower half */
    while (lo < hi) {
        unsigned char a = *lo, b = *hi;
        *lo = a < b ? a : b;
        *hi = a < b ? b : a;
        lo++;
        hi--;
    }
}

void sprz_shuffle(struct sprz_sponge *sp)
{
    for (int pass = 0; pass < 3; pass++) {
        sprz_whip(sp, 2 * SPRZ_N);
        if (pass != 2)
            sprz_crush(sp);
    }
    sp->reg_a = 0;
}

void sprz_absorb_nibble(struct sprz_sponge *sp, unsigned nib)
{
    if (sp->reg_a == SPRZ_N / 2)
        sprz_shuffle(sp);
    sprz_exchange(sp, sp->reg_a, SPRZ_N / 2 + nib);
    sp->reg_a++;
}

void sprz_absorb_byte(struct sprz_sponge *sp, unsigned char byte)
{
    sprz_absorb_nibble(sp, byte & 0x0fu);
    sprz_absorb_nibble(sp, (unsigned)byte >> 4);
}

unsigned sprz_output(struct sprz_sponge *sp)
{
    const unsigned char *p = sp->perm;
    unsigned inner = p[(sp->reg_z + sp->reg_k) & 0xff];
    unsigned mid = p[(sp->reg_i + inner) & 0xff];

    sp->reg_z = p[(sp->reg_j + mid) & 0xff];
    return sp->reg_z;
}

void sprz_squeeze(struct sprz_sponge *sp, unsigned char *ks, size_t count)
{
    if (sp->reg_a > 0)
        sprz_shuffle(sp);
    for (size_t n = 0; n < count; n++) {
        sprz_update(sp);
        ks[n] = (unsigned char)sprz_output(sp);
    }
}

void spritz_crypt_buffered(const uint8_t *key, size_t keylen, const uint8_t *in, size_t len,
                           uint8_t *out)
{
    struct sprz_sponge sp;
    unsigned char ks[SPRZ_CHUNK];
    size_t done = 0;

    for (unsigned v = 0; v < SPRZ_N; v++)
        sp.perm[v] = (unsigned char)v;
    sp.reg_i = sp.reg_j = sp.reg_k = sp.reg_z = sp.reg_a = 0;
    sp.reg_w = 1;

    for (size_t n = 0; n < keylen; n++)
        sprz_absorb_byte(&sp, key[n]);

    while (done < len) {
        size_t take = len - done < SPRZ_CHUNK ? len - done : SPRZ_CHUNK;
        sprz_squeeze(&sp, ks, take);
        for (size_t n = 0; n < take; n++)
            out[done + n] = (uint8_t)((in[done + n] + ks[n]) & 0xff);
        done += take;
    }
    memset(ks, 0, sizeof(ks));
}
