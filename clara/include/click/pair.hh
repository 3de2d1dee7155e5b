// -*- c++ -*-
/* click/pair.hh -- a two-member aggregate, the entry type of HashTable. */
#ifndef CLICK_PAIR_HH
#define CLICK_PAIR_HH
#include <click/hashcode.hh>
CLICK_DECLS

template <typename T, typename U>
struct Pair {
    typedef T first_type;
    typedef U second_type;
    typedef T key_type;
    typedef const T &key_const_reference;

    T first;
    U second;

    Pair() : first(), second() {}
    Pair(const T &t, const U &u) : first(t), second(u) {}

    const T &hashkey() const { return first; }
    hashcode_t hashcode() const {
        return (::Click::hashcode(first) * 0x9E3779B1U) ^ ::Click::hashcode(second);
    }
};

template <typename T, typename U>
inline Pair<T, U> make_pair(const T &t, const U &u) {
    return Pair<T, U>(t, u);
}

CLICK_ENDDECLS
#endif
