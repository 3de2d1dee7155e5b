/* lpm.h -- a binary trie step used by lpm_lookup.c (static inline helpers). */
#ifndef LPM_H
#define LPM_H
#include <stdint.h>

struct trie_node {
    int32_t child[2];
    int32_t next_hop;
};

static inline unsigned bit_at(uint32_t addr, unsigned depth)
{
    return (addr >> (31 - depth)) & 1u;
}

static inline uint32_t ntoh32(uint32_t x)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return __builtin_bswap32(x);
#else
    return x;
#endif
}
#endif
