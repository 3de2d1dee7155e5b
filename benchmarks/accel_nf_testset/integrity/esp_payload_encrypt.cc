/*
 * esp_payload_encrypt.cc -- EspPayloadEncrypt: ESP payload encryption in
 * counter mode.  Round keys are expanded in configure(); the packet path
 * encrypts one counter block per 16 payload bytes and XORs it in.
 */
#include <click/config.h>
#include "esp_payload_encrypt.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

EspPayloadEncrypt::EspPayloadEncrypt()
    : _nsa(0), _icv_len(12), _encrypted(0), _bytes(0), _no_sa(0), _malformed(0)
{
    memset(_iv_next, 0, sizeof(_iv_next));
    memset(_sa_packets, 0, sizeof(_sa_packets));
}

EspPayloadEncrypt::~EspPayloadEncrypt()
{
}

bool
EspPayloadEncrypt::hex_bytes(const String &s, uint8_t *out, int n)
{
    if (s.length() != 2 * n)
        return false;
    for (int i = 0; i < n; ++i) {
        uint8_t b = 0;
        for (int k = 0; k < 2; ++k) {
            char c = s[2 * i + k];
            b <<= 4;
            if (c >= '0' && c <= '9')
                b |= c - '0';
            else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                b |= (c | 0x20) - 'a' + 10;
            else
                return false;
        }
        out[i] = b;
    }
    return true;
}

int
EspPayloadEncrypt::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> sas;
    if (Args(conf, this, errh)
        .read_all("SA", sas)
        .read("ICV_LEN", _icv_len)
        .complete() < 0)
        return -1;
    if (sas.empty() || sas.size() > MAX_SA)
        return errh->error("need 1 to %d SA entries", (int) MAX_SA);
    if (_icv_len > 64)
        return errh->error("ICV_LEN too large");
    for (int i = 0; i < sas.size(); ++i) {
        Vector<String> w;
        cp_spacevec(sas[i], w);
        unsigned spi;
        uint8_t key[16];
        if (w.size() != 3 || !cp_integer(w[0], 0, &spi) || spi < 256
            || !hex_bytes(w[1], key, 16) || !hex_bytes(w[2], _nonce[i], 4))
            return errh->error("SA %d: expected \"SPI KEY(32 hex) NONCE(8 hex)\"", i + 1);
        expand_key(key, _rk[i]);
        memset(key, 0, sizeof(key));
        _sa_spi[i] = spi;
        _iv_next[i] = 1;
        _slot_of.set(spi, i);
    }
    _nsa = sas.size();
    return 0;
}

static const uint8_t sb[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
    0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
    0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
    0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
    0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
    0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
    0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
    0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
    0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
    0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

static inline uint8_t
xt(uint8_t a)
{
    return (uint8_t) ((a << 1) ^ ((a & 0x80) ? 0x1b : 0x00));
}

void
EspPayloadEncrypt::expand_key(const uint8_t key[16], uint8_t *rk) const
{
    memcpy(rk, key, 16);
    uint8_t rc = 0x01;
    for (int i = 16; i < ROUND_KEY_BYTES; i += 4) {
        uint8_t t0 = rk[i - 4], t1 = rk[i - 3], t2 = rk[i - 2], t3 = rk[i - 1];
        if (i % 16 == 0) {
            uint8_t tmp = t0;
            t0 = sb[t1] ^ rc;
            t1 = sb[t2];
            t2 = sb[t3];
            t3 = sb[tmp];
            rc = xt(rc);
        }
        rk[i] = rk[i - 16] ^ t0;
        rk[i + 1] = rk[i - 15] ^ t1;
        rk[i + 2] = rk[i - 14] ^ t2;
        rk[i + 3] = rk[i - 13] ^ t3;
    }
}

// SubBytes and ShiftRows in one pass; the state is column-major (s[row + 4*col])
void
EspPayloadEncrypt::sub_shift(const uint8_t in[16], uint8_t out[16]) const
{
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r)
            out[r + 4 * c] = sb[in[r + 4 * ((c + r) & 3)]];
}

void
EspPayloadEncrypt::mix_columns(uint8_t s[16]) const
{
    for (int c = 0; c < 4; ++c) {
        uint8_t *col = s + 4 * c;
        uint8_t a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3];
        uint8_t all = a0 ^ a1 ^ a2 ^ a3;
        col[0] = a0 ^ all ^ xt(a0 ^ a1);
        col[1] = a1 ^ all ^ xt(a1 ^ a2);
        col[2] = a2 ^ all ^ xt(a2 ^ a3);
        col[3] = a3 ^ all ^ xt(a3 ^ a0);
    }
}

void
EspPayloadEncrypt::encrypt_block(const uint8_t *rk, const uint8_t in[16], uint8_t out[16]) const
{
    uint8_t s[16], t[16];
    for (int i = 0; i < 16; ++i)
        s[i] = in[i] ^ rk[i];
    for (int round = 1; round <= 10; ++round) {
        sub_shift(s, t);
        if (round < 10)
            mix_columns(t);
        const uint8_t *k = rk + 16 * round;
        for (int i = 0; i < 16; ++i)
            s[i] = t[i] ^ k[i];
    }
    memcpy(out, s, 16);
}

Packet *
EspPayloadEncrypt::simple_action(Packet *p)
{
    uint32_t len = p->length();
    if (len < ESP_HDR + IV_LEN + 4 + _icv_len) {
        _malformed++;
        checked_output_push(1, p);
        return 0;
    }
    const unsigned char *d = p->data();
    uint32_t spi = ((uint32_t) d[0] << 24) | ((uint32_t) d[1] << 16)
        | ((uint32_t) d[2] << 8) | d[3];
    int slot = _slot_of.find(spi);      // default value is 0, so confirm the SPI
    if (slot < 0 || slot >= _nsa || _sa_spi[slot] != spi) {
        _no_sa++;
        checked_output_push(1, p);
        return 0;
    }
    uint32_t plen = len - ESP_HDR - IV_LEN - _icv_len;
    if (plen % 4 != 0) {
        _malformed++;
        checked_output_push(1, p);
        return 0;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    unsigned char *iv = q->data() + ESP_HDR;
    uint64_t ivv = _iv_next[slot]++;
    for (int i = 7; i >= 0; --i) {
        iv[i] = (unsigned char) ivv;
        ivv >>= 8;
    }

    uint8_t ctrblk[BLOCK], ks[BLOCK];
    memcpy(ctrblk, _nonce[slot], 4);
    memcpy(ctrblk + 4, iv, IV_LEN);
    uint32_t ctr = 1;
    unsigned char *pt = iv + IV_LEN;
    const uint8_t *rk = _rk[slot];
    for (uint32_t off = 0; off < plen; off += BLOCK) {
        ctrblk[12] = ctr >> 24;
        ctrblk[13] = ctr >> 16;
        ctrblk[14] = ctr >> 8;
        ctrblk[15] = ctr;
        encrypt_block(rk, ctrblk, ks);
        uint32_t n = plen - off < BLOCK ? plen - off : BLOCK;
        for (uint32_t j = 0; j < n; ++j)
            pt[off + j] ^= ks[j];
        ctr++;
    }

    _sa_packets[slot]++;
    _encrypted++;
    _bytes += plen;
    return q;
}

String
EspPayloadEncrypt::read_handler(Element *e, void *)
{
    EspPayloadEncrypt *x = static_cast<EspPayloadEncrypt *>(e);
    StringAccum sa;
    sa << "encrypted " << x->_encrypted << "\nbytes " << x->_bytes << "\nno_sa " << x->_no_sa
       << "\nmalformed " << x->_malformed << '\n';
    for (int i = 0; i < x->_nsa; ++i)
        sa << "sa " << x->_sa_spi[i] << ' ' << x->_sa_packets[i] << '\n';
    return sa.take_string();
}

void
EspPayloadEncrypt::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EspPayloadEncrypt)
