/*
 * element.cc -- host runtime: Element's out-of-line members, port routing to
 * a driver's sink, names, handler registration, Handler and HandlerCall.
 *
 * Ports: the compatibility header gives Element no port setter, so the
 * constructor takes the counts a driver announced with
 * clara_rt::set_next_ports() (0/0 if none).  Output port i is bound to the
 * element itself with index i; Port::push hands (element, i, packet) to the
 * driver's sink.  Input ports are bound likewise and Port::pull asks the
 * driver's source.
 */
#include <click/config.h>
#include <click/element.hh>
#include <click/error.hh>
#include <click/handlercall.hh>
#include <click/ipaddress.hh>
#include <click/etheraddress.hh>
#include <click/timestamp.hh>
#include <click/confparse.hh>
#include <map>
#include <stdlib.h>
#include <string>
#include <vector>
#include "clara_runtime.hh"

namespace {

int next_ninputs = 0, next_noutputs = 0;
int next_eindex = 0;
clara_rt::Sink sink;
clara_rt::Source source;

struct HandlerRecord {
    std::string name;
    uint32_t flags;
    Click::ReadHandlerCallback read;
    Click::WriteHandlerCallback write;
    Click::HandlerCallback generic;
    void *read_user_data;
    void *write_user_data;
};

struct ElementInfo {
    std::string name;
    std::vector<HandlerRecord> handlers;
};

std::map<const Click::Element *, ElementInfo> &
registry()
{
    static std::map<const Click::Element *, ElementInfo> m;
    return m;
}

HandlerRecord *
find_handler(const Click::Element *e, const std::string &name)
{
    auto it = registry().find(e);
    if (it == registry().end())
        return 0;
    for (auto &h : it->second.handlers)
        if (h.name == name)
            return &h;
    return 0;
}

HandlerRecord &
handler_slot(const Click::Element *e, const std::string &name)
{
    if (HandlerRecord *h = find_handler(e, name))
        return *h;
    registry()[e].handlers.push_back(HandlerRecord{name, 0, 0, 0, 0, 0, 0});
    return registry()[e].handlers.back();
}

/* Handler's fields are private and it has no constructor to set them: a
   layout twin fills a Handler for the generic callbacks. */
struct HandlerTwin {
    Click::String name;
    uint32_t flags;
    void *read_user_data;
    void *write_user_data;
};
static_assert(sizeof(HandlerTwin) == sizeof(Click::Handler), "Handler layout changed");

void
fill_handler(Click::Handler &h, const HandlerRecord &r)
{
    HandlerTwin *t = reinterpret_cast<HandlerTwin *>(&h);
    t->name = Click::String(r.name.c_str());
    t->flags = r.flags;
    t->read_user_data = r.read_user_data;
    t->write_user_data = r.write_user_data;
}

}  // namespace

namespace clara_rt {

void
set_next_ports(int ninputs, int noutputs)
{
    next_ninputs = ninputs;
    next_noutputs = noutputs;
}

void
set_sink(Sink s)
{
    sink = s;
}

void
set_source(Source s)
{
    source = s;
}

void
set_element_name(const Click::Element *e, const char *name)
{
    registry()[e].name = name;
}

std::vector<std::string>
handler_names(const Click::Element *e)
{
    std::vector<std::string> out;
    auto it = registry().find(e);
    if (it != registry().end())
        for (auto &h : it->second.handlers)
            out.push_back(h.name);
    return out;
}

bool
call_read_handler(Click::Element *e, const char *name, std::string &out)
{
    HandlerRecord *h = find_handler(e, name);
    if (!h || !(h->flags & Click::Handler::f_read))
        return false;
    if (h->read) {
        Click::String s = h->read(e, h->read_user_data);
        out.assign(s.data(), s.length());
        return true;
    }
    if (h->generic) {
        Click::Handler hd;
        fill_handler(hd, *h);
        Click::String data;
        if (h->generic(Click::Handler::OP_READ, data, e, &hd,
                       Click::ErrorHandler::default_handler()) < 0)
            return false;
        out.assign(data.data(), data.length());
        return true;
    }
    return false;
}

int
call_write_handler(Click::Element *e, const char *name, const std::string &value,
                   Click::ErrorHandler *errh)
{
    HandlerRecord *h = find_handler(e, name);
    if (!h || !(h->flags & Click::Handler::f_write))
        return errh->error("no write handler %s", name);
    Click::String v(value.data(), (int) value.size());
    if (h->write)
        return h->write(v, e, h->write_user_data, errh);
    if (h->generic) {
        Click::Handler hd;
        fill_handler(hd, *h);
        return h->generic(Click::Handler::OP_WRITE, v, e, &hd, errh);
    }
    return errh->error("no write handler %s", name);
}

void
start()
{
    clara_rt_cfg.started = 1;
}

}  // namespace clara_rt

CLICK_DECLS

Element::Element()
    : _router(0), _eindex(next_eindex++)
{
    _nports[0] = next_ninputs;
    _nports[1] = next_noutputs;
    for (int side = 0; side < 2; side++) {
        int n = _nports[side];
        _ports[side] = n > 0 ? new Port[n] : 0;
        for (int i = 0; i < n; i++) {
            _ports[side][i]._e = this;
            _ports[side][i]._port = i;
        }
    }
}

Element::~Element()
{
    delete[] _ports[0];
    delete[] _ports[1];
    registry().erase(this);
}

const char *
Element::port_count() const
{
    return PORTS_0_0;
}

const char *
Element::processing() const
{
    return AGNOSTIC;
}

const char *
Element::flow_code() const
{
    return COMPLETE_FLOW;
}

const char *
Element::flags() const
{
    return "";
}

void *
Element::cast(const char *name)
{
    if (name && strcmp(name, class_name()) == 0)
        return this;
    if (name && strcmp(name, "Element") == 0)
        return this;
    return 0;
}

int
Element::configure_phase() const
{
    return CONFIGURE_PHASE_DEFAULT;
}

int
Element::configure(Vector<String> &conf, ErrorHandler *errh)
{
    for (int i = 0; i < conf.size(); i++)
        if (conf[i].length())
            return errh->error("%s: too many arguments", class_name());
    return 0;
}

void
Element::add_handlers()
{
}

int
Element::initialize(ErrorHandler *)
{
    return 0;
}

void
Element::take_state(Element *, ErrorHandler *)
{
}

void
Element::cleanup(CleanupStage)
{
}

bool
Element::can_live_reconfigure() const
{
    return false;
}

int
Element::live_reconfigure(Vector<String> &conf, ErrorHandler *errh)
{
    if (can_live_reconfigure())
        return configure(conf, errh);
    return errh->error("cannot reconfigure %s live", class_name());
}

void
Element::push(int, Packet *p)
{
    p = simple_action(p);
    if (p)
        output(0).push(p);
}

Packet *
Element::pull(int)
{
    Packet *p = input(0).pull();
    if (p)
        p = simple_action(p);
    return p;
}

Packet *
Element::simple_action(Packet *p)
{
    return p;
}

bool
Element::run_task(Task *)
{
    return false;
}

void
Element::run_timer(Timer *)
{
}

void
Element::Port::push(Packet *p) const
{
    clara_rt_api_event(CLARA_API_PORT_PUSH, 0, 0, p ? p->length() : 0);
    if (sink && _e)
        sink(_e, _port, p);
    else if (p)
        p->kill();
}

Packet *
Element::Port::pull() const
{
    clara_rt_api_event(CLARA_API_PORT_PULL, 0, 0, 0);
    return source && _e ? source(_e, _port) : 0;
}

/* The processing code's character for a port: "h" push, "l" pull, "a"
   agnostic (this push-driven runtime treats it as push). */
static char
processing_char(const char *code, bool isoutput, int port)
{
    const char *slash = strchr(code, '/');
    const char *s = isoutput ? (slash ? slash + 1 : code) : code;
    int len = isoutput ? (int) strlen(s) : (slash ? (int) (slash - code) : (int) strlen(code));
    if (len <= 0)
        return 'a';
    return s[port < len ? port : len - 1];
}

bool
Element::input_is_push(int port) const
{
    return processing_char(processing(), false, port) != 'l';
}

bool
Element::input_is_pull(int port) const
{
    return processing_char(processing(), false, port) == 'l';
}

bool
Element::output_is_push(int port) const
{
    return processing_char(processing(), true, port) != 'l';
}

bool
Element::output_is_pull(int port) const
{
    return processing_char(processing(), true, port) == 'l';
}

String
Element::name() const
{
    auto it = registry().find(this);
    if (it != registry().end() && !it->second.name.empty())
        return String(it->second.name.c_str());
    return String(class_name()) + "@" + String(_eindex + 1);
}

String
Element::declaration() const
{
    return name() + " :: " + class_name();
}

String
Element::landmark() const
{
    return String("<clara-driver>");
}

Master *
Element::master() const
{
    return 0;
}

/* ----------------------------------------------------------------- handlers */

void
Element::add_read_handler(const String &name, ReadHandlerCallback callback,
                          const void *user_data, uint32_t flags)
{
    HandlerRecord &h = handler_slot(this, name.c_str());
    h.read = callback;
    h.read_user_data = const_cast<void *>(user_data);
    h.flags |= Handler::f_read | (flags & ~(uint32_t) (Handler::f_read | Handler::f_write));
}

void
Element::add_read_handler(const String &name, ReadHandlerCallback callback, int user_data,
                          uint32_t flags)
{
    add_read_handler(name, callback, reinterpret_cast<const void *>((intptr_t) user_data),
                     flags);
}

void
Element::add_write_handler(const String &name, WriteHandlerCallback callback,
                           const void *user_data, uint32_t flags)
{
    HandlerRecord &h = handler_slot(this, name.c_str());
    h.write = callback;
    h.write_user_data = const_cast<void *>(user_data);
    h.flags |= Handler::f_write | (flags & ~(uint32_t) (Handler::f_read | Handler::f_write));
}

void
Element::add_write_handler(const String &name, WriteHandlerCallback callback, int user_data,
                           uint32_t flags)
{
    add_write_handler(name, callback, reinterpret_cast<const void *>((intptr_t) user_data),
                      flags);
}

void
Element::set_handler(const String &name, int flags, HandlerCallback callback,
                     const void *read_user_data, const void *write_user_data)
{
    HandlerRecord &h = handler_slot(this, name.c_str());
    h.generic = callback;
    h.flags = (uint32_t) flags;
    h.read_user_data = const_cast<void *>(read_user_data);
    h.write_user_data = const_cast<void *>(write_user_data);
}

void
Element::set_handler(const String &name, int flags, HandlerCallback callback,
                     int read_user_data, int write_user_data)
{
    set_handler(name, flags, callback,
                reinterpret_cast<const void *>((intptr_t) read_user_data),
                reinterpret_cast<const void *>((intptr_t) write_user_data));
}

int
Element::set_handler_flags(const String &name, int set_flags, int clear_flags)
{
    HandlerRecord *h = find_handler(this, name.c_str());
    if (!h)
        return -ENOENT;
    h->flags = (h->flags & ~(uint32_t) clear_flags) | (uint32_t) set_flags;
    return 0;
}

void
Element::add_task_handlers(Task *, const String &)
{
}

/* Data handlers: read formats the variable, write parses into it. */
namespace {

template <typename T>
String data_read(Element *, void *p);
template <typename T>
int data_write(const String &s, Element *, void *p, ErrorHandler *errh);

template <>
String data_read<bool>(Element *, void *p) { return String(*static_cast<bool *>(p)); }
template <>
String data_read<String>(Element *, void *p) { return *static_cast<String *>(p); }
template <>
String data_read<IPAddress>(Element *, void *p) { return static_cast<IPAddress *>(p)->unparse(); }
template <>
String data_read<EtherAddress>(Element *, void *p)
{
    return static_cast<EtherAddress *>(p)->unparse_colon();
}
template <>
String data_read<Timestamp>(Element *, void *p) { return static_cast<Timestamp *>(p)->unparse(); }
template <typename T>
String data_read(Element *, void *p) { return String(*static_cast<T *>(p)); }

template <typename T>
int
data_write(const String &s, Element *, void *p, ErrorHandler *errh)
{
    long long v;
    if (!cp_integer(s.trim_space(), &v))
        return errh->error("expected integer");
    *static_cast<T *>(p) = (T) v;
    return 0;
}
template <>
int
data_write<unsigned long long>(const String &s, Element *, void *p, ErrorHandler *errh)
{
    unsigned long long v;
    if (!cp_integer(s.trim_space(), &v))
        return errh->error("expected integer");
    *static_cast<unsigned long long *>(p) = v;
    return 0;
}
template <>
int
data_write<unsigned long>(const String &s, Element *e, void *p, ErrorHandler *errh)
{
    unsigned long long v;
    int r = data_write<unsigned long long>(s, e, &v, errh);
    if (r >= 0)
        *static_cast<unsigned long *>(p) = (unsigned long) v;
    return r;
}
template <>
int
data_write<bool>(const String &s, Element *, void *p, ErrorHandler *errh)
{
    return cp_bool(s.trim_space(), static_cast<bool *>(p)) ? 0 : errh->error("expected bool");
}
template <>
int
data_write<double>(const String &s, Element *, void *p, ErrorHandler *errh)
{
    String t = s.trim_space();
    char *end;
    double v = strtod(t.c_str(), &end);
    if (t.length() == 0 || *end)
        return errh->error("expected real number");
    *static_cast<double *>(p) = v;
    return 0;
}
template <>
int
data_write<String>(const String &s, Element *, void *p, ErrorHandler *)
{
    *static_cast<String *>(p) = s;
    return 0;
}
template <>
int
data_write<IPAddress>(const String &s, Element *, void *p, ErrorHandler *errh)
{
    return cp_ip_address(s.trim_space(), static_cast<IPAddress *>(p))
        ? 0 : errh->error("expected IP address");
}
template <>
int
data_write<EtherAddress>(const String &s, Element *, void *p, ErrorHandler *errh)
{
    return cp_ethernet_address(s.trim_space(), static_cast<EtherAddress *>(p))
        ? 0 : errh->error("expected Ethernet address");
}
template <>
int
data_write<Timestamp>(const String &s, Element *, void *p, ErrorHandler *errh)
{
    return cp_time(s.trim_space(), static_cast<Timestamp *>(p))
        ? 0 : errh->error("expected time");
}

template <typename T>
void
add_data(Element *e, const char *name, int flags, T *data)
{
    if (flags & Handler::f_read)
        e->add_read_handler(name, data_read<T>, data, (uint32_t) flags);
    if (flags & Handler::f_write)
        e->add_write_handler(name, data_write<T>, data, (uint32_t) flags);
}

}  // namespace

#define CLARA_DATA_HANDLERS(T)                                          \
    void Element::add_data_handlers(const char *name, int flags, T *data) \
    {                                                                   \
        add_data(this, name, flags, data);                              \
    }
CLARA_DATA_HANDLERS(bool)
CLARA_DATA_HANDLERS(uint8_t)
CLARA_DATA_HANDLERS(uint16_t)
CLARA_DATA_HANDLERS(int)
CLARA_DATA_HANDLERS(unsigned)
CLARA_DATA_HANDLERS(long)
CLARA_DATA_HANDLERS(unsigned long)
CLARA_DATA_HANDLERS(long long)
CLARA_DATA_HANDLERS(unsigned long long)
CLARA_DATA_HANDLERS(double)
CLARA_DATA_HANDLERS(String)
CLARA_DATA_HANDLERS(IPAddress)
CLARA_DATA_HANDLERS(EtherAddress)
CLARA_DATA_HANDLERS(Timestamp)
#undef CLARA_DATA_HANDLERS

String
Element::read_positional_handler(Element *, void *)
{
    return String();
}

String
Element::read_keyword_handler(Element *, void *)
{
    return String();
}

int
Element::reconfigure_positional_handler(const String &, Element *e, void *, ErrorHandler *errh)
{
    return errh->error("%s: live reconfiguration is not supported", e->class_name());
}

int
Element::reconfigure_keyword_handler(const String &, Element *e, void *, ErrorHandler *errh)
{
    return errh->error("%s: live reconfiguration is not supported", e->class_name());
}

/* -------------------------------------------------------------- Handler */

String
Handler::call_read(Element *e, ErrorHandler *) const
{
    std::string out;
    if (clara_rt::call_read_handler(e, _name.c_str(), out))
        return String(out.data(), (int) out.size());
    return String();
}

int
Handler::call_write(const String &value, Element *e, ErrorHandler *errh) const
{
    if (!errh)
        errh = ErrorHandler::default_handler();
    return clara_rt::call_write_handler(e, _name.c_str(), std::string(value.data(), value.length()),
                                        errh);
}

/* ---------------------------------------------------------- HandlerCall */

/* Handler descriptions are "HANDLER" (on the context element) or
   "HANDLER VALUE"; a single-element runtime has no other elements. */
HandlerCall::HandlerCall()
    : _e(0), _h(0)
{
}

HandlerCall::HandlerCall(const String &value)
    : _e(0), _h(0), _value(value)
{
}

HandlerCall::~HandlerCall()
{
}

int
HandlerCall::initialize(int, const Element *context, ErrorHandler *errh)
{
    _e = const_cast<Element *>(context);
    String name = _value.trim_space();
    int sp = name.find_left(' ');
    if (sp >= 0)
        name = name.substring(0, sp);
    if (!find_handler(context, name.c_str())) {
        if (errh)
            errh->error("no handler %s", name.c_str());
        return -ENOENT;
    }
    return 0;
}

int
HandlerCall::initialize_read(const Element *context, ErrorHandler *errh)
{
    return initialize(readable, context, errh);
}

int
HandlerCall::initialize_write(const Element *context, ErrorHandler *errh)
{
    return initialize(writable, context, errh);
}

String
HandlerCall::call_read(ErrorHandler *) const
{
    std::string out;
    String name = _value.trim_space();
    if (_e && clara_rt::call_read_handler(_e, name.c_str(), out))
        return String(out.data(), (int) out.size());
    return String();
}

int
HandlerCall::call_write(ErrorHandler *errh) const
{
    if (!errh)
        errh = ErrorHandler::default_handler();
    String v = _value.trim_space();
    int sp = v.find_left(' ');
    String name = sp >= 0 ? v.substring(0, sp) : v;
    String arg = sp >= 0 ? v.substring(sp + 1).trim_space() : String();
    if (!_e)
        return errh->error("handler call not initialized");
    return clara_rt::call_write_handler(_e, name.c_str(), std::string(arg.data(), arg.length()),
                                        errh);
}

String
HandlerCall::call_read(Element *e, const String &hname, ErrorHandler *)
{
    std::string out;
    if (clara_rt::call_read_handler(e, hname.c_str(), out))
        return String(out.data(), (int) out.size());
    return String();
}

String
HandlerCall::call_read(const String &hdesc, const Element *context, ErrorHandler *errh)
{
    return call_read(const_cast<Element *>(context), hdesc.trim_space(), errh);
}

int
HandlerCall::call_write(Element *e, const String &hname, const String &value,
                        ErrorHandler *errh)
{
    if (!errh)
        errh = ErrorHandler::default_handler();
    return clara_rt::call_write_handler(e, hname.c_str(), std::string(value.data(), value.length()),
                                        errh);
}

int
HandlerCall::call_write(const String &hdesc, const String &value, const Element *context,
                        ErrorHandler *errh)
{
    return call_write(const_cast<Element *>(context), hdesc.trim_space(), value, errh);
}

CLICK_ENDDECLS
