// -*- c-basic-offset: 4 -*-
/*
 * unstrip.{cc,hh} -- give back bytes at the packet front
 *
 * The standard Click Unstrip element (written from its documented
 * behaviour): one Packet::nonunique_push per packet, which only moves the
 * data pointer when the headroom suffices.  See unstrip.hh for the
 * interface.
 */

#include <click/config.h>
#include "unstrip.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

Unstrip::Unstrip()
    : _nbytes(0)
{
}

Unstrip::~Unstrip()
{
}

int
Unstrip::configure(Vector<String> &conf, ErrorHandler *errh)
{
    return Args(conf, this, errh).read_mp("LENGTH", _nbytes).complete();
}

Packet *
Unstrip::simple_action(Packet *p)
{
    // null when the push failed: the runtime has killed the packet
    return p->nonunique_push(_nbytes);
}

String
Unstrip::read_handler(Element *e, void *)
{
    return String(static_cast<Unstrip *>(e)->_nbytes);
}

void
Unstrip::add_handlers()
{
    add_read_handler("length", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(Unstrip)
