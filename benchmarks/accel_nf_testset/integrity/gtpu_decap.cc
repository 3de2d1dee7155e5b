/*
 * gtpu_decap.cc -- GtpuDecap: GTP-U G-PDU decapsulation.  Per packet:
 * field checks, a walk over at most MAX_EXT extension headers, one TEID
 * lookup and a pull.
 */
#include <click/config.h>
#include "gtpu_decap.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

GtpuDecap::GtpuDecap()
    : _port(GTPU_PORT), _allow_unknown_ext(false), _in(0), _decapped(0), _echo(0),
      _unknown_teid(0), _signalling(0), _malformed(0), _bad_ext(0)
{
}

GtpuDecap::~GtpuDecap()
{
}

int
GtpuDecap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> teids;
    unsigned port = GTPU_PORT;
    if (Args(conf, this, errh)
        .read_all("TEID", teids)
        .read("PORT", port)
        .read("ALLOW_UNKNOWN_EXT", _allow_unknown_ext)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 65535)
        return errh->error("bad PORT");
    _port = port;
    for (int i = 0; i < teids.size(); ++i) {
        Vector<String> w;
        cp_spacevec(teids[i], w);
        unsigned id, paint = 0;
        if (w.empty() || w.size() > 2 || !cp_integer(w[0], 0, &id)
            || (w.size() == 2 && (!cp_integer(w[1], &paint) || paint > 255)))
            return errh->error("TEID %d: expected \"ID [PAINT]\"", i + 1);
        Tunnel t;
        t.paint = paint;
        _tunnels.set(id, t);
    }
    return 0;
}

// Returns the number of bytes of extension headers, or -1 if they are malformed.
int
GtpuDecap::parse_extensions(const unsigned char *p, const unsigned char *end,
                            uint8_t type, uint8_t *qfi) const
{
    const unsigned char *start = p;
    int n = 0;
    while (type != EXT_NONE) {
        if (++n > MAX_EXT || p + 1 > end)
            return -1;
        unsigned len = p[0] * 4;            // in 4-octet units, length octet included
        if (len == 0 || p + len > end)
            return -1;
        switch (type) {
        case EXT_PDU_SESSION:
            if (len >= 4)
                *qfi = p[2] & 0x3F;
            break;
        case EXT_UDP_PORT:
        case EXT_PDCP:
            break;
        default:
            // the two top bits say whether the receiver must understand it
            if ((type & 0x80) && !_allow_unknown_ext)
                return -1;
            break;
        }
        type = p[len - 1];
        p += len;
    }
    return (int) (p - start);
}

void
GtpuDecap::push(int, Packet *p)
{
    _in++;
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)
        || p->transport_length() < (int) (sizeof(click_udp) + sizeof(gtpu_hdr))) {
        other(p, _malformed);
        return;
    }
    const click_udp *uh = p->udp_header();
    if (ntohs(uh->uh_dport) != _port) {
        other(p, _malformed);
        return;
    }
    uint32_t ulen = ntohs(uh->uh_ulen);
    if (ulen > (uint32_t) p->transport_length() || ulen < sizeof(click_udp) + sizeof(gtpu_hdr)) {
        other(p, _malformed);
        return;
    }

    const unsigned char *g = p->transport_header() + sizeof(click_udp);
    const unsigned char *end = p->transport_header() + ulen;
    const gtpu_hdr *gh = reinterpret_cast<const gtpu_hdr *>(g);
    uint8_t version = gh->gt_flags >> 5;
    bool pt = (gh->gt_flags >> 4) & 1;
    uint32_t glen = ntohs(gh->gt_length);
    if (version != 1 || !pt || g + sizeof(gtpu_hdr) + glen != end) {
        other(p, _malformed);
        return;
    }

    const unsigned char *payload = g + sizeof(gtpu_hdr);
    uint8_t qfi = 0xFF;
    if (gh->gt_flags & (F_E | F_S | F_PN)) {
        if (glen < 4) {
            other(p, _malformed);
            return;
        }
        uint8_t next = (gh->gt_flags & F_E) ? payload[3] : EXT_NONE;
        int extlen = parse_extensions(payload + 4, end, next, &qfi);
        if (extlen < 0) {
            other(p, _bad_ext);
            return;
        }
        payload += 4 + extlen;
    }

    if (gh->gt_type == T_ECHO_REQ) {
        _echo++;
        output(1).push(p);
        return;
    }
    if (gh->gt_type != T_GPDU) {
        other(p, _signalling);
        return;
    }

    uint32_t teid = ntohl(gh->gt_teid);
    Tunnel *t = _tunnels.findp(teid);
    if (!t || payload >= end) {
        other(p, _unknown_teid);
        return;
    }
    uint8_t inner_v = payload[0] >> 4;
    if (inner_v != 4 && inner_v != 6) {
        other(p, _malformed);
        return;
    }

    uint32_t inner_len = end - payload;
    uint32_t head = payload - p->data();
    p->take(p->length() - head - inner_len);
    p->pull(head);
    if (inner_v == 4 && inner_len >= sizeof(click_ip)) {
        const click_ip *ip = reinterpret_cast<const click_ip *>(p->data());
        p->set_ip_header(ip, ip->ip_hl << 2);
    } else
        p->clear_network_header();
    p->set_paint_anno(t->paint);
    p->set_anno_u32(AGGREGATE_ANNO_OFFSET, teid);
    p->set_anno_u8(QFI_ANNO_OFFSET, qfi);
    t->packets++;
    t->bytes += inner_len;
    _decapped++;
    output(0).push(p);
}

String
GtpuDecap::read_handler(Element *e, void *)
{
    GtpuDecap *d = static_cast<GtpuDecap *>(e);
    StringAccum sa;
    sa << "in " << d->_in << "\ndecapsulated " << d->_decapped << "\necho " << d->_echo
       << "\nunknown_teid " << d->_unknown_teid << "\nsignalling " << d->_signalling
       << "\nmalformed " << d->_malformed << "\nbad_extension " << d->_bad_ext
       << "\ntunnels " << (unsigned long) d->_tunnels.size() << '\n';
    return sa.take_string();
}

void
GtpuDecap::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GtpuDecap)
