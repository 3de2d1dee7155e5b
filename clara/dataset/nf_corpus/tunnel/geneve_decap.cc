// -*- c-basic-offset: 4 -*-
/*
 * geneve_decap.cc -- GeneveDecap: Geneve tunnel termination.  Validates the
 * outer UDP and Geneve headers, walks the option TLVs (class, type, length)
 * recording configured options in annotation slots and rejecting unknown
 * critical ones, keeps per-VNI counters in a HashMap and pulls the outer
 * headers off.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel): a realistic
 * Geneve endpoint written for the corpus, not an evaluation NF.  Per
 * packet: outer header checks, a while loop over variable-length TLVs with
 * a linear scan of the known-option table, a switch on the protocol type,
 * a HashMap lookup, annotation writes and pull().
 */
#include <click/config.h>
#include "geneve_decap.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
#include <clicknet/ether.h>
CLICK_DECLS

/* Annotation offsets of the four option-value slots: the tail of the
   IPv6 destination annotation (unused for IPv4 tunnels) and EXTRA_PACKETS. */
static const uint8_t slot_offset[GeneveDecap::NSLOTS] = { 4, 8, 12, 28 };

GeneveDecap::GeneveDecap()
    : _port(6081), _strict_vni(false), _check_udp_len(true), _max_vnis(65536),
      _nknown(0), _decapped(0), _oam(0), _malformed(0)
{
    memset(_known, 0, sizeof(_known));
    memset(_class_hist, 0, sizeof(_class_hist));
    memset(_optlen_hist, 0, sizeof(_optlen_hist));
    memset(_bad, 0, sizeof(_bad));
}

GeneveDecap::~GeneveDecap()
{
}

int
GeneveDecap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> options;
    Vector<unsigned> vnis;
    unsigned port = 6081;
    if (Args(conf, this, errh)
        .read_p("PORT", port)
        .read_all("OPTION", options)
        .read_all("VNI", vnis)
        .read("CHECK_UDP_LENGTH", _check_udp_len)
        .read("MAX_VNIS", _max_vnis)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 0xFFFF)
        return errh->error("PORT out of range");
    _port = port;

    if (options.size() > MAX_KNOWN)
        return errh->error("at most %d OPTIONs", (int) MAX_KNOWN);
    _nknown = 0;
    for (int i = 0; i < options.size(); i++) {
        Vector<String> words;
        cp_spacevec(options[i], words);
        unsigned cls, type, slot;
        if (words.size() != 3 || !cp_integer(words[0], 0, &cls)
            || !cp_integer(words[1], 0, &type) || !cp_integer(words[2], &slot))
            return errh->error("OPTION %d: expected CLASS TYPE SLOT", i);
        if (cls > 0xFFFF || type > 0xFF || slot >= NSLOTS)
            return errh->error("OPTION %d: field out of range", i);
        if (find_known(cls, type) >= 0)
            return errh->error("OPTION %d: duplicate class/type", i);
        _known[_nknown].opt_class = cls;
        _known[_nknown].type = type;
        _known[_nknown].slot = slot;
        _known[_nknown].seen = 0;
        _nknown++;
    }

    _vnis.clear();
    for (int i = 0; i < vnis.size(); i++) {
        if (vnis[i] > 0xFFFFFF)
            return errh->error("VNI %u is not a 24-bit value", vnis[i]);
        VniStats vs;
        vs.allowed = 1;
        _vnis.insert(vnis[i], vs);
    }
    _strict_vni = !vnis.empty();
    if (_max_vnis < (uint32_t) vnis.size())
        _max_vnis = vnis.size();
    return 0;
}

/* Walk the option TLVs in [opt, opt+len).  Returns 0 or a bad_* code. */
int
GeneveDecap::walk_options(const unsigned char *opt, int len, Packet *p, uint32_t *nopts)
{
    uint16_t present = 0;
    int off = 0;
    *nopts = 0;
    while (off < len) {
        if (off + GENEVE_OPT_HDR > len)
            return bad_option;
        uint16_t cls = be16(opt + off);
        uint8_t type = opt[off + 2];
        uint8_t flags_len = opt[off + 3];
        if (flags_len & 0xE0)               // reserved R bits must be zero
            return bad_option;
        int dlen = (flags_len & 0x1F) << 2;
        if (off + GENEVE_OPT_HDR + dlen > len)
            return bad_option;

        _class_hist[cls & 0xFF]++;
        int k = find_known(cls, type);
        if (k >= 0) {
            KnownOption &ko = _known[k];
            ko.seen++;
            uint32_t value = 0;
            if (dlen >= 4)
                value = be32(opt + off + GENEVE_OPT_HDR);
            else if (dlen == 0)
                value = 1;                  // a flag option: presence only
            p->set_anno_u32(slot_offset[ko.slot], value);
            present |= (uint16_t) (1U << ko.slot);
        } else if (type & OPT_CRITICAL)
            return bad_critical;
        (*nopts)++;
        off += GENEVE_OPT_HDR + dlen;
    }
    p->set_anno_u16(GENEVE_USER_ANNO, present);
    return bad_none;
}

/* Check the inner packet of protocol type ptype.  Returns its minimum
   header length, or minus a bad_* code. */
int
GeneveDecap::check_inner(uint16_t ptype, const unsigned char *inner, int avail) const
{
    switch (ptype) {
    case PT_ETHERNET: {
        if (avail < (int) sizeof(click_ether))
            return -bad_inner;
        const click_ether *eh = reinterpret_cast<const click_ether *>(inner);
        // a group (multicast) source address is never valid
        if (eh->ether_shost[0] & 1)
            return -bad_inner;
        return sizeof(click_ether);
    }
    case PT_IPV4: {
        if (avail < (int) sizeof(click_ip))
            return -bad_inner;
        const click_ip *iph = reinterpret_cast<const click_ip *>(inner);
        int hl = iph->ip_hl << 2;
        if (iph->ip_v != 4 || hl < (int) sizeof(click_ip) || hl > avail)
            return -bad_inner;
        int tl = ntohs(iph->ip_len);
        if (tl < hl || tl > avail)
            return -bad_inner;
        return hl;
    }
    case PT_IPV6: {
        if (avail < 40 || (inner[0] >> 4) != 6)
            return -bad_inner;
        int plen = be16(inner + 4);
        if (40 + plen > avail)
            return -bad_inner;
        return 40;
    }
    default:
        return -bad_ptype;
    }
}

void
GeneveDecap::bad(Packet *p, int why)
{
    if (why > 0 && why < bad_count)
        _bad[why]++;
    _malformed++;
    checked_output_push(2, p);
}

void
GeneveDecap::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)) {
        bad(p, bad_udp);
        return;
    }
    const unsigned char *udp = p->transport_header();
    int avail = (int) (p->end_data() - udp);
    if (avail < (int) sizeof(click_udp) + GENEVE_BASE_LEN) {
        bad(p, bad_udp);
        return;
    }
    const click_udp *uh = reinterpret_cast<const click_udp *>(udp);
    if (ntohs(uh->uh_dport) != _port) {
        bad(p, bad_udp);
        return;
    }
    int ulen = ntohs(uh->uh_ulen);
    if (_check_udp_len) {
        if (ulen < (int) sizeof(click_udp) + GENEVE_BASE_LEN || ulen > avail) {
            bad(p, bad_udp);
            return;
        }
        avail = ulen;                       // ignore trailing padding
    }

    const unsigned char *gh = udp + sizeof(click_udp);
    int glen_avail = avail - (int) sizeof(click_udp);
    uint8_t ver_optlen = gh[0];
    uint8_t flags = gh[1];
    if ((ver_optlen >> 6) != 0) {
        bad(p, bad_version);
        return;
    }
    int optlen = (ver_optlen & 0x3F) << 2;
    if (GENEVE_BASE_LEN + optlen > glen_avail) {
        bad(p, bad_optlen);
        return;
    }
    _optlen_hist[ver_optlen & 0x3F]++;
    uint16_t ptype = be16(gh + 2);
    uint32_t vni = be32(gh + 4) >> 8;
    if (gh[7] != 0) {                       // reserved byte after the VNI
        bad(p, bad_version);
        return;
    }

    VniStats *vs = _vnis.findp(vni);
    if (!vs) {
        if (_strict_vni) {
            bad(p, bad_vni);
            return;
        }
        if (_vnis.size() < _max_vnis) {
            _vnis.insert(vni, VniStats());
            vs = _vnis.findp(vni);
        }
    }

    // clear the option slots first: a value must not leak from upstream
    for (int s = 0; s < NSLOTS; s++)
        p->set_anno_u32(slot_offset[s], 0);
    uint32_t nopts = 0;
    if (optlen) {
        int why = walk_options(gh + GENEVE_BASE_LEN, optlen, p, &nopts);
        if (why != bad_none) {
            bad(p, why);
            return;
        }
    } else if (flags & GENEVE_FLAG_C) {
        // critical options announced, but none present
        bad(p, bad_critical);
        return;
    }

    if (flags & GENEVE_FLAG_O) {
        _oam++;
        SET_AGGREGATE_ANNO(p, vni);
        checked_output_push(1, p);
        return;
    }

    const unsigned char *inner = gh + GENEVE_BASE_LEN + optlen;
    int inner_avail = glen_avail - GENEVE_BASE_LEN - optlen;
    int ihl = check_inner(ptype, inner, inner_avail);
    if (ihl < 0) {
        bad(p, -ihl);
        return;
    }

    if (vs) {
        vs->packets++;
        vs->bytes += inner_avail;
        vs->options += nopts;
        vs->last_ptype = ptype;
    }

    // pull off everything before the inner header, trim link padding
    uint32_t strip = (uint32_t) (inner - p->data());
    uint32_t keep = (uint32_t) inner_avail;
    p->pull(strip);
    if (p->length() > keep)
        p->take(p->length() - keep);
    if (ptype == PT_ETHERNET) {
        p->set_mac_header(p->data(), sizeof(click_ether));
        uint16_t et = ntohs(p->ether_header()->ether_type);
        if (et == ETHERTYPE_IP && keep >= sizeof(click_ether) + sizeof(click_ip))
            p->set_ip_header(reinterpret_cast<const click_ip *>(p->data() + sizeof(click_ether)),
                             sizeof(click_ip));
        else
            p->clear_network_header();
    } else {
        p->clear_mac_header();
        p->set_network_header(p->data(), ihl);
    }
    SET_AGGREGATE_ANNO(p, vni);
    _decapped++;
    output(0).push(p);
}

enum { h_decapped, h_oam, h_malformed, h_vnis, h_options, h_reset };

String
GeneveDecap::read_handler(Element *e, void *thunk)
{
    GeneveDecap *g = static_cast<GeneveDecap *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_decapped:
        sa << g->_decapped;
        break;
    case h_oam:
        sa << g->_oam;
        break;
    case h_malformed:
        sa << g->_malformed;
        break;
    case h_vnis:
        for (HashMap<uint32_t, VniStats>::const_iterator it = g->_vnis.begin(); it.live(); ++it)
            sa << it.key() << ' ' << it.value().packets << ' ' << it.value().bytes
               << ' ' << it.value().options << '\n';
        break;
    case h_options:
        for (int i = 0; i < g->_nknown; i++)
            sa << g->_known[i].opt_class << ' ' << (unsigned) g->_known[i].type
               << ' ' << g->_known[i].seen << '\n';
        break;
    }
    return sa.take_string();
}

int
GeneveDecap::write_handler(const String &, Element *e, void *thunk, ErrorHandler *)
{
    GeneveDecap *g = static_cast<GeneveDecap *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_reset) {
        g->_decapped = g->_oam = g->_malformed = 0;
        memset(g->_bad, 0, sizeof(g->_bad));
        memset(g->_class_hist, 0, sizeof(g->_class_hist));
        memset(g->_optlen_hist, 0, sizeof(g->_optlen_hist));
        for (HashMap<uint32_t, VniStats>::iterator it = g->_vnis.begin(); it.live(); ++it) {
            VniStats &vs = it.value();
            vs.packets = vs.bytes = 0;
            vs.options = 0;
        }
    }
    return 0;
}

void
GeneveDecap::add_handlers()
{
    add_read_handler("decapped", read_handler, h_decapped);
    add_read_handler("oam", read_handler, h_oam);
    add_read_handler("malformed", read_handler, h_malformed);
    add_read_handler("vnis", read_handler, h_vnis);
    add_read_handler("options", read_handler, h_options);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GeneveDecap)
