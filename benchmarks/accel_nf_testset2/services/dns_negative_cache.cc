/*
 * dns_negative_cache.cc -- DnsNegativeCache: NXDOMAIN cache with an index
 * HashMap, an LRU list threaded through member arrays, and per-entry
 * expiry taken from the SOA of the response (RFC 2308, section 5).
 */
#include <click/config.h>
#include "dns_negative_cache.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/timestamp.hh>
#include <click/glue.hh>
CLICK_DECLS

DnsNegativeCache::DnsNegativeCache()
    : _head(NIL), _tail(NIL), _nused(0), _capacity(4096), _max_ttl(900),
      _answered(0), _forwarded(0), _stored(0), _evicted(0), _expired(0)
{
}

DnsNegativeCache::~DnsNegativeCache()
{
}

int
DnsNegativeCache::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("CAPACITY", _capacity)
        .read("MAX_TTL", _max_ttl)
        .complete() < 0)
        return -1;
    if (_capacity < 1 || _capacity > MAX_CAP)
        return errh->error("CAPACITY must be 1..%d", (int) MAX_CAP);
    return 0;
}

/* The uncompressed question name at *pos, lower-cased, as dotted text. */
int
DnsNegativeCache::qname(const uint8_t *m, unsigned mlen, unsigned *pos, char *out)
{
    unsigned p = *pos, o = 0;
    while (p < mlen) {
        uint8_t l = m[p++];
        if (l == 0) {
            *pos = p;
            out[o] = 0;
            return (int) o;
        }
        if ((l & 0xC0) || p + l > mlen || o + l + 2 > MAX_NAME)
            return -1;
        if (o)
            out[o++] = '.';
        for (unsigned i = 0; i < l; ++i) {
            uint8_t c = m[p + i];
            out[o++] = (char) ((c >= 'A' && c <= 'Z') ? c + 32 : c);
        }
        p += l;
    }
    return -1;
}

bool
DnsNegativeCache::skip_name(const uint8_t *m, unsigned mlen, unsigned *pos)
{
    unsigned p = *pos;
    while (p < mlen) {
        uint8_t l = m[p];
        if ((l & 0xC0) == 0xC0) {           // compression pointer ends the name
            *pos = p + 2;
            return *pos <= mlen;
        }
        if (l & 0xC0)
            return false;
        p += 1 + l;
        if (l == 0) {
            *pos = p;
            return true;
        }
    }
    return false;
}

void
DnsNegativeCache::unlink(int i)
{
    if (_prev[i] != NIL)
        _next[_prev[i]] = _next[i];
    else
        _head = _next[i];
    if (_next[i] != NIL)
        _prev[_next[i]] = _prev[i];
    else
        _tail = _prev[i];
}

void
DnsNegativeCache::link_front(int i)
{
    _prev[i] = NIL;
    _next[i] = _head;
    if (_head != NIL)
        _prev[_head] = i;
    _head = i;
    if (_tail == NIL)
        _tail = i;
}

void
DnsNegativeCache::store(const String &name, uint32_t ttl, uint32_t now)
{
    int *ip = _index.findp(name);
    int i;
    if (ip) {
        i = *ip;
        unlink(i);
    } else if (_nused < _capacity) {
        i = _nused++;
        _index.set(name, i);
    } else {
        i = _tail;                          // least recently used
        unlink(i);
        _index.erase(_name[i]);
        _index.set(name, i);
        _evicted++;
    }
    _name[i] = name;
    _expires[i] = now + ttl;
    link_front(i);
    _stored++;
}

/* Turn query p into an NXDOMAIN response to its sender. */
void
DnsNegativeCache::answer_nx(Packet *p, unsigned hl, unsigned question_end)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    unsigned keep = hl + sizeof(click_udp) + question_end;
    if (q->length() > keep)
        q->take(q->length() - keep);
    click_ip *iph = reinterpret_cast<click_ip *>(q->data());
    click_udp *uh = reinterpret_cast<click_udp *>(q->data() + hl);
    uint8_t *m = q->data() + hl + sizeof(click_udp);
    m[2] = (uint8_t) (0x80 | (m[2] & 0x79));   // QR, keep opcode and RD
    m[3] = 0x80 | 3;                            // RA, NXDOMAIN
    memset(m + 6, 0, 6);

    struct in_addr a = iph->ip_src;
    iph->ip_src = iph->ip_dst;
    iph->ip_dst = a;
    uint16_t port = uh->uh_sport;
    uh->uh_sport = uh->uh_dport;
    uh->uh_dport = port;
    uh->uh_ulen = htons((uint16_t) (sizeof(click_udp) + question_end));
    uh->uh_sum = 0;
    iph->ip_len = htons((uint16_t) keep);
    iph->ip_ttl = 64;
    iph->ip_sum = 0;
    iph->ip_sum = click_in_cksum(q->data(), (int) hl);
    q->set_dst_ip_anno(IPAddress(iph->ip_dst));
    output(0).push(q);
}

void
DnsNegativeCache::push(int port, Packet *p)
{
    const click_ip *iph = reinterpret_cast<const click_ip *>(p->data());
    unsigned len = p->length();
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    unsigned iplen = hl ? ntohs(iph->ip_len) : 0;
    const uint8_t *m = p->data() + hl + sizeof(click_udp);
    unsigned mlen = iplen >= hl + sizeof(click_udp) ? iplen - hl - sizeof(click_udp) : 0;
    char name[MAX_NAME];
    unsigned pos = 12;
    int nlen = -1;
    if (hl >= sizeof(click_ip) && iph->ip_p == IP_PROTO_UDP && iplen <= len
        && mlen >= 12 && m[4] == 0 && m[5] == 1)
        nlen = qname(m, mlen, &pos, name);
    if (nlen < 0 || pos + 4 > mlen) {
        output(port == 0 ? 1 : 2).push(p);
        return;
    }
    pos += 4;
    uint32_t now = (uint32_t) Timestamp::recent().sec();
    String key(name, nlen);

    if (port == 0) {
        int *ip = _index.findp(key);
        if (ip && (int32_t) (_expires[*ip] - now) > 0) {
            unlink(*ip);
            link_front(*ip);
            _answered++;
            answer_nx(p, hl, pos);
            return;
        }
        if (ip)
            _expired++;                     // left in place until reused
        _forwarded++;
        output(1).push(p);
        return;
    }

    if ((m[3] & 0x0F) == 3) {
        unsigned an = (m[6] << 8) | m[7], ns = (m[8] << 8) | m[9];
        bool ok = true;
        for (unsigned i = 0; i < an && ok; ++i) {
            ok = skip_name(m, mlen, &pos) && pos + 10 <= mlen;
            if (ok)
                pos += 10 + ((m[pos + 8] << 8) | m[pos + 9]);
        }
        for (unsigned i = 0; i < ns && ok && pos <= mlen; ++i) {
            if (!skip_name(m, mlen, &pos) || pos + 10 > mlen)
                break;
            unsigned type = (m[pos] << 8) | m[pos + 1];
            uint32_t ttl = ((uint32_t) m[pos + 4] << 24) | ((uint32_t) m[pos + 5] << 16)
                | ((uint32_t) m[pos + 6] << 8) | m[pos + 7];
            unsigned rdlen = (m[pos + 8] << 8) | m[pos + 9];
            unsigned rd_end = pos + 10 + rdlen;
            if (rd_end > mlen)
                break;
            if (type == T_SOA && rdlen >= 22) {
                const uint8_t *mn = m + rd_end - 4;     // MINIMUM, last field
                uint32_t minimum = ((uint32_t) mn[0] << 24) | ((uint32_t) mn[1] << 16)
                    | ((uint32_t) mn[2] << 8) | mn[3];
                uint32_t neg = ttl < minimum ? ttl : minimum;
                if (neg > _max_ttl)
                    neg = _max_ttl;
                if (neg)
                    store(key, neg, now);
                break;
            }
            pos = rd_end;
        }
    }
    output(2).push(p);
}

String
DnsNegativeCache::read_stats(Element *e, void *)
{
    DnsNegativeCache *c = static_cast<DnsNegativeCache *>(e);
    StringAccum sa;
    sa << "entries " << c->_nused << "\nanswered " << c->_answered
       << "\nforwarded " << c->_forwarded << "\nstored " << c->_stored
       << "\nevicted " << c->_evicted << "\nexpired_hits " << c->_expired << '\n';
    return sa.take_string();
}

void
DnsNegativeCache::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DnsNegativeCache)
