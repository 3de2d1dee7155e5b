/*
 * scan_sweep_detector.cc -- ScanSweepDetector: one Tracker per source in
 * a HashMap<IPAddress, Tracker> (exact match on the address); per probe a
 * bit is set in the port or host bitmap and, when it is new, the score is
 * recomputed with population counts over the bitmaps.
 */
#include <click/config.h>
#include "scan_sweep_detector.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

ScanSweepDetector::ScanSweepDetector()
    : _score(100), _window(60), _block(600), _host_weight(2), _probes(0), _blocks(0),
      _blocked_pkts(0)
{
}

ScanSweepDetector::~ScanSweepDetector()
{
}

int
ScanSweepDetector::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("SCORE", _score)
        .read("WINDOW", _window)
        .read("BLOCK", _block)
        .read("HOST_WEIGHT", _host_weight)
        .complete() < 0)
        return -1;
    if (_score == 0 || _window == 0)
        return errh->error("SCORE and WINDOW must be positive");
    return 0;
}

unsigned
ScanSweepDetector::score(const Tracker &t) const
{
    unsigned ports = 0, hosts = 0;
    for (int i = 0; i < 1024 / 32; ++i)
        ports += bits_set(t.low_ports[i]);
    for (int i = 0; i < 256 / 32; ++i)
        hosts += bits_set(t.hosts[i]);
    return ports + _host_weight * hosts + t.high_probes / 8 + 16 * t.stealth;
}

void
ScanSweepDetector::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    const unsigned char *end = p->end_data();
    if (ipb + sizeof(click_ip) > end || iph->ip_v != 4 || !IP_FIRSTFRAG(iph)) {
        output(0).push(p);
        return;
    }
    const unsigned char *th = ipb + (iph->ip_hl << 2);
    IPAddress src(iph->ip_src);
    int64_t now = Timestamp::recent().sec();

    Tracker *t = _src.findp(src);
    if (t && t->blocked_until) {
        if (now < t->blocked_until) {
            _blocked_pkts++;
            output(1).push(p);
            return;
        }
        _src.erase(src);                    // block served: start afresh
        t = 0;
    }

    bool probe = false, stealth = false;
    uint16_t dport = 0;
    if (iph->ip_p == IP_PROTO_TCP && th + sizeof(click_tcp) <= end) {
        const click_tcp *tcph = reinterpret_cast<const click_tcp *>(th);
        uint8_t fl = tcph->th_flags & (TH_FIN | TH_SYN | TH_RST | TH_PUSH | TH_ACK | TH_URG);
        dport = ntohs(tcph->th_dport);
        probe = (fl & (TH_SYN | TH_ACK | TH_RST)) == TH_SYN;
        stealth = fl == 0 || fl == TH_FIN || fl == (TH_FIN | TH_PUSH | TH_URG);
    } else if (iph->ip_p == IP_PROTO_UDP && th + sizeof(click_udp) <= end) {
        dport = ntohs(reinterpret_cast<const click_udp *>(th)->uh_dport);
        probe = true;
    }
    if (!probe && !stealth) {
        output(0).push(p);
        return;
    }
    _probes++;

    if (!t) {
        _src.insert(src, Tracker());
        t = _src.findp(src);
        if (!t) {
            output(0).push(p);
            return;
        }
        t->window_start = now;
    } else if (now - t->window_start >= (int64_t) _window) {
        memset(t->low_ports, 0, sizeof(t->low_ports));
        memset(t->hosts, 0, sizeof(t->hosts));
        t->high_probes = t->stealth = 0;
        t->window_start = now;
    }

    bool fresh = false;
    if (stealth) {
        t->stealth++;
        fresh = true;
    }
    if (dport < 1024) {
        uint32_t bit = 1U << (dport & 31);
        if (!(t->low_ports[dport >> 5] & bit)) {
            t->low_ports[dport >> 5] |= bit;
            fresh = true;
        }
    } else if ((++t->high_probes & 7) == 0)
        fresh = true;
    uint8_t host = reinterpret_cast<const uint8_t *>(&iph->ip_dst)[3];
    if (!(t->hosts[host >> 5] & (1U << (host & 31)))) {
        t->hosts[host >> 5] |= 1U << (host & 31);
        fresh = true;
    }

    if (fresh && score(*t) >= _score) {
        t->blocked_until = now + _block;
        _blocks++;
        _blocked_pkts++;
        output(1).push(p);
        return;
    }
    output(0).push(p);
}

String
ScanSweepDetector::read_blocked(Element *e, void *)
{
    ScanSweepDetector *d = static_cast<ScanSweepDetector *>(e);
    int64_t now = Timestamp::recent().sec();
    StringAccum sa;
    for (HashMap<IPAddress, Tracker>::iterator it = d->_src.begin(); it.live(); ++it)
        if (it.value().blocked_until > now)
            sa << it.key() << ' ' << (long long) (it.value().blocked_until - now) << "s\n";
    sa << "probes " << d->_probes << "\nblocks " << d->_blocks
       << "\nblocked_packets " << d->_blocked_pkts << '\n';
    return sa.take_string();
}

void
ScanSweepDetector::add_handlers()
{
    add_read_handler("blocked", read_blocked, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ScanSweepDetector)
