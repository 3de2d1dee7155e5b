// -*- c-basic-offset: 4 -*-
/*
 * paint.{cc,hh} -- set the paint annotation
 *
 * The standard Click Paint element (written from its documented behaviour):
 * one annotation byte written per packet.  See paint.hh for the interface.
 */

#include <click/config.h>
#include "paint.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

Paint::Paint()
    : _color(0)
{
}

Paint::~Paint()
{
}

int
Paint::configure(Vector<String> &conf, ErrorHandler *errh)
{
    return Args(conf, this, errh).read_mp("COLOR", _color).complete();
}

Packet *
Paint::simple_action(Packet *p)
{
    SET_PAINT_ANNO(p, _color);
    return p;
}

String
Paint::read_handler(Element *e, void *)
{
    return String((unsigned) static_cast<Paint *>(e)->_color);
}

void
Paint::add_handlers()
{
    add_read_handler("color", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(Paint)
