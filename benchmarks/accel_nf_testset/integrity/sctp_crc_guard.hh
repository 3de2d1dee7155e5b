// -*- c++ -*-
/*
 * sctp_crc_guard.hh -- SctpCrcGuard: checks (or rewrites) the checksum of
 * SCTP packets carried in IPv4, counts chunk types, and diverts packets
 * whose checksum is wrong or whose common header is malformed.
 */
#ifndef ACCEL_TESTSET_SCTP_CRC_GUARD_HH
#define ACCEL_TESTSET_SCTP_CRC_GUARD_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * SctpCrcGuard([FIX, ZERO_VTAG_INIT_ONLY, MAX_LEN])
 *
 * =s sctp
 * verifies the SCTP common-header checksum
 *
 * =d
 * Input: IPv4 packets with the network header annotation set (for example
 * after CheckIPHeader).  Non-SCTP packets pass through on output 0
 * untouched.  For SCTP packets the checksum of the whole SCTP packet
 * (common header with the checksum field taken as zero, then all chunks) is
 * computed and compared with the header field.  If FIX is true (default
 * false) the field is rewritten instead, which is what a port-rewriting
 * NAT in front of this element needs.  Packets with a bad checksum, a
 * truncated common header, or (with ZERO_VTAG_INIT_ONLY, default true) a
 * zero verification tag on anything but an INIT chunk go to output 1 if it
 * exists and are dropped otherwise.
 *
 * =h stats read-only   counters
 */
class SctpCrcGuard : public Element {
  public:
    SctpCrcGuard();
    ~SctpCrcGuard();

    const char *class_name() const override { return "SctpCrcGuard"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { SCTP_COMMON_LEN = 12, CHUNK_INIT = 1, CHUNK_ABORT = 6,
           CHUNK_SHUTDOWN_COMPLETE = 14, NCHUNK_TYPES = 16 };

  private:
    uint32_t _lut[4][256];      // four byte-position tables, built in configure()

    bool _fix;
    bool _vtag_rule;
    uint32_t _max_len;

    uint64_t _sctp;
    uint64_t _passed;
    uint64_t _fixed;
    uint64_t _bad_sum;
    uint64_t _bad_hdr;
    uint64_t _bad_vtag;
    uint64_t _other;
    uint64_t _chunk_seen[NCHUNK_TYPES + 1];

    void build_tables();
    uint32_t crc32c_update(uint32_t crc, const unsigned char *p, uint32_t n) const;
    uint32_t packet_digest(const unsigned char *sctp, uint32_t len) const;
    void reject(Packet *p, uint64_t &counter);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
