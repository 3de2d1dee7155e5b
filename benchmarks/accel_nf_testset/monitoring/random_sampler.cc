/*
 * random_sampler.cc -- RandomSampler: 1-in-N packet sampling, by a
 * per-packet uniform draw or by random skip counts.
 */
#include <click/config.h>
#include "random_sampler.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/confparse.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

RandomSampler::RandomSampler()
    : _n(256), _mode(M_INDEPENDENT), _seed(0), _min_length(0), _state(1), _reg(1),
      _cut(0), _skip(1), _since(0), _sampled(0), _skipped(0)
{
}

RandomSampler::~RandomSampler()
{
}

void
RandomSampler::set_rate(uint32_t n)
{
    _n = n;
    _cut = (uint32_t) (4294967296.0 / n);
    if (n == 1)
        _cut = 0xFFFFFFFFU;
}

int
RandomSampler::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String mode = "independent";
    uint32_t n = 256;
    if (Args(conf, this, errh)
        .read_mp("N", n)
        .read_p("MODE", mode)
        .read("SEED", _seed)
        .read("MIN_LENGTH", _min_length)
        .complete() < 0)
        return -1;
    if (n < 1)
        return errh->error("N must be positive");
    if (mode == "independent")
        _mode = M_INDEPENDENT;
    else if (mode == "skip")
        _mode = M_SKIP;
    else
        return errh->error("MODE must be \"independent\" or \"skip\"");
    set_rate(n);
    return 0;
}

int
RandomSampler::initialize(ErrorHandler *)
{
    uint64_t s = _seed;
    if (s == 0)
        s = ((uint64_t) click_random() << 32) | click_random();
    _state = s ? s : 0x9E3779B97F4A7C15ULL;
    _reg = (uint32_t) (_state >> 17) | 1;
    draw_skip();
    return 0;
}

/* nbits fresh bits from the Galois register (x^32 + x^22 + x^2 + x + 1). */
uint32_t
RandomSampler::register_bits(int nbits)
{
    uint32_t out = 0;
    for (int i = 0; i < nbits; ++i) {
        uint32_t lsb = _reg & 1;
        _reg >>= 1;
        if (lsb)
            _reg ^= 0x80200003U;
        out = (out << 1) | lsb;
    }
    return out;
}

void
RandomSampler::draw_skip()
{
    uint32_t span = 2 * _n - 1;
    uint32_t r = span > 0xFFFF ? register_bits(31) : register_bits(16);
    _skip = 1 + r % span;
}

void
RandomSampler::push(int, Packet *p)
{
    _since++;
    bool take = false;
    if (p->length() >= _min_length) {
        if (_mode == M_INDEPENDENT)
            take = (uint32_t) (next() >> 32) < _cut || _cut == 0xFFFFFFFFU;
        else if (--_skip == 0) {
            take = true;
            draw_skip();
        }
    }

    if (take) {
        _sampled++;
        SET_EXTRA_PACKETS_ANNO(p, _since);
        _since = 0;
        output(0).push(p);
    } else {
        _skipped++;
        checked_output_push(1, p);
    }
}

String
RandomSampler::read_n(Element *e, void *)
{
    RandomSampler *r = static_cast<RandomSampler *>(e);
    return String(r->_n);
}

int
RandomSampler::write_n(const String &s, Element *e, void *, ErrorHandler *errh)
{
    RandomSampler *r = static_cast<RandomSampler *>(e);
    unsigned n;
    if (!cp_integer(s, &n) || n < 1)
        return errh->error("N must be a positive integer");
    r->set_rate(n);
    if (r->_skip > 2 * n - 1)
        r->draw_skip();
    return 0;
}

void
RandomSampler::add_handlers()
{
    add_data_handlers("sampled", Handler::f_read, &_sampled);
    add_data_handlers("skipped", Handler::f_read, &_skipped);
    add_read_handler("n", read_n, 0);
    add_write_handler("n", write_n, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(RandomSampler)
