/*
 * gtpu_session_table.cc -- GtpuSessionTable: an open-addressed session array
 * indexed from (TEID, gNB) with tombstones, GTP-U parsing with extension
 * headers, and a 16-bit digest of the extension chain per session.
 */
#include <click/config.h>
#include "gtpu_session_table.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

GtpuSessionTable::GtpuSessionTable()
    : _seed(0), _notify(true), _live(0), _decapped(0), _unknown(0), _malformed(0),
      _signalling(0), _ext_changes(0), _ctl(0)
{
    memset(_sess, 0, sizeof(_sess));
}

GtpuSessionTable::~GtpuSessionTable()
{
}

int
GtpuSessionTable::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read("SEED", _seed)
        .read("NOTIFY_CHANGES", _notify)
        .complete() < 0)
        return -1;
    for (int i = 0; i < 256; ++i) {
        uint16_t r = (uint16_t) (i << 8);
        for (int k = 0; k < 8; ++k)
            r = (r & 0x8000) ? (uint16_t) ((r << 1) ^ 0x1021) : (uint16_t) (r << 1);
        _ext_tab[i] = r;
    }
    return 0;
}

uint16_t
GtpuSessionTable::ext_digest(const uint8_t *p, int n) const
{
    uint16_t r = 0xFFFF;
    for (int i = 0; i < n; ++i)
        r = (uint16_t) ((r << 8) ^ _ext_tab[((r >> 8) ^ p[i]) & 0xFF]);
    return r;
}

void
GtpuSessionTable::control(uint32_t slot, const CtlRecord &r)
{
    uint32_t teid = ntohl(r.teid);
    Session *tomb = 0;
    for (int i = 0; i < MAX_PROBE; ++i) {
        Session &s = _sess[(slot + i) & (NSESS - 1)];
        if (s.state == S_LIVE && s.teid == teid && s.gnb == r.gnb) {
            if (r.op == 2) {
                s.state = S_GONE;
                _live--;
            } else {
                s.seid = ntohl(r.seid);
                s.qfi = r.qfi & 0x3F;
            }
            return;
        }
        if (s.state == S_GONE && !tomb)
            tomb = &s;
        if (s.state == S_EMPTY) {
            if (!tomb)
                tomb = &s;
            break;
        }
    }
    if (r.op != 1 || !tomb)
        return;
    memset(tomb, 0, sizeof(*tomb));
    tomb->teid = teid;
    tomb->gnb = r.gnb;
    tomb->seid = ntohl(r.seid);
    tomb->qfi = r.qfi & 0x3F;
    tomb->state = S_LIVE;
    _live++;
}

void
GtpuSessionTable::push(int port, Packet *p)
{
    const uint8_t *gtp = 0, *end = p->end_data();
    const click_ip *iph = 0;
    CtlRecord rec;
    uint32_t teid, gnb;

    if (port == 1) {
        if (p->length() < sizeof(CtlRecord)) {
            p->kill();
            return;
        }
        memcpy(&rec, p->data(), sizeof(rec));
        teid = ntohl(rec.teid);
        gnb = rec.gnb;
    } else {
        iph = p->has_network_header() ? p->ip_header()
            : reinterpret_cast<const click_ip *>(p->data());
        const uint8_t *ipb = reinterpret_cast<const uint8_t *>(iph);
        if (ipb + sizeof(click_ip) > end || iph->ip_v != 4 || iph->ip_p != IP_PROTO_UDP) {
            _malformed++;
            checked_output_push(1, p);
            return;
        }
        const click_udp *udp = reinterpret_cast<const click_udp *>(ipb + (iph->ip_hl << 2));
        gtp = reinterpret_cast<const uint8_t *>(udp) + sizeof(click_udp);
        if (gtp + 8 > end || udp->uh_dport != htons(GTPU_PORT) || (gtp[0] >> 5) != 1
            || !(gtp[0] & 0x10)) {
            _malformed++;
            checked_output_push(1, p);
            return;
        }
        if (gtp[1] != T_GPDU) {
            _signalling++;
            output(1).push(p);
            return;
        }
        teid = ((uint32_t) gtp[4] << 24) | (gtp[5] << 16) | (gtp[6] << 8) | gtp[7];
        gnb = iph->ip_src.s_addr;
    }

    // 96-bit state, two key words, final avalanche: pick the home slot
    uint32_t a, b, c;
    a = b = c = 0xdeadbeefU + (2U << 2) + _seed;
    b += gnb;
    a += teid;
    c ^= b; c -= (b << 14) | (b >> 18);
    a ^= c; a -= (c << 11) | (c >> 21);
    b ^= a; b -= (a << 25) | (a >> 7);
    c ^= b; c -= (b << 16) | (b >> 16);
    a ^= c; a -= (c << 4) | (c >> 28);
    b ^= a; b -= (a << 14) | (a >> 18);
    c ^= b; c -= (b << 24) | (b >> 8);
    uint32_t home = c & (NSESS - 1);

    if (port == 1) {
        _ctl++;
        control(home, rec);
        p->kill();
        return;
    }

    Session *s = 0;
    for (int i = 0; i < MAX_PROBE; ++i) {
        Session &x = _sess[(home + i) & (NSESS - 1)];
        if (x.state == S_EMPTY)
            break;
        if (x.state == S_LIVE && x.teid == teid && x.gnb == gnb) {
            s = &x;
            break;
        }
    }
    if (!s) {
        _unknown++;
        output(1).push(p);
        return;
    }

    // optional fields and the extension chain
    const uint8_t *inner = gtp + 8;
    int qfi = s->qfi;
    if (gtp[0] & (F_E | F_S | F_PN)) {
        if (gtp + 12 > end) {
            _malformed++;
            checked_output_push(1, p);
            return;
        }
        inner = gtp + 12;
        uint8_t next = gtp[11];
        const uint8_t *chain = gtp + 11;
        while ((gtp[0] & F_E) && next != 0) {
            if (inner + 4 > end || inner[0] == 0) {
                _malformed++;
                checked_output_push(1, p);
                return;
            }
            int elen = inner[0] * 4;
            if (inner + elen > end) {
                _malformed++;
                checked_output_push(1, p);
                return;
            }
            if (next == EXT_PDU_SESSION)
                qfi = inner[2] & 0x3F;
            next = inner[elen - 1];
            inner += elen;
        }
        if (gtp[0] & F_E) {
            uint16_t mark = ext_digest(chain, (int) (inner - chain));
            if (s->ext_seen && mark != s->ext_mark) {
                _ext_changes++;
                if (_notify && noutputs() > 2)
                    if (Packet *copy = p->clone())
                        output(2).push(copy);
            }
            s->ext_mark = mark;
            s->ext_seen = 1;
        }
    }

    uint32_t plen = ntohs(iph->ip_len);
    s->pkts++;
    s->bytes += plen;
    p->pull((uint32_t) (inner - p->data()));
    SET_AGGREGATE_ANNO(p, s->seid);
    p->set_paint_anno((uint8_t) qfi);
    _decapped++;
    output(0).push(p);
}

String
GtpuSessionTable::read_stats(Element *e, void *)
{
    GtpuSessionTable *t = static_cast<GtpuSessionTable *>(e);
    StringAccum sa;
    sa << "sessions " << t->_live << "\ndecapped " << t->_decapped
       << "\nunknown " << t->_unknown << "\nmalformed " << t->_malformed
       << "\nsignalling " << t->_signalling << "\next_changes " << t->_ext_changes
       << "\ncontrol " << t->_ctl << '\n';
    return sa.take_string();
}

void
GtpuSessionTable::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GtpuSessionTable)
