/*
 * class:    hash
 * variant:  SipHash-2-4 written around a state struct: `struct sip_state` holds v0..v3 and
 *           the count of absorbed bytes; sip_init, sip_round (one ARX SipRound on the
 *           struct), sip_absorb (one 8-byte message word: v3 ^= m, c rounds, v0 ^= m) and
 *           sip_finish (v2 ^= 0xff, d rounds, fold) are separate functions. Message words are
 *           loaded with memcpy and byte-swapped on big-endian hosts; the 0..7 tail bytes are
 *           gathered by a switch that falls through from the highest byte down.
 * computes: 64-bit SipHash-2-4 of buf[0..len) under a 16-byte key (k0, k1 little-endian).
 * parameters: c = 2 compression rounds, d = 4 finalization rounds; initial constants
 *             0x736f6d6570736575, 0x646f72616e646f6d, 0x6c7967656e657261, 0x7465646279746573;
 *             rotations 13, 32, 16, 21, 17, 32.
 */
// clara-corpus: class=hash entry=siphash24_st signature=key_buf_len_u64 ref=siphash-2-4 helpers=sip_init,sip_round,sip_absorb,sip_finish,sip_load64
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SIP_C_ROUNDS 2
#define SIP_D_ROUNDS 4

struct sip_state {
    uint64_t v0, v1, v2, v3;
    uint64_t total;
};

static inline uint64_t sip_rotl(uint64_t x, unsigned r)
{
    return (x << r) | (x >> (64u - r));
}

static uint64_t sip_load64(const uint8_t *p)
{
    uint64_t x;

    memcpy(&x, p, sizeof x);
    if (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
        x = __builtin_bswap64(x);
    return x;
}

static void sip_init(struct sip_state *st, const uint8_t key[16])
{
    uint64_t k0 = sip_load64(key);
    uint64_t k1 = sip_load64(key + 8);

    st->v0 = k0 ^ 0x736f6d6570736575ull;
    st->v1 = k1 ^ 0x646f72616e646f6dull;
    st->v2 = k0 ^ 0x6c7967656e657261ull;
    st->v3 = k1 ^ 0x7465646279746573ull;
    st->total = 0;
}

static void sip_round(struct sip_state *st)
{
    st->v0 += st->v1;
    st->v2 += st->v3;
    st->v1 = sip_rotl(st->v1, 13) ^ st->v0;
    st->v3 = sip_rotl(st->v3, 16) ^ st->v2;
    st->v0 = sip_rotl(st->v0, 32);
    st->v2 += st->v1;
    st->v0 += st->v3;
    st->v1 = sip_rotl(st->v1, 17) ^ st->v2;
    st->v3 = sip_rotl(st->v3, 21) ^ st->v0;
    st->v2 = sip_rotl(st->v2, 32);
}

static void sip_absorb(struct sip_state *st, uint64_t m)
{
    st->v3 ^= m;
    for (int r = 0; r < SIP_C_ROUNDS; r++)
        sip_round(st);
    st->v0 ^= m;
}

static uint64_t sip_finish(struct sip_state *st)
{
    st->v2 ^= 0xffu;
    for (int r = 0; r < SIP_D_ROUNDS; r++)
        sip_round(st);
    return st->v0 ^ st->v1 ^ st->v2 ^ st->v3;
}

uint64_t siphash24_st(const uint8_t *key, const uint8_t *buf, size_t len)
{
    struct sip_state st;
    uint64_t last;

    sip_init(&st, key);
    while (len - (size_t)st.total >= 8) {
        sip_absorb(&st, sip_load64(buf + st.total));
        st.total += 8;
    }
    buf += st.total;
    last = (uint64_t)(len & 0xffu) << 56;
    switch (len & 7u) {
    case 7: last |= (uint64_t)buf[6] << 48; /* fall through */
    case 6: last |= (uint64_t)buf[5] << 40; /* fall through */
    case 5: last |= (uint64_t)buf[4] << 32; /* fall through */
    case 4: last |= (uint64_t)buf[3] << 24; /* fall through */
    case 3: last |= (uint64_t)buf[2] << 16; /* fall through */
    case 2: last |= (uint64_t)buf[1] << 8;  /* fall through */
    case 1: last |= (uint64_t)buf[0];       /* fall through */
    default: break;
    }
    sip_absorb(&st, last);
    return sip_finish(&st);
}
