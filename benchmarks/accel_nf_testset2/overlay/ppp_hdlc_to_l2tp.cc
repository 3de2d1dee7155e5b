/*
 * ppp_hdlc_to_l2tp.cc -- PppHdlcToL2tp: async HDLC de-framing, FCS check
 * and L2TPv2 data encapsulation for one session.
 */
#include <click/config.h>
#include "ppp_hdlc_to_l2tp.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

PppHdlcToL2tp::PppHdlcToL2tp()
    : _tunnel(0), _session(0), _accm(0xFFFFFFFFU), _sequence(false), _keep_lcp(true),
      _ns(0), _frames(0), _aborts(0), _bad_fcs(0), _runts(0), _accm_dropped(0),
      _acfc(0), _lcp_diverted(0)
{
    memset(_by_proto, 0, sizeof(_by_proto));
}

PppHdlcToL2tp::~PppHdlcToL2tp()
{
}

int
PppHdlcToL2tp::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned tunnel, session;
    if (Args(conf, this, errh)
        .read_mp("TUNNEL", tunnel)
        .read_mp("SESSION", session)
        .read("ACCM", _accm)
        .read("SEQUENCE", _sequence)
        .read("KEEP_LCP", _keep_lcp)
        .complete() < 0)
        return -1;
    if (tunnel == 0 || tunnel > 0xFFFF || session == 0 || session > 0xFFFF)
        return errh->error("TUNNEL and SESSION must be 1..65535");
    _tunnel = (uint16_t) tunnel;
    _session = (uint16_t) session;
    return 0;
}

void
PppHdlcToL2tp::push(int, Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    while (q->length() && q->data()[0] == HDLC_FLAG)
        q->pull(1);
    while (q->length() && q->end_data()[-1] == HDLC_FLAG)
        q->take(1);

    // undo the transparency in place; the frame can only shrink
    unsigned char *d = q->data();
    uint32_t n = q->length(), out = 0;
    for (uint32_t i = 0; i < n; ++i) {
        unsigned char c = d[i];
        if (c == HDLC_FLAG) {
            fail(q, _aborts);                   // two frames in one packet
            return;
        }
        if (c == HDLC_ESC) {
            if (++i == n) {
                fail(q, _aborts);               // 7D 7E: the sender aborted
                return;
            }
            c = d[i] ^ HDLC_XOR;
        } else if (c < 0x20 && (_accm & (1U << c))) {
            _accm_dropped++;                    // added by the line, not the peer
            continue;
        }
        d[out++] = c;
    }
    q->take(n - out);

    n = q->length();
    if (n < 4 + 2) {
        fail(q, _runts);
        return;
    }
    uint16_t fcs = hdlc_fcs16(0xFFFF, d, n - 2) ^ 0xFFFF;
    if (d[n - 2] != (fcs & 0xFF) || d[n - 1] != (fcs >> 8)) {
        fail(q, _bad_fcs);
        return;
    }
    q->take(2);

    bool has_ac = d[0] == PPP_ALLSTATIONS && d[1] == PPP_UI;
    const unsigned char *pp = d + (has_ac ? 2 : 0);
    uint16_t proto = (pp[0] & 1) ? pp[0] : (uint16_t) ((pp[0] << 8) | pp[1]);
    int cls;
    if (proto < 0x4000)
        cls = 0;
    else if (proto >= 0x8000 && proto < 0xC000)
        cls = 1;
    else if (proto == PPP_PAP || proto == PPP_CHAP)
        cls = 2;
    else
        cls = 3;
    _by_proto[cls]++;
    if (proto == PPP_LCP && !_keep_lcp) {
        fail(q, _lcp_diverted);
        return;
    }

    uint32_t hdr = 8 + (_sequence ? 4 : 0);
    WritablePacket *r = q->push(hdr + (has_ac ? 0 : 2));
    if (!r)
        return;
    unsigned char *h = r->data();
    if (!has_ac) {
        _acfc++;
        h[hdr] = PPP_ALLSTATIONS;
        h[hdr + 1] = PPP_UI;
    }
    uint16_t w[6];
    w[0] = htons(L2TP_LENGTH_BIT | L2TP_VERSION | (_sequence ? L2TP_SEQ_BIT : 0));
    w[1] = htons((uint16_t) r->length());
    w[2] = htons(_tunnel);
    w[3] = htons(_session);
    if (_sequence) {
        w[4] = htons(_ns++);
        w[5] = 0;                               // Nr is reserved in data messages
    }
    memcpy(h, w, hdr);

    _frames++;
    output(0).push(r);
}

String
PppHdlcToL2tp::read_stats(Element *e, void *)
{
    PppHdlcToL2tp *l = static_cast<PppHdlcToL2tp *>(e);
    StringAccum sa;
    sa << "frames " << l->_frames << "\naborts " << l->_aborts
       << "\nbad_fcs " << l->_bad_fcs << "\nrunts " << l->_runts
       << "\naccm_dropped " << l->_accm_dropped << "\nacfc " << l->_acfc
       << "\nlcp_diverted " << l->_lcp_diverted
       << "\nnetwork " << l->_by_proto[0] << "\nncp " << l->_by_proto[1]
       << "\nauth " << l->_by_proto[2] << "\nlcp_other " << l->_by_proto[3] << '\n';
    return sa.take_string();
}

void
PppHdlcToL2tp::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PppHdlcToL2tp)
