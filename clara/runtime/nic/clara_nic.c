/*
 * clara_nic.c -- SmartNIC-style (reverse-ported) implementations of the
 * Click framework API, in C11 for the targets' compilers.
 *
 * Same control flow and data layout as the host versions (clara/runtime/host
 * and the inline members of clara/include): the same bucket and slot loops in
 * the same order over a valid byte per slot, the same Vector shifting, the
 * same checksum loop, the same packet descriptor with header pointers, the
 * same hand-off of a packet to the next element; tests/test_runtime.py
 * drives the containers of both with one random operation sequence and
 * compares results and probe counts.
 *
 * No allocation: the caller places every table, vector, pool and packet.
 * Key, value and element sizes are run-time fields (as in a generic NIC
 * library), so every loop stays a loop and a call costs
 * fixed + sum(per-trip x trips), which clara/runtime/api_costs.py reads from
 * the compiled object.  The table operations are also compiled for key sizes
 * of 1 to 4 words (clara_nic_table_find_k3, ...), where the compiler unrolls
 * the key loops as it does for a typed host container, and for key and value
 * sizes of 1 to 4 words each (clara_nic_table_insert_k3v2, ...), where the
 * value copies and the slot stride are compile-time too, as a typed host
 * container's entry assignment and element size are.  Markers:
 *
 *   / * @loop UNIT * /  ...  / * @end * /   a loop: lines executed once per UNIT
 *   / * @each UNIT * /  ...  / * @end * /   lines executed once per UNIT inside
 *                                           the enclosing loop (a conditional
 *                                           part of its body)
 *   / * @path NAME * /  ...  / * @end * /   lines executed only on path NAME
 *
 * (markers without the spaces).  An instruction belongs to its line's
 * innermost region; lines in no region are the fixed part.  Loop headers are
 * written "for (; cond; step)" with the initialisation on the line before,
 * outside the loop region, so the per-trip count does not include it.  A loop
 * written as one macro line (CLARA_NIC_KEY_HASH, ...) is one region: what the
 * compiler keeps inside its back edge counts per trip, the rest (and the
 * whole of an unrolled loop) counts in the region around it.
 *
 * Functions marked "inline" in api_costs.py are inline members on the host
 * (header accessors, Timestamp and IPAddress operators, byte order, the fast
 * paths of uniqueify/push/put): their cost is their instructions without the
 * return, what the compiler leaves of them at a call site it inlines.
 *
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
#define CLARA_NIC_BODY static inline __attribute__((always_inline))

/* One-line loops over n 32-bit words (see the file comment).  The key loops
   are written out in full for a key size known at compile time (sized != 0),
   as a typed key's hashcode and operator== are on the host. */
#define CLARA_NIC_WORDS(sized, n, step) \
    do { uint32_t w_ = 0; if (sized) { _Pragma("GCC unroll 8") for (; w_ < (n); w_++) step; } else { for (; w_ < (n); w_++) step; } } while (0)
#define CLARA_NIC_KEY_HASH(h, key, n, sized) \
    do { h = 0; CLARA_NIC_WORDS(sized, n, h = (h << 5 | h >> 27) ^ (key)[w_]); } while (0)
#define CLARA_NIC_KEY_DIFF(diff, e, key, n, sized) \
    do { diff = 0; CLARA_NIC_WORDS(sized, n, diff |= (e)[w_] ^ (key)[w_]); } while (0)
#define CLARA_NIC_COPY(to, from, n, sized) \
    do { CLARA_NIC_WORDS(sized, n, (to)[w_] = (from)[w_]); } while (0)

/* ================================================================ tables */

/* The bucket of a hash: Fibonacci multiply, fold, mask (clara_rt_bucket). */
CLARA_NIC_BODY uint32_t
bucket_of(uint32_t h, uint32_t nbuckets)
{
    h *= 0x9E3779B1u;
    h ^= h >> 16;
    return h & (nbuckets - 1);
}

CLARA_NIC_API uint32_t
clara_nic_key_hash(const uint32_t *key, uint32_t key_words)
{
    uint32_t h;
    /* @loop key_words */
    CLARA_NIC_KEY_HASH(h, key, key_words, 0);
    /* @end */
    return h;
}

/* The slot index of key, or -1 (HashMap::find, findp; HashTable::find). */
CLARA_NIC_BODY int32_t
table_find(const struct clara_nic_table *t, const uint32_t *key, uint32_t kw, int sized,
           uint32_t vw)
{
    uint32_t h;
    /* @loop key_words */
    CLARA_NIC_KEY_HASH(h, key, kw, sized);
    /* @end */
    uint32_t slots = t->slots, stride = kw + vw;
    uint32_t base = bucket_of(h, t->nbuckets) * slots;
    const unsigned char *valid = t->valid + base;
    const uint32_t *e = t->entries + base * stride;
    uint32_t i = 0;
    CLARA_NIC_RESET();
    /* @loop probes */
    for (; i < slots; i++, e += stride) {
        CLARA_NIC_COUNT(probes);
        if (valid[i]) {
            /* @each compares */
            CLARA_NIC_COUNT(compares);
            uint32_t diff;
            /* @loop compares*key_words */
            CLARA_NIC_KEY_DIFF(diff, e, key, kw, sized);
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
   set, find_force; HashTable::find_insert, set, replace).  One pass: a
   present key is found even behind a free slot (erase leaves holes). */
CLARA_NIC_BODY int32_t
table_insert(struct clara_nic_table *t, const uint32_t *key, const uint32_t *value, uint32_t kw,
             int sized, uint32_t vw, int value_sized)
{
    uint32_t h;
    /* @loop key_words */
    CLARA_NIC_KEY_HASH(h, key, kw, sized);
    /* @end */
    uint32_t slots = t->slots, stride = kw + vw;
    uint32_t base = bucket_of(h, t->nbuckets) * slots;
    const unsigned char *valid = t->valid + base;
    uint32_t *e = t->entries + base * stride;
    int32_t free_slot = -1;
    uint32_t i = 0;
    CLARA_NIC_RESET();
    /* @loop probes */
    for (; i < slots; i++, e += stride) {
        CLARA_NIC_COUNT(probes);
        uint32_t used = valid[i];
        free_slot = used || free_slot >= 0 ? free_slot : (int32_t) i;
        if (used) {
            /* @each compares */
            CLARA_NIC_COUNT(compares);
            uint32_t diff;
            /* @loop compares*key_words */
            CLARA_NIC_KEY_DIFF(diff, e, key, kw, sized);
            /* @end */
            if (diff == 0) {
                /* @path update */
                /* @loop value_words */
                CLARA_NIC_COPY(e + kw, value, vw, value_sized);
                /* @end */
                return 0;
                /* @end */
            }
            /* @end */
        }
    }
    /* @end */
    if (free_slot < 0) {
        /* @path full */
        return -1;
        /* @end */
    }
    /* @path new */
    uint32_t *to = t->entries + (base + (uint32_t) free_slot) * stride;
    /* @loop key_words */
    CLARA_NIC_COPY(to, key, kw, sized);
    /* @end */
    /* @loop value_words */
    CLARA_NIC_COPY(to + kw, value, vw, value_sized);
    /* @end */
    t->valid[base + (uint32_t) free_slot] = 1;
    t->n++;
    return 1;
    /* @end */
}

/* Remove key: 1 if it was present (HashMap::erase, remove; HashTable::erase). */
CLARA_NIC_BODY int32_t
table_erase(struct clara_nic_table *t, const uint32_t *key, uint32_t kw, int sized,
            uint32_t vw)
{
    uint32_t h;
    /* @loop key_words */
    CLARA_NIC_KEY_HASH(h, key, kw, sized);
    /* @end */
    uint32_t slots = t->slots, stride = kw + vw;
    uint32_t base = bucket_of(h, t->nbuckets) * slots;
    unsigned char *valid = t->valid + base;
    const uint32_t *e = t->entries + base * stride;
    uint32_t i = 0;
    CLARA_NIC_RESET();
    /* @loop probes */
    for (; i < slots; i++, e += stride) {
        CLARA_NIC_COUNT(probes);
        if (valid[i]) {
            /* @each compares */
            CLARA_NIC_COUNT(compares);
            uint32_t diff;
            /* @loop compares*key_words */
            CLARA_NIC_KEY_DIFF(diff, e, key, kw, sized);
            /* @end */
            if (diff == 0) {
                /* @path hit */
                valid[i] = 0;
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

CLARA_NIC_API int32_t
clara_nic_table_find(const struct clara_nic_table *t, const uint32_t *key)
{
    return table_find(t, key, t->key_words, 0, t->value_words);
}

CLARA_NIC_API int32_t
clara_nic_table_insert(struct clara_nic_table *t, const uint32_t *key, const uint32_t *value)
{
    return table_insert(t, key, value, t->key_words, 0, t->value_words, 0);
}

CLARA_NIC_API int32_t
clara_nic_table_erase(struct clara_nic_table *t, const uint32_t *key)
{
    return table_erase(t, key, t->key_words, 0, t->value_words);
}

/* The same operations compiled for a key of k words (the value size read
   from the table). */
#define CLARA_NIC_TABLE_SIZED(k)                                                            \
    CLARA_NIC_API int32_t                                                                   \
    clara_nic_table_find_k##k(const struct clara_nic_table *t, const uint32_t *key)         \
    { return table_find(t, key, k, 1, t->value_words); }                                       \
    CLARA_NIC_API int32_t                                                                   \
    clara_nic_table_insert_k##k(struct clara_nic_table *t, const uint32_t *key,             \
                                const uint32_t *value)                                      \
    { return table_insert(t, key, value, k, 1, t->value_words, 0); }                           \
    CLARA_NIC_API int32_t                                                                   \
    clara_nic_table_erase_k##k(struct clara_nic_table *t, const uint32_t *key)              \
    { return table_erase(t, key, k, 1, t->value_words); }
CLARA_NIC_FOR_EACH_K(CLARA_NIC_TABLE_SIZED)

/* ... and for a key of k words and a value of n words (the table's value_words
   must be n). */
#define CLARA_NIC_TABLE_SIZED_KV(k, n)                                                      \
    CLARA_NIC_API int32_t                                                                   \
    clara_nic_table_find_k##k##v##n(const struct clara_nic_table *t, const uint32_t *key)   \
    { return table_find(t, key, k, 1, n); }                                                    \
    CLARA_NIC_API int32_t                                                                   \
    clara_nic_table_insert_k##k##v##n(struct clara_nic_table *t, const uint32_t *key,       \
                                      const uint32_t *value)                                \
    { return table_insert(t, key, value, k, 1, n, 1); }                                        \
    CLARA_NIC_API int32_t                                                                   \
    clara_nic_table_erase_k##k##v##n(struct clara_nic_table *t, const uint32_t *key)        \
    { return table_erase(t, key, k, 1, n); }
CLARA_NIC_FOR_EACH_KV(CLARA_NIC_TABLE_SIZED_KV)

/* The first used slot at or after 'from', or the table size
   (HashMap/HashTable begin, iterator::operator++). */
CLARA_NIC_API uint32_t
clara_nic_table_next(const struct clara_nic_table *t, uint32_t from)
{
    uint32_t total = t->nbuckets * t->slots;
    uint32_t i = from;
    CLARA_NIC_RESET();
    /* @loop scanned */
    for (; i < total; i++) {
        CLARA_NIC_COUNT(probes);
        if (t->valid[i])
            break;
    }
    /* @end */
    return i;
}

/* Empty the table: clear every valid byte (HashMap/HashTable::clear). */
CLARA_NIC_API void
clara_nic_table_clear(struct clara_nic_table *t)
{
    uint32_t total = t->nbuckets * t->slots;
    uint32_t i = 0;
    /* @loop slots */
    for (; i < total; i++)
        t->valid[i] = 0;
    /* @end */
    t->n = 0;
}

/* HashMap/HashTable::size (inline). */
CLARA_NIC_API uint32_t
clara_nic_table_size(const struct clara_nic_table *t)
{
    return t->n;
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
    uint32_t *to = v->l + n * ew;
    /* @loop elt_words */
    CLARA_NIC_COPY(to, elt, ew, 0);
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
    uint32_t *l = v->l;
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
        uint32_t *to = l + j * ew;
        /* @loop moved*elt_words */
        CLARA_NIC_COPY(to, to - ew, ew, 0);
        /* @end */
    }
    /* @end */
    uint32_t *slot = l + at * ew;
    /* @loop elt_words */
    CLARA_NIC_COPY(slot, elt, ew, 0);
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
    uint32_t *l = v->l;
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
        uint32_t *dst = l + (j - gap) * ew;
        /* @loop moved*elt_words */
        CLARA_NIC_COPY(dst, l + j * ew, ew, 0);
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

/* Vector::operator[] and friends (inline): base + index x entry size. */
CLARA_NIC_API uint32_t *
clara_nic_vec_at(const struct clara_nic_vec *v, uint32_t i)
{
    return v->l + i * CLARA_NIC_VEC_ACCESS_WORDS;
}

/* Vector::size (inline). */
CLARA_NIC_API uint32_t
clara_nic_vec_size(const struct clara_nic_vec *v)
{
    return v->n;
}

/* ====================================================== checksums, order */

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

/* click_update_in_cksum (inline): RFC 1624 incremental update of a stored
   checksum for one 16-bit word changing from old_hw to new_hw. */
CLARA_NIC_BODY void
update_in_cksum(uint16_t *csum, uint16_t old_hw, uint16_t new_hw)
{
    uint32_t sum = (uint16_t) ~*csum;
    sum += (uint16_t) ~old_hw;
    sum += new_hw;
    sum = (sum & 0xFFFF) + (sum >> 16);
    sum = (sum & 0xFFFF) + (sum >> 16);
    *csum = (uint16_t) ~sum;
}

CLARA_NIC_API void
clara_nic_update_in_cksum(uint16_t *csum, uint16_t old_hw, uint16_t new_hw)
{
    update_in_cksum(csum, old_hw, new_hw);
}

/* Two updates in a row (an address is two 16-bit words): the sum stays in a
   register between them; less one update, what an update costs in a chain. */
CLARA_NIC_API void
clara_nic_update_in_cksum2(uint16_t *csum, uint16_t old1, uint16_t new1, uint16_t old2,
                           uint16_t new2)
{
    update_in_cksum(csum, old1, new1);
    update_in_cksum(csum, old2, new2);
}

/* An update of a second checksum with the same old and new words as an update
   before it (an address rewrite fixes the IP checksum and the transport one):
   ~old + new is computed once; less one update, what the repeat costs. */
CLARA_NIC_API void
clara_nic_update_in_cksum_rep(uint16_t *csum, uint16_t *csum2, uint16_t old_hw,
                              uint16_t new_hw)
{
    update_in_cksum(csum, old_hw, new_hw);
    update_in_cksum(csum2, old_hw, new_hw);
}

/* A chained pair of updates repeated on a second checksum: the last update's
   cost is this less clara_nic_update_in_cksum_rep2_head (the first three). */
CLARA_NIC_API void
clara_nic_update_in_cksum_rep2(uint16_t *csum, uint16_t *csum2, uint16_t old1, uint16_t new1,
                               uint16_t old2, uint16_t new2)
{
    update_in_cksum(csum, old1, new1);
    update_in_cksum(csum, old2, new2);
    update_in_cksum(csum2, old1, new1);
    update_in_cksum(csum2, old2, new2);
}

CLARA_NIC_API void
clara_nic_update_in_cksum_rep2_head(uint16_t *csum, uint16_t *csum2, uint16_t old1,
                                    uint16_t new1, uint16_t old2, uint16_t new2)
{
    update_in_cksum(csum, old1, new1);
    update_in_cksum(csum, old2, new2);
    update_in_cksum(csum2, old1, new1);
    (void) new2;
}

/* ntohs/htons and ntohl/htonl (inline). */
CLARA_NIC_API uint16_t
clara_nic_bswap16(uint16_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (uint16_t) (x << 8 | x >> 8);
#else
    return x;
#endif
}

CLARA_NIC_API uint32_t
clara_nic_bswap32(uint32_t x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return __builtin_bswap32(x);
#else
    return x;
#endif
}

/* ===================================================== time and randomness */

volatile int64_t clara_nic_timer;
static uint32_t random_state = 0x2545F491u;

/* Timestamp::now: one read of the timestamp counter (1 tick = 1 ns). */
CLARA_NIC_API int64_t
clara_nic_timestamp_now(void)
{
    return clara_nic_timer;
}

/* click_jiffies: the counter in ~1 ms ticks (2^20 ns). */
CLARA_NIC_API uint64_t
clara_nic_jiffies(void)
{
    return (uint64_t) clara_nic_timer >> 20;
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

/* Timestamp operator- (inline). */
CLARA_NIC_API int64_t
clara_nic_ts_sub(const int64_t *a, const int64_t *b)
{
    return *a - *b;
}

/* A call site's branch on a value it has in a register: what the predicates
   below cost beyond it is their cost at a call site that branches on them. */
CLARA_NIC_API void
clara_nic_branch_reference(uint32_t value, uint32_t *taken)
{
    if (value)
        *taken = 1;
}

/* Timestamp operator<, <=, >, >=, ==, != (inline), as a call site branches on
   it (less clara_nic_branch_reference: the branch is the caller's code). */
CLARA_NIC_API void
clara_nic_ts_less(const int64_t *a, const int64_t *b, uint32_t *taken)
{
    int less = *a < *b;
    if (less)
        *taken = 1;
}

/* Timestamp operator bool / is_set (inline), as a call site branches on it. */
CLARA_NIC_API void
clara_nic_ts_nonzero(const int64_t *t, uint32_t *taken)
{
    int set = *t != 0;
    if (set)
        *taken = 1;
}

/* Timestamp::sec (inline): floor division by 10^9. */
CLARA_NIC_API int64_t
clara_nic_ts_sec(const int64_t *t)
{
    int64_t q = *t / 1000000000, r = *t % 1000000000;
    return r < 0 ? q - 1 : q;
}

/* ================================================ addresses and flow ids */

/* IPAddress::addr (inline). */
CLARA_NIC_API uint32_t
clara_nic_ipaddr_addr(const uint32_t *a)
{
    return *a;
}

/* IPAddress operator bool / empty (inline), as a call site branches on it. */
CLARA_NIC_API void
clara_nic_ipaddr_nonzero(const uint32_t *a, uint32_t *taken)
{
    int set = *a != 0;
    if (set)
        *taken = 1;
}

/* IPFlowID::saddr, daddr, sport, dport (inline). */
CLARA_NIC_API uint32_t
clara_nic_flowid_field(const struct clara_nic_flowid *flow)
{
    return flow->daddr;
}

/* =============================================================== packets */

/* Packet::network_header, ip_header (inline). */
CLARA_NIC_API const unsigned char *
clara_nic_pkt_network_header(const struct clara_nic_pkt *p)
{
    return p->nh;
}

/* Packet::has_network_header (inline), as a call site branches on it. */
CLARA_NIC_API void
clara_nic_pkt_has_network_header(const struct clara_nic_pkt *p, uint32_t *taken)
{
    int has = p->nh != 0;
    if (has)
        *taken = 1;
}

/* Packet::transport_header, tcp_header, udp_header, icmp_header (inline). */
CLARA_NIC_API const unsigned char *
clara_nic_pkt_transport_header(const struct clara_nic_pkt *p)
{
    return p->h;
}

/* Packet::mac_header, ether_header (inline). */
CLARA_NIC_API const unsigned char *
clara_nic_pkt_mac_header(const struct clara_nic_pkt *p)
{
    return p->mac;
}

/* Packet::data, end_data, buffer, end_buffer (inline). */
CLARA_NIC_API unsigned char *
clara_nic_pkt_data(const struct clara_nic_pkt *p)
{
    return p->data;
}

/* Packet::length (inline). */
CLARA_NIC_API uint32_t
clara_nic_pkt_length(const struct clara_nic_pkt *p)
{
    return (uint32_t) (p->tail - p->data);
}

/* Packet::headroom, tailroom, the header offsets and lengths (inline). */
CLARA_NIC_API uint32_t
clara_nic_pkt_headroom(const struct clara_nic_pkt *p)
{
    return (uint32_t) (p->data - p->head);
}

/* Packet::set_network_header, set_ip_header (inline). */
CLARA_NIC_API void
clara_nic_pkt_set_network_header(struct clara_nic_pkt *p, unsigned char *nh, uint32_t len)
{
    p->nh = nh;
    p->h = nh + len;
}

/* Packet::shared (inline), as a call site branches on it. */
CLARA_NIC_API void
clara_nic_pkt_shared(const struct clara_nic_pkt *p, uint32_t *taken)
{
    int shared = p->data_packet != 0 || p->use_count > 1;
    if (shared)
        *taken = 1;
}

/* Packet::uniqueify (inline): the packet itself unless its data is shared,
   else a copy (clara_nic_pkt_copy_data). */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_uniqueify(struct clara_nic_pkt *p)
{
    if (p->data_packet != 0 || p->use_count > 1) {
        /* @path copy */
        return clara_nic_pkt_copy_data(clara_nic_default_pool, p);
        /* @end */
    }
    return p;
}

/* Packet::expensive_uniqueify of a clone: its own buffer gets a copy of the
   used part of the shared one, by words. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_copy_data(struct clara_nic_pool *pool, struct clara_nic_pkt *p)
{
    struct clara_nic_pkt *owner = p->data_packet;
    uint32_t index = (uint32_t) (((unsigned char *) p - pool->descs) / pool->desc_size);
    unsigned char *to = pool->bufs + (uint64_t) index * pool->buf_size;
    uint32_t used = (uint32_t) (p->tail - p->head);
    const unsigned char *from = p->head;
    uint32_t i = 0;
    /* @loop words */
    for (; i < used; i += 4)
        memcpy(to + i, from + i, 4);
    /* @end */
    int64_t shift = to - p->head;
    p->data += shift;
    p->tail += shift;
    if (p->mac)
        p->mac += shift;
    if (p->nh)
        p->nh += shift;
    if (p->h)
        p->h += shift;
    p->head = to;
    p->end = to + pool->buf_size;
    p->data_packet = 0;
    p->use_count = 1;
    if (owner && --owner->use_count <= 0) {
        /* @path release */
        pool->free_list[pool->free_top++] =
            (uint32_t) (((unsigned char *) owner - pool->descs) / pool->desc_size);
        /* @end */
    }
    return p;
}

/* Packet::push (inline fast path): into the headroom of an unshared packet,
   else the data is moved (clara_nic_pkt_move_data, Packet::expensive_push). */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_push(struct clara_nic_pkt *p, uint32_t n)
{
    if ((uint32_t) (p->data - p->head) >= n && !(p->data_packet != 0 || p->use_count > 1)) {
        p->data -= n;
        return p;
    }
    /* @path slow */
    return clara_nic_pkt_move_data(p, (int32_t) n);
    /* @end */
}

/* Packet::put (inline fast path): into the tailroom of an unshared packet. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_put(struct clara_nic_pkt *p, uint32_t n)
{
    if ((uint32_t) (p->end - p->tail) >= n && !(p->data_packet != 0 || p->use_count > 1)) {
        p->tail += n;
        return p;
    }
    /* @path slow */
    return clara_nic_pkt_move_data(p, -(int32_t) n);
    /* @end */
}

/* Packet::expensive_push/put, shift_data: move the data by delta bytes within
   the buffer (by words) to make the room; null if it does not fit. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_move_data(struct clara_nic_pkt *p, int32_t delta)
{
    if (p->data + delta < p->head || p->tail + delta > p->end) {
        /* @path fail */
        return 0;
        /* @end */
    }
    uint32_t len = (uint32_t) (p->tail - p->data);
    unsigned char *to = p->data + delta;
    uint32_t i = len;
    /* @loop words */
    for (; i >= 4; i -= 4)
        memmove(to + i - 4, p->data + i - 4, 4);
    /* @end */
    p->data = to;
    p->tail += delta;
    if (p->mac)
        p->mac += delta;
    if (p->nh)
        p->nh += delta;
    if (p->h)
        p->h += delta;
    return p;
}

/* Packet::pull (inline). */
CLARA_NIC_API void
clara_nic_pkt_pull(struct clara_nic_pkt *p, uint32_t n)
{
    uint32_t len = (uint32_t) (p->tail - p->data);
    if (n > len)
        n = len;
    p->data += n;
}

/* Packet::take (inline). */
CLARA_NIC_API void
clara_nic_pkt_take(struct clara_nic_pkt *p, uint32_t n)
{
    uint32_t len = (uint32_t) (p->tail - p->data);
    if (n > len)
        n = len;
    p->tail -= n;
}

/* Packet::anno_u32, dst_ip_anno and the annotation macros (inline): a word at
   a constant offset (the *_ANNO_OFFSET of the macro). */
CLARA_NIC_API uint32_t
clara_nic_pkt_anno_u32(const struct clara_nic_pkt *p)
{
    uint32_t v;
    memcpy(&v, p->anno + CLARA_NIC_ANNO_OFFSET, 4);
    return v;
}

/* Packet::set_anno_u32, set_dst_ip_anno, set_anno_u8 ... (inline). */
CLARA_NIC_API void
clara_nic_pkt_set_anno_u32(struct clara_nic_pkt *p, uint32_t v)
{
    memcpy(p->anno + CLARA_NIC_ANNO_OFFSET, &v, 4);
}

/* Packet::make: a descriptor off the free stack, its buffer, the data copied
   in by words. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_make(struct clara_nic_pool *pool, uint32_t headroom, const unsigned char *data,
                   uint32_t len, uint32_t tailroom)
{
    if ((uint64_t) headroom + len + tailroom > pool->buf_size) {
        /* @path too_big */
        return 0;
        /* @end */
    }
    if (pool->free_top == 0) {
        /* @path empty */
        return 0;
        /* @end */
    }
    uint32_t index = pool->free_list[--pool->free_top];
    struct clara_nic_pkt *p = (struct clara_nic_pkt *) (pool->descs
                                                        + (uint64_t) index * pool->desc_size);
    memset(p, 0, sizeof(*p));
    p->use_count = 1;
    p->head = pool->bufs + (uint64_t) index * pool->buf_size;
    p->end = p->head + pool->buf_size;
    p->data = p->head + headroom;
    p->tail = p->data + len;
    unsigned char *to = p->data;
    uint32_t i = 0;
    /* @loop words */
    for (; i + 4 <= len; i += 4)
        memcpy(to + i, data + i, 4);
    /* @end */
    /* @loop tail_bytes */
    for (; i < len; i++)
        to[i] = data[i];
    /* @end */
    return p;
}

/* Packet::kill: the descriptor (and the data owner's, when its last clone
   goes) back on the free stack. */
CLARA_NIC_API void
clara_nic_pkt_kill(struct clara_nic_pool *pool, struct clara_nic_pkt *p)
{
    struct clara_nic_pkt *dp = p->data_packet;
    if (dp) {
        /* @path clone */
        p->data_packet = 0;
        pool->free_list[pool->free_top++] =
            (uint32_t) (((unsigned char *) p - pool->descs) / pool->desc_size);
        if (--dp->use_count <= 0)
            pool->free_list[pool->free_top++] =
                (uint32_t) (((unsigned char *) dp - pool->descs) / pool->desc_size);
        /* @end */
    } else if (--p->use_count <= 0) {
        /* @path last */
        pool->free_list[pool->free_top++] =
            (uint32_t) (((unsigned char *) p - pool->descs) / pool->desc_size);
        /* @end */
    }
}

/* Packet::clone: a descriptor that shares p's data (copy on write), with p's
   header pointers and annotations. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_pkt_clone(struct clara_nic_pool *pool, struct clara_nic_pkt *p)
{
    if (pool->free_top == 0) {
        /* @path empty */
        return 0;
        /* @end */
    }
    struct clara_nic_pkt *owner = p->data_packet ? p->data_packet : p;
    uint32_t index = pool->free_list[--pool->free_top];
    struct clara_nic_pkt *c = (struct clara_nic_pkt *) (pool->descs
                                                        + (uint64_t) index * pool->desc_size);
    *c = *p;
    c->next = c->prev = 0;
    c->data_packet = owner;
    c->use_count = 1;
    owner->use_count++;
    return c;
}

/* Packet::copy_annotations */
CLARA_NIC_API void
clara_nic_pkt_copy_annotations(struct clara_nic_pkt *to, const struct clara_nic_pkt *from)
{
    memcpy(to->anno, from->anno, CLARA_NIC_ANNO_BYTES);
    to->packet_type = from->packet_type;
    to->timestamp = from->timestamp;
}

/* IPFlowID(const Packet *, bool reverse): addresses at fixed offsets of the
   network header, ports at the start of the transport header, wire order. */
CLARA_NIC_API void
clara_nic_flowid_packet(struct clara_nic_flowid *flow, const struct clara_nic_pkt *p,
                        int reverse)
{
    const unsigned char *iph = p->nh, *l4 = p->h;
    uint16_t sp, dp;
    uint32_t s, d;
    memcpy(&sp, l4, 2);
    memcpy(&dp, l4 + 2, 2);
    memcpy(&s, iph + 12, 4);
    memcpy(&d, iph + 16, 4);
    if (reverse) {
        /* @path reverse */
        flow->saddr = d;
        flow->daddr = s;
        flow->sport = dp;
        flow->dport = sp;
        /* @end */
    } else {
        /* @path forward */
        flow->saddr = s;
        flow->daddr = d;
        flow->sport = sp;
        flow->dport = dp;
        /* @end */
    }
}

/* ============================================================== elements */

void (*clara_nic_sink)(struct clara_nic_element *e, int32_t port, struct clara_nic_pkt *p);
struct clara_nic_pkt *(*clara_nic_source)(struct clara_nic_element *e, int32_t port);
struct clara_nic_pool *clara_nic_default_pool;

/* A packet the framework drops (an unwired port): Packet::kill into the
   default pool.  Out of line, as the host's p->kill() is: the code that
   drops reads no pool itself (one global less in Port::push, so its sink
   test is the host's adrp + ldr, not an anchor address + ldr). */
CLARA_NIC_API void
clara_nic_pkt_drop(struct clara_nic_pkt *p)
{
    clara_nic_pkt_kill(clara_nic_default_pool, p);
}

/* Element::Port::push: hand the packet to the next element's push (run to
   completion); a port wired to nothing drops it. */
CLARA_NIC_API void
clara_nic_port_push(const struct clara_nic_port *port, struct clara_nic_pkt *p)
{
    if (clara_nic_sink && port->e) {
        /* @path next */
        clara_nic_sink(port->e, port->port, p);
        return;
        /* @end */
    }
    /* @path drop */
    if (p)
        clara_nic_pkt_drop(p);
    /* @end */
}

/* Element::Port::pull: ask the element upstream, or null. */
CLARA_NIC_API struct clara_nic_pkt *
clara_nic_port_pull(const struct clara_nic_port *port)
{
    return clara_nic_source && port->e ? clara_nic_source(port->e, port->port) : 0;
}

/* Element::push of an element that only defines simple_action: run it (a
   virtual call: the vtable, then its slot), push what it returns on output 0. */
CLARA_NIC_API void
clara_nic_element_push(struct clara_nic_element *e, int32_t port, struct clara_nic_pkt *p)
{
    (void) port;
    p = e->vtable->simple_action(e, p);
    if (p)
        clara_nic_port_push(&e->ports[1][0], p);
}

/* Element::output (inline), of a constant port: output(0), the common one. */
CLARA_NIC_API const struct clara_nic_port *
clara_nic_element_output(const struct clara_nic_element *e)
{
    return &e->ports[1][0];
}

/* Element::noutputs (inline). */
CLARA_NIC_API int32_t
clara_nic_element_noutputs(const struct clara_nic_element *e)
{
    return e->nports[1];
}

/* Element::checked_output_push (inline): Port::push for a wired output,
   else the packet is dropped. */
CLARA_NIC_API void
clara_nic_element_checked_push(const struct clara_nic_element *e, int32_t port,
                               struct clara_nic_pkt *p)
{
    if ((uint32_t) port < (uint32_t) e->nports[1]) {
        clara_nic_port_push(&e->ports[1][port], p);
        return;
    }
    /* @path drop */
    clara_nic_pkt_kill(clara_nic_default_pool, p);
    /* @end */
}
