/*
 * erspanmirror.{cc,hh} -- ERSPAN type II remote mirroring
 */

#include <click/config.h>
#include "erspanmirror.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/confparse.hh>
CLICK_DECLS

ERSPANMirror::ERSPANMirror()
    : _nrules(0), _maxlen(1500), _ttl(64), _dscp(0), _rate(0), _burst(65536),
      _tokens(0), _gre_seq(0), _ip_id(0), _mirrored(0), _policed(0),
      _truncated(0), _alloc_fail(0)
{
}

int
ERSPANMirror::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> rules;
    if (Args(conf, this, errh)
        .read_mp("SRC", _src)
        .read_mp("DST", _dst)
        .read_all("RULE", rules)
        .read("MAXLEN", _maxlen)
        .read("RATE", _rate)
        .read("BURST", _burst)
        .read("TTL", _ttl)
        .read("DSCP", _dscp)
        .complete() < 0)
        return -1;

    if (rules.size() > MAX_RULES)
        return errh->error("too many RULEs (max %d)", (int) MAX_RULES);
    _nrules = 0;
    for (int i = 0; i < rules.size(); i++) {
        Vector<String> words;
        cp_spacevec(rules[i], words);
        int session;
        IPAddress a, m;
        if (words.size() < 2 || words.size() > 3
            || !cp_integer(words[0], &session) || session < 0 || session > 1023
            || !cp_ip_prefix(words[1], &a, &m, true, this))
            return errh->error("RULE %d: expected 'SESSION PREFIX [PROTO]'", i);
        Rule &r = _rules[_nrules++];
        r.net = a.addr() & m.addr();
        r.mask = m.addr();
        r.session = session;
        r.proto = -1;
        if (words.size() == 3 && (!cp_integer(words[2], &r.proto) || r.proto > 255))
            return errh->error("RULE %d: bad protocol", i);
    }
    if (_maxlen < 64)
        _maxlen = 64;
    if (_dscp > 63)
        return errh->error("DSCP out of range");
    _tokens = _burst;
    return 0;
}

int
ERSPANMirror::match_session(const Packet *p) const
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip))
        return 0;
    const click_ip *iph = p->ip_header();
    uint32_t s = iph->ip_src.s_addr, d = iph->ip_dst.s_addr;
    for (int i = 0; i < _nrules; i++) {
        const Rule &r = _rules[i];
        if (r.proto >= 0 && r.proto != iph->ip_p)
            continue;
        if ((s & r.mask) == r.net || (d & r.mask) == r.net)
            return r.session;       // first match wins
    }
    return 0;
}

bool
ERSPANMirror::police(uint32_t bytes)
{
    if (!_rate)
        return true;
    Timestamp now = Timestamp::recent();
    if (_last_fill) {
        int64_t ns = (now - _last_fill).nsecval();
        if (ns > 0) {
            uint64_t add = (uint64_t) ns * _rate / 1000000000ULL;
            _tokens = (_tokens + add > _burst) ? _burst : _tokens + add;
        }
    }
    _last_fill = now;
    if (_tokens < bytes)
        return false;
    _tokens -= bytes;
    return true;
}

void
ERSPANMirror::push(int, Packet *p)
{
    int session = match_session(p);
    if (session == 0) {
        output(0).push(p);
        return;
    }

    uint32_t len = p->length();
    bool trunc = len > _maxlen;
    uint32_t copylen = trunc ? _maxlen : len;
    if (!police(copylen + ENCAP_LEN)) {
        _policed++;
        output(0).push(p);
        return;
    }

    Packet *c = p->clone();
    output(0).push(p);
    if (!c) {
        _alloc_fail++;
        return;
    }
    if (trunc) {
        c->take(len - copylen);
        _truncated++;
    }
    WritablePacket *q = c->push(ENCAP_LEN);
    if (!q) {
        _alloc_fail++;
        return;
    }

    uint8_t *h = q->data();
    click_ip *oip = reinterpret_cast<click_ip *>(h);
    uint8_t *gre = h + sizeof(click_ip);
    uint8_t *ers = gre + 8;

    // GRE with sequence number (S bit), protocol ERSPAN type II
    uint16_t gflags = htons(0x1000), gproto = htons(ERSPAN_PROTO);
    uint32_t gseq = htonl(_gre_seq++);
    memcpy(gre, &gflags, 2);
    memcpy(gre + 2, &gproto, 2);
    memcpy(gre + 4, &gseq, 4);

    // ERSPAN II: Ver=1 | VLAN | COS | En | T | Session ID ; Reserved | Index
    uint16_t vlan = ntohs(VLAN_TCI_ANNO(q)) & 0x0FFF;
    uint16_t cos = ntohs(VLAN_TCI_ANNO(q)) >> 13;
    uint32_t w1 = (1U << 28) | ((uint32_t) vlan << 16) | ((uint32_t) cos << 13)
        | (3U << 11) | ((trunc ? 1U : 0U) << 10) | (uint32_t) session;
    uint32_t w2 = PAINT_ANNO(q) & 0xFFFFF;
    w1 = htonl(w1);
    w2 = htonl(w2);
    memcpy(ers, &w1, 4);
    memcpy(ers + 4, &w2, 4);

    oip->ip_v = 4;
    oip->ip_hl = 5;
    oip->ip_tos = _dscp << 2;
    oip->ip_len = htons(q->length());
    oip->ip_id = htons(_ip_id++);
    oip->ip_off = htons(IP_DF);
    oip->ip_ttl = _ttl;
    oip->ip_p = IP_PROTO_GRE;
    oip->ip_sum = 0;
    oip->ip_src = _src.in_addr();
    oip->ip_dst = _dst.in_addr();

    // header checksum, ten 16-bit words unrolled (word 5 is ip_sum == 0)
    const uint16_t *hw = reinterpret_cast<const uint16_t *>(oip);
    uint32_t acc = hw[0] + hw[1] + hw[2] + hw[3] + hw[4];
    acc += hw[5] + hw[6] + hw[7] + hw[8] + hw[9];
    acc = (acc & 0xFFFF) + (acc >> 16);
    acc = (acc & 0xFFFF) + (acc >> 16);
    oip->ip_sum = (uint16_t) ~acc;

    q->set_ip_header(oip, sizeof(click_ip));
    q->set_dst_ip_anno(_dst);
    _mirrored++;
    output(1).push(q);
}

void
ERSPANMirror::add_handlers()
{
    add_data_handlers("mirrored", Handler::f_read, &_mirrored);
    add_data_handlers("policed", Handler::f_read, &_policed);
    add_data_handlers("truncated", Handler::f_read, &_truncated);
    add_data_handlers("alloc_failures", Handler::f_read, &_alloc_fail);
    add_data_handlers("rate", Handler::f_read | Handler::f_write, &_rate);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ERSPANMirror)
