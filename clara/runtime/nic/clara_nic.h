/*
 * clara_nic.h -- C11 SmartNIC-style versions of the reverse-ported framework
 * API (see clara_nic.c).  No allocation: every structure is a fixed array the
 * caller places (statically, in the memory level of its choice).
 */
#ifndef CLARA_NIC_H
#define CLARA_NIC_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- fixed hash table: nbuckets (power of two) x slots entries ----------
   Entry i is words[i * (1 + key_words + value_words)]: a valid word, then
   the key, then the value. */
struct clara_nic_table {
    uint32_t nbuckets;
    uint32_t slots;
    uint32_t key_words;
    uint32_t value_words;
    uint32_t n;
    uint32_t *words;
};

int32_t clara_nic_table_find(const struct clara_nic_table *t, const uint32_t *key, uint32_t hc);
int32_t clara_nic_table_insert(struct clara_nic_table *t, const uint32_t *key,
                               const uint32_t *value, uint32_t hc);
int32_t clara_nic_table_erase(struct clara_nic_table *t, const uint32_t *key, uint32_t hc);
uint32_t clara_nic_table_next(const struct clara_nic_table *t, uint32_t from);
void clara_nic_table_clear(struct clara_nic_table *t);

/* ---- fixed-capacity vector of elt_words-word entries -------------------- */
struct clara_nic_vec {
    uint32_t n;
    uint32_t cap;
    uint32_t elt_words;
    uint32_t *words;
};

int32_t clara_nic_vec_push_back(struct clara_nic_vec *v, const uint32_t *elt);
int32_t clara_nic_vec_insert(struct clara_nic_vec *v, uint32_t at, const uint32_t *elt);
uint32_t clara_nic_vec_erase(struct clara_nic_vec *v, uint32_t from, uint32_t to);
void clara_nic_vec_pop_back(struct clara_nic_vec *v);
void clara_nic_vec_clear(struct clara_nic_vec *v);
uint32_t *clara_nic_vec_at(struct clara_nic_vec *v, uint32_t i);

/* ---- checksums ---------------------------------------------------------- */
uint16_t clara_nic_in_cksum(const unsigned char *addr, int len);
uint16_t clara_nic_in_cksum_pseudohdr_raw(uint32_t csum, uint32_t src, uint32_t dst,
                                          int proto, int packet_len);

/* ---- time and randomness ------------------------------------------------ */
extern volatile uint64_t clara_nic_timer;     /* a free-running timestamp counter */
int64_t clara_nic_timestamp_now(void);
uint64_t clara_nic_jiffies(void);
uint32_t clara_nic_random(void);
void clara_nic_srandom(uint32_t seed);

/* ---- packets: a descriptor over a buffer in packet memory --------------- */
#define CLARA_NIC_ANNO_WORDS 12
struct clara_nic_pkt {
    unsigned char *buf;         /* buffer start */
    uint32_t buf_len;
    uint32_t off;               /* data start, from buf */
    uint32_t len;               /* data length */
    uint32_t l2_off, l3_off, l4_off;
    uint32_t anno[CLARA_NIC_ANNO_WORDS];
    int64_t timestamp;
};
struct clara_nic_ring {
    uint32_t mask;              /* size - 1, a power of two */
    uint32_t head, tail;
    struct clara_nic_pkt **slot;
};

const unsigned char *clara_nic_pkt_ip_header(const struct clara_nic_pkt *p);
const unsigned char *clara_nic_pkt_transport_header(const struct clara_nic_pkt *p);
unsigned char *clara_nic_pkt_data(const struct clara_nic_pkt *p);
uint32_t clara_nic_pkt_length(const struct clara_nic_pkt *p);
struct clara_nic_pkt *clara_nic_pkt_push(struct clara_nic_pkt *p, uint32_t n);
void clara_nic_pkt_pull(struct clara_nic_pkt *p, uint32_t n);
struct clara_nic_pkt *clara_nic_pkt_put(struct clara_nic_pkt *p, uint32_t n);
void clara_nic_pkt_take(struct clara_nic_pkt *p, uint32_t n);
struct clara_nic_pkt *clara_nic_pkt_uniqueify(struct clara_nic_pkt *p);
uint32_t clara_nic_pkt_anno_u32(const struct clara_nic_pkt *p, uint32_t word);
void clara_nic_pkt_set_anno_u32(struct clara_nic_pkt *p, uint32_t word, uint32_t v);
struct clara_nic_pkt *clara_nic_pkt_make(struct clara_nic_ring *free_ring, uint32_t headroom,
                                         const unsigned char *data, uint32_t len);
void clara_nic_pkt_kill(struct clara_nic_ring *free_ring, struct clara_nic_pkt *p);
struct clara_nic_pkt *clara_nic_pkt_clone(struct clara_nic_ring *free_ring,
                                          const struct clara_nic_pkt *p);
void clara_nic_pkt_copy_annotations(struct clara_nic_pkt *to, const struct clara_nic_pkt *from);
int32_t clara_nic_port_push(struct clara_nic_ring *tx, struct clara_nic_pkt *p);
struct clara_nic_pkt *clara_nic_port_pull(struct clara_nic_ring *rx);
void clara_nic_flowid(const unsigned char *iph, uint32_t *flow);

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
