/*
 * dns_answer_rewriter.cc -- DnsAnswerRewriter: parses the question and the
 * answer section (with compression pointers), rewrites A records of
 * configured zones, clamps TTLs and refreshes the UDP checksum.
 */
#include <click/config.h>
#include "dns_answer_rewriter.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

DnsAnswerRewriter::DnsAnswerRewriter()
    : _nzones(0), _max_ttl(3600), _rewritten(0), _clamped(0), _untouched(0),
      _unparsable(0)
{
    memset(_zones, 0, sizeof(_zones));
}

DnsAnswerRewriter::~DnsAnswerRewriter()
{
}

int
DnsAnswerRewriter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> zones;
    if (Args(conf, this, errh)
        .read_all("ZONE", zones)
        .read("MAX_TTL", _max_ttl)
        .complete() < 0)
        return -1;
    if (zones.size() > MAX_ZONES)
        return errh->error("at most %d zones", (int) MAX_ZONES);
    for (int i = 0; i < zones.size(); ++i) {
        Vector<String> words;
        cp_spacevec(zones[i], words);
        IPAddress a;
        if (words.size() != 2 || !cp_ip_address(words[1], &a, this))
            return errh->error("ZONE %d: expected \"SUFFIX ADDR\"", i + 1);
        String s = words[0].lower();
        int n = s.length();
        if (n > 0 && s[n - 1] == '.')
            n--;
        if (n <= 0 || n >= MAX_NAME)
            return errh->error("ZONE %d: bad suffix", i + 1);
        Zone &z = _zones[_nzones++];
        memcpy(z.suffix, s.data(), n);
        z.suffix[n] = 0;
        z.len = n;
        z.addr = a;
        z.hits = 0;
    }
    return 0;
}

/* Read the (possibly compressed) name at pos as lower-case dotted text.
 * *next is where the record continues after the name.  Returns the text
 * length or -1. */
int
DnsAnswerRewriter::read_name(const uint8_t *m, unsigned mlen, unsigned pos,
                             char *out, unsigned *next) const
{
    unsigned o = 0, hops = 0;
    bool jumped = false;
    for (;;) {
        if (pos >= mlen)
            return -1;
        uint8_t l = m[pos];
        if ((l & 0xC0) == 0xC0) {
            if (pos + 1 >= mlen || ++hops > 16)
                return -1;
            if (!jumped)
                *next = pos + 2;
            jumped = true;
            pos = ((l & 0x3F) << 8) | m[pos + 1];
            continue;
        }
        if (l & 0xC0)
            return -1;
        pos++;
        if (l == 0)
            break;
        if (pos + l > mlen || o + l + 2 > MAX_NAME)
            return -1;
        if (o)
            out[o++] = '.';
        for (unsigned i = 0; i < l; ++i) {
            char c = (char) m[pos + i];
            out[o++] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
        }
        pos += l;
    }
    if (!jumped)
        *next = pos;
    out[o] = 0;
    return (int) o;
}

bool
DnsAnswerRewriter::skip_name(const uint8_t *m, unsigned mlen, unsigned *pos)
{
    unsigned p = *pos;
    while (p < mlen) {
        uint8_t l = m[p];
        if ((l & 0xC0) == 0xC0) {
            *pos = p + 2;
            return p + 2 <= mlen;
        }
        if (l & 0xC0)
            return false;
        p += l + 1;
        if (l == 0) {
            *pos = p;
            return true;
        }
    }
    return false;
}

int
DnsAnswerRewriter::match_zone(const char *name, unsigned len) const
{
    for (int i = 0; i < _nzones; ++i) {
        const Zone &z = _zones[i];
        if (len < z.len || memcmp(name + len - z.len, z.suffix, z.len) != 0)
            continue;
        if (len == z.len || name[len - z.len - 1] == '.')
            return i;
    }
    return -1;
}

void
DnsAnswerRewriter::push(int, Packet *p)
{
    const click_ip *iph = reinterpret_cast<const click_ip *>(p->data());
    unsigned len = p->length();
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    unsigned iplen = hl ? ntohs(iph->ip_len) : 0;
    if (hl < sizeof(click_ip) || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)
        || iplen > len || iplen < hl + sizeof(click_udp) + 12) {
        _unparsable++;
        output(1).push(p);
        return;
    }
    const uint8_t *m = p->data() + hl + sizeof(click_udp);
    unsigned mlen = iplen - hl - sizeof(click_udp);
    unsigned ancount = (m[6] << 8) | m[7];
    if (!(m[2] & 0x80) || m[4] != 0 || m[5] != 1 || ancount == 0) {
        _untouched++;
        output(1).push(p);
        return;
    }

    char qname[MAX_NAME];
    unsigned pos = 12;
    int qlen = read_name(m, mlen, pos, qname, &pos);
    if (qlen < 0 || pos + 4 > mlen) {
        _unparsable++;
        output(1).push(p);
        return;
    }
    pos += 4;
    int zone = match_zone(qname, (unsigned) qlen);

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    uint8_t *w = q->data() + hl + sizeof(click_udp);
    bool changed = false;
    for (unsigned rr = 0; rr < ancount; ++rr) {
        if (!skip_name(w, mlen, &pos) || pos + 10 > mlen)
            break;
        uint16_t type = (uint16_t) ((w[pos] << 8) | w[pos + 1]);
        uint16_t cls = (uint16_t) ((w[pos + 2] << 8) | w[pos + 3]);
        uint32_t ttl = ((uint32_t) w[pos + 4] << 24) | ((uint32_t) w[pos + 5] << 16)
            | ((uint32_t) w[pos + 6] << 8) | w[pos + 7];
        unsigned rdlen = (w[pos + 8] << 8) | w[pos + 9];
        if (pos + 10 + rdlen > mlen)
            break;
        if (ttl > _max_ttl) {
            w[pos + 4] = (uint8_t) (_max_ttl >> 24);
            w[pos + 5] = (uint8_t) (_max_ttl >> 16);
            w[pos + 6] = (uint8_t) (_max_ttl >> 8);
            w[pos + 7] = (uint8_t) _max_ttl;
            _clamped++;
            changed = true;
        }
        if (zone >= 0 && type == T_A && cls == C_IN && rdlen == 4) {
            memcpy(w + pos + 10, _zones[zone].addr.data(), 4);
            changed = true;
        }
        pos += 10 + rdlen;
    }

    if (!changed) {
        _untouched++;
        output(1).push(q);
        return;
    }
    if (zone >= 0)
        _zones[zone].hits++;
    click_udp *uh = reinterpret_cast<click_udp *>(q->data() + hl);
    if (uh->uh_sum != 0) {
        uh->uh_sum = 0;
        uh->uh_sum = udp_sum_v4(reinterpret_cast<const click_ip *>(q->data()), uh,
                                sizeof(click_udp) + mlen);
    }
    _rewritten++;
    output(0).push(q);
}

String
DnsAnswerRewriter::read_stats(Element *e, void *)
{
    DnsAnswerRewriter *r = static_cast<DnsAnswerRewriter *>(e);
    StringAccum sa;
    sa << "rewritten " << r->_rewritten << "\nclamped " << r->_clamped
       << "\nuntouched " << r->_untouched << "\nunparsable " << r->_unparsable << '\n';
    for (int i = 0; i < r->_nzones; ++i)
        sa << "zone " << r->_zones[i].suffix << ' ' << r->_zones[i].addr
           << ' ' << r->_zones[i].hits << '\n';
    return sa.take_string();
}

void
DnsAnswerRewriter::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_data_handlers("max_ttl", Handler::f_read | Handler::f_write, &_max_ttl);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DnsAnswerRewriter)
