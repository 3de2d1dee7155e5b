/*
 * ip6_route_lookup.cc -- IP6RouteLookup.  Routes go in the table of their
 * length, plus markers where the search must learn to go longer; each entry
 * keeps the port of the most specific route covering it (no backtracking).
 */
#include <click/config.h>
#include "ip6_route_lookup.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
CLICK_DECLS

bool
IP6RouteLookup::parse_addr(const String &s, uint64_t &hi, uint64_t &lo)
{
    uint16_t g[8], w[8];
    int n = 0, gap = -1;
    const char *p = s.begin(), *e = s.end();
    if (e - p >= 2 && p[0] == ':' && p[1] == ':')
        gap = 0, p += 2;
    while (p < e) {
        unsigned v = 0;
        int digits = 0;
        for (; p < e; ++p, ++digits) {
            char c = *p | 0x20;         // fold A-F to a-f, digits unchanged
            int x = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (x < 0)
                break;
            v = (v << 4) | x;
        }
        if (digits == 0 || digits > 4 || n == 8)
            return false;
        g[n++] = (uint16_t) v;
        if (p == e)
            break;
        if (*p++ != ':' || p == e)
            return false;
        if (*p == ':') {
            if (gap >= 0)
                return false;
            gap = n;
            ++p;
        }
    }
    if ((gap < 0 && n != 8) || (gap >= 0 && n == 8))
        return false;
    memset(w, 0, sizeof(w));
    int tail = gap < 0 ? 0 : n - gap;
    for (int i = 0; i < n - tail; ++i)
        w[i] = g[i];
    for (int i = 0; i < tail; ++i)
        w[8 - tail + i] = g[gap + i];
    hi = lo = 0;
    for (int i = 0; i < 4; ++i) {
        hi = (hi << 16) | w[i];
        lo = (lo << 16) | w[4 + i];
    }
    return true;
}

int
IP6RouteLookup::level_of(int len) const
{
    for (int i = 0; i < _nlens; ++i)
        if (_lens[i] == len)
            return i;
    return -1;
}

IP6RouteLookup::Slot *
IP6RouteLookup::place(int level, uint64_t hi, uint64_t lo)
{
    Slot *t = _slots + level * SLOTS;
    uint32_t i = bucket(hi, lo);
    for (int n = 0; n < SLOTS; ++n, i = (i + 1) & (SLOTS - 1)) {
        if (!t[i].used) {
            t[i].used = 1;
            t[i].hi = hi;
            t[i].lo = lo;
            return &t[i];
        }
        if (t[i].hi == hi && t[i].lo == lo)
            return &t[i];
    }
    return 0;
}

/* Port of the most specific configured route of length <= len covering
   (hi, lo); configuration time only. */
uint16_t
IP6RouteLookup::scan_best(uint64_t hi, uint64_t lo, int len) const
{
    int best_len = -1;
    uint16_t port = NO_ROUTE;
    for (int i = 0; i < _routes.size(); ++i) {
        const Prefix6 &r = _routes[i];
        uint64_t h = hi, l = lo;
        cut(h, l, r.len);
        if (r.len <= len && r.len >= best_len && h == r.hi && l == r.lo) {
            best_len = r.len;
            port = r.port;
        }
    }
    return port;
}

int
IP6RouteLookup::build()
{
    _nlens = 0;
    for (int i = 0; i < _routes.size(); ++i) {
        int len = _routes[i].len;
        if (level_of(len) >= 0)
            continue;
        if (_nlens == MAX_LENGTHS)
            return -1;
        int j = _nlens++;
        for (; j > 0 && _lens[j - 1] > len; --j)
            _lens[j] = _lens[j - 1];
        _lens[j] = (uint8_t) len;
    }
    int nslots = (_nlens ? _nlens : 1) * SLOTS;
    _slots = new Slot[nslots];
    memset(_slots, 0, sizeof(Slot) * nslots);

    for (int i = 0; i < _routes.size(); ++i) {
        const Prefix6 &r = _routes[i];
        int k = level_of(r.len);
        int a = 0, b = _nlens - 1;
        while (a <= b) {
            int mid = (a + b) >> 1;
            if (mid == k)
                break;
            if (mid > k) {
                b = mid - 1;
                continue;
            }
            uint64_t h = r.hi, l = r.lo;
            cut(h, l, _lens[mid]);
            if (!place(mid, h, l))
                return -1;
            a = mid + 1;
        }
        Slot *s = place(k, r.hi, r.lo);
        if (!s)
            return -1;
        s->real = 1;
    }
    for (int lv = 0; lv < _nlens; ++lv)
        for (int i = 0; i < SLOTS; ++i) {
            Slot &s = _slots[lv * SLOTS + i];
            if (s.used)
                s.best = scan_best(s.hi, s.lo, _lens[lv]);
        }
    return 0;
}

int
IP6RouteLookup::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> specs;
    if (Args(conf, this, errh).read_all("ROUTE", specs).complete() < 0)
        return -1;
    for (int i = 0; i < specs.size(); ++i) {
        Vector<String> w;
        cp_spacevec(specs[i], w);
        int slash = w.size() == 2 ? w[0].find_left('/') : -1;
        Prefix6 r;
        unsigned port;
        if (slash < 0 || !parse_addr(w[0].substring(0, slash), r.hi, r.lo)
            || !cp_integer(w[0].substring(slash + 1), &r.len) || r.len < 0 || r.len > 128
            || !cp_integer(w[1], &port) || port > 255)
            return errh->error("ROUTE %d: expected \"PREFIX/LEN PORT\"", i + 1);
        cut(r.hi, r.lo, r.len);
        r.port = (uint16_t) port;
        _routes.push_back(r);
    }
    if (build() < 0)
        return errh->error("too many prefix lengths or a full length table");
    return 0;
}

void
IP6RouteLookup::cleanup(CleanupStage)
{
    delete[] _slots;
    _slots = 0;
}

uint32_t
IP6RouteLookup::bucket(uint64_t hi, uint64_t lo) const
{
    uint64_t x = (hi * 0x9E3779B97F4A7C15ULL) ^ lo;
    x ^= x >> 31;
    x *= 0xD6E8FEB86659FD93ULL;
    x ^= x >> 32;
    return (uint32_t) x & (SLOTS - 1);
}

const IP6RouteLookup::Slot *
IP6RouteLookup::probe(int level, uint64_t hi, uint64_t lo) const
{
    const Slot *t = _slots + level * SLOTS;
    uint32_t i = bucket(hi, lo);
    for (int n = 0; n < SLOTS && t[i].used; ++n, i = (i + 1) & (SLOTS - 1))
        if (t[i].hi == hi && t[i].lo == lo)
            return &t[i];
    return 0;
}

int
IP6RouteLookup::lookup(uint64_t hi, uint64_t lo) const
{
    int port = NO_ROUTE;
    int a = 0, b = _nlens - 1;
    while (a <= b) {
        int mid = (a + b) >> 1;
        uint64_t h = hi, l = lo;
        cut(h, l, _lens[mid]);
        const Slot *s = probe(mid, h, l);
        if (s) {
            port = s->best;
            a = mid + 1;
        } else
            b = mid - 1;
    }
    return port;
}

void
IP6RouteLookup::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < 40
        || (p->network_header()[0] >> 4) != 6) {
        _out[2]++;
        output(2).push(p);
        return;
    }
    const unsigned char *d = p->network_header() + 24;
    uint64_t hi = 0, lo = 0;
    for (int i = 0; i < 8; ++i) {
        hi = (hi << 8) | d[i];
        lo = (lo << 8) | d[8 + i];
    }
    int port = lookup(hi, lo);
    int out = port == NO_ROUTE ? 2 : p->network_header()[7] <= 1 ? 1 : 0;
    if (out == 0) {
        WritablePacket *q = p->uniqueify();
        if (!q)
            return;
        q->network_header()[7]--;
        q->set_paint_anno((uint8_t) port);
        p = q;
    }
    _out[out]++;
    output(out).push(p);
}

void
IP6RouteLookup::add_handlers()
{
    add_data_handlers("forwarded", Handler::f_read, &_out[0]);
    add_data_handlers("hop_limit_drops", Handler::f_read, &_out[1]);
    add_data_handlers("no_route", Handler::f_read, &_out[2]);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IP6RouteLookup)
