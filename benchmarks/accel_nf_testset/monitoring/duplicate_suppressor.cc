/*
 * duplicate_suppressor.cc -- DuplicateSuppressor: two-generation Bloom
 * filter over the invariant part of each IPv4 packet.
 */
#include <click/config.h>
#include "duplicate_suppressor.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

DuplicateSuppressor::DuplicateSuppressor()
    : _cur(0), _bits_log2(20), _bit_mask(0), _probes(4), _prefix(32),
      _rotate_ms(500), _rotate_count(0), _inserted(0),
      _seen(0), _dups(0), _rotations(0), _short(0)
{
}

DuplicateSuppressor::~DuplicateSuppressor()
{
}

int
DuplicateSuppressor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    _rotate_count = 0;
    if (Args(conf, this, errh)
        .read_p("BITS_LOG2", _bits_log2)
        .read_p("PROBES", _probes)
        .read("PREFIX", _prefix)
        .read("ROTATE_MS", _rotate_ms)
        .read("ROTATE_COUNT", _rotate_count)
        .complete() < 0)
        return -1;
    if (_bits_log2 < 16 || _bits_log2 > 24)
        return errh->error("BITS_LOG2 must be between 16 and 24");
    if (_probes < 1 || _probes > 8)
        return errh->error("PROBES must be between 1 and 8");
    if (_prefix > 128)
        return errh->error("PREFIX must be at most 128");
    _bit_mask = (1U << _bits_log2) - 1;
    if (_rotate_count == 0)
        _rotate_count = 1U << (_bits_log2 - 3);
    return 0;
}

int
DuplicateSuppressor::initialize(ErrorHandler *)
{
    int words = 1 << (_bits_log2 - 6);
    _gen[0].resize(words, 0);
    _gen[1].resize(words, 0);
    _last_rotate = Timestamp::recent();
    return 0;
}

void
DuplicateSuppressor::rotate(const Timestamp &now)
{
    _cur ^= 1;
    Vector<uint64_t> &g = _gen[_cur];
    for (int i = 0; i < g.size(); ++i)
        g[i] = 0;
    _inserted = 0;
    _last_rotate = now;
    _rotations++;
}

bool
DuplicateSuppressor::test_bits(const Vector<uint64_t> &g, uint32_t h1, uint32_t h2) const
{
    for (unsigned i = 0; i < _probes; ++i) {
        uint32_t bit = (h1 + i * h2) & _bit_mask;
        if (!(g[bit >> 6] & (1ULL << (bit & 63))))
            return false;
    }
    return true;
}

void
DuplicateSuppressor::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || p->network_length() < (int) sizeof(click_ip)) {
        _short++;
        output(0).push(p);
        return;
    }

    Timestamp now = Timestamp::recent();
    if (_inserted >= _rotate_count
        || (now - _last_rotate).msecval() >= (int64_t) _rotate_ms)
        rotate(now);

    // identity: bytes 0, 2-7, 9, 12-19 of the IP header, then a payload prefix
    const unsigned char *nh = p->network_header();
    uint32_t hlen = p->network_header_length();
    uint64_t id = 0xCBF29CE484222325ULL;
    id = dup_fold(id, nh, 1);
    id = dup_fold(id, nh + 2, 6);
    id = dup_fold(id, nh + 9, 1);
    id = dup_fold(id, nh + 12, 8);
    int rest = p->network_length() - (int) hlen;
    if (rest > 0)
        id = dup_fold(id, nh + hlen, (uint32_t) rest < _prefix ? (uint32_t) rest : _prefix);

    uint32_t h1 = (uint32_t) id;
    uint32_t h2 = (uint32_t) (id >> 32) | 1;
    _seen++;

    if (test_bits(_gen[_cur], h1, h2) || test_bits(_gen[_cur ^ 1], h1, h2)) {
        _dups++;
        checked_output_push(1, p);
        return;
    }

    Vector<uint64_t> &g = _gen[_cur];
    for (unsigned i = 0; i < _probes; ++i) {
        uint32_t bit = (h1 + i * h2) & _bit_mask;
        g[bit >> 6] |= 1ULL << (bit & 63);
    }
    _inserted++;
    output(0).push(p);
}

String
DuplicateSuppressor::read_handler(Element *e, void *)
{
    DuplicateSuppressor *d = static_cast<DuplicateSuppressor *>(e);
    StringAccum sa;
    sa << "seen " << d->_seen << "\nduplicates " << d->_dups
       << "\nrotations " << d->_rotations << "\ninserted " << d->_inserted
       << "\nno_header " << d->_short << '\n';
    return sa.take_string();
}

void
DuplicateSuppressor::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DuplicateSuppressor)
