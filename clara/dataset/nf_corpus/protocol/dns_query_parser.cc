// -*- c-basic-offset: 4 -*-
/*
 * dns_query_parser.cc -- DnsQueryParser: validates the structure of DNS
 * queries (header, QNAME label walk, QTYPE/QCLASS) and counts queries per
 * QTYPE, opcode, name length and label count; malformed queries go to
 * output 1.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.  Per packet: UDP/port checks, big-endian
 * 16-bit field reads, a bounded byte loop over up to 255 name bytes with a
 * switch on the label type, array counter updates and a 4096-slot ring
 * probe.
 */
#include <click/config.h>
#include "dns_query_parser.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

namespace {
// DNS header flag bits (second and third byte of the header, host order)
const uint16_t DNS_QR = 0x8000;
const uint16_t DNS_OPCODE_MASK = 0x7800;
const int DNS_OPCODE_SHIFT = 11;
const uint16_t DNS_Z = 0x0040;

const uint16_t QCLASS_IN = 1;
const uint16_t QCLASS_CH = 3;
const uint16_t QCLASS_HS = 4;
const uint16_t QCLASS_ANY = 255;

// The OPT pseudo-RR that may follow the question: root name, TYPE 41.
const int OPT_RR_MIN_LEN = 11;
const uint16_t QTYPE_OPT = 41;
}

DnsQueryParser::DnsQueryParser()
    : _port(53), _max_labels(127), _strict_ldh(false), _allow_edns(true),
      _qtype_anno(true), _queries(0), _malformed(0), _retransmits(0),
      _non_dns(0), _id_ring_pos(0)
{
    memset(_qtype_count, 0, sizeof(_qtype_count));
    memset(_opcode_count, 0, sizeof(_opcode_count));
    memset(_name_len_hist, 0, sizeof(_name_len_hist));
    memset(_label_hist, 0, sizeof(_label_hist));
    memset(_bad_reason, 0, sizeof(_bad_reason));
    memset(_id_ring, 0, sizeof(_id_ring));
}

DnsQueryParser::~DnsQueryParser()
{
}

int
DnsQueryParser::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port = 53, max_labels = 127;
    if (Args(conf, this, errh)
        .read_p("PORT", port)
        .read("MAX_LABELS", max_labels)
        .read("STRICT_LDH", _strict_ldh)
        .read("ALLOW_EDNS", _allow_edns)
        .read("QTYPE_ANNO", _qtype_anno)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 65535)
        return errh->error("PORT must be between 1 and 65535");
    if (max_labels < 1 || max_labels > 127)
        return errh->error("MAX_LABELS must be between 1 and 127");
    _port = port;
    _max_labels = max_labels;
    return 0;
}

/* Walk the QNAME at q (avail bytes).  Returns the number of bytes the name
   occupies on the wire (including the root byte), or minus a Malformation.
   *name_len gets the presentation length (labels plus dots). */
int
DnsQueryParser::walk_name(const unsigned char *q, int avail, int *name_len,
                          int *labels) const
{
    int off = 0, nlabels = 0, plen = 0;
    // A name never exceeds 255 wire bytes; the loop is bounded by that.
    while (off < MAX_NAME_LEN + 1) {
        if (off >= avail)
            return -bad_short;
        uint8_t len = q[off];
        switch (len & 0xC0) {
        case 0x00:
            break;
        case 0xC0:
            // a compression pointer has nothing to point back to in a
            // single-question query
            return -bad_pointer;
        default:
            // 0x40 (extended label) and 0x80 are reserved
            return -bad_label;
        }
        if (len == 0) {
            off++;
            *name_len = plen > 0 ? plen - 1 : 0;    // no trailing dot
            *labels = nlabels;
            return off;
        }
        if (len > MAX_LABEL_LEN)
            return -bad_label;
        if (off + 1 + len > avail)
            return -bad_short;
        if (off + 1 + len >= MAX_NAME_LEN)
            return -bad_name_len;
        if (++nlabels > _max_labels)
            return -bad_name_len;

        if (_strict_ldh) {
            const unsigned char *lab = q + off + 1;
            for (int i = 0; i < len; i++) {
                unsigned char c = lab[i];
                if (ldh_char(c))
                    continue;
                if (c == '_' && i == 0)
                    continue;
                return -bad_ldh;
            }
            if (lab[0] == '-' || lab[len - 1] == '-')
                return -bad_ldh;
        }
        plen += len + 1;
        off += 1 + len;
    }
    return -bad_name_len;
}

bool
DnsQueryParser::seen_recently(uint32_t tag)
{
    // Two-way set: a tag lives in its home slot or the next one.  When
    // both are taken, a rotating counter picks the victim, so old
    // (source, ID) pairs age out as new queries arrive.
    uint32_t slot = tag & (ID_RING - 1);
    uint32_t alt = (slot + 1) & (ID_RING - 1);
    if (_id_ring[slot] == tag || _id_ring[alt] == tag)
        return true;
    if (_id_ring[slot] == 0)
        _id_ring[slot] = tag;
    else if (_id_ring[alt] == 0)
        _id_ring[alt] = tag;
    else {
        _id_ring[(_id_ring_pos & 1) ? alt : slot] = tag;
        _id_ring_pos++;
    }
    return false;
}

void
DnsQueryParser::malformed(Packet *p, int why)
{
    if (why > 0 && why < bad_count)
        _bad_reason[why]++;
    _malformed++;
    checked_output_push(1, p);
}

void
DnsQueryParser::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_udp)) {
        _non_dns++;
        output(0).push(p);
        return;
    }
    const click_udp *uh = p->udp_header();
    if (ntohs(uh->uh_dport) != _port) {
        _non_dns++;
        output(0).push(p);
        return;
    }

    int ulen = ntohs(uh->uh_ulen);
    if (ulen > p->transport_length())
        ulen = p->transport_length();
    const unsigned char *dns = reinterpret_cast<const unsigned char *>(uh + 1);
    int avail = ulen - (int) sizeof(click_udp);
    if (avail < DNS_HEADER_LEN) {
        malformed(p, bad_short);
        return;
    }

    uint16_t id = be16(dns);
    uint16_t flags = be16(dns + 2);
    uint16_t qdcount = be16(dns + 4);
    uint16_t ancount = be16(dns + 6);
    uint16_t nscount = be16(dns + 8);
    uint16_t arcount = be16(dns + 10);

    if (flags & DNS_QR) {
        malformed(p, bad_qr);
        return;
    }
    unsigned opcode = (flags & DNS_OPCODE_MASK) >> DNS_OPCODE_SHIFT;
    switch (opcode) {
    case 0:             // QUERY
    case 1:             // IQUERY (obsolete, still counted)
    case 2:             // STATUS
    case 4:             // NOTIFY
    case 5:             // UPDATE
        break;
    default:
        malformed(p, bad_opcode);
        return;
    }
    if ((flags & DNS_Z) || qdcount != 1 || ancount != 0
        || (nscount != 0 && opcode != 5)
        || arcount > (_allow_edns ? 1 : 0)) {
        malformed(p, bad_counts);
        return;
    }

    int name_len = 0, labels = 0;
    int wire = walk_name(dns + DNS_HEADER_LEN, avail - DNS_HEADER_LEN,
                         &name_len, &labels);
    if (wire < 0) {
        malformed(p, -wire);
        return;
    }
    int off = DNS_HEADER_LEN + wire;
    if (off + 4 > avail) {
        malformed(p, bad_short);
        return;
    }
    uint16_t qtype = be16(dns + off);
    uint16_t qclass = be16(dns + off + 2);
    off += 4;

    switch (qclass) {
    case QCLASS_IN:
    case QCLASS_CH:
    case QCLASS_HS:
    case QCLASS_ANY:
        break;
    default:
        malformed(p, bad_qclass);
        return;
    }
    if (qtype == 0 || qtype == QTYPE_OPT) {
        malformed(p, bad_counts);
        return;
    }

    // Whatever follows must be the announced OPT record (root name, TYPE
    // 41); anything else trailing the question is malformed.
    if (arcount == 1) {
        if (avail - off < OPT_RR_MIN_LEN || dns[off] != 0
            || be16(dns + off + 1) != QTYPE_OPT) {
            malformed(p, bad_trailing);
            return;
        }
        uint16_t rdlen = be16(dns + off + 9);
        if (off + OPT_RR_MIN_LEN + rdlen > avail) {
            malformed(p, bad_short);
            return;
        }
    } else if (off != avail) {
        malformed(p, bad_trailing);
        return;
    }

    _queries++;
    _qtype_count[qtype_slot(qtype)]++;
    _opcode_count[opcode]++;
    _name_len_hist[name_len]++;
    _label_hist[labels & 127]++;
    if (seen_recently(id_tag(iph->ip_src.s_addr, uh->uh_sport, id)))
        _retransmits++;
    if (_qtype_anno)
        SET_AGGREGATE_ANNO(p, qtype);
    output(0).push(p);
}

enum { h_queries, h_malformed, h_retransmits, h_qtypes, h_name_lengths,
       h_reasons, h_reset };

String
DnsQueryParser::read_handler(Element *e, void *thunk)
{
    DnsQueryParser *d = static_cast<DnsQueryParser *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_queries:
        sa << d->_queries;
        break;
    case h_malformed:
        sa << d->_malformed;
        break;
    case h_retransmits:
        sa << d->_retransmits;
        break;
    case h_qtypes:
        for (int t = 0; t < NQTYPES; t++)
            if (d->_qtype_count[t])
                sa << t << ' ' << d->_qtype_count[t] << '\n';
        break;
    case h_name_lengths:
        for (int l = 0; l <= MAX_NAME_LEN; l++)
            if (d->_name_len_hist[l])
                sa << l << ' ' << d->_name_len_hist[l] << '\n';
        break;
    case h_reasons:
        for (int r = 1; r < bad_count; r++)
            sa << d->_bad_reason[r] << (r + 1 < bad_count ? ' ' : '\n');
        break;
    }
    return sa.take_string();
}

int
DnsQueryParser::write_handler(const String &, Element *e, void *thunk,
                              ErrorHandler *)
{
    DnsQueryParser *d = static_cast<DnsQueryParser *>(e);
    if ((intptr_t) thunk == h_reset) {
        d->_queries = d->_malformed = d->_retransmits = d->_non_dns = 0;
        memset(d->_qtype_count, 0, sizeof(d->_qtype_count));
        memset(d->_opcode_count, 0, sizeof(d->_opcode_count));
        memset(d->_name_len_hist, 0, sizeof(d->_name_len_hist));
        memset(d->_label_hist, 0, sizeof(d->_label_hist));
        memset(d->_bad_reason, 0, sizeof(d->_bad_reason));
        memset(d->_id_ring, 0, sizeof(d->_id_ring));
        d->_id_ring_pos = 0;
    }
    return 0;
}

void
DnsQueryParser::add_handlers()
{
    add_read_handler("queries", read_handler, h_queries);
    add_read_handler("malformed", read_handler, h_malformed);
    add_read_handler("retransmits", read_handler, h_retransmits);
    add_read_handler("qtypes", read_handler, h_qtypes);
    add_read_handler("name_lengths", read_handler, h_name_lengths);
    add_read_handler("reasons", read_handler, h_reasons);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DnsQueryParser)
