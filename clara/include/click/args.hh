// -*- c++ -*-
/*
 * click/args.hh -- Args, keyword-argument parsing for configure() (thin).
 *
 *   if (Args(conf, this, errh)
 *         .read_mp("CAPACITY", _capacity)
 *         .read("TIMEOUT", _timeout)
 *         .read_or_set("VERBOSE", _verbose, false)
 *         .complete() < 0)
 *       return -1;
 *
 * read_mp: mandatory, may be positional; read_m: mandatory keyword;
 * read_p: optional, may be positional; read: optional keyword.  Click's
 * Args uses templates and parser objects; this thin version provides
 * overloads for the common result types plus IPPrefixArg, which is enough
 * for elements that compile against both trees.  Configuration runs once,
 * off the packet path: everything is declared only.
 */
#ifndef CLICK_ARGS_HH
#define CLICK_ARGS_HH
#include <click/string.hh>
#include <click/vector.hh>
#include <click/ipaddress.hh>
#include <click/etheraddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS
class Element;
class ErrorHandler;

/* Parses "ADDR/MASK" or "ADDR/LEN" (or a bare address, if allowed). */
class IPPrefixArg {
  public:
    explicit IPPrefixArg(bool allow_bare_address = false)
        : allow_bare_address(allow_bare_address) {}
    bool parse(const String &str, IPAddress &addr, IPAddress &mask) const;
    bool allow_bare_address;
};

class Args {
  public:
    enum { mandatory = 1, positional = 2, deprecated = 4, firstmatch = 8 };

    Args(ErrorHandler *errh = 0);
    Args(const Vector<String> &conf, ErrorHandler *errh = 0);
    Args(const Vector<String> &conf, const Element *context, ErrorHandler *errh = 0);
    Args(const Args &x);
    ~Args();
    Args &operator=(const Args &x);

    Args &bind(Vector<String> &conf);
    Args &push_back_args(const String &str);

#define CLARA_ARGS_READERS(T)                                                       \
    Args &read(const char *keyword, T &x);                                          \
    Args &read(const char *keyword, int flags, T &x);                               \
    Args &read_m(const char *keyword, T &x);                                        \
    Args &read_p(const char *keyword, T &x);                                        \
    Args &read_mp(const char *keyword, T &x);                                       \
    Args &read_or_set(const char *keyword, T &x, const T &default_value);          \
    Args &read_or_set_p(const char *keyword, T &x, const T &default_value);        \
    Args &read_all(const char *keyword, Vector<T> &x);
    CLARA_ARGS_READERS(bool)
    CLARA_ARGS_READERS(signed char)
    CLARA_ARGS_READERS(unsigned char)
    CLARA_ARGS_READERS(short)
    CLARA_ARGS_READERS(unsigned short)
    CLARA_ARGS_READERS(int)
    CLARA_ARGS_READERS(unsigned)
    CLARA_ARGS_READERS(long)
    CLARA_ARGS_READERS(unsigned long)
    CLARA_ARGS_READERS(long long)
    CLARA_ARGS_READERS(unsigned long long)
    CLARA_ARGS_READERS(double)
    CLARA_ARGS_READERS(String)
    CLARA_ARGS_READERS(IPAddress)
    CLARA_ARGS_READERS(EtherAddress)
    CLARA_ARGS_READERS(Timestamp)
#undef CLARA_ARGS_READERS

    /* Prefixes: read_mp("DST", IPPrefixArg(true), addr, mask). */
    Args &read(const char *keyword, IPPrefixArg parser, IPAddress &addr, IPAddress &mask);
    Args &read_m(const char *keyword, IPPrefixArg parser, IPAddress &addr, IPAddress &mask);
    Args &read_p(const char *keyword, IPPrefixArg parser, IPAddress &addr, IPAddress &mask);
    Args &read_mp(const char *keyword, IPPrefixArg parser, IPAddress &addr, IPAddress &mask);

    /* Fail on unused arguments; < 0 on any error. */
    int complete();
    /* Leave unused arguments in the bound conf; < 0 on any error. */
    int consume();
    /* Like complete(), but does not assign results unless all parsed. */
    int execute();
    bool ok() const { return _errors == 0; }
    Args &error(const char *fmt, ...);

  private:
    const Element *_context;
    ErrorHandler *_errh;
    Vector<String> *_conf;
    int _errors;
    void *_slots;
};

CLICK_ENDDECLS
#endif
