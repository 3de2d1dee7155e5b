/*
 * cms_heavy_hitter.cc -- CMSHeavyHitter: heavy-hitter detection with a
 * count-min sketch (Cormode and Muthukrishnan, 2005), reset periodically.
 *
 * What it models: streaming telemetry NFs (sketch-based measurement as in
 * UnivMon, ElasticSketch, SketchVisor).  Per packet: fold the 5-tuple into a
 * 64-bit key, compute ROWS independent multiply-shift hashes, read and
 * increment ROWS counters spread over a large state array (the memory
 * placement question of the paper: the sketch is too big for the fastest
 * NIC memory), take their minimum, compare with the threshold, and every
 * INTERVAL compare packet timestamps and clear the whole sketch.
 */
#include <click/config.h>
#include "cms_heavy_hitter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

CMSHeavyHitter::CMSHeavyHitter()
    : _rows(4), _width(4096), _width_bits(12), _threshold(1000),
      _count_bytes(false), _conservative(false), _src_only(false), _color(1),
      _intervals(0), _packets(0), _heavy_packets(0)
{
}

CMSHeavyHitter::~CMSHeavyHitter()
{
}

int
CMSHeavyHitter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    int rows = 4;
    uint32_t width = 4096, interval_ms = 1000;
    String key = "flow";
    uint8_t color = 1;
    bool count_bytes = false, conservative = false;
    if (Args(conf, this, errh)
        .read_mp("THRESHOLD", _threshold)
        .read("ROWS", rows)
        .read("WIDTH", width)
        .read("INTERVAL", interval_ms)
        .read("BYTES", count_bytes)
        .read("CONSERVATIVE", conservative)
        .read("KEY", key)
        .read("COLOR", color)
        .complete() < 0)
        return -1;
    if (rows < 1 || rows > MAX_ROWS)
        return errh->error("ROWS must be between 1 and %d", (int) MAX_ROWS);
    if (width < 2 || width > MAX_WIDTH || (width & (width - 1)) != 0)
        return errh->error("WIDTH must be a power of two between 2 and %d", (int) MAX_WIDTH);
    if (key == "flow")
        _src_only = false;
    else if (key == "src")
        _src_only = true;
    else
        return errh->error("KEY must be flow or src");
    if (_threshold == 0 || interval_ms == 0)
        return errh->error("THRESHOLD and INTERVAL must be positive");

    _rows = rows;
    _width = width;
    _width_bits = 0;
    while ((1U << _width_bits) < width)
        _width_bits++;
    _interval = Timestamp::make_msec(interval_ms / 1000, interval_ms % 1000);
    _count_bytes = count_bytes;
    _conservative = conservative;
    _color = color;
    return 0;
}

int
CMSHeavyHitter::initialize(ErrorHandler *)
{
    // independent row hashes: random odd 64-bit multipliers
    for (int r = 0; r < _rows; ++r) {
        uint64_t hi = click_random(), lo = click_random();
        _mult[r] = (hi << 33) ^ (lo << 1) ^ ((uint64_t) click_random() << 17) ^ 1;
    }
    reset_sketch(Timestamp::now());
    _intervals = 0;
    return 0;
}

void
CMSHeavyHitter::reset_sketch(const Timestamp &now)
{
    memset(_sketch, 0, sizeof(uint32_t) * _rows * _width);
    _reports.clear();
    _interval_start = now;
    _intervals++;
}

/* Fold the flow identity into 64 bits. */
uint64_t
CMSHeavyHitter::flow_key(const Packet *p) const
{
    const click_ip *iph = p->ip_header();
    uint64_t k = iph->ip_src.s_addr;
    if (_src_only)
        return k;
    k = (k << 32) | iph->ip_dst.s_addr;
    uint32_t ports = 0;
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP) && IP_FIRSTFRAG(iph)) {
        const click_udp *uh = p->udp_header();      // TCP ports sit at the same offsets
        ports = ((uint32_t) uh->uh_sport << 16) | uh->uh_dport;
    }
    // mix the ports and protocol in (xorshift-multiply finalizer)
    k ^= ((uint64_t) ports << 8) | iph->ip_p;
    k ^= k >> 33;
    k *= 0xFF51AFD7ED558CCDULL;
    k ^= k >> 33;
    return k;
}

/* Add amount to key's counters; return the new estimate. */
uint32_t
CMSHeavyHitter::update(uint64_t key, uint32_t amount)
{
    uint32_t idx[MAX_ROWS];
    uint32_t est = 0xFFFFFFFFU;
    int shift = 64 - _width_bits;
    for (int r = 0; r < _rows; ++r) {
        idx[r] = r * _width + (uint32_t) ((key * _mult[r]) >> shift);
        uint32_t c = _sketch[idx[r]];
        if (c < est)
            est = c;
    }
    uint32_t target = (est > 0xFFFFFFFFU - amount ? 0xFFFFFFFFU : est + amount);
    for (int r = 0; r < _rows; ++r) {
        uint32_t &c = _sketch[idx[r]];
        if (_conservative) {
            if (c < target)
                c = target;
        } else
            c = (c > 0xFFFFFFFFU - amount ? 0xFFFFFFFFU : c + amount);
    }
    return target;      // min over rows after the update, in both modes
}

/* Count p; true if it belongs to a heavy hitter. */
bool
CMSHeavyHitter::classify(Packet *p)
{
    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::now();
    if (now - _interval_start >= _interval)
        reset_sketch(now);

    _packets++;
    uint64_t key = flow_key(p);
    uint32_t amount = _count_bytes ? ntohs(p->ip_header()->ip_len) : 1;
    uint32_t est = update(key, amount);
    if (est < _threshold)
        return false;

    // first crossing in this interval: report the key
    if (est - amount < _threshold && _reports.size() < MAX_REPORTS) {
        Report r;
        r.key = key;
        r.estimate = est;
        _reports.push_back(r);
    }
    _heavy_packets++;
    SET_PAINT_ANNO(p, _color);
    return true;
}

Packet *
CMSHeavyHitter::simple_action(Packet *p)
{
    // pull mode (and single-output push): count, paint, pass through
    classify(p);
    return p;
}

void
CMSHeavyHitter::push(int, Packet *p)
{
    if (classify(p) && noutputs() > 1)
        output(1).push(p);
    else
        output(0).push(p);
}

enum { h_hitters, h_intervals, h_packets, h_heavy_packets };

String
CMSHeavyHitter::read_handler(Element *e, void *thunk)
{
    CMSHeavyHitter *hh = static_cast<CMSHeavyHitter *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_hitters:
        for (int i = 0; i < hh->_reports.size(); ++i)
            sa.snprintf(40, "%016llx %u\n", (unsigned long long) hh->_reports[i].key,
                        hh->_reports[i].estimate);
        break;
    case h_intervals:
        sa << hh->_intervals;
        break;
    case h_packets:
        sa << hh->_packets;
        break;
    case h_heavy_packets:
        sa << hh->_heavy_packets;
        break;
    }
    return sa.take_string();
}

int
CMSHeavyHitter::reset_handler(const String &, Element *e, void *, ErrorHandler *)
{
    CMSHeavyHitter *hh = static_cast<CMSHeavyHitter *>(e);
    hh->reset_sketch(Timestamp::now());
    return 0;
}

void
CMSHeavyHitter::add_handlers()
{
    add_read_handler("hitters", read_handler, h_hitters);
    add_read_handler("intervals", read_handler, h_intervals);
    add_read_handler("packets", read_handler, h_packets);
    add_read_handler("heavy_packets", read_handler, h_heavy_packets);
    add_write_handler("reset", reset_handler, 0, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CMSHeavyHitter)
