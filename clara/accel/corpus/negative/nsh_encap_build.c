/*
 * class:    none (negative example)
 * variant:  service function chaining classifier: builds a Network Service Header (RFC 8300)
 *           in front of an inner packet. Base header word: version 2 bits (0), O bit (0),
 *           unused bit, TTL 6 bits, length 6 bits (in 4-byte words, whole NSH), 4 unused bits,
 *           MD type 4 bits, next protocol 8 bits. Service path word: SPI 24 bits, SI 8 bits.
 *           MD type 1: four fixed 32-bit context words. MD type 2: optionally one context
 *           TLV: class 16 bits, type 8 bits, unused bit, length 7 bits (bytes), then the data
 *           zero-padded to 4 bytes. Words are assembled in host order by packing helpers and
 *           stored big-endian byte by byte.
 * computes: total bytes written (NSH + inner packet), or 0 on a bad parameter (TTL > 63,
 *           SPI > 24 bits, MD type not 1 or 2, TLV longer than 16 bytes) or when the result
 *           does not fit in cap.
 */
// clara-corpus: class=none entry=nsh_encap signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define NSH_BASE_WORDS 2
#define NSH_MD1_CTX_WORDS 4
#define NSH_TLV_MAX 16

struct nsh_params {
    uint32_t spi;
    uint8_t si;
    uint8_t ttl;
    uint8_t md_type;
    uint8_t next_proto;
    uint32_t ctx[NSH_MD1_CTX_WORDS];
    uint16_t tlv_class;
    uint8_t tlv_type;
    uint8_t tlv_len;
    uint8_t tlv_data[NSH_TLV_MAX];
};

static inline void put_be32(uint8_t *p, uint32_t w)
{
    p[0] = (uint8_t)(w >> 24);
    p[1] = (uint8_t)(w >> 16);
    p[2] = (uint8_t)(w >> 8);
    p[3] = (uint8_t)w;
}

static inline unsigned words_of(unsigned bytes)
{
    return (bytes + 3u) >> 2;
}

static inline uint32_t nsh_base_word(unsigned ttl, unsigned len_words, unsigned md_type,
                                     unsigned next_proto)
{
    return (uint32_t)(ttl & 0x3fu) << 22 | (uint32_t)(len_words & 0x3fu) << 16 |
           (uint32_t)(md_type & 0xfu) << 8 | (next_proto & 0xffu);
}

static inline uint32_t nsh_sp_word(uint32_t spi, unsigned si)
{
    return (spi & 0x00ffffffu) << 8 | (si & 0xffu);
}

static inline uint32_t nsh_tlv_word(unsigned md_class, unsigned type, unsigned len)
{
    return (uint32_t)(md_class & 0xffffu) << 16 | (uint32_t)(type & 0xffu) << 8 | (len & 0x7fu);
}

size_t nsh_encap(uint8_t *out, size_t cap, const struct nsh_params *p, const uint8_t *inner,
                 size_t inner_len)
{
    unsigned nwords, i;
    uint8_t *q;

    if (p->ttl > 63 || p->spi > 0x00ffffffu)
        return 0;
    if (p->md_type == 1)
        nwords = NSH_BASE_WORDS + NSH_MD1_CTX_WORDS;
    else if (p->md_type == 2 && p->tlv_len <= NSH_TLV_MAX)
        nwords = NSH_BASE_WORDS + (p->tlv_len ? 1 + words_of(p->tlv_len) : 0);
    else
        return 0;
    if ((size_t)nwords * 4 + inner_len > cap)
        return 0;
    put_be32(out, nsh_base_word(p->ttl, nwords, p->md_type, p->next_proto));
    put_be32(out + 4, nsh_sp_word(p->spi, p->si));
    q = out + NSH_BASE_WORDS * 4;
    if (p->md_type == 1) {
        for (i = 0; i < NSH_MD1_CTX_WORDS; i++, q += 4)
            put_be32(q, p->ctx[i]);
    } else if (p->tlv_len) {
        put_be32(q, nsh_tlv_word(p->tlv_class, p->tlv_type, p->tlv_len));
        q += 4;
        memset(q, 0, (size_t)words_of(p->tlv_len) * 4);
        memcpy(q, p->tlv_data, p->tlv_len);
        q += words_of(p->tlv_len) * 4;
    }
    memmove(q, inner, inner_len);
    return (size_t)(q - out) + inner_len;
}
