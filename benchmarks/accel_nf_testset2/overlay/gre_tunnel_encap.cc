/*
 * gre_tunnel_encap.cc -- GreTunnelEncap: one push for the whole GRE header,
 * per-tunnel keys and sequence numbers, and the optional GRE checksum
 * over header and payload.
 */
#include <click/config.h>
#include "gre_tunnel_encap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

GreTunnelEncap::GreTunnelEncap()
    : _proto(0x0800), _flags(0), _hlen(4), _max_length(65515), _nkeys(0),
      _packets(0), _bytes(0), _no_tunnel(0), _too_long(0)
{
    memset(_keys, 0, sizeof(_keys));
    memset(_seqs, 0, sizeof(_seqs));
}

GreTunnelEncap::~GreTunnelEncap()
{
}

int
GreTunnelEncap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned proto = 0x0800;
    long long key = -1;                         // -1: no key field
    bool seq = false, csum = true;
    Vector<unsigned> keys;
    if (Args(conf, this, errh)
        .read_p("PROTO", proto)
        .read("KEY", key)
        .read_all("KEYS", keys)
        .read("SEQUENCE", seq)
        .read("CHECKSUM", csum)
        .read("MAX_LENGTH", _max_length)
        .complete() < 0)
        return -1;
    if (proto > 0xFFFF || key > 0xFFFFFFFFLL)
        return errh->error("bad PROTO or KEY");
    _proto = (uint16_t) proto;
    if (keys.size() > MAX_TUNNELS)
        return errh->error("at most %d KEYS", (int) MAX_TUNNELS);
    bool have_key = key >= 0 || keys.size() > 0;
    if (keys.size()) {
        for (int i = 0; i < keys.size(); ++i)
            _keys[i] = keys[i];
        _nkeys = keys.size();
    } else {
        _keys[0] = key >= 0 ? (uint32_t) key : 0;
        _nkeys = 1;
    }

    _flags = (csum ? GRE_CSUM : 0) | (have_key ? GRE_KEY : 0) | (seq ? GRE_SEQ : 0);
    _hlen = 4 + (csum ? 4 : 0) + (have_key ? 4 : 0) + (seq ? 4 : 0);
    return 0;
}

void
GreTunnelEncap::push(int, Packet *p)
{
    int tunnel = _nkeys > 1 ? p->paint_anno() : 0;
    if (tunnel >= _nkeys) {
        drop(p, _no_tunnel);
        return;
    }
    if (p->length() + _hlen > _max_length) {
        drop(p, _too_long);
        return;
    }

    WritablePacket *q = p->push(_hlen);
    if (!q)
        return;
    unsigned char *g = q->data();
    uint16_t fw[2] = { htons(_flags), htons(_proto) };
    memcpy(g, fw, 4);
    unsigned char *opt = g + 4;
    unsigned char *csum_field = 0;
    if (_flags & GRE_CSUM) {
        csum_field = opt;
        memset(opt, 0, 4);                      // checksum + reserved1
        opt += 4;
    }
    if (_flags & GRE_KEY) {
        uint32_t k = htonl(_keys[tunnel]);
        memcpy(opt, &k, 4);
        opt += 4;
    }
    if (_flags & GRE_SEQ) {
        uint32_t s = htonl(_seqs[tunnel]++);
        memcpy(opt, &s, 4);
    }

    if (csum_field) {
        const unsigned char *b = q->data();
        uint32_t n = q->length();
        uint64_t acc = 0;
        for (; n >= 4; b += 4, n -= 4) {
            uint32_t v;
            memcpy(&v, b, 4);
            acc += v;
        }
        if (n >= 2) {
            uint16_t v;
            memcpy(&v, b, 2);
            acc += v;
            b += 2;
            n -= 2;
        }
        if (n) {
            uint16_t v = 0;
            memcpy(&v, b, 1);
            acc += v;
        }
        acc = (acc & 0xFFFFFFFFU) + (acc >> 32);
        acc = (acc & 0xFFFFFFFFU) + (acc >> 32);
        uint32_t s32 = (uint32_t) acc;
        s32 = (s32 & 0xFFFF) + (s32 >> 16);
        s32 = (s32 & 0xFFFF) + (s32 >> 16);
        uint16_t c = (uint16_t) ~s32;
        memcpy(csum_field, &c, 2);
    }

    _packets++;
    _bytes += q->length();
    output(0).push(q);
}

String
GreTunnelEncap::read_stats(Element *e, void *)
{
    GreTunnelEncap *g = static_cast<GreTunnelEncap *>(e);
    StringAccum sa;
    sa << "packets " << g->_packets << "\nbytes " << g->_bytes
       << "\nno_tunnel " << g->_no_tunnel << "\ntoo_long " << g->_too_long << '\n';
    for (int i = 0; i < g->_nkeys; ++i)
        sa << "tunnel " << i << " key " << g->_keys[i] << " seq " << g->_seqs[i] << '\n';
    return sa.take_string();
}

void
GreTunnelEncap::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GreTunnelEncap)
