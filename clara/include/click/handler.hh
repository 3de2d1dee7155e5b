// -*- c++ -*-
/*
 * click/handler.hh -- Handler flags and callback types (thin).
 * Handlers are the control-plane interface of an element (read counters,
 * write parameters).  Nothing here is on the packet path.
 */
#ifndef CLICK_HANDLER_HH
#define CLICK_HANDLER_HH
#include <click/string.hh>
CLICK_DECLS
class Element;
class ErrorHandler;

typedef String (*ReadHandlerCallback)(Element *e, void *user_data);
typedef int (*WriteHandlerCallback)(const String &data, Element *e, void *user_data,
                                    ErrorHandler *errh);

class Handler {
  public:
    enum Flags {
        f_read = 0x0001,        /* readable */
        f_write = 0x0002,       /* writable */
        f_read_param = 0x0004,  /* read takes a parameter */
        f_exclusive = 0x0000,
        f_nonexclusive = 0x0020,
        f_raw = 0x0040,         /* don't quote / unquote */
        f_calm = 0x0080,        /* read result is not volatile */
        f_expensive = 0x0100,   /* read is expensive */
        f_button = 0x0200,      /* write is an action */
        f_checkbox = 0x0400,    /* value is a boolean */
        f_uncommon = 0x0800,
        f_deprecated = 0x1000,
        f_user_shift = 16,
        h_read = f_read,
        h_write = f_write,
        h_read_param = f_read_param
    };
    enum { OP_READ = 0, OP_WRITE = 1 };

    const String &name() const { return _name; }
    uint32_t flags() const { return _flags; }
    bool readable() const { return _flags & f_read; }
    bool writable() const { return _flags & f_write; }
    String call_read(Element *e, ErrorHandler *errh = 0) const;
    int call_write(const String &value, Element *e, ErrorHandler *errh) const;

  private:
    String _name;
    uint32_t _flags;
    void *_read_user_data;
    void *_write_user_data;
};

/* The generic handler callback used by Element::set_handler. */
typedef int (*HandlerCallback)(int operation, String &data, Element *element,
                               const Handler *handler, ErrorHandler *errh);

CLICK_ENDDECLS
#endif
