/*
 * endpoint_echo_responder.cc -- EndpointEchoResponder: in-place ICMP echo
 * replies.  The reply keeps the request's buffer: only the addresses, the
 * TTL, the ICMP type and the two checksums change.
 */
#include <click/config.h>
#include "endpoint_echo_responder.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

EndpointEchoResponder::EndpointEchoResponder()
    : _naddrs(0), _ttl(64), _rate(200), _max_payload(1472), _window_start(0), _budget(0),
      _requests(0), _replies(0), _limited(0), _oversize(0), _with_options(0), _passed(0)
{
}

int
EndpointEchoResponder::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<IPAddress> addrs;
    unsigned ttl = 64;
    if (Args(conf, this, errh)
        .read_all("ADDR", addrs)
        .read("TTL", ttl)
        .read("RATE", _rate)
        .read("MAX_PAYLOAD", _max_payload)
        .complete() < 0)
        return -1;
    if (addrs.empty() || addrs.size() > MAX_ADDRS)
        return errh->error("need 1 to %d ADDR", (int) MAX_ADDRS);
    if (ttl == 0 || ttl > 255)
        return errh->error("TTL out of range");
    _ttl = ttl;
    _naddrs = addrs.size();
    for (int i = 0; i < _naddrs; ++i)
        _addrs[i] = addrs[i];
    _budget = _rate;
    return 0;
}

bool
EndpointEchoResponder::take_token()
{
    click_jiffies_t now = click_jiffies();
    if (now - _window_start >= (click_jiffies_t) CLICK_HZ) {
        _window_start = now;
        _budget = _rate;
    }
    if (_budget == 0)
        return false;
    _budget--;
    return true;
}

void
EndpointEchoResponder::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_ICMP || IP_ISFRAG(iph)
        || p->transport_length() < (int) sizeof(click_icmp_echo)
        || !local_address(IPAddress(iph->ip_dst))) {
        _passed++;
        output(1).push(p);
        return;
    }
    const click_icmp *ich = p->icmp_header();
    if (ich->icmp_type != ICMP_ECHO || ich->icmp_code != 0) {
        _passed++;
        output(1).push(p);
        return;
    }
    _requests++;

    uint32_t hl = iph->ip_hl << 2;
    uint32_t icmp_len = ntohs(iph->ip_len) - hl;
    if (hl != sizeof(click_ip)) {
        _with_options++;
        p->kill();
        return;
    }
    if (icmp_len > (uint32_t) p->transport_length()
        || icmp_len - sizeof(click_icmp_echo) > _max_payload) {
        _oversize++;
        p->kill();
        return;
    }
    if (!take_token()) {
        _limited++;
        p->kill();
        return;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ip *ip = q->ip_header();

    // swapping the addresses leaves the header sum as it is
    struct in_addr a = ip->ip_src;
    ip->ip_src = ip->ip_dst;
    ip->ip_dst = a;

    // TTL shares a 16-bit word with the protocol: patch the header sum
    uint16_t before, after;
    memcpy(&before, reinterpret_cast<unsigned char *>(ip) + 8, 2);
    ip->ip_ttl = _ttl;
    memcpy(&after, reinterpret_cast<unsigned char *>(ip) + 8, 2);
    uint32_t hs = (uint16_t) ~ip->ip_sum;
    hs += (uint16_t) ~before;
    hs += after;
    hs = (hs & 0xFFFF) + (hs >> 16);
    hs = (hs & 0xFFFF) + (hs >> 16);
    ip->ip_sum = (uint16_t) ~hs;

    click_icmp *ic = q->icmp_header();
    ic->icmp_type = ICMP_ECHOREPLY;
    ic->icmp_cksum = 0;
    const uint16_t *w = reinterpret_cast<const uint16_t *>(ic);
    uint32_t left = icmp_len;
    uint32_t acc = 0;
    while (left >= 8) {
        acc += w[0];
        acc += w[1];
        acc += w[2];
        acc += w[3];
        w += 4;
        left -= 8;
    }
    while (left >= 2) {
        acc += *w++;
        left -= 2;
    }
    if (left) {
        uint16_t last = 0;
        memcpy(&last, w, 1);
        acc += last;
    }
    acc = (acc >> 16) + (acc & 0xFFFF);
    acc += acc >> 16;
    ic->icmp_cksum = (uint16_t) ~acc;

    q->set_dst_ip_anno(IPAddress(ip->ip_dst));
    _replies++;
    output(0).push(q);
}

enum { h_stats, h_rate };

String
EndpointEchoResponder::read_handler(Element *e, void *thunk)
{
    EndpointEchoResponder *r = static_cast<EndpointEchoResponder *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_rate)
        sa << r->_rate << '\n';
    else
        sa << "requests " << r->_requests << "\nreplies " << r->_replies
           << "\nrate_limited " << r->_limited << "\noversize " << r->_oversize
           << "\nwith_options " << r->_with_options << "\npassed " << r->_passed << '\n';
    return sa.take_string();
}

int
EndpointEchoResponder::write_rate(const String &s, Element *e, void *, ErrorHandler *errh)
{
    EndpointEchoResponder *r = static_cast<EndpointEchoResponder *>(e);
    unsigned rate;
    if (!cp_integer(s.trim_space(), &rate))
        return errh->error("rate must be an integer");
    r->_rate = rate;
    if (r->_budget > rate)
        r->_budget = rate;
    return 0;
}

void
EndpointEchoResponder::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("rate", read_handler, h_rate);
    add_write_handler("rate", write_rate, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EndpointEchoResponder)
