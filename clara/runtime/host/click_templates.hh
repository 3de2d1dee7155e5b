// -*- c++ -*-
/*
 * click_templates.hh -- reverse-ported definitions of the members that the
 * compatibility headers declare but do not define for the class templates
 * Vector<T>, HashMap<K, V> and HashTable<K, V>.
 *
 * Force-included when an element is built for host profiling:
 *     clang++-19 -include clara/runtime/host/click_templates.hh ...
 *
 * These are SmartNIC-style implementations (reverse porting, Clara paper
 * section 3.3), not Click's:
 *
 *  - HashMap / HashTable: a fixed number of buckets (a power of two, from
 *    clara_rt_cfg.hash_buckets when the table is constructed) of a fixed
 *    number of slots each (clara_rt_cfg.hash_slots).  A key lives in the
 *    bucket clara_rt_bucket(hashcode(key)) and nowhere else.  A lookup
 *    examines the bucket's slots in order 0..S-1, compares the key of every
 *    occupied slot and stops at a match.  An insert of a new key takes the
 *    first free slot of its bucket; when the bucket is full the insert FAILS:
 *    nothing is stored, clara_rt_stats.hash_insert_failed is incremented, and
 *    the call returns what Click returns on allocation failure (insert/set:
 *    false; find_insert/set: a non-live iterator; find_force/operator[]: a
 *    reference to a scratch entry that is not in the table).  No resizing
 *    after start: resize() before clara_rt_cfg.started rebuilds the table
 *    (configuration time), after it is ignored and counted.  Erase clears
 *    the slot's valid flag.
 *  - Vector: a fixed-capacity array.  The capacity is set before start
 *    (constructor, reserve, resize, assign, or growth by push_back while the
 *    element is configured); after start, an operation that would exceed it
 *    fails (push_back/insert drop the value, resize stops at the capacity)
 *    and clara_rt_stats.vector_full counts it.  A Vector whose first
 *    allocation happens after start (a local Vector on the packet path) gets
 *    clara_rt_cfg.vector_capacity entries, as a fixed local array on a NIC.
 *    erase(a, b) marks [a, b) invalid and compacts at once by moving the
 *    tail down: element code reads a Vector through the inline operator[] and
 *    size(), so holes would change its behaviour.  The compaction's cost is
 *    the per-unit part of the Vector::erase cost (entries moved); the fixed
 *    part is what a mark-only delete costs on the NIC.
 *
 * The C versions in clara/runtime/nic/clara_nic.c have the same loops in the
 * same order; tests/test_runtime.py checks that both give the same results
 * and probe lengths on random operation sequences.
 *
 * Every operation reports clara_rt_api_event(api, probe_len, occupancy,
 * bytes): see clara_rt.h.  The hash table lookups, inserts and erases also
 * report their path (hit, miss, new, update, full) with the probe length,
 * the key compares, and the key and value sizes of that call through
 * clara_rt_api_path(), when a profiler defines it (profile_dump.cc); the
 * QEMU ground-truth build (CLARA_RT_NO_API_EVENTS) leaves the reports out.
 */
#ifndef CLARA_RT_CLICK_TEMPLATES_HH
#define CLARA_RT_CLICK_TEMPLATES_HH
#include <click/config.h>
#include <click/glue.hh>
#include <click/vector.hh>
#include <click/hashmap.hh>
#include <click/hashtable.hh>
#include <new>
#include <stdlib.h>
#include "clara_rt.h"

/* The profiler's path hook (profile_dump.cc); undefined (null) unless linked. */
extern "C" void clara_rt_api_path(int api_id, uint32_t path, uint32_t probe_len,
                                  uint32_t occupancy, uint32_t key_bytes, uint32_t value_bytes)
    __attribute__((weak));

namespace clara_rt {

/* ------------------------------------------------------------------ tables */

/* Storage of one fixed table: nbuckets x slots entries of raw storage for the
   container's Elt, a valid byte per slot, and one scratch entry (returned by
   reference when an insert fails). */
struct TableArena {
    uint32_t nbuckets;
    uint32_t slots;
    unsigned char *valid;
    void *elts;
    bool scratch_live;
};

inline uint32_t round_pow2(uint32_t n)
{
    uint32_t p = 1;
    while (p < n && p < 0x80000000u)
        p <<= 1;
    return p;
}

template <typename E>
TableArena *table_new(uint32_t nbuckets, uint32_t slots)
{
    TableArena *a = new TableArena;
    a->nbuckets = round_pow2(nbuckets ? nbuckets : 1);
    a->slots = slots ? slots : 1;
    size_t n = (size_t) a->nbuckets * a->slots;
    a->valid = static_cast<unsigned char *>(calloc(n, 1));
    a->elts = ::operator new(sizeof(E) * (n + 1));     // + the scratch entry
    a->scratch_live = false;
    return a;
}

template <typename E>
E *table_elts(const TableArena *a)
{
    return static_cast<E *>(a->elts);
}

template <typename E>
E *table_scratch(const TableArena *a)
{
    return static_cast<E *>(a->elts) + (size_t) a->nbuckets * a->slots;
}

template <typename E>
void table_destroy_entries(TableArena *a)
{
    E *elts = table_elts<E>(a);
    size_t n = (size_t) a->nbuckets * a->slots;
    for (size_t i = 0; i < n; i++)
        if (a->valid[i]) {
            elts[i].~E();
            a->valid[i] = 0;
        }
    if (a->scratch_live) {
        table_scratch<E>(a)->~E();
        a->scratch_live = false;
    }
}

template <typename E>
void table_delete(TableArena *a)
{
    if (!a)
        return;
    table_destroy_entries<E>(a);
    free(a->valid);
    ::operator delete(a->elts);
    delete a;
}

/* Probe statistics of one call. */
struct Probe {
    uint32_t probes;        /* slots examined */
    uint32_t compares;      /* occupied slots examined: key compares */
};

/* The slot holding k, or -1.  Examines the slots of k's bucket in order and
   stops at the match (clara_nic_table_find has the same loop). */
template <typename E, typename K, typename KeyOf>
long table_find(const TableArena *a, const K &k, uint32_t hc, KeyOf key_of, Probe &pr)
{
    const E *elts = table_elts<E>(a);
    uint32_t base = clara_rt_bucket(hc, a->nbuckets) * a->slots;
    pr.probes = pr.compares = 0;
    for (uint32_t i = 0; i < a->slots; i++) {
        pr.probes++;
        if (a->valid[base + i]) {
            pr.compares++;
            if (key_of(elts[base + i]) == k)
                return (long) (base + i);
        }
    }
    return -1;
}

/* Where k goes: its slot if present (found = true), else the first free slot
   of its bucket, else -1 (bucket full).  One pass; a present key is found
   even behind a free slot, since erase leaves holes (clara_nic_table_insert
   has the same loop). */
template <typename E, typename K, typename KeyOf>
long table_insert_slot(const TableArena *a, const K &k, uint32_t hc, KeyOf key_of,
                       bool &found, Probe &pr)
{
    const E *elts = table_elts<E>(a);
    uint32_t base = clara_rt_bucket(hc, a->nbuckets) * a->slots;
    long free_slot = -1;
    found = false;
    pr.probes = pr.compares = 0;
    for (uint32_t i = 0; i < a->slots; i++) {
        pr.probes++;
        if (a->valid[base + i]) {
            pr.compares++;
            if (key_of(elts[base + i]) == k) {
                found = true;
                return (long) (base + i);
            }
        } else if (free_slot < 0)
            free_slot = (long) (base + i);
    }
    return free_slot;
}

/* The first occupied slot at or after 'from', or the table size; 'scanned'
   counts the slots looked at. */
inline size_t table_next(const TableArena *a, size_t from, uint32_t &scanned)
{
    size_t n = (size_t) a->nbuckets * a->slots;
    scanned = 0;
    size_t i = from;
    for (; i < n; i++) {
        scanned++;
        if (a->valid[i])
            break;
    }
    return i;
}

inline void event(int api, uint32_t probe_len, uint32_t occupancy, uint32_t bytes)
{
    clara_rt_api_event(api, probe_len, occupancy, bytes);
}

/* The path a hash table operation took, reported with the operation's event. */
enum TablePath { PATH_HIT = 1, PATH_MISS, PATH_NEW, PATH_UPDATE, PATH_FULL };

inline void path_event(int api, TablePath path, const Probe &pr, uint32_t key_bytes,
                       uint32_t value_bytes)
{
#ifndef CLARA_RT_NO_API_EVENTS
    if (&clara_rt_api_path)
        clara_rt_api_path(api, path, pr.probes, pr.compares, key_bytes, value_bytes);
#else
    (void) api, (void) path, (void) pr, (void) key_bytes, (void) value_bytes;
#endif
}

/* Lookup and erase: found or not. */
inline TablePath found_path(long slot)
{
    return slot >= 0 ? PATH_HIT : PATH_MISS;
}

/* Insert: an existing key, a new one, or a full bucket. */
inline TablePath insert_path(bool found, long slot)
{
    return found ? PATH_UPDATE : slot >= 0 ? PATH_NEW : PATH_FULL;
}

/* ----------------------------------------------------------------- vectors */

/* Whether a Vector with capacity cap may hold n entries, deciding the new
   capacity: exactly n when asked for (reserve, resize, assign), else by
   doubling (push_back, insert).  Before start any growth is allowed
   (configuration time); after start only a Vector's first allocation is (a
   fixed local array of at least clara_rt_cfg.vector_capacity entries). */
inline bool vector_capacity_for(int cap, int n, bool exact, int &new_cap)
{
    int dflt = (int) clara_rt_cfg.vector_capacity;
    if (n <= cap) {
        new_cap = cap;
        return true;
    }
    if (!clara_rt_cfg.started) {
        int c = exact ? n : (cap ? cap * 2 : dflt);
        new_cap = c < n ? n : c;
        clara_rt_stats.vector_grown++;
        return true;
    }
    if (cap == 0) {
        new_cap = n < dflt ? dflt : n;
        clara_rt_stats.vector_first_alloc_after_start++;
        return true;
    }
    clara_rt_stats.vector_full++;
    return false;
}

}  // namespace clara_rt

CLICK_DECLS

/* ==================================================================== Vector */

template <typename T>
Vector<T>::Vector(size_type n, const T &v)
    : _l(0), _n(0), _capacity(0)
{
    resize(n, v);
}

template <typename T>
Vector<T>::Vector(const Vector<T> &x)
    : _l(0), _n(0), _capacity(0)
{
    *this = x;
}

template <typename T>
Vector<T>::~Vector()
{
    for (size_type i = 0; i < _n; i++)
        _l[i].~T();
    ::operator delete(_l);
}

/* Move the entries to a new array of capacity new_cap (host only: the NIC
   version has no growth path, its capacity is fixed at compile time). */
template <typename T>
bool
Vector<T>::reserve(size_type n)
{
    int new_cap;
    bool exact = n != RESERVE_GROW;
    if (!exact)
        n = _n + 1;
    if (n <= _capacity)
        return true;
    if (!clara_rt::vector_capacity_for(_capacity, n, exact, new_cap))
        return false;
    T *l = static_cast<T *>(::operator new(sizeof(T) * (size_t) new_cap));
    for (size_type i = 0; i < _n; i++) {
        new (&l[i]) T(_l[i]);
        _l[i].~T();
    }
    ::operator delete(_l);
    _l = l;
    _capacity = new_cap;
    clara_rt::event(CLARA_API_VECTOR_RESIZE, 0, _n, sizeof(T));
    return true;
}

template <typename T>
Vector<T> &
Vector<T>::operator=(const Vector<T> &x)
{
    if (&x == this)
        return *this;
    clear();
    size_type n = x._n;
    if (n > _capacity && !reserve(n))
        n = _capacity;
    for (size_type i = 0; i < n; i++)
        new (&_l[i]) T(x._l[i]);
    _n = n;
    return *this;
}

template <typename T>
Vector<T> &
Vector<T>::assign(size_type n, const T &v)
{
    T copy(v);      // v may be one of our entries
    clear();
    resize(n, copy);
    return *this;
}

/* clara_nic_vec_push_back: full -> fail; copy in; n++. */
template <typename T>
void
Vector<T>::push_back(const T &v)
{
    if (_n == _capacity) {
        T copy(v);
        if (!reserve(RESERVE_GROW)) {
            clara_rt::event(CLARA_API_VECTOR_PUSH_BACK, 0, _n, sizeof(T));
            return;
        }
        new (&_l[_n]) T(copy);
    } else
        new (&_l[_n]) T(v);
    _n++;
    clara_rt::event(CLARA_API_VECTOR_PUSH_BACK, 0, _n, sizeof(T));
}

/* clara_nic_vec_insert: full -> fail; move [i, n) up by one from the end;
   copy in; n++.  probe_len = entries moved. */
template <typename T>
typename Vector<T>::iterator
Vector<T>::insert(iterator it, const T &v)
{
    size_type at = it - _l;
    T copy(v);
    if (_n == _capacity && !reserve(RESERVE_GROW)) {
        clara_rt::event(CLARA_API_VECTOR_INSERT, 0, _n, sizeof(T));
        return _l + at;
    }
    uint32_t moved = 0;
    for (size_type j = _n; j > at; j--) {
        new (&_l[j]) T(_l[j - 1]);
        _l[j - 1].~T();
        moved++;
    }
    new (&_l[at]) T(copy);
    _n++;
    clara_rt::event(CLARA_API_VECTOR_INSERT, moved, _n, sizeof(T));
    return _l + at;
}

template <typename T>
void
Vector<T>::push_front(const T &v)
{
    insert(begin(), v);
}

/* clara_nic_vec_erase: mark [a, b) invalid, then move the tail down.
   probe_len = entries moved. */
template <typename T>
typename Vector<T>::iterator
Vector<T>::erase(iterator a, iterator b)
{
    size_type from = a - _l, to = b - _l;
    if (from < 0)
        from = 0;
    if (to > _n)
        to = _n;
    if (from >= to) {
        clara_rt::event(CLARA_API_VECTOR_ERASE, 0, _n, sizeof(T));
        return a;
    }
    for (size_type j = from; j < to; j++)
        _l[j].~T();
    uint32_t moved = 0;
    size_type gap = to - from;
    for (size_type j = to; j < _n; j++) {
        new (&_l[j - gap]) T(_l[j]);
        _l[j].~T();
        moved++;
    }
    _n -= gap;
    clara_rt::event(CLARA_API_VECTOR_ERASE, moved, _n, sizeof(T));
    return _l + from;
}

template <typename T>
typename Vector<T>::iterator
Vector<T>::erase(iterator it)
{
    return erase(it, it + 1);
}

template <typename T>
void
Vector<T>::pop_back()
{
    if (_n > 0) {
        _n--;
        _l[_n].~T();
    }
    clara_rt::event(CLARA_API_VECTOR_POP_BACK, 0, _n, sizeof(T));
}

template <typename T>
void
Vector<T>::pop_front()
{
    erase(begin());
}

/* Entries beyond the capacity are not created after start (counted). */
template <typename T>
void
Vector<T>::resize(size_type n, const T &v)
{
    if (n < 0)
        n = 0;
    T copy(v);
    if (n > _capacity && !reserve(n))
        n = _capacity;
    for (size_type i = n; i < _n; i++)
        _l[i].~T();
    for (size_type i = _n; i < n; i++)
        new (&_l[i]) T(copy);
    _n = n;
    clara_rt::event(CLARA_API_VECTOR_RESIZE, 0, _n, sizeof(T));
}

/* On the NIC: n = 0. */
template <typename T>
void
Vector<T>::clear()
{
    for (size_type i = 0; i < _n; i++)
        _l[i].~T();
    _n = 0;
    clara_rt::event(CLARA_API_VECTOR_CLEAR, 0, 0, sizeof(T));
}

template <typename T>
void
Vector<T>::swap(Vector<T> &x)
{
    T *l = _l;
    size_type n = _n, c = _capacity;
    _l = x._l;
    _n = x._n;
    _capacity = x._capacity;
    x._l = l;
    x._n = n;
    x._capacity = c;
}

/* =================================================================== HashMap */

#define CLARA_HM_KEY [](const Elt &e) -> const K & { return e.p.key; }
#define CLARA_HM_ARENA (static_cast<clara_rt::TableArena *>(_arena))

template <typename K, typename V>
HashMap<K, V>::HashMap()
    : _buckets(0), _n(0), _default_value(), _arena(0)
{
    clara_rt::TableArena *a = clara_rt::table_new<Elt>(clara_rt_cfg.hash_buckets,
                                                      clara_rt_cfg.hash_slots);
    _arena = a;
    _nbuckets = a->nbuckets;
    _capacity = (size_type) a->nbuckets * a->slots;
}

template <typename K, typename V>
HashMap<K, V>::HashMap(const V &default_value)
    : _buckets(0), _n(0), _default_value(default_value), _arena(0)
{
    clara_rt::TableArena *a = clara_rt::table_new<Elt>(clara_rt_cfg.hash_buckets,
                                                      clara_rt_cfg.hash_slots);
    _arena = a;
    _nbuckets = a->nbuckets;
    _capacity = (size_type) a->nbuckets * a->slots;
}

template <typename K, typename V>
HashMap<K, V>::HashMap(const HashMap<K, V> &x)
    : _buckets(0), _n(0), _default_value(x._default_value), _arena(0)
{
    const clara_rt::TableArena *xa = static_cast<const clara_rt::TableArena *>(x._arena);
    clara_rt::TableArena *a = clara_rt::table_new<Elt>(xa->nbuckets, xa->slots);
    _arena = a;
    _nbuckets = a->nbuckets;
    _capacity = (size_type) a->nbuckets * a->slots;
    *this = x;
}

template <typename K, typename V>
HashMap<K, V>::~HashMap()
{
    clara_rt::table_delete<Elt>(CLARA_HM_ARENA);
}

/* Same geometry: copy slot by slot. */
template <typename K, typename V>
HashMap<K, V> &
HashMap<K, V>::operator=(const HashMap<K, V> &x)
{
    if (&x == this)
        return *this;
    clara_rt::TableArena *xa = static_cast<clara_rt::TableArena *>(x._arena);
    clara_rt::table_delete<Elt>(CLARA_HM_ARENA);
    clara_rt::TableArena *a = clara_rt::table_new<Elt>(xa->nbuckets, xa->slots);
    Elt *to = clara_rt::table_elts<Elt>(a), *from = clara_rt::table_elts<Elt>(xa);
    size_t n = (size_t) a->nbuckets * a->slots;
    for (size_t i = 0; i < n; i++)
        if (xa->valid[i]) {
            new (&to[i]) Elt(from[i]);
            a->valid[i] = 1;
        }
    _arena = a;
    _nbuckets = a->nbuckets;
    _capacity = (size_type) n;
    _n = x._n;
    _default_value = x._default_value;
    return *this;
}

template <typename K, typename V>
typename HashMap<K, V>::Pair *
HashMap<K, V>::find_pair(const K &k) const
{
    clara_rt::Probe pr;
    clara_rt::TableArena *a = CLARA_HM_ARENA;
    long i = clara_rt::table_find<Elt>(a, k, hashcode(k), CLARA_HM_KEY, pr);
    clara_rt::event(CLARA_API_HASHMAP_FIND, pr.probes, pr.compares, sizeof(K));
    clara_rt::path_event(CLARA_API_HASHMAP_FIND, clara_rt::found_path(i), pr, sizeof(K),
                         sizeof(V));
    return i < 0 ? 0 : &clara_rt::table_elts<Elt>(a)[i].p;
}

template <typename K, typename V>
V *
HashMap<K, V>::findp(const K &k) const
{
    Pair *p = find_pair(k);
    return p ? &p->value : 0;
}

template <typename K, typename V>
const V &
HashMap<K, V>::find(const K &k) const
{
    Pair *p = find_pair(k);
    return p ? p->value : _default_value;
}

template <typename K, typename V>
const V &
HashMap<K, V>::operator[](const K &k) const
{
    return find(k);
}

/* Insert or overwrite; 0 when the bucket is full.  'fresh' tells whether k
   was new. */
#define CLARA_HM_PUT(k, v, overwrite, fresh, slot_out)                                      \
    do {                                                                                    \
        clara_rt::TableArena *a_ = CLARA_HM_ARENA;                                          \
        clara_rt::Probe pr_;                                                                \
        bool found_;                                                                        \
        long i_ = clara_rt::table_insert_slot<Elt>(a_, k, hashcode(k), CLARA_HM_KEY,        \
                                                   found_, pr_);                            \
        Elt *e_ = clara_rt::table_elts<Elt>(a_);                                            \
        fresh = false;                                                                      \
        slot_out = 0;                                                                       \
        if (found_) {                                                                       \
            if (overwrite)                                                                  \
                e_[i_].p.value = v;                                                         \
            slot_out = &e_[i_];                                                             \
        } else if (i_ >= 0) {                                                               \
            new (&e_[i_]) Elt{Pair{k, v}, 0};                                               \
            a_->valid[i_] = 1;                                                              \
            _n++;                                                                           \
            fresh = true;                                                                   \
            slot_out = &e_[i_];                                                             \
        } else                                                                              \
            clara_rt_stats.hash_insert_failed++;                                            \
        clara_rt::event(CLARA_API_HASHMAP_INSERT, pr_.probes, pr_.compares, sizeof(K));    \
        clara_rt::path_event(CLARA_API_HASHMAP_INSERT, clara_rt::insert_path(found_, i_),  \
                             pr_, sizeof(K), sizeof(V));                                    \
    } while (0)

template <typename K, typename V>
bool
HashMap<K, V>::insert(const K &k, const V &v)
{
    bool fresh;
    Elt *slot;
    CLARA_HM_PUT(k, v, true, fresh, slot);
    (void) slot;
    return fresh;
}

template <typename K, typename V>
bool
HashMap<K, V>::set(const K &k, const V &v)
{
    return insert(k, v);
}

template <typename K, typename V>
V &
HashMap<K, V>::find_force(const K &k, const V &v)
{
    bool fresh;
    Elt *slot;
    CLARA_HM_PUT(k, v, false, fresh, slot);
    (void) fresh;
    if (slot)
        return slot->p.value;
    clara_rt::TableArena *a = CLARA_HM_ARENA;
    Elt *s = clara_rt::table_scratch<Elt>(a);
    if (a->scratch_live)
        s->~Elt();
    new (s) Elt{Pair{k, v}, 0};
    a->scratch_live = true;
    return s->p.value;
}

template <typename K, typename V>
V &
HashMap<K, V>::find_force(const K &k)
{
    return find_force(k, _default_value);
}

template <typename K, typename V>
bool
HashMap<K, V>::erase(const K &k)
{
    clara_rt::Probe pr;
    clara_rt::TableArena *a = CLARA_HM_ARENA;
    long i = clara_rt::table_find<Elt>(a, k, hashcode(k), CLARA_HM_KEY, pr);
    if (i >= 0) {
        a->valid[i] = 0;
        clara_rt::table_elts<Elt>(a)[i].~Elt();
        _n--;
    }
    clara_rt::event(CLARA_API_HASHMAP_ERASE, pr.probes, pr.compares, sizeof(K));
    clara_rt::path_event(CLARA_API_HASHMAP_ERASE, clara_rt::found_path(i), pr, sizeof(K),
                         sizeof(V));
    return i >= 0;
}

template <typename K, typename V>
bool
HashMap<K, V>::remove(const K &k)
{
    return erase(k);
}

template <typename K, typename V>
void
HashMap<K, V>::clear()
{
    clara_rt::TableArena *a = CLARA_HM_ARENA;
    clara_rt::table_destroy_entries<Elt>(a);
    _n = 0;
    clara_rt::event(CLARA_API_HASHMAP_CLEAR, a->nbuckets * a->slots, 0, sizeof(K));
}

template <typename K, typename V>
void
HashMap<K, V>::resize(size_type nbuckets)
{
    if (clara_rt_cfg.started) {
        clara_rt_stats.hash_resize_ignored++;
        return;
    }
    clara_rt::TableArena *old = CLARA_HM_ARENA;
    clara_rt::TableArena *a = clara_rt::table_new<Elt>((uint32_t) nbuckets, old->slots);
    _arena = a;
    _nbuckets = a->nbuckets;
    _capacity = (size_type) a->nbuckets * a->slots;
    _n = 0;
    Elt *from = clara_rt::table_elts<Elt>(old);
    size_t n = (size_t) old->nbuckets * old->slots;
    for (size_t i = 0; i < n; i++)
        if (old->valid[i] && !insert(from[i].p.key, from[i].p.value))
            clara_rt_stats.hash_rehash_lost++;
    clara_rt::table_delete<Elt>(old);
}

template <typename K, typename V>
void
HashMap<K, V>::swap(HashMap<K, V> &x)
{
    void *a = _arena;
    size_type nb = _nbuckets, n = _n, c = _capacity;
    V d = _default_value;
    _arena = x._arena;
    _nbuckets = x._nbuckets;
    _n = x._n;
    _capacity = x._capacity;
    _default_value = x._default_value;
    x._arena = a;
    x._nbuckets = nb;
    x._n = n;
    x._capacity = c;
    x._default_value = d;
}

template <typename K, typename V>
typename HashMap<K, V>::const_iterator
HashMap<K, V>::begin() const
{
    const_iterator it;
    clara_rt::TableArena *a = CLARA_HM_ARENA;
    uint32_t scanned;
    size_t i = clara_rt::table_next(a, 0, scanned);
    it._map = this;
    it._bucket = i;
    it._elt = i < (size_t) a->nbuckets * a->slots ? &clara_rt::table_elts<Elt>(a)[i] : 0;
    clara_rt::event(CLARA_API_HASHMAP_ITERATE, scanned, it._elt ? 1 : 0, sizeof(K));
    return it;
}

template <typename K, typename V>
typename HashMap<K, V>::iterator
HashMap<K, V>::begin()
{
    const_iterator c = static_cast<const HashMap<K, V> *>(this)->begin();
    iterator it;
    it._map = c._map;
    it._elt = c._elt;
    it._bucket = c._bucket;
    return it;
}

template <typename K, typename V>
typename HashMap<K, V>::const_iterator
HashMap<K, V>::end() const
{
    const_iterator it;
    clara_rt::TableArena *a = CLARA_HM_ARENA;
    it._map = this;
    it._elt = 0;
    it._bucket = (size_type) a->nbuckets * a->slots;
    return it;
}

template <typename K, typename V>
typename HashMap<K, V>::iterator
HashMap<K, V>::end()
{
    iterator it;
    clara_rt::TableArena *a = CLARA_HM_ARENA;
    it._map = this;
    it._elt = 0;
    it._bucket = (size_type) a->nbuckets * a->slots;
    return it;
}

template <typename K, typename V>
typename HashMap<K, V>::const_iterator &
HashMap<K, V>::const_iterator::operator++()
{
    if (!_elt)
        return *this;
    clara_rt::TableArena *a = static_cast<clara_rt::TableArena *>(_map->_arena);
    uint32_t scanned;
    size_t i = clara_rt::table_next(a, _bucket + 1, scanned);
    _bucket = i;
    _elt = i < (size_t) a->nbuckets * a->slots ? &clara_rt::table_elts<Elt>(a)[i] : 0;
    clara_rt::event(CLARA_API_HASHMAP_ITERATE, scanned, _elt ? 1 : 0, sizeof(K));
    return *this;
}

template <typename K, typename V>
void
HashMap<K, V>::const_iterator::operator++(int)
{
    ++*this;
}

template <typename K, typename V>
typename HashMap<K, V>::iterator &
HashMap<K, V>::iterator::operator++()
{
    const_iterator::operator++();
    return *this;
}

template <typename K, typename V>
void
HashMap<K, V>::iterator::operator++(int)
{
    const_iterator::operator++();
}

#undef CLARA_HM_PUT
#undef CLARA_HM_KEY
#undef CLARA_HM_ARENA

/* ================================================================= HashTable */

#define CLARA_HT_KEY [](const Elt &e) -> const K & { return e.v.first; }
#define CLARA_HT_ARENA (static_cast<clara_rt::TableArena *>(_arena))

template <typename K, typename V>
HashTable<K, V>::HashTable()
    : _buckets(0), _n(0), _default_value(), _arena(0)
{
    clara_rt::TableArena *a = clara_rt::table_new<Elt>(clara_rt_cfg.hash_buckets,
                                                      clara_rt_cfg.hash_slots);
    _arena = a;
    _nbuckets = a->nbuckets;
}

template <typename K, typename V>
HashTable<K, V>::HashTable(const V &default_value)
    : _buckets(0), _n(0), _default_value(default_value), _arena(0)
{
    clara_rt::TableArena *a = clara_rt::table_new<Elt>(clara_rt_cfg.hash_buckets,
                                                      clara_rt_cfg.hash_slots);
    _arena = a;
    _nbuckets = a->nbuckets;
}

template <typename K, typename V>
HashTable<K, V>::HashTable(const HashTable<K, V> &x)
    : _buckets(0), _n(0), _default_value(x._default_value), _arena(0)
{
    const clara_rt::TableArena *xa = static_cast<const clara_rt::TableArena *>(x._arena);
    _arena = clara_rt::table_new<Elt>(xa->nbuckets, xa->slots);
    _nbuckets = xa->nbuckets;
    *this = x;
}

template <typename K, typename V>
HashTable<K, V>::~HashTable()
{
    clara_rt::table_delete<Elt>(CLARA_HT_ARENA);
}

template <typename K, typename V>
HashTable<K, V> &
HashTable<K, V>::operator=(const HashTable<K, V> &x)
{
    if (&x == this)
        return *this;
    clara_rt::TableArena *xa = static_cast<clara_rt::TableArena *>(x._arena);
    clara_rt::table_delete<Elt>(CLARA_HT_ARENA);
    clara_rt::TableArena *a = clara_rt::table_new<Elt>(xa->nbuckets, xa->slots);
    Elt *to = clara_rt::table_elts<Elt>(a), *from = clara_rt::table_elts<Elt>(xa);
    size_t n = (size_t) a->nbuckets * a->slots;
    for (size_t i = 0; i < n; i++)
        if (xa->valid[i]) {
            new (&to[i]) Elt(from[i]);
            a->valid[i] = 1;
        }
    _arena = a;
    _nbuckets = a->nbuckets;
    _n = x._n;
    _default_value = x._default_value;
    return *this;
}

/* An iterator at slot i (i < 0: not live). */
#define CLARA_HT_ITER(ItType, i)                                                            \
    ItType it_;                                                                             \
    do {                                                                                    \
        clara_rt::TableArena *a_ = CLARA_HT_ARENA;                                          \
        it_._table = this;                                                                  \
        it_._elt = (i) >= 0 ? &clara_rt::table_elts<Elt>(a_)[(i)] : 0;                      \
        it_._bucket = (i) >= 0 ? (size_type) (i) : (size_type) a_->nbuckets * a_->slots;    \
    } while (0)

template <typename K, typename V>
typename HashTable<K, V>::iterator
HashTable<K, V>::find(const K &k)
{
    clara_rt::Probe pr;
    long i = clara_rt::table_find<Elt>(CLARA_HT_ARENA, k, hashcode(k), CLARA_HT_KEY, pr);
    clara_rt::event(CLARA_API_HASHTABLE_FIND, pr.probes, pr.compares, sizeof(K));
    clara_rt::path_event(CLARA_API_HASHTABLE_FIND, clara_rt::found_path(i), pr, sizeof(K),
                         sizeof(V));
    CLARA_HT_ITER(iterator, i);
    return it_;
}

template <typename K, typename V>
typename HashTable<K, V>::const_iterator
HashTable<K, V>::find(const K &k) const
{
    clara_rt::Probe pr;
    long i = clara_rt::table_find<Elt>(CLARA_HT_ARENA, k, hashcode(k), CLARA_HT_KEY, pr);
    clara_rt::event(CLARA_API_HASHTABLE_FIND, pr.probes, pr.compares, sizeof(K));
    clara_rt::path_event(CLARA_API_HASHTABLE_FIND, clara_rt::found_path(i), pr, sizeof(K),
                         sizeof(V));
    CLARA_HT_ITER(const_iterator, i);
    return it_;
}

/* The slot of k after inserting (k, v) if absent (overwriting if asked);
   -1 when k's bucket is full. */
#define CLARA_HT_PUT(k, v, overwrite, fresh, slot_out)                                      \
    do {                                                                                    \
        clara_rt::TableArena *a_ = CLARA_HT_ARENA;                                          \
        clara_rt::Probe pr_;                                                                \
        bool found_;                                                                        \
        long i_ = clara_rt::table_insert_slot<Elt>(a_, k, hashcode(k), CLARA_HT_KEY,        \
                                                   found_, pr_);                            \
        Elt *e_ = clara_rt::table_elts<Elt>(a_);                                            \
        fresh = false;                                                                      \
        slot_out = -1;                                                                      \
        if (found_) {                                                                       \
            if (overwrite)                                                                  \
                e_[i_].v.second = v;                                                        \
            slot_out = i_;                                                                  \
        } else if (i_ >= 0) {                                                               \
            new (&e_[i_]) Elt{value_type(k, v), 0};                                         \
            a_->valid[i_] = 1;                                                              \
            _n++;                                                                           \
            fresh = true;                                                                   \
            slot_out = i_;                                                                  \
        } else                                                                              \
            clara_rt_stats.hash_insert_failed++;                                            \
        clara_rt::event(CLARA_API_HASHTABLE_INSERT, pr_.probes, pr_.compares, sizeof(K));  \
        clara_rt::path_event(CLARA_API_HASHTABLE_INSERT, clara_rt::insert_path(found_, i_),\
                             pr_, sizeof(K), sizeof(V));                                    \
    } while (0)

template <typename K, typename V>
typename HashTable<K, V>::iterator
HashTable<K, V>::find_insert(const K &k, const V &v)
{
    bool fresh;
    long slot;
    CLARA_HT_PUT(k, v, false, fresh, slot);
    (void) fresh;
    CLARA_HT_ITER(iterator, slot);
    return it_;
}

template <typename K, typename V>
typename HashTable<K, V>::iterator
HashTable<K, V>::find_insert(const K &k)
{
    return find_insert(k, _default_value);
}

template <typename K, typename V>
V
HashTable<K, V>::get(const K &k) const
{
    const_iterator it = find(k);
    return it.live() ? it.value() : _default_value;
}

template <typename K, typename V>
V &
HashTable<K, V>::operator[](const K &k)
{
    iterator it = find_insert(k, _default_value);
    if (it.live())
        return it.value();
    clara_rt::TableArena *a = CLARA_HT_ARENA;
    Elt *s = clara_rt::table_scratch<Elt>(a);
    if (a->scratch_live)
        s->~Elt();
    new (s) Elt{value_type(k, _default_value), 0};
    a->scratch_live = true;
    return s->v.second;
}

template <typename K, typename V>
typename HashTable<K, V>::iterator
HashTable<K, V>::set(const K &k, const V &v)
{
    bool fresh;
    long slot;
    CLARA_HT_PUT(k, v, true, fresh, slot);
    (void) fresh;
    CLARA_HT_ITER(iterator, slot);
    return it_;
}

template <typename K, typename V>
bool
HashTable<K, V>::replace(const K &k, const V &v)
{
    bool fresh;
    long slot;
    CLARA_HT_PUT(k, v, true, fresh, slot);
    (void) slot;
    return fresh;
}

template <typename K, typename V>
typename HashTable<K, V>::size_type
HashTable<K, V>::erase(const K &k)
{
    clara_rt::Probe pr;
    clara_rt::TableArena *a = CLARA_HT_ARENA;
    long i = clara_rt::table_find<Elt>(a, k, hashcode(k), CLARA_HT_KEY, pr);
    if (i >= 0) {
        a->valid[i] = 0;
        clara_rt::table_elts<Elt>(a)[i].~Elt();
        _n--;
    }
    clara_rt::event(CLARA_API_HASHTABLE_ERASE, pr.probes, pr.compares, sizeof(K));
    clara_rt::path_event(CLARA_API_HASHTABLE_ERASE, clara_rt::found_path(i), pr, sizeof(K),
                         sizeof(V));
    return i >= 0 ? 1 : 0;
}

template <typename K, typename V>
typename HashTable<K, V>::iterator
HashTable<K, V>::erase(const iterator &it)
{
    clara_rt::TableArena *a = CLARA_HT_ARENA;
    size_t n = (size_t) a->nbuckets * a->slots;
    size_t i = it._bucket;
    if (it._elt && i < n && a->valid[i]) {
        a->valid[i] = 0;
        clara_rt::table_elts<Elt>(a)[i].~Elt();
        _n--;
    }
    uint32_t scanned;
    size_t next = clara_rt::table_next(a, i + 1, scanned);
    clara_rt::event(CLARA_API_HASHTABLE_ERASE, 0, 0, sizeof(K));
    long slot = next < n ? (long) next : -1;
    CLARA_HT_ITER(iterator, slot);
    return it_;
}

template <typename K, typename V>
void
HashTable<K, V>::clear()
{
    clara_rt::TableArena *a = CLARA_HT_ARENA;
    clara_rt::table_destroy_entries<Elt>(a);
    _n = 0;
    clara_rt::event(CLARA_API_HASHTABLE_CLEAR, a->nbuckets * a->slots, 0, sizeof(K));
}

template <typename K, typename V>
void
HashTable<K, V>::resize(size_type nbuckets)
{
    if (clara_rt_cfg.started) {
        clara_rt_stats.hash_resize_ignored++;
        return;
    }
    clara_rt::TableArena *old = CLARA_HT_ARENA;
    clara_rt::TableArena *a = clara_rt::table_new<Elt>((uint32_t) nbuckets, old->slots);
    _arena = a;
    _nbuckets = a->nbuckets;
    _n = 0;
    Elt *from = clara_rt::table_elts<Elt>(old);
    size_t n = (size_t) old->nbuckets * old->slots;
    for (size_t i = 0; i < n; i++)
        if (old->valid[i] && !replace(from[i].v.first, from[i].v.second))
            clara_rt_stats.hash_rehash_lost++;
    clara_rt::table_delete<Elt>(old);
}

template <typename K, typename V>
void
HashTable<K, V>::swap(HashTable<K, V> &x)
{
    void *a = _arena;
    size_type nb = _nbuckets, n = _n;
    V d = _default_value;
    _arena = x._arena;
    _nbuckets = x._nbuckets;
    _n = x._n;
    _default_value = x._default_value;
    x._arena = a;
    x._nbuckets = nb;
    x._n = n;
    x._default_value = d;
}

template <typename K, typename V>
typename HashTable<K, V>::const_iterator
HashTable<K, V>::begin() const
{
    clara_rt::TableArena *a = CLARA_HT_ARENA;
    uint32_t scanned;
    size_t n = (size_t) a->nbuckets * a->slots;
    size_t i = clara_rt::table_next(a, 0, scanned);
    long slot = i < n ? (long) i : -1;
    clara_rt::event(CLARA_API_HASHTABLE_ITERATE, scanned, slot >= 0 ? 1 : 0, sizeof(K));
    CLARA_HT_ITER(const_iterator, slot);
    return it_;
}

template <typename K, typename V>
typename HashTable<K, V>::iterator
HashTable<K, V>::begin()
{
    clara_rt::TableArena *a = CLARA_HT_ARENA;
    uint32_t scanned;
    size_t n = (size_t) a->nbuckets * a->slots;
    size_t i = clara_rt::table_next(a, 0, scanned);
    long slot = i < n ? (long) i : -1;
    clara_rt::event(CLARA_API_HASHTABLE_ITERATE, scanned, slot >= 0 ? 1 : 0, sizeof(K));
    CLARA_HT_ITER(iterator, slot);
    return it_;
}

template <typename K, typename V>
typename HashTable<K, V>::const_iterator
HashTable<K, V>::end() const
{
    CLARA_HT_ITER(const_iterator, -1);
    return it_;
}

template <typename K, typename V>
typename HashTable<K, V>::iterator
HashTable<K, V>::end()
{
    CLARA_HT_ITER(iterator, -1);
    return it_;
}

template <typename K, typename V>
typename HashTable<K, V>::const_iterator &
HashTable<K, V>::const_iterator::operator++()
{
    if (!_elt)
        return *this;
    clara_rt::TableArena *a = static_cast<clara_rt::TableArena *>(_table->_arena);
    uint32_t scanned;
    size_t n = (size_t) a->nbuckets * a->slots;
    size_t i = clara_rt::table_next(a, _bucket + 1, scanned);
    _bucket = i;
    _elt = i < n ? &clara_rt::table_elts<Elt>(a)[i] : 0;
    clara_rt::event(CLARA_API_HASHTABLE_ITERATE, scanned, _elt ? 1 : 0, sizeof(K));
    return *this;
}

template <typename K, typename V>
void
HashTable<K, V>::const_iterator::operator++(int)
{
    ++*this;
}

template <typename K, typename V>
typename HashTable<K, V>::iterator &
HashTable<K, V>::iterator::operator++()
{
    const_iterator::operator++();
    return *this;
}

template <typename K, typename V>
void
HashTable<K, V>::iterator::operator++(int)
{
    const_iterator::operator++();
}

#undef CLARA_HT_PUT
#undef CLARA_HT_ITER
#undef CLARA_HT_KEY
#undef CLARA_HT_ARENA

CLICK_ENDDECLS
#endif
