/*
 * power_of_two_choices.cc -- PowerOfTwoChoices: two candidate backends per
 * packet (click_random or two multiply-xorshift hashes of the flow), an
 * outstanding-packet count drained by time or by completion feedback, an
 * EWMA of it in 8-bit fixed point, and statistics in Vectors.
 *
 * Training code for Clara's compute model (nf_corpus/balancing): a
 * realistic two-choice balancer written for the corpus, not an evaluation
 * NF.  Per packet: header checks and two hashes (or two random draws),
 * 64-bit time arithmetic with clamping and a division per candidate,
 * signed EWMA updates with a shift, a three-way comparison with tie
 * breaking, a count-leading-zeros histogram bucket, Vector<struct>
 * counter updates and annotations; on input 1, completion accounting.
 */
#include <click/config.h>
#include "power_of_two_choices.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

PowerOfTwoChoices::PowerOfTwoChoices()
    : _n(0), _shift(3), _limit(0), _hash_choice(false), _feedback(false),
      _tie_flip(false), _shed(0), _completions(0), _unhashable(0)
{
    memset(_outstanding, 0, sizeof(_outstanding));
    memset(_ewma, 0, sizeof(_ewma));
    memset(_rate, 0, sizeof(_rate));
    memset(_drained_to, 0, sizeof(_drained_to));
}

PowerOfTwoChoices::~PowerOfTwoChoices()
{
}

int
PowerOfTwoChoices::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String choice = "RANDOM";
    Vector<unsigned> rates;
    if (Args(conf, this, errh)
        .read_mp("BACKENDS", _n)
        .read("CHOICE", choice)
        .read("SHIFT", _shift)
        .read_all("RATE", rates)
        .read("FEEDBACK", _feedback)
        .read("LIMIT", _limit)
        .complete() < 0)
        return -1;
    if (_n < 2 || _n > MAX_BACKENDS)
        return errh->error("BACKENDS must be between 2 and %d", (int) MAX_BACKENDS);
    if (_shift < 0 || _shift > 10)
        return errh->error("SHIFT must be between 0 and 10");
    if (rates.size() > _n)
        return errh->error("more RATEs than BACKENDS");
    if (choice == "RANDOM")
        _hash_choice = false;
    else if (choice == "HASH")
        _hash_choice = true;
    else
        return errh->error("CHOICE must be RANDOM or HASH");
    for (int i = 0; i < _n; ++i) {
        _rate[i] = (i < rates.size() ? rates[i] : 100);
        if (_rate[i] == 0 || _rate[i] > 1000000)
            return errh->error("RATE %d must be between 1 and 1000000 packets/ms", i);
    }
    if (_limit > (1U << (31 - FRAC)))
        return errh->error("LIMIT too large");
    return 0;
}

int
PowerOfTwoChoices::initialize(ErrorHandler *)
{
    _stats.resize(_n, ChoiceStats());
    _gap_hist.resize(GAP_BUCKETS, 0);
    int64_t now = Timestamp::now().nsecval();
    for (int i = 0; i < _n; ++i)
        _drained_to[i] = now;
    return 0;
}

/* Two distinct candidates from two independent hashes of the flow. */
bool
PowerOfTwoChoices::candidates_from_flow(Packet *p, int &a, int &b) const
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip))
        return false;
    const click_ip *iph = p->ip_header();
    if (iph->ip_v != 4)
        return false;
    uint32_t src = iph->ip_src.s_addr, dst = iph->ip_dst.s_addr;
    uint32_t ports = 0;
    if (IP_FIRSTFRAG(iph) && p->transport_length() >= 4
        && (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP))
        memcpy(&ports, p->transport_header(), 4);
    uint32_t k = src ^ ((dst << 13) | (dst >> 19)) ^ (ports * 0x9E3779B1U) ^ iph->ip_p;
    uint32_t h1 = mulxs(k, 0x85EBCA6BU);
    uint32_t h2 = mulxs(k ^ 0xA5A5A5A5U, 0xC2B2AE35U);
    a = (int) (h1 % (uint32_t) _n);
    b = (int) (h2 % (uint32_t) (_n - 1));
    if (b >= a)
        b++;
    return true;
}

void
PowerOfTwoChoices::candidates_random(int &a, int &b) const
{
    a = (int) click_random(0, _n - 1);
    b = (int) click_random(0, _n - 2);
    if (b >= a)
        b++;
}

/* Drain backend i up to now (unless feedback-driven) and move its EWMA
   one step toward the outstanding count. */
void
PowerOfTwoChoices::refresh(int i, int64_t now_ns)
{
    if (!_feedback) {
        if (_outstanding[i] == 0)
            _drained_to[i] = now_ns;        // an idle backend banks no credit
        int64_t dt = now_ns - _drained_to[i];
        if (dt < 0) {
            _drained_to[i] = now_ns;        // clock stepped back
            dt = 0;
        } else if (dt > 1000000000) {
            dt = 1000000000;                // keep dt * rate well inside 64 bits
            _drained_to[i] = now_ns - dt;
        }
        uint64_t drained = (uint64_t) dt * _rate[i] / 1000000;
        if (drained) {
            if (drained >= _outstanding[i]) {
                _outstanding[i] = 0;
                _drained_to[i] = now_ns;
            } else {
                _outstanding[i] -= (uint32_t) drained;
                _drained_to[i] += (int64_t) (drained * 1000000 / _rate[i]);
            }
        }
    }
    int32_t target = (int32_t) (_outstanding[i] << FRAC);
    int32_t cur = (int32_t) _ewma[i];
    _ewma[i] = (uint32_t) (cur + ((target - cur) >> _shift));
}

void
PowerOfTwoChoices::note_gap(uint32_t ea, uint32_t eb)
{
    uint32_t gap = (ea > eb ? ea - eb : eb - ea) >> (FRAC / 2);
    int bucket = (gap == 0 ? 0 : 32 - __builtin_clz(gap));
    if (bucket >= GAP_BUCKETS)
        bucket = GAP_BUCKETS - 1;
    _gap_hist[bucket]++;
}

void
PowerOfTwoChoices::push(int port, Packet *p)
{
    if (port == 1) {
        // completion notice from a backend
        int b = p->paint_anno();
        if (b < _n && _outstanding[b] > 0)
            _outstanding[b]--;
        _completions++;
        p->kill();
        return;
    }

    int a, b;
    if (!_hash_choice)
        candidates_random(a, b);
    else if (!candidates_from_flow(p, a, b)) {
        _unhashable++;
        candidates_random(a, b);
    }

    Timestamp ts = p->timestamp_anno();
    int64_t now = ts ? ts.nsecval() : Timestamp::recent().nsecval();
    refresh(a, now);
    refresh(b, now);
    _stats[a].offered++;
    _stats[b].offered++;

    uint32_t ea = _ewma[a], eb = _ewma[b];
    note_gap(ea, eb);
    int w;
    if (ea < eb) {
        w = a;
        _stats[a].wins++;
    } else if (eb < ea) {
        w = b;
        _stats[b].wins++;
    } else {
        if (_outstanding[a] != _outstanding[b])
            w = (_outstanding[a] < _outstanding[b] ? a : b);
        else {
            w = (_tie_flip ? b : a);
            _tie_flip = !_tie_flip;
        }
        _stats[w].ties++;
    }

    if (_limit && _outstanding[w] >= _limit) {
        _shed++;
        p->kill();
        return;
    }

    uint32_t depth = ++_outstanding[w];
    ChoiceStats &st = _stats[w];
    st.picks++;
    st.bytes += p->length();
    if (depth > st.peak_depth)
        st.peak_depth = depth;

    SET_AGGREGATE_ANNO(p, _ewma[w] >> FRAC);
    p->set_paint_anno((uint8_t) w);
    output(w % noutputs()).push(p);
}

enum { h_backends, h_gaps, h_stats };

String
PowerOfTwoChoices::read_handler(Element *e, void *thunk)
{
    PowerOfTwoChoices *c = static_cast<PowerOfTwoChoices *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_backends:
        for (int i = 0; i < c->_stats.size(); ++i) {
            const ChoiceStats &st = c->_stats[i];
            sa << i << " depth " << c->_outstanding[i] << " ewma "
               << (c->_ewma[i] >> FRAC) << " picks " << st.picks << " bytes " << st.bytes
               << " offered " << st.offered << " wins " << st.wins << " ties "
               << st.ties << " peak " << st.peak_depth << '\n';
        }
        break;
    case h_gaps:
        for (int i = 0; i < c->_gap_hist.size(); ++i)
            if (c->_gap_hist[i])
                sa << '<' << (i ? (1U << i) : 1U) << ' ' << c->_gap_hist[i] << '\n';
        break;
    case h_stats:
        sa << "shed " << c->_shed << "\ncompletions " << c->_completions
           << "\nunhashable " << c->_unhashable << '\n';
        break;
    }
    return sa.take_string();
}

void
PowerOfTwoChoices::add_handlers()
{
    add_read_handler("backends", read_handler, h_backends);
    add_read_handler("gaps", read_handler, h_gaps);
    add_read_handler("stats", read_handler, h_stats);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PowerOfTwoChoices)
