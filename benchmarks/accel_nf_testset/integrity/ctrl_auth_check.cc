/*
 * ctrl_auth_check.cc -- CtrlAuthCheck: per-message keyed digest over the
 * control message.  configure() absorbs each peer's padded key once (one
 * block for each pad); the packet path hashes the message and the inner
 * result, and compares the first 12 bytes in constant time.
 */
#include <click/config.h>
#include "ctrl_auth_check.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/udp.h>
CLICK_DECLS

CtrlAuthCheck::CtrlAuthCheck()
    : _npeers(0), _port(0), _max_msg(4096), _allow_replay(false),
      _in(0), _ok(0), _unknown_peer(0), _malformed(0), _bad_tag(0), _replayed(0)
{
}

CtrlAuthCheck::~CtrlAuthCheck()
{
}

static inline uint32_t
rol(uint32_t x, int n)
{
    return (x << n) | (x >> (32 - n));
}

static const uint32_t digest_init[5] = {
    0x67452301U, 0xEFCDAB89U, 0x98BADCFEU, 0x10325476U, 0xC3D2E1F0U
};

void
CtrlAuthCheck::compress(uint32_t h[5], const uint8_t block[64]) const
{
    uint32_t w[80];
    for (int t = 0; t < 16; ++t)
        w[t] = ((uint32_t) block[4 * t] << 24) | ((uint32_t) block[4 * t + 1] << 16)
            | ((uint32_t) block[4 * t + 2] << 8) | block[4 * t + 3];
    for (int t = 16; t < 80; ++t)
        w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; ++t) {
        uint32_t f, k;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5A827999U;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1U;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDCU;
        } else {
            f = b ^ c ^ d;
            k = 0xCA62C1D6U;
        }
        uint32_t tmp = rol(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = tmp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

// Absorb msg (after 'already' bytes were absorbed into h), pad, and write the digest.
void
CtrlAuthCheck::finish(uint32_t h[5], const uint8_t *msg, uint32_t len, uint64_t already,
                      uint8_t out[20]) const
{
    uint64_t total_bits = (already + len) * 8;
    while (len >= BLOCK) {
        compress(h, msg);
        msg += BLOCK;
        len -= BLOCK;
    }
    uint8_t last[2 * BLOCK];
    memset(last, 0, sizeof(last));
    memcpy(last, msg, len);
    last[len] = 0x80;
    uint32_t nb = len + 9 <= BLOCK ? BLOCK : 2 * BLOCK;
    for (int i = 0; i < 8; ++i)
        last[nb - 1 - i] = (uint8_t) (total_bits >> (8 * i));
    compress(h, last);
    if (nb == 2 * BLOCK)
        compress(h, last + BLOCK);
    for (int i = 0; i < 5; ++i) {
        out[4 * i] = h[i] >> 24;
        out[4 * i + 1] = h[i] >> 16;
        out[4 * i + 2] = h[i] >> 8;
        out[4 * i + 3] = h[i];
    }
}

bool
CtrlAuthCheck::tag_matches(int slot, const uint8_t *msg, uint32_t len, const uint8_t *tag) const
{
    uint32_t h[5];
    uint8_t inner[DIGEST], outer[DIGEST];
    memcpy(h, _inner_iv[slot], sizeof(h));
    finish(h, msg, len, BLOCK, inner);
    memcpy(h, _outer_iv[slot], sizeof(h));
    finish(h, inner, DIGEST, BLOCK, outer);
    uint8_t diff = 0;
    for (int i = 0; i < TAG_LEN; ++i)
        diff |= outer[i] ^ tag[i];
    return diff == 0;
}

int
CtrlAuthCheck::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port;
    Vector<String> peers;
    if (Args(conf, this, errh)
        .read_mp("PORT", port)
        .read_all("PEER", peers)
        .read("MAX_MSG", _max_msg)
        .read("ALLOW_REPLAY", _allow_replay)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 65535)
        return errh->error("bad PORT");
    if (peers.empty() || peers.size() > MAX_PEERS)
        return errh->error("need 1 to %d PEER entries", (int) MAX_PEERS);
    _port = port;
    for (int i = 0; i < peers.size(); ++i) {
        Vector<String> w;
        cp_spacevec(peers[i], w);
        if (w.size() != 2 || !cp_ip_address(w[0], &_peer_addr[i], this)
            || (w[1].length() & 1) || w[1].length() > 2 * BLOCK || w[1].length() == 0)
            return errh->error("PEER %d: expected \"ADDR KEY\" (KEY: 1-64 hex bytes)", i + 1);
        uint8_t ipad[BLOCK], opad[BLOCK];
        memset(ipad, 0, BLOCK);
        for (int j = 0; j < w[1].length(); ++j) {
            char c = w[1][j];
            int v = c >= '0' && c <= '9' ? c - '0' : ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                ? (c | 0x20) - 'a' + 10 : -1;
            if (v < 0)
                return errh->error("PEER %d: KEY is not hex", i + 1);
            ipad[j / 2] |= (j & 1) ? v : v << 4;
        }
        for (int j = 0; j < BLOCK; ++j) {
            opad[j] = ipad[j] ^ 0x5C;
            ipad[j] ^= 0x36;
        }
        memcpy(_inner_iv[i], digest_init, sizeof(digest_init));
        compress(_inner_iv[i], ipad);
        memcpy(_outer_iv[i], digest_init, sizeof(digest_init));
        compress(_outer_iv[i], opad);
        _last_seq[i] = 0;
        _seen[i] = false;
        _accepted_from[i] = 0;
        _peer_slot.set(_peer_addr[i], i + 1);       // 0 means "not a peer"
    }
    _npeers = peers.size();
    return 0;
}

void
CtrlAuthCheck::push(int, Packet *p)
{
    _in++;
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)
        || p->transport_length() < (int) sizeof(click_udp)) {
        reject(p, _malformed);
        return;
    }
    const click_udp *uh = p->udp_header();
    int slot = _peer_slot.find(IPAddress(iph->ip_src)) - 1;
    if (ntohs(uh->uh_dport) != _port || slot < 0) {
        reject(p, _unknown_peer);
        return;
    }

    uint32_t ulen = ntohs(uh->uh_ulen);
    if (ulen > (uint32_t) p->transport_length() || ulen < sizeof(click_udp)) {
        reject(p, _malformed);
        return;
    }
    const uint8_t *msg = p->transport_header() + sizeof(click_udp);
    uint32_t mlen = ulen - sizeof(click_udp);
    const ctrl_msg_hdr *cm = reinterpret_cast<const ctrl_msg_hdr *>(msg);
    if (mlen < sizeof(ctrl_msg_hdr) + TAG_LEN || mlen > _max_msg
        || cm->cm_version != CTRL_VERSION || ntohs(cm->cm_length) != mlen) {
        reject(p, _malformed);
        return;
    }

    if (!tag_matches(slot, msg, mlen - TAG_LEN, msg + mlen - TAG_LEN)) {
        reject(p, _bad_tag);
        return;
    }

    uint32_t seq = ntohl(cm->cm_seq);
    if (!_allow_replay && _seen[slot] && (int32_t) (seq - _last_seq[slot]) <= 0) {
        reject(p, _replayed);
        return;
    }
    _last_seq[slot] = seq;
    _seen[slot] = true;
    _accepted_from[slot]++;
    _ok++;
    output(0).push(p);
}

String
CtrlAuthCheck::read_handler(Element *e, void *)
{
    CtrlAuthCheck *c = static_cast<CtrlAuthCheck *>(e);
    StringAccum sa;
    sa << "in " << c->_in << "\naccepted " << c->_ok << "\nunknown_peer " << c->_unknown_peer
       << "\nmalformed " << c->_malformed << "\nbad_authenticator " << c->_bad_tag
       << "\nreplayed " << c->_replayed << '\n';
    for (int i = 0; i < c->_npeers; ++i)
        sa << "peer " << c->_peer_addr[i] << ' ' << c->_accepted_from[i]
           << " last_seq " << c->_last_seq[i] << '\n';
    return sa.take_string();
}

void
CtrlAuthCheck::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CtrlAuthCheck)
