// -*- c-basic-offset: 4 -*-
/*
 * wep_decap.{cc,hh} -- WEP decryption and decapsulation of 802.11 frames
 *
 * Models the receive path of a legacy WEP access point: RC4 (KSA + PRGA)
 * over the payload and ICV, CRC-32 ICV check, IV and ICV removal.  RC4 and
 * CRC-32 are written out here, as a NIC port would have to replace them
 * with its crypto and CRC engines.  See wep_decap.hh for the interface.
 */

#include <click/config.h>
#include "wep_decap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
CLICK_DECLS

namespace {
// 802.11 frame control bits (first byte: type/subtype; second byte: flags)
const uint8_t FC0_TYPE_MASK = 0x0C;
const uint8_t FC0_TYPE_DATA = 0x08;
const uint8_t FC0_SUBTYPE_QOS = 0x80;
const uint8_t FC1_DIR_MASK = 0x03;
const uint8_t FC1_DIR_DSTODS = 0x03;
const uint8_t FC1_PROTECTED = 0x40;

const uint32_t WIFI_HDR_LEN = 24;       // fc, duration, addr1-3, seq
const uint32_t WIFI_ADDR4_LEN = 6;
const uint32_t WIFI_QOS_LEN = 2;
const uint32_t CRC32_POLY = 0xEDB88320; // IEEE 802.3, reflected
}

WEPDecap::WEPDecap()
    : _strict(false), _decrypted(0), _icv_errors(0), _bad(0), _unprotected(0),
      _weak_ivs(0)
{
    memset(_keys, 0, sizeof(_keys));
    memset(_key_len, 0, sizeof(_key_len));
    build_crc_table();
}

WEPDecap::~WEPDecap()
{
}

void
WEPDecap::build_crc_table()
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (CRC32_POLY ^ (c >> 1)) : (c >> 1);
        _crc_table[n] = c;
    }
}

// Returns the key length in bytes (5 or 13), or -1.
int
WEPDecap::parse_hex_key(const String &s, uint8_t *key)
{
    int n = s.length();
    if (n != 10 && n != 26)
        return -1;
    const char *d = s.data();
    for (int i = 0; i < n; i++) {
        char c = d[i];
        int v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else
            return -1;
        if (i & 1)
            key[i >> 1] |= v;
        else
            key[i >> 1] = v << 4;
    }
    return n / 2;
}

int
WEPDecap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String keys[NKEYS];
    String key_alias;
    bool strict = false;

    if (Args(conf, this, errh)
        .read("KEY", key_alias)
        .read("KEY0", keys[0])
        .read("KEY1", keys[1])
        .read("KEY2", keys[2])
        .read("KEY3", keys[3])
        .read("STRICT", strict)
        .complete() < 0)
        return -1;

    if (key_alias.length()) {
        if (keys[0].length())
            return errh->error("KEY and KEY0 are synonyms; give one");
        keys[0] = key_alias;
    }

    int nkeys = 0;
    for (int k = 0; k < NKEYS; k++) {
        _key_len[k] = 0;
        if (!keys[k].length())
            continue;
        int len = parse_hex_key(keys[k], _keys[k]);
        if (len < 0)
            return errh->error("KEY%d: expected 10 or 26 hex digits", k);
        _key_len[k] = len;
        nkeys++;
    }
    if (nkeys == 0)
        return errh->error("no key configured");

    _strict = strict;
    return 0;
}

uint32_t
WEPDecap::crc32(const unsigned char *data, uint32_t len) const
{
    uint32_t crc = 0xFFFFFFFF;
    for (uint32_t i = 0; i < len; i++)
        crc = _crc_table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

// RC4: key schedule over the seed, then XOR the keystream into data.
void
WEPDecap::rc4_crypt(const uint8_t *seed, int seed_len, unsigned char *data, uint32_t len)
{
    uint8_t S[RC4_STATE];
    for (int i = 0; i < RC4_STATE; i++)
        S[i] = i;

    // KSA
    uint8_t j = 0;
    int k = 0;
    for (int i = 0; i < RC4_STATE; i++) {
        j = j + S[i] + seed[k];
        uint8_t t = S[i];
        S[i] = S[j];
        S[j] = t;
        if (++k == seed_len)
            k = 0;
    }

    // PRGA
    uint8_t x = 0, y = 0;
    for (uint32_t n = 0; n < len; n++) {
        x = x + 1;
        y = y + S[x];
        uint8_t t = S[x];
        S[x] = S[y];
        S[y] = t;
        data[n] ^= S[(uint8_t) (S[x] + S[y])];
    }
}

Packet *
WEPDecap::reject(Packet *p, uint64_t &counter)
{
    counter++;
    checked_output_push(1, p);      // kills p when there is no output 1
    return 0;
}

Packet *
WEPDecap::simple_action(Packet *p_in)
{
    const unsigned char *d = p_in->data();
    uint32_t plen = p_in->length();
    if (plen < WIFI_HDR_LEN)
        return reject(p_in, _bad);

    // MAC header length: 4-address frames and QoS data frames are longer.
    uint8_t fc0 = d[0], fc1 = d[1];
    uint32_t hdr_len = WIFI_HDR_LEN;
    if ((fc1 & FC1_DIR_MASK) == FC1_DIR_DSTODS)
        hdr_len += WIFI_ADDR4_LEN;
    if ((fc0 & FC0_TYPE_MASK) == FC0_TYPE_DATA && (fc0 & FC0_SUBTYPE_QOS))
        hdr_len += WIFI_QOS_LEN;

    if (!(fc1 & FC1_PROTECTED)) {
        if (_strict)
            return reject(p_in, _unprotected);
        _unprotected++;
        return p_in;
    }

    if (plen < hdr_len + IV_FIELD_LEN + ICV_LEN)
        return reject(p_in, _bad);

    const unsigned char *iv = d + hdr_len;
    int keyid = iv[3] >> 6;
    int key_len = _key_len[keyid];
    if (key_len == 0)
        return reject(p_in, _bad);

    // FMS weak IVs: (A + 3, 0xFF, X) for key byte A.
    if (iv[1] == 0xFF && iv[0] >= 3 && iv[0] < 3 + key_len)
        _weak_ivs++;

    WritablePacket *p = p_in->uniqueify();
    if (!p)
        return 0;
    unsigned char *data = p->data();

    // Per-packet RC4 seed: IV || key.
    uint8_t seed[IV_LEN + MAX_KEY_LEN];
    seed[0] = data[hdr_len];
    seed[1] = data[hdr_len + 1];
    seed[2] = data[hdr_len + 2];
    for (int i = 0; i < key_len; i++)
        seed[IV_LEN + i] = _keys[keyid][i];

    unsigned char *body = data + hdr_len + IV_FIELD_LEN;
    uint32_t body_len = plen - hdr_len - IV_FIELD_LEN;     // payload + ICV
    rc4_crypt(seed, IV_LEN + key_len, body, body_len);

    // ICV: little-endian CRC-32 of the plaintext payload.
    uint32_t payload_len = body_len - ICV_LEN;
    uint32_t crc = crc32(body, payload_len);
    const unsigned char *icv = body + payload_len;
    uint32_t icv_val = icv[0] | (icv[1] << 8) | (icv[2] << 16) | ((uint32_t) icv[3] << 24);
    if (icv_val != crc)
        return reject(p, _icv_errors);

    // Decapsulate: slide the MAC header over the IV field, drop the ICV.
    memmove(data + IV_FIELD_LEN, data, hdr_len);
    p->pull(IV_FIELD_LEN);
    p->take(ICV_LEN);
    p->data()[1] &= ~FC1_PROTECTED;

    _decrypted++;
    return p;
}

String
WEPDecap::read_handler(Element *e, void *thunk)
{
    WEPDecap *w = static_cast<WEPDecap *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_decrypted:
        return String(w->_decrypted);
    case h_icv_errors:
        return String(w->_icv_errors);
    case h_bad:
        return String(w->_bad);
    case h_unprotected:
        return String(w->_unprotected);
    case h_weak_ivs:
        return String(w->_weak_ivs);
    default:
        return String();
    }
}

int
WEPDecap::write_handler(const String &, Element *e, void *thunk, ErrorHandler *)
{
    WEPDecap *w = static_cast<WEPDecap *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_reset)
        w->_decrypted = w->_icv_errors = w->_bad = w->_unprotected = w->_weak_ivs = 0;
    return 0;
}

void
WEPDecap::add_handlers()
{
    add_read_handler("decrypted", read_handler, h_decrypted);
    add_read_handler("icv_errors", read_handler, h_icv_errors);
    add_read_handler("bad", read_handler, h_bad);
    add_read_handler("unprotected", read_handler, h_unprotected);
    add_read_handler("weak_ivs", read_handler, h_weak_ivs);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(WEPDecap)
