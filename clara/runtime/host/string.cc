/*
 * string.cc -- host runtime: String and StringAccum.
 *
 * A String's text lives in a reference-counted block (_memo) and is always
 * NUL-terminated, so c_str() is free; the empty string is a static "".
 * Configuration and handler code only: not reverse-ported.
 */
#include <click/config.h>
#include <click/string.hh>
#include <click/straccum.hh>
#include <click/ipaddress.hh>
#include <click/etheraddress.hh>
#include <click/timestamp.hh>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

namespace {

struct Memo {
    int refcount;
    int capacity;
    char text[1];
};

Memo *
memo_new(const char *s, int len)
{
    Memo *m = static_cast<Memo *>(malloc(sizeof(Memo) + (size_t) len));
    if (!m)
        abort();
    m->refcount = 1;
    m->capacity = len;
    if (s && len)
        memcpy(m->text, s, (size_t) len);
    m->text[len] = 0;
    return m;
}

}  // namespace

CLICK_DECLS

#define MEMO(x) (static_cast<Memo *>((x)._memo))

static void
string_assign(const char *&data, int &length, void *&memo, const char *s, int len)
{
    if (len < 0)
        len = s ? (int) strlen(s) : 0;
    if (len == 0 || !s) {
        data = "";
        length = 0;
        memo = 0;
        return;
    }
    Memo *m = memo_new(s, len);
    data = m->text;
    length = len;
    memo = m;
}

static void
string_release(void *memo)
{
    Memo *m = static_cast<Memo *>(memo);
    if (m && --m->refcount == 0)
        free(m);
}

String::String()
    : _data(""), _length(0), _memo(0)
{
}

String::String(const String &x)
    : _data(x._data), _length(x._length), _memo(x._memo)
{
    if (_memo)
        MEMO(*this)->refcount++;
}

String::String(const char *cstr)
{
    string_assign(_data, _length, _memo, cstr, -1);
}

String::String(const char *s, int len)
{
    string_assign(_data, _length, _memo, s, len);
}

String::String(const unsigned char *s, int len)
{
    string_assign(_data, _length, _memo, reinterpret_cast<const char *>(s), len);
}

String::String(const char *begin, const char *end)
{
    string_assign(_data, _length, _memo, begin, end > begin ? (int) (end - begin) : 0);
}

String::String(bool b)
{
    string_assign(_data, _length, _memo, b ? "true" : "false", -1);
}

String::String(char c)
{
    string_assign(_data, _length, _memo, &c, 1);
}

#define CLARA_STRING_NUM(T, fmt, cast)                                  \
    String::String(T x)                                                 \
    {                                                                   \
        char buf[40];                                                   \
        snprintf(buf, sizeof(buf), fmt, (cast) x);                      \
        string_assign(_data, _length, _memo, buf, -1);                  \
    }
CLARA_STRING_NUM(int, "%d", int)
CLARA_STRING_NUM(unsigned, "%u", unsigned)
CLARA_STRING_NUM(long, "%ld", long)
CLARA_STRING_NUM(unsigned long, "%lu", unsigned long)
CLARA_STRING_NUM(long long, "%lld", long long)
CLARA_STRING_NUM(unsigned long long, "%llu", unsigned long long)
CLARA_STRING_NUM(double, "%.17g", double)
#undef CLARA_STRING_NUM

String::~String()
{
    string_release(_memo);
}

const String &
String::make_empty()
{
    static const String empty;
    return empty;
}

String
String::make_uninitialized(int len)
{
    String s;
    if (len > 0) {
        Memo *m = memo_new(0, len);
        memset(m->text, 0, (size_t) len);
        s._data = m->text;
        s._length = len;
        s._memo = m;
    }
    return s;
}

String
String::make_stable(const char *cstr, int len)
{
    return String(cstr, len < 0 ? (int) strlen(cstr) : len);
}

String &
String::operator=(const String &x)
{
    if (x._memo)
        MEMO(x)->refcount++;
    string_release(_memo);
    _data = x._data;
    _length = x._length;
    _memo = x._memo;
    return *this;
}

String &
String::operator=(const char *cstr)
{
    return *this = String(cstr);
}

const char *
String::c_str() const
{
    return _data;
}

char *
String::mutable_data()
{
    if (!_memo || MEMO(*this)->refcount > 1) {
        String copy(_data, _length);
        *this = copy;
    }
    return const_cast<char *>(_data);
}

hashcode_t
String::hashcode() const
{
    uint32_t h = 2166136261u;      // FNV-1a
    for (int i = 0; i < _length; i++)
        h = (h ^ (unsigned char) _data[i]) * 16777619u;
    return h;
}

String
String::substring(int pos, int len) const
{
    if (pos < 0)
        pos += _length;
    if (pos < 0)
        pos = 0;
    if (pos > _length)
        pos = _length;
    if (len < 0)
        len = _length - pos + len;
    if (len < 0)
        len = 0;
    if (pos + len > _length)
        len = _length - pos;
    return String(_data + pos, len);
}

String
String::substring(int pos) const
{
    return substring(pos, _length);
}

int
String::find_left(char c, int start) const
{
    for (int i = start < 0 ? 0 : start; i < _length; i++)
        if (_data[i] == c)
            return i;
    return -1;
}

int
String::find_left(const String &s, int start) const
{
    if (start < 0)
        start = 0;
    for (int i = start; i + s._length <= _length; i++)
        if (memcmp(_data + i, s._data, (size_t) s._length) == 0)
            return i;
    return -1;
}

int
String::find_right(char c, int start) const
{
    if (start >= _length)
        start = _length - 1;
    for (int i = start; i >= 0; i--)
        if (_data[i] == c)
            return i;
    return -1;
}

bool
String::starts_with(const String &s) const
{
    return s._length <= _length && memcmp(_data, s._data, (size_t) s._length) == 0;
}

bool
String::ends_with(const String &s) const
{
    return s._length <= _length
        && memcmp(_data + _length - s._length, s._data, (size_t) s._length) == 0;
}

String
String::lower() const
{
    String s(_data, _length);
    char *d = s.mutable_data();
    for (int i = 0; i < s._length; i++)
        if (d[i] >= 'A' && d[i] <= 'Z')
            d[i] += 'a' - 'A';
    return s;
}

String
String::upper() const
{
    String s(_data, _length);
    char *d = s.mutable_data();
    for (int i = 0; i < s._length; i++)
        if (d[i] >= 'a' && d[i] <= 'z')
            d[i] -= 'a' - 'A';
    return s;
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

String
String::trim_space() const
{
    int a = 0, b = _length;
    while (a < b && is_space(_data[a]))
        a++;
    while (b > a && is_space(_data[b - 1]))
        b--;
    return String(_data + a, b - a);
}

String
String::quoted_hex() const
{
    StringAccum sa;
    sa << "\\<";
    for (int i = 0; i < _length; i++) {
        char buf[4];
        snprintf(buf, sizeof(buf), "%02X", (unsigned char) _data[i]);
        sa << buf;
    }
    sa << '>';
    return sa.take_string();
}

String
String::printable() const
{
    StringAccum sa;
    for (int i = 0; i < _length; i++) {
        unsigned char c = (unsigned char) _data[i];
        if (c >= 32 && c < 127)
            sa << (char) c;
        else {
            char buf[8];
            snprintf(buf, sizeof(buf), "\\%03o", c);
            sa << buf;
        }
    }
    return sa.take_string();
}

bool
String::equals(const char *s, int len) const
{
    if (len < 0)
        len = (int) strlen(s);
    return len == _length && memcmp(_data, s, (size_t) len) == 0;
}

int
String::compare(const String &x) const
{
    int n = _length < x._length ? _length : x._length;
    int c = memcmp(_data, x._data, (size_t) n);
    if (c)
        return c;
    return _length - x._length;
}

bool
String::operator==(const String &x) const
{
    return equals(x._data, x._length);
}

bool
String::operator==(const char *cstr) const
{
    return equals(cstr, -1);
}

bool
String::operator!=(const String &x) const
{
    return !(*this == x);
}

bool
String::operator!=(const char *cstr) const
{
    return !(*this == cstr);
}

bool
String::operator<(const String &x) const
{
    return compare(x) < 0;
}

void
String::append(const char *s, int len)
{
    if (len < 0)
        len = (int) strlen(s);
    if (len == 0)
        return;
    Memo *m = memo_new(0, _length + len);
    memcpy(m->text, _data, (size_t) _length);
    memcpy(m->text + _length, s, (size_t) len);
    m->text[_length + len] = 0;
    string_release(_memo);
    _memo = m;
    _data = m->text;
    _length += len;
}

void
String::append(const char *s)
{
    append(s, -1);
}

String
String::operator+(const String &x) const
{
    String s(*this);
    s.append(x._data, x._length);
    return s;
}

String
String::operator+(const char *cstr) const
{
    String s(*this);
    s.append(cstr, -1);
    return s;
}

String &
String::operator+=(const String &x)
{
    append(x._data, x._length);
    return *this;
}

String &
String::operator+=(const char *cstr)
{
    append(cstr, -1);
    return *this;
}

String &
String::operator+=(char c)
{
    append(&c, 1);
    return *this;
}

/* ------------------------------------------------------------ StringAccum */

StringAccum::StringAccum()
    : _s(0), _len(0), _cap(0)
{
}

StringAccum::StringAccum(int capacity)
    : _s(0), _len(0), _cap(0)
{
    reserve(capacity);
}

StringAccum::StringAccum(const String &s)
    : _s(0), _len(0), _cap(0)
{
    append(s.data(), s.length());
}

StringAccum::~StringAccum()
{
    free(_s);
}

char *
StringAccum::reserve(int n)
{
    if (_cap < 0)
        return 0;
    if (_len + n + 1 > _cap) {
        int cap = _cap ? _cap : 64;
        while (cap < _len + n + 1)
            cap *= 2;
        unsigned char *s = static_cast<unsigned char *>(realloc(_s, (size_t) cap));
        if (!s) {
            _cap = -1;
            return 0;
        }
        _s = s;
        _cap = cap;
    }
    return reinterpret_cast<char *>(_s + _len);
}

void
StringAccum::adjust_length(int delta)
{
    _len += delta;
}

const char *
StringAccum::c_str()
{
    if (!reserve(1))
        return "";
    _s[_len] = 0;
    return reinterpret_cast<const char *>(_s);
}

String
StringAccum::take_string()
{
    String s(reinterpret_cast<const char *>(_s), _len);
    _len = 0;
    return s;
}

void
StringAccum::clear()
{
    _len = 0;
}

void
StringAccum::append(char c)
{
    if (char *d = reserve(1)) {
        *d = c;
        _len++;
    }
}

void
StringAccum::append(const char *s, int len)
{
    if (len < 0)
        len = (int) strlen(s);
    if (char *d = reserve(len)) {
        memcpy(d, s, (size_t) len);
        _len += len;
    }
}

void
StringAccum::append(const char *begin, const char *end)
{
    if (end > begin)
        append(begin, (int) (end - begin));
}

void
StringAccum::append_fill(int c, int len)
{
    if (char *d = reserve(len)) {
        memset(d, c, (size_t) len);
        _len += len;
    }
}

StringAccum &
StringAccum::snprintf(int n, const char *fmt, ...)
{
    if (char *d = reserve(n)) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(d, (size_t) n + 1, fmt, ap);
        va_end(ap);
        if (k > n)
            k = n;
        if (k > 0)
            _len += k;
    }
    return *this;
}

StringAccum &
StringAccum::operator<<(char c)
{
    append(c);
    return *this;
}

StringAccum &
StringAccum::operator<<(const char *cstr)
{
    append(cstr, -1);
    return *this;
}

StringAccum &
StringAccum::operator<<(const String &s)
{
    append(s.data(), s.length());
    return *this;
}

StringAccum &
StringAccum::operator<<(const StringAccum &sa)
{
    append(sa.data(), sa.length());
    return *this;
}

StringAccum &
StringAccum::operator<<(bool b)
{
    return *this << (b ? "true" : "false");
}

#define CLARA_SA_NUM(T, fmt, cast)                                      \
    StringAccum &StringAccum::operator<<(T x)                           \
    {                                                                   \
        char buf[40];                                                   \
        ::snprintf(buf, sizeof(buf), fmt, (cast) x);                    \
        return *this << buf;                                            \
    }
CLARA_SA_NUM(int, "%d", int)
CLARA_SA_NUM(unsigned, "%u", unsigned)
CLARA_SA_NUM(long, "%ld", long)
CLARA_SA_NUM(unsigned long, "%lu", unsigned long)
CLARA_SA_NUM(long long, "%lld", long long)
CLARA_SA_NUM(unsigned long long, "%llu", unsigned long long)
CLARA_SA_NUM(double, "%g", double)
CLARA_SA_NUM(const void *, "%p", const void *)
#undef CLARA_SA_NUM

StringAccum &
StringAccum::operator<<(const IPAddress &a)
{
    return *this << a.unparse();
}

StringAccum &
StringAccum::operator<<(const EtherAddress &a)
{
    return *this << a.unparse_colon();
}

StringAccum &
StringAccum::operator<<(const Timestamp &t)
{
    return *this << t.unparse();
}

CLICK_ENDDECLS
