// -*- c-basic-offset: 4 -*-
/*
 * gre_decap.cc -- GreDecap: GRE tunnel termination.  Validates the outer
 * IPv4 and GRE headers, parses the optional checksum/key/sequence words,
 * keeps per-key counters in a HashMap and removes the outer headers.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#include <click/config.h>
#include "gre_decap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

GreDecap::GreDecap()
    : _check_cksum(true), _require_key(false), _track_seq(true),
      _decapped(0), _bad_outer(0), _bad_inner(0), _reordered(0)
{
    memset(_fail, 0, sizeof(_fail));
}

GreDecap::~GreDecap()
{
}

int
GreDecap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<unsigned> keys;
    if (Args(conf, this, errh)
        .read("CHECKSUM", _check_cksum)
        .read("REQUIRE_KEY", _require_key)
        .read("SEQUENCE", _track_seq)
        .read_all("KEY", keys)
        .complete() < 0)
        return -1;
    _allowed.clear();
    for (int i = 0; i < keys.size(); i++)
        _allowed.push_back(keys[i]);
    if (!_allowed.empty())
        _require_key = true;
    return 0;
}

/* Parse the GRE header at gre (avail bytes readable).  Returns the header
   length, or minus a fail_* code. */
int
GreDecap::parse_gre(const unsigned char *gre, int avail, uint32_t *key,
                    bool *has_key, uint32_t *seq, bool *has_seq)
{
    if (avail < GRE_BASE_LEN)
        return -fail_short;
    uint16_t flags = (uint16_t) (gre[0] << 8 | gre[1]);
    uint16_t ptype = (uint16_t) (gre[2] << 8 | gre[3]);

    if ((flags & GRE_VERSION) != 0 || (flags & GRE_FLAG_R) != 0)
        return -fail_flags;
    if ((flags & GRE_RESERVED0) != 0)
        return -fail_flags;
    if (ptype != ETHERTYPE_IP)
        return -fail_ptype;

    // Optional words follow in the order C, K, S; walk the three flag bits
    // from the most significant one.
    int off = GRE_BASE_LEN;
    static const uint16_t order[3] = { GRE_FLAG_C, GRE_FLAG_K, GRE_FLAG_S };
    *has_key = false;
    *has_seq = false;
    for (int i = 0; i < 3; i++) {
        if (!(flags & order[i]))
            continue;
        if (off + 4 > avail)
            return -fail_short;
        const unsigned char *w = gre + off;
        switch (order[i]) {
        case GRE_FLAG_C:
            // checksum (16 bits) + reserved1 (16 bits); verified by caller
            if (w[2] != 0 || w[3] != 0)
                return -fail_flags;
            break;
        case GRE_FLAG_K:
            *key = read_be32(w);
            *has_key = true;
            break;
        case GRE_FLAG_S:
            *seq = read_be32(w);
            *has_seq = true;
            break;
        }
        off += 4;
    }
    return off;
}

bool
GreDecap::inner_ok(const click_ip *iph, uint32_t avail) const
{
    if (avail < sizeof(click_ip))
        return false;
    if (iph->ip_v != 4)
        return false;
    uint32_t hlen = iph->ip_hl << 2;
    if (hlen < sizeof(click_ip) || hlen > avail)
        return false;
    uint32_t tlen = ntohs(iph->ip_len);
    if (tlen < hlen || tlen > avail)
        return false;
    return click_in_cksum(reinterpret_cast<const unsigned char *>(iph), hlen) == 0;
}

void
GreDecap::account(uint32_t key, bool has_seq, uint32_t seq, uint32_t len)
{
    KeyState &ks = _keys.find_force(key);
    ks.packets++;
    ks.bytes += len;
    if (has_seq && _track_seq) {
        // RFC 2890: a sequence number not after the last one is out of order
        if (ks.seq_valid && (int32_t) (seq - ks.last_seq) <= 0) {
            ks.reordered++;
            _reordered++;
        } else {
            ks.last_seq = seq;
            ks.seq_valid = true;
        }
    }
}

void
GreDecap::reject(Packet *p, int why, bool inner)
{
    if (why > 0 && why < fail_count)
        _fail[why]++;
    if (inner)
        _bad_inner++;
    else
        _bad_outer++;
    checked_output_push(1, p);
}

void
GreDecap::push(int, Packet *p)
{
    const click_ip *oip = p->ip_header();
    if (!oip || oip->ip_p != IP_PROTO_GRE || IP_ISFRAG(oip)) {
        reject(p, fail_proto, false);
        return;
    }

    uint32_t ohlen = oip->ip_hl << 2;
    const unsigned char *gre = reinterpret_cast<const unsigned char *>(oip) + ohlen;
    int avail = (int) (p->end_data() - gre);
    uint32_t olen = ntohs(oip->ip_len);
    if (olen < ohlen + GRE_BASE_LEN || (int) (olen - ohlen) > avail) {
        reject(p, fail_short, false);
        return;
    }
    avail = olen - ohlen;       // ignore link-level padding

    uint32_t key = 0, seq = 0;
    bool has_key, has_seq;
    int glen = parse_gre(gre, avail, &key, &has_key, &seq, &has_seq);
    if (glen < 0) {
        reject(p, -glen, false);
        return;
    }

    if ((gre[0] & 0x80) && _check_cksum) {
        if (click_in_cksum(gre, avail) != 0) {
            reject(p, fail_cksum, false);
            return;
        }
    }

    if (_require_key && (!has_key || !key_allowed(key))) {
        reject(p, fail_key, false);
        return;
    }

    const click_ip *iip = reinterpret_cast<const click_ip *>(gre + glen);
    uint32_t inner_avail = avail - glen;
    if (!inner_ok(iip, inner_avail)) {
        reject(p, fail_inner, true);
        return;
    }

    account(has_key ? key : 0, has_seq, seq, inner_avail);

    // Remove everything before the inner header (link header, if any, too)
    // and trim anything after the inner datagram.  The old link header is
    // gone, so the MAC header annotation no longer applies.
    uint32_t strip = (uint32_t) (reinterpret_cast<const unsigned char *>(iip) - p->data());
    p->pull(strip);
    p->clear_mac_header();
    uint32_t ilen = ntohs(iip->ip_len);
    if (p->length() > ilen)
        p->take(p->length() - ilen);
    p->set_ip_header(iip, iip->ip_hl << 2);
    _decapped++;
    output(0).push(p);
}

String
GreDecap::read_handler(Element *e, void *thunk)
{
    GreDecap *g = static_cast<GreDecap *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_decapped:
        sa << g->_decapped;
        break;
    case h_bad_outer:
        sa << g->_bad_outer;
        break;
    case h_bad_inner:
        sa << g->_bad_inner;
        break;
    case h_reordered:
        sa << g->_reordered;
        break;
    case h_keys:
        sa << (unsigned long) g->_keys.size();
        break;
    }
    return sa.take_string();
}

int
GreDecap::write_handler(const String &, Element *e, void *thunk, ErrorHandler *)
{
    GreDecap *g = static_cast<GreDecap *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_reset) {
        g->_decapped = g->_bad_outer = g->_bad_inner = g->_reordered = 0;
        memset(g->_fail, 0, sizeof(g->_fail));
        g->_keys.clear();
    }
    return 0;
}

void
GreDecap::add_handlers()
{
    add_read_handler("decapped", read_handler, h_decapped);
    add_read_handler("bad_outer", read_handler, h_bad_outer);
    add_read_handler("bad_inner", read_handler, h_bad_inner);
    add_read_handler("reordered", read_handler, h_reordered);
    add_read_handler("keys", read_handler, h_keys);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GreDecap)
