/*
 * knock_auth_gate.cc -- KnockAuthGate: knock check (MAC with precomputed
 * keyed states, time window, nonce ring), direct-mapped grant table.
 */
#include <click/config.h>
#include "knock_auth_gate.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

static const uint32_t sha_k[64] = {
    0x428a2f98U, 0x71374491U, 0xb5c0fbcfU, 0xe9b5dba5U, 0x3956c25bU, 0x59f111f1U,
    0x923f82a4U, 0xab1c5ed5U, 0xd807aa98U, 0x12835b01U, 0x243185beU, 0x550c7dc3U,
    0x72be5d74U, 0x80deb1feU, 0x9bdc06a7U, 0xc19bf174U, 0xe49b69c1U, 0xefbe4786U,
    0x0fc19dc6U, 0x240ca1ccU, 0x2de92c6fU, 0x4a7484aaU, 0x5cb0a9dcU, 0x76f988daU,
    0x983e5152U, 0xa831c66dU, 0xb00327c8U, 0xbf597fc7U, 0xc6e00bf3U, 0xd5a79147U,
    0x06ca6351U, 0x14292967U, 0x27b70a85U, 0x2e1b2138U, 0x4d2c6dfcU, 0x53380d13U,
    0x650a7354U, 0x766a0abbU, 0x81c2c92eU, 0x92722c85U, 0xa2bfe8a1U, 0xa81a664bU,
    0xc24b8b70U, 0xc76c51a3U, 0xd192e819U, 0xd6990624U, 0xf40e3585U, 0x106aa070U,
    0x19a4c116U, 0x1e376c08U, 0x2748774cU, 0x34b0bcb5U, 0x391c0cb3U, 0x4ed8aa4aU,
    0x5b9cca4fU, 0x682e6ff3U, 0x748f82eeU, 0x78a5636fU, 0x84c87814U, 0x8cc70208U,
    0x90befffaU, 0xa4506cebU, 0xbef9a3f7U, 0xc67178f2U,
};
static const uint32_t sha_iv[8] = {
    0x6a09e667U, 0xbb67ae85U, 0x3c6ef372U, 0xa54ff53aU, 0x510e527fU, 0x9b05688cU, 0x1f83d9abU,
    0x5be0cd19U };

static inline uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

KnockAuthGate::KnockAuthGate()
    : _nonce_pos(0), _nsvc(0), _knock_port(0), _open_secs(15), _skew(30), _knocks(0),
      _granted(0), _bad_tag(0), _replayed(0), _late(0), _syn_ok(0), _syn_refused(0)
{
    memset(_grants, 0, sizeof(_grants));
    memset(_nonces, 0, sizeof(_nonces));
}

void
KnockAuthGate::sha_block(uint32_t *st, const uint8_t *blk) const
{
    uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = ((uint32_t) blk[4 * i] << 24) | ((uint32_t) blk[4 * i + 1] << 16)
            | ((uint32_t) blk[4 * i + 2] << 8) | blk[4 * i + 3];
    for (int i = 16; i < 64; ++i) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    uint32_t e = st[4], f = st[5], g = st[6], h = st[7];
    for (int i = 0; i < 64; ++i) {
        uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g))
            + sha_k[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1;
        d = c; c = b; b = a; a = t1 + t2;
    }
    st[0] += a; st[1] += b; st[2] += c; st[3] += d;
    st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

/* Hash msg into st, which has already absorbed prior bytes (a multiple of
   64), pad, and write the 32-byte digest. */
void
KnockAuthGate::sha_finish(uint32_t *st, uint64_t prior, const uint8_t *msg, uint32_t len,
                          uint8_t *digest) const
{
    uint64_t bits = (prior + len) * 8;
    while (len >= 64) {
        sha_block(st, msg);
        msg += 64;
        len -= 64;
    }
    uint8_t last[128];
    uint32_t n = len < 56 ? 64 : 128;
    memcpy(last, msg, len);
    last[len] = 0x80;
    memset(last + len + 1, 0, n - len - 1);
    for (int i = 0; i < 8; ++i)
        last[n - 1 - i] = (uint8_t) (bits >> (8 * i));
    sha_block(st, last);
    if (n == 128)
        sha_block(st, last + 64);
    for (int i = 0; i < 32; ++i)
        digest[i] = (uint8_t) (st[i >> 2] >> (24 - 8 * (i & 3)));
}

void
KnockAuthGate::set_key(const uint8_t *key, int keylen)
{
    uint8_t k[64], pad[64];
    memset(k, 0, sizeof(k));
    if (keylen > 64) {
        uint32_t st[8];
        memcpy(st, sha_iv, sizeof(st));
        sha_finish(st, 0, key, keylen, k);
    } else
        memcpy(k, key, keylen);
    for (int i = 0; i < 64; ++i)
        pad[i] = k[i] ^ 0x36;
    memcpy(_istate, sha_iv, sizeof(_istate));
    sha_block(_istate, pad);
    for (int i = 0; i < 64; ++i)
        pad[i] = k[i] ^ 0x5c;
    memcpy(_ostate, sha_iv, sizeof(_ostate));
    sha_block(_ostate, pad);
}

void
KnockAuthGate::mac(const uint8_t *msg, uint32_t len, uint8_t *tag) const
{
    uint32_t st[8];
    uint8_t inner[32];
    memcpy(st, _istate, sizeof(st));
    sha_finish(st, 64, msg, len, inner);
    memcpy(st, _ostate, sizeof(st));
    sha_finish(st, 64, inner, sizeof(inner), tag);
}

int
KnockAuthGate::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key, ports;
    unsigned knock_port = 0;
    if (Args(conf, this, errh)
        .read_mp("KEY", key)
        .read_mp("KNOCK_PORT", knock_port)
        .read_mp("PORTS", ports)
        .read("OPEN_SECS", _open_secs)
        .read("SKEW", _skew)
        .complete() < 0)
        return -1;
    if (knock_port == 0 || knock_port > 65535)
        return errh->error("bad KNOCK_PORT");
    _knock_port = (uint16_t) knock_port;

    uint8_t kb[128];
    int klen = key.length() / 2;
    if ((key.length() & 1) || klen == 0 || klen > (int) sizeof(kb))
        return errh->error("KEY must be 1 to 128 bytes of hex");
    for (int i = 0; i < klen; ++i) {
        int v;
        if (!cp_integer(key.substring(2 * i, 2), 16, &v) || v < 0)
            return errh->error("KEY: bad hex digit");
        kb[i] = (uint8_t) v;
    }
    set_key(kb, klen);
    memset(kb, 0, sizeof(kb));

    Vector<String> words;
    cp_spacevec(ports, words);
    _nsvc = 0;
    for (int i = 0; i < words.size(); ++i) {
        int port;
        if (_nsvc == MAX_SVC || !cp_integer(words[i], &port) || port <= 0 || port > 65535)
            return errh->error("PORTS: at most %d ports", (int) MAX_SVC);
        _svc[_nsvc++] = (uint16_t) port;
    }
    return 0;
}

/* Check one knock payload (KNOCK_LEN bytes); record a grant if it is good. */
bool
KnockAuthGate::knock(const click_ip *iph, const uint8_t *pl)
{
    _knocks++;
    if (memcmp(pl, "KNC1", 4) != 0)
        return false;
    uint8_t tag[32];
    mac(pl, SIGNED_LEN, tag);
    uint8_t diff = 0;
    for (int i = 0; i < 32; ++i)
        diff |= tag[i] ^ pl[SIGNED_LEN + i];
    if (diff) {
        _bad_tag++;
        return false;
    }

    int64_t now = Timestamp::now().sec();
    int64_t sent = ((uint32_t) pl[8] << 24) | (pl[9] << 16) | (pl[10] << 8) | pl[11];
    if (sent > now + (int64_t) _skew || sent < now - (int64_t) _skew) {
        _late++;
        return false;
    }
    uint64_t nonce;
    memcpy(&nonce, pl + 12, 8);
    for (int i = 0; i < NONCES; ++i)
        if (_nonces[i] == nonce) {
            _replayed++;
            return false;
        }
    _nonces[_nonce_pos] = nonce;
    _nonce_pos = (_nonce_pos + 1) % NONCES;

    uint16_t port = (uint16_t) ((pl[20] << 8) | pl[21]);
    if (!service(port))
        return false;
    Grant &g = _grants[grant_slot(iph->ip_src.s_addr)];
    g.addr = iph->ip_src.s_addr;
    g.port = port;
    g.expires = now + _open_secs;
    _granted++;
    return true;
}

void
KnockAuthGate::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    const unsigned char *end = p->end_data();
    if (ipb + sizeof(click_ip) > end || iph->ip_v != 4 || !IP_FIRSTFRAG(iph)) {
        output(0).push(p);
        return;
    }
    const unsigned char *th = ipb + (iph->ip_hl << 2);

    if (iph->ip_p == IP_PROTO_UDP && th + sizeof(click_udp) <= end) {
        const click_udp *udph = reinterpret_cast<const click_udp *>(th);
        if (ntohs(udph->uh_dport) == _knock_port) {
            const uint8_t *pl = th + sizeof(click_udp);
            if (pl + KNOCK_LEN <= end)
                knock(iph, pl);
            checked_output_push(2, p);
            return;
        }
    } else if (iph->ip_p == IP_PROTO_TCP && th + sizeof(click_tcp) <= end) {
        const click_tcp *tcph = reinterpret_cast<const click_tcp *>(th);
        uint16_t dport = ntohs(tcph->th_dport);
        if ((tcph->th_flags & (TH_SYN | TH_ACK)) == TH_SYN && service(dport)) {
            const Grant &g = _grants[grant_slot(iph->ip_src.s_addr)];
            if (g.addr == iph->ip_src.s_addr && g.port == dport
                && Timestamp::recent().sec() <= g.expires) {
                _syn_ok++;
                output(0).push(p);
            } else {
                _syn_refused++;
                output(1).push(p);
            }
            return;
        }
    }
    output(0).push(p);
}

void
KnockAuthGate::add_handlers()
{
    add_data_handlers("knocks", Handler::f_read, &_knocks);
    add_data_handlers("granted", Handler::f_read, &_granted);
    add_data_handlers("bad_tag", Handler::f_read, &_bad_tag);
    add_data_handlers("replayed", Handler::f_read, &_replayed);
    add_data_handlers("late", Handler::f_read, &_late);
    add_data_handlers("syn_ok", Handler::f_read, &_syn_ok);
    add_data_handlers("syn_refused", Handler::f_read, &_syn_refused);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(KnockAuthGate)
