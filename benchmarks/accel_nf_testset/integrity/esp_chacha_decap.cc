/*
 * esp_chacha_decap.cc -- EspChachaDecap: ESP decryption with the ChaCha20
 * keystream (64-byte blocks, block counter from 1), trailer checks, outer
 * header removal and the inner TCP/UDP checksum check.
 */
#include <click/config.h>
#include "esp_chacha_decap.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/udp.h>
CLICK_DECLS

static inline uint32_t
le32(const unsigned char *p)
{
    return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

EspChachaDecap::EspChachaDecap()
    : _icv_len(16), _check_inner(true), _in(0), _out(0), _no_sa(0), _short(0),
      _bad_trailer(0), _bad_inner(0), _bad_l4sum(0), _dummy(0)
{
}

bool
EspChachaDecap::parse_hex(const String &s, unsigned char *out, int nbytes)
{
    if (s.length() != 2 * nbytes)
        return false;
    for (int i = 0; i < 2 * nbytes; ++i) {
        char c = s[i];
        int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (v < 0)
            return false;
        out[i / 2] = (i & 1) ? (out[i / 2] | v) : (v << 4);
    }
    return true;
}

int
EspChachaDecap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> sas;
    if (Args(conf, this, errh)
        .read_all("SA", sas)
        .read("ICV_LEN", _icv_len)
        .read("CHECK_INNER", _check_inner)
        .complete() < 0)
        return -1;
    if (_icv_len > 32)
        return errh->error("ICV_LEN too large");
    for (int i = 0; i < sas.size(); ++i) {
        Vector<String> w;
        cp_spacevec(sas[i], w);
        unsigned spi;
        unsigned char key[32], salt[4];
        if (w.size() != 3 || !cp_integer(w[0], 0, &spi) || spi < 256
            || !parse_hex(w[1], key, 32) || !parse_hex(w[2], salt, 4))
            return errh->error("SA %d: expected \"SPI KEY(64 hex) SALT(8 hex)\"", i + 1);
        Sa sa;
        for (int k = 0; k < 8; ++k)
            sa.key[k] = le32(key + 4 * k);
        sa.salt = le32(salt);
        _sas.set(spi, sa);
    }
    if (_sas.empty())
        return errh->error("no SA");
    return 0;
}

#define ROTL32(v, n) (((v) << (n)) | ((v) >> (32 - (n))))
#define QR(a, b, c, d)                          \
    do {                                        \
        a += b; d ^= a; d = ROTL32(d, 16);      \
        c += d; b ^= c; b = ROTL32(b, 12);      \
        a += b; d ^= a; d = ROTL32(d, 8);       \
        c += d; b ^= c; b = ROTL32(b, 7);       \
    } while (0)

void
EspChachaDecap::keystream_block(const uint32_t in[16], unsigned char out[64]) const
{
    uint32_t x[16];
    for (int i = 0; i < 16; ++i)
        x[i] = in[i];
    for (int r = 0; r < 10; ++r) {
        QR(x[0], x[4], x[8], x[12]);
        QR(x[1], x[5], x[9], x[13]);
        QR(x[2], x[6], x[10], x[14]);
        QR(x[3], x[7], x[11], x[15]);
        QR(x[0], x[5], x[10], x[15]);
        QR(x[1], x[6], x[11], x[12]);
        QR(x[2], x[7], x[8], x[13]);
        QR(x[3], x[4], x[9], x[14]);
    }
    for (int i = 0; i < 16; ++i) {
        uint32_t v = x[i] + in[i];
        out[4 * i] = v & 0xFF;
        out[4 * i + 1] = (v >> 8) & 0xFF;
        out[4 * i + 2] = (v >> 16) & 0xFF;
        out[4 * i + 3] = v >> 24;
    }
}

void
EspChachaDecap::xor_stream(const Sa &sa, const unsigned char *iv, unsigned char *buf,
                           uint32_t len) const
{
    uint32_t st[16];
    st[0] = 0x61707865U;
    st[1] = 0x3320646eU;
    st[2] = 0x79622d32U;
    st[3] = 0x6b206574U;
    for (int k = 0; k < 8; ++k)
        st[4 + k] = sa.key[k];
    st[12] = 1;
    st[13] = sa.salt;
    st[14] = le32(iv);
    st[15] = le32(iv + 4);
    unsigned char ks[64];
    for (uint32_t off = 0; off < len; off += 64) {
        keystream_block(st, ks);
        st[12]++;
        uint32_t n = len - off < 64 ? len - off : 64;
        for (uint32_t j = 0; j < n; ++j)
            buf[off + j] ^= ks[j];
    }
}

uint16_t
EspChachaDecap::l4_sum(const click_ip *iph, const unsigned char *seg, uint32_t len) const
{
    uint64_t acc = 0;
    uint32_t w;
    memcpy(&w, &iph->ip_src, 4);
    acc += w;
    memcpy(&w, &iph->ip_dst, 4);
    acc += w;
    unsigned char ph[4] = {0, iph->ip_p, (unsigned char) (len >> 8), (unsigned char) len};
    memcpy(&w, ph, 4);
    acc += w;
    uint32_t i = 0;
    for (; i + 4 <= len; i += 4) {
        memcpy(&w, seg + i, 4);
        acc += w;
    }
    if (i < len) {
        unsigned char tail[4] = {0, 0, 0, 0};
        memcpy(tail, seg + i, len - i);
        memcpy(&w, tail, 4);
        acc += w;
    }
    acc = (acc & 0xFFFFFFFFULL) + (acc >> 32);
    acc = (acc & 0xFFFFFFFFULL) + (acc >> 32);
    uint32_t s = (uint32_t) acc;
    s = (s & 0xFFFF) + (s >> 16);
    s = (s & 0xFFFF) + (s >> 16);
    return (uint16_t) s;
}

void
EspChachaDecap::fail(Packet *p, uint64_t &counter)
{
    counter++;
    checked_output_push(1, p);
}

void
EspChachaDecap::push(int, Packet *p)
{
    _in++;
    const click_ip *oip = p->ip_header();
    if (!oip || oip->ip_p != IP_PROTO_ESP || IP_ISFRAG(oip)) {
        fail(p, _bad_inner);
        return;
    }
    uint32_t ohl = oip->ip_hl << 2;
    uint32_t esp_len = ntohs(oip->ip_len) - ohl;
    if ((int) esp_len > p->transport_length()
        || esp_len < ESP_HDR + ESP_IV + 2 + _icv_len + sizeof(click_ip)) {
        fail(p, _short);
        return;
    }
    const unsigned char *esp = p->transport_header();
    uint32_t spi = ((uint32_t) esp[0] << 24) | ((uint32_t) esp[1] << 16)
        | ((uint32_t) esp[2] << 8) | esp[3];
    Sa *sa = _sas.findp(spi);
    if (!sa) {
        fail(p, _no_sa);
        return;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    unsigned char *iv = q->transport_header() + ESP_HDR;
    unsigned char *ct = iv + ESP_IV;
    uint32_t ct_len = esp_len - ESP_HDR - ESP_IV - _icv_len;

    xor_stream(*sa, iv, ct, ct_len);

    // trailer: padding 1, 2, ..., pad length, next header
    uint8_t pad = ct[ct_len - 2];
    uint8_t nh = ct[ct_len - 1];
    if ((uint32_t) pad + 2 > ct_len) {
        fail(q, _bad_trailer);
        return;
    }
    const unsigned char *padp = ct + ct_len - 2 - pad;
    for (uint8_t k = 0; k < pad; ++k)
        if (padp[k] != (uint8_t) (k + 1)) {
            fail(q, _bad_trailer);
            return;
        }
    if (nh != NH_IPV4) {            // next header 59 is a dummy (TFC) packet
        fail(q, nh == NH_NONE ? _dummy : _bad_trailer);
        return;
    }

    uint32_t inner_len = ct_len - 2 - pad;
    uint32_t lead = q->transport_header_offset() + ESP_HDR + ESP_IV;
    q->take(q->length() - lead - inner_len);
    q->pull(lead);

    const click_ip *iip = reinterpret_cast<const click_ip *>(q->data());
    uint32_t ihl = iip->ip_hl << 2;
    if (inner_len < sizeof(click_ip) || iip->ip_v != 4 || ihl < sizeof(click_ip)
        || ihl > inner_len || ntohs(iip->ip_len) != inner_len) {
        fail(q, _bad_inner);
        return;
    }
    q->set_ip_header(iip, ihl);

    if (_check_inner && !IP_ISFRAG(iip)
        && (iip->ip_p == IP_PROTO_TCP || iip->ip_p == IP_PROTO_UDP)) {
        uint32_t seg_len = inner_len - ihl;
        if (seg_len < sizeof(click_udp)) {
            fail(q, _bad_inner);
            return;
        }
        bool no_sum = iip->ip_p == IP_PROTO_UDP && q->udp_header()->uh_sum == 0;
        if (!no_sum && l4_sum(iip, q->transport_header(), seg_len) != 0xFFFF) {
            fail(q, _bad_l4sum);
            return;
        }
    }

    sa->packets++;
    _out++;
    output(0).push(q);
}

String
EspChachaDecap::read_handler(Element *e, void *)
{
    EspChachaDecap *d = static_cast<EspChachaDecap *>(e);
    StringAccum sa;
    sa << "in " << d->_in << "\nout " << d->_out << "\nno_sa " << d->_no_sa
       << "\nshort " << d->_short << "\nbad_trailer " << d->_bad_trailer
       << "\nbad_inner " << d->_bad_inner << "\nbad_l4_checksum " << d->_bad_l4sum
       << "\ndummy " << d->_dummy << "\nsas " << (unsigned long) d->_sas.size() << '\n';
    return sa.take_string();
}

void
EspChachaDecap::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EspChachaDecap)
