// -*- c-basic-offset: 4 -*-
/*
 * check_ip_header.{cc,hh} -- IPv4 header validation
 *
 * The standard Click CheckIPHeader element, written from its documented
 * behaviour: the sanity checks a router applies before trusting a header
 * (RFC 1812 5.2.2), a full header checksum per packet, and the header
 * annotations later elements rely on.  See check_ip_header.hh for the
 * interface.
 */

#include <click/config.h>
#include "check_ip_header.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

namespace {
const char *const reason_names[] = {
    "too_short", "bad_version", "bad_header_length", "bad_checksum", "bad_length",
    "bad_source"
};
}

CheckIPHeader::CheckIPHeader()
    : _offset(0), _checksum(true), _nbadsrc(0), _count(0), _drops(0)
{
    for (int i = 0; i < NREASONS; i++)
        _reason_drops[i] = 0;
}

CheckIPHeader::~CheckIPHeader()
{
}

int
CheckIPHeader::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned offset = 0;
    bool checksum = true;
    String badsrc;
    if (Args(conf, this, errh)
        .read_p("OFFSET", offset)
        .read("CHECKSUM", checksum)
        .read("BADSRC", badsrc)
        .complete() < 0)
        return -1;

    Vector<String> words;
    cp_spacevec(badsrc, words);
    if (words.size() > MAX_BADSRC)
        return errh->error("BADSRC: at most %d addresses", (int) MAX_BADSRC);
    for (int i = 0; i < words.size(); i++)
        if (!cp_ip_address(words[i], &_badsrc[i], this))
            return errh->error("BADSRC: '%s' is not an IP address", words[i].c_str());
    _nbadsrc = words.size();
    _offset = offset;
    _checksum = checksum;
    return 0;
}

bool
CheckIPHeader::bad_source(IPAddress src) const
{
    if (src.is_broadcast() || src.is_multicast())
        return true;
    for (int i = 0; i < _nbadsrc; i++)
        if (src == _badsrc[i])
            return true;
    return false;
}

/* REASON_GOOD, or why the header at ip (with room bytes of packet from it) is bad. */
int
CheckIPHeader::check(const click_ip *ip, unsigned room) const
{
    if (room < sizeof(click_ip))
        return REASON_TOO_SHORT;
    if (ip->ip_v != 4)
        return REASON_BAD_VERSION;
    unsigned hlen = ip->ip_hl << 2;
    if (hlen < sizeof(click_ip) || hlen > room)
        return REASON_BAD_HLEN;
    if (_checksum && click_in_cksum(reinterpret_cast<const unsigned char *>(ip), hlen) != 0)
        return REASON_BAD_CHECKSUM;
    unsigned len = ntohs(ip->ip_len);
    if (len < hlen || len > room)
        return REASON_BAD_LENGTH;
    // the address is copied bytewise: the header may be unaligned
    uint32_t src;
    memcpy(&src, &ip->ip_src, 4);
    if (bad_source(IPAddress(src)))
        return REASON_BAD_SOURCE;
    return REASON_GOOD;
}

Packet *
CheckIPHeader::simple_action(Packet *p)
{
    unsigned length = p->length();
    unsigned room = length > _offset ? length - _offset : 0;
    const click_ip *ip = reinterpret_cast<const click_ip *>(p->data() + _offset);
    int reason = check(ip, room);
    if (reason != REASON_GOOD) {
        _drops++;
        _reason_drops[reason]++;
        checked_output_push(1, p);
        return 0;
    }

    p->set_ip_header(ip, ip->ip_hl << 2);
    unsigned len = ntohs(ip->ip_len);
    if (room > len)
        p->take(room - len);
    _count++;
    return p;
}

String
CheckIPHeader::read_handler(Element *e, void *thunk)
{
    CheckIPHeader *c = static_cast<CheckIPHeader *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_count:
        return String(c->_count);
    case h_drops:
        return String(c->_drops);
    default: {
        StringAccum sa;
        for (int i = 0; i < NREASONS; i++)
            sa << reason_names[i] << ' ' << c->_reason_drops[i] << '\n';
        return sa.take_string();
    }
    }
}

void
CheckIPHeader::add_handlers()
{
    add_read_handler("count", read_handler, h_count);
    add_read_handler("drops", read_handler, h_drops);
    add_read_handler("drop_details", read_handler, h_drop_details);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CheckIPHeader)
