// -*- c-basic-offset: 4 -*-
/*
 * icmp_error_generator.cc -- IcmpErrorGenerator: sends ICMP time exceeded
 * for datagrams whose TTL runs out and port/protocol unreachable for local
 * datagrams nobody listens for.  Each error is a new packet from
 * Packet::make holding a fresh IP header, the ICMP header and the quoted
 * offending header plus payload; both checksums via click_in_cksum; a
 * jiffies-based token counter limits the error rate.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.
 */
#include <click/config.h>
#include "icmp_error_generator.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/udp.h>
CLICK_DECLS

IcmpErrorGenerator::IcmpErrorGenerator()
    : _ttl(64), _tos(0xC0), _quote(8), _check_ttl(true), _rate(100),
      _burst(20), _tokens(0), _last_refill(0), _ip_id(1), _suppressed(0),
      _exempt(0), _alloc_failures(0)
{
    memset(_open_ports, 0, sizeof(_open_ports));
    memset(_protos, 0, sizeof(_protos));
    _sent[0] = _sent[1] = _sent[2] = 0;
}

IcmpErrorGenerator::~IcmpErrorGenerator()
{
}

int
IcmpErrorGenerator::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<unsigned> ports, protos;
    unsigned ttl = 64, tos = 0xC0, quote = 8;
    if (Args(conf, this, errh)
        .read_mp("LOCAL", _local)
        .read_all("PORT", ports)
        .read_all("PROTO", protos)
        .read("TTL", ttl)
        .read("TOS", tos)
        .read("QUOTE", quote)
        .read("RATE", _rate)
        .read("BURST", _burst)
        .read("CHECK_TTL", _check_ttl)
        .complete() < 0)
        return -1;
    if (ttl == 0 || ttl > 255)
        return errh->error("TTL must be between 1 and 255");
    if (tos > 255)
        return errh->error("TOS must be a byte");
    if (quote < 8 || quote > MAX_QUOTE)
        return errh->error("QUOTE must be between 8 and %d", (int) MAX_QUOTE);
    if (_burst == 0)
        return errh->error("BURST must be positive");

    memset(_open_ports, 0, sizeof(_open_ports));
    for (int i = 0; i < ports.size(); i++) {
        if (ports[i] > 65535)
            return errh->error("PORT %u out of range", ports[i]);
        _open_ports[ports[i] >> 6] |= (uint64_t) 1 << (ports[i] & 63);
    }
    memset(_protos, 0, sizeof(_protos));
    static const uint8_t builtin[3] = { IP_PROTO_ICMP, IP_PROTO_TCP, IP_PROTO_UDP };
    for (int i = 0; i < 3; i++)
        _protos[builtin[i] >> 6] |= (uint64_t) 1 << (builtin[i] & 63);
    for (int i = 0; i < protos.size(); i++) {
        if (protos[i] > 255)
            return errh->error("PROTO %u out of range", protos[i]);
        _protos[protos[i] >> 6] |= (uint64_t) 1 << (protos[i] & 63);
    }
    _ttl = ttl;
    _tos = tos;
    _quote = quote;
    return 0;
}

int
IcmpErrorGenerator::initialize(ErrorHandler *)
{
    _tokens = (uint64_t) _burst * CLICK_HZ;
    _last_refill = click_jiffies();
    return 0;
}

bool
IcmpErrorGenerator::take_token()
{
    click_jiffies_t now = click_jiffies();
    if (click_jiffies_less(_last_refill, now)) {
        uint64_t elapsed = (uint64_t) (now - _last_refill);
        uint64_t cap = (uint64_t) _burst * CLICK_HZ;
        // one token is CLICK_HZ units; RATE tokens per CLICK_HZ jiffies
        _tokens += elapsed * _rate;
        if (_tokens > cap)
            _tokens = cap;
        _last_refill = now;
    }
    if (_tokens < CLICK_HZ)
        return false;
    _tokens -= CLICK_HZ;
    return true;
}

/* True if RFC 1122 3.2.2 forbids an error about this datagram. */
bool
IcmpErrorGenerator::exempt(const Packet *p, const click_ip *iph) const
{
    if (!IP_FIRSTFRAG(iph))
        return true;
    IPAddress dst(iph->ip_dst);
    if (dst.is_multicast() || dst.is_broadcast())
        return true;
    if (p->packet_type_anno() == Packet::BROADCAST
        || p->packet_type_anno() == Packet::MULTICAST)
        return true;
    if (!unicast_source(iph->ip_src.s_addr))
        return true;
    if (iph->ip_p == IP_PROTO_ICMP) {
        if (p->transport_length() < 1)
            return true;
        if (is_icmp_error(p->icmp_header()->icmp_type))
            return true;
    }
    return false;
}

WritablePacket *
IcmpErrorGenerator::make_error(const Packet *p, const click_ip *iph,
                               uint8_t type, uint8_t code)
{
    uint32_t hlen = iph->ip_hl << 2;
    const unsigned char *orig = reinterpret_cast<const unsigned char *>(iph);
    uint32_t avail = (uint32_t) (p->end_data() - orig);
    uint32_t orig_len = ntohs(iph->ip_len);
    if (orig_len < avail)
        avail = orig_len;
    if (avail < hlen)
        return 0;
    uint32_t quoted = hlen + _quote;
    if (quoted > avail)
        quoted = avail;

    uint32_t icmp_len = sizeof(click_icmp) + quoted;
    uint32_t total = sizeof(click_ip) + icmp_len;
    WritablePacket *q = Packet::make(Packet::default_headroom, 0, total, 0);
    if (!q)
        return 0;

    unsigned char *d = q->data();
    click_ip *nip = reinterpret_cast<click_ip *>(d);
    nip->ip_v = 4;
    nip->ip_hl = sizeof(click_ip) >> 2;
    nip->ip_tos = _tos;
    nip->ip_len = htons(total);
    nip->ip_id = htons(_ip_id);
    _ip_id++;
    nip->ip_off = 0;
    nip->ip_ttl = _ttl;
    nip->ip_p = IP_PROTO_ICMP;
    nip->ip_sum = 0;
    nip->ip_src = _local.in_addr();
    nip->ip_dst = iph->ip_src;
    nip->ip_sum = click_in_cksum(d, sizeof(click_ip));

    click_icmp *icmp = reinterpret_cast<click_icmp *>(d + sizeof(click_ip));
    icmp->icmp_type = type;
    icmp->icmp_code = code;
    icmp->icmp_cksum = 0;
    icmp->padding = 0;

    // Quote the offending header and the start of its payload byte by byte
    // (the source may be unaligned after a link header).
    unsigned char *dst = reinterpret_cast<unsigned char *>(icmp + 1);
    for (uint32_t i = 0; i < quoted; i++)
        dst[i] = orig[i];
    icmp->icmp_cksum = click_in_cksum(reinterpret_cast<unsigned char *>(icmp), icmp_len);

    q->set_ip_header(nip, sizeof(click_ip));
    q->set_dst_ip_anno(IPAddress(iph->ip_src));
    q->set_timestamp_anno(p->timestamp_anno());
    return q;
}

void
IcmpErrorGenerator::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || p->network_length() < (int) sizeof(click_ip)) {
        output(0).push(p);
        return;
    }

    int kind = -1;
    uint8_t type = 0, code = 0;
    IPAddress dst(iph->ip_dst);

    if (dst != _local) {
        if (_check_ttl && iph->ip_ttl <= 1) {
            kind = e_time_exceeded;
            type = ICMP_TIMXCEED;
            code = ICMP_TIMXCEED_TRANSIT;
        }
    } else if (!proto_handled(iph->ip_p)) {
        kind = e_proto_unreach;
        type = ICMP_UNREACH;
        code = ICMP_UNREACH_PROTOCOL;
    } else if (iph->ip_p == IP_PROTO_UDP && IP_FIRSTFRAG(iph)
               && p->transport_length() >= (int) sizeof(click_udp)) {
        uint16_t dport = ntohs(p->udp_header()->uh_dport);
        if (!port_open(dport)) {
            kind = e_port_unreach;
            type = ICMP_UNREACH;
            code = ICMP_UNREACH_PORT;
        }
    }

    if (kind < 0) {
        output(0).push(p);
        return;
    }

    if (exempt(p, iph))
        _exempt++;
    else if (!take_token())
        _suppressed++;
    else if (WritablePacket *q = make_error(p, iph, type, code)) {
        _sent[kind]++;
        output(1).push(q);
    } else
        _alloc_failures++;

    // the offending datagram is not forwarded
    checked_output_push(2, p);
}

enum { h_time_exceeded, h_port_unreach, h_proto_unreach, h_suppressed,
       h_exempt, h_tokens };

String
IcmpErrorGenerator::read_handler(Element *e, void *thunk)
{
    IcmpErrorGenerator *g = static_cast<IcmpErrorGenerator *>(e);
    StringAccum sa;
    intptr_t which = (intptr_t) thunk;
    switch (which) {
    case h_time_exceeded:
    case h_port_unreach:
    case h_proto_unreach:
        sa << g->_sent[which];
        break;
    case h_suppressed:
        sa << g->_suppressed;
        break;
    case h_exempt:
        sa << g->_exempt;
        break;
    case h_tokens:
        sa << (unsigned long long) (g->_tokens / CLICK_HZ);
        break;
    }
    return sa.take_string();
}

void
IcmpErrorGenerator::add_handlers()
{
    add_read_handler("time_exceeded", read_handler, h_time_exceeded);
    add_read_handler("port_unreach", read_handler, h_port_unreach);
    add_read_handler("proto_unreach", read_handler, h_proto_unreach);
    add_read_handler("suppressed", read_handler, h_suppressed);
    add_read_handler("exempt", read_handler, h_exempt);
    add_read_handler("tokens", read_handler, h_tokens);
    add_data_handlers("rate", Handler::f_read | Handler::f_write, &_rate);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IcmpErrorGenerator)
