// -*- c++ -*-
/*
 * click/handlercall.hh -- calling another element's handlers (thin).
 * Declared only; control-plane use.
 */
#ifndef CLICK_HANDLERCALL_HH
#define CLICK_HANDLERCALL_HH
#include <click/string.hh>
#include <click/handler.hh>
CLICK_DECLS
class Element;
class ErrorHandler;

class HandlerCall {
  public:
    enum Flags { readable = Handler::f_read, writable = Handler::f_write };

    HandlerCall();
    explicit HandlerCall(const String &value);
    ~HandlerCall();

    int initialize(int flags, const Element *context, ErrorHandler *errh = 0);
    int initialize_read(const Element *context, ErrorHandler *errh = 0);
    int initialize_write(const Element *context, ErrorHandler *errh = 0);
    String call_read(ErrorHandler *errh = 0) const;
    int call_write(ErrorHandler *errh = 0) const;

    static String call_read(Element *e, const String &hname, ErrorHandler *errh = 0);
    static String call_read(const String &hdesc, const Element *context, ErrorHandler *errh = 0);
    static int call_write(Element *e, const String &hname, const String &value,
                          ErrorHandler *errh = 0);
    static int call_write(const String &hdesc, const String &value,
                          const Element *context, ErrorHandler *errh = 0);

  private:
    Element *_e;
    const Handler *_h;
    String _value;
};

CLICK_ENDDECLS
#endif
