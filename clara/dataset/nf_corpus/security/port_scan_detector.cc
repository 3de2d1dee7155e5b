/*
 * port_scan_detector.cc -- PortScanDetector: keeps, per IPv4 source, a
 * 1024-bit bitmap of hashed destination ports (uint64_t[16]) in a
 * HashMap<IPAddress, ...>; counts distinct ports per time window and sends
 * the probes of sources that exceed a threshold to output 1.
 *
 * Training code for Clara's compute model (nf_corpus/security): a realistic
 * scan detector written for the corpus, not an evaluation NF.  Per packet:
 * protocol/flag checks, a HashMap lookup or insert, a hash into a word/bit
 * of the bitmap, an occasional 16-word window reset loop, paint annotation.
 */
#include <click/config.h>
#include "port_scan_detector.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

PortScanDetector::PortScanDetector()
    : _threshold(32), _window_s(60), _max_sources(32768), _low_ports(1024),
      _weight(1), _color(7), _udp(true), _horizontal(false),
      _probes(0), _scanners(0), _flagged_packets(0)
{
}

PortScanDetector::~PortScanDetector()
{
}

int
PortScanDetector::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned weight = 1, color = 7;
    if (Args(conf, this, errh)
        .read("THRESHOLD", _threshold)
        .read("WINDOW", _window_s)
        .read("UDP", _udp)
        .read("HORIZONTAL", _horizontal)
        .read("COLOR", color)
        .read("LOW_PORTS", _low_ports)
        .read("WEIGHT", weight)
        .read("MAX_SOURCES", _max_sources)
        .complete() < 0)
        return -1;
    if (_threshold == 0 || _threshold > BITMAP_BITS)
        return errh->error("THRESHOLD must be between 1 and %d", (int) BITMAP_BITS);
    if (weight < 1 || weight > 4)
        return errh->error("WEIGHT must be between 1 and 4");
    if (color > 255)
        return errh->error("COLOR must be a byte");
    _weight = weight;
    _color = color;
    return 0;
}

void
PortScanDetector::reset_window(ScanRecord &r, const Timestamp &now)
{
    for (int i = 0; i < BITMAP_WORDS; ++i)
        r.bitmap[i] = 0;
    r.distinct = 0;
    r.scanner = 0;
    r.sequential = 0;
    r.window_start = now;
}

/* Set the port's bit; true if it was not set before in this window. */
bool
PortScanDetector::record_probe(ScanRecord &r, uint16_t port, uint32_t dst)
{
    uint32_t slot = port_slot(port, dst, _horizontal);
    uint64_t &word = r.bitmap[slot >> 6];
    uint64_t bit = (uint64_t) 1 << (slot & 63);
    r.probes++;
    if (port == (uint16_t) (r.last_port + 1)) {
        if (r.sequential < 255)
            r.sequential++;
    } else if (port != r.last_port)
        r.sequential = 0;
    r.last_port = port;
    if (word & bit)
        return false;
    word |= bit;
    unsigned w = (port < _low_ports ? _weight : 1);
    // a run of strictly increasing ports is a classic sweep: count it double
    if (r.sequential >= 8)
        w++;
    r.distinct = (r.distinct + w > 0xFFFF ? 0xFFFF : r.distinct + w);
    return true;
}

void
PortScanDetector::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint16_t dport;

    if (!IP_FIRSTFRAG(iph))
        goto pass;
    switch (iph->ip_p) {
    case IP_PROTO_TCP: {
        if (p->transport_length() < (int) sizeof(click_tcp))
            goto pass;
        const click_tcp *th = p->tcp_header();
        if ((th->th_flags & (TH_SYN | TH_ACK | TH_RST)) != TH_SYN) {
            // FIN, NULL and Xmas probes carry no SYN but are probes too
            uint8_t f = th->th_flags;
            if (f != 0 && f != TH_FIN && f != (TH_FIN | TH_PUSH | TH_URG))
                goto pass;
        }
        dport = ntohs(th->th_dport);
        break;
    }
    case IP_PROTO_UDP:
        if (!_udp || p->transport_length() < (int) sizeof(click_udp))
            goto pass;
        dport = ntohs(p->udp_header()->uh_dport);
        break;
    default:
        goto pass;
    }

    {
        _probes++;
        Timestamp now = p->timestamp_anno();
        if (!now)
            now = Timestamp::recent();
        IPAddress src(iph->ip_src);
        ScanRecord *r = _records.findp(src);
        if (!r) {
            if (_records.size() >= _max_sources)
                goto pass;                  // table full: don't track new sources
            ScanRecord nr;
            reset_window(nr, now);
            nr.probes = 0;
            nr.last_port = 0;
            _records.insert(src, nr);
            r = _records.findp(src);
            if (!r)
                goto pass;
        } else if ((now - r->window_start).sec() >= (Timestamp::seconds_type) _window_s)
            reset_window(*r, now);

        record_probe(*r, dport, iph->ip_dst.s_addr);

        if (!r->scanner && r->distinct >= _threshold) {
            r->scanner = 1;
            _scanners++;
            if (_scanner_list.size() < MAX_LISTED)
                _scanner_list.push_back(src);
        }
        if (r->scanner) {
            _flagged_packets++;
            p->set_paint_anno(_color);
            checked_output_push(1, p);
            return;
        }
    }

  pass:
    output(0).push(p);
}

enum { h_probes, h_scanners, h_flagged, h_sources, h_list };

String
PortScanDetector::read_handler(Element *e, void *thunk)
{
    PortScanDetector *d = static_cast<PortScanDetector *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_probes:
        sa << d->_probes;
        break;
    case h_scanners:
        sa << d->_scanners;
        break;
    case h_flagged:
        sa << d->_flagged_packets;
        break;
    case h_sources:
        sa << (unsigned long) d->_records.size();
        break;
    case h_list:
        for (int i = 0; i < d->_scanner_list.size(); ++i) {
            const ScanRecord *r = d->_records.findp(d->_scanner_list[i]);
            sa << d->_scanner_list[i];
            if (r)
                sa << ' ' << r->distinct << ' ' << r->probes;
            sa << '\n';
        }
        break;
    }
    return sa.take_string();
}

void
PortScanDetector::add_handlers()
{
    add_read_handler("probes", read_handler, h_probes);
    add_read_handler("scanners", read_handler, h_scanners);
    add_read_handler("flagged_packets", read_handler, h_flagged);
    add_read_handler("sources", read_handler, h_sources);
    add_read_handler("scanner_list", read_handler, h_list);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PortScanDetector)
