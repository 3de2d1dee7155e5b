// -*- c-basic-offset: 4 -*-
/*
 * strip.{cc,hh} -- remove a fixed number of bytes from the packet front
 *
 * The standard Click Strip element (written from its documented behaviour):
 * one Packet::pull per packet.  See strip.hh for the interface.
 */

#include <click/config.h>
#include "strip.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

Strip::Strip()
    : _nbytes(0)
{
}

Strip::~Strip()
{
}

int
Strip::configure(Vector<String> &conf, ErrorHandler *errh)
{
    return Args(conf, this, errh).read_mp("LENGTH", _nbytes).complete();
}

Packet *
Strip::simple_action(Packet *p)
{
    p->pull(_nbytes);
    return p;
}

String
Strip::read_handler(Element *e, void *)
{
    return String(static_cast<Strip *>(e)->_nbytes);
}

void
Strip::add_handlers()
{
    add_read_handler("length", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(Strip)
