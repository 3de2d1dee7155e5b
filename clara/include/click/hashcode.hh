// -*- c++ -*-
/*
 * click/hashcode.hh -- hash codes for HashMap / HashTable keys.
 *
 * A key type K is hashed by hashcode(const K &), which for class types calls
 * the member K::hashcode() const; integral keys hash to themselves (the
 * containers mix the bits).  Used by the containers' out-of-line
 * implementations; an element rarely calls these directly.
 */
#ifndef CLICK_HASHCODE_HH
#define CLICK_HASHCODE_HH
#include <click/glue.hh>
CLICK_DECLS

typedef uint32_t hashcode_t;

template <typename T>
inline hashcode_t hashcode(const T &x) {
    return x.hashcode();
}
inline hashcode_t hashcode(char c) { return (hashcode_t) c; }
inline hashcode_t hashcode(signed char c) { return (hashcode_t) c; }
inline hashcode_t hashcode(unsigned char c) { return c; }
inline hashcode_t hashcode(short s) { return (hashcode_t) s; }
inline hashcode_t hashcode(unsigned short s) { return s; }
inline hashcode_t hashcode(int i) { return (hashcode_t) i; }
inline hashcode_t hashcode(unsigned u) { return u; }
inline hashcode_t hashcode(long l) { return (hashcode_t) l ^ (hashcode_t) ((unsigned long) l >> 31 >> 1); }
inline hashcode_t hashcode(unsigned long l) { return (hashcode_t) l ^ (hashcode_t) (l >> 31 >> 1); }
inline hashcode_t hashcode(long long l) { return (hashcode_t) l ^ (hashcode_t) ((unsigned long long) l >> 32); }
inline hashcode_t hashcode(unsigned long long l) { return (hashcode_t) l ^ (hashcode_t) (l >> 32); }
template <typename T>
inline hashcode_t hashcode(T *p) {
    return hashcode(reinterpret_cast<uintptr_t>(p) >> 3);
}

CLICK_ENDDECLS
#endif
