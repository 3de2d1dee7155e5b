/*
 * clara_rt.h -- what the host runtime (C++) and the NIC versions (C) of the
 * reverse-ported framework share: API ids, the per-call instrumentation hook,
 * the runtime configuration and its failure counters.
 *
 * C and C++.  See docs/runtime.md.
 */
#ifndef CLARA_RT_H
#define CLARA_RT_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One id per reverse-ported operation.  clara_rt_api_name() gives the name
   of the matching entry of clara/ir/api_catalog.json (the catalog groups
   several operations under one name, e.g. findp and find_force). */
enum clara_rt_api {
    CLARA_API_NONE = 0,
    CLARA_API_HASHMAP_FIND,         /* find, findp, find_pair, operator[] const */
    CLARA_API_HASHMAP_INSERT,       /* insert, set, find_force */
    CLARA_API_HASHMAP_ERASE,        /* erase, remove */
    CLARA_API_HASHMAP_CLEAR,
    CLARA_API_HASHMAP_ITERATE,      /* begin, iterator::operator++ */
    CLARA_API_HASHTABLE_FIND,       /* find, get */
    CLARA_API_HASHTABLE_INSERT,     /* find_insert, set, replace, operator[] */
    CLARA_API_HASHTABLE_ERASE,
    CLARA_API_HASHTABLE_CLEAR,
    CLARA_API_HASHTABLE_ITERATE,
    CLARA_API_VECTOR_PUSH_BACK,
    CLARA_API_VECTOR_INSERT,        /* insert, push_front */
    CLARA_API_VECTOR_ERASE,         /* erase, pop_front */
    CLARA_API_VECTOR_POP_BACK,
    CLARA_API_VECTOR_RESIZE,        /* resize, reserve, assign */
    CLARA_API_VECTOR_CLEAR,
    CLARA_API_CKSUM,                /* click_in_cksum */
    CLARA_API_CKSUM_PSEUDOHDR,      /* click_in_cksum_pseudohdr(_raw/_hard) */
    CLARA_API_TIMESTAMP_NOW,        /* now, recent, *_steady, assign_now */
    CLARA_API_RANDOM,               /* click_random */
    CLARA_API_JIFFIES,
    CLARA_API_PACKET_MAKE,
    CLARA_API_PACKET_KILL,
    CLARA_API_PACKET_CLONE,
    CLARA_API_PACKET_UNIQUEIFY,     /* expensive_uniqueify: a copy */
    CLARA_API_PACKET_PUSH,          /* expensive_push: data moved in the buffer */
    CLARA_API_PACKET_PUT,           /* expensive_put */
    CLARA_API_PACKET_SHIFT,         /* shift_data */
    CLARA_API_PORT_PUSH,            /* Element::Port::push */
    CLARA_API_PORT_PULL,
    CLARA_API_FLOWID,               /* IPFlowID(const Packet *) / (const click_ip *) */
    CLARA_API_COUNT
};

/* The catalog name of an API id ("HashMap::find", "click_in_cksum", ...). */
const char *clara_rt_api_name(int api_id);

/*
 * Called once per reverse-ported operation, after it ran, with what varies:
 *   probe_len  slots examined (hash tables), entries moved (Vector insert/
 *              erase), entries scanned (iteration), 16-bit words summed
 *              (checksums), bytes copied (packet copies); 0 otherwise
 *   occupancy  occupied slots among those examined (hash tables: the key
 *              compares), the container's size after the call (Vector)
 *   bytes      key bytes (hash tables), element bytes (Vector), data bytes
 *              (checksums, packets)
 * The runtime's definition is weak and does nothing; a profiler links a
 * strong one.
 */
void clara_rt_api_event(int api_id, uint32_t probe_len, uint32_t occupancy, uint32_t bytes);

/* Geometry of the reverse-ported containers and the packet pool.  Read when
   a container or the pool is created; the driver sets it from its options
   before it constructs the element. */
struct clara_rt_config {
    uint32_t hash_buckets;          /* per HashMap/HashTable, power of two */
    uint32_t hash_slots;            /* per bucket */
    uint32_t vector_capacity;       /* capacity of a Vector's first allocation */
    uint32_t packet_pool;           /* packet descriptors (each owns a buffer) */
    uint32_t packet_buffer;         /* bytes per packet buffer */
    int started;                    /* 1 once the element is initialized: no growth after */
};
extern struct clara_rt_config clara_rt_cfg;

/* What the fixed sizes refused, and other events worth reporting. */
struct clara_rt_stats {
    uint64_t hash_insert_failed;    /* insert into a full bucket */
    uint64_t hash_resize_ignored;   /* resize() after start */
    uint64_t hash_rehash_lost;      /* entries lost by a resize() before start */
    uint64_t vector_full;           /* push/insert/resize beyond capacity after start */
    uint64_t vector_grown;          /* growths before start (allocation at init) */
    uint64_t vector_first_alloc_after_start;  /* a Vector's first allocation after start */
    uint64_t packet_pool_empty;     /* make/clone/copy with no free descriptor */
    uint64_t packet_too_big;        /* make/push/put that does not fit one buffer */
    uint64_t packet_copies;         /* expensive_uniqueify copies */
    uint64_t chatter;               /* click_chatter lines */
};
extern struct clara_rt_stats clara_rt_stats;

/* Default geometry (override with -D at build time, or from the driver). */
#ifndef CLARA_RT_HASH_BUCKETS
# define CLARA_RT_HASH_BUCKETS 4096
#endif
#ifndef CLARA_RT_HASH_SLOTS
# define CLARA_RT_HASH_SLOTS 4
#endif
#ifndef CLARA_RT_VECTOR_CAPACITY
# define CLARA_RT_VECTOR_CAPACITY 256
#endif
#ifndef CLARA_RT_PACKET_POOL
# define CLARA_RT_PACKET_POOL 1024
#endif
#ifndef CLARA_RT_PACKET_BUFFER
# define CLARA_RT_PACKET_BUFFER 10240
#endif

/* The bucket of a hash code: Fibonacci multiply, fold, mask (nbuckets is a
   power of two).  The C version (clara_nic.c) uses the same function. */
static inline uint32_t
clara_rt_bucket(uint32_t hashcode, uint32_t nbuckets)
{
    uint32_t h = hashcode * 0x9E3779B1u;
    h ^= h >> 16;
    return h & (nbuckets - 1);
}

/* Trace-driven clock (nanoseconds since the epoch), set by the driver. */
void clara_rt_set_time(int64_t nsec);
int64_t clara_rt_time(void);
/* Seed of click_random (the driver's --seed). */
void clara_rt_srandom(uint32_t seed);

#ifdef __cplusplus
}
#endif
#endif
