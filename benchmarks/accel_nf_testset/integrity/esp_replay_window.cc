/*
 * esp_replay_window.cc -- EspReplayWindow: sliding 64-bit bitmap per SPI.
 * Bit 0 of the bitmap is the highest sequence number seen; a newer packet
 * shifts the bitmap left by the distance it advances the window.
 */
#include <click/config.h>
#include "esp_replay_window.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

EspReplayWindow::EspReplayWindow()
    : _size(64), _esn(false), _restricted(false), _in(0), _ok(0), _replayed(0),
      _too_old(0), _zero_seq(0), _unknown_spi(0), _malformed(0)
{
}

EspReplayWindow::~EspReplayWindow()
{
}

int
EspReplayWindow::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<unsigned> spis;
    if (Args(conf, this, errh)
        .read_p("WINDOW", _size)
        .read("ESN", _esn)
        .read_all("SPI", spis)
        .complete() < 0)
        return -1;
    if (_size < 1 || _size > 64)
        return errh->error("WINDOW must be between 1 and 64");
    for (int i = 0; i < spis.size(); ++i)
        _win.set(spis[i], Window());
    _restricted = !spis.empty();
    return 0;
}

// RFC 4303 appendix A2: place the 32 received bits relative to the window.
uint64_t
EspReplayWindow::full_sequence(const Window &w, uint32_t low) const
{
    if (!_esn)
        return low;
    uint32_t top_lo = (uint32_t) w.top;
    uint32_t top_hi = (uint32_t) (w.top >> 32);
    uint32_t bottom = top_lo - _size + 1;         // may wrap
    uint32_t hi;
    if (top_lo >= _size - 1)                      // window inside one 2^32 block
        hi = low >= bottom ? top_hi : top_hi + 1;
    else                                          // window straddles a block boundary
        hi = low >= bottom ? top_hi - 1 : top_hi;
    return ((uint64_t) hi << 32) | low;
}

void
EspReplayWindow::reject(Packet *p, uint64_t &counter, Window *w)
{
    counter++;
    if (w)
        w->rejected++;
    checked_output_push(1, p);
}

void
EspReplayWindow::push(int, Packet *p)
{
    _in++;
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_ESP || p->transport_length() < 8) {
        reject(p, _malformed, 0);
        return;
    }
    const unsigned char *esp = p->transport_header();
    uint32_t spi = ((uint32_t) esp[0] << 24) | ((uint32_t) esp[1] << 16)
        | ((uint32_t) esp[2] << 8) | esp[3];
    uint32_t low = ((uint32_t) esp[4] << 24) | ((uint32_t) esp[5] << 16)
        | ((uint32_t) esp[6] << 8) | esp[7];

    Window *w = _win.findp(spi);
    if (!w) {
        if (_restricted) {
            reject(p, _unknown_spi, 0);
            return;
        }
        _win.set(spi, Window());
        w = _win.findp(spi);
    }

    uint64_t seq = full_sequence(*w, low);
    if (seq == 0) {
        reject(p, _zero_seq, w);
        return;
    }

    if (seq > w->top) {
        uint64_t ahead = seq - w->top;
        if (ahead >= 64)
            w->bits = 1;
        else
            w->bits = (w->bits << ahead) | 1;
        w->top = seq;
    } else {
        uint64_t behind = w->top - seq;
        if (behind >= _size) {
            reject(p, _too_old, w);
            return;
        }
        uint64_t bit = (uint64_t) 1 << behind;
        if (w->bits & bit) {
            reject(p, _replayed, w);
            return;
        }
        w->bits |= bit;
    }
    if (_size < 64)
        w->bits &= ((uint64_t) 1 << _size) - 1;

    w->accepted++;
    _ok++;
    p->set_anno_u32(SEQUENCE_NUMBER_ANNO_OFFSET, (uint32_t) seq);
    output(0).push(p);
}

unsigned
EspReplayWindow::occupancy(uint64_t bits)
{
    unsigned n = 0;
    while (bits) {
        bits &= bits - 1;
        n++;
    }
    return n;
}

enum { h_stats, h_windows };

String
EspReplayWindow::read_handler(Element *e, void *thunk)
{
    EspReplayWindow *r = static_cast<EspReplayWindow *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_windows) {
        for (HashMap<uint32_t, Window>::iterator it = r->_win.begin(); it.live(); ++it) {
            const Window &w = it.value();
            sa << it.key() << " top " << w.top << " seen " << occupancy(w.bits) << '/'
               << r->_size << " accepted " << w.accepted << " rejected " << w.rejected << '\n';
        }
    } else {
        sa << "in " << r->_in << "\naccepted " << r->_ok << "\nreplayed " << r->_replayed
           << "\ntoo_old " << r->_too_old << "\nzero_seq " << r->_zero_seq
           << "\nunknown_spi " << r->_unknown_spi << "\nmalformed " << r->_malformed << '\n';
    }
    return sa.take_string();
}

void
EspReplayWindow::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("windows", read_handler, h_windows);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EspReplayWindow)
