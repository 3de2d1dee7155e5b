/*
 * telemetry_report_check.cc -- TelemetryReportCheck: IPv4 header
 * verification, report check byte, sequence tracking and per-switch
 * summaries for a telemetry collector.
 */
#include <click/config.h>
#include "telemetry_report_check.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

TelemetryReportCheck::TelemetryReportCheck()
    : _port(32766), _max_hops(8), _nsw(0), _packets(0), _bad_ip(0), _reports(0),
      _bad_reports(0), _truncated(0), _seq_gaps(0), _table_full(0)
{
    memset(_last_seq, 0, sizeof(_last_seq));
    memset(_seq_valid, 0, sizeof(_seq_valid));
    memset(_sw, 0, sizeof(_sw));
}

TelemetryReportCheck::~TelemetryReportCheck()
{
}

int
TelemetryReportCheck::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("PORT", _port)
        .read_p("MAX_HOPS", _max_hops)
        .complete() < 0)
        return -1;
    if (_max_hops < 1 || _max_hops > 64)
        return errh->error("MAX_HOPS must be between 1 and 64");
    return 0;
}

void
TelemetryReportCheck::account_hop(const unsigned char *rec)
{
    uint32_t id = ((uint32_t) rec[0] << 24) | ((uint32_t) rec[1] << 16)
        | ((uint32_t) rec[2] << 8) | rec[3];
    uint16_t queue = (uint16_t) ((rec[4] << 8) | rec[5]);
    uint16_t latency = (uint16_t) ((rec[6] << 8) | rec[7]);
    int i;
    for (i = 0; i < _nsw; ++i)
        if (_sw[i].id == id)
            break;
    if (i == _nsw) {
        if (_nsw == NSWITCHES) {
            _table_full++;
            return;
        }
        _sw[_nsw].id = id;
        _nsw++;
    }
    SwitchStats &s = _sw[i];
    s.reports++;
    if (queue > s.max_queue)
        s.max_queue = queue;
    s.latency_sum += latency;
}

void
TelemetryReportCheck::push(int, Packet *p)
{
    _packets++;
    const click_ip *iph = p->ip_header();
    const unsigned char *nh = p->network_header();
    int hl = iph ? iph->ip_hl << 2 : 0;
    if (!iph || hl < (int) sizeof(click_ip) || p->network_length() < hl) {
        _bad_ip++;
        output(1).push(p);
        return;
    }

    // header checksum: add the header as 32-bit words, fold to 16 bits;
    // a correct header sums to all ones
    uint64_t acc = 0;
    for (int i = 0; i < hl; i += 4) {
        uint32_t w;
        memcpy(&w, nh + i, 4);
        acc += w;
    }
    acc = (acc & 0xFFFFFFFFULL) + (acc >> 32);
    acc = (acc & 0xFFFFFFFFULL) + (acc >> 32);
    uint32_t s16 = (uint32_t) (acc & 0xFFFF) + (uint32_t) (acc >> 16);
    s16 = (s16 & 0xFFFF) + (s16 >> 16);
    if (s16 != 0xFFFF) {
        _bad_ip++;
        output(1).push(p);
        return;
    }

    if (iph->ip_p != IP_PROTO_UDP || !IP_FIRSTFRAG(iph)
        || p->network_length() < hl + (int) sizeof(click_udp)) {
        output(0).push(p);
        return;
    }
    const click_udp *uh = reinterpret_cast<const click_udp *>(nh + hl);
    if (ntohs(uh->uh_dport) != _port) {
        output(0).push(p);
        return;
    }

    const unsigned char *rep = reinterpret_cast<const unsigned char *>(uh + 1);
    int rlen = p->network_length() - hl - (int) sizeof(click_udp);
    if (rlen < HDR_LEN) {
        _truncated++;
        output(1).push(p);
        return;
    }
    unsigned hops = rep[1];
    if (hops > _max_hops || rlen < HDR_LEN + (int) hops * HOP_LEN) {
        _truncated++;
        output(1).push(p);
        return;
    }
    unsigned covered = HDR_LEN + hops * HOP_LEN;
    uint8_t c = report_check_step(0, rep, 3);
    c = report_check_step(c, rep + 4, covered - 4);
    if (c != rep[3]) {
        _bad_reports++;
        output(1).push(p);
        return;
    }

    _reports++;
    unsigned exporter = rep[0] & 0x0F;
    uint32_t seq = ((uint32_t) rep[4] << 24) | ((uint32_t) rep[5] << 16)
        | ((uint32_t) rep[6] << 8) | rep[7];
    if (_seq_valid[exporter] && seq != _last_seq[exporter] + 1)
        _seq_gaps++;
    _last_seq[exporter] = seq;
    _seq_valid[exporter] = true;

    for (unsigned h = 0; h < hops; ++h)
        account_hop(rep + HDR_LEN + h * HOP_LEN);
    output(0).push(p);
}

enum { h_stats, h_switches };

String
TelemetryReportCheck::read_handler(Element *e, void *thunk)
{
    TelemetryReportCheck *t = static_cast<TelemetryReportCheck *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_stats) {
        sa << "packets " << t->_packets << "\nbad_ip " << t->_bad_ip
           << "\nreports " << t->_reports << "\nbad_reports " << t->_bad_reports
           << "\ntruncated " << t->_truncated << "\nseq_gaps " << t->_seq_gaps
           << "\ntable_full " << t->_table_full << '\n';
    } else {
        for (int i = 0; i < t->_nsw; ++i) {
            const SwitchStats &s = t->_sw[i];
            sa << s.id << " reports " << s.reports << " max_queue " << s.max_queue
               << " avg_latency_us "
               << (s.reports ? s.latency_sum / s.reports : 0) << '\n';
        }
    }
    return sa.take_string();
}

void
TelemetryReportCheck::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("switches", read_handler, h_switches);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TelemetryReportCheck)
