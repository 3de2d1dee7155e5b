// -*- c++ -*-
/*
 * click/string.hh -- String, Click's reference-counted string (thin).
 *
 * Strings appear in configuration, handlers and error messages, rarely on
 * the packet path.  Inline: data, length, empty, operator bool, begin, end,
 * operator[].  Everything that allocates, copies, compares or converts is
 * declared only (constructors, destructor, assignment, c_str, comparisons,
 * concatenation, substring, unparsing...).  All operators are members.
 */
#ifndef CLICK_STRING_HH
#define CLICK_STRING_HH
#include <click/hashcode.hh>
CLICK_DECLS

class String {
  public:
    String();
    String(const String &x);
    String(const char *cstr);
    String(const char *s, int len);
    String(const unsigned char *s, int len);
    String(const char *begin, const char *end);
    explicit String(bool b);
    explicit String(char c);
    explicit String(int x);
    explicit String(unsigned x);
    explicit String(long x);
    explicit String(unsigned long x);
    explicit String(long long x);
    explicit String(unsigned long long x);
    explicit String(double x);
    ~String();

    static const String &make_empty();
    static String make_uninitialized(int len);
    static String make_stable(const char *cstr, int len = -1);

    String &operator=(const String &x);
    String &operator=(const char *cstr);

    const char *data() const { return _data; }
    int length() const { return _length; }
    bool empty() const { return _length == 0; }
    explicit operator bool() const { return _length != 0; }
    const char *begin() const { return _data; }
    const char *end() const { return _data + _length; }
    char operator[](int i) const { return _data[i]; }

    const char *c_str() const;
    char *mutable_data();
    hashcode_t hashcode() const;

    String substring(int pos, int len) const;
    String substring(int pos) const;
    int find_left(char c, int start = 0) const;
    int find_left(const String &s, int start = 0) const;
    int find_right(char c, int start = 0x7FFFFFFF) const;
    bool starts_with(const String &s) const;
    bool ends_with(const String &s) const;
    String lower() const;
    String upper() const;
    String trim_space() const;
    String quoted_hex() const;
    String printable() const;

    bool equals(const char *s, int len) const;
    int compare(const String &x) const;
    bool operator==(const String &x) const;
    bool operator==(const char *cstr) const;
    bool operator!=(const String &x) const;
    bool operator!=(const char *cstr) const;
    bool operator<(const String &x) const;

    String operator+(const String &x) const;
    String operator+(const char *cstr) const;
    String &operator+=(const String &x);
    String &operator+=(const char *cstr);
    String &operator+=(char c);
    void append(const char *s, int len);
    void append(const char *s);

  private:
    const char *_data;
    int _length;
    void *_memo;
};

CLICK_ENDDECLS
#endif
