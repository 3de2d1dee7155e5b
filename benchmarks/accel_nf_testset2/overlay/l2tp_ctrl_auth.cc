/*
 * l2tp_ctrl_auth.cc -- L2tpCtrlAuth: AVP walk, then the keyed digest of
 * the whole control message (two extra blocks for the outer hash).
 */
#include <click/config.h>
#include "l2tp_ctrl_auth.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

static const uint32_t sine_k[64] = {
    0xD76AA478, 0xE8C7B756, 0x242070DB, 0xC1BDCEEE,
    0xF57C0FAF, 0x4787C62A, 0xA8304613, 0xFD469501,
    0x698098D8, 0x8B44F7AF, 0xFFFF5BB1, 0x895CD7BE,
    0x6B901122, 0xFD987193, 0xA679438E, 0x49B40821,
    0xF61E2562, 0xC040B340, 0x265E5A51, 0xE9B6C7AA,
    0xD62F105D, 0x02441453, 0xD8A1E681, 0xE7D3FBC8,
    0x21E1CDE6, 0xC33707D6, 0xF4D50D87, 0x455A14ED,
    0xA9E3E905, 0xFCEFA3F8, 0x676F02D9, 0x8D2A4C8A,
    0xFFFA3942, 0x8771F681, 0x6D9D6122, 0xFDE5380C,
    0xA4BEEA44, 0x4BDECFA9, 0xF6BB4B60, 0xBEBFBC70,
    0x289B7EC6, 0xEAA127FA, 0xD4EF3085, 0x04881D05,
    0xD9D4D039, 0xE6DB99E5, 0x1FA27CF8, 0xC4AC5665,
    0xF4292244, 0x432AFF97, 0xAB9423A7, 0xFC93A039,
    0x655B59C3, 0x8F0CCC92, 0xFFEFF47D, 0x85845DD1,
    0x6FA87E4F, 0xFE2CE6E0, 0xA3014314, 0x4E0811A1,
    0xF7537E82, 0xBD3AF235, 0x2AD7D2BB, 0xEB86D391,
};

static const uint8_t rot_by[16] = {
    7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21
};

static const uint32_t iv[4] = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476 };

L2tpCtrlAuth::L2tpCtrlAuth()
    : _sign(false), _passed(0), _zlb(0), _bad_digest(0), _no_digest(0),
      _malformed(0), _hidden_avps(0)
{
    memset(_by_type, 0, sizeof(_by_type));
}

L2tpCtrlAuth::~L2tpCtrlAuth()
{
}

int
L2tpCtrlAuth::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String secret, mode = "VERIFY";
    if (Args(conf, this, errh)
        .read_mp("SECRET", secret)
        .read_p("MODE", mode)
        .complete() < 0)
        return -1;
    if (secret.length() == 0 || secret.length() > 64)
        return errh->error("SECRET must be 1 to 64 bytes");
    if (mode == "SIGN")
        _sign = true;
    else if (mode == "VERIFY")
        _sign = false;
    else
        return errh->error("MODE must be SIGN or VERIFY");

    uint8_t ipad[64], opad[64];
    memset(ipad, 0x36, sizeof(ipad));
    memset(opad, 0x5C, sizeof(opad));
    for (int i = 0; i < secret.length(); ++i) {
        ipad[i] ^= (uint8_t) secret.data()[i];
        opad[i] ^= (uint8_t) secret.data()[i];
    }
    memcpy(_inner_iv, iv, sizeof(iv));
    memcpy(_outer_iv, iv, sizeof(iv));
    compress(_inner_iv, ipad);
    compress(_outer_iv, opad);
    return 0;
}

void
L2tpCtrlAuth::compress(uint32_t st[4], const uint8_t *block) const
{
    uint32_t x[16];
    for (int i = 0; i < 16; ++i)
        x[i] = (uint32_t) block[4 * i] | ((uint32_t) block[4 * i + 1] << 8)
            | ((uint32_t) block[4 * i + 2] << 16) | ((uint32_t) block[4 * i + 3] << 24);
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    for (int i = 0; i < 64; ++i) {
        uint32_t f;
        int g;
        switch (i >> 4) {
        case 0: f = (b & c) | (~b & d); g = i; break;
        case 1: f = (d & b) | (~d & c); g = (5 * i + 1) & 15; break;
        case 2: f = b ^ c ^ d; g = (3 * i + 5) & 15; break;
        default: f = c ^ (b | ~d); g = (7 * i) & 15; break;
        }
        uint32_t t = a + f + sine_k[i] + x[g];
        int s = rot_by[(i >> 4) * 4 + (i & 3)];
        a = d;
        d = c;
        c = b;
        b += (t << s) | (t >> (32 - s));
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
}

void
L2tpCtrlAuth::keyed_digest(const uint8_t *msg, uint32_t len, uint8_t out[16]) const
{
    uint32_t st[4];
    memcpy(st, _inner_iv, sizeof(st));
    uint32_t full = len / 64, rem = len % 64;
    for (uint32_t i = 0; i < full; ++i)
        compress(st, msg + 64 * i);

    uint8_t tail[128];
    uint32_t tlen = rem < 56 ? 64 : 128;
    memcpy(tail, msg + 64 * full, rem);
    tail[rem] = 0x80;
    memset(tail + rem + 1, 0, tlen - rem - 1);
    uint64_t bits = (uint64_t) (64 + len) * 8;  // the key block counts too
    for (int i = 0; i < 8; ++i)
        tail[tlen - 8 + i] = (uint8_t) (bits >> (8 * i));
    compress(st, tail);
    if (tlen == 128)
        compress(st, tail + 64);

    uint8_t blk[64];
    memset(blk, 0, sizeof(blk));
    for (int i = 0; i < 16; ++i)
        blk[i] = (uint8_t) (st[i >> 2] >> (8 * (i & 3)));
    blk[16] = 0x80;
    blk[56] = (uint8_t) ((64 + 16) * 8);
    blk[57] = (uint8_t) (((64 + 16) * 8) >> 8);
    memcpy(st, _outer_iv, sizeof(st));
    compress(st, blk);
    for (int i = 0; i < 16; ++i)
        out[i] = (uint8_t) (st[i >> 2] >> (8 * (i & 3)));
}

void
L2tpCtrlAuth::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    uint32_t plen = p->length();
    if (plen < CTRL_HLEN) {
        reject(p, _malformed);
        return;
    }
    uint16_t flags = (uint16_t) (d[0] << 8 | d[1]);
    uint32_t mlen = (uint32_t) (d[2] << 8 | d[3]);
    if (!(flags & 0x8000) || !(flags & 0x4000) || (flags & 0x000F) != 3
        || mlen < CTRL_HLEN || mlen > plen) {
        reject(p, _malformed);
        return;
    }
    if (mlen == CTRL_HLEN) {                    // ZLB ack: nothing to sign
        _zlb++;
        output(0).push(p);
        return;
    }

    // walk the AVPs; the first one must be Message Type
    uint32_t off = CTRL_HLEN, digest_at = 0;
    int msg_type = -1;
    while (off < mlen) {
        if (off + AVP_HLEN > mlen) {
            reject(p, _malformed);
            return;
        }
        uint16_t w = (uint16_t) (d[off] << 8 | d[off + 1]);
        uint32_t alen = w & 0x03FF;
        uint16_t vendor = (uint16_t) (d[off + 2] << 8 | d[off + 3]);
        uint16_t type = (uint16_t) (d[off + 4] << 8 | d[off + 5]);
        if (alen < AVP_HLEN || off + alen > mlen
            || (off == CTRL_HLEN && (vendor != 0 || type != AVP_MESSAGE_TYPE || alen != 8))) {
            reject(p, _malformed);
            return;
        }
        if (off == CTRL_HLEN)
            msg_type = d[off + 6] << 8 | d[off + 7];
        if (w & 0x4000)
            _hidden_avps++;
        if (vendor == 0 && type == AVP_MESSAGE_DIGEST && !digest_at)
            digest_at = off;
        off += alen;
    }
    _by_type[msg_type < NTYPES ? msg_type : 0]++;

    if (!digest_at || (d[digest_at + 1] | ((d[digest_at] & 3) << 8)) != DIGEST_AVP_LEN
        || (d[digest_at + 6] << 8 | d[digest_at + 7]) != DIGEST_HMAC_MD5) {
        reject(p, _no_digest);
        return;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    uint8_t *field = q->data() + digest_at + AVP_HLEN + 2;
    uint8_t carried[16], mine[16];
    memcpy(carried, field, 16);
    memset(field, 0, 16);
    keyed_digest(q->data(), mlen, mine);
    if (_sign)
        memcpy(field, mine, 16);
    else {
        memcpy(field, carried, 16);
        uint8_t diff = 0;
        for (int i = 0; i < 16; ++i)            // constant time
            diff |= carried[i] ^ mine[i];
        if (diff) {
            reject(q, _bad_digest);
            return;
        }
    }
    _passed++;
    output(0).push(q);
}

String
L2tpCtrlAuth::read_stats(Element *e, void *)
{
    L2tpCtrlAuth *a = static_cast<L2tpCtrlAuth *>(e);
    StringAccum sa;
    sa << "passed " << a->_passed << "\nzlb " << a->_zlb
       << "\nbad_digest " << a->_bad_digest << "\nno_digest " << a->_no_digest
       << "\nmalformed " << a->_malformed << "\nhidden_avps " << a->_hidden_avps << '\n';
    for (int t = 1; t < NTYPES; ++t)
        if (a->_by_type[t])
            sa << "type " << t << ' ' << a->_by_type[t] << '\n';
    return sa.take_string();
}

void
L2tpCtrlAuth::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(L2tpCtrlAuth)
