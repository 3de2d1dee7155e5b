/*
 * hyperloglog_sources.cc -- HyperLogLogSources: per destination prefix, a
 * HyperLogLog sketch of uint8_t registers (256 slots x up to 256 registers,
 * 64 KiB in the element) located through a HashMap<uint32_t, uint16_t>.
 *
 * Training code for Clara's compute model (nf_corpus/measurement): a
 * realistic distinct-source estimator written for the corpus, not an
 * evaluation NF.  Per packet: a prefix mask, a HashMap lookup (insert and
 * lazy sketch reset for new prefixes), a 32-bit hash, a leading-zero count
 * loop, a register max update and, when a register grew, a loop over all
 * registers summing weights from a powers-of-two table into a harmonic mean.
 */
#include <click/config.h>
#include "hyperloglog_sources.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

HyperLogLogSources::HyperLogLogSources()
    : _mask(0), _threshold(1000), _seed(0x5BD1E995U), _epoch(1), _alpha_q16(46465),
      _interval(10), _precision(6), _prefix_len(24), _color(3),
      _alarms(0), _untracked(0), _recomputes(0)
{
    memset(_regs, 0, sizeof(_regs));
    memset(_state, 0, sizeof(_state));
    for (int r = 0; r < 40; ++r)
        _pow2neg[r] = r <= 32 ? (uint64_t) 1 << (32 - r) : 0;
}

HyperLogLogSources::~HyperLogLogSources()
{
}

int
HyperLogLogSources::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned prefix_len = 24, precision = 6, color = 3;
    if (Args(conf, this, errh)
        .read_p("PREFIX_LEN", prefix_len)
        .read_p("PRECISION", precision)
        .read("THRESHOLD", _threshold)
        .read("INTERVAL", _interval)
        .read("SEED", _seed)
        .read("COLOR", color)
        .complete() < 0)
        return -1;
    if (prefix_len < 8 || prefix_len > 32)
        return errh->error("PREFIX_LEN must be between 8 and 32");
    if (precision < 4 || precision > MAX_PRECISION)
        return errh->error("PRECISION must be between 4 and %d", (int) MAX_PRECISION);
    if (_threshold == 0)
        return errh->error("THRESHOLD must be positive");
    if (_interval < Timestamp(1))
        return errh->error("INTERVAL must be at least 1 s");
    if (color > 255)
        return errh->error("COLOR must be a byte");
    _prefix_len = prefix_len;
    _precision = precision;
    _color = color;
    _mask = htonl(prefix_len == 32 ? 0xFFFFFFFFU : ~(0xFFFFFFFFU >> prefix_len));
    switch (precision) {
    case 4: _alpha_q16 = 44106; break;      // 0.673
    case 5: _alpha_q16 = 45679; break;      // 0.697
    case 6: _alpha_q16 = 46465; break;      // 0.709
    case 7: _alpha_q16 = 46876; break;      // 0.7213 / (1 + 1.079/128)
    default: _alpha_q16 = 47072; break;     // 0.7213 / (1 + 1.079/256)
    }
    return 0;
}

/* log2(x) in 16.16 fixed point, by repeated squaring of the mantissa. */
uint32_t
HyperLogLogSources::log2_q16(uint32_t x)
{
    if (x == 0)
        return 0;
    int e = 31 - __builtin_clz(x);
    uint64_t y = ((uint64_t) x << 30) >> e;     // mantissa in [1, 2), Q30
    uint32_t r = (uint32_t) e << 16;
    for (int i = 15; i >= 0; --i) {
        y = (y * y) >> 30;
        if (y >= ((uint64_t) 2 << 30)) {
            y >>= 1;
            r |= 1U << i;
        }
    }
    return r;
}

int
HyperLogLogSources::initialize(ErrorHandler *)
{
    // linear counting: E = m ln(m / z) = m ln2 (log2 m - log2 z)
    uint32_t m = 1U << _precision;
    uint32_t lm = log2_q16(m);
    _linear[0] = 0;
    for (uint32_t z = 1; z <= m; ++z) {
        uint64_t d = lm - log2_q16(z);
        _linear[z] = (uint32_t) ((m * 45426ULL * d + (1ULL << 31)) >> 32);  // ln2 = 45426/2^16
    }
    _free_slots.clear();
    for (int s = MAX_SLOTS - 1; s >= 0; --s)
        _free_slots.push_back((uint16_t) s);
    return 0;
}

uint32_t
HyperLogLogSources::estimate(int slot)
{
    const uint8_t *reg = _regs[slot];
    uint32_t m = 1U << _precision;
    uint64_t sum = 0;
    uint32_t zeros = 0;
    uint8_t maxr = 0;
    for (uint32_t j = 0; j < m; ++j) {
        uint8_t r = reg[j];
        sum += _pow2neg[r];
        if (r == 0)
            zeros++;
        if (r > maxr)
            maxr = r;
    }
    _recomputes++;
    PrefixState &st = _state[slot];
    st.zeros = zeros;
    st.max_rank = maxr;
    // harmonic mean: alpha m^2 / sum(2^-r), sum kept in Q32
    uint64_t e = (((uint64_t) _alpha_q16 * m * m) << 16) / sum;
    if (e <= (uint64_t) (5 * m / 2) && zeros)
        e = _linear[zeros];
    return e > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (uint32_t) e;
}

int
HyperLogLogSources::find_slot(uint32_t prefix)
{
    uint16_t *sp = _slot_of.findp(prefix);
    int slot;
    if (sp)
        slot = *sp;
    else {
        if (_free_slots.empty())
            return -1;
        slot = _free_slots.back();
        _free_slots.pop_back();
        _slot_of.insert(prefix, (uint16_t) slot);
        _state[slot].prefix = prefix;
        _state[slot].epoch = 0;         // forces the reset below
    }
    PrefixState &st = _state[slot];
    if (st.epoch != _epoch) {
        // first packet of this prefix in the epoch: restart its sketch
        memset(_regs[slot], 0, 1U << _precision);
        st.epoch = _epoch;
        st.estimate = 0;
        st.packets = 0;
        st.zeros = 1U << _precision;
        st.alarmed = 0;
        st.max_rank = 0;
    }
    return slot;
}

void
HyperLogLogSources::new_epoch(const Timestamp &now)
{
    // forget prefixes that stayed silent through the epoch that just ended
    _stale.clear();
    for (HashMap<uint32_t, uint16_t>::iterator it = _slot_of.begin(); it.live(); ++it)
        if (_state[it.value()].epoch != _epoch)
            _stale.push_back(it.key());
    for (int i = 0; i < _stale.size(); ++i) {
        uint16_t slot = _slot_of.find(_stale[i]);
        _slot_of.erase(_stale[i]);
        _free_slots.push_back(slot);
    }
    _epoch++;
    _epoch_start = now;
}

void
HyperLogLogSources::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || p->network_length() < (int) sizeof(click_ip)) {
        output(0).push(p);
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if (!_epoch_start)
        _epoch_start = now;
    else if (now - _epoch_start >= _interval)
        new_epoch(now);

    int slot = find_slot(iph->ip_dst.s_addr & _mask);
    if (slot < 0) {
        _untracked++;
        output(0).push(p);
        return;
    }
    PrefixState &st = _state[slot];
    st.packets++;

    // register index from the top PRECISION bits, rank from the rest
    uint32_t h = fmix32(ntohl(iph->ip_src.s_addr) ^ _seed);
    uint32_t idx = h >> (32 - _precision);
    uint32_t w = h << _precision;
    uint8_t limit = 32 - _precision + 1;
    uint8_t rank = 1;
    while (rank < limit && !(w & 0x80000000U)) {
        w <<= 1;
        rank++;
    }
    uint8_t &reg = _regs[slot][idx];
    if (rank > reg) {
        reg = rank;
        st.estimate = estimate(slot);
    }

    SET_AGGREGATE_ANNO(p, st.estimate);
    if (st.estimate >= _threshold) {
        if (!st.alarmed) {
            st.alarmed = 1;
            _alarms++;
        }
        p->set_paint_anno(_color);
        checked_output_push(1, p);
        return;
    }
    output(0).push(p);
}

enum { h_estimates, h_prefixes, h_alarms, h_untracked };

String
HyperLogLogSources::read_handler(Element *e, void *thunk)
{
    HyperLogLogSources *h = static_cast<HyperLogLogSources *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_estimates:
        for (HashMap<uint32_t, uint16_t>::iterator it = h->_slot_of.begin(); it.live(); ++it) {
            const PrefixState &st = h->_state[it.value()];
            if (st.epoch != h->_epoch)
                continue;
            sa << IPAddress(it.key()) << '/' << (int) h->_prefix_len << ' '
               << st.estimate << ' ' << st.packets << (st.alarmed ? " alarm\n" : "\n");
        }
        break;
    case h_prefixes:
        sa << (unsigned long) h->_slot_of.size();
        break;
    case h_alarms:
        sa << h->_alarms;
        break;
    case h_untracked:
        sa << h->_untracked;
        break;
    }
    return sa.take_string();
}

void
HyperLogLogSources::add_handlers()
{
    add_read_handler("estimates", read_handler, h_estimates);
    add_read_handler("prefixes", read_handler, h_prefixes);
    add_read_handler("alarms", read_handler, h_alarms);
    add_read_handler("untracked", read_handler, h_untracked);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HyperLogLogSources)
