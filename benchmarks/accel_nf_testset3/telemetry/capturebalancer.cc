/*
 * capturebalancer.{cc,hh} -- RSS-style flow spreading for capture workers
 */

#include <click/config.h>
#include "capturebalancer.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

namespace {

const uint8_t default_rss_key[CaptureBalancer::KEY_LEN] = {
    0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
    0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
    0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
    0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
    0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa
};

// Toeplitz hash as specified for receive-side scaling: for every set bit of
// the input, XOR in the 32-bit window of the key that starts at that bit.
uint32_t
toeplitz_hash(const uint8_t *key, unsigned keylen, const uint8_t *input, unsigned n)
{
    uint32_t hash = 0;
    uint32_t window = ((uint32_t) key[0] << 24) | ((uint32_t) key[1] << 16)
        | ((uint32_t) key[2] << 8) | key[3];
    unsigned next = 4;

    for (unsigned i = 0; i < n; i++) {
        uint8_t byte = input[i];
        uint8_t kb = next < keylen ? key[next] : 0;
        next++;
        for (int bit = 7; bit >= 0; bit--) {
            if (byte & (1U << bit))
                hash ^= window;
            window = (window << 1) | ((kb >> bit) & 1U);
        }
    }
    return hash;
}

int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

}

CaptureBalancer::CaptureBalancer()
    : _symmetric(true), _l4(true), _non_ip(0), _fragments(0)
{
    memset(_per_output, 0, sizeof(_per_output));
}

int
CaptureBalancer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String keystr;
    if (Args(conf, this, errh)
        .read_p("KEY", keystr)
        .read("SYMMETRIC", _symmetric)
        .read("L4", _l4)
        .complete() < 0)
        return -1;

    if (keystr.empty())
        memcpy(_rss_key, default_rss_key, KEY_LEN);
    else if (keystr.length() != 2 * KEY_LEN)
        return errh->error("KEY must be %d hex digits", 2 * KEY_LEN);
    else
        for (int i = 0; i < KEY_LEN; i++) {
            int hi = hexval(keystr[2*i]), lo = hexval(keystr[2*i + 1]);
            if (hi < 0 || lo < 0)
                return errh->error("KEY: bad hex digit");
            _rss_key[i] = (uint8_t) (hi << 4 | lo);
        }

    // round-robin indirection table, as drivers set it up by default
    int nout = noutputs();
    for (int i = 0; i < RETA_SIZE; i++)
        _reta[i] = (uint8_t) (i % nout);
    return 0;
}

void
CaptureBalancer::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)
        || iph->ip_v != 4) {
        // keep non-IP traffic (ARP, LLDP, ...) together on the first worker
        _non_ip++;
        _per_output[0]++;
        output(0).push(p);
        return;
    }

    uint8_t tuple[12];
    unsigned tlen = 8;
    uint32_t a = iph->ip_src.s_addr, b = iph->ip_dst.s_addr;
    uint16_t pa = 0, pb = 0;
    bool have_ports = false;

    if (_l4 && (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP
                || iph->ip_p == IP_PROTO_SCTP)) {
        int hl = iph->ip_hl << 2;
        if (IP_ISFRAG(iph))
            _fragments++;
        else if (p->network_length() >= hl + 4) {
            const uint8_t *l4 = p->network_header() + hl;
            memcpy(&pa, l4, 2);
            memcpy(&pb, l4 + 2, 2);
            have_ports = true;
        }
    }

    // symmetric: put the numerically smaller endpoint first
    if (_symmetric && (ntohl(a) > ntohl(b) || (a == b && ntohs(pa) > ntohs(pb)))) {
        uint32_t t = a; a = b; b = t;
        uint16_t u = pa; pa = pb; pb = u;
    }
    memcpy(tuple, &a, 4);
    memcpy(tuple + 4, &b, 4);
    if (have_ports) {
        memcpy(tuple + 8, &pa, 2);
        memcpy(tuple + 10, &pb, 2);
        tlen = 12;
    }

    uint32_t h = toeplitz_hash(_rss_key, KEY_LEN, tuple, tlen);
    SET_AGGREGATE_ANNO(p, h);
    int port = _reta[h & (RETA_SIZE - 1)];
    _per_output[port]++;
    output(port).push(p);
}

String
CaptureBalancer::read_spread(Element *e, void *)
{
    CaptureBalancer *cb = static_cast<CaptureBalancer *>(e);
    StringAccum sa;
    for (int i = 0; i < cb->noutputs(); i++)
        sa << i << '\t' << cb->_per_output[i] << '\n';
    return sa.take_string();
}

void
CaptureBalancer::add_handlers()
{
    add_read_handler("spread", read_spread, 0);
    add_data_handlers("non_ip", Handler::f_read, &_non_ip);
    add_data_handlers("fragments", Handler::f_read, &_fragments);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CaptureBalancer)
