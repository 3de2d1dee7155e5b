// -*- c++ -*-
/*
 * click/hashmap.hh -- HashMap<K, V>, Click's classic chained hash map.
 *
 * A key type K needs operator== and hashcode(const K &) (a member
 * K::hashcode() const is enough, see <click/hashcode.hh>).  find() returns the
 * map's default value when the key is absent; findp() returns a pointer to
 * the stored value or null.
 *
 * Inline: size, empty, bucket_count, the iterator's accessors (live, key,
 * value, pair).  Out of line (declared only; they hash, probe, allocate or
 * free): constructors, destructor, operator=, find, findp, find_pair,
 * operator[], find_force, insert, set, erase, remove, clear, resize, swap,
 * begin, end, and iterator::operator++.  Host Click walks bucket chains and
 * grows the table; a NIC port uses fixed buckets in a chosen memory level --
 * Clara prices the calls from reverse-ported implementations.
 */
#ifndef CLICK_HASHMAP_HH
#define CLICK_HASHMAP_HH
#include <click/hashcode.hh>
CLICK_DECLS

template <typename K, typename V>
class HashMap {
    struct Elt;

  public:
    typedef K key_type;
    typedef V value_type;
    typedef size_t size_type;

    /* The stored (key, value) pair. */
    struct Pair {
        K key;
        V value;
    };

    class const_iterator;
    class iterator;

    HashMap();
    explicit HashMap(const V &default_value);
    HashMap(const HashMap<K, V> &x);
    ~HashMap();
    HashMap<K, V> &operator=(const HashMap<K, V> &x);

    size_type size() const { return _n; }
    bool empty() const { return _n == 0; }
    size_type bucket_count() const { return _nbuckets; }

    /* The value for k, or the default value if k is absent. */
    const V &find(const K &k) const;
    /* A pointer to the value for k, or null if k is absent. */
    V *findp(const K &k) const;
    Pair *find_pair(const K &k) const;
    const V &operator[](const K &k) const;
    /* The value for k, inserting (k, v) first if k is absent. */
    V &find_force(const K &k, const V &v);
    V &find_force(const K &k);

    /* Set k's value to v; true if k was new. */
    bool insert(const K &k, const V &v);
    bool set(const K &k, const V &v);
    /* Remove k; true if it was present. */
    bool erase(const K &k);
    bool remove(const K &k);
    void clear();
    void resize(size_type nbuckets);
    void swap(HashMap<K, V> &x);

    const_iterator begin() const;
    iterator begin();
    const_iterator end() const;
    iterator end();

    class const_iterator {
      public:
        bool live() const { return _elt != 0; }
        explicit operator bool() const { return _elt != 0; }
        const K &key() const { return _elt->p.key; }
        const V &value() const { return _elt->p.value; }
        const Pair *pair() const { return &_elt->p; }
        void operator++(int);
        const_iterator &operator++();

      protected:
        const HashMap<K, V> *_map;
        Elt *_elt;
        size_type _bucket;
        friend class HashMap<K, V>;
    };

    class iterator : public const_iterator {
      public:
        V &value() const { return this->_elt->p.value; }
        Pair *pair() const { return &this->_elt->p; }
        void operator++(int);
        iterator &operator++();

      private:
        friend class HashMap<K, V>;
    };

  private:
    struct Elt {
        Pair p;
        Elt *next;
    };

    Elt **_buckets;
    size_type _nbuckets;
    size_type _n;
    size_type _capacity;
    V _default_value;
    void *_arena;
};

CLICK_ENDDECLS
#endif
