/*
 * dns_query_cache.cc -- DnsQueryCache: direct-mapped DNS answer cache.
 *
 * The question is parsed straight out of the packet in push(); the folded
 * QNAME, QTYPE and QCLASS select one of NSLOTS slots.  A hit rewrites the
 * query into the stored response (client's transaction ID, swapped
 * endpoints); a response from the resolver refreshes the slot.
 */
#include <click/config.h>
#include "dns_query_cache.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

DnsQueryCache::DnsQueryCache()
    : _lifetime(30), _max_resp(MAX_RESP), _negative(false),
      _queries(0), _hits(0), _misses(0), _learned(0), _malformed(0), _evictions(0)
{
    memset(_slots, 0, sizeof(_slots));
}

DnsQueryCache::~DnsQueryCache()
{
}

int
DnsQueryCache::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned max_resp = MAX_RESP;
    if (Args(conf, this, errh)
        .read_p("LIFETIME", _lifetime)
        .read("MAX_RESPONSE", max_resp)
        .read("NEGATIVE", _negative)
        .complete() < 0)
        return -1;
    if (_lifetime == 0 || _lifetime > 86400)
        return errh->error("LIFETIME must be 1..86400 seconds");
    if (max_resp < sizeof(dns_hdr) || max_resp > MAX_RESP)
        return errh->error("MAX_RESPONSE must be at most %d", (int) MAX_RESP);
    _max_resp = max_resp;
    return 0;
}

/* Turn the query q into the cached response s for the same client. */
void
DnsQueryCache::answer(WritablePacket *q, const Slot &s, uint16_t id)
{
    click_ip *iph = reinterpret_cast<click_ip *>(q->data());
    unsigned hl = iph->ip_hl << 2;
    unsigned want = hl + sizeof(click_udp) + s.resp_len;
    unsigned have = q->length();
    if (have > want)
        q->take(have - want);
    else if (have < want) {
        q = q->put(want - have);
        if (!q)
            return;
        iph = reinterpret_cast<click_ip *>(q->data());
    }
    click_udp *udph = reinterpret_cast<click_udp *>(q->data() + hl);
    uint8_t *dns = q->data() + hl + sizeof(click_udp);
    memcpy(dns, s.resp, s.resp_len);
    memcpy(dns, &id, 2);

    struct in_addr a = iph->ip_src;
    iph->ip_src = iph->ip_dst;
    iph->ip_dst = a;
    uint16_t port = udph->uh_sport;
    udph->uh_sport = udph->uh_dport;
    udph->uh_dport = port;
    udph->uh_ulen = htons((uint16_t) (sizeof(click_udp) + s.resp_len));
    udph->uh_sum = 0;                   // optional over IPv4

    // Swapping the addresses leaves the header sum as it was; only the
    // length word and the TTL/protocol word change.
    uint16_t old_len = iph->ip_len, old_ttl, new_ttl;
    memcpy(&old_ttl, reinterpret_cast<uint8_t *>(iph) + 8, 2);
    iph->ip_len = htons((uint16_t) want);
    iph->ip_ttl = 64;
    memcpy(&new_ttl, reinterpret_cast<uint8_t *>(iph) + 8, 2);
    uint32_t sum = (uint16_t) ~iph->ip_sum;
    sum += (uint16_t) ~old_len;
    sum += iph->ip_len;
    sum += (uint16_t) ~old_ttl;
    sum += new_ttl;
    sum = (sum & 0xFFFF) + (sum >> 16);
    sum = (sum & 0xFFFF) + (sum >> 16);
    iph->ip_sum = (uint16_t) ~sum;

    q->set_dst_ip_anno(IPAddress(iph->ip_dst));
    output(0).push(q);
}

void
DnsQueryCache::learn(Slot &s, const Packet *p, const uint8_t *dns, unsigned dns_len,
                     uint32_t tag, const uint8_t *name, unsigned name_len,
                     uint16_t qtype, uint16_t qclass)
{
    Timestamp now = p->timestamp_anno() ? p->timestamp_anno() : Timestamp::recent();
    if (s.resp_len && s.tag != tag && now < s.expires)
        _evictions++;
    s.tag = tag;
    s.qtype = qtype;
    s.qclass = qclass;
    s.name_len = (uint16_t) name_len;
    memcpy(s.name, name, name_len);
    s.resp_len = (uint16_t) dns_len;
    memcpy(s.resp, dns, dns_len);
    s.expires = now + Timestamp::make_sec(_lifetime);
    s.hits = 0;
    _learned++;
}

void
DnsQueryCache::push(int port, Packet *p)
{
    const click_ip *iph = reinterpret_cast<const click_ip *>(p->data());
    unsigned len = p->length();
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    if (hl < sizeof(click_ip) || iph->ip_v != 4 || iph->ip_p != IP_PROTO_UDP
        || IP_ISFRAG(iph) || len < hl + sizeof(click_udp) + sizeof(dns_hdr)) {
        _malformed++;
        p->kill();
        return;
    }
    const uint8_t *dns = p->data() + hl + sizeof(click_udp);
    unsigned dns_len = len - hl - sizeof(click_udp);
    const dns_hdr *dh = reinterpret_cast<const dns_hdr *>(dns);
    uint16_t flags = ntohs(dh->flags);
    bool response = (flags & 0x8000) != 0;
    if (response != (port == 1) || (flags & 0x7800) != 0 || ntohs(dh->qdcount) != 1) {
        _malformed++;
        p->kill();
        return;
    }

    // The question: copy QNAME case-folded and index the cache by it.
    uint8_t name[MAX_NAME];
    unsigned pos = sizeof(dns_hdr), nlen = 0;
    bool ok = false;
    uint32_t tag = 2166136261U;
    while (pos < dns_len) {
        uint8_t lab = dns[pos++];
        if ((lab & 0xC0) || pos + lab > dns_len || nlen + 1 + lab > MAX_NAME)
            break;
        name[nlen++] = lab;
        tag ^= lab;
        tag *= 16777619U;
        for (unsigned i = 0; i < lab; ++i) {
            uint8_t c = dns[pos++];
            if (c >= 'A' && c <= 'Z')
                c |= 0x20;
            name[nlen++] = c;
            tag ^= c;
            tag *= 16777619U;
        }
        if (lab == 0) {
            ok = true;
            break;
        }
    }
    if (!ok || pos + 4 > dns_len) {
        _malformed++;
        p->kill();
        return;
    }
    for (unsigned i = 0; i < 4; ++i) {
        tag ^= dns[pos + i];
        tag *= 16777619U;
    }
    uint16_t qtype = (uint16_t) ((dns[pos] << 8) | dns[pos + 1]);
    uint16_t qclass = (uint16_t) ((dns[pos + 2] << 8) | dns[pos + 3]);
    Slot &s = _slots[tag & (NSLOTS - 1)];

    if (port == 0) {
        _queries++;
        Timestamp now = Timestamp::recent();
        if (s.resp_len && s.tag == tag && s.qtype == qtype && s.qclass == qclass
            && s.name_len == nlen && memcmp(s.name, name, nlen) == 0 && now < s.expires) {
            uint16_t id = dh->id;
            WritablePacket *q = p->uniqueify();
            if (!q)
                return;
            s.hits++;
            _hits++;
            answer(q, s, id);
        } else {
            _misses++;
            output(1).push(p);
        }
        return;
    }

    uint16_t rcode = flags & 0x000F;
    bool cacheable = (rcode == 0 && ntohs(dh->ancount) > 0) || (rcode == 3 && _negative);
    if (cacheable && !(flags & 0x0200) && dns_len <= _max_resp)
        learn(s, p, dns, dns_len, tag, name, nlen, qtype, qclass);
    output(2).push(p);
}

String
DnsQueryCache::read_stats(Element *e, void *)
{
    DnsQueryCache *c = static_cast<DnsQueryCache *>(e);
    unsigned live = 0;
    Timestamp now = Timestamp::recent();
    for (int i = 0; i < NSLOTS; ++i)
        if (c->_slots[i].resp_len && now < c->_slots[i].expires)
            live++;
    StringAccum sa;
    sa << "queries " << c->_queries << "\nhits " << c->_hits
       << "\nmisses " << c->_misses << "\nlearned " << c->_learned
       << "\nevictions " << c->_evictions << "\nmalformed " << c->_malformed
       << "\nlive " << live << '\n';
    return sa.take_string();
}

void
DnsQueryCache::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DnsQueryCache)
