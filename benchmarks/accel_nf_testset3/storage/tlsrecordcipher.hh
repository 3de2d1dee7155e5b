// -*- mode: c++; c-basic-offset: 4 -*-
#ifndef CLICK_TLSRECORDCIPHER_HH
#define CLICK_TLSRECORDCIPHER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * TLSRecordCipher(KEY, IV [, PORT, SLOTS])
 *
 * =s crypto
 * inline TLS 1.3 record encryption (ChaCha20) for NVMe/TCP offload tests
 *
 * =d
 * Emulates the transmit half of an inline TLS offload engine.  For TCP
 * segments sent from PORT (default 4420, NVMe/TCP with TLS) each complete
 * TLS 1.3 application_data record in the segment has its inner plaintext
 * encrypted in place with ChaCha20 (RFC 8439) under the 32-byte KEY; the
 * per-record nonce is IV XOR the record sequence number, and the key
 * stream starts at block counter 1 as in the AEAD construction.  The last
 * 16 bytes of each record are left for the Poly1305 tag, which the next
 * element (TLSRecordSeal) fills in.
 *
 * Record sequence numbers are kept per connection in a direct-mapped table
 * of SLOTS entries.  Segments whose records do not end inside the segment
 * are passed on unmodified with paint annotation 1 so that a PaintSwitch
 * can send them to the software TLS path.
 *
 * KEY and IV are hex strings (64 and 24 digits).
 */
class TLSRecordCipher : public Element {
  public:
    TLSRecordCipher();
    ~TLSRecordCipher();

    const char *class_name() const	{ return "TLSRecordCipher"; }
    const char *port_count() const	{ return PORTS_1_1; }
    const char *processing() const	{ return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();

    Packet *simple_action(Packet *p);

  private:
    enum { TLS_HDR_LEN = 5, TLS_TAG_LEN = 16, TLS_CT_APPDATA = 23,
	   TLS_MAX_RECORD = 16384 + 256 };

    struct ConnSlot {
	uint32_t saddr;
	uint32_t daddr;
	uint32_t ports;
	uint64_t seq;
	bool in_use;
    };

    uint8_t _key[32];
    uint8_t _iv[12];
    uint16_t _port;
    unsigned _slot_bits;
    ConnSlot *_slots;

    uint64_t _records;
    uint64_t _bytes;
    uint64_t _slow_path;
    uint64_t _evictions;

    ConnSlot *lookup_conn(const click_ip *iph, const click_tcp *tcph);
};

CLICK_ENDDECLS
#endif
