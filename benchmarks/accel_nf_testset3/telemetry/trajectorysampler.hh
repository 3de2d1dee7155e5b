#ifndef CLICK_TRAJECTORYSAMPLER_HH
#define CLICK_TRAJECTORYSAMPLER_HH
#include <click/element.hh>
CLICK_DECLS

/*
=c

TrajectorySampler(RATIO, I<keywords> DOMAIN, PAYLOAD, LABEL_ANNO)

=s telemetry

hash-based packet selection for trajectory sampling (PSAMP, RFC 5475)

=d

Selects packets deterministically from their content, so every router in a
measurement domain selects the same packets and a collector can reassemble
their trajectories.  The digest covers only the fields that do not change
hop by hop: version/header length, total length, identification, fragment
field, protocol, addresses and the first PAYLOAD bytes (default 8) after the
IP header.  TTL, TOS and the header checksum are excluded.

A packet is selected when its digest, seen as a fraction of 2^32, is below
1/RATIO.  A clone of every selected packet, with the digest as its
aggregate annotation (the packet label), is emitted on output 1; all
packets leave unchanged on output 0.  DOMAIN seeds the digest and must be
the same on all routers of the domain.
*/

static const uint32_t ts_crc32c_nib[16] = {
    0x00000000, 0x105ec76f, 0x20bd8ede, 0x30e349b1,
    0x417b1dbc, 0x5125dad3, 0x61c69362, 0x7198540d,
    0x82f63b78, 0x92a8fc17, 0xa24bb5a6, 0xb21572c9,
    0xc38d26c4, 0xd3d3e1ab, 0xe330a81a, 0xf36e6f75
};

/* CRC-32C (Castagnoli), four bits at a time.  Chains like zlib's crc32():
   pass 0 to start, or the previous result to continue. */
static inline uint32_t
ts_crc32c(uint32_t crc, const uint8_t *buf, unsigned len)
{
    crc = ~crc;
    while (len--) {
        crc ^= *buf++;
        crc = (crc >> 4) ^ ts_crc32c_nib[crc & 0x0F];
        crc = (crc >> 4) ^ ts_crc32c_nib[crc & 0x0F];
    }
    return ~crc;
}

class TrajectorySampler : public Element {
  public:
    TrajectorySampler();

    const char *class_name() const override { return "TrajectorySampler"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int, Packet *) override;

  private:
    enum { MAX_PAYLOAD = 16, DIGEST_MAX = 16 + MAX_PAYLOAD };

    uint32_t _ratio;
    uint32_t _threshold;
    uint32_t _domain;
    unsigned _payload;
    bool _label_anno;

    uint64_t _seen;
    uint64_t _selected;
    uint64_t _short;
    uint64_t _clone_fail;
};

CLICK_ENDDECLS
#endif
