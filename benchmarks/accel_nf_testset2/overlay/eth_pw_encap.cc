/*
 * eth_pw_encap.cc -- EthPwEncap: Ethernet-over-MPLS pseudowire head end.
 *
 * Per frame: optional FCS regeneration (four 256-entry tables, four bytes
 * per step), a 4-byte put for the FCS, one push for control word and label
 * stack, and the header fill.
 */
#include <click/config.h>
#include "eth_pw_encap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

EthPwEncap::EthPwEncap()
    : _pw_label(0), _tunnel_label(IMPLICIT_NULL), _ttl(255), _tc(0), _cw(true),
      _retain_fcs(true), _mtu(1500), _seq(1), _frames(0), _bytes(0), _too_big(0),
      _runts(0), _short_cw(0)
{
}

EthPwEncap::~EthPwEncap()
{
}

int
EthPwEncap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned ttl = 255, tc = 0;
    if (Args(conf, this, errh)
        .read_mp("PW_LABEL", _pw_label)
        .read_mp("TUNNEL_LABEL", _tunnel_label)
        .read("TTL", ttl)
        .read("TC", tc)
        .read("CW", _cw)
        .read("FCS_RETAIN", _retain_fcs)
        .read("MTU", _mtu)
        .complete() < 0)
        return -1;
    if (_pw_label < 16 || _pw_label > MAX_LABEL)
        return errh->error("PW_LABEL must be in 16..%u", (unsigned) MAX_LABEL);
    if (_tunnel_label > MAX_LABEL
        || (_tunnel_label < 16 && _tunnel_label != IMPLICIT_NULL))
        return errh->error("bad TUNNEL_LABEL");
    if (ttl == 0 || ttl > 255 || tc > 7)
        return errh->error("TTL must be 1..255 and TC 0..7");
    if (_mtu < 64 + 16)
        return errh->error("MTU too small");
    _ttl = (uint8_t) ttl;
    _tc = (uint8_t) tc;
    fill_tables();
    return 0;
}

/* Ethernet FCS: reflected polynomial 0x04C11DB7.  _tab[0] is the usual
   one-byte table; _tab[k][b] advances _tab[k-1][b] by one more zero byte. */
void
EthPwEncap::fill_tables()
{
    for (uint32_t b = 0; b < 256; ++b) {
        uint32_t r = b;
        for (int i = 0; i < 8; ++i)
            r = (r & 1) ? (r >> 1) ^ 0xEDB88320U : (r >> 1);
        _tab[0][b] = r;
    }
    for (uint32_t b = 0; b < 256; ++b)
        for (int k = 1; k < 4; ++k)
            _tab[k][b] = (_tab[k - 1][b] >> 8) ^ _tab[0][_tab[k - 1][b] & 0xFF];
}

uint32_t
EthPwEncap::frame_fcs(const unsigned char *data, uint32_t len) const
{
    uint32_t c = 0xFFFFFFFFU;
    while (len >= 4) {
        c ^= (uint32_t) data[0] | ((uint32_t) data[1] << 8)
            | ((uint32_t) data[2] << 16) | ((uint32_t) data[3] << 24);
        c = _tab[3][c & 0xFF] ^ _tab[2][(c >> 8) & 0xFF]
            ^ _tab[1][(c >> 16) & 0xFF] ^ _tab[0][c >> 24];
        data += 4;
        len -= 4;
    }
    while (len-- > 0)
        c = _tab[0][(c ^ *data++) & 0xFF] ^ (c >> 8);
    return ~c;
}

void
EthPwEncap::reject(Packet *p)
{
    checked_output_push(1, p);
}

void
EthPwEncap::push(int, Packet *p)
{
    uint32_t flen = p->length();
    if (flen < sizeof(click_ether)) {
        _runts++;
        reject(p);
        return;
    }

    bool two_labels = _tunnel_label != IMPLICIT_NULL;
    uint32_t hdr = (two_labels ? 8 : 4) + (_cw ? 4 : 0);
    uint32_t payload = flen + (_retain_fcs ? 4 : 0);
    if (hdr + payload > _mtu) {
        _too_big++;
        reject(p);
        return;
    }

    WritablePacket *q;
    if (_retain_fcs) {
        uint32_t fcs = frame_fcs(p->data(), flen);
        if (!(q = p->put(4)))
            return;
        unsigned char *t = q->data() + flen;
        t[0] = (unsigned char) fcs;             // FCS goes out least significant byte first
        t[1] = (unsigned char) (fcs >> 8);
        t[2] = (unsigned char) (fcs >> 16);
        t[3] = (unsigned char) (fcs >> 24);
        p = q;
    }
    if (!(q = p->push(hdr)))
        return;

    unsigned char *d = q->data();
    uint32_t w;
    if (two_labels) {
        w = htonl(lse(_tunnel_label, _tc, false, _ttl));
        memcpy(d, &w, 4);
        d += 4;
    }
    w = htonl(lse(_pw_label, _tc, true, _ttl));
    memcpy(d, &w, 4);
    d += 4;
    if (_cw) {
        // 0000 | flags(4) | FRG(2) | length(6) | sequence(16)
        uint8_t short_len = 0;
        if (payload < 64) {
            short_len = (uint8_t) payload;
            _short_cw++;
        }
        d[0] = 0;
        d[1] = short_len & 0x3F;
        d[2] = (uint8_t) (_seq >> 8);
        d[3] = (uint8_t) _seq;
        if (++_seq == 0)
            _seq = 1;                           // 0 would mean "not sequenced"
    }

    _frames++;
    _bytes += q->length();
    output(0).push(q);
}

String
EthPwEncap::read_stats(Element *e, void *)
{
    EthPwEncap *pw = static_cast<EthPwEncap *>(e);
    StringAccum sa;
    sa << "frames " << pw->_frames << "\nbytes " << pw->_bytes
       << "\ntoo_big " << pw->_too_big << "\nrunts " << pw->_runts
       << "\nshort_cw " << pw->_short_cw << '\n';
    return sa.take_string();
}

void
EthPwEncap::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_data_handlers("sequence", Handler::f_read | Handler::f_write, &_seq);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EthPwEncap)
