/*
 * clara_nic.c -- SmartNIC-style (reverse-ported) implementations of the
 * Click framework API, in C11 for the targets' compilers.
 *
 * Same control flow as the host versions (clara/runtime/host): the same
 * bucket and slot loops in the same order, the same Vector shifting, the
 * same checksum loop; tests/test_runtime.py drives both with one random
 * operation sequence and compares results and probe counts.
 *
 * No allocation: the caller places every table, vector, ring and packet.
 * Key, value and element sizes are run-time fields (as in a generic NIC
 * library), so every loop stays a loop and a call costs
 * fixed + sum(per-trip x trips), which clara/runtime/api_costs.py reads from
 * the compiled object:
 *
 *   / * @loop UNIT * /  ...  / * @end * /   lines executed once per UNIT
 *   / * @path NAME * /  ...  / * @end * /   lines executed only on path NAME
 *
 * (markers without the spaces).  An instruction belongs to its line's
 * innermost region; lines in no region are the fixed part.  Loop headers are
 * written "for (; cond; step)" with the initialisation on the line before,
 * outside the loop region, so the per-trip count does not include it.
 * CLARA_NIC_COUNT expands to nothing unless -DCLARA_NIC_TRACE (the
 * equivalence test), so the costed code has no instrumentation.
 */
#include <stdint.h>
#include <string.h>
#include "clara_nic.h"

/* NIC cores have no vector unit, and these loops run a few trips: keep them
   scalar so that one trip is one pass over the loop body. */
#if defined(__GNUC__) && !defined(__clang__)
# pragma GCC optimize("no-tree-vectorize")
#endif

#ifdef CLARA_NIC_TRACE
struct clara_nic_trace clara_nic_last;
# define CLARA_NIC_RESET() memset(&clara_nic_last, 0, sizeof(clara_nic_last))
# define CLARA_NIC_COUNT(f) (clara_nic_last.f++)
#else
# define CLARA_NIC_RESET() ((void) 0)
# define CLARA_NIC_COUNT(f) ((void) 0)
#endif

#define CLARA_NIC_API __attribute__((noinline))

/* ================================================================ tables */

/* The slot index of key, or -1 (HashMap::find, findp; HashTable::find). */
CLARA_NIC_API int32_t
clara_nic_table_find(const struct clara_nic_table *t, const uint32_t *key, uint32_t hc)
{
    uint32_t slots = t->slots, kw = t->key_words;
    uint32_t stride = 1 + kw + t->value_words;
    uint32_t h = hc * 0x9E3779B1u;
    h ^= h >> 16;
    uint32_t base = (h & (t->nbuckets - 1)) * slots;
    const uint32_t *e = t->words + base * stride;
    uint32_t i = 0;
    CLARA_NIC_RESET();
    /* @loop probes */
    for (; i < slots; i++, e += stride) {
        CLARA_NIC_COUNT(probes);
        if (e[0]) {
            /* @loop compares */
            CLARA_NIC_COUNT(compares);
            uint32_t diff = 0;
            uint32_t w = 0;
            /* @loop compares*key_words */
            for (; w < kw; w++)
                diff |= e[1 + w] ^ key[w];
            /* @end */
            if (diff == 0) {
                /* @path hit */
                return (int32_t) (base + i);
                /* @end */
            }
            /* @end */
        }
    }
    /* @end */
    /* @path miss */
    return -1;
    /* @end */
}

/* Insert or overwrite: 1 new, 0 updated, -1 bucket full (HashMap::insert,
   set, find_force; HashTable::find_insert, set, replace). */
CLARA_NIC_API int32_t
clara_nic_table_insert(struct clara_nic_table *t, const uint32_t *key, const uint32_t *value,
                       uint32_t hc)
{
    uint32_t slots = t->slots, kw = t->key_words, vw = t->value_words;
    uint32_t stride = 1 + kw + vw;
    uint32_t h = hc * 0x9E3779B1u;
    h ^= h >> 16;
    uint32_t base = (h & (t->nbuckets - 1)) * slots;
    uint32_t *e = t->words + base * stride;
    uint32_t *free_e = 0;
    uint32_t i = 0;
    CLARA_NIC_RESET();
    /* @loop probes */
    for (; i < slots; i++, e += stride) {
        CLARA_NIC_COUNT(probes);
        if (e[0]) {
            /* @loop compares */
            CLARA_NIC_COUNT(compares);
            uint32_t diff = 0;
            uint32_t w = 0;
            /* @loop compares*key_words */
            for (; w < kw; w++)
                diff |= e[1 + w] ^ key[w];
            /* @end */
            if (diff == 0) {
                /* @path update */
                uint32_t u = 0;
                /* @loop value_words */
                for (; u < vw; u++)
                    e[1 + kw + u] = value[u];
                /* @end */
                return 0;
                /* @end */
            }
            /* @end */
        } else if (!free_e)
            free_e = e;
    }
    /* @end */
    if (!free_e) {
        /* @path full */
        return -1;
        /* @end */
    }
    /* @path new */
    free_e[0] = 1;
    uint32_t k = 0;
    /* @loop key_words */
    for (; k < kw; k++)
        free_e[1 + k] = key[k];
    /* @end */
    uint32_t v = 0;
    /* @loop value_words */
    for (; v < vw; v++)
        free_e[1 + kw + v] = value[v];
    /* @end */
    t->n++;
    return 1;
    /* @end */
}

/* Remove key: 1 if it was present (HashMap::erase, remove; HashTable::erase). */
CLARA_NIC_API int32_t
clara_nic_table_erase(struct clara_nic_table *t, const uint32_t *key, uint32_t hc)
{
    uint32_t slots = t->slots, kw = t->key_words;
    uint32_t stride = 1 + kw + t->value_words;
    uint32_t h = hc * 0x9E3779B1u;
    h ^= h >> 16;
    uint32_t base = (h & (t->nbuckets - 1)) * slots;
    uint32_t *e = t->words + base * stride;
    uint32_t i = 0;
    CLARA_NIC_RESET();
    /* @loop probes */
    for (; i < slots; i++, e += stride) {
        CLARA_NIC_COUNT(probes);
        if (e[0]) {
            /* @loop compares */
            CLARA_NIC_COUNT(compares);
            uint32_t diff = 0;
            uint32_t w = 0;
            /* @loop compares*key_words */
            for (; w < kw; w++)
                diff |= e[1 + w] ^ key[w];
            /* @end */
            if (diff == 0) {
                /* @path hit */
                e[0] = 0;
                t->n--;
                return 1;
                /* @end */
            }
            /* @end */
        }
    }
    /* @end */
    /* @path miss */
    return 0;
    /* @end */
}

/* The first occupied slot at or after 'from', or the table size
   (HashMap/HashTable begin, iterator::operator++). */
CLARA_NIC_API uint32_t
clara_nic_table_next(const struct clara_nic_table *t, uint32_t from)
{
    uint32_t total = t->nbuckets * t->slots;
    uint32_t stride = 1 + t->key_words + t->value_words;
    const uint32_t *e = t->words + from * stride;
    uint32_t i = from;
    CLARA_NIC_RESET();
    /* @loop scanned */
    for (; i < total; i++, e += stride) {
        CLARA_NIC_COUNT(probes);
        if (e[0])
            break;
    }
    /* @end */
    return i;
}

/* Empty the table: clear every valid word (HashMap/HashTable::clear). */
CLARA_NIC_API void
clara_nic_table_clear(struct clara_nic_table *t)
{
    uint32_t total = t->nbuckets * t->slots;
    uint32_t stride = 1 + t->key_words + t->value_words;
    uint32_t *e = t->words;
    uint32_t i = 0;
    /* @loop slots */
    for (; i < total; i++, e += stride)
        e[0] = 0;
    /* @end */
    t->n = 0;
}

/* =============================================================== vectors */

/* Append: 0, or -1 when full (Vector::push_back). */
CLARA_NIC_API int32_t
clara_nic_vec_push_back(struct clara_nic_vec *v, const uint32_t *elt)
{
    uint32_t n = v->n, ew = v->elt_words;
    CLARA_NIC_RESET();
    if (n == v->cap) {
        /* @path full */
        return -1;
        /* @end */
    }
    /* @path ok */
    uint32_t *to = v->words + n * ew;
    uint32_t w = 0;
    /* @loop elt_words */
    for (; w < ew; w++)
        to[w] = elt[w];
    /* @end */
    v->n = n + 1;
    return 0;
    /* @end */
}

/* Insert before 'at', moving [at, n) up from the end: 0, or -1 when full
   (Vector::insert, push_front). */
CLARA_NIC_API int32_t
clara_nic_vec_insert(struct clara_nic_vec *v, uint32_t at, const uint32_t *elt)
{
    uint32_t n = v->n, ew = v->elt_words;
    uint32_t *words = v->words;
    CLARA_NIC_RESET();
    if (n == v->cap) {
        /* @path full */
        return -1;
        /* @end */
    }
    /* @path ok */
    uint32_t j = n;
    /* @loop moved */
    for (; j > at; j--) {
        CLARA_NIC_COUNT(moved);
        uint32_t *to = words + j * ew;
        const uint32_t *from = to - ew;
        uint32_t w = 0;
        /* @loop moved*elt_words */
        for (; w < ew; w++)
            to[w] = from[w];
        /* @end */
    }
    /* @end */
    uint32_t *slot = words + at * ew;
    uint32_t w = 0;
    /* @loop elt_words */
    for (; w < ew; w++)
        slot[w] = elt[w];
    /* @end */
    v->n = n + 1;
    return 0;
    /* @end */
}

/* Remove [from, to): mark invalid, move the tail down; returns the number of
   entries moved (Vector::erase, pop_front). */
CLARA_NIC_API uint32_t
clara_nic_vec_erase(struct clara_nic_vec *v, uint32_t from, uint32_t to)
{
    uint32_t n = v->n, ew = v->elt_words;
    uint32_t *words = v->words;
    CLARA_NIC_RESET();
    if (to > n)
        to = n;
    if (from >= to) {
        /* @path empty */
        return 0;
        /* @end */
    }
    /* @path ok */
    uint32_t gap = to - from;
    uint32_t moved = 0;
    uint32_t j = to;
    /* @loop moved */
    for (; j < n; j++) {
        CLARA_NIC_COUNT(moved);
        uint32_t *dst = words + (j - gap) * ew;
        const uint32_t *src = words + j * ew;
        uint32_t w = 0;
        /* @loop moved*elt_words */
        for (; w < ew; w++)
            dst[w] = src[w];
        /* @end */
        moved++;
    }
    /* @end */
    v->n = n - gap;
    return moved;
    /* @end */
}

/* Vector::pop_back */
CLARA_NIC_API void
clara_nic_vec_pop_back(struct clara_nic_vec *v)
{
    if (v->n > 0)
        v->n--;
}

/* Vector::clear */
CLARA_NIC_API void
clara_nic_vec_clear(struct clara_nic_vec *v)
{
    v->n = 0;
}

/* Vector::operator[] and friends: fixed-offset arithmetic. */
CLARA_NIC_API uint32_t *
clara_nic_vec_at(struct clara_nic_vec *v, uint32_t i)
{
    return v->words + i * v->elt_words;
}

/* ============================================================= checksums */

/* RFC 1071 over 16-bit words in memory order (click_in_cksum). */
CLARA_NIC_API uint16_t
clara_nic_in_cksum(const unsigned char *addr, int len)
{
    uint32_t sum = 0;
    int nleft = len;
    const unsigned char *w = addr;
    CLARA_NIC_RESET();
    /* @loop words16 */
    for (; nleft > 1; nleft -= 2) {
        uint16_t v;
        memcpy(&v, w, 2);
        sum += v;
        w += 2;
        CLARA_NIC_COUNT(words);
    }
    /* @end */
    if (nleft == 1) {
        /* @path odd */
        uint16_t v = 0;
        memcpy(&v, w, 1);
        sum += v;
        /* @end */
    }
    sum = (sum & 0xFFFF) + (sum >> 16);
    sum += sum >> 16;
    return (uint16_t) ~sum;
}

/* click_in_cksum_pseudohdr(_raw): csum is click_in_cksum's result. */
CLARA_NIC_API uint16_t
clara_nic_in_cksum_pseudohdr_raw(uint32_t csum, uint32_t src, uint32_t dst, int proto,
                                 int packet_len)
{
    uint32_t sum = (uint16_t) ~csum;
    uint16_t p = (uint16_t) proto, l = (uint16_t) packet_len;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    p = (uint16_t) (p << 8 | p >> 8);
    l = (uint16_t) (l << 8 | l >> 8);
#endif
    sum += (src >> 16) + (src & 0xFFFF);
    sum += (dst >> 16) + (dst & 0xFFFF);
    sum += (uint32_t) p + l;
    sum = (sum & 0xFFFF) + (sum >> 16);
    sum += sum >> 16;
    return (uint16_t) ~sum;
}

/* ===================================================== time and randomness */

volatile uint64_t clara_nic_timer;
static uint32_t random_state = 0x2545F491u;

/* Timestamp::now: one read of the timestamp counter (1 tick = 1 ns). */
CLARA_NIC_API int64_t
clara_nic_timestamp_now(void)
{
    return (int64_t) clara_nic_timer;
}

/* click_jiffies: the counter in ~1 ms ticks (2^20 ns). */
CLARA_NIC_API uint64_t
clara_nic_jiffies(void)
{
    return clara_nic_timer >> 20;
}

/* click_random: xorshift32, 31 bits out (as the host runtime). */
CLARA_NIC_API uint32_t
clara_nic_random(void)
{
    uint32_t x = random_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    random_state = x;
    return x & 0x7FFFFFFFu;
}

void
clara_nic_srandom(uint32_t seed)
{
    random_state = seed * 0x9E3779B1u ^ 0x2545F491u;
    if (!random_state)
        random_state = 0x2545F491u;
}

/* =============================================================== packets */

/* Packet::ip_header / network_header: buffer + the parsed L3 offset. */
CLARA_NIC_API const unsigned char *
clara_nic_pkt_ip_header(const struct clara_nic_pkt *p)
{
    return p->buf + p->l3_off;
}

/* Packet::transport_header, tcp_header, udp_header. */
CLARA_NIC_API const unsigned char *
clara_nic_pkt_transport_header(const struct clara_nic_pkt *p)
{
    return p->buf + p->l4_off;
}

/* Packet::data */
CLARA_NIC_API unsigned char *
clara_nic_pkt_data(const struct clara_nic_pkt *p)
{
    return p->buf + p->off;
}

/* Packet::length */
CLARA_NIC_API uint32_t
clara_nic_pkt_length(const struct clara_nic_pkt *p)
{
    return p->len;
}

/* Packet::push: into the headroom, or fail (no reallocation on a NIC). */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_push(struct clara_nic_pkt *p, uint32_t n)
{
    if (p->off < n) {
        /* @path fail */
        return 0;
        /* @end */
    }
    p->off -= n;
    p->len += n;
    return p;
}

/* Packet::pull */
CLARA_NIC_API void
clara_nic_pkt_pull(struct clara_nic_pkt *p, uint32_t n)
{
    if (n > p->len)
        n = p->len;
    p->off += n;
    p->len -= n;
}

/* Packet::put: into the tailroom, or fail. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_put(struct clara_nic_pkt *p, uint32_t n)
{
    if (p->off + p->len + n > p->buf_len) {
        /* @path fail */
        return 0;
        /* @end */
    }
    p->len += n;
    return p;
}

/* Packet::take */
CLARA_NIC_API void
clara_nic_pkt_take(struct clara_nic_pkt *p, uint32_t n)
{
    if (n > p->len)
        n = p->len;
    p->len -= n;
}

/* Packet::uniqueify: a NIC packet belongs to the thread processing it and is
   always writable. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_uniqueify(struct clara_nic_pkt *p)
{
    return p;
}

/* Packet::anno_u32 and the annotation macros. */
CLARA_NIC_API uint32_t
clara_nic_pkt_anno_u32(const struct clara_nic_pkt *p, uint32_t word)
{
    return p->anno[word];
}

/* Packet::set_anno_u32 */
CLARA_NIC_API void
clara_nic_pkt_set_anno_u32(struct clara_nic_pkt *p, uint32_t word, uint32_t v)
{
    p->anno[word] = v;
}

/* Packet::make: a buffer from the free ring, data copied in by words. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_make(struct clara_nic_ring *free_ring, uint32_t headroom,
                   const unsigned char *data, uint32_t len)
{
    if (free_ring->head == free_ring->tail) {
        /* @path empty */
        return 0;
        /* @end */
    }
    struct clara_nic_pkt *p = free_ring->slot[free_ring->head++ & free_ring->mask];
    if (headroom + len > p->buf_len) {
        /* @path too_big */
        free_ring->head--;
        return 0;
        /* @end */
    }
    p->off = headroom;
    p->len = len;
    p->l2_off = p->l3_off = p->l4_off = headroom;
    unsigned char *to = p->buf + headroom;
    uint32_t i = 0;
    /* @loop words */
    for (; i + 4 <= len; i += 4) {
        uint32_t w;
        memcpy(&w, data + i, 4);
        memcpy(to + i, &w, 4);
    }
    /* @end */
    /* @loop tail_bytes */
    for (; i < len; i++)
        to[i] = data[i];
    /* @end */
    return p;
}

/* Packet::kill: the buffer back on the free ring. */
CLARA_NIC_API void
clara_nic_pkt_kill(struct clara_nic_ring *free_ring, struct clara_nic_pkt *p)
{
    free_ring->slot[free_ring->tail++ & free_ring->mask] = p;
}

/* Packet::clone: NIC buffers are not shared; a clone is a copy of the used
   part of the buffer (by words) and of the descriptor. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_clone(struct clara_nic_ring *free_ring, const struct clara_nic_pkt *p)
{
    if (free_ring->head == free_ring->tail) {
        /* @path empty */
        return 0;
        /* @end */
    }
    struct clara_nic_pkt *q = free_ring->slot[free_ring->head++ & free_ring->mask];
    uint32_t used = p->off + p->len;
    uint32_t i = 0;
    /* @loop words */
    for (; i < used; i += 4) {
        uint32_t w;
        memcpy(&w, p->buf + i, 4);
        memcpy(q->buf + i, &w, 4);
    }
    /* @end */
    q->off = p->off;
    q->len = p->len;
    q->l2_off = p->l2_off;
    q->l3_off = p->l3_off;
    q->l4_off = p->l4_off;
    q->timestamp = p->timestamp;
    uint32_t a = 0;
    /* @loop anno_words */
    for (; a < CLARA_NIC_ANNO_WORDS; a++)
        q->anno[a] = p->anno[a];
    /* @end */
    return q;
}

/* Packet::copy_annotations */
CLARA_NIC_API void
clara_nic_pkt_copy_annotations(struct clara_nic_pkt *to, const struct clara_nic_pkt *from)
{
    uint32_t a = 0;
    /* @loop anno_words */
    for (; a < CLARA_NIC_ANNO_WORDS; a++)
        to->anno[a] = from->anno[a];
    /* @end */
    to->timestamp = from->timestamp;
}

/* Element::Port::push: enqueue on the next stage's (or the wire's) ring;
   -1 when the ring is full. */
CLARA_NIC_API int32_t
clara_nic_port_push(struct clara_nic_ring *tx, struct clara_nic_pkt *p)
{
    if (tx->tail - tx->head > tx->mask) {
        /* @path full */
        return -1;
        /* @end */
    }
    tx->slot[tx->tail++ & tx->mask] = p;
    return 0;
}

/* Element::Port::pull: dequeue, or null. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_port_pull(struct clara_nic_ring *rx)
{
    if (rx->head == rx->tail) {
        /* @path empty */
        return 0;
        /* @end */
    }
    return rx->slot[rx->head++ & rx->mask];
}

/* IPFlowID(const click_ip *): addresses at fixed offsets, ports at the IP
   header length; flow = {saddr, daddr, sport | dport << 16}, wire order. */
CLARA_NIC_API void
clara_nic_flowid(const unsigned char *iph, uint32_t *flow)
{
    const unsigned char *l4 = iph + ((iph[0] & 0xF) << 2);
    uint32_t s, d;
    uint16_t sp, dp;
    memcpy(&s, iph + 12, 4);
    memcpy(&d, iph + 16, 4);
    memcpy(&sp, l4, 2);
    memcpy(&dp, l4 + 2, 2);
    flow[0] = s;
    flow[1] = d;
    flow[2] = (uint32_t) sp | (uint32_t) dp << 16;
}
