// -*- c++ -*-
/*
 * esp_framer.hh -- EspFramer: builds the ESP framing around an outbound
 * inner IPv4 datagram (tunnel mode): ESP header with SPI and sequence
 * number, an IV slot, optional traffic-flow-confidentiality padding, the
 * self-describing padding, pad length, next header and room for the ICV.
 * Encryption, the ICV and the outer IP header are added downstream.
 */
#ifndef ACCEL_TESTSET_ESP_FRAMER_HH
#define ACCEL_TESTSET_ESP_FRAMER_HH
#include <click/element.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * EspFramer(SPI, [BLOCK, ICV_LEN, TFC_MAX, ESN, SEED])
 *
 * =s ipsec
 * frames IPv4 datagrams as ESP payloads
 *
 * =d
 * Input: IPv4 datagrams starting at the packet data.  Output 0: the ESP
 * framing of each datagram, the plaintext (payload, TFC padding, padding,
 * pad length, next header 4) a multiple of BLOCK bytes (default 4; 16 for
 * block ciphers), followed by ICV_LEN zero bytes (default 12).  With
 * TFC_MAX > 0 a pseudo-random 0 to TFC_MAX zero bytes are inserted after
 * the payload to blur packet sizes.  The sequence number counts from 1;
 * without ESN the SA is exhausted after 2^32 - 1 packets and further
 * packets go to output 1 (or are dropped) until the counter is reset.
 *
 * =h stats read-only     counters
 * =h reset_seq write-only  restart the sequence number (after a rekey)
 */
class EspFramer : public Element {
  public:
    EspFramer();

    const char *class_name() const override { return "EspFramer"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PROCESSING_A_AH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { ESP_HDR = 8, IV_LEN = 8, FRONT = ESP_HDR + IV_LEN, NH_IPV4 = 4, MAX_PAD = 255 };

  private:
    uint32_t _spi;
    uint32_t _block;
    uint32_t _icv_len;
    uint32_t _tfc_max;
    bool _esn;
    uint64_t _seq;
    uint32_t _rng;

    uint64_t _framed;
    uint64_t _copied;
    uint64_t _exhausted;
    uint64_t _not_ip;
    uint64_t _pad_bytes;

    static inline uint32_t to_wire32(uint32_t x) {
#if CLICK_BYTE_ORDER == CLICK_LITTLE_ENDIAN
        return (x >> 24) | ((x >> 8) & 0x0000FF00U) | ((x << 8) & 0x00FF0000U) | (x << 24);
#else
        return x;
#endif
    }
    uint32_t next_random() {
        uint32_t x = _rng;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _rng = x;
        return x;
    }
    Packet *relocate(Packet *p, uint32_t front, uint32_t back);

    static String read_handler(Element *e, void *thunk);
    static int reset_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
