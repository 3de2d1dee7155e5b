// -*- c++ -*-
/*
 * esp_chacha_decap.hh -- EspChachaDecap: inbound ESP tunnel mode for ChaCha20
 * SAs (4-byte salt, 8-byte explicit IV, RFC 7634 layout).
 */
#ifndef ACCEL_TESTSET_ESP_CHACHA_DECAP_HH
#define ACCEL_TESTSET_ESP_CHACHA_DECAP_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * EspChachaDecap(SA "SPI KEY SALT", ..., [ICV_LEN, CHECK_INNER])
 *
 * =s ipsec
 * decrypts and decapsulates ChaCha20 ESP packets
 *
 * =d
 * Input: IPv4 ESP packets, network header annotation set.  KEY: 64 hex
 * digits, SALT: 8.  The payload after the IV is decrypted up to the ICV
 * (ICV_LEN bytes, default 16; checked upstream by the offload engine, only
 * stripped here).  Padding must be 1, 2, 3, ..., next header IPv4.  The
 * inner datagram leaves on output 0 (with CHECK_INNER, default true, only
 * if its TCP/UDP checksum is right); the rest on output 1 if it exists.
 *
 * =h stats read-only   counters
 */
class EspChachaDecap : public Element {
  public:
    EspChachaDecap();

    const char *class_name() const override { return "EspChachaDecap"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { ESP_HDR = 8, ESP_IV = 8, NH_IPV4 = 4, NH_NONE = 59 };

    struct Sa {
        uint32_t key[8];        // little-endian words of the 256-bit key
        uint32_t salt;          // little-endian word of the salt
        uint64_t packets;
        Sa() : salt(0), packets(0) { memset(key, 0, sizeof(key)); }
    };

  private:
    HashMap<uint32_t, Sa> _sas;
    uint32_t _icv_len;
    bool _check_inner;

    uint64_t _in;
    uint64_t _out;
    uint64_t _no_sa;
    uint64_t _short;
    uint64_t _bad_trailer;
    uint64_t _bad_inner;
    uint64_t _bad_l4sum;
    uint64_t _dummy;

    void keystream_block(const uint32_t in[16], unsigned char out[64]) const;
    void xor_stream(const Sa &sa, const unsigned char *iv, unsigned char *buf, uint32_t len) const;
    uint16_t l4_sum(const click_ip *iph, const unsigned char *seg, uint32_t len) const;
    void fail(Packet *p, uint64_t &counter);
    static bool parse_hex(const String &s, unsigned char *out, int nbytes);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
