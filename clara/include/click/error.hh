// -*- c++ -*-
/*
 * click/error.hh -- ErrorHandler, where configuration errors go (thin).
 *
 * error() and friends take printf-style formats (Click's extra conversions,
 * such as %<...%>, are not checked) and return -EINVAL (error, fatal) or 0
 * (message, warning, debug).  All members are declared only.
 */
#ifndef CLICK_ERROR_HH
#define CLICK_ERROR_HH
#include <click/string.hh>
CLICK_DECLS

class ErrorHandler {
  public:
    enum Level {
        el_abort = -999, el_fatal = -1, el_emergency = 0, el_alert = 1,
        el_critical = 2, el_error = 3, el_warning = 4, el_notice = 5,
        el_info = 6, el_debug = 7
    };
    enum ConversionFlags { cf_zero_pad = 1, cf_plus_positive = 2 };
    enum { ok_result = 0, error_result = -EINVAL };

    ErrorHandler();
    virtual ~ErrorHandler();

    static ErrorHandler *default_handler();
    static ErrorHandler *silent_handler();

    int nerrors() const;
    int nwarnings() const;
    void reset_counts();

    void debug(const char *fmt, ...);
    void message(const char *fmt, ...);
    int warning(const char *fmt, ...);
    int error(const char *fmt, ...);
    void fatal(const char *fmt, ...);
    int lwarning(const String &landmark, const char *fmt, ...);
    int lerror(const String &landmark, const char *fmt, ...);

  private:
    int _nerrors;
    int _nwarnings;
};

/* Prefixes every message with a context string (e.g. "ROUTE 3: "). */
class PrefixErrorHandler : public ErrorHandler {
  public:
    PrefixErrorHandler(ErrorHandler *errh, const String &prefix);
    ~PrefixErrorHandler();

  private:
    ErrorHandler *_errh;
    String _prefix;
};

/* Keeps messages until told where to send them. */
class ContextErrorHandler : public ErrorHandler {
  public:
    ContextErrorHandler(ErrorHandler *errh, const char *fmt, ...);
    ~ContextErrorHandler();

  private:
    ErrorHandler *_errh;
    String _context;
};

CLICK_ENDDECLS
#endif
