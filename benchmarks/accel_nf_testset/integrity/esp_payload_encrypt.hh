// -*- c++ -*-
/*
 * esp_payload_encrypt.hh -- EspPayloadEncrypt: outbound ESP payload
 * encryption for SAs configured with a 128-bit block cipher key in counter
 * mode (RFC 3686 counter block: nonce | IV | block counter).
 */
#ifndef ACCEL_TESTSET_ESP_PAYLOAD_ENCRYPT_HH
#define ACCEL_TESTSET_ESP_PAYLOAD_ENCRYPT_HH
#include <click/element.hh>
#include <click/hashmap.hh>
CLICK_DECLS

/*
 * =c
 * EspPayloadEncrypt(SA "SPI KEY NONCE", ..., [ICV_LEN])
 *
 * =s ipsec
 * encrypts the payload of ESP-framed packets
 *
 * =d
 * Input: packets that start with an ESP header (SPI, sequence number), an
 * 8-byte IV slot and the payload with its ESP trailer, as EspFramer
 * produces them, followed by ICV_LEN (default 12) reserved bytes for the
 * integrity check value.  KEY is 32 hex digits, NONCE 8.  The element
 * writes a fresh IV (a per-SA 64-bit counter), encrypts the payload and
 * trailer in place and emits the packet on output 0; the outer IP header
 * and the ICV are added downstream.  Packets with an unknown SPI or a
 * payload that is not a whole number of 4-byte words go to output 1.
 *
 * =h stats read-only  counters
 */
class EspPayloadEncrypt : public Element {
  public:
    EspPayloadEncrypt();
    ~EspPayloadEncrypt();

    const char *class_name() const override { return "EspPayloadEncrypt"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PROCESSING_A_AH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { MAX_SA = 32, ROUND_KEY_BYTES = 176, ESP_HDR = 8, IV_LEN = 8, BLOCK = 16 };

  private:
    uint8_t _rk[MAX_SA][ROUND_KEY_BYTES];  // expanded keys, one row per SA
    uint8_t _nonce[MAX_SA][4];
    uint64_t _iv_next[MAX_SA];
    uint64_t _sa_packets[MAX_SA];
    uint32_t _sa_spi[MAX_SA];
    int _nsa;
    HashMap<uint32_t, int> _slot_of;
    uint32_t _icv_len;

    uint64_t _encrypted;
    uint64_t _bytes;
    uint64_t _no_sa;
    uint64_t _malformed;

    void expand_key(const uint8_t key[16], uint8_t *rk) const;
    void sub_shift(const uint8_t in[16], uint8_t out[16]) const;
    void mix_columns(uint8_t s[16]) const;
    void encrypt_block(const uint8_t *rk, const uint8_t in[16], uint8_t out[16]) const;
    static bool hex_bytes(const String &s, uint8_t *out, int n);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
