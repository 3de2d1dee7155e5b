/*
 * ipfix_flow_meter.cc -- IpfixFlowMeter: HashMap flow cache, once-a-second
 * expiry scan, IPFIX message building (template set + one data set).
 */
#include <click/config.h>
#include "ipfix_flow_meter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

// (information element id, length) of the exported template
static const uint16_t record_fields[IpfixFlowMeter::NFIELDS][2] = {
    { 8, 4 },       // sourceIPv4Address
    { 12, 4 },      // destinationIPv4Address
    { 7, 2 },       // sourceTransportPort
    { 11, 2 },      // destinationTransportPort
    { 4, 1 },       // protocolIdentifier
    { 6, 1 },       // tcpControlBits
    { 2, 8 },       // packetDeltaCount
    { 1, 8 },       // octetDeltaCount
    { 152, 8 },     // flowStartMilliseconds
    { 153, 8 }      // flowEndMilliseconds
};

IpfixFlowMeter::IpfixFlowMeter()
    : _msg_len(0), _set_off(0), _nrec(0), _dport(4739), _domain(0), _active_s(60),
      _idle_s(15), _sample(1), _max_flows(100000), _rng(0x6b43a9b5U), _seq(0),
      _messages(0), _ip_id(0), _metered(0), _exported(0), _table_full(0)
{
}

IpfixFlowMeter::~IpfixFlowMeter()
{
}

int
IpfixFlowMeter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned dport = _dport;
    if (Args(conf, this, errh)
        .read_mp("SRC", _src)
        .read_mp("COLLECTOR", _collector)
        .read("DPORT", dport)
        .read("DOMAIN", _domain)
        .read("ACTIVE", _active_s)
        .read("IDLE", _idle_s)
        .read("SAMPLE", _sample)
        .read("MAX_FLOWS", _max_flows)
        .complete() < 0)
        return -1;
    if (dport == 0 || dport > 65535)
        return errh->error("bad DPORT");
    if (_sample == 0 || _idle_s == 0 || _active_s < _idle_s)
        return errh->error("need SAMPLE >= 1 and ACTIVE >= IDLE >= 1");
    _dport = (uint16_t) dport;
    return 0;
}

void
IpfixFlowMeter::add_record(const IPFlowID &id, const Flow &f, const Timestamp &now)
{
    if (_msg_len + REC_LEN > MAX_MSG)
        flush(now);
    if (_msg_len == 0) {
        _msg_len = MSG_HDR;
        if (_messages % TEMPLATE_EVERY == 0) {
            uint8_t *t = _msg + _msg_len;
            t = ipfix_put16(t, 2);
            t = ipfix_put16(t, SET_HDR + 4 + NFIELDS * 4);
            t = ipfix_put16(t, TEMPLATE_ID);
            t = ipfix_put16(t, NFIELDS);
            for (int i = 0; i < NFIELDS; ++i) {
                t = ipfix_put16(t, record_fields[i][0]);
                t = ipfix_put16(t, record_fields[i][1]);
            }
            _msg_len = t - _msg;
        }
        _set_off = _msg_len;
        _msg_len += SET_HDR;
    }
    uint8_t *r = _msg + _msg_len;
    r = ipfix_put32(r, ntohl(id.saddr().addr()));
    r = ipfix_put32(r, ntohl(id.daddr().addr()));
    r = ipfix_put16(r, ntohs(id.sport()));
    r = ipfix_put16(r, ntohs(id.dport()));
    *r++ = f.proto;
    *r++ = f.tcp_flags;
    r = ipfix_put64(r, f.packets);
    r = ipfix_put64(r, f.octets);
    r = ipfix_put64(r, (uint64_t) f.first.msecval());
    r = ipfix_put64(r, (uint64_t) f.last.msecval());
    _msg_len += REC_LEN;
    _nrec++;
}

void
IpfixFlowMeter::flush(const Timestamp &now)
{
    if (_nrec == 0) {
        _msg_len = 0;
        return;
    }
    ipfix_put16(_msg + _set_off, TEMPLATE_ID);
    ipfix_put16(_msg + _set_off + 2, (uint16_t) (_msg_len - _set_off));
    uint8_t *h = ipfix_put16(_msg, 10);
    h = ipfix_put16(h, (uint16_t) _msg_len);
    h = ipfix_put32(h, (uint32_t) now.sec());
    h = ipfix_put32(h, _seq);
    ipfix_put32(h, _domain);
    _seq += _nrec;

    unsigned total = sizeof(click_ip) + sizeof(click_udp) + _msg_len;
    WritablePacket *q = Packet::make(Packet::default_headroom, 0, total, 0);
    if (q) {
        click_ip *iph = reinterpret_cast<click_ip *>(q->data());
        memset(iph, 0, sizeof(click_ip));
        iph->ip_v = 4;
        iph->ip_hl = sizeof(click_ip) >> 2;
        iph->ip_len = htons((uint16_t) total);
        iph->ip_id = htons(++_ip_id);
        iph->ip_ttl = 64;
        iph->ip_p = IP_PROTO_UDP;
        iph->ip_src = _src.in_addr();
        iph->ip_dst = _collector.in_addr();
        iph->ip_sum = click_in_cksum(q->data(), sizeof(click_ip));
        click_udp *uh = reinterpret_cast<click_udp *>(iph + 1);
        uh->uh_sport = htons(_dport);
        uh->uh_dport = htons(_dport);
        uh->uh_ulen = htons((uint16_t) (sizeof(click_udp) + _msg_len));
        uh->uh_sum = 0;
        memcpy(uh + 1, _msg, _msg_len);
        q->set_ip_header(iph, sizeof(click_ip));
        q->set_dst_ip_anno(_collector);
    }
    _messages++;
    _msg_len = 0;
    _nrec = 0;
    if (q)
        output(1).push(q);
}

void
IpfixFlowMeter::scan(const Timestamp &now)
{
    _expired.clear();
    for (HashMap<IPFlowID, Flow>::iterator it = _flows.begin(); it.live(); ++it) {
        const Flow &f = it.value();
        if ((now - f.last).sec() >= (Timestamp::seconds_type) _idle_s
            || (now - f.first).sec() >= (Timestamp::seconds_type) _active_s) {
            add_record(it.key(), f, now);
            _expired.push_back(it.key());
        }
    }
    for (int i = 0; i < _expired.size(); ++i)
        _flows.erase(_expired[i]);
    _exported += _expired.size();
    flush(now);
    _last_scan = now;
}

Packet *
IpfixFlowMeter::simple_action(Packet *p)
{
    const click_ip *iph = reinterpret_cast<const click_ip *>(p->data());
    unsigned len = p->length();
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    if (hl < sizeof(click_ip) || iph->ip_v != 4)
        return p;

    Timestamp now = p->timestamp_anno() ? p->timestamp_anno() : Timestamp::recent();
    if ((now - _last_scan).sec() >= 1)
        scan(now);

    if (_sample > 1) {
        _rng ^= _rng << 13;
        _rng ^= _rng >> 17;
        _rng ^= _rng << 5;
        if (_rng % _sample != 0)
            return p;
    }

    uint16_t sport = 0, dport = 0;
    uint8_t flags = 0;
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && IP_FIRSTFRAG(iph) && len >= hl + 4) {
        memcpy(&sport, p->data() + hl, 2);
        memcpy(&dport, p->data() + hl + 2, 2);
        if (iph->ip_p == IP_PROTO_TCP && len >= hl + 14)
            flags = p->data()[hl + 13];
    }
    IPFlowID id(IPAddress(iph->ip_src), sport, IPAddress(iph->ip_dst), dport);
    Flow *f = _flows.findp(id);
    if (!f) {
        if (_flows.size() >= _max_flows) {
            _table_full++;
            return p;
        }
        Flow nf;
        nf.packets = nf.octets = 0;
        nf.first = now;
        nf.proto = iph->ip_p;
        nf.tcp_flags = 0;
        _flows.insert(id, nf);
        if (!(f = _flows.findp(id)))
            return p;
    }
    f->packets++;
    f->octets += ntohs(iph->ip_len);
    f->last = now;
    f->tcp_flags |= flags;
    _metered++;
    return p;
}

String
IpfixFlowMeter::read_stats(Element *e, void *)
{
    IpfixFlowMeter *m = static_cast<IpfixFlowMeter *>(e);
    StringAccum sa;
    sa << "flows " << (unsigned long) m->_flows.size() << "\nmetered " << m->_metered
       << "\nexported " << m->_exported << "\nmessages " << m->_messages
       << "\ntable_full " << m->_table_full << '\n';
    return sa.take_string();
}

void
IpfixFlowMeter::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IpfixFlowMeter)
