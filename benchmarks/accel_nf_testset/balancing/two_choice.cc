/*
 * two_choice.cc -- TwoChoice: power-of-two-choices request balancing.
 */
#include <click/config.h>
#include "two_choice.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

TwoChoice::TwoChoice()
    : _state(2463534242U), _n(0), _last_leak(0), _leak_j(100 * CLICK_HZ / 1000), _stray(0)
{
    memset(_inflight, 0, sizeof(_inflight));
    memset(_smooth, 0, sizeof(_smooth));
    memset(_sent, 0, sizeof(_sent));
    memset(_answers, 0, sizeof(_answers));
}

TwoChoice::~TwoChoice()
{
}

int
TwoChoice::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t seed = 0;
    unsigned leak_ms = 100;
    if (Args(conf, this, errh)
        .read_p("SEED", seed)
        .read("LEAK_MS", leak_ms)
        .complete() < 0)
        return -1;
    if (seed)
        _state = seed;
    if (leak_ms == 0)
        return errh->error("LEAK_MS must be positive");
    _leak_j = leak_ms * CLICK_HZ / 1000;
    if (_leak_j == 0)
        _leak_j = 1;
    return 0;
}

int
TwoChoice::initialize(ErrorHandler *errh)
{
    _n = noutputs() - 1;
    if (_n > MAX_SERVERS)
        return errh->error("at most %d servers", (int) MAX_SERVERS);
    _last_leak = click_jiffies();
    return 0;
}

void
TwoChoice::leak(click_jiffies_t now)
{
    if (now - _last_leak < _leak_j)
        return;
    _last_leak = now;
    for (int i = 0; i < _n; ++i) {
        _inflight[i] -= _inflight[i] >> 2;
        // smoothed = 7/8 smoothed + 1/8 current, 8 fractional bits
        _smooth[i] = _smooth[i] - (_smooth[i] >> 3) + ((_inflight[i] << 8) >> 3);
    }
}

void
TwoChoice::push(int port, Packet *p)
{
    if (port == 1) {
        unsigned s = p->paint_anno();
        if (s < (unsigned) _n) {
            if (_inflight[s])
                _inflight[s]--;
            _answers[s]++;
        } else
            _stray++;
        output(_n).push(p);
        return;
    }

    leak(click_jiffies());
    int pick;
    if (_n == 1)
        pick = 0;
    else {
        uint32_t r = next_random();
        int a = (int) (r % (uint32_t) _n);
        int b = (int) ((r >> 16) % (uint32_t) (_n - 1));
        if (b >= a)
            b++;                    // two distinct servers
        pick = _inflight[b] < _inflight[a] ? b : a;
    }
    _inflight[pick]++;
    _sent[pick]++;
    p->set_paint_anno((uint8_t) pick);
    output(pick).push(p);
}

String
TwoChoice::read_load(Element *e, void *)
{
    TwoChoice *tc = static_cast<TwoChoice *>(e);
    StringAccum sa;
    for (int i = 0; i < tc->_n; ++i)
        sa << i << " inflight " << tc->_inflight[i] << " smooth "
           << (tc->_smooth[i] >> 8) << " sent " << tc->_sent[i]
           << " answers " << tc->_answers[i] << '\n';
    sa << "stray " << tc->_stray << '\n';
    return sa.take_string();
}

void
TwoChoice::add_handlers()
{
    add_read_handler("load", read_load, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TwoChoice)
