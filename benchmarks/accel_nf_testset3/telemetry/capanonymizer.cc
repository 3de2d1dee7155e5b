/*
 * capanonymizer.{cc,hh} -- Crypto-PAn trace anonymization
 */

#include <click/config.h>
#include "capanonymizer.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

static const uint8_t aes_sbox[256] = {
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
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16
};

#define XTIME(b) ((uint8_t) (((b) << 1) ^ (((b) & 0x80) ? 0x1b : 0x00)))

/* AES-128 encryption of one block (FIPS-197), byte-oriented. */
static void
aes128_encrypt(const uint8_t *rk, const uint8_t in[16], uint8_t out[16])
{
    uint8_t s[16], t[16];
    for (int i = 0; i < 16; i++)
        s[i] = in[i] ^ rk[i];

    for (int round = 1; round <= 10; round++) {
        // SubBytes + ShiftRows (state is column-major: s[4*col + row])
        for (int c = 0; c < 4; c++)
            for (int r = 0; r < 4; r++)
                t[4*c + r] = aes_sbox[s[4*((c + r) & 3) + r]];
        // MixColumns, skipped in the last round
        if (round < 10) {
            for (int c = 0; c < 4; c++) {
                uint8_t *col = t + 4*c;
                uint8_t a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3];
                uint8_t all = a0 ^ a1 ^ a2 ^ a3;
                col[0] = a0 ^ all ^ XTIME(a0 ^ a1);
                col[1] = a1 ^ all ^ XTIME(a1 ^ a2);
                col[2] = a2 ^ all ^ XTIME(a2 ^ a3);
                col[3] = a3 ^ all ^ XTIME(a3 ^ a0);
            }
        }
        const uint8_t *k = rk + 16*round;
        for (int i = 0; i < 16; i++)
            s[i] = t[i] ^ k[i];
    }
    memcpy(out, s, 16);
}

void
CaptureAnonymizer::expand_key(const uint8_t key[16])
{
    uint8_t rcon = 0x01;
    memcpy(_round_keys, key, 16);
    for (int i = 16; i < 176; i += 4) {
        uint8_t w[4];
        memcpy(w, _round_keys + i - 4, 4);
        if (i % 16 == 0) {
            uint8_t first = w[0];
            w[0] = aes_sbox[w[1]] ^ rcon;
            w[1] = aes_sbox[w[2]];
            w[2] = aes_sbox[w[3]];
            w[3] = aes_sbox[first];
            rcon = XTIME(rcon);
        }
        for (int j = 0; j < 4; j++)
            _round_keys[i + j] = _round_keys[i - 16 + j] ^ w[j];
    }
}

/* Crypto-PAn: output bit i is the address bit i XOR the top bit of
   AES(first i address bits || pad bits i..127). */
uint32_t
CaptureAnonymizer::anonymize(uint32_t orig)
{
    CacheEntry &ce = _cache[(orig ^ (orig >> 12)) & (CACHE_SIZE - 1)];
    if (ce.valid && ce.orig == orig) {
        _cache_hits++;
        return ce.anon;
    }
    _cache_misses++;

    uint32_t pad_word = ((uint32_t) _pad[0] << 24) | ((uint32_t) _pad[1] << 16)
        | ((uint32_t) _pad[2] << 8) | _pad[3];
    uint8_t block[16], enc[16];
    memcpy(block, _pad, 16);
    uint32_t otp = 0;
    for (int pos = 0; pos < 32; pos++) {
        uint32_t head = pos ? (orig >> (32 - pos)) << (32 - pos) : 0;
        uint32_t tail = pos ? (pad_word << pos) >> pos : pad_word;
        uint32_t mixed = head | tail;
        block[0] = mixed >> 24;
        block[1] = mixed >> 16;
        block[2] = mixed >> 8;
        block[3] = mixed;
        aes128_encrypt(_round_keys, block, enc);
        otp |= (uint32_t) (enc[0] >> 7) << (31 - pos);
    }

    ce.orig = orig;
    ce.anon = orig ^ otp;
    ce.valid = true;
    return ce.anon;
}

// RFC 1624 eqn. 3 for a 32-bit field (two 16-bit words), network order.
static inline void
patch_cksum32(uint16_t *sum, uint32_t from, uint32_t to)
{
    uint32_t s = (uint16_t) ~ntohs(*sum);
    s += (uint16_t) ~(ntohl(from) >> 16) + (uint16_t) ~(ntohl(from) & 0xFFFF);
    s += (ntohl(to) >> 16) + (ntohl(to) & 0xFFFF);
    s = (s & 0xFFFF) + (s >> 16);
    s = (s & 0xFFFF) + (s >> 16);
    *sum = htons((uint16_t) ~s);
}

CaptureAnonymizer::CaptureAnonymizer()
    : _strip_payload(false), _packets(0), _cache_hits(0), _cache_misses(0), _not_ip(0)
{
    memset(_cache, 0, sizeof(_cache));
}

int
CaptureAnonymizer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String keyhex;
    if (Args(conf, this, errh)
        .read_mp("KEY", keyhex)
        .read("STRIP_PAYLOAD", _strip_payload)
        .complete() < 0)
        return -1;
    if (keyhex.length() != 64)
        return errh->error("KEY must be 64 hex digits");

    uint8_t key[32];
    for (int i = 0; i < 64; i++) {
        char c = keyhex[i];
        int v = (c >= '0' && c <= '9') ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (v < 0)
            return errh->error("KEY: bad hex digit at %d", i);
        if (i & 1)
            key[i >> 1] |= v;
        else
            key[i >> 1] = v << 4;
    }
    expand_key(key);
    aes128_encrypt(_round_keys, key + 16, _pad);
    memset(_cache, 0, sizeof(_cache));
    return 0;
}

Packet *
CaptureAnonymizer::simple_action(Packet *p)
{
    _packets++;
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        _not_ip++;
        return p;
    }
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;

    click_ip *ip = q->ip_header();
    uint32_t osrc = ip->ip_src.s_addr, odst = ip->ip_dst.s_addr;
    uint32_t nsrc = htonl(anonymize(ntohl(osrc)));
    uint32_t ndst = htonl(anonymize(ntohl(odst)));
    ip->ip_src.s_addr = nsrc;
    ip->ip_dst.s_addr = ndst;
    patch_cksum32(&ip->ip_sum, osrc, nsrc);
    patch_cksum32(&ip->ip_sum, odst, ndst);

    // the pseudo-header carries the addresses too
    unsigned hl = ip->ip_hl << 2;
    int l4len = q->network_length() - (int) hl;
    if (IP_FIRSTFRAG(ip) && l4len > 0) {
        uint16_t *l4sum = 0;
        unsigned l4hdr = 0;
        if (ip->ip_p == IP_PROTO_TCP && l4len >= (int) sizeof(click_tcp)) {
            click_tcp *th = reinterpret_cast<click_tcp *>(q->network_header() + hl);
            l4sum = &th->th_sum;
            l4hdr = th->th_off << 2;
        } else if (ip->ip_p == IP_PROTO_UDP && l4len >= (int) sizeof(click_udp)) {
            click_udp *uh = reinterpret_cast<click_udp *>(q->network_header() + hl);
            if (uh->uh_sum)         // zero means "no checksum" for UDP
                l4sum = &uh->uh_sum;
            l4hdr = sizeof(click_udp);
        }
        if (l4sum) {
            patch_cksum32(l4sum, osrc, nsrc);
            patch_cksum32(l4sum, odst, ndst);
        }
        if (_strip_payload && l4hdr && l4len > (int) l4hdr)
            q->take(l4len - l4hdr);
    }
    return q;
}

void
CaptureAnonymizer::add_handlers()
{
    add_data_handlers("packets", Handler::f_read, &_packets);
    add_data_handlers("cache_hits", Handler::f_read, &_cache_hits);
    add_data_handlers("cache_misses", Handler::f_read, &_cache_misses);
    add_data_handlers("not_ip", Handler::f_read, &_not_ip);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CaptureAnonymizer)
