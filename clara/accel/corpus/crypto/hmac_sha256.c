/*
 * class:    crypto
 * variant:  HMAC-SHA-256 (RFC 2104) over a compact, self-contained streaming SHA-256
 *           (init/update/final context, macro-style round, 64-word schedule): keys longer
 *           than the block are hashed first, ipad/opad 0x36/0x5c.
 * computes: out[0..31] = HMAC-SHA256(key, msg).
 */
// clara-corpus: class=crypto entry=hmac_sha256 signature=hmac_out helpers=hs_init,hs_update,hs_final,hs_block ref=hmac-sha256
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct hs_ctx {
    uint32_t h[8];
    uint64_t total;
    uint8_t buf[64];
    size_t fill;
};

static const uint32_t hs_k[64] = {
    0x428a2f98U, 0x71374491U, 0xb5c0fbcfU, 0xe9b5dba5U, 0x3956c25bU, 0x59f111f1U, 0x923f82a4U, 0xab1c5ed5U,
    0xd807aa98U, 0x12835b01U, 0x243185beU, 0x550c7dc3U, 0x72be5d74U, 0x80deb1feU, 0x9bdc06a7U, 0xc19bf174U,
    0xe49b69c1U, 0xefbe4786U, 0x0fc19dc6U, 0x240ca1ccU, 0x2de92c6fU, 0x4a7484aaU, 0x5cb0a9dcU, 0x76f988daU,
    0x983e5152U, 0xa831c66dU, 0xb00327c8U, 0xbf597fc7U, 0xc6e00bf3U, 0xd5a79147U, 0x06ca6351U, 0x14292967U,
    0x27b70a85U, 0x2e1b2138U, 0x4d2c6dfcU, 0x53380d13U, 0x650a7354U, 0x766a0abbU, 0x81c2c92eU, 0x92722c85U,
    0xa2bfe8a1U, 0xa81a664bU, 0xc24b8b70U, 0xc76c51a3U, 0xd192e819U, 0xd6990624U, 0xf40e3585U, 0x106aa070U,
    0x19a4c116U, 0x1e376c08U, 0x2748774cU, 0x34b0bcb5U, 0x391c0cb3U, 0x4ed8aa4aU, 0x5b9cca4fU, 0x682e6ff3U,
    0x748f82eeU, 0x78a5636fU, 0x84c87814U, 0x8cc70208U, 0x90befffaU, 0xa4506cebU, 0xbef9a3f7U, 0xc67178f2U,
};

#define HS_ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

void hs_block(uint32_t *h, const uint8_t *p)
{
    uint32_t w[64], a, b, c, d, e, f, g, hh;
    int i;

    for (i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (i = 16; i < 64; i++) {
        uint32_t s0 = HS_ROR(w[i - 15], 7) ^ HS_ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = HS_ROR(w[i - 2], 17) ^ HS_ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4]; f = h[5]; g = h[6]; hh = h[7];
    for (i = 0; i < 64; i++) {
        uint32_t t1 = hh + (HS_ROR(e, 6) ^ HS_ROR(e, 11) ^ HS_ROR(e, 25)) + (g ^ (e & (f ^ g))) + hs_k[i] + w[i];
        uint32_t t2 = (HS_ROR(a, 2) ^ HS_ROR(a, 13) ^ HS_ROR(a, 22)) + ((a & b) | (c & (a | b)));
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void hs_init(struct hs_ctx *c)
{
    static const uint32_t iv[8] = {0x6a09e667U, 0xbb67ae85U, 0x3c6ef372U, 0xa54ff53aU,
                                   0x510e527fU, 0x9b05688cU, 0x1f83d9abU, 0x5be0cd19U};
    memcpy(c->h, iv, sizeof(iv));
    c->total = 0;
    c->fill = 0;
}

void hs_update(struct hs_ctx *c, const uint8_t *p, size_t n)
{
    c->total += n;
    while (n > 0) {
        size_t take = 64 - c->fill;
        if (take > n)
            take = n;
        memcpy(c->buf + c->fill, p, take);
        c->fill += take;
        p += take;
        n -= take;
        if (c->fill == 64) {
            hs_block(c->h, c->buf);
            c->fill = 0;
        }
    }
}

void hs_final(struct hs_ctx *c, uint8_t digest[32])
{
    uint64_t bits = c->total * 8;
    uint8_t pad = 0x80, zero = 0, lenbe[8];
    int i;

    hs_update(c, &pad, 1);
    while (c->fill != 56)
        hs_update(c, &zero, 1);
    for (i = 0; i < 8; i++)
        lenbe[i] = (uint8_t)(bits >> (56 - 8 * i));
    hs_update(c, lenbe, 8);
    for (i = 0; i < 8; i++) {
        digest[4 * i] = (uint8_t)(c->h[i] >> 24);
        digest[4 * i + 1] = (uint8_t)(c->h[i] >> 16);
        digest[4 * i + 2] = (uint8_t)(c->h[i] >> 8);
        digest[4 * i + 3] = (uint8_t)c->h[i];
    }
}

void hmac_sha256(const uint8_t *key, size_t keylen, const uint8_t *msg, size_t msglen,
                 uint8_t out[32])
{
    struct hs_ctx ctx;
    uint8_t k0[64], pad[64], inner[32];
    int i;

    memset(k0, 0, sizeof(k0));
    if (keylen > 64) {
        hs_init(&ctx);
        hs_update(&ctx, key, keylen);
        hs_final(&ctx, k0);
    } else if (keylen) {
        memcpy(k0, key, keylen);
    }
    for (i = 0; i < 64; i++)
        pad[i] = k0[i] ^ 0x36;
    hs_init(&ctx);
    hs_update(&ctx, pad, 64);
    hs_update(&ctx, msg, msglen);
    hs_final(&ctx, inner);
    for (i = 0; i < 64; i++)
        pad[i] = k0[i] ^ 0x5c;
    hs_init(&ctx);
    hs_update(&ctx, pad, 64);
    hs_update(&ctx, inner, 32);
    hs_final(&ctx, out);
}
