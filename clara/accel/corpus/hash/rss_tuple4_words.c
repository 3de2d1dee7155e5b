/*
 * class:    hash
 * variant:  Microsoft RSS (Toeplitz) hash of the TCP/IPv4 4-tuple given as integers, with the
 *           well-known 40-byte default key compiled in as ten big-endian 32-bit words. The
 *           input is three 32-bit words (saddr, daddr, sport << 16 | dport); for word w the
 *           key bits 32w .. 32w+63 form a 64-bit register and only the set bits of the input
 *           word are visited (count-leading-zeros finds the next one), each contributing the
 *           window reg >> (32 - b). No byte buffer is built.
 * computes: 32-bit RSS hash over saddr, daddr, sport, dport as the NIC hashes TCP over IPv4
 *           (hash type TCP_IPV4: the protocol number is not an input, `proto` is ignored).
 * parameters: key 6d5a56da 255b0ec2 4167253d 43a38fb0 d0ca2bcb ae7b30b4 77cb2da3 8030f20c
 *             6a42b73b beac01fa (the RSS verification-suite key).
 */
// clara-corpus: class=hash entry=rss_tcp4_hash signature=tuple5_u32 ref=flow5-rss-tcp4 helpers=rss_word
#include <stddef.h>
#include <stdint.h>

static const uint32_t rss_key_words[10] = {
    0x6d5a56dau, 0x255b0ec2u, 0x4167253du, 0x43a38fb0u, 0xd0ca2bcbu,
    0xae7b30b4u, 0x77cb2da3u, 0x8030f20cu, 0x6a42b73bu, 0xbeac01fau,
};

/* contribution of input word number `w` (bits 32w .. 32w+31 of the input) */
static uint32_t rss_word(uint32_t word, unsigned w)
{
    uint64_t reg = (uint64_t)rss_key_words[w] << 32 | rss_key_words[w + 1];
    uint32_t out = 0;

    while (word != 0) {
        unsigned b = (unsigned)__builtin_clz(word);   /* input bit 32w + b is set */
        out ^= (uint32_t)(reg >> (32u - b));
        word &= ~(0x80000000u >> b);
    }
    return out;
}

uint32_t rss_tcp4_hash(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
                       uint8_t proto)
{
    uint32_t ports = (uint32_t)sport << 16 | dport;

    (void)proto;
    return rss_word(saddr, 0) ^ rss_word(daddr, 1) ^ rss_word(ports, 2);
}
