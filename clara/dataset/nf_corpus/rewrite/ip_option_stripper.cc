// -*- c-basic-offset: 4 -*-
/*
 * ip_option_stripper.cc -- IpOptionStripper: validates the IPv4 option area
 * with a bounded walk, then removes it by moving the preceding bytes
 * forward and pulling, and rewrites ip_hl, ip_len and the checksum.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#include <click/config.h>
#include "ip_option_stripper.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

IpOptionStripper::IpOptionStripper()
    : _keep_ra(false), _drop_srr(true), _stripped(0), _plain(0), _malformed(0),
      _filtered(0), _opt_bytes(0)
{
    memset(_type_count, 0, sizeof(_type_count));
}

IpOptionStripper::~IpOptionStripper()
{
}

int
IpOptionStripper::configure(Vector<String> &conf, ErrorHandler *errh)
{
    return Args(conf, this, errh)
        .read_p("KEEP_RA", _keep_ra)
        .read("DROP_SOURCE_ROUTE", _drop_srr)
        .complete();
}

/* Walk the option area [opt, opt+optlen).  Sets *only_ra when the area holds
   a Router Alert option and nothing but padding besides. */
int
IpOptionStripper::walk_options(const unsigned char *opt, int optlen, bool *only_ra)
{
    int i = 0;
    int others = 0;
    bool ra = false;
    while (i < optlen && i < MAX_OPT_LEN) {
        uint8_t type = opt[i];
        _type_count[type]++;
        if (type == IPOPT_EOL)
            break;
        if (type == IPOPT_NOP) {
            i++;
            continue;
        }
        if (i + 1 >= optlen)
            return walk_malformed;
        int len = opt[i + 1];
        if (len < 2 || i + len > optlen)
            return walk_malformed;
        switch (type) {
        case IPOPT_LSRR:
        case IPOPT_SSRR:
            if (_drop_srr)
                return walk_source_route;
            others++;
            break;
        case IPOPT_RA:
            if (len != 4)
                return walk_malformed;
            ra = true;
            break;
        case IPOPT_RR:
        case IPOPT_TS:
            // pointer byte must point inside the option
            if (len < 3 || opt[i + 2] < 4 || opt[i + 2] > len + 1)
                return walk_malformed;
            others++;
            break;
        default:
            others++;
            break;
        }
        i += len;
    }
    *only_ra = ra && others == 0;
    return walk_ok;
}

WritablePacket *
IpOptionStripper::strip(Packet *p_in, int optlen)
{
    WritablePacket *p = p_in->uniqueify();
    if (!p)
        return 0;
    unsigned char *ipb = p->network_header();
    // Bytes in front of the options: the fixed IP header and everything
    // before it back to the link header (it may lie in the headroom, if an
    // upstream element pulled it) or the start of the data.
    unsigned char *start = p->data();
    bool has_mac = p->has_mac_header() && p->mac_header() >= p->buffer()
        && p->mac_header() <= ipb;
    if (has_mac && p->mac_header() < start)
        start = p->mac_header();
    int front = (int) (ipb - start) + (int) sizeof(click_ip);

    // slide them forward by optlen, last byte first (regions overlap)
    for (int i = front - 1; i >= 0; i--)
        start[i + optlen] = start[i];
    p->pull(optlen);

    click_ip *niph = reinterpret_cast<click_ip *>(ipb + optlen);
    niph->ip_hl = sizeof(click_ip) >> 2;
    uint16_t tlen = ntohs(niph->ip_len);
    niph->ip_len = htons((uint16_t) (tlen - optlen));
    niph->ip_sum = 0;
    niph->ip_sum = click_in_cksum(reinterpret_cast<unsigned char *>(niph), sizeof(click_ip));

    if (has_mac)
        p->set_mac_header(p->mac_header() + optlen);
    p->set_ip_header(niph, sizeof(click_ip));
    return p;
}

void
IpOptionStripper::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    int hlen = iph->ip_hl << 2;
    int optlen = hlen - (int) sizeof(click_ip);
    if (optlen <= 0) {
        _plain++;
        output(0).push(p);
        return;
    }
    const unsigned char *opt = reinterpret_cast<const unsigned char *>(iph + 1);
    if (opt + optlen > p->end_data() || ntohs(iph->ip_len) < hlen) {
        _malformed++;
        checked_output_push(1, p);
        return;
    }

    bool only_ra = false;
    switch (walk_options(opt, optlen, &only_ra)) {
    case walk_malformed:
        _malformed++;
        checked_output_push(1, p);
        return;
    case walk_source_route:
        _filtered++;
        checked_output_push(1, p);
        return;
    default:
        break;
    }
    if (only_ra && _keep_ra) {
        output(0).push(p);
        return;
    }

    WritablePacket *q = strip(p, optlen);
    if (!q)
        return;
    _stripped++;
    _opt_bytes += optlen;
    output(0).push(q);
}

String
IpOptionStripper::read_handler(Element *e, void *thunk)
{
    IpOptionStripper *s = static_cast<IpOptionStripper *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_stripped:
        sa << s->_stripped;
        break;
    case h_plain:
        sa << s->_plain;
        break;
    case h_malformed:
        sa << s->_malformed;
        break;
    case h_opt_bytes:
        sa << s->_opt_bytes;
        break;
    case h_types:
        for (int t = 0; t < 256; t++)
            if (s->_type_count[t])
                sa << t << ' ' << s->_type_count[t] << '\n';
        break;
    }
    return sa.take_string();
}

void
IpOptionStripper::add_handlers()
{
    add_read_handler("stripped", read_handler, h_stripped);
    add_read_handler("plain", read_handler, h_plain);
    add_read_handler("malformed", read_handler, h_malformed);
    add_read_handler("opt_bytes", read_handler, h_opt_bytes);
    add_read_handler("types", read_handler, h_types);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IpOptionStripper)
