/*
 * cmsketchmonitor.{cc,hh} -- count-min sketch heavy-hitter monitor
 */

#include <click/config.h>
#include "cmsketchmonitor.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

CMSketchMonitor::CMSketchMonitor()
    : _depth(4), _width(2048), _threshold(1 << 20),
      _packets(0), _nonip(0), _reports(0), _epochs(0)
{
}

int
CMSketchMonitor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t seed = 0x5eed1234;
    _epoch = Timestamp(10);
    if (Args(conf, this, errh)
        .read_p("DEPTH", _depth)
        .read_p("WIDTH", _width)
        .read_p("THRESHOLD", _threshold)
        .read("EPOCH", _epoch)
        .read("SEED", seed)
        .complete() < 0)
        return -1;

    if (_depth < 1 || _depth > CMS_MAX_DEPTH)
        return errh->error("DEPTH must be between 1 and %d", CMS_MAX_DEPTH);
    if (_width < 16 || (_width & (_width - 1)) != 0)
        return errh->error("WIDTH must be a power of two >= 16");
    if (_threshold == 0)
        return errh->error("THRESHOLD must be positive");

    // one seed per row; golden-ratio spacing keeps the rows independent
    for (int d = 0; d < _depth; d++)
        _seeds[d] = seed + (uint32_t) d * 0x9E3779B9U;

    _cells.resize(_depth * _width, 0);
    return 0;
}

void
CMSketchMonitor::new_epoch(const Timestamp &now)
{
    uint32_t *c = _cells.data();
    uint32_t *e = c + _cells.size();
    while (c != e)
        *c++ = 0;
    _heavy.clear();
    _epoch_start = now;
    _epochs++;
}

void
CMSketchMonitor::push(int, Packet *p)
{
    _packets++;
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)
        || iph->ip_v != 4) {
        _nonip++;
        output(0).push(p);
        return;
    }

    Timestamp now = Timestamp::recent();
    if (now - _epoch_start >= _epoch)
        new_epoch(now);

    // 5-tuple key: saddr, daddr, sport, dport, proto (all network order)
    uint8_t key[CMS_KEY_LEN];
    uint16_t sport = 0, dport = 0;
    int hlen = iph->ip_hl << 2;
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && IP_FIRSTFRAG(iph) && p->network_length() >= hlen + 4) {
        const uint8_t *th = p->network_header() + hlen;
        memcpy(&sport, th, 2);
        memcpy(&dport, th + 2, 2);
    }
    memcpy(key, &iph->ip_src, 4);
    memcpy(key + 4, &iph->ip_dst, 4);
    memcpy(key + 8, &sport, 2);
    memcpy(key + 10, &dport, 2);
    key[12] = iph->ip_p;

    uint32_t bytes = ntohs(iph->ip_len);
    uint32_t estimate = 0xFFFFFFFFU;
    uint32_t *row = _cells.data();
    for (int d = 0; d < _depth; d++, row += _width) {
        uint32_t h = cms_murmur3_32(key, CMS_KEY_LEN, _seeds[d]);
        uint32_t &cell = row[h & (_width - 1)];
        cell = cms_sat_add(cell, bytes);
        if (cell < estimate)
            estimate = cell;
    }

    if (estimate >= _threshold) {
        IPFlowID flow(iph->ip_src, sport, iph->ip_dst, dport);
        uint32_t *known = _heavy.findp(flow);
        if (!known) {
            _heavy.set(flow, estimate);
            _reports++;
            SET_AGGREGATE_ANNO(p, estimate);
            checked_output_push(1, p);
            return;
        }
        *known = estimate;
    }
    output(0).push(p);
}

String
CMSketchMonitor::read_heavy(Element *e, void *)
{
    CMSketchMonitor *m = static_cast<CMSketchMonitor *>(e);
    enum { TOPN = 16 };
    IPFlowID flows[TOPN];
    uint32_t vols[TOPN];
    int n = 0;

    // keep the TOPN largest, insertion sorted by descending volume
    for (HashMap<IPFlowID, uint32_t>::const_iterator it = m->_heavy.begin(); it.live(); ++it) {
        uint32_t v = it.value();
        if (n == TOPN && v <= vols[n - 1])
            continue;
        int i = (n < TOPN ? n++ : n - 1);
        while (i > 0 && vols[i - 1] < v) {
            vols[i] = vols[i - 1];
            flows[i] = flows[i - 1];
            --i;
        }
        vols[i] = v;
        flows[i] = it.key();
    }

    StringAccum sa;
    for (int i = 0; i < n; i++)
        sa << flows[i].unparse() << ' ' << vols[i] << '\n';
    return sa.take_string();
}

int
CMSketchMonitor::write_reset(const String &, Element *e, void *, ErrorHandler *)
{
    CMSketchMonitor *m = static_cast<CMSketchMonitor *>(e);
    m->new_epoch(Timestamp::recent());
    m->_packets = m->_nonip = m->_reports = 0;
    return 0;
}

void
CMSketchMonitor::add_handlers()
{
    add_read_handler("heavy", read_heavy, 0);
    add_data_handlers("count", Handler::f_read, &_packets);
    add_data_handlers("reports", Handler::f_read, &_reports);
    add_data_handlers("epochs", Handler::f_read, &_epochs);
    add_write_handler("reset", write_reset, 0, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CMSketchMonitor)
