/*
 * http_cache_key.cc -- HttpCacheKey: request-line and header parsing, URL
 * normalization, object naming and second-hit admission to the cache tier.
 */
#include <click/config.h>
#include "http_cache_key.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
#include <click/glue.hh>
#include <math.h>
CLICK_DECLS

static const uint8_t name_rot[16] = {
    7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21
};

static int
hexval(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

/* Case-insensitive "name:" test on a header line. */
static bool
field_is(const uint8_t *line, unsigned n, const char *name, unsigned nlen)
{
    if (n <= nlen || line[nlen] != ':')
        return false;
    for (unsigned i = 0; i < nlen; ++i)
        if ((line[i] | 0x20) != (uint8_t) name[i])
            return false;
    return true;
}

HttpCacheKey::HttpCacheKey()
    : _admit(2), _max_objects(1 << 20), _ignore_query(false), _to_cache(0),
      _to_origin(0), _uncacheable(0), _not_http(0)
{
}

HttpCacheKey::~HttpCacheKey()
{
}

int
HttpCacheKey::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_all("CACHE", _caches)
        .read("ADMIT", _admit)
        .read("IGNORE_QUERY", _ignore_query)
        .read("MAX_OBJECTS", _max_objects)
        .complete() < 0)
        return -1;
    if (_caches.empty())
        return errh->error("no CACHE nodes");
    if (_admit == 0)
        _admit = 1;
    for (int i = 0; i < 64; ++i)        // RFC 1321 T[i] = floor(2^32 |sin(i + 1)|)
        _t[i] = (uint32_t) (fabs(sin((double) (i + 1))) * 4294967296.0);
    return 0;
}

/* Writes the normalized "host/path" of the request head s[0, n) to key.
 * Returns its length; -1 if s is not an HTTP/1.x request, -2 if it is one
 * that we do not cache (method, no host). */
int
HttpCacheKey::build_key(const uint8_t *s, unsigned n, uint8_t *key, bool *private_req) const
{
    *private_req = false;
    unsigned i = 0;
    while (i < n && s[i] >= 'A' && s[i] <= 'Z')
        i++;
    if (i < 3 || i >= n || s[i] != ' ')
        return -1;
    bool cacheable = (i == 3 && memcmp(s, "GET", 3) == 0)
        || (i == 4 && memcmp(s, "HEAD", 4) == 0);
    unsigned t0 = ++i;
    while (i < n && s[i] != ' ' && s[i] != '\r' && s[i] != '\n')
        i++;
    unsigned t1 = i;
    if (t1 == t0 || i + 8 > n || memcmp(s + i, " HTTP/1.", 8) != 0)
        return -1;
    if (!cacheable)
        return -2;

    unsigned host0 = 0, host1 = 0, path0 = t0;
    while (i < n && s[i] != '\n')
        i++;
    i++;
    while (i < n) {
        unsigned line = i;
        while (i < n && s[i] != '\n')
            i++;
        if (i >= n)
            break;
        unsigned end = i;
        if (end > line && s[end - 1] == '\r')
            end--;
        i++;
        if (end == line)
            break;
        if (field_is(s + line, end - line, "host", 4)) {
            unsigned v = line + 5;
            while (v < end && (s[v] == ' ' || s[v] == '\t'))
                v++;
            while (end > v && (s[end - 1] == ' ' || s[end - 1] == '\t'))
                end--;
            host0 = v;
            host1 = end;
        } else if (field_is(s + line, end - line, "authorization", 13))
            *private_req = true;
    }
    if (host1 <= host0)
        return -2;

    unsigned k = 0;
    if (host1 - host0 > 3 && memcmp(s + host1 - 3, ":80", 3) == 0)
        host1 -= 3;
    for (unsigned j = host0; j < host1 && k < MAX_KEY / 2; ++j) {
        uint8_t c = s[j];
        key[k++] = (c >= 'A' && c <= 'Z') ? (uint8_t) (c | 0x20) : c;
    }
    if (path0 == t1 || s[path0] != '/')
        key[k++] = '/';
    for (unsigned j = path0; j < t1 && k + 3 <= MAX_KEY; ++j) {
        uint8_t c = s[j];
        if (c == '#' || (c == '?' && _ignore_query))
            break;
        if (c == '%' && j + 2 < t1 && hexval(s[j + 1]) >= 0 && hexval(s[j + 2]) >= 0) {
            uint8_t v = (uint8_t) ((hexval(s[j + 1]) << 4) | hexval(s[j + 2]));
            uint8_t lc = v | 0x20;
            if ((lc >= 'a' && lc <= 'z') || (v >= '0' && v <= '9') || memchr("-._~", v, 4))
                key[k++] = v;
            else {
                key[k++] = '%';
                key[k++] = "0123456789ABCDEF"[v >> 4];
                key[k++] = "0123456789ABCDEF"[v & 15];
            }
            j += 2;
            continue;
        }
        key[k++] = c;
    }
    return (int) k;
}

void
HttpCacheKey::md5_block(uint32_t st[4], const uint8_t *blk) const
{
    uint32_t x[16];
    for (int i = 0; i < 16; ++i)
        x[i] = (uint32_t) blk[4 * i] | ((uint32_t) blk[4 * i + 1] << 8)
            | ((uint32_t) blk[4 * i + 2] << 16) | ((uint32_t) blk[4 * i + 3] << 24);
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    for (int i = 0; i < 64; ++i) {
        uint32_t f;
        int g;
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) & 15;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) & 15;
        }
        f += a + _t[i] + x[g];
        unsigned r = name_rot[((i >> 4) << 2) | (i & 3)];
        a = d;
        d = c;
        c = b;
        b += (f << r) | (f >> (32 - r));
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
}

void
HttpCacheKey::object_name(const uint8_t *s, unsigned n, uint8_t out[16]) const
{
    uint32_t st[4] = { 0x67452301U, 0xefcdab89U, 0x98badcfeU, 0x10325476U };
    unsigned left = n;
    while (left >= 64) {
        md5_block(st, s);
        s += 64;
        left -= 64;
    }
    uint8_t tail[128];
    memcpy(tail, s, left);
    tail[left] = 0x80;
    unsigned tl = left + 9 <= 64 ? 64 : 128;
    memset(tail + left + 1, 0, tl - left - 1);
    uint64_t bits = (uint64_t) n << 3;
    for (int i = 0; i < 8; ++i)
        tail[tl - 8 + i] = (uint8_t) (bits >> (8 * i));
    md5_block(st, tail);
    if (tl == 128)
        md5_block(st, tail + 64);
    for (int i = 0; i < 16; ++i)
        out[i] = (uint8_t) (st[i >> 2] >> (8 * (i & 3)));
}

void
HttpCacheKey::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    unsigned len = p->length();
    const click_ip *iph = reinterpret_cast<const click_ip *>(d);
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    unsigned iplen = hl ? ntohs(iph->ip_len) : 0;
    unsigned off = iplen;
    if (hl >= sizeof(click_ip) && iph->ip_p == IP_PROTO_TCP && !IP_ISFRAG(iph)
        && iplen <= len && iplen >= hl + sizeof(click_tcp))
        off = hl + (reinterpret_cast<const click_tcp *>(d + hl)->th_off << 2);

    uint8_t key[MAX_KEY];
    bool private_req = false;
    int k = off < iplen ? build_key(d + off, iplen - off, key, &private_req) : -1;
    if (k < 0 || private_req) {
        if (k == -1)
            _not_http++;
        else
            _uncacheable++;
        output(2).push(p);
        return;
    }

    uint8_t name[16];
    object_name(key, (unsigned) k, name);
    uint64_t id = 0;
    for (int i = 0; i < 8; ++i)
        id = (id << 8) | name[i];
    SET_AGGREGATE_ANNO(p, (uint32_t) (id >> 32));

    uint32_t count;
    if (uint32_t *c = _requests.findp(id))
        count = ++*c;
    else {
        count = 1;
        if (_requests.size() < _max_objects)
            _requests.insert(id, 1);
    }
    if (count >= _admit) {
        _to_cache++;
        p->set_dst_ip_anno(_caches[name[15] % _caches.size()]);
        output(0).push(p);
    } else {
        _to_origin++;
        output(1).push(p);
    }
}

String
HttpCacheKey::read_stats(Element *e, void *)
{
    HttpCacheKey *h = static_cast<HttpCacheKey *>(e);
    StringAccum sa;
    sa << "to_cache " << h->_to_cache << "\nto_origin " << h->_to_origin
       << "\nuncacheable " << h->_uncacheable << "\nnot_http " << h->_not_http
       << "\nobjects " << (unsigned long) h->_requests.size() << '\n';
    return sa.take_string();
}

void
HttpCacheKey::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HttpCacheKey)
