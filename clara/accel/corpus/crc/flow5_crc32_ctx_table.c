/*
 * class: crc
 * variant: CRC-32 load-balancer hash with the table in a context structure passed by pointer
 *          (filled once by ctx_init) and a seed field; the 13-byte key is memcpy'd from
 *          big-endian copies of the fields, then a counted loop over the fixed key length.
 * computes: CRC-32/ISO-HDLC of (saddr, daddr, sport, dport, proto) packed big-endian.
 */
// clara-corpus: class=crc entry=lb_crc32 signature=tuple5_u32 ref=flow5-crc32 helpers=lb_ctx_init,lb_key_crc
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define KEY_LEN 13

struct lb_ctx {
    uint32_t seed;
    uint32_t table[256];
};

static void lb_ctx_init(struct lb_ctx *c)
{
    c->seed = 0xFFFFFFFFu;
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t r = n;
        for (int k = 8; k > 0; k--)
            r = (r >> 1) ^ (0xEDB88320u & (0u - (r & 1u)));
        c->table[n] = r;
    }
}

static uint32_t lb_key_crc(const struct lb_ctx *c, const uint8_t *key)
{
    uint32_t crc = c->seed;
    for (int i = 0; i < KEY_LEN; i++)
        crc = c->table[(crc ^ key[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

uint32_t lb_crc32(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    static struct lb_ctx ctx;
    static int ready;
    if (!ready) {
        lb_ctx_init(&ctx);
        ready = 1;
    }
    uint8_t key[KEY_LEN];
    uint32_t s = __builtin_bswap32(saddr), d = __builtin_bswap32(daddr);
    uint16_t sp = __builtin_bswap16(sport), dp = __builtin_bswap16(dport);
    memcpy(key, &s, 4);
    memcpy(key + 4, &d, 4);
    memcpy(key + 8, &sp, 2);
    memcpy(key + 10, &dp, 2);
    key[12] = proto;
    return lb_key_crc(&ctx, key);
}
