// LoRaWAN uplink MIC verification (LoRaWAN 1.0.4 section 4.4)
#include <click/config.h>
#include "lorawan_mic_check.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/confparse.hh>
#include <clicknet/udp.h>
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

static inline uint8_t xtime(uint8_t x) { return (uint8_t) ((x << 1) ^ ((x >> 7) * 0x1b)); }

static void
aes128_expand_key(const uint8_t *key, uint8_t *rk)
{
    static const uint8_t rcon[10] = { 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36 };
    memcpy(rk, key, 16);
    for (int i = 4; i < 44; i++) {
        uint8_t t0 = rk[4 * i - 4], t1 = rk[4 * i - 3], t2 = rk[4 * i - 2], t3 = rk[4 * i - 1];
        if ((i & 3) == 0) {
            uint8_t u = t0;
            t0 = aes_sbox[t1] ^ rcon[i / 4 - 1];
            t1 = aes_sbox[t2];
            t2 = aes_sbox[t3];
            t3 = aes_sbox[u];
        }
        rk[4 * i] = rk[4 * i - 16] ^ t0;
        rk[4 * i + 1] = rk[4 * i - 15] ^ t1;
        rk[4 * i + 2] = rk[4 * i - 14] ^ t2;
        rk[4 * i + 3] = rk[4 * i - 13] ^ t3;
    }
}

static void
aes128_encrypt(const uint8_t *rk, const uint8_t *in, uint8_t *out)
{
    uint8_t s[16], t[16];
    for (int i = 0; i < 16; i++)
        s[i] = in[i] ^ rk[i];
    for (int round = 1; round <= 10; round++) {
        for (int c = 0; c < 4; c++)             // SubBytes + ShiftRows
            for (int r = 0; r < 4; r++)
                t[4 * c + r] = aes_sbox[s[4 * ((c + r) & 3) + r]];
        if (round != 10)
            for (int c = 0; c < 4; c++) {       // MixColumns
                uint8_t *col = t + 4 * c;
                uint8_t a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3];
                uint8_t all = a0 ^ a1 ^ a2 ^ a3;
                col[0] ^= all ^ xtime(a0 ^ a1);
                col[1] ^= all ^ xtime(a1 ^ a2);
                col[2] ^= all ^ xtime(a2 ^ a3);
                col[3] ^= all ^ xtime(a3 ^ a0);
            }
        for (int i = 0; i < 16; i++)            // AddRoundKey
            s[i] = t[i] ^ rk[16 * round + i];
    }
    memcpy(out, s, 16);
}

LoRaWanMicCheck::LoRaWanMicCheck()
    : _nsessions(0), _offset(8 + 20), _mic_fail(0), _unknown(0), _replays(0), _not_data(0), _ok(0)
{
}

LoRaWanMicCheck::~LoRaWanMicCheck()
{
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int
LoRaWanMicCheck::configure(Vector<String> &conf, ErrorHandler *errh)
{
    for (int i = 0; i < conf.size(); i++) {
        Vector<String> w;
        cp_spacevec(conf[i], w);
        if (w.size() == 2 && w[0] == "OFFSET") {
            if (!cp_integer(w[1], &_offset))
                return errh->error("bad OFFSET");
        } else if (w.size() == 3 && w[0] == "SESSION" && w[2].length() == 32) {
            unsigned devaddr;
            if (_nsessions >= MAX_SESSIONS || !cp_integer(w[1], 16, &devaddr))
                return errh->error("bad SESSION %d", i);
            Session &s = _sessions[_nsessions];
            memset(&s, 0, sizeof(s));
            s.devaddr = devaddr;
            for (int j = 0; j < 16; j++) {
                int hi = hexval(w[2][2 * j]), lo = hexval(w[2][2 * j + 1]);
                if (hi < 0 || lo < 0)
                    return errh->error("bad NwkSKey in SESSION %d", i);
                s.nwkskey[j] = (hi << 4) | lo;
            }
            _by_devaddr.insert(devaddr, _nsessions++);
        } else
            return errh->error("argument %d not understood", i);
    }
    return 0;
}

// AES-CMAC (RFC 4493) over msg[0, len) with the session's NwkSKey.
void
LoRaWanMicCheck::cmac(Session &s, const uint8_t *msg, unsigned len, uint8_t tag[16])
{
    if (!s.expanded) {
        uint8_t l[16], zero[16] = { 0 };
        aes128_expand_key(s.nwkskey, s.round_keys);
        aes128_encrypt(s.round_keys, zero, l);
        for (int i = 0; i < 16; i++)
            s.k1[i] = (l[i] << 1) | (i < 15 ? l[i + 1] >> 7 : 0);
        if (l[0] & 0x80)
            s.k1[15] ^= 0x87;
        for (int i = 0; i < 16; i++)
            s.k2[i] = (s.k1[i] << 1) | (i < 15 ? s.k1[i + 1] >> 7 : 0);
        if (s.k1[0] & 0x80)
            s.k2[15] ^= 0x87;
        s.expanded = true;
    }

    unsigned nblocks = (len + 15) / 16;
    bool complete = len && (len % 16) == 0;
    if (nblocks == 0)
        nblocks = 1;
    uint8_t x[16] = { 0 }, y[16];
    for (unsigned b = 0; b + 1 < nblocks; b++) {
        for (int i = 0; i < 16; i++)
            y[i] = x[i] ^ msg[16 * b + i];
        aes128_encrypt(s.round_keys, y, x);
    }
    const uint8_t *last = msg + 16 * (nblocks - 1);
    unsigned rem = len - 16 * (nblocks - 1);
    for (unsigned i = 0; i < 16; i++) {
        uint8_t m = complete ? last[i] : (i < rem ? last[i] : (i == rem ? 0x80 : 0));
        y[i] = x[i] ^ m ^ (complete ? s.k1[i] : s.k2[i]);
    }
    aes128_encrypt(s.round_keys, y, tag);
}

void
LoRaWanMicCheck::push(int, Packet *p)
{
    const uint8_t *phy = p->has_transport_header() ? p->transport_header() + _offset : p->end_data();
    if (phy + 12 > p->end_data() || ((phy[0] >> 5) != 2 && (phy[0] >> 5) != 4)) {
        _not_data++;
        checked_output_push(2, p);
        return;
    }
    unsigned msglen = p->end_data() - phy - 4;
    uint32_t devaddr = phy[1] | (phy[2] << 8) | (phy[3] << 16) | ((uint32_t) phy[4] << 24);
    int *idx = _by_devaddr.findp(devaddr);
    if (!idx || msglen > MAX_MSG) {
        _unknown++;
        checked_output_push(2, p);
        return;
    }
    Session &s = _sessions[*idx];

    // 16-bit FCnt on the air; the high half is inferred from the last accepted value
    uint16_t fcnt16 = phy[6] | (phy[7] << 8);
    uint32_t fcnt = (s.fcnt_up & 0xFFFF0000U) | fcnt16;
    if (fcnt16 < (s.fcnt_up & 0xFFFF))
        fcnt += 0x10000;
    if (s.seen_any && fcnt <= s.fcnt_up) {
        _replays++;
        checked_output_push(2, p);
        return;
    }

    uint8_t *b0 = _scratch;
    b0[0] = 0x49;
    b0[1] = b0[2] = b0[3] = b0[4] = 0;
    b0[5] = 0;                                  // Dir = uplink
    memcpy(b0 + 6, phy + 1, 4);                 // DevAddr, little endian as on air
    b0[10] = fcnt; b0[11] = fcnt >> 8; b0[12] = fcnt >> 16; b0[13] = fcnt >> 24;
    b0[14] = 0;
    b0[15] = msglen;
    memcpy(_scratch + 16, phy, msglen);

    uint8_t tag[16];
    cmac(s, _scratch, 16 + msglen, tag);
    if (memcmp(tag, phy + msglen, 4) != 0) {
        s.bad++;
        _mic_fail++;
        checked_output_push(1, p);
        return;
    }
    s.ok++;
    s.fcnt_up = fcnt;
    s.seen_any = true;
    _ok++;
    SET_SEQUENCE_NUMBER_ANNO(p, fcnt);
    output(0).push(p);
}

void
LoRaWanMicCheck::add_handlers()
{
    add_data_handlers("ok", Handler::f_read, &_ok);
    add_data_handlers("mic_fail", Handler::f_read, &_mic_fail);
    add_data_handlers("unknown", Handler::f_read, &_unknown);
    add_data_handlers("replays", Handler::f_read, &_replays);
    add_data_handlers("not_data", Handler::f_read, &_not_data);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(LoRaWanMicCheck)
