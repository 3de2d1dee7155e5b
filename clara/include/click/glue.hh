// -*- c++ -*-
/*
 * click/glue.hh -- Clara's Click compatibility layer: portability glue.
 *
 * Integer types, byte order, branch hints, logging, randomness, jiffies and
 * the Internet checksum.  Out-of-line functions (declared only, so their
 * calls stay visible in the IR and are tagged as framework API):
 *   click_chatter, click_random, click_jiffies, click_in_cksum,
 *   click_in_cksum_pseudohdr, click_in_cksum_pseudohdr_raw,
 *   click_in_cksum_pseudohdr_hard.
 * Inline: click_update_in_cksum, click_jiffies_less (the catalog tags calls
 * to them anyway).
 */
#ifndef CLICK_GLUE_HH
#define CLICK_GLUE_HH
#include <click/config.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <arpa/inet.h>   /* ntohs/htons/ntohl/htonl, struct in_addr */

#ifndef likely
# define likely(x)   __builtin_expect(!!(x), 1)
#endif
#ifndef unlikely
# define unlikely(x) __builtin_expect(!!(x), 0)
#endif

struct click_ip;

/* Log a message to the driver's error output (printf-style). */
void click_chatter(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- Internet checksum (RFC 1071) ---- */

/* One's-complement checksum of [addr, addr+len), complemented. */
uint16_t click_in_cksum(const unsigned char *addr, int len);
/* Fold the IPv4 pseudo-header (src, dst, proto, packet_len) into 'csum', the
   click_in_cksum() result of the transport segment (complemented, as Click
   passes it), and return the final complemented checksum. */
uint16_t click_in_cksum_pseudohdr_raw(uint32_t csum, uint32_t src, uint32_t dst,
                                      int proto, int packet_len);
/* Same, reading the pseudo-header from an IP header that carries options
   (a source route changes the effective destination). */
uint16_t click_in_cksum_pseudohdr_hard(uint32_t csum, const struct click_ip *iph,
                                       int packet_len);
/* Pseudo-header checksum for the transport segment that follows iph. */
uint16_t click_in_cksum_pseudohdr(uint32_t csum, const struct click_ip *iph,
                                  int packet_len);

/* Incrementally update the checksum *csum after a 16-bit word of the
   checksummed data changed from old_hw to new_hw (RFC 1624, eqn. 3).
   All three values are in network byte order. */
inline void
click_update_in_cksum(uint16_t *csum, uint16_t old_hw, uint16_t new_hw)
{
    uint32_t sum = (uint16_t) ~*csum;
    sum += (uint16_t) ~old_hw;
    sum += new_hw;
    sum = (sum & 0xFFFF) + (sum >> 16);
    sum = (sum & 0xFFFF) + (sum >> 16);
    *csum = (uint16_t) ~sum;
}

CLICK_DECLS

/* ---- randomness and time ---- */
#define CLICK_RAND_MAX 0x7FFFFFFFU
/* A pseudo-random number in [0, CLICK_RAND_MAX]. */
uint32_t click_random();
/* A pseudo-random number in [low, high] (inclusive). */
uint32_t click_random(uint32_t low, uint32_t high);
/* Seed the generator. */
void click_random_srandom();

typedef unsigned long click_jiffies_t;
typedef long click_jiffies_difference_t;
/* Coarse monotonic clock: CLICK_HZ ticks per second. */
click_jiffies_t click_jiffies();

inline bool click_jiffies_less(click_jiffies_t a, click_jiffies_t b) {
    return (click_jiffies_difference_t) (a - b) < 0;
}

CLICK_ENDDECLS
#endif
