// CoAP forward proxy front end (RFC 7252 section 5.7)

#include <click/config.h>
#include "coap_forward_proxy.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

enum : uint8_t {
    COAP_ACK = 2, COAP_GET = 0x01,
    OPT_URI_HOST = 3, OPT_URI_PATH = 11, OPT_URI_QUERY = 15, OPT_PROXY_URI = 35
};

CoapForwardProxy::CoapForwardProxy()
    : m_upstreamPort(5683), m_nextMid(1), m_maxAge(60), m_seed(0x5eed),
      m_forwarded(0), m_hits(0), m_bad(0), m_invalidations(0)
{
    memset(m_cache, 0, sizeof(m_cache));
    memset(m_mids, 0, sizeof(m_mids));
}

int CoapForwardProxy::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port = 5683;
    if (Args(conf, this, errh)
            .read_mp("UPSTREAM", m_upstream)
            .read_p("UPSTREAM_PORT", port)
            .read("MAX_AGE", m_maxAge)
            .read("SEED", m_seed)
            .complete() < 0)
        return -1;
    if (port == 0 || port > 65535)
        return errh->error("bad UPSTREAM_PORT");
    m_upstreamPort = port;
    return 0;
}

// MurmurHash3 (x86, 32-bit) of the canonical URI key.
uint32_t CoapForwardProxy::uriHash(const uint8_t *key, int len) const
{
    const uint32_t c1 = 0xcc9e2d51, c2 = 0x1b873593;
    uint32_t h = m_seed;
    const int nblocks = len >> 2;

    for (int i = 0; i < nblocks; ++i) {
        const uint8_t *b = key + (i << 2);
        uint32_t k = b[0] | (b[1] << 8) | (b[2] << 16) | ((uint32_t) b[3] << 24);
        k *= c1;
        k = (k << 15) | (k >> 17);
        k *= c2;
        h ^= k;
        h = (h << 13) | (h >> 19);
        h = h * 5 + 0xe6546b64;
    }

    const uint8_t *tail = key + (nblocks << 2);
    uint32_t k = 0;
    switch (len & 3) {
    case 3:
        k ^= tail[2] << 16;
        [[fallthrough]];
    case 2:
        k ^= tail[1] << 8;
        [[fallthrough]];
    case 1:
        k ^= tail[0];
        k *= c1;
        k = (k << 15) | (k >> 17);
        k *= c2;
        h ^= k;
    }

    h ^= (uint32_t) len;
    h ^= h >> 16;
    h *= 0x85ebca6b;
    h ^= h >> 13;
    h *= 0xc2b2ae35;
    h ^= h >> 16;
    return h;
}

// Option delta / length nibble with its 13 (one byte) and 14 (two bytes)
// extensions; 15 is reserved.  Advances opt past the extension bytes.
static int extended(unsigned nib, const uint8_t *&opt, const uint8_t *end)
{
    if (nib < 13)
        return nib;
    if (nib == 13 && opt < end)
        return 13 + *opt++;
    if (nib == 14 && opt + 1 < end) {
        opt += 2;
        return 269 + ((opt[-2] << 8) | opt[-1]);
    }
    return -1;
}

// Walks the options and copies the URI-forming ones into m_key as
// "host/path/path?query&query".  Returns the key length, 0 if the request
// has no URI options, -1 if the options are malformed or too long.
int CoapForwardProxy::buildUriKey(const uint8_t *opt, const uint8_t *end)
{
    unsigned number = 0;
    int klen = 0;
    bool have_query = false;
    while (opt < end && *opt != 0xFF) {
        const uint8_t hdr = *opt++;
        int delta = extended(hdr >> 4, opt, end);
        int olen = delta < 0 ? -1 : extended(hdr & 0x0F, opt, end);
        if (olen < 0 || opt + olen > end)
            return -1;
        number += delta;

        char sep = 0;
        if (number == OPT_URI_PATH)
            sep = '/';
        else if (number == OPT_URI_QUERY) {
            sep = have_query ? '&' : '?';
            have_query = true;
        }
        if (number == OPT_URI_HOST || number == OPT_PROXY_URI || sep) {
            if (klen + (sep ? 1 : 0) + olen > kKeyMax)
                return -1;
            if (sep)
                m_key[klen++] = sep;
            for (int i = 0; i < olen; ++i)
                m_key[klen++] = opt[i];
        }
        opt += olen;
    }
    return klen;
}

Packet *CoapForwardProxy::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    const click_udp *uh = p->udp_header();
    if (!p->has_network_header() || !p->has_transport_header()
        || p->transport_length() < (int) sizeof(click_udp) + 4
        || iph->ip_p != IP_PROTO_UDP)
        return reject(p);
    const int ulen = ntohs(uh->uh_ulen);
    if (ulen < (int) sizeof(click_udp) + 4 || ulen > p->transport_length())
        return reject(p);

    const uint8_t *coap = p->transport_header() + sizeof(click_udp);
    const uint8_t *end = p->transport_header() + ulen;
    const unsigned ver = coap[0] >> 6, type = (coap[0] >> 4) & 3, tkl = coap[0] & 0x0F;
    const uint8_t code = coap[1];
    // requests only: class 0, detail 1..31
    if (ver != 1 || tkl > 8 || code == 0 || (code >> 5) != 0
        || type >= COAP_ACK || coap + 4 + tkl > end)
        return reject(p);

    const int klen = buildUriKey(coap + 4 + tkl, end);
    if (klen < 0)
        return reject(p);

    const click_jiffies_t now = click_jiffies();
    if (klen > 0) {
        uint32_t key = uriHash(m_key, klen);
        CacheSlot &slot = m_cache[key & (kCacheSlots - 1)];
        if (code == COAP_GET) {
            if (slot.key == key && !click_jiffies_less(slot.expires, now)) {
                ++slot.hits;
                ++m_hits;
                SET_AGGREGATE_ANNO(p, key);
                output(1).push(p);
                return nullptr;
            }
            slot.key = key;
            slot.hits = 0;
            slot.expires = now + (click_jiffies_t) m_maxAge * CLICK_HZ;
        } else if (slot.key == key) {
            // POST/PUT/DELETE on a cached resource makes the entry stale
            slot.key = 0;
            ++m_invalidations;
        }
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return nullptr;
    click_ip *ip = q->ip_header();
    click_udp *udp = q->udp_header();
    uint8_t *msg = q->transport_header() + sizeof(click_udp);

    // new message ID on the upstream leg; remember the client's
    const uint16_t mid = m_nextMid++;
    MidMap &mm = m_mids[mid & (kMidSlots - 1)];
    mm.client_mid = (msg[2] << 8) | msg[3];
    mm.client_port = udp->uh_sport;
    mm.client_addr = ip->ip_src.s_addr;
    msg[2] = mid >> 8;
    msg[3] = mid & 0xFF;

    ip->ip_dst = m_upstream.in_addr();
    udp->uh_dport = htons(m_upstreamPort);
    ip->ip_sum = 0;
    ip->ip_sum = click_in_cksum(reinterpret_cast<const unsigned char *>(ip), ip->ip_hl << 2);

    // UDP checksum over pseudo-header, header and payload
    uint32_t acc = (ip->ip_src.s_addr >> 16) + (ip->ip_src.s_addr & 0xFFFF)
        + (ip->ip_dst.s_addr >> 16) + (ip->ip_dst.s_addr & 0xFFFF)
        + htons(IP_PROTO_UDP) + udp->uh_ulen;
    udp->uh_sum = 0;
    const uint16_t *w = reinterpret_cast<const uint16_t *>(udp);
    int left = ulen;
    while (left > 1) {
        acc += *w++;
        left -= 2;
    }
    if (left)
        acc += htons(*reinterpret_cast<const uint8_t *>(w) << 8);
    while (acc >> 16)
        acc = (acc & 0xFFFF) + (acc >> 16);
    uint16_t sum = ~acc & 0xFFFF;
    udp->uh_sum = sum ? sum : 0xFFFF;

    ++m_forwarded;
    return q;
}

void CoapForwardProxy::add_handlers()
{
    add_data_handlers("forwarded", Handler::f_read, &m_forwarded);
    add_data_handlers("cache_hits", Handler::f_read, &m_hits);
    add_data_handlers("bad", Handler::f_read, &m_bad);
    add_data_handlers("invalidations", Handler::f_read, &m_invalidations);
    add_data_handlers("max_age", Handler::f_read | Handler::f_write, &m_maxAge);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CoapForwardProxy)
