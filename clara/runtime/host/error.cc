/*
 * error.cc -- host runtime: ErrorHandler and its prefix/context variants,
 * and the message log a driver reports.
 *
 * The compatibility header declares no virtual emit hook, so the variants
 * are looked up in a registry keyed by the handler's address: a message
 * given to a PrefixErrorHandler is prefixed and passed to its target.
 * Click's %< and %> conversions become quotes; other conversions are
 * printf's.
 */
#include <click/config.h>
#include <click/error.hh>
#include <map>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string>
#include <vector>
#include "clara_runtime.hh"

namespace {

struct Forward {
    Click::ErrorHandler *target;
    std::string prefix;
    std::string context;        // ContextErrorHandler: said once before the first message
    bool context_said;
};

std::map<const Click::ErrorHandler *, Forward> &
forwards()
{
    static std::map<const Click::ErrorHandler *, Forward> m;
    return m;
}

std::vector<std::string> &
log_lines()
{
    static std::vector<std::string> v;
    return v;
}

bool print_messages = true;
const Click::ErrorHandler *silent;

std::string
format(const char *fmt, va_list ap)
{
    std::string f;
    for (const char *s = fmt; *s; s++) {
        if (s[0] == '%' && (s[1] == '<' || s[1] == '>')) {
            f += '\'';
            s++;
        } else
            f += *s;
    }
    char buf[4096];
    vsnprintf(buf, sizeof(buf), f.c_str(), ap);
    return buf;
}

}  // namespace

void clara_rt_log(const char *line);

void
clara_rt_log(const char *line)
{
    log_lines().push_back(line);
    if (print_messages)
        fprintf(stderr, "%s\n", line);
}

namespace clara_rt {

const std::vector<std::string> &
messages()
{
    return log_lines();
}

void
set_print_messages(bool on)
{
    print_messages = on;
}

}  // namespace clara_rt

CLICK_DECLS

/* Deliver one message from handler h at a level; returns the result code. */
static int
deliver(const ErrorHandler *h, int level, const std::string &text)
{
    auto it = forwards().find(h);
    if (it != forwards().end()) {
        Forward &f = it->second;
        std::string msg = text;
        if (!f.context.empty() && !f.context_said) {
            f.context_said = true;
            deliver(f.target, ErrorHandler::el_info, f.context);
        }
        if (!f.prefix.empty())
            msg = f.prefix + msg;
        if (f.target) {
            if (level <= ErrorHandler::el_error)
                return f.target->error("%s", msg.c_str());
            if (level == ErrorHandler::el_warning)
                return f.target->warning("%s", msg.c_str());
            f.target->message("%s", msg.c_str());
            return 0;
        }
    }
    if (h != silent) {
        const char *tag = level <= ErrorHandler::el_error ? "error: "
            : level == ErrorHandler::el_warning ? "warning: " : "";
        clara_rt_log((std::string(tag) + text).c_str());
    }
    return level <= ErrorHandler::el_error ? -EINVAL : 0;
}

ErrorHandler::ErrorHandler()
    : _nerrors(0), _nwarnings(0)
{
}

ErrorHandler::~ErrorHandler()
{
    forwards().erase(this);
}

ErrorHandler *
ErrorHandler::default_handler()
{
    static ErrorHandler h;
    return &h;
}

ErrorHandler *
ErrorHandler::silent_handler()
{
    static ErrorHandler h;
    silent = &h;
    return &h;
}

int
ErrorHandler::nerrors() const
{
    return _nerrors;
}

int
ErrorHandler::nwarnings() const
{
    return _nwarnings;
}

void
ErrorHandler::reset_counts()
{
    _nerrors = _nwarnings = 0;
}

#define CLARA_FORMAT(var)               \
    va_list ap_;                        \
    va_start(ap_, fmt);                 \
    std::string var = format(fmt, ap_); \
    va_end(ap_)

void
ErrorHandler::debug(const char *fmt, ...)
{
    CLARA_FORMAT(s);
    deliver(this, el_debug, s);
}

void
ErrorHandler::message(const char *fmt, ...)
{
    CLARA_FORMAT(s);
    deliver(this, el_info, s);
}

int
ErrorHandler::warning(const char *fmt, ...)
{
    CLARA_FORMAT(s);
    _nwarnings++;
    return deliver(this, el_warning, s);
}

int
ErrorHandler::error(const char *fmt, ...)
{
    CLARA_FORMAT(s);
    _nerrors++;
    return deliver(this, el_error, s);
}

void
ErrorHandler::fatal(const char *fmt, ...)
{
    CLARA_FORMAT(s);
    _nerrors++;
    deliver(this, el_fatal, s);
    fprintf(stderr, "clara runtime: fatal error: %s\n", s.c_str());
    exit(1);
}

int
ErrorHandler::lwarning(const String &landmark, const char *fmt, ...)
{
    CLARA_FORMAT(s);
    _nwarnings++;
    return deliver(this, el_warning, std::string(landmark.c_str()) + ": " + s);
}

int
ErrorHandler::lerror(const String &landmark, const char *fmt, ...)
{
    CLARA_FORMAT(s);
    _nerrors++;
    return deliver(this, el_error, std::string(landmark.c_str()) + ": " + s);
}

PrefixErrorHandler::PrefixErrorHandler(ErrorHandler *errh, const String &prefix)
    : _errh(errh), _prefix(prefix)
{
    forwards()[this] = Forward{errh, prefix.c_str(), "", false};
}

PrefixErrorHandler::~PrefixErrorHandler()
{
}

ContextErrorHandler::ContextErrorHandler(ErrorHandler *errh, const char *fmt, ...)
    : _errh(errh)
{
    CLARA_FORMAT(s);
    _context = String(s.c_str());
    forwards()[this] = Forward{errh, "  ", s, false};
}

ContextErrorHandler::~ContextErrorHandler()
{
}

CLICK_ENDDECLS
