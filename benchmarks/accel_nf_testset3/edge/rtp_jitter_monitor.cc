/*
 * rtp_jitter_monitor.{cc,hh} -- passive RTP receiver statistics (RFC 3550)
 */
#include <click/config.h>
#include "rtp_jitter_monitor.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

RtpJitterMonitor::RtpJitterMonitor()
    : _streams(0), _nstreams(64), _clock_rate(90000), _sample(1000), _max_jitter_ms(30),
      _rng(0x2545F491), _packets(0), _table_full(0), _sampled(0)
{
}

RtpJitterMonitor::~RtpJitterMonitor()
{
    delete[] _streams;
}

int
RtpJitterMonitor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("CLOCK_RATE", _clock_rate)
        .read("MAX_STREAMS", _nstreams)
        .read("SAMPLE", _sample)
        .read("MAX_JITTER_MS", _max_jitter_ms)
        .complete() < 0)
        return -1;
    if (_clock_rate == 0 || _nstreams == 0 || _nstreams > 65536)
        return errh->error("bad CLOCK_RATE or MAX_STREAMS");
    delete[] _streams;
    _streams = new Stream[_nstreams];
    memset(_streams, 0, sizeof(Stream) * _nstreams);
    _rng ^= (uint32_t) click_random();
    if (_rng == 0)
        _rng = 1;
    return 0;
}

/* xorshift32 (Marsaglia): cheap sampling decisions, not for anything else */
uint32_t
RtpJitterMonitor::next_random()
{
    uint32_t x = _rng;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return _rng = x;
}

unsigned
RtpJitterMonitor::count_ones(uint64_t x)
{
    unsigned n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}

RtpJitterMonitor::Stream *
RtpJitterMonitor::find_stream(uint32_t ssrc)
{
    Stream *free_slot = 0;
    for (unsigned i = 0; i < _nstreams; i++) {
        if (_streams[i].used && _streams[i].ssrc == ssrc)
            return &_streams[i];
        if (!_streams[i].used && !free_slot)
            free_slot = &_streams[i];
    }
    if (free_slot) {
        memset(free_slot, 0, sizeof(*free_slot));
        free_slot->used = true;
        free_slot->ssrc = ssrc;
        free_slot->probation = MIN_SEQUENTIAL;
        free_slot->bad_seq = 0x10001;
    }
    return free_slot;
}

/* RFC 3550 appendix A.1 */
bool
RtpJitterMonitor::update_seq(Stream &s, uint16_t seq)
{
    uint16_t udelta = seq - s.max_seq;
    if (s.probation) {
        if (s.received && seq == (uint16_t) (s.max_seq + 1)) {
            s.probation--;
            s.max_seq = seq;
            if (s.probation == 0) {
                s.base_seq = seq;
                s.received = 0;
                s.recent = 0;
                return true;
            }
        } else {
            s.probation = MIN_SEQUENTIAL - 1;
            s.max_seq = seq;
        }
        s.received++;
        return false;
    }
    if (udelta < MAX_DROPOUT) {
        if (seq < s.max_seq)
            s.cycles += 1 << 16;
        s.recent = udelta >= 64 ? 1 : (s.recent << udelta) | 1;
        s.max_seq = seq;
    } else if (udelta <= 65536 - MAX_MISORDER) {
        if (seq == s.bad_seq) {             /* two in a row: the source restarted */
            s.max_seq = seq;
            s.cycles = 0;
            s.base_seq = seq;
            s.received = 0;
            s.recent = 1;
        } else {
            s.bad_seq = (seq + 1) & 0xFFFF;
            return false;
        }
    } else {                                /* reordered or duplicate */
        uint16_t back = s.max_seq - seq;
        if (back < 64)
            s.recent |= (uint64_t) 1 << back;
    }
    s.received++;
    return true;
}

void
RtpJitterMonitor::push(int, Packet *p)
{
    _packets++;
    const click_ip *iph = p->ip_header();
    const uint8_t *rtp = iph ? reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2) + 8 : 0;
    if (!rtp || iph->ip_p != IP_PROTO_UDP || rtp + 12 > p->end_data() || (rtp[0] >> 6) != 2) {
        output(0).push(p);
        return;
    }
    uint16_t seq = (rtp[2] << 8) | rtp[3];
    uint32_t ts = ((uint32_t) rtp[4] << 24) | (rtp[5] << 16) | (rtp[6] << 8) | rtp[7];
    uint32_t ssrc = ((uint32_t) rtp[8] << 24) | (rtp[9] << 16) | (rtp[10] << 8) | rtp[11];

    Stream *s = find_stream(ssrc);
    if (!s) {
        _table_full++;
        output(0).push(p);
        return;
    }
    if (update_seq(*s, seq)) {
        /* RFC 3550 A.8: arrival time in RTP clock units */
        int64_t ns = p->timestamp_anno().nsecval();
        if (!ns)
            ns = Timestamp::recent().nsecval();
        uint32_t arrival = (uint32_t) ((uint64_t) ns / 1000 * _clock_rate / 1000000);
        int32_t transit = (int32_t) (arrival - ts);
        if (s->last_transit) {
            int32_t d = transit - s->last_transit;
            if (d < 0)
                d = -d;
            s->jitter += d - ((s->jitter + 8) >> 4);
        }
        s->last_transit = transit;
    }
    uint32_t jitter = s->jitter >> 4;
    SET_AGGREGATE_ANNO(p, jitter);

    bool deep = jitter * 1000 > _max_jitter_ms * _clock_rate
        || (_sample && next_random() % _sample == 0);
    if (deep && noutputs() > 1) {
        if (Packet *c = p->clone()) {
            _sampled++;
            output(1).push(c);
        }
    }
    output(0).push(p);
}

String
RtpJitterMonitor::read_loss(Element *e, void *)
{
    RtpJitterMonitor *m = static_cast<RtpJitterMonitor *>(e);
    StringAccum sa;
    for (unsigned i = 0; i < m->_nstreams; i++) {
        const Stream &s = m->_streams[i];
        if (!s.used || s.probation)
            continue;
        uint32_t expected = s.cycles + s.max_seq - s.base_seq + 1;
        int32_t lost = (int32_t) (expected - s.received);
        unsigned window = s.recent ? count_ones(s.recent) : 0;
        sa << s.ssrc << ' ' << expected << ' ' << lost << ' ' << window << "/64 "
           << (s.jitter >> 4) << '\n';
    }
    return sa.take_string();
}

void
RtpJitterMonitor::add_handlers()
{
    add_read_handler("streams", read_loss, 0);
    add_data_handlers("packets", Handler::f_read, &_packets);
    add_data_handlers("table_full", Handler::f_read, &_table_full);
    add_data_handlers("sampled", Handler::f_read, &_sampled);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(RtpJitterMonitor)
