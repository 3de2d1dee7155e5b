// -*- c-basic-offset: 4 -*-
/*
 * gtpu_decap.cc -- GtpUDecap: GTP-U tunnel endpoint.  Checks the outer
 * UDP header and the GTP-U flags/length, walks the optional extension
 * headers in a bounded loop (PDU session container, UDP port, PDCP
 * number), checks the inner IPv4/IPv6 header, counts per TEID in a
 * HashMap<uint32_t, TeidStats> and pulls the outer headers off.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.
 */
#include <click/config.h>
#include "gtpu_decap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

GtpUDecap::GtpUDecap()
    : _port(2152), _max_ext(8), _verify_inner(true), _ipv6(true),
      _teid_min(1), _teid_max(0xFFFFFFFFU), _max_teids(100000),
      _decapped(0), _signalling(0), _malformed(0)
{
    memset(_qfi_count, 0, sizeof(_qfi_count));
    memset(_msg_count, 0, sizeof(_msg_count));
    memset(_ext_count, 0, sizeof(_ext_count));
    memset(_bad, 0, sizeof(_bad));
}

GtpUDecap::~GtpUDecap()
{
}

int
GtpUDecap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port = 2152, max_ext = 8;
    if (Args(conf, this, errh)
        .read_p("PORT", port)
        .read("MAX_EXT", max_ext)
        .read("VERIFY", _verify_inner)
        .read("IPV6", _ipv6)
        .read("TEID_MIN", _teid_min)
        .read("TEID_MAX", _teid_max)
        .read("MAX_TEIDS", _max_teids)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 65535)
        return errh->error("PORT out of range");
    if (max_ext > 32)
        return errh->error("MAX_EXT must be at most 32");
    if (_teid_min > _teid_max)
        return errh->error("TEID_MIN greater than TEID_MAX");
    _port = port;
    _max_ext = max_ext;
    return 0;
}

/* Walk the extension header chain starting with first_type at ext.
   Returns the bytes it occupies, or -1 if it is malformed.  *qfi is set
   from a PDU session container. */
int
GtpUDecap::walk_extensions(const unsigned char *ext, int avail, uint8_t first_type,
                           int *qfi)
{
    uint8_t type = first_type;
    int off = 0;
    for (int n = 0; type != EXT_NONE; n++) {
        if (n >= _max_ext)
            return -1;
        if (off + 4 > avail)
            return -1;
        int len = ext[off] * 4;
        if (len == 0 || off + len > avail)
            return -1;
        const unsigned char *body = ext + off + 1;
        _ext_count[type]++;

        switch (type) {
        case EXT_PDU_SESSION: {
            // byte 1: PDU type (DL 0 / UL 1) in the high nibble;
            // byte 2: QFI in the low six bits (DL: PPP and RQI above it)
            uint8_t pdu_type = body[0] >> 4;
            if (pdu_type > 1)
                return -1;
            *qfi = body[1] & 0x3F;
            break;
        }
        case EXT_UDP_PORT:
            if (len != 4 || be16(body) == 0)
                return -1;
            break;
        case EXT_PDCP_NUMBER:
            if (len != 4)
                return -1;
            break;
        case EXT_LONG_PDCP:
            if (len != 8 || (body[0] & 0xFC) != 0)
                return -1;
            break;
        default:
            if (type & 0x80)
                return -1;          // comprehension required, not understood
            break;
        }
        type = ext[off + len - 1];
        off += len;
    }
    return off;
}

/* Check the inner packet.  Returns 4 or 6, or 0 if it is bad; *inner_len
   gets the inner packet's own length. */
int
GtpUDecap::check_inner(const unsigned char *inner, int avail, uint32_t *inner_len) const
{
    if (avail < 1)
        return 0;
    int version = inner[0] >> 4;
    if (version == 4) {
        if (avail < (int) sizeof(click_ip))
            return 0;
        const click_ip *iph = reinterpret_cast<const click_ip *>(inner);
        int hlen = iph->ip_hl << 2;
        int tlen = ntohs(iph->ip_len);
        if (hlen < (int) sizeof(click_ip) || tlen < hlen || tlen > avail)
            return 0;
        if (_verify_inner && click_in_cksum(inner, hlen) != 0)
            return 0;
        *inner_len = tlen;
        return 4;
    }
    if (version == 6 && _ipv6) {
        if (avail < 40)
            return 0;
        int plen = be16(inner + 4);
        if (40 + plen > avail)
            return 0;
        *inner_len = 40 + plen;
        return 6;
    }
    return 0;
}

void
GtpUDecap::account(uint32_t teid, bool has_seq, uint16_t seq, int qfi, uint32_t len)
{
    TeidStats *ts = _teids.findp(teid);
    if (!ts) {
        if (_teids.size() >= _max_teids)
            return;
        ts = &_teids.find_force(teid);
    }
    ts->packets++;
    ts->bytes += len;
    if (has_seq) {
        if (ts->seq_valid && seq != (uint16_t) (ts->last_seq + 1))
            ts->seq_gaps++;
        ts->last_seq = seq;
        ts->seq_valid = 1;
    }
    if (qfi >= 0) {
        ts->qfi = qfi;
        _qfi_count[qfi]++;
    }
}

void
GtpUDecap::bad(Packet *p, int why)
{
    _bad[why]++;
    _malformed++;
    checked_output_push(2, p);
}

void
GtpUDecap::push(int, Packet *p)
{
    const click_ip *oip = p->ip_header();
    if (!oip || oip->ip_p != IP_PROTO_UDP || IP_ISFRAG(oip)
        || p->transport_length() < (int) sizeof(click_udp)
        || ntohs(p->udp_header()->uh_dport) != _port) {
        output(0).push(p);
        return;
    }

    const click_udp *uh = p->udp_header();
    int ulen = ntohs(uh->uh_ulen);
    if (ulen < (int) sizeof(click_udp) + GTP_HDR_LEN || ulen > p->transport_length()) {
        bad(p, bad_udp);
        return;
    }
    const unsigned char *gtp = reinterpret_cast<const unsigned char *>(uh + 1);
    int avail = ulen - (int) sizeof(click_udp);

    uint8_t flags = gtp[0];
    uint8_t msg = gtp[1];
    int glen = be16(gtp + 2);
    uint32_t teid = be32(gtp + 4);
    if ((flags >> GTP_VERSION_SHIFT) != 1 || !(flags & GTP_FLAG_PT)) {
        bad(p, bad_version);
        return;
    }
    if (GTP_HDR_LEN + glen != avail) {
        bad(p, bad_length);
        return;
    }
    _msg_count[msg]++;

    int off = GTP_HDR_LEN;
    bool has_seq = false;
    uint16_t seq = 0;
    int qfi = -1;
    if (flags & (GTP_FLAG_E | GTP_FLAG_S | GTP_FLAG_PN)) {
        if (off + GTP_OPT_LEN > avail) {
            bad(p, bad_length);
            return;
        }
        has_seq = (flags & GTP_FLAG_S) != 0;
        seq = be16(gtp + off);
        uint8_t next = gtp[off + 3];
        off += GTP_OPT_LEN;
        if ((flags & GTP_FLAG_E) && next != EXT_NONE) {
            int elen = walk_extensions(gtp + off, avail - off, next, &qfi);
            if (elen < 0) {
                bad(p, bad_ext);
                return;
            }
            off += elen;
        } else if (next != EXT_NONE) {
            bad(p, bad_ext);            // next type without the E flag
            return;
        }
    }

    if (msg != MSG_GPDU) {
        if (is_signalling(msg)) {
            _signalling++;
            checked_output_push(1, p);
        } else
            bad(p, bad_msg);
        return;
    }
    if (teid < _teid_min || teid > _teid_max) {
        bad(p, bad_teid);
        return;
    }

    const unsigned char *inner = gtp + off;
    uint32_t inner_len = 0;
    int version = check_inner(inner, avail - off, &inner_len);
    if (!version) {
        bad(p, bad_inner);
        return;
    }

    account(teid, has_seq, seq, qfi, inner_len);

    p->pull((uint32_t) (inner - p->data()));
    if (p->length() > inner_len)
        p->take(p->length() - inner_len);
    p->clear_mac_header();
    if (version == 4)
        p->set_ip_header(reinterpret_cast<const click_ip *>(p->data()),
                         (p->data()[0] & 0x0F) << 2);
    else
        p->set_network_header(p->data(), 40);
    SET_AGGREGATE_ANNO(p, teid);
    if (qfi >= 0)
        p->set_paint_anno(qfi);
    _decapped++;
    output(0).push(p);
}

enum { h_decapped, h_signalling, h_malformed, h_teids, h_qfi, h_reset };

String
GtpUDecap::read_handler(Element *e, void *thunk)
{
    GtpUDecap *g = static_cast<GtpUDecap *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_decapped:
        sa << g->_decapped;
        break;
    case h_signalling:
        sa << g->_signalling;
        break;
    case h_malformed:
        sa << g->_malformed;
        break;
    case h_teids:
        for (HashMap<uint32_t, TeidStats>::const_iterator it = g->_teids.begin();
             it.live(); ++it)
            sa << it.key() << ' ' << it.value().packets << ' ' << it.value().bytes
               << ' ' << it.value().seq_gaps << ' ' << (int) it.value().qfi << '\n';
        break;
    case h_qfi:
        for (int q = 0; q < NQFI; q++)
            if (g->_qfi_count[q])
                sa << q << ' ' << g->_qfi_count[q] << '\n';
        break;
    }
    return sa.take_string();
}

int
GtpUDecap::write_handler(const String &, Element *e, void *thunk, ErrorHandler *)
{
    GtpUDecap *g = static_cast<GtpUDecap *>(e);
    if ((intptr_t) thunk == h_reset) {
        g->_decapped = g->_signalling = g->_malformed = 0;
        memset(g->_qfi_count, 0, sizeof(g->_qfi_count));
        memset(g->_msg_count, 0, sizeof(g->_msg_count));
        memset(g->_ext_count, 0, sizeof(g->_ext_count));
        memset(g->_bad, 0, sizeof(g->_bad));
        g->_teids.clear();
    }
    return 0;
}

void
GtpUDecap::add_handlers()
{
    add_read_handler("decapped", read_handler, h_decapped);
    add_read_handler("signalling", read_handler, h_signalling);
    add_read_handler("malformed", read_handler, h_malformed);
    add_read_handler("teids", read_handler, h_teids);
    add_read_handler("qfi", read_handler, h_qfi);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GtpUDecap)
