// -*- c-basic-offset: 4 -*-
/*
 * counter.{cc,hh} -- packet and byte counter
 *
 * The standard Click Counter element without its rate estimator (written
 * from its documented behaviour).  See counter.hh for the interface.
 */

#include <click/config.h>
#include "counter.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

Counter::Counter()
    : _count(0), _byte_count(0)
{
}

Counter::~Counter()
{
}

int
Counter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    return Args(conf, this, errh).complete();
}

Packet *
Counter::simple_action(Packet *p)
{
    _count++;
    _byte_count += p->length();
    return p;
}

String
Counter::read_handler(Element *e, void *thunk)
{
    Counter *c = static_cast<Counter *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_count)
        return String(c->_count);
    return String(c->_byte_count);
}

int
Counter::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    Counter *c = static_cast<Counter *>(e);
    c->_count = c->_byte_count = 0;
    return 0;
}

void
Counter::add_handlers()
{
    add_read_handler("count", read_handler, h_count);
    add_read_handler("byte_count", read_handler, h_byte_count);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(Counter)
