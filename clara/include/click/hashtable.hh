// -*- c++ -*-
/*
 * click/hashtable.hh -- HashTable<K, V>, Click's newer hash table.
 *
 * Entries are Pair<K, V> (members first, second).  find() returns an
 * iterator that tests false when the key is absent; get() returns a copy of
 * the value or V() ; operator[] inserts a default value when absent.
 *
 * Inline: size, empty, bucket_count, the iterator's accessors (live,
 * operator bool, operator->, operator*, key, value).  Out of line (declared
 * only): constructors, destructor, operator=, find, find_insert, get,
 * operator[], set, replace, erase, clear, resize, swap, begin, end and
 * iterator::operator++.
 */
#ifndef CLICK_HASHTABLE_HH
#define CLICK_HASHTABLE_HH
#include <click/pair.hh>
CLICK_DECLS

template <typename K, typename V>
class HashTable {
    struct Elt;

  public:
    typedef K key_type;
    typedef V mapped_type;
    typedef Pair<K, V> value_type;
    typedef size_t size_type;

    class const_iterator;
    class iterator;

    HashTable();
    explicit HashTable(const V &default_value);
    HashTable(const HashTable<K, V> &x);
    ~HashTable();
    HashTable<K, V> &operator=(const HashTable<K, V> &x);

    size_type size() const { return _n; }
    bool empty() const { return _n == 0; }
    size_type bucket_count() const { return _nbuckets; }

    /* An iterator at k's entry; it tests false if k is absent. */
    iterator find(const K &k);
    const_iterator find(const K &k) const;
    /* An iterator at k's entry, inserting (k, default) if k is absent. */
    iterator find_insert(const K &k);
    iterator find_insert(const K &k, const V &v);
    /* A copy of k's value, or the default value. */
    V get(const K &k) const;
    /* k's value, inserting the default value if k is absent. */
    V &operator[](const K &k);

    /* Set k's value to v (inserting if needed). */
    iterator set(const K &k, const V &v);
    bool replace(const K &k, const V &v);
    /* Remove k; returns the number of entries removed (0 or 1). */
    size_type erase(const K &k);
    iterator erase(const iterator &it);
    void clear();
    void resize(size_type nbuckets);
    void swap(HashTable<K, V> &x);

    const_iterator begin() const;
    iterator begin();
    const_iterator end() const;
    iterator end();

    class const_iterator {
      public:
        bool live() const { return _elt != 0; }
        explicit operator bool() const { return _elt != 0; }
        const value_type *operator->() const { return &_elt->v; }
        const value_type &operator*() const { return _elt->v; }
        const K &key() const { return _elt->v.first; }
        const V &value() const { return _elt->v.second; }
        void operator++(int);
        const_iterator &operator++();

      protected:
        const HashTable<K, V> *_table;
        Elt *_elt;
        size_type _bucket;
        friend class HashTable<K, V>;
    };

    class iterator : public const_iterator {
      public:
        value_type *operator->() const { return &this->_elt->v; }
        value_type &operator*() const { return this->_elt->v; }
        V &value() const { return this->_elt->v.second; }
        void operator++(int);
        iterator &operator++();

      private:
        friend class HashTable<K, V>;
    };

  private:
    struct Elt {
        value_type v;
        Elt *next;
    };

    Elt **_buckets;
    size_type _nbuckets;
    size_type _n;
    V _default_value;
    void *_arena;
};

CLICK_ENDDECLS
#endif
