// -*- c-basic-offset: 4 -*-
/*
 * ether_encap.{cc,hh} -- Ethernet encapsulation
 *
 * The standard Click EtherEncap element, written from its documented
 * behaviour: a Packet::push_mac_header of 14 bytes and a copy of a header prepared
 * at configuration time.  See ether_encap.hh for the interface.
 */

#include <click/config.h>
#include "ether_encap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

EtherEncap::EtherEncap()
{
    memset(&_ethh, 0, sizeof(_ethh));
}

EtherEncap::~EtherEncap()
{
}

int
EtherEncap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned ethertype = 0;
    EtherAddress src, dst;
    if (Args(conf, this, errh)
        .read_mp("ETHERTYPE", ethertype)
        .read_mp("SRC", src)
        .read_mp("DST", dst)
        .complete() < 0)
        return -1;
    if (ethertype > 0xFFFF)
        return errh->error("ETHERTYPE %u does not fit 16 bits", ethertype);
    _ethh.ether_type = htons((uint16_t) ethertype);
    memcpy(_ethh.ether_shost, src.data(), 6);
    memcpy(_ethh.ether_dhost, dst.data(), 6);
    return 0;
}

Packet *
EtherEncap::simple_action(Packet *p)
{
    WritablePacket *q = p->push_mac_header(sizeof(click_ether));
    if (!q)
        return 0;
    memcpy(q->data(), &_ethh, sizeof(click_ether));
    return q;
}

String
EtherEncap::read_handler(Element *e, void *thunk)
{
    EtherEncap *ee = static_cast<EtherEncap *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_src:
        return EtherAddress(ee->_ethh.ether_shost).unparse_colon();
    case h_dst:
        return EtherAddress(ee->_ethh.ether_dhost).unparse_colon();
    default: {
        StringAccum sa;
        sa << "0x";
        const char *digits = "0123456789abcdef";
        uint16_t type = ntohs(ee->_ethh.ether_type);
        for (int shift = 12; shift >= 0; shift -= 4)
            sa << digits[(type >> shift) & 0xF];
        return sa.take_string();
    }
    }
}

void
EtherEncap::add_handlers()
{
    add_read_handler("src", read_handler, h_src);
    add_read_handler("dst", read_handler, h_dst);
    add_read_handler("ethertype", read_handler, h_ethertype);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EtherEncap)
