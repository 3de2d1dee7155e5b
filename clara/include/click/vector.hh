// -*- c++ -*-
/*
 * click/vector.hh -- Vector<T>, Click's growable array.
 *
 * Inline (cheap accessors): size, empty, capacity, operator[], at, front,
 * back, data, begin, end, the default constructor.
 * Out of line (declared only; they allocate, copy or destroy elements):
 * the other constructors, the destructor, operator=, assign, push_back,
 * push_front, pop_back, pop_front, insert, erase, resize, reserve, clear,
 * swap.  On a SmartNIC a Vector is a fixed-capacity array; Clara prices
 * these calls from reverse-ported implementations.
 */
#ifndef CLICK_VECTOR_HH
#define CLICK_VECTOR_HH
#include <click/glue.hh>
CLICK_DECLS

template <typename T>
class Vector {
  public:
    typedef T value_type;
    typedef T &reference;
    typedef const T &const_reference;
    typedef T *pointer;
    typedef const T *const_pointer;
    typedef int size_type;
    typedef T *iterator;
    typedef const T *const_iterator;
    enum { RESERVE_GROW = (size_type) -1 };

    Vector() : _l(0), _n(0), _capacity(0) {}
    explicit Vector(size_type n, const T &v);
    Vector(const Vector<T> &x);
    ~Vector();

    Vector<T> &operator=(const Vector<T> &x);
    Vector<T> &assign(size_type n, const T &v = T());

    size_type size() const { return _n; }
    bool empty() const { return _n == 0; }
    size_type capacity() const { return _capacity; }

    T &operator[](size_type i) { return _l[i]; }
    const T &operator[](size_type i) const { return _l[i]; }
    T &at(size_type i) { return _l[i]; }
    const T &at(size_type i) const { return _l[i]; }
    T &front() { return _l[0]; }
    const T &front() const { return _l[0]; }
    T &back() { return _l[_n - 1]; }
    const T &back() const { return _l[_n - 1]; }
    T *data() { return _l; }
    const T *data() const { return _l; }

    iterator begin() { return _l; }
    const_iterator begin() const { return _l; }
    iterator end() { return _l + _n; }
    const_iterator end() const { return _l + _n; }

    void push_back(const T &v);
    void push_front(const T &v);
    void pop_back();
    void pop_front();
    iterator insert(iterator it, const T &v);
    iterator erase(iterator it);
    iterator erase(iterator a, iterator b);
    void resize(size_type n, const T &v = T());
    bool reserve(size_type n);
    void clear();
    void swap(Vector<T> &x);

  private:
    T *_l;
    size_type _n;
    size_type _capacity;
};

CLICK_ENDDECLS
#endif
