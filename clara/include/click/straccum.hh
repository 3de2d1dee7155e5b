// -*- c++ -*-
/*
 * click/straccum.hh -- StringAccum, an append-only string builder (thin).
 * Used by read handlers to format their output.  All members that append or
 * allocate are declared only; operator<< overloads are members.
 */
#ifndef CLICK_STRACCUM_HH
#define CLICK_STRACCUM_HH
#include <click/string.hh>
CLICK_DECLS
class IPAddress;
class EtherAddress;
class Timestamp;

class StringAccum {
  public:
    StringAccum();
    explicit StringAccum(int capacity);
    StringAccum(const String &s);
    ~StringAccum();

    const char *data() const { return reinterpret_cast<const char *>(_s); }
    int length() const { return _len; }
    bool empty() const { return _len == 0; }
    bool out_of_memory() const { return _cap < 0; }

    const char *c_str();
    String take_string();
    void clear();
    char *reserve(int n);
    void adjust_length(int delta);
    void append(char c);
    void append(const char *s, int len);
    void append(const char *begin, const char *end);
    void append_fill(int c, int len);
    StringAccum &snprintf(int n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

    StringAccum &operator<<(char c);
    StringAccum &operator<<(const char *cstr);
    StringAccum &operator<<(const String &s);
    StringAccum &operator<<(const StringAccum &sa);
    StringAccum &operator<<(bool b);
    StringAccum &operator<<(int x);
    StringAccum &operator<<(unsigned x);
    StringAccum &operator<<(long x);
    StringAccum &operator<<(unsigned long x);
    StringAccum &operator<<(long long x);
    StringAccum &operator<<(unsigned long long x);
    StringAccum &operator<<(double x);
    StringAccum &operator<<(const void *p);
    StringAccum &operator<<(const IPAddress &a);
    StringAccum &operator<<(const EtherAddress &a);
    StringAccum &operator<<(const Timestamp &t);

  private:
    unsigned char *_s;
    int _len;
    int _cap;
};

CLICK_ENDDECLS
#endif
