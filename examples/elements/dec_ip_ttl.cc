// -*- c-basic-offset: 4 -*-
/*
 * dec_ip_ttl.{cc,hh} -- IP TTL decrement with incremental checksum update
 *
 * The standard Click DecIPTTL element, written from its documented
 * behaviour: the per-hop header rewrite of every IP router, one byte
 * written and the checksum patched without re-summing the header.  See
 * dec_ip_ttl.hh for the interface.
 */

#include <click/config.h>
#include "dec_ip_ttl.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <clicknet/ip.h>
CLICK_DECLS

DecIPTTL::DecIPTTL()
    : _multicast(true), _count(0), _drops(0)
{
}

DecIPTTL::~DecIPTTL()
{
}

int
DecIPTTL::configure(Vector<String> &conf, ErrorHandler *errh)
{
    return Args(conf, this, errh).read("MULTICAST", _multicast).complete();
}

Packet *
DecIPTTL::simple_action(Packet *p)
{
    const click_ip *ip = p->ip_header();
    if (!_multicast) {
        uint32_t dst;
        memcpy(&dst, &ip->ip_dst, 4);
        if (IPAddress(dst).is_multicast())
            return p;
    }
    if (ip->ip_ttl <= 1) {
        _drops++;
        checked_output_push(1, p);
        return 0;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_ip *wip = q->ip_header();
    // TTL and protocol form the header's fifth 16-bit word (network order)
    uint16_t old_word, new_word;
    memcpy(&old_word, &wip->ip_ttl, 2);
    wip->ip_ttl--;
    memcpy(&new_word, &wip->ip_ttl, 2);
    click_update_in_cksum(&wip->ip_sum, old_word, new_word);
    _count++;
    return q;
}

String
DecIPTTL::read_handler(Element *e, void *thunk)
{
    DecIPTTL *d = static_cast<DecIPTTL *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_count)
        return String(d->_count);
    return String(d->_drops);
}

void
DecIPTTL::add_handlers()
{
    add_read_handler("count", read_handler, h_count);
    add_read_handler("drops", read_handler, h_drops);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DecIPTTL)
