/*
 * srv6_end_process.cc -- Srv6EndProcess: local SID comparison, extension
 * header walk, SRH checks and the segment-list step.
 */
#include <click/config.h>
#include "srv6_end_process.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

Srv6EndProcess::Srv6EndProcess()
    : _decap(true), _check_tlvs(true), _transit(0), _advanced(0), _decapsulated(0),
      _hlim_expired(0), _malformed(0), _hmac_tlvs(0), _no_inner(0)
{
}

Srv6EndProcess::~Srv6EndProcess()
{
}

static inline int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

/* Text form of RFC 4291 section 2.2, forms 1 and 2. */
bool
Srv6EndProcess::text_to_sid(const String &text, Sid &sid)
{
    const char *s = text.data();
    int n = text.length(), dbl = -1, gap_at = -1, ng = 0, i = 0;
    uint16_t g[8];
    for (int k = 0; k + 1 < n; ++k)
        if (s[k] == ':' && s[k + 1] == ':') {
            if (dbl >= 0)
                return false;
            dbl = k;
        }
    while (i < n) {
        if (i == dbl) {
            gap_at = ng;
            if ((i += 2) == n)
                break;
        }
        unsigned v = 0;
        int k = 0;
        for (; i < n && k < 4 && hexval(s[i]) >= 0; ++i, ++k)
            v = (v << 4) | (unsigned) hexval(s[i]);
        if (k == 0 || ng == 8)
            return false;
        g[ng++] = (uint16_t) v;
        if (i == n)
            break;
        if (s[i] != ':')
            return false;
        if (i != dbl && ++i == n)
            return false;
    }
    if (gap_at < 0 ? ng != 8 : ng > 7)
        return false;
    memset(sid.a, 0, 16);
    for (int j = 0; j < ng; ++j) {
        int slot = (gap_at >= 0 && j >= gap_at) ? j + 8 - ng : j;
        sid.a[2 * slot] = (uint8_t) (g[j] >> 8);
        sid.a[2 * slot + 1] = (uint8_t) g[j];
    }
    return true;
}

int
Srv6EndProcess::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> sids;
    if (Args(conf, this, errh)
        .read_all("SID", sids)
        .read("DECAP", _decap)
        .read("CHECK_TLVS", _check_tlvs)
        .complete() < 0)
        return -1;
    if (sids.size() == 0)
        return errh->error("no SID given");
    for (int i = 0; i < sids.size(); ++i) {
        Sid s;
        if (!text_to_sid(sids[i], s))
            return errh->error("SID %d is not an IPv6 address", i + 1);
        _sids.push_back(s);
    }
    return 0;
}

/* TLVs after the segment list: Pad1, PadN (zero filled, at most 5 bytes),
   HMAC (counted, not checked here) and others skipped by length. */
bool
Srv6EndProcess::check_tlvs(const unsigned char *t, unsigned len)
{
    unsigned i = 0;
    while (i < len) {
        if (t[i] == TLV_PAD1) {
            i++;
            continue;
        }
        if (i + 2 > len || i + 2 + t[i + 1] > len)
            return false;
        unsigned vlen = t[i + 1];
        if (t[i] == TLV_PADN) {
            if (vlen > 5)
                return false;
            for (unsigned k = 0; k < vlen; ++k)
                if (t[i + 2 + k] != 0)
                    return false;
        } else if (t[i] == TLV_HMAC)
            _hmac_tlvs++;
        i += 2 + vlen;
    }
    return true;
}

void
Srv6EndProcess::push(int, Packet *p)
{
    const unsigned char *d = p->data();
    uint32_t len = p->length();
    if (len < IP6_LEN || (d[0] >> 4) != 6) {
        error(p, _malformed);
        return;
    }
    bool local = false;
    for (int i = 0; i < _sids.size() && !local; ++i)
        local = memcmp(_sids[i].a, d + 24, 16) == 0;
    if (!local) {
        _transit++;
        output(0).push(p);
        return;
    }

    uint32_t off = IP6_LEN;
    uint8_t nh = d[6];
    while ((nh == NH_HOPOPTS || nh == NH_DSTOPTS) && off + 8 <= len) {
        nh = d[off];
        off += (d[off + 1] + 1) * 8;
    }
    uint8_t inner = nh;
    uint32_t inner_off = off, srh = 0;
    unsigned sl = 0;
    if (nh == NH_ROUTING && off + 8 <= len && d[off + 2] == SRH_TYPE) {
        uint32_t hlen = (d[off + 1] + 1) * 8;
        unsigned last = d[off + 4];
        uint32_t segs_end = off + 8 + SEG_LEN * (last + 1);
        sl = d[off + 3];
        if (off + hlen > len || segs_end > off + hlen || sl > last) {
            error(p, _malformed);
            return;
        }
        for (unsigned k = 0; k <= last; ++k) {
            const unsigned char *seg = d + off + 8 + SEG_LEN * k;
            bool zero = true;
            for (int b = 0; b < 16 && zero; ++b)
                zero = seg[b] == 0;
            if (seg[0] == 0xFF || zero) {
                error(p, _malformed);
                return;
            }
        }
        if (_check_tlvs && !check_tlvs(d + segs_end, off + hlen - segs_end)) {
            error(p, _malformed);
            return;
        }
        srh = off;
        inner = d[off];
        inner_off = off + hlen;
    }

    if (sl == 0) {
        if (!_decap || (inner != NH_IPV4 && inner != NH_IPV6) || inner_off >= len) {
            error(p, _no_inner);
            return;
        }
        p->pull(inner_off);
        p->set_network_header(p->data(), inner == NH_IPV4 ? 20 : IP6_LEN);
        _decapsulated++;
        output(1).push(p);
        return;
    }
    if (d[7] <= 1) {
        error(p, _hlim_expired);
        return;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    unsigned char *w = q->data();
    w[srh + 3] = (uint8_t) --sl;
    memcpy(w + 24, w + srh + 8 + SEG_LEN * sl, 16);
    w[7]--;
    _advanced++;
    output(0).push(q);
}

String
Srv6EndProcess::read_stats(Element *e, void *)
{
    Srv6EndProcess *s = static_cast<Srv6EndProcess *>(e);
    StringAccum sa;
    sa << "transit " << s->_transit << "\nadvanced " << s->_advanced
       << "\ndecapsulated " << s->_decapsulated << "\nhlim_expired " << s->_hlim_expired
       << "\nmalformed " << s->_malformed << "\nhmac_tlvs " << s->_hmac_tlvs
       << "\nno_inner " << s->_no_inner << '\n';
    return sa.take_string();
}

void
Srv6EndProcess::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(Srv6EndProcess)
