/*
 * consistent_hash_ring.cc -- ConsistentHashRing: up to 4096 virtual-node
 * points (uint32_t, sorted once in configure() by an in-place heap sort)
 * with an owner byte each; per packet an inline FNV-1a hash over the
 * selected key bytes and a binary search for the successor point.
 *
 * Training code for Clara's compute model (nf_corpus/balancing): a
 * realistic ring-based balancer written for the corpus, not an evaluation
 * NF (no CRC hashing, no rewriting: it only annotates the backend).  Per
 * packet: a switch over key modes filling a byte buffer, a byte loop for
 * FNV-1a, a lower-bound binary search, a bounded clockwise walk over dead
 * or overloaded owners, and a periodic 32-entry decay loop.
 */
#include <click/config.h>
#include "consistent_hash_ring.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

ConsistentHashRing::ConsistentHashRing()
    : _live(0), _npoints(0), _nbackends(0), _key_mode(KEY_SRC), _seed(0),
      _spill_pct(0), _window_count(0), _walked(0), _spilled(0), _unrouted(0)
{
    memset(_points, 0, sizeof(_points));
    memset(_owner, 0, sizeof(_owner));
    memset(_point_hits, 0, sizeof(_point_hits));
    memset(_bk_packets, 0, sizeof(_bk_packets));
    memset(_bk_window, 0, sizeof(_bk_window));
}

ConsistentHashRing::~ConsistentHashRing()
{
}

int
ConsistentHashRing::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<IPAddress> backends;
    Vector<unsigned> weights;
    unsigned vnodes = 128;
    String key = "SRC";
    if (Args(conf, this, errh)
        .read_all("BACKEND", backends)
        .read_all("WEIGHT", weights)
        .read("VNODES", vnodes)
        .read("KEY", key)
        .read("SEED", _seed)
        .read("SPILL", _spill_pct)
        .complete() < 0)
        return -1;
    if (backends.size() == 0 || backends.size() > MAX_BACKENDS)
        return errh->error("need between 1 and %d BACKENDs", (int) MAX_BACKENDS);
    if (weights.size() > backends.size())
        return errh->error("more WEIGHTs than BACKENDs");
    if (vnodes == 0 || vnodes > MAX_POINTS)
        return errh->error("VNODES must be between 1 and %d", (int) MAX_POINTS);
    if (_spill_pct != 0 && _spill_pct < 101)
        return errh->error("SPILL must be 0 (off) or above 100 percent");

    if (key == "SRC")
        _key_mode = KEY_SRC;
    else if (key == "DST")
        _key_mode = KEY_DST;
    else if (key == "PAIR")
        _key_mode = KEY_PAIR;
    else if (key == "FLOW")
        _key_mode = KEY_FLOW;
    else
        return errh->error("KEY must be SRC, DST, PAIR or FLOW");

    _nbackends = backends.size();
    _npoints = 0;
    for (int b = 0; b < _nbackends; ++b) {
        unsigned w = (b < weights.size() ? weights[b] : 1);
        if (w == 0 || w > 64)
            return errh->error("WEIGHT %d must be between 1 and 64", b);
        _backends[b] = backends[b];
        uint32_t n = vnodes * w;
        if (_npoints + n > MAX_POINTS)
            return errh->error("ring would need more than %d points", (int) MAX_POINTS);
        uint8_t buf[6];
        memcpy(buf, backends[b].data(), 4);
        for (uint32_t r = 0; r < n; ++r) {
            buf[4] = (uint8_t) (r >> 8);
            buf[5] = (uint8_t) r;
            _points[_npoints] = finish(fnv1a(buf, 6, 2166136261U ^ _seed));
            _owner[_npoints] = (uint8_t) b;
            _npoints++;
        }
    }
    sort_points();
    _live = (_nbackends == 32 ? 0xFFFFFFFFU : ((1U << _nbackends) - 1));
    return 0;
}

/* In-place heap sort of (_points, _owner) by point. */
void
ConsistentHashRing::sort_points()
{
    int n = _npoints;
    for (int start = n / 2 - 1; start >= -n + 1 && n > 1; --start) {
        // first n/2 iterations build the heap, the rest pop it
        int end = n;
        int root = start;
        if (start < 0) {
            end = n + start;                // heap is [0, end)
            uint32_t tp = _points[0];
            _points[0] = _points[end];
            _points[end] = tp;
            uint8_t to = _owner[0];
            _owner[0] = _owner[end];
            _owner[end] = to;
            root = 0;
        }
        for (;;) {
            int child = 2 * root + 1;
            if (child >= end)
                break;
            if (child + 1 < end && _points[child + 1] > _points[child])
                child++;
            if (_points[root] >= _points[child])
                break;
            uint32_t tp = _points[root];
            _points[root] = _points[child];
            _points[child] = tp;
            uint8_t to = _owner[root];
            _owner[root] = _owner[child];
            _owner[child] = to;
            root = child;
        }
    }
}

/* Index of the first point >= h, wrapping to 0 past the last point. */
int
ConsistentHashRing::successor(uint32_t h) const
{
    int lo = 0, hi = _npoints;
    while (lo < hi) {
        int mid = (lo + hi) >> 1;
        if (_points[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == _npoints ? 0 : lo;
}

/* Copy the bytes the key mode hashes into buf; -1 if not hashable. */
int
ConsistentHashRing::key_bytes(Packet *p, uint8_t *buf) const
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip))
        return -1;
    const click_ip *iph = p->ip_header();
    if (iph->ip_v != 4)
        return -1;
    const uint8_t *src = reinterpret_cast<const uint8_t *>(&iph->ip_src);
    const uint8_t *dst = reinterpret_cast<const uint8_t *>(&iph->ip_dst);

    switch (_key_mode) {
    case KEY_SRC:
        memcpy(buf, src, 4);
        return 4;
    case KEY_DST:
        memcpy(buf, dst, 4);
        return 4;
    case KEY_PAIR:
        memcpy(buf, src, 4);
        memcpy(buf + 4, dst, 4);
        return 8;
    case KEY_FLOW:
    default: {
        memcpy(buf, src, 4);
        memcpy(buf + 4, dst, 4);
        buf[8] = iph->ip_p;
        int len = 9;
        if (IP_FIRSTFRAG(iph)
            && (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP
                || iph->ip_p == IP_PROTO_SCTP)
            && p->transport_length() >= 4) {
            // TCP, UDP and SCTP all start with the two 16-bit ports
            memcpy(buf + 9, p->transport_header(), 4);
            len = 13;
        }
        return len;
    }
    }
}

bool
ConsistentHashRing::over_share(int b) const
{
    uint32_t nlive = __builtin_popcount(_live);
    if (nlive <= 1 || _window_count < 64)
        return false;
    uint64_t fair = _window_count / nlive;
    return (uint64_t) _bk_window[b] * 100 > fair * _spill_pct;
}

void
ConsistentHashRing::push(int, Packet *p)
{
    uint8_t buf[16];
    int len = key_bytes(p, buf);
    if (len < 0 || _live == 0) {
        _unrouted++;
        checked_output_push(1, p);
        return;
    }

    uint32_t h = finish(fnv1a(buf, len, 2166136261U ^ _seed));
    int idx = successor(h);
    int first_live = -1;
    int b = _owner[idx];
    for (int steps = 0; ; ++steps) {
        if (_live & (1U << b)) {
            if (first_live < 0)
                first_live = idx;
            if (!_spill_pct || !over_share(b))
                break;
            _spilled++;
        } else
            _walked++;
        if (steps + 1 >= _npoints) {
            // everyone live is over its share: stay on the first live owner
            idx = first_live;
            b = _owner[idx];
            break;
        }
        idx = (idx + 1 == _npoints ? 0 : idx + 1);
        b = _owner[idx];
    }

    _point_hits[idx]++;
    _bk_packets[b]++;
    _bk_window[b]++;
    if (++_window_count >= WINDOW) {
        // age the load window: halve every backend's recent count
        for (int i = 0; i < _nbackends; ++i)
            _bk_window[i] >>= 1;
        _window_count >>= 1;
    }

    SET_AGGREGATE_ANNO(p, (uint32_t) b);
    p->set_dst_ip_anno(_backends[b]);
    output(0).push(p);
}

enum { h_ring, h_backends, h_stats, h_down, h_up };

String
ConsistentHashRing::read_handler(Element *e, void *thunk)
{
    ConsistentHashRing *r = static_cast<ConsistentHashRing *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_ring:
        for (int i = 0; i < r->_npoints; ++i)
            sa.snprintf(40, "%08x %u %u\n", r->_points[i], (unsigned) r->_owner[i],
                        r->_point_hits[i]);
        break;
    case h_backends:
        for (int b = 0; b < r->_nbackends; ++b)
            sa << b << ' ' << r->_backends[b] << ((r->_live >> b) & 1 ? " up " : " down ")
               << r->_bk_packets[b] << '\n';
        break;
    case h_stats:
        sa << "walked " << r->_walked << "\nspilled " << r->_spilled
           << "\nunrouted " << r->_unrouted << '\n';
        break;
    }
    return sa.take_string();
}

int
ConsistentHashRing::write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh)
{
    ConsistentHashRing *r = static_cast<ConsistentHashRing *>(e);
    int n;
    if (!cp_integer(s.trim_space(), &n) || n < 0 || n >= r->_nbackends)
        return errh->error("expected a backend index below %d", r->_nbackends);
    if ((intptr_t) thunk == h_down)
        r->_live &= ~(1U << n);
    else
        r->_live |= 1U << n;
    return 0;
}

void
ConsistentHashRing::add_handlers()
{
    add_read_handler("ring", read_handler, h_ring);
    add_read_handler("backends", read_handler, h_backends);
    add_read_handler("stats", read_handler, h_stats);
    add_write_handler("down", write_handler, h_down);
    add_write_handler("up", write_handler, h_up);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ConsistentHashRing)
