/*
 * count_min_heavy_hitters.cc -- CountMinHeavyHitters: a ROWS x 2^WIDTH_BITS
 * count-min sketch of bytes per 5-tuple, cleared every epoch, with an
 * optional conservative update.
 */
#include <click/config.h>
#include "count_min_heavy_hitters.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

CountMinHeavyHitters::CountMinHeavyHitters()
    : _rows(4), _width_bits(12), _mask(0), _threshold(1000000), _epoch_ms(1000),
      _seed(0x1b873593), _conservative(true), _packets(0), _bytes(0),
      _heavy_packets(0), _heavy_flows(0), _epochs(0), _no_header(0)
{
    memset(_seeds, 0, sizeof(_seeds));
}

CountMinHeavyHitters::~CountMinHeavyHitters()
{
}

int
CountMinHeavyHitters::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("ROWS", _rows)
        .read_p("WIDTH_BITS", _width_bits)
        .read("THRESHOLD", _threshold)
        .read("EPOCH_MS", _epoch_ms)
        .read("SEED", _seed)
        .read("CONSERVATIVE", _conservative)
        .complete() < 0)
        return -1;
    if (_rows < 1 || _rows > MAX_ROWS)
        return errh->error("ROWS must be between 1 and %d", (int) MAX_ROWS);
    if (_width_bits < MIN_WIDTH_BITS || _width_bits > MAX_WIDTH_BITS)
        return errh->error("WIDTH_BITS must be between %d and %d",
                           (int) MIN_WIDTH_BITS, (int) MAX_WIDTH_BITS);
    if (_epoch_ms == 0)
        return errh->error("EPOCH_MS must be positive");
    _mask = (1U << _width_bits) - 1;
    for (unsigned r = 0; r < _rows; ++r)
        _seeds[r] = _seed + r * 0x61c88647U;
    return 0;
}

int
CountMinHeavyHitters::initialize(ErrorHandler *)
{
    _cells.resize((int) (_rows << _width_bits), 0);
    _epoch_start = Timestamp::recent();
    return 0;
}

/* Counter of one row for a 4-word key: the row seed is folded in, then
   every key word goes through two multiply/shift rounds, and the result
   gets a last avalanche before it is masked to the row width. */
uint32_t
CountMinHeavyHitters::row_index(const uint32_t *key, unsigned row) const
{
    uint32_t h = _seeds[row] ^ 0xa0761d65U;
    for (int i = 0; i < 4; ++i) {
        h ^= key[i];
        h ^= h >> 16;
        h *= 0x7feb352dU;
        h ^= h >> 15;
        h *= 0x846ca68bU;
        h ^= h >> 16;
    }
    h ^= h >> 13;
    h *= 0xc2b2ae35U;
    h ^= h >> 16;
    return h & _mask;
}

void
CountMinHeavyHitters::clear_sketch()
{
    for (int i = 0; i < _cells.size(); ++i)
        _cells[i] = 0;
}

void
CountMinHeavyHitters::new_epoch(const Timestamp &now)
{
    clear_sketch();
    _epoch_start = now;
    _epochs++;
}

void
CountMinHeavyHitters::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_v != 4 || p->network_length() < (int) sizeof(click_ip)) {
        _no_header++;
        output(0).push(p);
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if ((now - _epoch_start).msecval() >= (int64_t) _epoch_ms)
        new_epoch(now);

    uint32_t key[4];
    key[0] = iph->ip_src.s_addr;
    key[1] = iph->ip_dst.s_addr;
    key[2] = 0;
    key[3] = iph->ip_p;
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && IP_FIRSTFRAG(iph) && p->transport_length() >= 4) {
        const unsigned char *th = p->transport_header();
        key[2] = ((uint32_t) th[0] << 24) | ((uint32_t) th[1] << 16)
            | ((uint32_t) th[2] << 8) | th[3];
    }

    uint32_t len = ntohs(iph->ip_len);
    uint32_t slot[MAX_ROWS];
    uint32_t before = 0xFFFFFFFFU;
    for (unsigned r = 0; r < _rows; ++r) {
        slot[r] = (r << _width_bits) | row_index(key, r);
        if (_cells[slot[r]] < before)
            before = _cells[slot[r]];
    }
    uint32_t after = before + len;
    if (after < before)
        after = 0xFFFFFFFFU;
    for (unsigned r = 0; r < _rows; ++r) {
        uint32_t &c = _cells[slot[r]];
        if (!_conservative) {
            uint32_t v = c + len;
            c = v < c ? 0xFFFFFFFFU : v;
        } else if (c < after)
            c = after;
    }

    _packets++;
    _bytes += len;
    if (after >= _threshold && noutputs() > 1) {
        if (before < _threshold)
            _heavy_flows++;
        _heavy_packets++;
        SET_EXTRA_LENGTH_ANNO(p, after);
        output(1).push(p);
        return;
    }
    output(0).push(p);
}

enum { h_stats };

String
CountMinHeavyHitters::read_handler(Element *e, void *)
{
    CountMinHeavyHitters *c = static_cast<CountMinHeavyHitters *>(e);
    uint32_t used = 0;
    for (int i = 0; i < c->_cells.size(); ++i)
        if (c->_cells[i])
            used++;
    StringAccum sa;
    sa << "packets " << c->_packets << "\nbytes " << c->_bytes
       << "\nheavy_packets " << c->_heavy_packets << "\nheavy_flows " << c->_heavy_flows
       << "\nepochs " << c->_epochs << "\nno_header " << c->_no_header
       << "\ncells_used " << used << '/' << c->_cells.size() << '\n';
    return sa.take_string();
}

int
CountMinHeavyHitters::reset_handler(const String &, Element *e, void *, ErrorHandler *)
{
    CountMinHeavyHitters *c = static_cast<CountMinHeavyHitters *>(e);
    c->clear_sketch();
    c->_packets = c->_bytes = c->_heavy_packets = c->_heavy_flows = 0;
    c->_epochs = c->_no_header = 0;
    c->_epoch_start = Timestamp::recent();
    return 0;
}

void
CountMinHeavyHitters::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_write_handler("reset", reset_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CountMinHeavyHitters)
