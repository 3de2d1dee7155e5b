/*
 * args.cc -- host runtime: configuration parsing (Args, IPPrefixArg and the
 * cp_* helpers of confparse.hh).
 *
 * Argument syntax (a subset of Click's):
 *  - A configuration string is split at top-level commas (cp_argvec); quotes
 *    ("..." and '...') protect commas; a "//" or "#" comment runs to the end
 *    of its line.
 *  - An argument is a KEYWORD argument when it starts with an upper-case
 *    word ([A-Z_][A-Z0-9_]*) followed by white space; the rest is its value.
 *    Any other argument (including a bare upper-case word) is positional.
 *  - read_p / read_mp take the next positional argument, in order, as long
 *    as no keyword argument came before it; otherwise, and for read /
 *    read_m, the last occurrence of the keyword wins.  read_all collects
 *    every occurrence.
 *  - Results are assigned only when complete() / consume() / execute()
 *    succeed.  complete() fails on arguments nobody read; consume() leaves
 *    them in the bound configuration vector.
 */
#include <click/config.h>
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/element.hh>
#include <click/error.hh>
#include <errno.h>
#include <functional>
#include <limits.h>
#include <limits>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string>
#include <vector>
#include "clara_runtime.hh"

CLICK_DECLS
bool clara_parse_ip(const String &text, IPAddress *result);
bool clara_parse_ether(const String &text, EtherAddress *result);
CLICK_ENDDECLS

namespace {

using Click::String;

bool
space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of a leading keyword, or 0 if the argument is positional. */
int
keyword_length(const String &arg)
{
    const char *s = arg.data();
    int n = arg.length(), i = 0;
    if (n == 0 || !((s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return 0;
    while (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
        i++;
    if (i < n && space(s[i]))
        return i;
    return 0;
}

struct Arg {
    String text;            // the whole argument
    String keyword;         // empty when positional
    String value;
    bool used;
};

struct State {
    std::vector<Arg> args;
    size_t positional_cursor;
    bool parsed;
    std::vector<std::function<void()>> commits;
};

State *
state_of(void *&slots, Click::Vector<String> *conf)
{
    State *st = static_cast<State *>(slots);
    if (!st) {
        st = new State;
        st->positional_cursor = 0;
        st->parsed = false;
        slots = st;
    }
    if (!st->parsed) {
        st->parsed = true;
        if (conf)
            for (int i = 0; i < conf->size(); i++) {
                String a = (*conf)[i].trim_space();
                int k = keyword_length(a);
                Arg arg{a, String(), a, false};
                if (k) {
                    arg.keyword = a.substring(0, k);
                    arg.value = a.substring(k).trim_space();
                }
                st->args.push_back(arg);
            }
    }
    return st;
}

/* The argument text a read should parse, or null if absent. */
Arg *
take(State *st, const char *keyword, int flags)
{
    if (flags & Click::Args::positional) {
        while (st->positional_cursor < st->args.size()) {
            Arg &a = st->args[st->positional_cursor];
            if (a.keyword.length())
                break;          // a keyword ends the positional arguments
            st->positional_cursor++;
            if (!a.used) {
                a.used = true;
                return &a;
            }
        }
        st->positional_cursor = st->args.size();
    }
    Arg *found = 0;
    for (auto &a : st->args)
        if (a.keyword.length() && a.keyword == keyword && !a.used) {
            a.used = true;
            found = &a;         // the last one wins; all are consumed
        }
    return found;
}

/* ------------------------------------------------------------ value parsers */

bool parse(const String &s, bool &x) { return Click::cp_bool(s, &x); }

template <typename T>
bool
parse_signed(const String &s, T &x)
{
    long long v;
    if (!Click::cp_integer(s, &v))
        return false;
    if (v < (long long) std::numeric_limits<T>::min() || v > (long long) std::numeric_limits<T>::max())
        return false;
    x = (T) v;
    return true;
}

template <typename T>
bool
parse_unsigned(const String &s, T &x)
{
    unsigned long long v;
    if (!Click::cp_integer(s, &v))
        return false;
    if (v > (unsigned long long) std::numeric_limits<T>::max())
        return false;
    x = (T) v;
    return true;
}


bool parse(const String &s, signed char &x) { return parse_signed(s, x); }
bool parse(const String &s, short &x) { return parse_signed(s, x); }
bool parse(const String &s, int &x) { return parse_signed(s, x); }
bool parse(const String &s, long &x) { return parse_signed(s, x); }
bool parse(const String &s, long long &x) { return parse_signed(s, x); }
bool parse(const String &s, unsigned char &x) { return parse_unsigned(s, x); }
bool parse(const String &s, unsigned short &x) { return parse_unsigned(s, x); }
bool parse(const String &s, unsigned &x) { return parse_unsigned(s, x); }
bool parse(const String &s, unsigned long &x) { return parse_unsigned(s, x); }
bool parse(const String &s, unsigned long long &x) { return parse_unsigned(s, x); }

bool
parse(const String &s, double &x)
{
    String t = s.trim_space();
    if (!t.length())
        return false;
    char *end;
    x = strtod(t.c_str(), &end);
    return *end == 0;
}

bool
parse(const String &s, String &x)
{
    x = Click::cp_unquote(s);
    return true;
}

bool parse(const String &s, Click::IPAddress &x) { return Click::cp_ip_address(s, &x); }
bool parse(const String &s, Click::EtherAddress &x) { return Click::cp_ethernet_address(s, &x); }
bool parse(const String &s, Click::Timestamp &x) { return Click::cp_time(s, &x, true); }

const char *
type_name(bool) { return "bool"; }
template <typename T>
const char *
type_name(T)
{
    return std::numeric_limits<T>::is_integer ? "integer" : "number";
}
const char *type_name(String) { return "string"; }
const char *type_name(Click::IPAddress) { return "IP address"; }
const char *type_name(Click::EtherAddress) { return "Ethernet address"; }
const char *type_name(Click::Timestamp) { return "time"; }

template <typename T>
void
read_one(State *st, Click::ErrorHandler *errh, int &errors, const char *keyword, int flags,
         T &x, const T *default_value)
{
    Arg *a = take(st, keyword, flags);
    if (!a) {
        if (flags & Click::Args::mandatory) {
            errors++;
            if (errh)
                errh->error("missing mandatory %s argument", keyword);
        } else if (default_value) {
            T v = *default_value;
            T *p = &x;
            st->commits.push_back([p, v]() { *p = v; });
        }
        return;
    }
    T v;
    if (!parse(a->value, v)) {
        errors++;
        if (errh)
            errh->error("%s: expected %s, got '%s'", keyword, type_name(v), a->value.c_str());
        return;
    }
    T *p = &x;
    st->commits.push_back([p, v]() { *p = v; });
}

template <typename T>
void
read_all_of(State *st, Click::ErrorHandler *errh, int &errors, const char *keyword,
            Click::Vector<T> &x)
{
    std::vector<T> values;
    for (auto &a : st->args)
        if (a.keyword.length() && a.keyword == keyword && !a.used) {
            a.used = true;
            T v;
            if (!parse(a.value, v)) {
                errors++;
                if (errh)
                    errh->error("%s: expected %s, got '%s'", keyword, type_name(v),
                                a.value.c_str());
                continue;
            }
            values.push_back(v);
        }
    Click::Vector<T> *p = &x;
    st->commits.push_back([p, values]() {
        for (const T &v : values)
            p->push_back(v);
    });
}

int
finish(State *st, Click::ErrorHandler *errh, int &errors, Click::Vector<String> *conf,
       bool allow_unused)
{
    if (!allow_unused)
        for (auto &a : st->args)
            if (!a.used && a.text.length()) {
                errors++;
                if (errh) {
                    if (a.keyword.length())
                        errh->error("unknown keyword %s", a.keyword.c_str());
                    else
                        errh->error("too many arguments ('%s')", a.text.c_str());
                }
            }
    if (errors)
        return -EINVAL;
    for (auto &c : st->commits)
        c();
    st->commits.clear();
    if (allow_unused && conf) {
        Click::Vector<String> rest;
        for (auto &a : st->args)
            if (!a.used)
                rest.push_back(a.text);
        *conf = rest;
    }
    int n = 0;
    for (auto &a : st->args)
        n += a.used ? 1 : 0;
    return n;
}

}  // namespace

CLICK_DECLS

/* ------------------------------------------------------------------- Args */

Args::Args(ErrorHandler *errh)
    : _context(0), _errh(errh), _conf(0), _errors(0), _slots(0)
{
}

Args::Args(const Vector<String> &conf, ErrorHandler *errh)
    : _context(0), _errh(errh), _conf(const_cast<Vector<String> *>(&conf)), _errors(0),
      _slots(0)
{
}

Args::Args(const Vector<String> &conf, const Element *context, ErrorHandler *errh)
    : _context(context), _errh(errh), _conf(const_cast<Vector<String> *>(&conf)), _errors(0),
      _slots(0)
{
}

Args::Args(const Args &x)
    : _context(x._context), _errh(x._errh), _conf(x._conf), _errors(x._errors), _slots(0)
{
    if (x._slots)
        _slots = new State(*static_cast<State *>(x._slots));
}

Args::~Args()
{
    delete static_cast<State *>(_slots);
}

Args &
Args::operator=(const Args &x)
{
    if (this != &x) {
        delete static_cast<State *>(_slots);
        _context = x._context;
        _errh = x._errh;
        _conf = x._conf;
        _errors = x._errors;
        _slots = x._slots ? new State(*static_cast<State *>(x._slots)) : 0;
    }
    return *this;
}

Args &
Args::bind(Vector<String> &conf)
{
    delete static_cast<State *>(_slots);
    _slots = 0;
    _conf = &conf;
    return *this;
}

Args &
Args::push_back_args(const String &str)
{
    State *st = state_of(_slots, _conf);
    Vector<String> more;
    cp_argvec(str, more);
    for (int i = 0; i < more.size(); i++) {
        String a = more[i].trim_space();
        int k = keyword_length(a);
        Arg arg{a, String(), a, false};
        if (k) {
            arg.keyword = a.substring(0, k);
            arg.value = a.substring(k).trim_space();
        }
        st->args.push_back(arg);
    }
    return *this;
}

#define CLARA_ARGS_DEFINE(T)                                                                \
    Args &Args::read(const char *keyword, T &x)                                             \
    {                                                                                       \
        read_one<T>(state_of(_slots, _conf), _errh, _errors, keyword, 0, x, 0);            \
        return *this;                                                                       \
    }                                                                                       \
    Args &Args::read(const char *keyword, int flags, T &x)                                  \
    {                                                                                       \
        read_one<T>(state_of(_slots, _conf), _errh, _errors, keyword, flags, x, 0);        \
        return *this;                                                                       \
    }                                                                                       \
    Args &Args::read_m(const char *keyword, T &x)                                           \
    {                                                                                       \
        return read(keyword, mandatory, x);                                                 \
    }                                                                                       \
    Args &Args::read_p(const char *keyword, T &x)                                           \
    {                                                                                       \
        return read(keyword, positional, x);                                                \
    }                                                                                       \
    Args &Args::read_mp(const char *keyword, T &x)                                          \
    {                                                                                       \
        return read(keyword, mandatory | positional, x);                                    \
    }                                                                                       \
    Args &Args::read_or_set(const char *keyword, T &x, const T &default_value)              \
    {                                                                                       \
        read_one<T>(state_of(_slots, _conf), _errh, _errors, keyword, 0, x, &default_value); \
        return *this;                                                                       \
    }                                                                                       \
    Args &Args::read_or_set_p(const char *keyword, T &x, const T &default_value)            \
    {                                                                                       \
        read_one<T>(state_of(_slots, _conf), _errh, _errors, keyword, positional, x,       \
                    &default_value);                                                        \
        return *this;                                                                       \
    }                                                                                       \
    Args &Args::read_all(const char *keyword, Vector<T> &x)                                 \
    {                                                                                       \
        read_all_of<T>(state_of(_slots, _conf), _errh, _errors, keyword, x);               \
        return *this;                                                                       \
    }
CLARA_ARGS_DEFINE(bool)
CLARA_ARGS_DEFINE(signed char)
CLARA_ARGS_DEFINE(unsigned char)
CLARA_ARGS_DEFINE(short)
CLARA_ARGS_DEFINE(unsigned short)
CLARA_ARGS_DEFINE(int)
CLARA_ARGS_DEFINE(unsigned)
CLARA_ARGS_DEFINE(long)
CLARA_ARGS_DEFINE(unsigned long)
CLARA_ARGS_DEFINE(long long)
CLARA_ARGS_DEFINE(unsigned long long)
CLARA_ARGS_DEFINE(double)
CLARA_ARGS_DEFINE(String)
CLARA_ARGS_DEFINE(IPAddress)
CLARA_ARGS_DEFINE(EtherAddress)
CLARA_ARGS_DEFINE(Timestamp)
#undef CLARA_ARGS_DEFINE

static void
read_prefix(void *&slots, Vector<String> *conf, ErrorHandler *errh, int &errors,
            const char *keyword, int flags, const IPPrefixArg &parser, IPAddress &addr,
            IPAddress &mask)
{
    State *st = state_of(slots, conf);
    Arg *a = take(st, keyword, flags);
    if (!a) {
        if (flags & Args::mandatory) {
            errors++;
            if (errh)
                errh->error("missing mandatory %s argument", keyword);
        }
        return;
    }
    IPAddress av, mv;
    if (!parser.parse(a->value, av, mv)) {
        errors++;
        if (errh)
            errh->error("%s: expected IP prefix, got '%s'", keyword, a->value.c_str());
        return;
    }
    IPAddress *pa = &addr, *pm = &mask;
    st->commits.push_back([pa, pm, av, mv]() {
        *pa = av;
        *pm = mv;
    });
}

Args &
Args::read(const char *keyword, IPPrefixArg parser, IPAddress &addr, IPAddress &mask)
{
    read_prefix(_slots, _conf, _errh, _errors, keyword, 0, parser, addr, mask);
    return *this;
}

Args &
Args::read_m(const char *keyword, IPPrefixArg parser, IPAddress &addr, IPAddress &mask)
{
    read_prefix(_slots, _conf, _errh, _errors, keyword, mandatory, parser, addr, mask);
    return *this;
}

Args &
Args::read_p(const char *keyword, IPPrefixArg parser, IPAddress &addr, IPAddress &mask)
{
    read_prefix(_slots, _conf, _errh, _errors, keyword, positional, parser, addr, mask);
    return *this;
}

Args &
Args::read_mp(const char *keyword, IPPrefixArg parser, IPAddress &addr, IPAddress &mask)
{
    read_prefix(_slots, _conf, _errh, _errors, keyword, mandatory | positional, parser, addr,
                mask);
    return *this;
}

int
Args::complete()
{
    return finish(state_of(_slots, _conf), _errh, _errors, _conf, false);
}

int
Args::consume()
{
    return finish(state_of(_slots, _conf), _errh, _errors, _conf, true);
}

int
Args::execute()
{
    return finish(state_of(_slots, _conf), _errh, _errors, _conf, false);
}

Args &
Args::error(const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    _errors++;
    if (_errh)
        _errh->error("%s", buf);
    return *this;
}

bool
IPPrefixArg::parse(const String &str, IPAddress &addr, IPAddress &mask) const
{
    return cp_ip_prefix(str, &addr, &mask, allow_bare_address);
}

/* -------------------------------------------------------------- confparse */

bool
cp_is_space(const String &str)
{
    for (int i = 0; i < str.length(); i++)
        if (!space(str[i]))
            return false;
    return true;
}

bool
cp_is_word(const String &str)
{
    if (!str.length())
        return false;
    for (int i = 0; i < str.length(); i++)
        if (space(str[i]) || str[i] == ',' || str[i] == '"' || str[i] == '\'')
            return false;
    return true;
}

String
cp_uncomment(const String &str)
{
    std::string out;
    const char *s = str.data();
    int n = str.length();
    char quote = 0;
    for (int i = 0; i < n; i++) {
        char c = s[i];
        if (quote) {
            out += c;
            if (c == '\\' && quote == '"' && i + 1 < n)
                out += s[++i];
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
            out += c;
        } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
            while (i < n && s[i] != '\n')
                i++;
            out += '\n';
        } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            i += 2;
            while (i + 1 < n && !(s[i] == '*' && s[i + 1] == '/'))
                i++;
            i++;
            out += ' ';
        } else if (c == '#' && (i == 0 || s[i - 1] == '\n')) {
            while (i < n && s[i] != '\n')
                i++;
            out += '\n';
        } else
            out += c;
    }
    return String(out.data(), (int) out.size());
}

String
cp_unquote(const String &str)
{
    String t = str.trim_space();
    const char *s = t.data();
    int n = t.length();
    std::string out;
    for (int i = 0; i < n; i++) {
        if (s[i] == '"') {
            for (i++; i < n && s[i] != '"'; i++) {
                if (s[i] == '\\' && i + 1 < n) {
                    i++;
                    char c = s[i];
                    out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
                } else
                    out += s[i];
            }
        } else if (s[i] == '\'') {
            for (i++; i < n && s[i] != '\''; i++)
                out += s[i];
        } else
            out += s[i];
    }
    return String(out.data(), (int) out.size());
}

String
cp_quote(const String &str, bool allow_newlines)
{
    std::string out = "\"";
    for (int i = 0; i < str.length(); i++) {
        char c = str[i];
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (c == '\n' && !allow_newlines)
            out += "\\n";
        else
            out += c;
    }
    out += '"';
    return String(out.data(), (int) out.size());
}

void
cp_argvec(const String &str, Vector<String> &conf)
{
    String u = cp_uncomment(str);
    const char *s = u.data();
    int n = u.length(), start = 0, depth = 0;
    char quote = 0;
    Vector<String> out;
    for (int i = 0; i <= n; i++) {
        char c = i < n ? s[i] : ',';
        if (quote) {
            if (c == '\\' && quote == '"' && i + 1 < n)
                i++;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'')
            quote = c;
        else if (c == '(' || c == '[' || c == '{')
            depth++;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            depth--;
        else if (c == ',' && depth == 0) {
            out.push_back(String(s + start, i - start).trim_space());
            start = i + 1;
        }
    }
    // "" is no argument; a trailing comma adds none
    if (out.size() == 1 && out[0].length() == 0)
        out.clear();
    else if (out.size() > 1 && out.back().length() == 0)
        out.pop_back();
    for (int i = 0; i < out.size(); i++)
        conf.push_back(out[i]);
}

String
cp_unargvec(const Vector<String> &conf)
{
    String s;
    for (int i = 0; i < conf.size(); i++) {
        if (i)
            s += ", ";
        s += conf[i];
    }
    return s;
}

void
cp_spacevec(const String &str, Vector<String> &words)
{
    const char *s = str.data();
    int n = str.length(), i = 0;
    while (i < n) {
        while (i < n && space(s[i]))
            i++;
        if (i >= n)
            break;
        int start = i;
        char quote = 0;
        while (i < n && (quote || !space(s[i]))) {
            if (quote) {
                if (s[i] == '\\' && quote == '"' && i + 1 < n)
                    i++;
                else if (s[i] == quote)
                    quote = 0;
            } else if (s[i] == '"' || s[i] == '\'')
                quote = s[i];
            i++;
        }
        words.push_back(String(s + start, i - start));
    }
}

String
cp_shift_spacevec(String &str)
{
    Vector<String> words;
    String t = str.trim_space();
    int i = 0;
    while (i < t.length() && !space(t[i]))
        i++;
    String first = t.substring(0, i);
    str = t.substring(i).trim_space();
    return first;
}

String
cp_pop_spacevec(String &str)
{
    return cp_shift_spacevec(str);
}

bool
cp_bool(const String &str, bool *result)
{
    String s = str.trim_space().lower();
    if (s == "true" || s == "yes" || s == "1" || s == "on" || s == "t" || s == "y") {
        *result = true;
        return true;
    }
    if (s == "false" || s == "no" || s == "0" || s == "off" || s == "f" || s == "n") {
        *result = false;
        return true;
    }
    return false;
}

static bool
parse_ull(const String &str, int base, unsigned long long *result, bool *negative)
{
    String t = str.trim_space();
    const char *s = t.c_str();
    *negative = false;
    if (*s == '-' || *s == '+') {
        *negative = *s == '-';
        s++;
    }
    if (!*s || *s == '-' || *s == '+' || space(*s))
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, base);
    if (*end || errno == ERANGE)
        return false;
    *result = v;
    return true;
}

bool
cp_integer(const String &str, int base, int *result)
{
    unsigned long long v;
    bool neg;
    if (!parse_ull(str, base, &v, &neg))
        return false;
    if (neg ? v > 2147483648ULL : v > 2147483647ULL)
        return false;
    *result = neg ? (int) -(long long) v : (int) v;
    return true;
}

bool
cp_integer(const String &str, int base, unsigned *result)
{
    unsigned long long v;
    bool neg;
    if (!parse_ull(str, base, &v, &neg) || neg || v > 0xFFFFFFFFULL)
        return false;
    *result = (unsigned) v;
    return true;
}

bool
cp_integer(const String &str, int *result)
{
    return cp_integer(str, 0, result);
}

bool
cp_integer(const String &str, unsigned *result)
{
    return cp_integer(str, 0, result);
}

bool
cp_integer(const String &str, long long *result)
{
    unsigned long long v;
    bool neg;
    if (!parse_ull(str, 0, &v, &neg))
        return false;
    if (neg ? v > 9223372036854775808ULL : v > 9223372036854775807ULL)
        return false;
    *result = neg ? (long long) (0 - v) : (long long) v;
    return true;
}

bool
cp_integer(const String &str, unsigned long long *result)
{
    bool neg;
    return parse_ull(str, 0, result, &neg) && !neg;
}

bool
cp_string(const String &str, String *result, String *rest)
{
    String t = str.trim_space();
    if (!t.length())
        return false;
    Vector<String> words;
    cp_spacevec(t, words);
    if (!rest && words.size() != 1)
        return false;
    *result = cp_unquote(words[0]);
    if (rest) {
        int i = words[0].length();
        *rest = t.substring(i).trim_space();
    }
    return true;
}

bool
cp_word(const String &str, String *result, String *rest)
{
    String w;
    if (!cp_string(str, &w, rest) || !cp_is_word(w))
        return false;
    *result = w;
    return true;
}

bool
cp_keyword(const String &str, String *result, String *rest)
{
    String w;
    if (!cp_word(str, &w, rest))
        return false;
    for (int i = 0; i < w.length(); i++) {
        char c = w[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
              || c == '_' || c == '.' || c == ':' || c == '-'))
            return false;
    }
    *result = w;
    return true;
}

/* Seconds with an optional fraction and unit (s, sec, ms, msec, us, usec,
   ns, nsec, m, min, h, hr). */
bool
cp_time(const String &str, Timestamp *result, bool allow_negative)
{
    String t = str.trim_space();
    const char *s = t.c_str();
    char *end;
    if (!*s)
        return false;
    double v = strtod(s, &end);
    if (end == s || isnan(v) || isinf(v))
        return false;
    String unit = String(end).trim_space();
    double scale = 1;
    if (unit == "" || unit == "s" || unit == "sec" || unit == "secs")
        scale = 1;
    else if (unit == "ms" || unit == "msec")
        scale = 1e-3;
    else if (unit == "us" || unit == "usec")
        scale = 1e-6;
    else if (unit == "ns" || unit == "nsec")
        scale = 1e-9;
    else if (unit == "m" || unit == "min")
        scale = 60;
    else if (unit == "h" || unit == "hr")
        scale = 3600;
    else
        return false;
    v *= scale;
    if (v < 0 && !allow_negative)
        return false;
    *result = Timestamp::make_nsec((int64_t) llround(v * 1e9));
    return true;
}

bool
cp_seconds_as_milli(const String &str, uint32_t *result)
{
    Timestamp t;
    if (!cp_time(str, &t) || t.msecval() > 0xFFFFFFFFLL)
        return false;
    *result = (uint32_t) t.msecval();
    return true;
}

bool
cp_ip_address(const String &str, IPAddress *result, const Element *)
{
    return clara_parse_ip(cp_unquote(str), result);
}

bool
cp_ip_prefix(const String &str, IPAddress *address, IPAddress *mask, bool allow_bare_address,
             const Element *)
{
    String t = cp_unquote(str);
    int slash = t.find_left('/');
    IPAddress a, m;
    if (slash < 0) {
        if (!allow_bare_address || !clara_parse_ip(t, &a))
            return false;
        m = IPAddress(0xFFFFFFFFU);
    } else {
        if (!clara_parse_ip(t.substring(0, slash), &a))
            return false;
        String ms = t.substring(slash + 1);
        int len;
        if (cp_integer(ms, 10, &len)) {
            if (len < 0 || len > 32)
                return false;
            m = IPAddress::make_prefix(len);
        } else if (!clara_parse_ip(ms, &m))
            return false;
    }
    *address = a;
    *mask = m;
    return true;
}

bool
cp_ethernet_address(const String &str, EtherAddress *result, const Element *)
{
    return clara_parse_ether(cp_unquote(str), result);
}

bool
cp_tcpudp_port(const String &str, int, uint16_t *result, const Element *)
{
    unsigned v;
    if (!cp_integer(str, 10, &v) || v > 0xFFFF)
        return false;
    *result = (uint16_t) v;
    return true;
}

/* ------------------------------------------------------- cp_va_kparse */

const char cpEnd[] = "";
const char cpIgnoreRest[] = "#ignore_rest";
const char cpIgnore[] = "#ignore";
const char cpArgument[] = "arg";
const char cpString[] = "string";
const char cpWord[] = "word";
const char cpKeyword[] = "keyword";
const char cpBool[] = "bool";
const char cpByte[] = "byte";
const char cpShort[] = "short";
const char cpUnsignedShort[] = "u_short";
const char cpInteger[] = "int";
const char cpUnsigned[] = "u_int";
const char cpSeconds[] = "sec";
const char cpSecondsAsMilli[] = "msec";
const char cpTimestamp[] = "timestamp";
const char cpIPAddress[] = "ip_addr";
const char cpIPPrefix[] = "ip_prefix";
const char cpEthernetAddress[] = "ether_addr";
const char cpTCPPort[] = "tcp_port";
const char cpUDPPort[] = "udp_port";

static int
va_kparse(Vector<String> &conf, ErrorHandler *errh, va_list ap)
{
    void *slots = 0;
    int errors = 0;
    State *st = state_of(slots, &conf);
    bool ignore_rest = false;
    while (true) {
        const char *keyword = va_arg(ap, const char *);
        if (!keyword || keyword == cpEnd)
            break;
        if (keyword == cpIgnoreRest) {
            ignore_rest = true;
            break;
        }
        int flags = va_arg(ap, int);
        const char *type = va_arg(ap, const char *);
        int aflags = ((flags & cpkM) ? Args::mandatory : 0) | ((flags & cpkP) ? Args::positional : 0);
        bool *confirm = (flags & cpkC) ? va_arg(ap, bool *) : 0;
        if (confirm)
            *confirm = false;
        size_t before = st->commits.size();
        if (type == cpIgnore) {
            take(st, keyword, aflags);
            continue;
        }
        if (type == cpIPPrefix) {
            IPAddress *a = va_arg(ap, IPAddress *);
            IPAddress *m = va_arg(ap, IPAddress *);
            read_prefix(slots, &conf, errh, errors, keyword, aflags, IPPrefixArg(true), *a, *m);
        } else if (type == cpArgument || type == cpString || type == cpWord || type == cpKeyword)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, String *), (const String *) 0);
        else if (type == cpBool)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, bool *), (const bool *) 0);
        else if (type == cpByte)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, unsigned char *),
                     (const unsigned char *) 0);
        else if (type == cpShort)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, short *), (const short *) 0);
        else if (type == cpUnsignedShort || type == cpTCPPort || type == cpUDPPort)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, unsigned short *),
                     (const unsigned short *) 0);
        else if (type == cpInteger)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, int *), (const int *) 0);
        else if (type == cpUnsigned || type == cpSeconds)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, unsigned *),
                     (const unsigned *) 0);
        else if (type == cpSecondsAsMilli) {
            uint32_t *p = va_arg(ap, uint32_t *);
            Arg *a = take(st, keyword, aflags);
            uint32_t v;
            if (a && !cp_seconds_as_milli(a->value, &v)) {
                errors++;
                errh->error("%s: expected time", keyword);
            } else if (a)
                st->commits.push_back([p, v]() { *p = v; });
            else if (aflags & Args::mandatory) {
                errors++;
                errh->error("missing mandatory %s argument", keyword);
            }
        } else if (type == cpTimestamp)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, Timestamp *),
                     (const Timestamp *) 0);
        else if (type == cpIPAddress)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, IPAddress *),
                     (const IPAddress *) 0);
        else if (type == cpEthernetAddress)
            read_one(st, errh, errors, keyword, aflags, *va_arg(ap, EtherAddress *),
                     (const EtherAddress *) 0);
        else {
            errors++;
            errh->error("cp_va_kparse: unsupported argument type for %s", keyword);
            break;
        }
        if (confirm && st->commits.size() > before) {
            st->commits.push_back([confirm]() { *confirm = true; });
        }
    }
    int r = finish(st, errh, errors, &conf, ignore_rest);
    delete st;
    return r;
}

int
cp_va_kparse(Vector<String> &conf, const Element *, ErrorHandler *errh, ...)
{
    va_list ap;
    va_start(ap, errh);
    int r = va_kparse(conf, errh, ap);
    va_end(ap);
    return r;
}

int
cp_va_kparse(const String &str, const Element *, ErrorHandler *errh, ...)
{
    Vector<String> conf;
    cp_argvec(str, conf);
    va_list ap;
    va_start(ap, errh);
    int r = va_kparse(conf, errh, ap);
    va_end(ap);
    return r;
}

int
cp_va_space_kparse(const String &str, const Element *, ErrorHandler *errh, ...)
{
    Vector<String> conf;
    cp_spacevec(str, conf);
    va_list ap;
    va_start(ap, errh);
    int r = va_kparse(conf, errh, ap);
    va_end(ap);
    return r;
}

CLICK_ENDDECLS

namespace clara_rt {

Click::Vector<Click::String>
split_config(const char *config)
{
    Click::Vector<Click::String> conf;
    Click::cp_argvec(Click::String(config), conf);
    return conf;
}

}  // namespace clara_rt
