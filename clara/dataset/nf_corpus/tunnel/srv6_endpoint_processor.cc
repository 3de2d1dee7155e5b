// -*- c-basic-offset: 4 -*-
/*
 * srv6_endpoint_processor.cc -- Srv6EndpointProcessor: SRv6 endpoint
 * behaviours on raw IPv6 bytes.  Local SIDs live in a HashMap keyed by a
 * 128-bit struct; the extension header chain is walked to the routing
 * header, the SRH is validated and its TLVs walked, then the next segment
 * is copied into the destination (End, End.X, optional PSP) or the outer
 * headers are removed (End.DT4 / End.DT6).
 *
 * Training code for Clara's compute model (nf_corpus/tunnel): a realistic
 * SRv6 endpoint written for the corpus, not an evaluation NF.  Per packet:
 * byte-offset header parsing, a HashMap lookup with a 16-byte key, a
 * bounded loop over extension headers, a TLV loop with a switch, a
 * 16-byte copy, a header move with memmove and pull(), and annotations.
 */
#include <click/config.h>
#include "srv6_endpoint_processor.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

Srv6EndpointProcessor::Srv6EndpointProcessor()
    : _max_ext(4), _require_hmac(false), _nsids(0), _forwarded(0), _decapped(0),
      _local(0), _transit(0), _errors(0)
{
    memset(_err, 0, sizeof(_err));
    memset(_tlv_seen, 0, sizeof(_tlv_seen));
    memset(_sl_hist, 0, sizeof(_sl_hist));
}

Srv6EndpointProcessor::~Srv6EndpointProcessor()
{
}

/* Parse textual IPv6 ("2001:db8::1") into 16 bytes; false on error. */
int
Srv6EndpointProcessor::parse_ip6(const String &s, unsigned char *out)
{
    uint16_t groups[8];
    int ngroups = 0, gap = -1, i = 0, n = s.length();
    if (n >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 0;
        i = 2;
    }
    while (i < n) {
        unsigned v = 0;
        int digits = 0;
        while (i < n && s[i] != ':') {
            char c = s[i];
            int d = (c >= '0' && c <= '9') ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (d < 0 || ++digits > 4)
                return 0;
            v = (v << 4) | d;
            i++;
        }
        if (digits == 0 || ngroups == 8)
            return 0;
        groups[ngroups++] = v;
        if (i < n) {                        // at a ':'
            i++;
            if (i < n && s[i] == ':') {
                if (gap >= 0)
                    return 0;
                gap = ngroups;
                i++;
            } else if (i == n)
                return 0;
        }
    }
    if (gap < 0 && ngroups != 8)
        return 0;
    int fill = 8 - ngroups;
    for (int g = 0, k = 0; g < 8; g++) {
        uint16_t v = 0;
        if (gap >= 0 && g >= gap && g < gap + fill)
            v = 0;
        else
            v = groups[k++];
        out[2 * g] = v >> 8;
        out[2 * g + 1] = v & 0xFF;
    }
    return 1;
}

int
Srv6EndpointProcessor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> sids;
    if (Args(conf, this, errh)
        .read_all("SID", sids)
        .read("MAX_EXT", _max_ext)
        .read("REQUIRE_HMAC", _require_hmac)
        .complete() < 0)
        return -1;
    if (sids.empty())
        return errh->error("no SID given");
    if (_max_ext < 0 || _max_ext > 16)
        return errh->error("MAX_EXT must be between 0 and 16");
    _sids.clear();
    for (int i = 0; i < sids.size(); i++) {
        Vector<String> w;
        cp_spacevec(sids[i], w);
        unsigned char a[16];
        if (w.size() < 2 || !parse_ip6(w[0], a))
            return errh->error("SID %d: expected ADDRESS BEHAVIOR", i);
        LocalSid ls;
        ls.index = i;
        int next = 2;
        String b = w[1].lower();
        if (b == "end")
            ls.behavior = B_END;
        else if (b == "end.x") {
            unsigned port;
            if (w.size() < 3 || !cp_integer(w[2], &port) || port < FIRST_ADJ_PORT
                || port >= (unsigned) noutputs())
                return errh->error("SID %d: end.x needs an adjacency PORT", i);
            ls.behavior = B_END_X;
            ls.port = port;
            next = 3;
        } else if (b == "end.dt4")
            ls.behavior = B_END_DT4;
        else if (b == "end.dt6")
            ls.behavior = B_END_DT6;
        else
            return errh->error("SID %d: unknown behavior %s", i, w[1].c_str());
        if (next < w.size()) {
            if (w[next].lower() != "psp" || ls.behavior > B_END_X)
                return errh->error("SID %d: unexpected %s", i, w[next].c_str());
            ls.psp = 1;
        }
        if (!_sids.insert(Sid(a), ls))
            return errh->error("SID %d: duplicate address", i);
    }
    _nsids = sids.size();
    return 0;
}

/* Walk hop-by-hop and destination options headers from the IPv6 header.
   Returns the offset of the first other header (its type in *nxt). */
int
Srv6EndpointProcessor::skip_ext(const unsigned char *ip6, int avail, uint8_t *nxt,
                                int want) const
{
    uint8_t nh = ip6[IP6_OFF_NXT];
    int off = IP6_HLEN;
    for (int n = 0; n <= _max_ext; n++) {
        if (nh == want || (nh != NH_HOPOPTS && nh != NH_DSTOPTS)) {
            *nxt = nh;
            return off;
        }
        if (nh == NH_HOPOPTS && off != IP6_HLEN)
            return -1;                      // hop-by-hop only right after IPv6
        if (off + 8 > avail)
            return -1;
        int len = (ip6[off + 1] + 1) << 3;
        if (off + len > avail)
            return -1;
        nh = ip6[off];
        off += len;
    }
    return -1;
}

/* Walk the SRH TLVs in [tlv, tlv+len).  Returns 0 or err_*+1. */
int
Srv6EndpointProcessor::walk_tlvs(const unsigned char *tlv, int len, bool *has_hmac)
{
    int off = 0;
    *has_hmac = false;
    while (off < len) {
        uint8_t type = tlv[off];
        _tlv_seen[type]++;
        if (type == TLV_PAD1) {
            off++;
            continue;
        }
        if (off + 2 > len)
            return err_tlv + 1;
        int tlen = tlv[off + 1];
        if (off + 2 + tlen > len)
            return err_tlv + 1;
        switch (type) {
        case TLV_PADN:
            // padding must be zero and shorter than 8 bytes
            if (tlen > 5)
                return err_tlv + 1;
            for (int i = 0; i < tlen; i++)
                if (tlv[off + 2 + i] != 0)
                    return err_tlv + 1;
            break;
        case TLV_HMAC:
            // D bit, reserved, 32-bit key id, then at least 32 bytes of HMAC
            if (tlen < 6 + 32 || ((tlen - 6) & 7))
                return err_hmac + 1;
            *has_hmac = true;
            break;
        default:
            break;                          // unknown TLVs are skipped
        }
        off += 2 + tlen;
    }
    return 0;
}

/* Penultimate segment pop: move everything before the SRH forward over it. */
Packet *
Srv6EndpointProcessor::pop_srh(Packet *p, int srh_off, int srh_len, uint8_t srh_nxt)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    unsigned char *ip6 = q->data() + (q->network_header() ? q->network_header_offset() : 0);
    // the header in front of the SRH points at it; it must now point past it
    if (srh_off == IP6_HLEN)
        ip6[IP6_OFF_NXT] = srh_nxt;
    else {
        int prev = IP6_HLEN;
        while (prev + ((ip6[prev + 1] + 1) << 3) < srh_off)
            prev += (ip6[prev + 1] + 1) << 3;
        ip6[prev] = srh_nxt;
    }
    uint16_t plen = be16(ip6 + IP6_OFF_PLEN) - srh_len;
    ip6[IP6_OFF_PLEN] = plen >> 8;
    ip6[IP6_OFF_PLEN + 1] = plen & 0xFF;
    int nh_off = (int) (ip6 - q->data());
    memmove(q->data() + srh_len, q->data(), nh_off + srh_off);
    q->pull(srh_len);
    if (nh_off > 0)
        q->set_mac_header(q->data(), nh_off);
    q->set_network_header(q->data() + nh_off, IP6_HLEN);
    return q;
}

void
Srv6EndpointProcessor::error(Packet *p, int why)
{
    _err[why]++;
    _errors++;
    checked_output_push(2, p);
}

void
Srv6EndpointProcessor::push(int, Packet *p)
{
    const unsigned char *ip6 = p->network_header() ? p->network_header() : p->data();
    int avail = (int) (p->end_data() - ip6);
    if (avail < IP6_HLEN) {
        error(p, err_short);
        return;
    }
    if ((ip6[0] >> 4) != 6) {
        error(p, err_version);
        return;
    }
    int plen = be16(ip6 + IP6_OFF_PLEN);
    if (IP6_HLEN + plen > avail) {
        error(p, err_short);
        return;
    }
    avail = IP6_HLEN + plen;

    LocalSid *ls = _sids.findp(Sid(ip6 + IP6_OFF_DST));
    if (!ls) {
        _transit++;
        output(0).push(p);
        return;
    }
    ls->packets++;
    ls->bytes += avail;

    uint8_t nh;
    int off = skip_ext(ip6, avail, &nh, NH_ROUTING);
    if (off < 0) {
        error(p, err_ext);
        return;
    }

    if (ls->behavior == B_END_DT4 || ls->behavior == B_END_DT6) {
        // skip an SRH with nothing left to do, then expect the inner packet
        if (nh == NH_ROUTING) {
            if (off + SRH_FIXED > avail || ip6[off + 3] != 0) {
                error(p, err_srh);
                return;
            }
            nh = ip6[off];
            off += (ip6[off + 1] + 1) << 3;
        }
        uint8_t want = ls->behavior == B_END_DT4 ? NH_IPIP : NH_IPV6;
        int ver = ls->behavior == B_END_DT4 ? 4 : 6;
        if (nh != want || off >= avail || (ip6[off] >> 4) != ver) {
            error(p, err_inner);
            return;
        }
        int strip = (int) (ip6 - p->data()) + off;
        p->pull(strip);
        if (p->length() > (uint32_t) (avail - off))
            p->take(p->length() - (avail - off));
        p->clear_mac_header();
        p->set_network_header(p->data(), ver == 4 ? (p->data()[0] & 0x0F) << 2 : IP6_HLEN);
        p->set_paint_anno(ls->behavior);
        _decapped++;
        output(1).push(p);
        return;
    }

    // End / End.X: the routing header must be an SRH
    if (nh != NH_ROUTING || off + SRH_FIXED > avail) {
        error(p, err_srh);
        return;
    }
    const unsigned char *srh = ip6 + off;
    int srh_len = (srh[1] + 1) << 3;
    uint8_t sl = srh[3], last = srh[4];
    int segs_end = SRH_FIXED + (last + 1) * SEG_LEN;
    if (srh[2] != SRH_TYPE || off + srh_len > avail || segs_end > srh_len || sl > last) {
        error(p, err_srh);
        return;
    }
    _sl_hist[sl & 31]++;
    bool has_hmac;
    if (int e = walk_tlvs(srh + segs_end, srh_len - segs_end, &has_hmac)) {
        error(p, e - 1);
        return;
    }
    if (_require_hmac && !has_hmac) {
        error(p, err_hmac);
        return;
    }

    if (sl == 0) {
        _local++;
        output(1).push(p);
        return;
    }
    if (ip6[IP6_OFF_HLIM] <= 1) {
        error(p, err_hlim);
        return;
    }

    int nh_off = (int) (ip6 - p->data());
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    unsigned char *w6 = q->data() + nh_off;
    unsigned char *wsrh = w6 + off;
    sl--;
    wsrh[3] = sl;
    w6[IP6_OFF_HLIM]--;
    const unsigned char *seg = wsrh + SRH_FIXED + sl * SEG_LEN;
    for (int i = 0; i < SEG_LEN; i += 4) {
        uint32_t v;
        memcpy(&v, seg + i, 4);
        memcpy(w6 + IP6_OFF_DST + i, &v, 4);
        q->set_anno_u32(DST_IP6_ANNO_OFFSET + i, v);
    }
    q->set_paint_anno(ls->behavior);
    SET_AGGREGATE_ANNO(q, ((uint32_t) ls->index << 16) | be16(wsrh + 6));

    Packet *out = q;
    if (sl == 0 && ls->psp) {
        out = pop_srh(q, off, srh_len, wsrh[0]);
        if (!out)
            return;
    }
    _forwarded++;
    if (ls->behavior == B_END_X)
        checked_output_push(ls->port, out);
    else
        output(0).push(out);
}

enum { h_forwarded, h_decapped, h_local, h_errors, h_transit, h_sids };

String
Srv6EndpointProcessor::read_handler(Element *e, void *thunk)
{
    Srv6EndpointProcessor *s = static_cast<Srv6EndpointProcessor *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_forwarded:
        sa << s->_forwarded;
        break;
    case h_decapped:
        sa << s->_decapped;
        break;
    case h_local:
        sa << s->_local;
        break;
    case h_errors:
        sa << s->_errors;
        break;
    case h_transit:
        sa << s->_transit;
        break;
    case h_sids:
        for (HashMap<Sid, LocalSid>::const_iterator it = s->_sids.begin(); it.live(); ++it)
            sa << (unsigned) it.value().index << ' ' << (unsigned) it.value().behavior
               << ' ' << it.value().packets << ' ' << it.value().bytes << '\n';
        break;
    }
    return sa.take_string();
}

void
Srv6EndpointProcessor::add_handlers()
{
    add_read_handler("forwarded", read_handler, h_forwarded);
    add_read_handler("decapped", read_handler, h_decapped);
    add_read_handler("local", read_handler, h_local);
    add_read_handler("errors", read_handler, h_errors);
    add_read_handler("transit", read_handler, h_transit);
    add_read_handler("sids", read_handler, h_sids);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(Srv6EndpointProcessor)
