// -*- c-basic-offset: 4 -*-
/*
 * tls_sni_extractor.cc -- TlsSniExtractor: a bounds-checked walk over a TLS
 * ClientHello to its server_name extension, a HashMap<String, uint16_t>
 * lookup of the name and its wildcard parents, and a per-connection
 * verdict cache in a HashTable<IPFlowID, Verdict>.
 *
 * Training code for Clara's compute model (nf_corpus/inspection): a
 * realistic SNI-based classifier written for the corpus, not an evaluation
 * NF.  Per packet: a HashTable find (and erase on FIN/RST) for known
 * connections; for a hello, big-endian 16/24-bit field reads with a length
 * check before each, a cipher-suite loop, a compression loop, an extension
 * loop with a switch on the type and a 64-bit duplicate mask, a nested
 * server-name list loop with a lower-casing copy, String construction and
 * HashMap lookups, then a HashTable insert, a paint and a push.
 */
#include <click/config.h>
#include "tls_sni_extractor.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

namespace {
const uint8_t TLS_HANDSHAKE = 22;
const uint8_t HS_CLIENT_HELLO = 1;
const uint16_t EXT_SERVER_NAME = 0;
const uint16_t EXT_ALPN = 16;
const uint16_t EXT_SUPPORTED_VERSIONS = 43;
const uint16_t TLS13 = 0x0304;
const int RANDOM_LEN = 32;

const char *const reason_names[] = {
    "ok", "record", "handshake", "version", "session", "ciphers",
    "compression", "extensions", "duplicate", "sni", "truncated"
};
}

TlsSniExtractor::TlsSniExtractor()
    : _max_flows(16384), _port(443), _default_class(0), _require_sni(false),
      _nwildcards(0), _hellos(0), _with_sni(0), _matched(0), _blocked(0),
      _malformed(0), _cached_segments(0)
{
    memset(_reasons, 0, sizeof(_reasons));
    memset(_versions, 0, sizeof(_versions));
    memset(_ext_types, 0, sizeof(_ext_types));
}

TlsSniExtractor::~TlsSniExtractor()
{
}

int
TlsSniExtractor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> rules;
    unsigned port = 443, def = 0;
    if (Args(conf, this, errh)
        .read_all("SNI", rules)
        .read("PORT", port)
        .read("REQUIRE_SNI", _require_sni)
        .read("MAX_FLOWS", _max_flows)
        .read("DEFAULT_CLASS", def)
        .complete() < 0)
        return -1;
    if (port > 65535)
        return errh->error("PORT out of range");
    if (def > 255)
        return errh->error("DEFAULT_CLASS must be a byte");
    _port = port;
    _default_class = def;

    for (int i = 0; i < rules.size(); ++i) {
        Vector<String> w;
        cp_spacevec(rules[i], w);
        if (w.size() != 2)
            return errh->error("SNI %d: expected \"NAME ACTION\"", i + 1);
        uint16_t action;
        int cls;
        if (w[1] == "block")
            action = BLOCK;
        else if (cp_integer(w[1], &cls) && cls >= 1 && cls <= 255)
            action = (uint16_t) cls;
        else
            return errh->error("SNI %d: ACTION must be 1-255 or block", i + 1);
        String name = w[0].lower();
        if (name.starts_with("*.")) {
            name = name.substring(1);           // keep the leading dot
            _nwildcards++;
        }
        if (name.length() < 1 || name.length() > MAX_SNI)
            return errh->error("SNI %d: bad name length", i + 1);
        if (!_names.insert(name, action))
            return errh->error("SNI %d: name given twice", i + 1);
    }
    return 0;
}

/* The server_name extension body [d, d + n).  0 or a Reason. */
int
TlsSniExtractor::parse_server_name(const unsigned char *d, int n, Hello &h) const
{
    if (n < 2)
        return r_sni;
    int list = be16(d);
    if (list + 2 != n || list < 3)
        return r_sni;
    int pos = 2;
    while (pos + 3 <= n) {
        uint8_t type = d[pos];
        int len = be16(d + pos + 1);
        pos += 3;
        if (pos + len > n)
            return r_sni;
        if (type == 0 && h.sni_len < 0) {
            if (len == 0 || len > MAX_SNI)
                return r_sni;
            const unsigned char *s = d + pos;
            for (int i = 0; i < len; ++i) {
                unsigned char c = s[i];
                if (c >= 'A' && c <= 'Z')
                    c += 'a' - 'A';
                else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                           || c == '-' || c == '.' || c == '_'))
                    return r_sni;
                h.sni[i] = (char) c;
            }
            if (s[0] == '.' || s[len - 1] == '.')
                return r_sni;
            h.sni[len] = 0;
            h.sni_len = len;
        }
        pos += len;
    }
    return pos == n ? r_ok : r_sni;
}

/* Parse a ClientHello record at d (n payload bytes).  0 or a Reason. */
int
TlsSniExtractor::parse_hello(const unsigned char *d, int n, Hello &h)
{
    // record header: type, version, length
    if (n < 5 || d[0] != TLS_HANDSHAKE)
        return r_record;
    if (d[1] != 3 || d[2] > 4)
        return r_version;
    int rlen = be16(d + 3);
    if (rlen < 4 || rlen > 16384 + 2048)
        return r_record;
    if (5 + rlen > n)
        return r_truncated;                 // the hello spans segments
    const unsigned char *q = d + 5;
    int end = rlen;

    // handshake header
    if (q[0] != HS_CLIENT_HELLO)
        return r_handshake;
    int hlen = (int) be24(q + 1);
    if (hlen + 4 > end)
        return r_truncated;
    end = hlen + 4;
    int pos = 4;

    if (pos + 2 + RANDOM_LEN + 1 > end)
        return r_handshake;
    h.version = be16(q + pos);
    if ((h.version >> 8) != 3)
        return r_version;
    pos += 2 + RANDOM_LEN;

    int sid = q[pos++];
    if (sid > 32 || pos + sid + 2 > end)
        return r_session;
    pos += sid;

    int cs_len = be16(q + pos);
    pos += 2;
    if (cs_len < 2 || (cs_len & 1) || pos + cs_len + 1 > end)
        return r_ciphers;
    for (int i = 0; i < cs_len; i += 2) {
        uint16_t cs = be16(q + pos + i);
        if (grease(cs))
            h.ngrease++;
        else if ((cs >> 8) == 0x13)
            h.ntls13++;
        h.nciphers++;
    }
    pos += cs_len;

    int comp_len = q[pos++];
    if (comp_len < 1 || pos + comp_len > end)
        return r_compression;
    bool null_comp = false;
    for (int i = 0; i < comp_len; ++i)
        if (q[pos + i] == 0)
            null_comp = true;
    if (!null_comp)
        return r_compression;
    pos += comp_len;

    if (pos == end)
        return r_ok;                        // no extensions at all
    if (pos + 2 > end)
        return r_extensions;
    int ext_total = be16(q + pos);
    pos += 2;
    if (pos + ext_total != end)
        return r_extensions;

    uint64_t seen = 0;
    while (pos < end) {
        if (pos + 4 > end)
            return r_extensions;
        uint16_t type = be16(q + pos);
        int elen = be16(q + pos + 2);
        pos += 4;
        if (pos + elen > end)
            return r_extensions;
        const unsigned char *body = q + pos;
        if (type < EXT_TYPES) {
            uint64_t bit = (uint64_t) 1 << type;
            if (seen & bit)
                return r_duplicate;
            seen |= bit;
            _ext_types[type]++;
        }
        switch (type) {
        case EXT_SERVER_NAME: {
            int r = parse_server_name(body, elen, h);
            if (r != r_ok)
                return r;
            break;
        }
        case EXT_ALPN: {
            if (elen < 2 || be16(body) + 2 != elen)
                return r_extensions;
            for (int a = 2; a < elen; ) {
                int plen = body[a];
                if (plen == 0 || a + 1 + plen > elen)
                    return r_extensions;
                if (plen == 2 && body[a + 1] == 'h' && body[a + 2] == '2')
                    h.h2 = true;
                h.alpn_count++;
                a += 1 + plen;
            }
            break;
        }
        case EXT_SUPPORTED_VERSIONS: {
            if (elen < 3 || body[0] + 1 != elen || (body[0] & 1))
                return r_extensions;
            for (int v = 1; v < elen; v += 2) {
                uint16_t ver = be16(body + v);
                if (!grease(ver) && ver > h.version && ver <= TLS13)
                    h.version = ver;
            }
            break;
        }
        default:
            break;
        }
        pos += elen;
    }
    return r_ok;
}

/* The action for the hello's name: exact, then wildcard parents. */
uint16_t
TlsSniExtractor::lookup(const Hello &h) const
{
    if (h.sni_len <= 0)
        return _default_class;
    const uint16_t *a = _names.findp(String(h.sni, h.sni_len));
    if (a)
        return *a;
    if (_nwildcards == 0)
        return _default_class;
    for (int i = 0; i < h.sni_len; ++i)
        if (h.sni[i] == '.') {
            a = _names.findp(String(h.sni + i, h.sni_len - i));
            if (a)
                return *a;
        }
    return _default_class;
}

void
TlsSniExtractor::bad(Packet *p, int reason)
{
    _reasons[reason]++;
    if (reason != r_truncated)
        _malformed++;
    checked_output_push(1, p);
}

void
TlsSniExtractor::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_tcp)) {
        output(0).push(p);
        return;
    }
    const click_tcp *th = p->tcp_header();
    IPFlowID key = conn_key(IPFlowID(iph->ip_src, th->th_sport, iph->ip_dst, th->th_dport));
    bool closing = th->th_flags & (TH_FIN | TH_RST);

    // a connection whose hello was seen already
    HashTable<IPFlowID, Verdict>::iterator it = _conns.find(key);
    if (it) {
        Verdict &v = it.value();
        v.segments++;
        _cached_segments++;
        uint16_t action = v.action;
        if (closing)
            _conns.erase(key);
        if (action == BLOCK) {
            checked_output_push(1, p);
            return;
        }
        p->set_paint_anno((uint8_t) action);
        output(0).push(p);
        return;
    }

    if (_port && ntohs(th->th_dport) != _port) {
        output(0).push(p);
        return;
    }
    int thl = th->th_off << 2;
    int ip_end = p->network_header_offset() + ntohs(iph->ip_len);
    int end = (int) p->length() < ip_end ? (int) p->length() : ip_end;
    int off = p->transport_header_offset() + thl;
    if (thl < (int) sizeof(click_tcp) || off >= end
        || p->data()[off] != TLS_HANDSHAKE) {
        output(0).push(p);                  // handshake segments, or not TLS
        return;
    }

    Hello h;
    h.version = 0;
    h.nciphers = h.ngrease = h.ntls13 = h.alpn_count = 0;
    h.h2 = false;
    h.sni_len = -1;
    int r = parse_hello(p->data() + off, end - off, h);
    if (r != r_ok) {
        bad(p, r);
        return;
    }
    _hellos++;
    unsigned vi = h.version >= 0x0300 && h.version <= TLS13 ? h.version - 0x0300 : 0;
    _versions[vi]++;

    if (h.sni_len <= 0 && _require_sni) {
        bad(p, r_sni);
        return;
    }
    if (h.sni_len > 0)
        _with_sni++;
    uint16_t action = lookup(h);
    if (h.sni_len > 0 && action != _default_class)
        _matched++;

    if (!closing && _conns.size() < _max_flows) {
        Verdict v;
        v.action = action;
        v.segments = 1;
        _conns.set(key, v);
    }
    if (action == BLOCK) {
        _blocked++;
        checked_output_push(1, p);
        return;
    }
    p->set_paint_anno((uint8_t) action);
    SET_AGGREGATE_ANNO(p, (uint32_t) h.version << 16 | h.nciphers);
    output(0).push(p);
}

enum { h_stats, h_reasons, h_versions, h_extensions, h_flows };

String
TlsSniExtractor::read_handler(Element *e, void *thunk)
{
    TlsSniExtractor *t = static_cast<TlsSniExtractor *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_stats:
        sa << "hellos " << t->_hellos << "\nwith_sni " << t->_with_sni
           << "\nmatched " << t->_matched << "\nblocked " << t->_blocked
           << "\nmalformed " << t->_malformed << "\ncached_segments "
           << t->_cached_segments << '\n';
        break;
    case h_reasons:
        for (int r = 1; r < r_count; ++r)
            sa << reason_names[r] << ' ' << t->_reasons[r] << '\n';
        break;
    case h_versions:
        sa << "ssl3 " << t->_versions[0] << "\ntls1.0 " << t->_versions[1]
           << "\ntls1.1 " << t->_versions[2] << "\ntls1.2 " << t->_versions[3]
           << "\ntls1.3 " << t->_versions[4] << '\n';
        break;
    case h_extensions:
        for (int x = 0; x < EXT_TYPES; ++x)
            if (t->_ext_types[x])
                sa << x << ' ' << t->_ext_types[x] << '\n';
        break;
    case h_flows:
        for (HashTable<IPFlowID, Verdict>::const_iterator it = t->_conns.begin();
             it.live(); ++it) {
            sa << it.key().unparse() << ' ';
            if (it.value().action == BLOCK)
                sa << "block";
            else
                sa << (int) it.value().action;
            sa << ' ' << it.value().segments << '\n';
        }
        break;
    }
    return sa.take_string();
}

void
TlsSniExtractor::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("reasons", read_handler, h_reasons);
    add_read_handler("versions", read_handler, h_versions);
    add_read_handler("extensions", read_handler, h_extensions);
    add_read_handler("flows", read_handler, h_flows);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TlsSniExtractor)
