/* wg_data_seal.cc -- WgDataSeal: keystream, in-place encryption, tag. */
#include <click/config.h>
#include "wg_data_seal.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

static inline uint32_t get32le(const uint8_t *p) {
    return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16) | ((uint32_t) p[3] << 24);
}
static inline void put32le(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t) v; p[1] = (uint8_t) (v >> 8); p[2] = (uint8_t) (v >> 16); p[3] = (uint8_t) (v >> 24);
}

WgDataSeal::WgDataSeal()
    : _receiver(0), _counter(0), _reject_after(1ULL << 60), _max_inner(1420),
      _sealed(0), _bytes(0), _exhausted(0), _too_long(0)
{
    memset(_key, 0, sizeof(_key));
}

int
WgDataSeal::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String hex;
    unsigned long long reject_after = 1ULL << 60;
    if (Args(conf, this, errh)
        .read_mp("KEY", hex)
        .read_mp("RECEIVER", _receiver)
        .read("REJECT_AFTER", reject_after)
        .read("MAX_INNER", _max_inner)
        .complete() < 0)
        return -1;
    if (hex.length() != 64)
        return errh->error("KEY must be 64 hex digits");
    uint8_t raw[32];
    for (int i = 0; i < 64; ++i) {
        char c = hex.data()[i] | 0x20;
        int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (v < 0)
            return errh->error("KEY must be 64 hex digits");
        raw[i / 2] = (uint8_t) ((i & 1) ? (raw[i / 2] | v) : (v << 4));
    }
    for (int i = 0; i < 8; ++i)
        _key[i] = get32le(raw + 4 * i);
    _reject_after = reject_after;
    return 0;
}

/* One-time authenticator over GF(2^130 - 5), five 26-bit limbs. */
void
WgDataSeal::mac_init(MacState &m, const uint8_t key[32]) const
{
    uint32_t t0 = get32le(key) & 0x0FFFFFFFU, t1 = get32le(key + 4) & 0x0FFFFFFCU;
    uint32_t t2 = get32le(key + 8) & 0x0FFFFFFCU, t3 = get32le(key + 12) & 0x0FFFFFFCU;
    m.r[0] = t0 & 0x3FFFFFF;
    m.r[1] = ((t0 >> 26) | (t1 << 6)) & 0x3FFFFFF;
    m.r[2] = ((t1 >> 20) | (t2 << 12)) & 0x3FFFFFF;
    m.r[3] = ((t2 >> 14) | (t3 << 18)) & 0x3FFFFFF;
    m.r[4] = t3 >> 8;
    memset(m.h, 0, sizeof(m.h));
    for (int i = 0; i < 4; ++i)
        m.pad[i] = get32le(key + 16 + 4 * i);
}

void
WgDataSeal::mac_absorb(MacState &m, const uint8_t *msg, uint32_t len) const
{
    const uint32_t r0 = m.r[0], r1 = m.r[1], r2 = m.r[2], r3 = m.r[3], r4 = m.r[4];
    const uint32_t s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5;
    uint32_t h0 = m.h[0], h1 = m.h[1], h2 = m.h[2], h3 = m.h[3], h4 = m.h[4];
    uint8_t last[16];
    while (len > 0) {
        const uint8_t *b = msg;
        uint32_t hibit = 1U << 24;
        if (len < 16) {                         // final partial block: append 1, no high bit
            memset(last, 0, sizeof(last));
            memcpy(last, msg, len);
            last[len] = 1;
            b = last;
            hibit = 0;
        }
        uint32_t t0 = get32le(b), t1 = get32le(b + 4), t2 = get32le(b + 8), t3 = get32le(b + 12);
        h0 += t0 & 0x3FFFFFF;
        h1 += ((t0 >> 26) | (t1 << 6)) & 0x3FFFFFF;
        h2 += ((t1 >> 20) | (t2 << 12)) & 0x3FFFFFF;
        h3 += ((t2 >> 14) | (t3 << 18)) & 0x3FFFFFF;
        h4 += (t3 >> 8) | hibit;

        uint64_t d0 = (uint64_t) h0 * r0 + (uint64_t) h1 * s4 + (uint64_t) h2 * s3
            + (uint64_t) h3 * s2 + (uint64_t) h4 * s1;
        uint64_t d1 = (uint64_t) h0 * r1 + (uint64_t) h1 * r0 + (uint64_t) h2 * s4
            + (uint64_t) h3 * s3 + (uint64_t) h4 * s2;
        uint64_t d2 = (uint64_t) h0 * r2 + (uint64_t) h1 * r1 + (uint64_t) h2 * r0
            + (uint64_t) h3 * s4 + (uint64_t) h4 * s3;
        uint64_t d3 = (uint64_t) h0 * r3 + (uint64_t) h1 * r2 + (uint64_t) h2 * r1
            + (uint64_t) h3 * r0 + (uint64_t) h4 * s4;
        uint64_t d4 = (uint64_t) h0 * r4 + (uint64_t) h1 * r3 + (uint64_t) h2 * r2
            + (uint64_t) h3 * r1 + (uint64_t) h4 * r0;
        d1 += d0 >> 26;
        h0 = (uint32_t) d0 & 0x3FFFFFF;
        d2 += d1 >> 26;
        h1 = (uint32_t) d1 & 0x3FFFFFF;
        d3 += d2 >> 26;
        h2 = (uint32_t) d2 & 0x3FFFFFF;
        d4 += d3 >> 26;
        h3 = (uint32_t) d3 & 0x3FFFFFF;
        h4 = (uint32_t) d4 & 0x3FFFFFF;
        h0 += (uint32_t) (d4 >> 26) * 5;
        h1 += h0 >> 26;
        h0 &= 0x3FFFFFF;

        uint32_t step = len < 16 ? len : 16;
        msg += step;
        len -= step;
    }
    m.h[0] = h0; m.h[1] = h1; m.h[2] = h2; m.h[3] = h3; m.h[4] = h4;
}

void
WgDataSeal::mac_finish(MacState &m, uint8_t tag[16]) const
{
    uint32_t h0 = m.h[0], h1 = m.h[1], h2 = m.h[2], h3 = m.h[3], h4 = m.h[4], c;
    c = h1 >> 26; h1 &= 0x3FFFFFF; h2 += c;
    c = h2 >> 26; h2 &= 0x3FFFFFF; h3 += c;
    c = h3 >> 26; h3 &= 0x3FFFFFF; h4 += c;
    c = h4 >> 26; h4 &= 0x3FFFFFF; h0 += c * 5;
    c = h0 >> 26; h0 &= 0x3FFFFFF; h1 += c;

    // h - p = h + 5 - 2^130: keep it when it does not go negative
    uint32_t g0 = h0 + 5;
    c = g0 >> 26; g0 &= 0x3FFFFFF;
    uint32_t g1 = h1 + c;
    c = g1 >> 26; g1 &= 0x3FFFFFF;
    uint32_t g2 = h2 + c;
    c = g2 >> 26; g2 &= 0x3FFFFFF;
    uint32_t g3 = h3 + c;
    c = g3 >> 26; g3 &= 0x3FFFFFF;
    uint32_t g4 = h4 + c - (1U << 26);
    uint32_t keep_g = (g4 >> 31) - 1;           // all ones when g4 >= 0
    h0 = (h0 & ~keep_g) | (g0 & keep_g);
    h1 = (h1 & ~keep_g) | (g1 & keep_g);
    h2 = (h2 & ~keep_g) | (g2 & keep_g);
    h3 = (h3 & ~keep_g) | (g3 & keep_g);
    h4 = (h4 & ~keep_g) | (g4 & keep_g);

    uint64_t f = (uint64_t) h0 + ((uint64_t) h1 << 26);
    uint32_t w0 = (uint32_t) f;
    f = (f >> 32) + ((uint64_t) h2 << 20);
    uint32_t w1 = (uint32_t) f;
    f = (f >> 32) + ((uint64_t) h3 << 14);
    uint32_t w2 = (uint32_t) f;
    f = (f >> 32) + ((uint64_t) h4 << 8);
    uint32_t w3 = (uint32_t) f;

    f = (uint64_t) w0 + m.pad[0];
    put32le(tag, (uint32_t) f);
    f = (f >> 32) + w1 + m.pad[1];
    put32le(tag + 4, (uint32_t) f);
    f = (f >> 32) + w2 + m.pad[2];
    put32le(tag + 8, (uint32_t) f);
    f = (f >> 32) + w3 + m.pad[3];
    put32le(tag + 12, (uint32_t) f);
}

void
WgDataSeal::push(int, Packet *p)
{
    if (_counter >= _reject_after) {
        _exhausted++;
        checked_output_push(1, p);
        return;
    }
    uint32_t len = p->length();
    if (len > _max_inner) {
        _too_long++;
        checked_output_push(1, p);
        return;
    }
    uint32_t plen = (len + 15) & ~15U;
    WritablePacket *q = p->put(plen - len + TAG_LEN);
    if (!q)
        return;
    memset(q->data() + len, 0, plen - len);
    if (!(q = q->push(HDR_LEN)))
        return;

    uint64_t n = _counter++;
    uint8_t *h = q->data();
    put32le(h, MSG_DATA);
    put32le(h + 4, _receiver);
    put32le(h + 8, (uint32_t) n);
    put32le(h + 12, (uint32_t) (n >> 32));

    uint32_t st[16] = { 0x61707865U, 0x3320646EU, 0x79622D32U, 0x6B206574U };
    memcpy(st + 4, _key, sizeof(_key));
    st[12] = 0;                                 // block counter
    st[13] = 0;                                 // nonce: 4 zero bytes, then the counter
    st[14] = (uint32_t) n;
    st[15] = (uint32_t) (n >> 32);
    uint8_t ks[64];
    stream_block(st, ks);
    MacState mac;
    mac_init(mac, ks);

    uint8_t *body = h + HDR_LEN;
    for (uint32_t off = 0; off < plen; off += 64) {
        st[12]++;
        stream_block(st, ks);
        uint32_t chunk = plen - off < 64 ? plen - off : 64;
        for (uint32_t i = 0; i < chunk; ++i)
            body[off + i] ^= ks[i];
    }

    uint8_t lengths[16];
    memset(lengths, 0, 8);                      // no associated data
    put32le(lengths + 8, plen);
    put32le(lengths + 12, 0);
    mac_absorb(mac, body, plen);                // plen is a multiple of 16: no padding
    mac_absorb(mac, lengths, 16);
    mac_finish(mac, body + plen);

    _sealed++;
    _bytes += plen;
    output(0).push(q);
}

String
WgDataSeal::read_stats(Element *e, void *)
{
    WgDataSeal *w = static_cast<WgDataSeal *>(e);
    StringAccum sa;
    sa << "sealed " << w->_sealed << "\nbytes " << w->_bytes
       << "\nexhausted " << w->_exhausted << "\ntoo_long " << w->_too_long << '\n';
    return sa.take_string();
}

void
WgDataSeal::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_data_handlers("counter", Handler::f_read, &_counter);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(WgDataSeal)
