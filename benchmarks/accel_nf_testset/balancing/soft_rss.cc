/*
 * soft_rss.cc -- SoftRSS: software receive-side scaling.
 */
#include <click/config.h>
#include "soft_rss.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
CLICK_DECLS

static const uint8_t default_key[SoftRSS::KEY_BYTES] = {
    0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
    0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
    0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
    0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
    0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa
};

SoftRSS::SoftRSS()
    : _offset(14), _l4(true), _non_ip(0), _two_tuple(0)
{
    memcpy(_key, default_key, sizeof(_key));
    memset(_reta, 0, sizeof(_reta));
    memset(_per_out, 0, sizeof(_per_out));
}

SoftRSS::~SoftRSS()
{
}

int
SoftRSS::parse_key(const String &hex, uint8_t *out)
{
    if (hex.length() != 2 * KEY_BYTES)
        return -1;
    const char *s = hex.data();
    for (int i = 0; i < 2 * KEY_BYTES; ++i) {
        int c = s[i], v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else
            return -1;
        if (i & 1)
            out[i / 2] |= (uint8_t) v;
        else
            out[i / 2] = (uint8_t) (v << 4);
    }
    return 0;
}

int
SoftRSS::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key;
    if (Args(conf, this, errh)
        .read_p("KEY", key)
        .read("L4", _l4)
        .read("OFFSET", _offset)
        .complete() < 0)
        return -1;
    if (key && parse_key(key, _key) < 0)
        return errh->error("KEY must be %d hex digits", 2 * KEY_BYTES);
    if (_offset > 64)
        return errh->error("OFFSET too large");
    return 0;
}

int
SoftRSS::initialize(ErrorHandler *)
{
    for (int i = 0; i < RETA_SIZE; ++i)
        _reta[i] = (uint8_t) (i % noutputs());
    return 0;
}

/* Signature of n input bytes (n <= KEY_BYTES - 4) under _key. */
uint32_t
SoftRSS::spread(const uint8_t *in, unsigned n) const
{
    uint32_t result = 0;
    uint32_t window = ((uint32_t) _key[0] << 24) | ((uint32_t) _key[1] << 16)
        | ((uint32_t) _key[2] << 8) | _key[3];
    for (unsigned i = 0; i < n; ++i) {
        uint8_t byte = in[i];
        uint8_t next = _key[i + 4];
        for (int b = 7; b >= 0; --b) {
            if (byte & (1U << b))
                result ^= window;
            window = (window << 1) | ((next >> b) & 1U);
        }
    }
    return result;
}

void
SoftRSS::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    unsigned len = p->length();
    if (_offset == 14) {
        const click_ether *eh = reinterpret_cast<const click_ether *>(d);
        if (len < 14 + sizeof(click_ip) || eh->ether_type != htons(ETHERTYPE_IP)) {
            _non_ip++;
            _per_out[0]++;
            output(0).push(p);
            return;
        }
    } else if (len < _offset + sizeof(click_ip)) {
        _non_ip++;
        _per_out[0]++;
        output(0).push(p);
        return;
    }

    const click_ip *iph = reinterpret_cast<const click_ip *>(d + _offset);
    unsigned hl = iph->ip_hl << 2;
    uint8_t tuple[12];
    unsigned n = 8;
    memcpy(tuple, &iph->ip_src, 4);
    memcpy(tuple + 4, &iph->ip_dst, 4);
    if (_l4 && (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && !IP_ISFRAG(iph) && hl >= 20 && len >= _offset + hl + 4) {
        memcpy(tuple + 8, d + _offset + hl, 4);     // sport, dport
        n = 12;
    } else
        _two_tuple++;

    uint32_t sig = spread(tuple, n);
    p->set_anno_u32(AGGREGATE_ANNO_OFFSET, sig);
    int out = _reta[sig & (RETA_SIZE - 1)];
    if (out < 16)
        _per_out[out]++;
    checked_output_push(out, p);
}

enum { h_stats, h_reta };

String
SoftRSS::read_handler(Element *e, void *thunk)
{
    SoftRSS *r = static_cast<SoftRSS *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_reta) {
        for (int i = 0; i < RETA_SIZE; ++i)
            sa << (int) r->_reta[i] << (i % 16 == 15 ? '\n' : ' ');
    } else {
        for (int i = 0; i < r->noutputs() && i < 16; ++i)
            sa << "out" << i << ' ' << r->_per_out[i] << '\n';
        sa << "non_ip " << r->_non_ip << "\ntwo_tuple " << r->_two_tuple << '\n';
    }
    return sa.take_string();
}

int
SoftRSS::write_reta(const String &s, Element *e, void *, ErrorHandler *errh)
{
    SoftRSS *r = static_cast<SoftRSS *>(e);
    Vector<String> words;
    cp_spacevec(s, words);
    if (words.size() != RETA_SIZE)
        return errh->error("reta needs %d entries", (int) RETA_SIZE);
    uint8_t tmp[RETA_SIZE];
    for (int i = 0; i < RETA_SIZE; ++i) {
        unsigned v;
        if (!cp_integer(words[i], &v) || v >= (unsigned) r->noutputs())
            return errh->error("reta entry %d out of range", i);
        tmp[i] = (uint8_t) v;
    }
    memcpy(r->_reta, tmp, sizeof(tmp));
    return 0;
}

void
SoftRSS::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("reta", read_handler, h_reta);
    add_write_handler("reta", write_reta, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SoftRSS)
