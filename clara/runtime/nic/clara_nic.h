/*
 * clara_nic.h -- C11 SmartNIC-style versions of the reverse-ported framework
 * API (see clara_nic.c).  No allocation: every structure is a fixed array the
 * caller places (statically, in the memory level of its choice).  The layouts
 * follow the host runtime's (clara/runtime/host, clara/include): a table keeps
 * one valid byte per slot beside its entries, a packet descriptor keeps header
 * pointers as Click's Packet does, a port hands a packet to the next element.
 */
#ifndef CLARA_NIC_H
#define CLARA_NIC_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- fixed hash table: nbuckets (power of two) x slots entries ----------
   Slot i is valid[i] (0 free, 1 used) and entries[i * (key_words +
   value_words)]: the key, then the value. */
struct clara_nic_table {
    uint32_t nbuckets;
    uint32_t slots;
    uint32_t key_words;
    uint32_t value_words;
    uint32_t n;
    unsigned char *valid;
    uint32_t *entries;
};

/* The hash of a key: its 32-bit words, each rotated into the sum. */
uint32_t clara_nic_key_hash(const uint32_t *key, uint32_t key_words);
/* Run-time key size (key_words of the table); _k1.._k4: compiled for that
   key size, as a typed host container is. */
int32_t clara_nic_table_find(const struct clara_nic_table *t, const uint32_t *key);
int32_t clara_nic_table_insert(struct clara_nic_table *t, const uint32_t *key,
                               const uint32_t *value);
int32_t clara_nic_table_erase(struct clara_nic_table *t, const uint32_t *key);
#define CLARA_NIC_TABLE_SIZED(k)                                                            \
    int32_t clara_nic_table_find_k##k(const struct clara_nic_table *t, const uint32_t *key); \
    int32_t clara_nic_table_insert_k##k(struct clara_nic_table *t, const uint32_t *key,     \
                                        const uint32_t *value);                             \
    int32_t clara_nic_table_erase_k##k(struct clara_nic_table *t, const uint32_t *key);
/* The sizes (words) the sized entry points are compiled for: X(k) for each key
   size, X(k, n) for each key and value size. clara_nic.c defines them with the
   same lists. */
#define CLARA_NIC_FOR_EACH_K(X) X(1) X(2) X(3) X(4)
#define CLARA_NIC_FOR_EACH_V(X, k) X(k, 1) X(k, 2) X(k, 3) X(k, 4)
#define CLARA_NIC_FOR_EACH_KV(X) \
    CLARA_NIC_FOR_EACH_V(X, 1) CLARA_NIC_FOR_EACH_V(X, 2) \
    CLARA_NIC_FOR_EACH_V(X, 3) CLARA_NIC_FOR_EACH_V(X, 4)
CLARA_NIC_FOR_EACH_K(CLARA_NIC_TABLE_SIZED)
#undef CLARA_NIC_TABLE_SIZED
/* _k<k>v<n>: compiled for a key of k and a value of n words (1..4 each; the
   table's value_words must be n), as a typed host container's entry is. */
#define CLARA_NIC_TABLE_SIZED_KV(k, n)                                                      \
    int32_t clara_nic_table_find_k##k##v##n(const struct clara_nic_table *t,              \
                                            const uint32_t *key);                           \
    int32_t clara_nic_table_insert_k##k##v##n(struct clara_nic_table *t, const uint32_t *key, \
                                              const uint32_t *value);                       \
    int32_t clara_nic_table_erase_k##k##v##n(struct clara_nic_table *t, const uint32_t *key);
CLARA_NIC_FOR_EACH_KV(CLARA_NIC_TABLE_SIZED_KV)
#undef CLARA_NIC_TABLE_SIZED_KV
uint32_t clara_nic_table_next(const struct clara_nic_table *t, uint32_t from);
void clara_nic_table_clear(struct clara_nic_table *t);
uint32_t clara_nic_table_size(const struct clara_nic_table *t);

/* ---- fixed-capacity vector of elt_words-word entries -------------------- */
struct clara_nic_vec {
    uint32_t *l;
    uint32_t n;
    uint32_t cap;
    uint32_t elt_words;
};

int32_t clara_nic_vec_push_back(struct clara_nic_vec *v, const uint32_t *elt);
int32_t clara_nic_vec_insert(struct clara_nic_vec *v, uint32_t at, const uint32_t *elt);
uint32_t clara_nic_vec_erase(struct clara_nic_vec *v, uint32_t from, uint32_t to);
void clara_nic_vec_pop_back(struct clara_nic_vec *v);
void clara_nic_vec_clear(struct clara_nic_vec *v);
/* Entry i of a vector of CLARA_NIC_VEC_ACCESS_WORDS-word entries (the
   element size is a compile-time constant at an operator[] site). */
#define CLARA_NIC_VEC_ACCESS_WORDS 4
uint32_t *clara_nic_vec_at(const struct clara_nic_vec *v, uint32_t i);
uint32_t clara_nic_vec_size(const struct clara_nic_vec *v);

/* ---- checksums and byte order ------------------------------------------- */
uint16_t clara_nic_in_cksum(const unsigned char *addr, int len);
uint16_t clara_nic_in_cksum_pseudohdr_raw(uint32_t csum, uint32_t src, uint32_t dst,
                                          int proto, int packet_len);
void clara_nic_update_in_cksum(uint16_t *csum, uint16_t old_hw, uint16_t new_hw);
void clara_nic_update_in_cksum2(uint16_t *csum, uint16_t old1, uint16_t new1, uint16_t old2,
                                uint16_t new2);
void clara_nic_update_in_cksum_rep(uint16_t *csum, uint16_t *csum2, uint16_t old_hw,
                                   uint16_t new_hw);
void clara_nic_update_in_cksum_rep2(uint16_t *csum, uint16_t *csum2, uint16_t old1,
                                    uint16_t new1, uint16_t old2, uint16_t new2);
void clara_nic_update_in_cksum_rep2_head(uint16_t *csum, uint16_t *csum2, uint16_t old1,
                                         uint16_t new1, uint16_t old2, uint16_t new2);
uint16_t clara_nic_bswap16(uint16_t x);
uint32_t clara_nic_bswap32(uint32_t x);

/* ---- time and randomness ------------------------------------------------ */
extern volatile int64_t clara_nic_timer;      /* a free-running nanosecond counter */
int64_t clara_nic_timestamp_now(void);
uint64_t clara_nic_jiffies(void);
uint32_t clara_nic_random(void);
void clara_nic_srandom(uint32_t seed);
/* Timestamp (int64 nanoseconds) arithmetic on operands in memory.  A predicate
   (a comparison, a test) is written as a call site uses it: it sets *taken when
   true, a branch that is the caller's (clara_nic_branch_reference). */
void clara_nic_branch_reference(uint32_t value, uint32_t *taken);
int64_t clara_nic_ts_sub(const int64_t *a, const int64_t *b);
void clara_nic_ts_less(const int64_t *a, const int64_t *b, uint32_t *taken);
void clara_nic_ts_nonzero(const int64_t *t, uint32_t *taken);
int64_t clara_nic_ts_sec(const int64_t *t);

/* ---- addresses and flow ids --------------------------------------------- */
uint32_t clara_nic_ipaddr_addr(const uint32_t *a);
void clara_nic_ipaddr_nonzero(const uint32_t *a, uint32_t *taken);
/* IPFlowID, network byte order. */
struct clara_nic_flowid {
    uint32_t saddr, daddr;
    uint16_t sport, dport;
};
uint32_t clara_nic_flowid_field(const struct clara_nic_flowid *flow);

/* ---- packets: a descriptor over a buffer in packet memory (Click's) ----- */
#define CLARA_NIC_ANNO_BYTES 48
struct clara_nic_pkt {
    unsigned char *head, *data, *tail, *end;  /* buffer, data, end of data, end of buffer */
    unsigned char *mac, *nh, *h;              /* header pointers, or null */
    struct clara_nic_pkt *next, *prev;
    struct clara_nic_pkt *data_packet;        /* the owner of the data a clone shares */
    int32_t use_count;
    int32_t packet_type;
    int64_t timestamp;
    unsigned char anno[CLARA_NIC_ANNO_BYTES] __attribute__((aligned(8)));
};
/* A pool of count descriptors, each owning one buf_size-byte buffer, and a
   stack of the free ones. */
struct clara_nic_pool {
    unsigned char *descs;
    unsigned char *bufs;
    uint32_t count, buf_size, desc_size;
    uint32_t free_top;
    uint32_t *free_list;
};

const unsigned char *clara_nic_pkt_network_header(const struct clara_nic_pkt *p);
void clara_nic_pkt_has_network_header(const struct clara_nic_pkt *p, uint32_t *taken);
const unsigned char *clara_nic_pkt_transport_header(const struct clara_nic_pkt *p);
const unsigned char *clara_nic_pkt_mac_header(const struct clara_nic_pkt *p);
unsigned char *clara_nic_pkt_data(const struct clara_nic_pkt *p);
uint32_t clara_nic_pkt_length(const struct clara_nic_pkt *p);
uint32_t clara_nic_pkt_headroom(const struct clara_nic_pkt *p);
void clara_nic_pkt_set_network_header(struct clara_nic_pkt *p, unsigned char *nh,
                                      uint32_t len);
void clara_nic_pkt_shared(const struct clara_nic_pkt *p, uint32_t *taken);
struct clara_nic_pkt *clara_nic_pkt_uniqueify(struct clara_nic_pkt *p);
struct clara_nic_pkt *clara_nic_pkt_copy_data(struct clara_nic_pool *pool,
                                              struct clara_nic_pkt *p);
struct clara_nic_pkt *clara_nic_pkt_push(struct clara_nic_pkt *p, uint32_t n);
struct clara_nic_pkt *clara_nic_pkt_put(struct clara_nic_pkt *p, uint32_t n);
struct clara_nic_pkt *clara_nic_pkt_move_data(struct clara_nic_pkt *p, int32_t delta);
void clara_nic_pkt_pull(struct clara_nic_pkt *p, uint32_t n);
void clara_nic_pkt_take(struct clara_nic_pkt *p, uint32_t n);
#define CLARA_NIC_ANNO_OFFSET 4   /* an annotation word at a constant offset */
uint32_t clara_nic_pkt_anno_u32(const struct clara_nic_pkt *p);
void clara_nic_pkt_set_anno_u32(struct clara_nic_pkt *p, uint32_t v);
struct clara_nic_pkt *clara_nic_pkt_make(struct clara_nic_pool *pool, uint32_t headroom,
                                         const unsigned char *data, uint32_t len,
                                         uint32_t tailroom);
void clara_nic_pkt_kill(struct clara_nic_pool *pool, struct clara_nic_pkt *p);
/* Packet::kill of a packet the framework drops (the default pool). */
void clara_nic_pkt_drop(struct clara_nic_pkt *p);
struct clara_nic_pkt *clara_nic_pkt_clone(struct clara_nic_pool *pool,
                                          struct clara_nic_pkt *p);
void clara_nic_pkt_copy_annotations(struct clara_nic_pkt *to, const struct clara_nic_pkt *from);
/* IPFlowID(const Packet *, bool reverse): flow from the packet's headers. */
void clara_nic_flowid_packet(struct clara_nic_flowid *flow, const struct clara_nic_pkt *p,
                             int reverse);

/* ---- elements and ports ------------------------------------------------- */
struct clara_nic_element;
struct clara_nic_port {
    struct clara_nic_element *e;      /* the element downstream, or null */
    int32_t port;
};
/* An element's virtual members, as a C++ element's vtable holds them. */
struct clara_nic_element_vtable {
    struct clara_nic_pkt *(*simple_action)(struct clara_nic_element *e, struct clara_nic_pkt *p);
};
struct clara_nic_element {
    const struct clara_nic_element_vtable *vtable;
    struct clara_nic_port *ports[2];  /* inputs, outputs */
    int32_t nports[2];
};
/* The next element's push handler (run to completion), and the pool a
   dropped packet returns to. */
extern void (*clara_nic_sink)(struct clara_nic_element *e, int32_t port, struct clara_nic_pkt *p);
extern struct clara_nic_pkt *(*clara_nic_source)(struct clara_nic_element *e, int32_t port);
extern struct clara_nic_pool *clara_nic_default_pool;

void clara_nic_port_push(const struct clara_nic_port *port, struct clara_nic_pkt *p);
struct clara_nic_pkt *clara_nic_port_pull(const struct clara_nic_port *port);
void clara_nic_element_push(struct clara_nic_element *e, int32_t port, struct clara_nic_pkt *p);
const struct clara_nic_port *clara_nic_element_output(const struct clara_nic_element *e);
int32_t clara_nic_element_noutputs(const struct clara_nic_element *e);
void clara_nic_element_checked_push(const struct clara_nic_element *e, int32_t port,
                                    struct clara_nic_pkt *p);

/* ---- probe counts of the last call (only with -DCLARA_NIC_TRACE) -------- */
struct clara_nic_trace {
    uint32_t probes;
    uint32_t compares;
    uint32_t moved;
    uint32_t words;
};
extern struct clara_nic_trace clara_nic_last;

#ifdef __cplusplus
}
#endif
#endif
