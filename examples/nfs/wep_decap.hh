#ifndef CLARA_EXAMPLES_WEPDECAP_HH
#define CLARA_EXAMPLES_WEPDECAP_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * WEPDecap(KEY0 [, KEY1, KEY2, KEY3, STRICT])
 *
 * =s wifi
 * decrypts and decapsulates WEP-protected 802.11 frames
 *
 * =d
 * Models the receive path of a legacy 802.11 access point or monitor
 * (WEP, IEEE 802.11-1999 clause 8.2): input packets start with an 802.11
 * MAC header (3- or 4-address, optionally QoS).  For frames with the
 * Protected bit set, the element reads the 3-byte IV and the key index,
 * seeds RC4 with IV || key, runs the key schedule (KSA) and the keystream
 * generator (PRGA) over the payload and the trailing 4-byte ICV to decrypt
 * them in place, and checks the ICV, a CRC-32 of the plaintext.  On success
 * it removes the IV/key-index field and the ICV, clears the Protected bit,
 * and emits the frame on output 0.  Frames that are too short, name an
 * unconfigured key, or fail the ICV check are dropped, or emitted on
 * output 1 if it exists.  Unprotected frames pass unchanged unless STRICT.
 *
 * The CRC-32 (IEEE 802.3 polynomial, reflected) is table-driven, with the
 * table built once at construction.  The element also counts IVs of the
 * "weak" form exploited by the Fluhrer-Mantin-Shamir attack.
 *
 * Keyword arguments:
 * =item KEY0..KEY3  Hex strings, 10 digits (WEP-40) or 26 digits (WEP-104).
 *                   KEY is a synonym for KEY0.  At least one key is needed.
 * =item STRICT      Boolean.  Drop unprotected frames.  Default false.
 *
 * =h decrypted read-only    frames decrypted with a good ICV
 * =h icv_errors read-only   frames whose ICV did not match
 * =h bad read-only          frames too short or naming a missing key
 * =h unprotected read-only  frames without the Protected bit
 * =h weak_ivs read-only     frames with an FMS-weak IV
 * =h reset write-only       zero the counters
 */
class WEPDecap : public Element {
  public:
    WEPDecap();
    ~WEPDecap();

    const char *class_name() const override { return "WEPDecap"; }
    const char *port_count() const override { return "1/1-2"; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

    enum { NKEYS = 4, MAX_KEY_LEN = 13, IV_LEN = 3, IV_FIELD_LEN = 4,
           ICV_LEN = 4, RC4_STATE = 256 };

  private:
    enum { h_decrypted, h_icv_errors, h_bad, h_unprotected, h_weak_ivs, h_reset };

    uint8_t _keys[NKEYS][MAX_KEY_LEN];
    uint8_t _key_len[NKEYS];            // 0: slot empty
    bool _strict;

    uint32_t _crc_table[256];

    uint64_t _decrypted;
    uint64_t _icv_errors;
    uint64_t _bad;
    uint64_t _unprotected;
    uint64_t _weak_ivs;

    void build_crc_table();
    uint32_t crc32(const unsigned char *data, uint32_t len) const;
    static void rc4_crypt(const uint8_t *seed, int seed_len,
                          unsigned char *data, uint32_t len);
    static int parse_hex_key(const String &s, uint8_t *key);
    Packet *reject(Packet *p, uint64_t &counter);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
