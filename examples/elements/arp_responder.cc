// -*- c-basic-offset: 4 -*-
/*
 * arp_responder.{cc,hh} -- ARP responder
 *
 * The standard Click ARPResponder element, written from its documented
 * behaviour: header checks of an ARP request, a linear search of a small
 * fixed table of (prefix, Ethernet address) entries, and a reply built in
 * a fresh packet from Packet::make.  See arp_responder.hh for the
 * interface.
 */

#include <click/config.h>
#include "arp_responder.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
CLICK_DECLS

ARPResponder::ARPResponder()
    : _nentries(0), _requests(0), _replies(0), _passed(0)
{
}

ARPResponder::~ARPResponder()
{
}

/* One argument: addresses or prefixes and exactly one Ethernet address. */
int
ARPResponder::add_argument(const String &arg, ErrorHandler *errh)
{
    Vector<String> words;
    cp_spacevec(arg, words);
    EtherAddress eth;
    int neth = 0, first = _nentries;
    for (int i = 0; i < words.size(); i++) {
        IPAddress addr, mask;
        if (cp_ip_prefix(words[i], &addr, &mask, true, this)) {
            if (_nentries == MAX_ENTRIES)
                return errh->error("at most %d addresses", (int) MAX_ENTRIES);
            _entries[_nentries].addr = addr & mask;
            _entries[_nentries].mask = mask;
            _nentries++;
        } else if (cp_ethernet_address(words[i], &eth, this))
            neth++;
        else
            return errh->error("'%s' is neither an IP address or prefix nor an Ethernet address",
                               words[i].c_str());
    }
    if (neth != 1 || _nentries == first)
        return errh->error("argument '%s': give IP addresses and one Ethernet address",
                           arg.c_str());
    for (int i = first; i < _nentries; i++)
        _entries[i].eth = eth;
    return 0;
}

int
ARPResponder::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (conf.size() == 0)
        return errh->error("give at least one 'IP ETH' argument");
    _nentries = 0;
    for (int i = 0; i < conf.size(); i++)
        if (add_argument(conf[i], errh) < 0)
            return -1;
    return 0;
}

const ARPResponder::Entry *
ARPResponder::lookup(IPAddress target) const
{
    for (int i = 0; i < _nentries; i++)
        if (target.matches_prefix(_entries[i].addr, _entries[i].mask))
            return &_entries[i];
    return 0;
}

WritablePacket *
ARPResponder::make_reply(const Packet *request, const Entry *e) const
{
    const click_ether_arp *req =
        reinterpret_cast<const click_ether_arp *>(request->data() + sizeof(click_ether));
    WritablePacket *q = Packet::make(sizeof(click_ether) + sizeof(click_ether_arp));
    if (!q)
        return 0;

    click_ether *eth = reinterpret_cast<click_ether *>(q->data());
    memcpy(eth->ether_dhost, req->arp_sha, 6);
    memcpy(eth->ether_shost, e->eth.data(), 6);
    eth->ether_type = htons(ETHERTYPE_ARP);

    click_ether_arp *rep = reinterpret_cast<click_ether_arp *>(eth + 1);
    rep->ea_hdr.ar_hrd = htons(ARPHRD_ETHER);
    rep->ea_hdr.ar_pro = htons(ETHERTYPE_IP);
    rep->ea_hdr.ar_hln = 6;
    rep->ea_hdr.ar_pln = 4;
    rep->ea_hdr.ar_op = htons(ARPOP_REPLY);
    memcpy(rep->arp_sha, e->eth.data(), 6);
    memcpy(rep->arp_spa, req->arp_tpa, 4);      // the address asked for
    memcpy(rep->arp_tha, req->arp_sha, 6);
    memcpy(rep->arp_tpa, req->arp_spa, 4);

    q->set_mac_header(q->data(), sizeof(click_ether));
    q->set_timestamp_anno(request->timestamp_anno());
    return q;
}

void
ARPResponder::push(int, Packet *p)
{
    const click_ether *eth = reinterpret_cast<const click_ether *>(p->data());
    const click_ether_arp *arp = reinterpret_cast<const click_ether_arp *>(eth + 1);
    if (p->length() < sizeof(click_ether) + sizeof(click_ether_arp)
        || eth->ether_type != htons(ETHERTYPE_ARP)
        || arp->ea_hdr.ar_hrd != htons(ARPHRD_ETHER)
        || arp->ea_hdr.ar_pro != htons(ETHERTYPE_IP)
        || arp->ea_hdr.ar_hln != 6 || arp->ea_hdr.ar_pln != 4
        || arp->ea_hdr.ar_op != htons(ARPOP_REQUEST)) {
        _passed++;
        checked_output_push(1, p);
        return;
    }
    _requests++;

    const Entry *e = lookup(IPAddress(arp->arp_tpa));
    if (!e) {
        _passed++;
        checked_output_push(1, p);
        return;
    }
    WritablePacket *q = make_reply(p, e);
    p->kill();
    if (q) {
        _replies++;
        output(0).push(q);
    }
}

String
ARPResponder::read_handler(Element *e, void *thunk)
{
    ARPResponder *r = static_cast<ARPResponder *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_requests:
        return String(r->_requests);
    case h_replies:
        return String(r->_replies);
    case h_passed:
        return String(r->_passed);
    default: {
        StringAccum sa;
        for (int i = 0; i < r->_nentries; i++)
            sa << r->_entries[i].addr.unparse_with_mask(r->_entries[i].mask) << ' '
               << r->_entries[i].eth.unparse_colon() << '\n';
        return sa.take_string();
    }
    }
}

void
ARPResponder::add_handlers()
{
    add_read_handler("requests", read_handler, h_requests);
    add_read_handler("replies", read_handler, h_replies);
    add_read_handler("passed", read_handler, h_passed);
    add_read_handler("table", read_handler, h_table);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ARPResponder)
