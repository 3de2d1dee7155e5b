// srtp_auth_check.{cc,hh} -- SRTP HMAC-SHA1 tag check and replay protection
#include <click/config.h>
#include "srtp_auth_check.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

#define ROL32(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

SrtpAuthCheck::SrtpAuthCheck()
    : _tag_len(10), _ssrc(0), _ssrc_known(false),
      _roc(0), _s_l(0), _started(false), _window(0), _highest(0),
      _ok(0), _auth_fail(0), _replay(0), _foreign(0), _runt(0)
{
}

void
SrtpAuthCheck::sha1_block(uint32_t *st, const uint8_t *blk) const
{
    uint32_t w[80];
    for (int t = 0; t < 16; t++)
        w[t] = ((uint32_t) blk[4 * t] << 24) | ((uint32_t) blk[4 * t + 1] << 16)
            | ((uint32_t) blk[4 * t + 2] << 8) | blk[4 * t + 3];
    for (int t = 16; t < 80; t++) {
        uint32_t x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
        w[t] = ROL32(x, 1);
    }

    uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4];
    for (int t = 0; t < 80; t++) {
        uint32_t f, k;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5A827999;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDC;
        } else {
            f = b ^ c ^ d;
            k = 0xCA62C1D6;
        }
        uint32_t tmp = ROL32(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = ROL32(b, 30);
        b = a;
        a = tmp;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
}

/* HMAC-SHA1 over msg || ROC (RFC 3711, 4.2), from the precomputed pad states. */
void
SrtpAuthCheck::hmac_sha1(const uint8_t *msg, uint32_t len, uint32_t roc, uint8_t *mac) const
{
    uint32_t st[5];
    uint8_t buf[128];
    memcpy(st, _istate, sizeof(st));

    uint32_t off = 0;
    for (; len - off >= 64; off += 64)
        sha1_block(st, msg + off);
    uint32_t rem = len - off;
    memcpy(buf, msg + off, rem);
    buf[rem++] = (uint8_t) (roc >> 24);
    buf[rem++] = (uint8_t) (roc >> 16);
    buf[rem++] = (uint8_t) (roc >> 8);
    buf[rem++] = (uint8_t) roc;
    buf[rem++] = 0x80;
    uint32_t total = (rem + 8 <= 64) ? 64 : 128;
    memset(buf + rem, 0, total - rem);
    uint64_t bits = ((uint64_t) 64 + len + 4) << 3;
    for (int i = 0; i < 8; i++)
        buf[total - 1 - i] = (uint8_t) (bits >> (8 * i));
    sha1_block(st, buf);
    if (total == 128)
        sha1_block(st, buf + 64);

    /* outer hash over the 20-byte inner digest */
    for (int i = 0; i < 20; i++)
        buf[i] = (uint8_t) (st[i >> 2] >> (24 - 8 * (i & 3)));
    buf[20] = 0x80;
    memset(buf + 21, 0, 64 - 21);
    buf[62] = (uint8_t) (((64 + 20) * 8) >> 8);
    buf[63] = (uint8_t) ((64 + 20) * 8);
    memcpy(st, _ostate, sizeof(st));
    sha1_block(st, buf);
    for (int i = 0; i < 20; i++)
        mac[i] = (uint8_t) (st[i >> 2] >> (24 - 8 * (i & 3)));
}

int
SrtpAuthCheck::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String keyhex;
    if (Args(conf, this, errh)
        .read_mp("AUTH_KEY", keyhex)
        .read("SSRC", _ssrc)
        .read("TAG_LEN", _tag_len)
        .complete() < 0)
        return -1;
    if (_tag_len < 4 || _tag_len > 20)
        return errh->error("TAG_LEN must be between 4 and 20");
    _ssrc_known = _ssrc != 0;

    uint8_t key[MAX_KEY];
    int klen = 0;
    const char *s = keyhex.begin();
    while (s + 1 < keyhex.end() && klen < MAX_KEY) {
        int hi = (*s <= '9') ? *s - '0' : (*s | 0x20) - 'a' + 10;
        int lo = (s[1] <= '9') ? s[1] - '0' : (s[1] | 0x20) - 'a' + 10;
        if (hi < 0 || hi > 15 || lo < 0 || lo > 15)
            return errh->error("AUTH_KEY is not hex");
        key[klen++] = (uint8_t) (hi * 16 + lo);
        s += 2;
    }
    if (s != keyhex.end() || klen == 0)
        return errh->error("bad AUTH_KEY length");

    static const uint32_t sha1_iv[5] = {
        0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0
    };
    for (int pass = 0; pass < 2; pass++) {      /* K ^ ipad, then K ^ opad */
        uint8_t pad[64];
        uint32_t *st = pass ? _ostate : _istate;
        memset(pad, pass ? 0x5c : 0x36, sizeof(pad));
        for (int i = 0; i < klen; i++)
            pad[i] ^= key[i];
        memcpy(st, sha1_iv, sizeof(sha1_iv));
        sha1_block(st, pad);
    }
    memset(key, 0, sizeof(key));
    return 0;
}

int
SrtpAuthCheck::replay_check(uint64_t index) const
{
    if (!_started || index > _highest)
        return 0;
    uint64_t delta = _highest - index;          /* too old, or already seen */
    return (delta >= 64 || ((_window >> delta) & 1)) ? -1 : 0;
}

void
SrtpAuthCheck::replay_update(uint64_t index)
{
    if (!_started) {
        _highest = index;
        _window = 1;
        _started = true;
    } else if (index > _highest) {
        uint64_t shift = index - _highest;
        _window = shift >= 64 ? 1 : (_window << shift) | 1;
        _highest = index;
    } else
        _window |= (uint64_t) 1 << (_highest - index);
}

void
SrtpAuthCheck::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    const uint8_t *rtp = 0, *end = p->end_data();
    if (iph && iph->ip_p == IP_PROTO_UDP)
        rtp = reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2) + sizeof(click_udp);
    if (!rtp || rtp + RTP_MIN + _tag_len > end || (rtp[0] >> 6) != 2) {
        _runt++;
        output(1).push(p);
        return;
    }

    uint32_t ssrc = ((uint32_t) rtp[8] << 24) | ((uint32_t) rtp[9] << 16)
        | ((uint32_t) rtp[10] << 8) | rtp[11];
    if (!_ssrc_known) {
        _ssrc = ssrc;
        _ssrc_known = true;
    } else if (ssrc != _ssrc) {
        _foreign++;
        output(1).push(p);
        return;
    }

    /* RFC 3711 appendix A: guess the ROC of this sequence number */
    uint16_t seq = (uint16_t) ((rtp[2] << 8) | rtp[3]);
    uint32_t v = _roc;
    if (_started) {
        if (_s_l < 32768) {
            if ((int) seq - (int) _s_l > 32768 && _roc > 0)
                v = _roc - 1;
        } else if ((int) _s_l - 32768 > (int) seq)
            v = _roc + 1;
    }
    uint64_t index = ((uint64_t) v << 16) | seq;
    if (replay_check(index) < 0) {
        _replay++;
        output(1).push(p);
        return;
    }

    uint32_t auth_len = (uint32_t) (end - rtp) - _tag_len;
    uint8_t mac[20];
    hmac_sha1(rtp, auth_len, v, mac);
    const uint8_t *tag = rtp + auth_len;
    uint8_t diff = 0;
    for (unsigned i = 0; i < _tag_len; i++)
        diff |= mac[i] ^ tag[i];
    if (diff) {
        _auth_fail++;
        output(1).push(p);
        return;
    }

    bool first = !_started;
    replay_update(index);
    if (first || v > _roc || (v == _roc && seq > _s_l)) {
        _roc = v;
        _s_l = seq;
    }
    _ok++;
    p->take(_tag_len);
    output(0).push(p);
}

void
SrtpAuthCheck::add_handlers()
{
    add_data_handlers("ok", Handler::f_read, &_ok);
    add_data_handlers("auth_fail", Handler::f_read, &_auth_fail);
    add_data_handlers("replay", Handler::f_read, &_replay);
    add_data_handlers("foreign_ssrc", Handler::f_read, &_foreign);
    add_data_handlers("runt", Handler::f_read, &_runt);
    add_data_handlers("roc", Handler::f_read, &_roc);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SrtpAuthCheck)
