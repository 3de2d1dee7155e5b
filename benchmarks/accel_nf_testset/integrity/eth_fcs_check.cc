/*
 * eth_fcs_check.cc -- EthFcsCheck: per-frame FCS validation.  The FCS is
 * recomputed bit by bit in the packet handler (no table: this element runs
 * on small cores where 1 KiB of table costs more than the shifts).
 */
#include <click/config.h>
#include "eth_fcs_check.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

EthFcsCheck::EthFcsCheck()
    : _strip(true), _vlan_ok(true), _min_frame(64), _max_frame(1522),
      _frames(0), _good(0), _bad_fcs(0), _runts(0), _giants(0), _tagged_drop(0), _octets(0)
{
}

int
EthFcsCheck::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("STRIP", _strip)
        .read("MIN_FRAME", _min_frame)
        .read("MAX_FRAME", _max_frame)
        .read("VLAN_OK", _vlan_ok)
        .complete() < 0)
        return -1;
    if (_min_frame < sizeof(click_ether) + 4)
        return errh->error("MIN_FRAME too small");
    if (_max_frame < _min_frame)
        return errh->error("MAX_FRAME smaller than MIN_FRAME");
    return 0;
}

Packet *
EthFcsCheck::simple_action(Packet *p)
{
    uint32_t len = p->length();
    _frames++;
    if (len < _min_frame) {
        _runts++;
        checked_output_push(1, p);
        return 0;
    }
    if (len > _max_frame) {
        _giants++;
        checked_output_push(1, p);
        return 0;
    }
    const unsigned char *d = p->data();
    const click_ether *eh = reinterpret_cast<const click_ether *>(d);
    if (!_vlan_ok && (eh->ether_type == htons(ETHERTYPE_8021Q)
                      || eh->ether_type == htons(ETHERTYPE_8021AD))) {
        _tagged_drop++;
        checked_output_push(1, p);
        return 0;
    }

    uint32_t body = len - 4;
    uint32_t reg = 0xFFFFFFFFU;
    for (uint32_t i = 0; i < body; ++i) {
        reg ^= d[i];
        for (int b = 0; b < 8; ++b) {
            uint32_t lsb = reg & 1U;
            reg >>= 1;
            if (lsb)
                reg ^= 0xEDB88320U;
        }
    }
    reg = ~reg;

    const unsigned char *t = d + body;
    uint32_t trailer = (uint32_t) t[0] | ((uint32_t) t[1] << 8)
        | ((uint32_t) t[2] << 16) | ((uint32_t) t[3] << 24);
    if (trailer != reg) {
        _bad_fcs++;
        checked_output_push(1, p);
        return 0;
    }

    _good++;
    _octets += body;
    if (_strip)
        p->take(4);
    p->set_mac_header(p->data(), sizeof(click_ether));
    return p;
}

enum { h_stats, h_errors };

String
EthFcsCheck::read_handler(Element *e, void *thunk)
{
    EthFcsCheck *c = static_cast<EthFcsCheck *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_errors)
        sa << (c->_bad_fcs + c->_runts + c->_giants + c->_tagged_drop) << '\n';
    else
        sa << "frames " << c->_frames << "\ngood " << c->_good << "\nbad_fcs " << c->_bad_fcs
           << "\nrunts " << c->_runts << "\ngiants " << c->_giants
           << "\ntagged_dropped " << c->_tagged_drop << "\noctets " << c->_octets << '\n';
    return sa.take_string();
}

int
EthFcsCheck::reset_handler(const String &, Element *e, void *, ErrorHandler *)
{
    EthFcsCheck *c = static_cast<EthFcsCheck *>(e);
    c->_frames = c->_good = c->_bad_fcs = c->_runts = c->_giants = 0;
    c->_tagged_drop = c->_octets = 0;
    return 0;
}

void
EthFcsCheck::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("errors", read_handler, h_errors);
    add_write_handler("reset", reset_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EthFcsCheck)
