/*
 * entropy_monitor.cc -- EntropyMonitor: six per-interval histograms (four
 * of 256 bins for the source-address bytes, two of 1024 bins for ports,
 * 12 KiB in the element), normalized entropies at interval end from an
 * integer log2 lookup table, and an EWMA baseline with deviation alarms.
 *
 * Training code for Clara's compute model (nf_corpus/measurement): a
 * realistic entropy-based anomaly detector written for the corpus, not an
 * evaluation NF.  Per packet: IP/transport checks, six histogram
 * increments, the interval test; at interval end nested loops over the
 * histograms with a normalizing while loop and a table lookup per bin,
 * signed fixed-point baseline updates, and memsets.
 */
#include <click/config.h>
#include "entropy_monitor.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

/* log2(1 + i/256) in 16.16 fixed point, i = 0..256 */
static const uint32_t log2_frac_q16[257] = {
    0, 369, 736, 1102, 1466, 1829, 2190, 2551, 2909, 3267,
    3623, 3978, 4331, 4683, 5034, 5384, 5732, 6079, 6425, 6769,
    7112, 7454, 7795, 8134, 8473, 8810, 9146, 9480, 9814, 10146,
    10477, 10807, 11136, 11464, 11791, 12116, 12440, 12764, 13086, 13407,
    13727, 14046, 14363, 14680, 14996, 15310, 15624, 15937, 16248, 16559,
    16868, 17177, 17484, 17791, 18096, 18401, 18704, 19007, 19308, 19609,
    19909, 20207, 20505, 20802, 21098, 21393, 21687, 21980, 22272, 22564,
    22854, 23144, 23433, 23720, 24007, 24293, 24579, 24863, 25146, 25429,
    25711, 25992, 26272, 26551, 26830, 27108, 27384, 27660, 27936, 28210,
    28484, 28757, 29029, 29300, 29571, 29840, 30109, 30378, 30645, 30912,
    31178, 31443, 31707, 31971, 32234, 32496, 32758, 33019, 33279, 33538,
    33797, 34055, 34312, 34569, 34825, 35080, 35334, 35588, 35841, 36094,
    36346, 36597, 36847, 37097, 37346, 37595, 37842, 38090, 38336, 38582,
    38827, 39072, 39316, 39559, 39802, 40044, 40286, 40527, 40767, 41006,
    41246, 41484, 41722, 41959, 42196, 42432, 42667, 42902, 43137, 43370,
    43603, 43836, 44068, 44300, 44530, 44761, 44990, 45220, 45448, 45676,
    45904, 46131, 46357, 46583, 46809, 47034, 47258, 47482, 47705, 47928,
    48150, 48372, 48593, 48813, 49034, 49253, 49472, 49691, 49909, 50127,
    50344, 50560, 50776, 50992, 51207, 51422, 51636, 51850, 52063, 52276,
    52488, 52700, 52911, 53122, 53332, 53542, 53751, 53960, 54169, 54377,
    54584, 54791, 54998, 55204, 55410, 55615, 55820, 56025, 56229, 56432,
    56635, 56838, 57040, 57242, 57443, 57644, 57845, 58045, 58245, 58444,
    58643, 58841, 59039, 59237, 59434, 59631, 59827, 60023, 60219, 60414,
    60609, 60803, 60997, 61190, 61384, 61576, 61769, 61961, 62152, 62343,
    62534, 62725, 62915, 63104, 63294, 63483, 63671, 63859, 64047, 64234,
    64421, 64608, 64794, 64980, 65166, 65351, 65536,
};

EntropyMonitor::EntropyMonitor()
    : _ip_packets(0), _port_packets(0), _interval(1), _max_packets(65536),
      _intervals(0), _warmup(8), _deviation(3), _min_delta(50), _alarm_mask(0),
      _flagged(0)
{
    memset(_src_hist, 0, sizeof(_src_hist));
    memset(_sport_hist, 0, sizeof(_sport_hist));
    memset(_dport_hist, 0, sizeof(_dport_hist));
    memset(_history, 0, sizeof(_history));
    for (int f = 0; f < NFEAT; ++f) {
        _mean_q4[f] = _dev_q4[f] = 0;
        _last[f] = 0;
    }
}

EntropyMonitor::~EntropyMonitor()
{
}

int
EntropyMonitor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("INTERVAL", _interval)
        .read("MAX_PACKETS", _max_packets)
        .read("WARMUP", _warmup)
        .read("DEVIATION", _deviation)
        .read("MIN_DELTA", _min_delta)
        .complete() < 0)
        return -1;
    if (_interval < Timestamp::make_msec(10))
        return errh->error("INTERVAL must be at least 10 ms");
    if (_max_packets < 256)
        return errh->error("MAX_PACKETS must be at least 256");
    if (_deviation == 0 || _deviation > 16)
        return errh->error("DEVIATION must be between 1 and 16");
    if (_min_delta > 1000)
        return errh->error("MIN_DELTA is in per mille");
    return 0;
}

/* log2(x) in 16.16 fixed point (x >= 1): normalize x into [256, 512), then
   the table gives the fraction. */
uint32_t
EntropyMonitor::log2_q16(uint32_t x)
{
    int e = 8;
    while (x < 256) {
        x <<= 1;
        --e;
    }
    uint32_t round = 0;
    while (x >= 512) {
        round = x & 1;
        x >>= 1;
        ++e;
    }
    uint32_t i = x - 256 + round;
    return ((uint32_t) e << 16) + log2_frac_q16[i];
}

/* H = log2 N - (1/N) sum c log2 c, as per mille of log2(nbins) = bits. */
uint32_t
EntropyMonitor::entropy_pm(const uint32_t *hist, int nbins, uint32_t total, int bits)
{
    if (total < 2)
        return 0;
    uint64_t s = 0;
    for (int i = 0; i < nbins; ++i) {
        uint32_t c = hist[i];
        if (c > 1)
            s += (uint64_t) c * log2_q16(c);
    }
    uint64_t h = log2_q16(total) - s / total;       // Q16 bits
    uint64_t pm = (h * 1000) / ((uint64_t) bits << 16);
    return pm > 1000 ? 1000 : (uint32_t) pm;
}

void
EntropyMonitor::end_interval(const Timestamp &now)
{
    uint32_t value[NFEAT];
    for (int b = 0; b < 4; ++b)
        value[F_SRC0 + b] = entropy_pm(_src_hist[b], 256, _ip_packets, 8);
    value[F_SPORT] = entropy_pm(_sport_hist, PORT_BINS, _port_packets, 10);
    value[F_DPORT] = entropy_pm(_dport_hist, PORT_BINS, _port_packets, 10);

    uint8_t mask = 0;
    uint16_t *hrow = _history[_intervals % HISTORY];
    for (int f = 0; f < NFEAT; ++f) {
        int32_t x = (int32_t) value[f] << 4;
        if (_intervals == 0) {
            _mean_q4[f] = x;
            _dev_q4[f] = 0;
        } else {
            int32_t diff = x - _mean_q4[f];
            int32_t adiff = diff < 0 ? -diff : diff;
            if (_intervals >= _warmup
                && adiff > (int32_t) _deviation * _dev_q4[f]
                && adiff >= (int32_t) (_min_delta << 4))
                mask |= 1 << f;
            else {
                // anomalous intervals do not move the baseline
                _mean_q4[f] += diff / 8;
                _dev_q4[f] += (adiff - _dev_q4[f]) / 8;
            }
        }
        _last[f] = value[f];
        hrow[f] = value[f];
    }

    if (mask) {
        if (_alarms.size() >= MAX_ALARMS)
            _alarms.pop_front();
        Alarm a;
        a.interval = _intervals;
        a.mask = mask;
        for (int f = 0; f < NFEAT; ++f)
            a.value[f] = value[f];
        _alarms.push_back(a);
    }
    _alarm_mask = mask;
    _intervals++;

    memset(_src_hist, 0, sizeof(_src_hist));
    memset(_sport_hist, 0, sizeof(_sport_hist));
    memset(_dport_hist, 0, sizeof(_dport_hist));
    _ip_packets = _port_packets = 0;
    _start = now;
}

void
EntropyMonitor::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || p->network_length() < (int) sizeof(click_ip)) {
        output(0).push(p);
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if (!_start)
        _start = now;
    else if (now - _start >= _interval || _ip_packets >= _max_packets)
        end_interval(now);

    const uint8_t *src = reinterpret_cast<const uint8_t *>(&iph->ip_src);
    _src_hist[0][src[0]]++;
    _src_hist[1][src[1]]++;
    _src_hist[2][src[2]]++;
    _src_hist[3][src[3]]++;
    _ip_packets++;

    if (IP_FIRSTFRAG(iph)) {
        const click_udp *uh = p->udp_header();    // ports sit alike in TCP and UDP
        if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
            && p->transport_length() >= 4) {
            _sport_hist[port_bin(ntohs(uh->uh_sport))]++;
            _dport_hist[port_bin(ntohs(uh->uh_dport))]++;
            _port_packets++;
        }
    }

    if (_alarm_mask) {
        _flagged++;
        p->set_paint_anno(_alarm_mask);
        checked_output_push(1, p);
        return;
    }
    output(0).push(p);
}

enum { h_entropy, h_history, h_alarms };

static const char * const feature_names[] = {
    "src0", "src1", "src2", "src3", "sport", "dport"
};

String
EntropyMonitor::read_handler(Element *e, void *thunk)
{
    EntropyMonitor *m = static_cast<EntropyMonitor *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_entropy:
        for (int f = 0; f < NFEAT; ++f)
            sa << feature_names[f] << ' ' << m->_last[f] << ' '
               << (m->_mean_q4[f] >> 4) << ' ' << (m->_dev_q4[f] >> 4)
               << ((m->_alarm_mask >> f) & 1 ? " anomalous\n" : "\n");
        break;
    case h_history: {
        uint32_t n = m->_intervals < HISTORY ? m->_intervals : HISTORY;
        for (uint32_t i = m->_intervals - n; i < m->_intervals; ++i) {
            const uint16_t *row = m->_history[i % HISTORY];
            sa << i;
            for (int f = 0; f < NFEAT; ++f)
                sa << ' ' << row[f];
            sa << '\n';
        }
        break;
    }
    case h_alarms:
        for (int i = 0; i < m->_alarms.size(); ++i)
            sa << m->_alarms[i].interval << ' ' << (int) m->_alarms[i].mask << '\n';
        break;
    }
    return sa.take_string();
}

void
EntropyMonitor::add_handlers()
{
    add_read_handler("entropy", read_handler, h_entropy);
    add_read_handler("history", read_handler, h_history);
    add_read_handler("alarms", read_handler, h_alarms);
    add_data_handlers("flagged", Handler::f_read, &_flagged);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EntropyMonitor)
